import { describe, expect, it } from 'vitest';

import { ALL_CRIME, ASB } from '../domain/categories.js';
import { protectByMonth, type MonthCells } from '../domain/disclosure/by-month.js';
import { discloseTrendsByMonth } from './trend-disclosure.js';
import type { TrendDocument } from './trend-table.js';

const doc = (category: string, counts: number[], previous: number): TrendDocument => {
  const months = counts.map((count, i) => ({
    month: `2025-${String(i + 1).padStart(2, '0')}`,
    count,
  }));
  const current = counts.reduce((a, b) => a + b, 0);
  return {
    area: { code: 'E07000103', name: 'Watford', type: 'district' },
    category,
    label: category,
    period: { from: '2025-01', to: `2025-${String(counts.length).padStart(2, '0')}` },
    comparisonPeriod: null,
    comparison: null,
    coverage: { partial: false, words: '' } as TrendDocument['coverage'],
    current,
    previous,
    change: current - previous,
    changePct: ((current - previous) / previous) * 100,
    rateRatio: current / previous,
    ci95: [0.5, 2],
    pValue: 0.5,
    ratePer1000: current / 100,
    ratePer1000PerMonth: current / 1200,
    population: null,
    months,
    reading: `${category} rose`,
    notes: [],
  };
};

/** Each month's cells from the documents (all crime as the sum of the others but ASB). */
const monthCells = (docs: readonly TrendDocument[]): MonthCells[] => {
  const sum = docs.find((d) => d.category === ALL_CRIME);
  return docs[0]!.months.map(({ month }) => {
    const count = (d: TrendDocument) => d.months.find((m) => m.month === month)?.count ?? 0;
    return {
      month,
      parts: docs
        .filter((d) => d !== sum)
        .map((d) => ({ id: `${d.category}:${month}`, value: count(d), inSum: d.category !== ASB })),
      sum: sum ? { id: `${ALL_CRIME}:${month}`, value: count(sum) } : null,
    };
  });
};

const policy = { threshold: 5 };
const disclose = (docs: TrendDocument[], reason?: 'restricted dataset') =>
  discloseTrendsByMonth(docs, protectByMonth(monthCells(docs), policy), policy, reason);

describe('trends for a totals-only caller or a restricted dataset, month by month', () => {
  it('holds back a small month, and the total that would give it back', () => {
    const [d] = disclose([doc('robbery', [4, 10, 12], 30)]);
    expect(d!.months[0]).toMatchObject({ count: null, withheld: 'fewer than' });
    expect(d!.months.slice(1).map((m) => m.count)).toEqual([10, 12]);
    // The total less the months shown would be January: it is not shown, nor the change or rate.
    expect(d!.current).toBeNull();
    expect(d!.disclosure).toMatchObject({ current: 'not shown' });
    expect([d!.change, d!.ratePer1000]).toEqual([null, null]);
    expect(d!.reading).not.toContain('rose');
  });

  it('holds back a small total, and the change and rate worked from it', () => {
    const [d] = disclose([doc('robbery', [1, 0, 2], 3)], 'restricted dataset');
    expect(d!.current).toBeNull();
    expect(d!.previous).toBeNull();
    expect(d!.disclosure).toMatchObject({ current: 'fewer than', reason: 'restricted dataset' });
    expect(d!.notes[0]).toContain('This dataset is restricted');
    expect(d!.reading).not.toContain('rose');
    expect([d!.changePct, d!.rateRatio, d!.pValue, d!.ratePer1000]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('protects a category from all crime less the others, month by month', () => {
    const docs = disclose([
      doc('robbery', [3, 10], 20),
      doc('burglary', [20, 30], 40),
      // Shown on its own line, and not in all crime.
      doc('anti-social-behaviour', [50, 60], 90),
      doc('all-crime', [23, 40], 60),
    ]);
    // January's robbery (3) is small: all crime less burglary would give it back, so burglary is
    // held back too (all crime, the published sum, is kept).
    expect(docs[0]!.months[0]!.withheld).toBe('fewer than');
    expect(docs[1]!.months[0]!.withheld).toBe('not shown');
    expect(docs[3]!.months[0]!.count).toBe(23);
  });

  it('gives two periods that differ by a small month no totals to subtract', () => {
    const year = disclose([doc('robbery', [3, 10, 12], 30)])[0]!;
    const [later] = disclose([
      { ...doc('robbery', [10, 12], 30), months: year.months.slice(1) as TrendDocument['months'] },
    ]);
    expect(year.current).toBeNull();
    // February and March are all shown: their total is their sum, and tells nothing more.
    expect(later!.current).toBe(22);
  });

  it('leaves a trend with no small count as it was', () => {
    const original: TrendDocument = {
      ...doc('burglary', [20, 30], 40),
      comparison: {
        currentMonths: ['2025-01', '2025-02'],
        previousMonths: ['2024-01', '2024-02'],
        label: '2024-01..2024-02',
        base: '2024-01..2024-02',
        yearsBack: 1,
        basis: 'previous year',
        current: 50,
        unpaired: [],
        discontinuities: [],
      },
    };
    const [d] = disclose([original]);
    expect(d!.months).toEqual(original.months);
    expect(d!.changePct).toBe(original.changePct);
    expect(d!.reading).toBe(original.reading);
  });
});
