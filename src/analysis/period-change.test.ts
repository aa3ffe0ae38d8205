import { describe, expect, it } from 'vitest';

import { monthsIn, type Month } from '../domain/month.js';
import { compareCounts } from './compare-counts.js';
import { periodChange } from './period-change.js';

const series = (from: Month, to: Month, count: (m: Month) => number, skip: Month[] = []) =>
  new Map(
    monthsIn({ from, to })
      .filter((m) => !skip.includes(m))
      .map((m) => [m, count(m)]),
  );

describe('how a count moved from a plan’s base period to a later one', () => {
  it('compares periods of one length month by month, leaving out and naming months not held', () => {
    const s = series('2021-01', '2025-12', (m) => (m.startsWith('2025') ? 12 : 10), [
      '2021-03',
      '2025-07',
      '2025-08',
    ]);
    const c = periodChange(
      s,
      { from: '2021-01', to: '2021-12' },
      { from: '2025-01', to: '2025-12' },
    )!;
    // Nine months held in both: 2021's March, July and August have no pair, or are not held.
    expect(c).toMatchObject({ previous: 90, current: 108, basis: 'paired' });
    expect(c.notHeld).toEqual({ base: ['2021-03'], period: ['2025-07', '2025-08'] });
    expect(c.unpaired).toEqual(['2021-07', '2021-08', '2025-03']);
    const test = compareCounts(108, 90);
    expect(c.changePct).toBeCloseTo(20, 10);
    expect(c.pValue).toBe(test.pValue);
    expect(c.significant).toBe(test.pValue < 0.05);
  });

  it('compares periods of different lengths per month held', () => {
    const s = series('2024-01', '2025-06', () => 10);
    const c = periodChange(
      s,
      { from: '2024-01', to: '2024-12' },
      { from: '2025-01', to: '2025-06' },
    )!;
    expect(c).toMatchObject({ previous: 120, current: 60, basis: 'per month', changePct: 0 });
    expect(c.pValue).toBe(compareCounts(60, 120, 6, 12).pValue);
  });

  it('gives nothing when one period has no month held', () => {
    const s = series('2025-01', '2025-12', () => 10);
    expect(
      periodChange(s, { from: '2021-01', to: '2021-12' }, { from: '2025-01', to: '2025-12' }),
    ).toBeNull();
  });
});
