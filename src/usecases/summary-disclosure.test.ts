import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';

import { auditProtection } from '../domain/disclosure/audit.js';
import type { AreaSummary } from './summarise-area.js';
import {
  discloseSummary,
  summaryDisclosureTable,
  summaryProtection,
} from './summary-disclosure.js';

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
    crimeByMonth: Object.fromEntries(
      MONTHS.map((m) => [m, crime.reduce((n, c) => n + (c.byMonth[m] ?? 0), 0)]),
    ),
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
    shoplifting: [50, 60, 70],
    'anti-social-behaviour': [1, 40, 50],
  });

  it('holds back every small count and enough others in its month, and a total only where a month of it is', () => {
    const d = discloseSummary(s, { threshold: 5 });
    const of = (c: string) => d.categories.find((x) => x.category === c)!;
    expect(of('burglary').withheld?.['2025-01']).toBe('fewer than');
    expect(of('burglary').byMonth['2025-01']).toBeNull();
    expect(of('robbery').withheld?.['2025-02']).toBe('fewer than');
    for (const c of d.categories)
      for (const n of Object.values(c.byMonth))
        if (n !== null) expect(n === 0 || n >= 5).toBe(true);
    // Each month's crime is published, so each month needs a second count held back.
    for (const m of MONTHS)
      expect(
        d.categories.filter((c) => c.category !== 'anti-social-behaviour' && c.byMonth[m] === null)
          .length,
      ).not.toBe(1);
    // Shoplifting has every month shown: its total is their sum. The others' are not shown.
    expect(of('shoplifting').total).toBe(180);
    expect(of('bicycle-theft').total).toBeNull();
    expect(of('burglary').total).toBeNull();
    expect(of('burglary').totalWithheld).toBe('not shown');
    expect(of('anti-social-behaviour').total).toBeNull();
    expect(d.totals.crime).toBe(s.totals.crime);
    // The records not counted (3 here) are not given.
    expect(d.uncounted).toBeNull();
    expect(d.notes.join(' ')).not.toContain('Not counted here');
  });

  it("gives each month's crime as counted (all crime is published), never the sum of the categories shown", () => {
    const d = discloseSummary(s, { threshold: 5 });
    // January: burglary (4) held back, and another beside it; its crime is still 4 + 10 + 15 + 50.
    expect(d.crimeByMonth).toEqual({ '2025-01': 79, '2025-02': 98, '2025-03': 129 });
    expect(d.disclosure?.monthCrime).toEqual({});
  });

  it('leaves nothing a reader could narrow, by linear programming', () => {
    const p = summaryProtection(s, { threshold: 5 });
    expect(auditProtection(highs, summaryDisclosureTable(s), p)).toEqual([]);
  });

  it('holds a month back alike in every answer, so two answers of overlapping periods give nothing away', () => {
    // January to March, and February to March: the totals of the two differ by January.
    const late = summary({
      burglary: [4, 20, 30],
      robbery: [10, 2, 12],
      'bicycle-theft': [15, 16, 17],
      shoplifting: [50, 60, 70],
      'anti-social-behaviour': [1, 40, 50],
    });
    late.months = late.months.slice(1);
    for (const c of late.categories) {
      delete c.byMonth['2025-01'];
      c.total = Object.values(c.byMonth).reduce<number>((a, b) => a + (b ?? 0), 0);
    }
    late.totals.crime = late.categories
      .filter((c) => c.category !== 'anti-social-behaviour')
      .reduce((n, c) => n + (c.total ?? 0), 0);
    const answers = [s, late].map((x, k) => {
      const table = summaryDisclosureTable(x);
      const p = summaryProtection(x, { threshold: 5 });
      // A total is the answer's own cell; a month is the same cell in both.
      const rename = (id: string) => (id.endsWith(':total') ? `${k}/${id}` : id);
      return {
        cells: table.cells.map((c) => ({ ...c, id: rename(c.id) })),
        relations: table.relations.map((r) => ({
          ...r,
          total: rename(r.total),
          parts: r.parts.map(rename),
        })),
        status: [...p.status].map(([id, st]) => [rename(id), st] as const),
      };
    });
    const cells = new Map(answers.flatMap((a) => a.cells.map((c) => [c.id, c] as const)));
    const status = new Map(answers.flatMap((a) => a.status));
    // The months shared are held back alike.
    for (const [id, st] of answers[1]!.status)
      if (!id.includes('total'))
        expect(answers[0]!.status.find(([x]) => x === id)?.[1], id).toBe(st);
    const union = {
      cells: [...cells.values()],
      relations: answers.flatMap((a, k) => a.relations.map((r) => ({ ...r, id: `${k}/${r.id}` }))),
    };
    expect(auditProtection(highs, union, { threshold: 5, status, ranges: new Map() })).toEqual([]);
    // What answering each on its own (the period's totals exact) would give away, for contrast:
    // January's burglary, 4, is the first answer's total less the second's, less 50 (its later months).
    expect((s.categories[0]!.total ?? 0) - (late.categories[0]!.total ?? 0)).toBe(4);
  });
});
