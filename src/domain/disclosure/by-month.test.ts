import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';

import { monthsIn } from '../month.js';
import { auditProtection } from './audit.js';
import {
  protectByMonth,
  totalStatus,
  yearTotalId,
  yearTotalStatus,
  type MonthCells,
} from './by-month.js';
import type { CellStatus, DisclosureCell, LinearRelation } from './table.js';

let highs: Highs;
beforeAll(async () => {
  const loader = (await import('highs')) as unknown as { default: () => Promise<Highs> };
  highs = await loader.default();
});

const YEAR = monthsIn({ from: '2025-01', to: '2025-12' });
const POLICY = { threshold: 5 };

/** Twelve months of counts by category: all crime is their sum, published. */
function months(counts: Record<string, readonly number[]>, held = YEAR): MonthCells[] {
  return held.map((month) => {
    const i = YEAR.indexOf(month);
    const parts = Object.entries(counts).map(([key, n]) => ({
      id: `${key}:${month}`,
      value: n[i]!,
      inSum: true,
    }));
    return {
      month,
      parts,
      sum: { id: `all:${month}`, value: parts.reduce((s, p) => s + p.value, 0) },
    };
  });
}

/** Everything a reader holds: every month's cells and sums, and each category's year total. */
function published(cells: MonthCells[], keys: readonly string[]) {
  const all: DisclosureCell[] = [];
  const relations: LinearRelation[] = [];
  for (const m of cells) {
    all.push(...m.parts.map((p) => ({ id: p.id, value: p.value })), {
      id: m.sum!.id,
      value: m.sum!.value,
    });
    relations.push({ id: m.sum!.id, total: m.sum!.id, parts: m.parts.map((p) => p.id) });
  }
  for (const key of keys) {
    const id = yearTotalId(key, YEAR);
    const parts = YEAR.map((m) => `${key}:${m}`);
    all.push({
      id,
      value: cells
        .flatMap((m) => m.parts)
        .filter((p) => parts.includes(p.id))
        .reduce((s, p) => s + p.value, 0),
    });
    relations.push({ id, total: id, parts });
  }
  return { cells: all, relations };
}

const steady = (n: number) => YEAR.map(() => n);

describe('disclosure month by month', () => {
  it('protects each month on its own: the same pattern however many months are asked', () => {
    const counts = {
      burglary: [4, ...steady(20).slice(1)],
      robbery: [10, 2, ...steady(12).slice(2)],
      theft: steady(30),
    };
    const year = protectByMonth(months(counts), POLICY);
    const two = protectByMonth(months(counts, YEAR.slice(0, 2)), POLICY);
    expect(year.get('burglary:2025-01')).toBe('primary');
    expect(year.get('robbery:2025-02')).toBe('primary');
    // All crime is published each month: a second count of January and of February is held back.
    expect(['robbery:2025-01', 'theft:2025-01'].map((id) => year.get(id))).toContain('secondary');
    for (const [id, s] of two) expect(year.get(id), id).toBe(s);
  });

  it("withholds a year's total that would give back its one month held back, and gives the others", () => {
    const counts = {
      bicycles: [4, ...steady(9).slice(1)],
      weapons: [6, ...steady(7).slice(1)],
      theft: steady(30),
    };
    const cells = months(counts);
    const status = protectByMonth(cells, POLICY);
    const years = yearTotalStatus(cells, status, [{ months: YEAR }], POLICY);
    expect(years.get(yearTotalId('bicycles', YEAR))).toBe('withheld');
    expect(years.get(yearTotalId('theft', YEAR))).toBe('shown');
    // Whatever January's second count held back, its year total is withheld with it.
    const second = ['weapons', 'theft'].find((k) => status.get(`${k}:2025-01`) === 'secondary')!;
    expect(years.get(yearTotalId(second, YEAR))).toBe('withheld');
    expect(
      totalStatus(
        113,
        YEAR.map((m) => `theft:${m}`),
        status,
        POLICY,
        years.get(yearTotalId('theft', YEAR)),
      ),
    ).toBe('shown');
  });

  it('gives a year total that two held-back months of it keep safe, and a reader can narrow nothing', () => {
    // Robbery is small in March and October: the year's total leaves each anywhere from 1 to 4.
    const robbery = steady(9).map((n, i) => (i === 2 ? 2 : i === 9 ? 3 : n));
    const counts = {
      robbery,
      burglary: steady(20).map((n, i) => n + i),
      theft: steady(30).map((n, i) => n + 2 * i),
    };
    const cells = months(counts);
    const status = protectByMonth(cells, POLICY);
    const years = yearTotalStatus(cells, status, [{ months: YEAR }], POLICY);
    const keys = Object.keys(counts);
    const all = new Map<string, CellStatus>([...status, ...years]);
    // Every month's sum is published.
    for (const m of YEAR) all.set(`all:${m}`, 'shown');
    const findings = auditProtection(highs, published(cells, keys), {
      threshold: 5,
      status: all,
      ranges: new Map(),
    });
    expect(findings).toEqual([]);
    expect(years.get(yearTotalId('robbery', YEAR))).toBe('shown');
  });

  it('offers no total for a year not wholly held', () => {
    const cells = months({ theft: steady(30) }, YEAR.slice(0, 11));
    expect(
      yearTotalStatus(cells, protectByMonth(cells, POLICY), [{ months: YEAR }], POLICY).size,
    ).toBe(0);
  });
});
