import { describe, expect, it } from 'vitest';

import { InputError } from '../errors.js';
import { parseDuration } from './duration.js';

describe('parseDuration', () => {
  it('reads days, hours and minutes', () => {
    expect(parseDuration('30d')).toBe(30 * 86_400_000);
    expect(parseDuration(' 12H ')).toBe(12 * 3_600_000);
    expect(parseDuration('90m')).toBe(90 * 60_000);
  });

  it('refuses nothing, forever, and more than the limit', () => {
    expect(() => parseDuration('0d')).toThrow(InputError);
    expect(() => parseDuration('forever')).toThrow(/not a length of time/u);
    expect(() => parseDuration('400d')).toThrow(/at most 366 days/u);
  });
});
