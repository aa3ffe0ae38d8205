import { describe, expect, it } from 'vitest';

import { parsePeriodChoice } from './period-input.js';
import { periodPresets } from './period-presets.js';

describe('periodPresets(held)', () => {
  it("offers only years that hold a month: Gwent's 2018-11..2019-03", () => {
    expect(periodPresets({ first: '2018-11', last: '2019-03' })).toEqual({
      values: ['last-12-months', '2019', '2018', '2018-19', '2018-11..2019-03'],
      help: '2019, 2018-19 (April to March), 2018-11..2019-03',
    });
  });

  it('offers the latest two of each over a long run (Hertfordshire to December 2025)', () => {
    expect(periodPresets({ first: '2021-01', last: '2025-12' }).values).toEqual([
      'last-12-months',
      '2025',
      '2024',
      '2025-26',
      '2024-25',
      '2021-01..2025-12',
    ]);
  });

  it('starts a financial year in April: March 2026 is in 2025-26, April 2026 in 2026-27', () => {
    expect(periodPresets({ first: '2026-03', last: '2026-03' }).values).toEqual([
      'last-12-months',
      '2026',
      '2025-26',
      '2026-03',
    ]);
    expect(periodPresets({ first: '2026-03', last: '2026-04' }).values).toEqual([
      'last-12-months',
      '2026',
      '2026-27',
      '2025-26',
      '2026-03..2026-04',
    ]);
    expect(periodPresets({ first: '1999-06', last: '2000-02' }).values).toContain('1999-00');
  });

  it('writes a financial year that would read as a month with a slash: 2011/12, not December 2011', () => {
    const presets = periodPresets({ first: '2010-12', last: '2012-06' });
    expect(presets.values).toEqual([
      'last-12-months',
      '2012',
      '2011',
      '2012-13',
      '2011/12',
      '2010-12..2012-06',
    ]);
    expect(parsePeriodChoice('2011/12')).toEqual({ from: '2011-04', to: '2012-03' });
    expect(periodPresets({ first: '2011-01', last: '2011-06' }).help).toBe(
      '2011, 2011/12 (April to March), 2011-01..2011-06',
    );
  });

  it('gives the forms alone when nothing is held', () => {
    expect(periodPresets(null).values).toEqual(['last-12-months']);
  });
});
