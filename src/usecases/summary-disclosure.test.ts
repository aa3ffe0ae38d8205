import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';

import { auditProtection } from '../domain/disclosure/audit.js';
import { protectTable } from '../domain/disclosure/protect.js';
import type { AreaSummary } from './summarise-area.js';
import { discloseSummary, summaryDisclosureTable } from './summary-disclosure.js';

let highs: Highs;
beforeAll(async () => {
  const loader = (await import('highs')) as unknown as { default: () => Promise<Highs> };
  highs = await loader.default();
});

const MONTHS = ['2025-01', '2025-02', '2025-03'];
function summary(counts: Record<string, number[]>): AreaSummary {
  const categories = Object.entries(counts).map(([category, n]) => ({
    category: category as AreaSummary['categories'][number]['category'],
    total: n.reduce((a, b) => a + b, 0),
    byMonth: Object.fromEntries(MONTHS.map((m, i) => [m, n[i]!])),
  }));
  const crime = categories.filter((c) => c.category !== 'anti-social-behaviour');
  return {
    area: { code: 'E07000103', name: 'Watford', type: 'district' },
    period: { from: '2025-01', to: '2025-03' },
    months: MONTHS.map((month) => ({ month, status: 'observed' as const })),
    categories,
    totals: {
      crime: crime.reduce((n, c) => n + c.total, 0),
      asb: categories.find((c) => c.category === 'anti-social-behaviour')?.total ?? 0,
    },
    population: null,
    coverage: { months: 3, held: 3, partial: false, words: null },
    uncounted: { noLocation: 3, outsideArea: 0, notPlaced: 0, unlistedLsoa: 0 },
    notes: ['Not counted here, though published by the force for these months: 3 records …'],
  };
}

describe('a summary for a totals-only caller', () => {
  const s = summary({
    burglary: [4, 20, 30],
    robbery: [10, 2, 12],
    'bicycle-theft': [15, 16, 17],
    'anti-social-behaviour': [1, 40, 50],
  });

  it('holds back every small count and enough others, keeping the totals', () => {
    const d = discloseSummary(s, { threshold: 5 });
    const burglary = d.categories.find((c) => c.category === 'burglary')!;
    expect(burglary.withheld?.['2025-01']).toBe('fewer than');
    expect(burglary.byMonth['2025-01']).toBeNull();
    expect(d.categories.map((c) => c.total)).toEqual(s.categories.map((c) => c.total));
    expect(d.totals).toEqual(s.totals);
    for (const c of d.categories)
      for (const n of Object.values(c.byMonth))
        if (n !== null) expect(n === 0 || n >= 5).toBe(true);
    // The records not counted (3 here) are not given.
    expect(d.uncounted).toBeNull();
    expect(d.notes.join(' ')).not.toContain('Not counted here');
  });

  it('leaves nothing a reader could narrow, by linear programming', () => {
    for (const keepTotals of [true, false]) {
      const table = summaryDisclosureTable(s, { keepTotals });
      expect(auditProtection(highs, table, protectTable(table, { threshold: 5 }))).toEqual([]);
    }
  });
});
