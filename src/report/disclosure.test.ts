import { describe, expect, it } from 'vitest';

import { changeShown, csvCount, showChange, showCount } from './disclosure.js';

describe('disclosure control for the public version', () => {
  it('shows counts from 1 to 4 as "fewer than 5" to the public only; 0 and 5 as they are', () => {
    expect([0, 1, 4, 5, 1234].map((n) => showCount(n, 'public'))).toEqual([
      '0',
      'fewer than 5',
      'fewer than 5',
      '5',
      '1,234',
    ]);
    expect([1, 4].map((n) => showCount(n, 'partner'))).toEqual(['1', '4']);
    expect(showCount(null, 'public')).toBe('not held');
    expect([0, 3, 7, null].map((n) => csvCount(n, 'public'))).toEqual([0, 'fewer than 5', 7, '']);
  });

  it('hides a change when either count is small, since the change and one count give the other', () => {
    expect(changeShown(12, 3, 'public')).toBe(false);
    expect(changeShown(3, 12, 'public')).toBe(false);
    expect(changeShown(12, 3, 'partner')).toBe(true);
    expect(changeShown(12, 0, 'public')).toBe(true);
    expect(showChange(300, 12, 3, 'public')).toBe('not shown (small numbers)');
    expect(showChange(-25, 9, 12, 'public')).toBe('−25%');
    expect(showChange(14.2, 2182, 1911, 'partner')).toBe('+14%');
    expect(showChange(null, 5, null, 'public')).toBe('–');
    // The report's one rounding rule (domain/rounding.ts): one decimal under 10%, no "−0%".
    expect([-0.04, 0.04, -0.6, 8.93].map((c) => showChange(c, 900, 901, 'public'))).toEqual([
      '0%',
      '0%',
      '−0.6%',
      '+8.9%',
    ]);
  });
});
