/**
 * A briefing's quarters: a quarter partly held is named by the months it counts, so a reader
 * never takes one month's count for three (Gwent's four months, November to February, fall in
 * two quarters of the year asked for); and a quarter of months held back elsewhere is not shown.
 */
import { describe, expect, it } from 'vitest';

import type { TrendDocument } from '../analysis/trend-table.js';
import { DEFAULT_DISCLOSURE_POLICY } from '../domain/disclosure/table.js';
import { monthsIn } from '../domain/month.js';
import { briefingFigures } from './briefing-data.js';

const PERIOD = { from: '2018-03', to: '2019-02' };
const HELD: Record<string, number> = {
  '2018-11': 317,
  '2018-12': 300,
  '2019-01': 311,
  '2019-02': 300,
};

const trend: TrendDocument = {
  area: { code: 'W06000022', name: 'Newport', type: 'district' },
  category: 'anti-social-behaviour',
  label: 'Anti-social behaviour',
  period: PERIOD,
  comparisonPeriod: null,
  comparison: null,
  coverage: { months: 12, held: 4, partial: true, words: '4 of 12 months held' },
  current: 1228,
  previous: null,
  change: null,
  changePct: null,
  rateRatio: null,
  ci95: null,
  pValue: null,
  ratePer1000: null,
  ratePer1000PerMonth: null,
  population: null,
  months: monthsIn(PERIOD).map((month) => ({ month, count: HELD[month] ?? null })),
  reading: '',
  notes: [],
};

describe('briefingFigures', () => {
  it('names a partly held quarter by its months held, and one not held as such', () => {
    const f = briefingFigures(trend, 'reports', DEFAULT_DISCLOSURE_POLICY);
    expect(f.quarters.map((q) => [q.label, q.count.text])).toEqual([
      ['Mar 2018 to May 2018', 'not held'],
      ['Jun 2018 to Aug 2018', 'not held'],
      ['Nov 2018 only', '317'],
      ['Dec 2018 to Feb 2019', '911'],
    ]);
    expect(f.monthsHeld).toBe(4);
  });

  it('says a last run shorter than three months is so (a four-month period: three, then one)', () => {
    const period = { from: '2018-11', to: '2019-02' };
    const f = briefingFigures({ ...trend, period }, 'reports', DEFAULT_DISCLOSURE_POLICY);
    expect(f.quarters.map((q) => [q.label, q.count.text])).toEqual([
      ['Nov 2018 to Jan 2019', '928'],
      ['Feb 2019 (one month only)', '300'],
    ]);
  });

  it('gives no "fewer than 5" for a quarter of months each held back elsewhere (found by QA)', () => {
    // Prevent in Three Rivers: April to June 1, 1 and 2, each "fewer than 5" in trends. The
    // quarter as "fewer than 5" would pin each month to 1 or 2.
    const period = { from: '2025-01', to: '2025-12' };
    const months = monthsIn(period);
    const counts: Record<string, number> = { '2025-04': 1, '2025-05': 1, '2025-06': 2 };
    const f = briefingFigures(
      {
        ...trend,
        period,
        coverage: { months: 12, held: 12, partial: false, words: null },
        current: 4,
        months: months.map((month) => ({ month, count: counts[month] ?? 0 })),
      },
      'referrals',
      DEFAULT_DISCLOSURE_POLICY,
      new Set(['2025-04', '2025-05', '2025-06']),
    );
    expect(f.quarters.map((q) => q.count.text)).toEqual(['0', 'not shown', '0', '0']);
    expect(f.total.text).toBe('not shown');
  });
});
