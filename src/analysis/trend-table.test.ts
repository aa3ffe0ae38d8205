import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { AreaCounts } from '../domain/area-counts.js';
import {
  ALL_CRIME,
  ASB,
  CURRENT_CATEGORIES,
  policeMeasure,
  type CategoryChoice,
} from '../domain/categories.js';
import { monthFromIndex, monthIndex } from '../domain/month.js';
import { compareAcross } from './area-comparison.js';
import { trendDocuments } from './trend-table.js';

const measures = [...CURRENT_CATEGORIES, ALL_CRIME].map((c) => policeMeasure(c as CategoryChoice));
const months = Array.from({ length: 24 }, (_, i) => monthFromIndex(monthIndex('2024-01') + i));
const period = { from: '2025-01', to: '2025-12' };

/** An area's counts from rows of (category, month index, count), in the order given. */
function input(rows: readonly [number, number, number][], code = 'E07000102'): AreaCounts {
  const counts = new Map<string, Map<string, number>>();
  for (const [c, m, n] of rows) {
    const category = CURRENT_CATEGORIES[c] as string;
    const month = months[m] as string;
    let byMonth = counts.get(category);
    if (!byMonth) counts.set(category, (byMonth = new Map()));
    byMonth.set(month, (byMonth.get(month) ?? 0) + n);
  }
  return {
    area: { code, name: code, type: 'district' },
    observed: months,
    counts,
    populations: [{ count: 90_000, year: 2011, source: 'test' }],
  };
}

const rowsArb = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: CURRENT_CATEGORIES.length - 1 }),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 500 }),
  ),
  { maxLength: 200 },
);

describe('trend tables (properties)', () => {
  it('never count below zero, and all crime is the sum of every category but ASB', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const docs = trendDocuments(input(rows), measures, period);
        for (const d of docs) {
          expect(d.current).toBeGreaterThanOrEqual(0);
          expect(d.previous ?? 0).toBeGreaterThanOrEqual(0);
          for (const m of d.months) expect(m.count ?? 0).toBeGreaterThanOrEqual(0);
          expect(d.current).toBe(d.months.reduce((n, m) => n + (m.count ?? 0), 0));
        }
        const all = docs.find((d) => d.category === ALL_CRIME)!;
        const parts = docs.filter((d) => d.category !== ALL_CRIME && d.category !== ASB);
        expect(all.current).toBe(parts.reduce((n, d) => n + d.current, 0));
        expect(all.previous).toBe(parts.reduce((n, d) => n + (d.previous ?? 0), 0));
      }),
      { numRuns: 100 },
    );
  });

  it('without the interval are the same documents, the interval apart (what the assessment asks for)', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const full = trendDocuments(input(rows), measures, period);
        const lean = trendDocuments(input(rows), measures, period, { interval: false });
        expect(lean).toEqual(full.map((d) => ({ ...d, ci95: null })));
      }),
      { numRuns: 100 },
    );
    // 50 then 80 of the first category: an interval with it, none without.
    const rows: [number, number, number][] = [
      [0, 0, 50],
      [0, 12, 80],
    ];
    expect(trendDocuments(input(rows), measures, period)[0]!.ci95).not.toBeNull();
    expect(trendDocuments(input(rows), measures, period, { interval: false })[0]!.ci95).toBeNull();
  });

  it('do not depend on the order of the input rows', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer(), (rows, seed) => {
        const shuffled = [...rows].sort(
          (a, b) =>
            ((a[0] * 31 + a[1] * 7 + a[2] + seed) % 13) -
            ((b[0] * 31 + b[1] * 7 + b[2] + seed) % 13),
        );
        expect(trendDocuments(input(shuffled), measures, period)).toEqual(
          trendDocuments(input(rows), measures, period),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('compare: every area’s count is its own trend total, and the group rate pools them', () => {
    fc.assert(
      fc.property(rowsArb, rowsArb, (a, b) => {
        const inputs = [input(a, 'E07000102'), input(b, 'E07000103')];
        const measure = policeMeasure(ALL_CRIME);
        const c = compareAcross('test', inputs, measure, period);
        inputs.forEach((inp) => {
          const total = trendDocuments(inp, [measure], period)[0]!.current;
          expect(c.areas.find((x) => x.code === inp.area.code)!.count).toBe(total);
        });
        const pooled = c.areas.reduce((n, x) => n + x.count, 0) / 180_000;
        expect(c.reference.rate).toBeCloseTo(pooled * 1000, 10);
      }),
      { numRuns: 100 },
    );
  });
});
