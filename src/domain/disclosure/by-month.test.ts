import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';

import { monthsIn } from '../month.js';
import { auditProtection } from './audit.js';
import { protectByMonth, totalStatus, type MonthCells } from './by-month.js';
import type { DisclosureCell, LinearRelation } from './table.js';

let highs: Highs;
beforeAll(async () => {
  const loader = (await import('highs')) as unknown as { default: () => Promise<Highs> };
  highs = await loader.default();
});

const YEAR = monthsIn({ from: '2025-01', to: '2025-12' });
const POLICY = { threshold: 5 };
const steady = (n: number) => YEAR.map(() => n);

/** Months of counts by category: all crime is their sum, published. */
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

const counts = {
  burglary: [4, ...steady(20).slice(1)],
  robbery: [10, 2, ...steady(12).slice(2)],
  theft: steady(30),
};

describe('disclosure month by month', () => {
  it('protects each month on its own: the same pattern however many months are asked', () => {
    const year = protectByMonth(months(counts), POLICY);
    const two = protectByMonth(months(counts, YEAR.slice(0, 2)), POLICY);
    expect(year.get('burglary:2025-01')).toBe('primary');
    expect(year.get('robbery:2025-02')).toBe('primary');
    // All crime is published each month: a second count of January and of February is held back.
    expect(['robbery:2025-01', 'theft:2025-01'].map((id) => year.get(id))).toContain('secondary');
    for (const [id, s] of two) expect(year.get(id), id).toBe(s);
  });

  it('leaves a reader of every month and every sum nothing to narrow, by linear programming', () => {
    const cells = months(counts);
    const all: DisclosureCell[] = [];
    const relations: LinearRelation[] = [];
    for (const m of cells) {
      all.push(...m.parts.map((p) => ({ id: p.id, value: p.value })), { ...m.sum! });
      relations.push({ id: m.sum!.id, total: m.sum!.id, parts: m.parts.map((p) => p.id) });
    }
    const status = protectByMonth(cells, POLICY);
    const findings = auditProtection(
      highs,
      { cells: all, relations },
      { threshold: 5, status, ranges: new Map() },
    );
    expect(findings).toEqual([]);
  });

  it('gives a total only where every month of it is shown, or "fewer than" when it is small', () => {
    const status = protectByMonth(months(counts), POLICY);
    const ids = (key: string) => YEAR.map((m) => `${key}:${m}`);
    expect(totalStatus(360, ids('theft'), status, POLICY)).toBe(
      ids('theft').every((id) => status.get(id) === 'shown') ? 'shown' : 'withheld',
    );
    expect(totalStatus(224, ids('burglary'), status, POLICY)).toBe('withheld');
    expect(totalStatus(3, ids('burglary').slice(0, 1), status, POLICY)).toBe('primary');
  });
});
