import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';

import { auditProtection } from '../domain/disclosure/audit.js';
import { protectTable } from '../domain/disclosure/protect.js';
import { discloseTrends, trendDisclosureTable } from './trend-disclosure.js';
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

let highs: Highs;
beforeAll(async () => {
  const loader = (await import('highs')) as unknown as { default: () => Promise<Highs> };
  highs = await loader.default();
});

describe('trends for a totals-only caller', () => {
  it('holds back a small month and another that would give it back from the total', () => {
    const [d] = discloseTrends([doc('robbery', [4, 10, 12], 30)], { threshold: 5 });
    expect(d!.months[0]).toMatchObject({ count: null, withheld: 'fewer than' });
    expect(d!.months.filter((m) => m.withheld)).toHaveLength(2);
    expect(d!.current).toBe(26);
    // The totals and the change are shown, so the reading that quotes them is kept.
    expect(d!.reading).toBe('robbery rose');
  });

  it('holds back a small total, and the change and rate worked from it', () => {
    const [d] = discloseTrends([doc('robbery', [1, 0, 2], 3)], { threshold: 5 });
    expect(d!.current).toBeNull();
    expect(d!.previous).toBeNull();
    expect(d!.disclosure).toMatchObject({ current: 'fewer than', previous: 'fewer than' });
    expect(d!.reading).not.toContain('rose');
    expect([d!.changePct, d!.rateRatio, d!.pValue, d!.ratePer1000]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('protects a category from all crime less the others, month by month', () => {
    const docs = discloseTrends(
      [
        doc('robbery', [3, 10], 20),
        doc('burglary', [20, 30], 40),
        // Shown on its own line, and not in all crime.
        doc('anti-social-behaviour', [50, 60], 90),
        doc('all-crime', [23, 40], 60),
      ],
      { threshold: 5 },
    );
    // January's robbery (3) is small: all crime less burglary would give it back, so one of them
    // is held back too.
    expect(docs[0]!.months[0]!.withheld).toBe('fewer than');
    const january = [docs[0], docs[1], docs[3]].map((d) => d!.months[0]!.count);
    expect(january.filter((c) => c === null).length).toBeGreaterThanOrEqual(2);
  });

  it('leaves no held-back count that a reader could narrow, by linear programming', () => {
    const docs = [
      doc('robbery', [3, 10, 1, 7], 20),
      doc('burglary', [20, 4, 30, 9], 40),
      doc('anti-social-behaviour', [50, 60, 2, 40], 90),
      doc('all-crime', [23, 14, 31, 16], 60),
    ];
    for (const keepTotals of [false, true]) {
      const table = trendDisclosureTable(docs, { keepTotals });
      expect(auditProtection(highs, table, protectTable(table, { threshold: 5 }))).toEqual([]);
    }
    // Totals are kept where months can protect the small counts instead.
    const shown = discloseTrends(docs, { threshold: 5 });
    expect(shown.map((d) => d.current)).toEqual(docs.map((d) => d.current));
  });

  it('leaves a trend with no small count as it was', () => {
    const original = doc('burglary', [20, 30], 40);
    const [d] = discloseTrends([original], { threshold: 5 });
    expect(d!.months).toEqual(original.months);
    expect(d!.changePct).toBe(original.changePct);
    expect(d!.reading).toBe(original.reading);
  });
});
