/**
 * The exact check's shortcuts (a side of a count already reached by a whole-number solution is not
 * solved; each programme is solved without whole numbers first) and the bounds' propagation over
 * indices give what the plain methods give: on many two-way tables of a force, its partnerships
 * and districts by category (with all crime as the categories' sum), held back at random and as
 * protect.ts holds them back.
 */
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';

import { auditProtection } from './audit.js';
import { deducedBounds, labelBounds } from './bounds.js';
import { protectTable } from './protect.js';
import type {
  CellStatus,
  DisclosureCell,
  DisclosureTable,
  LinearRelation,
  Protection,
} from './table.js';

let highs: Highs;
beforeAll(async () => {
  const loader = (await import('highs')) as unknown as { default: () => Promise<Highs> };
  highs = await loader.default();
});

/** A seeded generator, so that every run checks the same tables. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const T = 5;

/**
 * A force of `districts` districts (the first two also in a partnership) by `categories`
 * categories, and each area's crime as the sum of the categories: small counts frequent. Each
 * small count held back ("fewer than"), and others held back at random as "not shown" (at least
 * the threshold when they are, else anything from 0).
 */
function table(seed: number): { table: DisclosureTable; protection: Protection } {
  const next = random(seed);
  const districts = 3 + Math.floor(next() * 4);
  const categories = 3 + Math.floor(next() * 4);
  const count = () => (next() < 0.45 ? 1 + Math.floor(next() * 4) : Math.floor(next() * 30));
  const d = Array.from({ length: districts }, () => Array.from({ length: categories }, count));
  const areas: [string, number[]][] = d.map((row, i) => [`d${i}`, row]);
  areas.push(['csp', d[0]!.map((_, j) => d[0]![j]! + d[1]![j]!)]);
  areas.push(['force', d[0]!.map((_, j) => d.reduce((n, row) => n + row[j]!, 0))]);
  const cells: DisclosureCell[] = [];
  const relations: LinearRelation[] = [];
  for (const [a, row] of areas) {
    row.forEach((v, j) => cells.push({ id: `${a}|c${j}`, value: v }));
    cells.push({ id: `${a}|crime`, value: row.reduce((n, v) => n + v, 0) });
    relations.push({
      id: `${a}|crime`,
      total: `${a}|crime`,
      parts: row.map((_, j) => `${a}|c${j}`),
    });
  }
  for (const what of [...d[0]!.map((_, j) => `c${j}`), 'crime']) {
    relations.push({
      id: `force|${what}=`,
      total: `force|${what}`,
      parts: d.map((_, i) => `d${i}|${what}`),
    });
    relations.push({
      id: `csp|${what}=`,
      total: `csp|${what}`,
      parts: [`d0|${what}`, `d1|${what}`],
    });
  }
  const status = new Map<string, CellStatus>();
  for (const c of cells) {
    if (c.value > 0 && c.value < T) status.set(c.id, 'primary');
    else if (next() < 0.3)
      status.set(c.id, c.value >= T && next() < 0.7 ? 'secondary' : 'withheld');
    else status.set(c.id, 'shown');
  }
  return { table: { cells, relations }, protection: { threshold: T, status, ranges: new Map() } };
}

/** The propagation as it was first written (each term's rest summed afresh, every relation every round). */
function plainBounds(t: DisclosureTable, p: Protection): Map<string, [number, number]> | null {
  const bounds = new Map<string, [number, number]>();
  for (const c of t.cells)
    bounds.set(c.id, labelBounds(p.status.get(c.id) ?? 'shown', c.value, p.threshold, undefined));
  for (let round = 0; round < 1000; round++) {
    let changed = false;
    for (const r of t.relations) {
      const terms = [{ id: r.total, sign: 1 }, ...r.parts.map((id) => ({ id, sign: -1 }))];
      const lows = terms.map((x) => (x.sign > 0 ? bounds.get(x.id)![0] : -bounds.get(x.id)![1]));
      const highs = terms.map((x) => (x.sign > 0 ? bounds.get(x.id)![1] : -bounds.get(x.id)![0]));
      const restOf = (xs: number[], i: number, inf: number) => {
        const others = xs.filter((_, j) => j !== i);
        return others.some((x) => x === inf) ? inf : others.reduce((s, x) => s + x, 0);
      };
      terms.forEach((x, i) => {
        const lo = -restOf(highs, i, Infinity);
        const hi = -restOf(lows, i, -Infinity);
        const b = bounds.get(x.id)!;
        const [xLo, xHi] = x.sign > 0 ? [lo, hi] : [-hi, -lo];
        const newLo = Math.max(b[0], Math.ceil(xLo - 1e-9));
        const newHi = Math.min(b[1], Math.floor(xHi + 1e-9));
        if (newLo !== b[0] || newHi !== b[1]) {
          bounds.set(x.id, [newLo, newHi]);
          changed = true;
        }
      });
    }
    for (const b of bounds.values()) if (b[0] > b[1]) return null;
    if (!changed) return bounds;
  }
  return bounds;
}

describe('the exact check with its shortcuts', () => {
  it('finds exactly what solving every minimum and maximum in whole numbers finds', () => {
    let findings = 0;
    let clear = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { table: t, protection: random } = table(seed);
      // Held back at random (most leave a count narrowed), and as protect.ts holds back (most
      // leave none).
      for (const p of [random, protectTable(t, { threshold: T })]) {
        const plain = auditProtection(highs, t, p, { shortcuts: false });
        expect(auditProtection(highs, t, p), `table ${seed}`).toEqual(plain);
        if (plain.length > 0) findings++;
        else clear++;
      }
    }
    // Both kinds of pattern were checked: some with counts narrowed, some with none.
    expect(findings).toBeGreaterThan(3);
    expect(clear).toBeGreaterThan(3);
  });
});

describe('bounds over indices', () => {
  it('are the bounds every relation applied in every round gives', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { table: t, protection: p } = table(seed);
      expect(deducedBounds(t, p), `table ${seed}`).toEqual(plainBounds(t, p));
    }
  });
});
