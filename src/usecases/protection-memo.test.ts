import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';

import { auditProtection } from '../domain/disclosure/audit.js';
import {
  protectAreasInMonth,
  type AreaMonth,
  type ExactCheck,
} from '../domain/disclosure/by-month.js';
import { forgetProtections, protectAreasInMonthOnce } from './protection-memo.js';

let exact: ExactCheck;
beforeAll(async () => {
  const loader = (await import('highs')) as unknown as { default: () => Promise<Highs> };
  const highs = await loader.default();
  exact = (table, protection) => auditProtection(highs, table, protection).map((f) => f.cell);
});

const POLICY = { threshold: 5 };

/** A force of two districts in one month, by category: the force's counts are their sums. */
function month(a: Record<string, number>, b: Record<string, number>): AreaMonth[] {
  const cells = (counts: Record<string, number>) => {
    const parts = Object.entries(counts).map(([k, n]) => ({
      id: `${k}:2025-03`,
      value: n,
      inSum: true,
    }));
    return {
      month: '2025-03' as const,
      parts,
      sum: { id: 'all:2025-03', value: parts.reduce((s, p) => s + p.value, 0) },
    };
  };
  const force = Object.fromEntries(Object.keys(a).map((k) => [k, a[k]! + b[k]!]));
  return [
    { area: 'F', cells: cells(force), known: false },
    { area: 'A', cells: cells(a), known: true },
    { area: 'B', cells: cells(b), known: false },
  ];
}
const SUMS = [{ total: 'F', parts: ['A', 'B'] }];
const asObject = (m: Map<string, Map<string, string>>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, Object.fromEntries(v)]));

describe('a month of a force protected once and remembered by its counts', () => {
  it('gives what protecting it gives, and does not load the exact check when remembered', async () => {
    forgetProtections();
    const areas = month(
      { burglary: 9, robbery: 6, drugs: 12 },
      { burglary: 3, robbery: 8, drugs: 7 },
    );
    const direct = protectAreasInMonth(areas, SUMS, POLICY, exact);
    let loaded = 0;
    const load = () => {
      loaded++;
      return Promise.resolve(exact);
    };
    const first = await protectAreasInMonthOnce(areas, SUMS, POLICY, load);
    expect(asObject(first)).toEqual(asObject(direct));
    // B's burglary (3) is small: held back, and the force's too, or A's known 9 would give it.
    expect(first.get('B')?.get('burglary:2025-03')).toBe('primary');
    expect(first.get('F')?.get('burglary:2025-03')).not.toBe('shown');
    first.get('B')!.set('burglary:2025-03', 'shown'); // a caller changing what it was given
    const again = await protectAreasInMonthOnce(areas, SUMS, POLICY, load);
    expect(asObject(again)).toEqual(asObject(direct));
    expect(loaded).toBe(1);
  });

  it('protects a month again when its counts change (a month republished), never giving the old pattern', async () => {
    forgetProtections();
    const before = month({ burglary: 9, robbery: 6 }, { burglary: 7, robbery: 8 });
    const after = month({ burglary: 9, robbery: 6 }, { burglary: 2, robbery: 8 });
    const load = () => Promise.resolve(exact);
    const old = await protectAreasInMonthOnce(before, SUMS, POLICY, load);
    expect(old.get('B')?.get('burglary:2025-03')).toBe('shown');
    const now = await protectAreasInMonthOnce(after, SUMS, POLICY, load);
    expect(asObject(now)).toEqual(asObject(protectAreasInMonth(after, SUMS, POLICY, exact)));
    expect(now.get('B')?.get('burglary:2025-03')).toBe('primary');
  });

  it('protects it again for a reader who knows other areas (other grants)', async () => {
    forgetProtections();
    const areas = month({ burglary: 9, robbery: 6 }, { burglary: 3, robbery: 8 });
    const load = () => Promise.resolve(exact);
    await protectAreasInMonthOnce(areas, SUMS, POLICY, load);
    const unknown = areas.map((a) => ({ ...a, known: false }));
    const other = await protectAreasInMonthOnce(unknown, SUMS, POLICY, load);
    expect(asObject(other)).toEqual(asObject(protectAreasInMonth(unknown, SUMS, POLICY, exact)));
    // A is no longer known to the reader: its cells are protected too.
    expect(other.get('A')?.size).toBeGreaterThan(0);
  });
});
