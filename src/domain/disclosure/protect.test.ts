/**
 * Primary and secondary suppression on hand-made tables, each pattern worked out by hand, and on
 * random nested tables, where the linear-programming audit (HiGHS) is the oracle: no suppressed
 * count may be confined to fewer values than "fewer than 5" allows.
 */
import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';

import { auditProtection } from './audit.js';
import { deducedBounds } from './bounds.js';
import { protectTable } from './protect.js';
import {
  linkedShown,
  type DisclosureTable,
  type LinearRelation,
  type Protection,
} from './table.js';

let highs: Highs;
beforeAll(async () => {
  const loader = (await import('highs')) as unknown as { default: () => Promise<Highs> };
  highs = await loader.default();
});

const policy = { threshold: 5 };

/** A table of named cells and relations "total = a + b + c". */
function table(
  values: Record<string, number>,
  sums: string[],
  range: string[] = [],
): DisclosureTable {
  const relations: LinearRelation[] = sums.map((s) => {
    const [total, parts] = s.split('=').map((x) => x.trim()) as [string, string];
    return {
      id: s,
      total,
      parts: parts.split('+').map((x) => x.trim()),
      ...(range.includes(total) ? { totalAs: 'range' as const } : {}),
    };
  });
  return { cells: Object.entries(values).map(([id, value]) => ({ id, value })), relations };
}

const pattern = (p: Protection) =>
  Object.fromEntries([...p.status].filter(([, s]) => s !== 'shown'));

describe('secondary suppression: hand-worked tables (threshold 5)', () => {
  it('one small part: the next-smallest part is held back with it', () => {
    // 20 = 3 + 8 + 9. With 3 alone hidden, 20 − 8 − 9 gives it. Holding back 8 (the smallest
    // other part): a + b = 11 with b ≥ 5 leaves a anything from 1 to 4 (b from 7 to 10).
    const t = table({ total: 20, a: 3, b: 8, c: 9 }, ['total = a + b + c']);
    const p = protectTable(t, policy);
    expect(pattern(p)).toEqual({ a: 'primary', b: 'secondary' });
    expect(deducedBounds(t, p)?.get('a')).toEqual([1, 4]);
    expect(auditProtection(highs, t, p)).toEqual([]);
  });

  it('two small parts that narrow each other: a third is held back', () => {
    // 12 = 2 + 6 + 4: with a and c hidden, a + c = 6 puts each in 2 to 4. Holding back 6 too:
    // a + b + c = 12 with b ≥ 5 leaves a and c each 1 to 4.
    const t = table({ total: 12, a: 2, b: 6, c: 4 }, ['total = a + b + c']);
    const p = protectTable(t, policy);
    expect(pattern(p)).toEqual({ a: 'primary', b: 'secondary', c: 'primary' });
    expect(auditProtection(highs, t, p)).toEqual([]);
  });

  it('two small parts that protect each other: nothing more is held back', () => {
    // 25 = 1 + 4 + 20: a + c = 5 lets a be anything from 1 to 4 (c = 5 − a).
    const t = table({ total: 25, a: 1, b: 20, c: 4 }, ['total = a + b + c']);
    const p = protectTable(t, policy);
    expect(pattern(p)).toEqual({ a: 'primary', c: 'primary' });
    expect(auditProtection(highs, t, p)).toEqual([]);
  });

  it('a total given as a range needs no secondary cell', () => {
    // All crime 30 = 2 + 28: given as "29 to 32" (28 + 1 to 4), which says no more than the parts.
    const t = table({ all: 30, a: 2, b: 28 }, ['all = a + b'], ['all']);
    const p = protectTable(t, policy);
    expect(pattern(p)).toEqual({ a: 'primary', all: 'range' });
    expect(p.ranges.get('all')).toEqual([29, 32]);
    expect(auditProtection(highs, t, p)).toEqual([]);
  });

  it('a total meant as a range that is itself small is protected like any other', () => {
    // 2 = 1 + 1: "fewer than 5" in all three would still say the total is at least 2 (two parts
    // of at least 1), so the parts are withheld (any value from 0).
    const t = table({ all: 2, a: 1, b: 1 }, ['all = a + b'], ['all']);
    const p = protectTable(t, policy);
    expect(pattern(p)).toEqual({ all: 'primary', a: 'withheld', b: 'withheld' });
    expect(auditProtection(highs, t, p)).toEqual([]);
  });

  it('nested: a month within its quarter within the year', () => {
    // Q1 = 3 + 10 + 7, Q2 = 6 + 8 + 9, year = Q1 + Q2. m1 is given back by Q1 less m2 and m3:
    // m3 (7, the smallest other month of Q1) is held back; m1 + m3 = 10 with m3 ≥ 5 leaves m1
    // anything from 1 to 4. Q2 and the year are untouched.
    const t = table({ year: 43, q1: 20, q2: 23, m1: 3, m2: 10, m3: 7, m4: 6, m5: 8, m6: 9 }, [
      'year = q1 + q2',
      'q1 = m1 + m2 + m3',
      'q2 = m4 + m5 + m6',
    ]);
    const p = protectTable(t, policy);
    expect(pattern(p)).toEqual({ m1: 'primary', m3: 'secondary' });
    expect(auditProtection(highs, t, p)).toEqual([]);
  });

  it('no part to hold back: the total is, else the zero parts are withheld', () => {
    // 6 = 3 + 3 + 0: the two 3s sum to 6, so each is 2 to 4. No part is 5 or more; the total
    // is held back (at least 5): a + b ≥ 5 leaves each 1 to 4.
    const t = table({ total: 6, a: 3, b: 3, z: 0 }, ['total = a + b + z']);
    expect(pattern(protectTable(t, policy))).toEqual({
      total: 'secondary',
      a: 'primary',
      b: 'primary',
    });
    // A total that must be published: the zero is withheld (any value from 0), so a + b ≤ 6.
    const fixed = {
      ...t,
      cells: t.cells.map((c) => (c.id === 'total' ? { ...c, suppressible: false } : c)),
    };
    const p = protectTable(fixed, policy);
    expect(pattern(p)).toEqual({ a: 'primary', b: 'primary', z: 'withheld' });
    expect(auditProtection(highs, fixed, p)).toEqual([]);
  });

  it('a relation whose parts are withheld: every part goes when one is small', () => {
    // 20 = 3 + 8 + 9, parts withheld: a reader knows only that three counts from 0 sum to 20.
    const t = table({ total: 20, a: 3, b: 8, c: 9 }, ['total = a + b + c']);
    const p = protectTable(
      { ...t, relations: t.relations.map((r) => ({ ...r, partsAs: 'withheld' as const })) },
      policy,
    );
    expect(pattern(p)).toEqual({ a: 'withheld', b: 'withheld', c: 'withheld' });
    expect(auditProtection(highs, t, p)).toEqual([]);
  });

  it('a threshold from configuration: 10 suppresses 1 to 9', () => {
    const t = table({ total: 40, a: 7, b: 12, c: 21 }, ['total = a + b + c']);
    const p = protectTable(t, { threshold: 10 });
    expect(pattern(p)).toEqual({ a: 'primary', b: 'secondary' });
    expect(auditProtection(highs, t, p)).toEqual([]);
  });

  it('a rate or a change is shown only beside counts that are', () => {
    const t = table({ total: 20, a: 3, b: 8, c: 9 }, ['total = a + b + c']);
    const p = protectTable(t, policy);
    expect([linkedShown(p, 'a'), linkedShown(p, 'b'), linkedShown(p, 'c')]).toEqual([
      false,
      false,
      true,
    ]);
    expect(linkedShown(p, 'c', 'total')).toBe(true);
  });
});

describe('the audit', () => {
  it('finds what primary suppression alone leaves exposed', () => {
    const t = table({ total: 20, a: 3, b: 8, c: 9, d: 2 }, ['total = a + b + c + d']);
    const primaryOnly: Protection = {
      threshold: 5,
      status: new Map([
        ['a', 'primary'],
        ['d', 'primary'],
      ]),
      ranges: new Map(),
    };
    // 20 − 8 − 9 = 3 = a + d, so a and d are each 1 or 2.
    expect(auditProtection(highs, t, primaryOnly)).toEqual([
      { cell: 'a', interval: [1, 2] },
      { cell: 'd', interval: [1, 2] },
    ]);
  });
});

/** A random hierarchy: a total, its parts, each part perhaps the total of parts of its own. */
const nested = fc
  .array(fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 5 }), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((groups) =>
    fc.tuple(
      fc.constant(groups),
      fc.array(fc.boolean(), { minLength: groups.length, maxLength: groups.length }),
      fc.array(fc.boolean(), { minLength: groups.length, maxLength: groups.length }),
    ),
  )
  .map(([groups, ranged, withheld]) => {
    const values: Record<string, number> = {};
    const sums: string[] = [];
    groups.forEach((leaves, g) => {
      leaves.forEach((v, i) => (values[`g${g}m${i}`] = v));
      values[`g${g}`] = leaves.reduce((s, v) => s + v, 0);
      sums.push(`g${g} = ${leaves.map((_, i) => `g${g}m${i}`).join(' + ')}`);
    });
    values.all = groups.flat().reduce((s, v) => s + v, 0);
    sums.push(`all = ${groups.map((_, g) => `g${g}`).join(' + ')}`);
    const t = table(values, sums, ranged[0] ? ['all'] : []);
    // Some groups' months are withheld whole when one is small.
    return {
      ...t,
      relations: t.relations.map((r, g) =>
        withheld[g] && r.total !== 'all' ? { ...r, partsAs: 'withheld' as const } : r,
      ),
    };
  });

describe('secondary suppression: random nested tables against the audit', () => {
  it('leaves no suppressed count that linear programming can narrow', () => {
    fc.assert(
      fc.property(nested, fc.integer({ min: 2, max: 8 }), (t, threshold) => {
        const p = protectTable(t, { threshold });
        expect(auditProtection(highs, t, p)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  // Known limit (docs/architecture.md): the bounds protectTable stops on are exact for nested
  // relations, not for two-way tables (rows, columns and their margins), where linear programming
  // can combine rows and columns that interval bounds take one at a time. fast-check found this
  // table (CI, 2026-12-06): r2c3 = c3 − (r0 − r0c0) − (r1 − r1c0) = c3 − r0 − r1 + c0 = 1, which
  // the bounds leave at 1 to 4. The outputs that hold such tables are audited by linear
  // programming on real data in their own tests; this test turns red when the module closes it.
  it.fails('two-way tables (rows, columns and their margins): not yet exact', () => {
    const values = [
      [2, 0, 0, 7],
      [7, 0, 0, 2],
      [0, 2, 3, 1],
    ];
    const cells: Record<string, number> = {};
    const sums: string[] = [];
    values.forEach((r, i) => r.forEach((v, j) => (cells[`r${i}c${j}`] = v)));
    values.forEach((r, i) => {
      cells[`r${i}`] = r.reduce((a, b) => a + b, 0);
      sums.push(`r${i} = ${r.map((_, j) => `r${i}c${j}`).join(' + ')}`);
    });
    for (let j = 0; j < 4; j++) {
      cells[`c${j}`] = values.reduce((a, r) => a + r[j]!, 0);
      sums.push(`c${j} = ${values.map((_, i) => `r${i}c${j}`).join(' + ')}`);
    }
    cells.all = values.flat().reduce((a, b) => a + b, 0);
    sums.push('all = r0 + r1 + r2', 'all = c0 + c1 + c2 + c3');
    const t = table(cells, sums);
    expect(auditProtection(highs, t, protectTable(t, policy))).toEqual([]);
  });

  it("never rules out a cell's true value", () => {
    fc.assert(
      fc.property(nested, (t) => {
        const p = protectTable(t, policy);
        const bounds = deducedBounds(t, p)!;
        for (const c of t.cells) {
          const b = bounds.get(c.id)!;
          expect(c.value).toBeGreaterThanOrEqual(b[0]);
          expect(c.value).toBeLessThanOrEqual(b[1]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
