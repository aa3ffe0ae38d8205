import { describe, expect, it } from 'vitest';

import { wholeCount } from './whole-count.js';

describe('wholeCount(raw)', () => {
  it('reads digits, thousands separated by commas, and a spreadsheet’s ".0"', () => {
    for (const [raw, value] of [
      ['0', 0],
      [' 42 ', 42],
      ['1,234', 1234],
      ['12,345,678', 12_345_678],
      ['7.0', 7],
      ['2147483647', 2_147_483_647],
    ] as const)
      expect(wholeCount(raw), raw).toEqual({ value });
  });

  it('refuses a comma that is not a thousands separator, a fraction, a sign, and too large a count', () => {
    expect(wholeCount('1,5')).toEqual({
      error: 'not a whole number ≥ 0 (commas only between thousands, as in 1,234)',
    });
    expect(wholeCount('1,2,3,4')).toMatchObject({ error: expect.stringMatching(/thousands/u) });
    expect(wholeCount('12,34')).toMatchObject({ error: expect.stringMatching(/thousands/u) });
    for (const raw of ['1.5', '-3', '', 'x', '1e3'])
      expect(wholeCount(raw), raw).toEqual({ error: 'not a whole number ≥ 0' });
    expect(wholeCount('2147483648')).toEqual({
      error: '2147483648 is more than 2,147,483,647, the most a count can be',
    });
    expect(wholeCount('99999999999999999999')).toMatchObject({
      error: expect.stringMatching(/the most a count can be/u),
    });
  });
});
