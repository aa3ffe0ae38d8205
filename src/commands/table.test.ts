import { describe, expect, it } from 'vitest';

import { formatP } from './table.js';

describe('formatP(p)', () => {
  it('gives three decimals, "<0.001" below them (never "0.000"), and "–" for none', () => {
    // QA: stop-search's trend table printed "p (Holm) 0.000" beside "p < 0.001" in its sentence.
    expect(formatP(0.00004)).toBe('<0.001');
    expect(formatP(0.001)).toBe('0.001');
    expect(formatP(0.0456)).toBe('0.046');
    expect(formatP(null)).toBe('–');
    expect(formatP(undefined)).toBe('–');
  });
});
