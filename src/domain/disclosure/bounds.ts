/**
 * What a reader can work out about each cell held back, from everything published around it: the
 * interval each one is confined to by the relations (a total less its parts), found by propagating
 * interval bounds through the sums until nothing narrows. For relations nested as a hierarchy (a
 * total is the sum of parts that are themselves totals, no part in two sums of the same level)
 * this is what a linear programme gives; audit.ts checks it by linear programming.
 */
import type { CellStatus, DisclosureTable, Protection } from './table.js';

export type Interval = readonly [number, number];

/** The interval a reader knows for a cell from its label alone. */
export function labelBounds(
  status: CellStatus,
  value: number,
  threshold: number,
  range: Interval | undefined,
): [number, number] {
  switch (status) {
    case 'shown':
      return [value, value];
    case 'primary':
      return [1, threshold - 1];
    case 'secondary':
      return [threshold, Infinity];
    case 'withheld':
      return [0, Infinity];
    case 'range':
      return range ? [range[0], range[1]] : [0, Infinity];
  }
}

/**
 * Each cell's interval once every relation has been applied (whole numbers: counts). Returns null
 * when the published numbers are inconsistent (no values satisfy them), which would be a defect.
 */
export function deducedBounds(
  table: DisclosureTable,
  protection: Protection,
): Map<string, [number, number]> | null {
  const bounds = new Map<string, [number, number]>();
  for (const c of table.cells)
    bounds.set(
      c.id,
      labelBounds(
        protection.status.get(c.id) ?? 'shown',
        c.value,
        protection.threshold,
        protection.ranges.get(c.id),
      ),
    );
  const get = (id: string) => {
    const b = bounds.get(id);
    if (!b) throw new Error(`disclosure: relation names an unknown cell ${id}`);
    return b;
  };
  for (let round = 0; round < 1000; round++) {
    let changed = false;
    for (const r of table.relations) {
      // total − Σ parts = 0: each term is bounded by the others.
      const terms = [{ id: r.total, sign: 1 }, ...r.parts.map((id) => ({ id, sign: -1 }))];
      const lows = terms.map((t) => (t.sign > 0 ? get(t.id)[0] : -get(t.id)[1]));
      const highs = terms.map((t) => (t.sign > 0 ? get(t.id)[1] : -get(t.id)[0]));
      // Sums of all terms but one, minding infinite bounds (Infinity − Infinity is no number):
      // the sum of the finite ones and how many are infinite, less the term's own. Counts and
      // their bounds are whole numbers, so the subtraction is exact.
      const hiSum = finiteSum(highs, Infinity);
      const loSum = finiteSum(lows, -Infinity);
      terms.forEach((t, i) => {
        // sign·x = −(Σ others) ∈ [−(Σ other highs), −(Σ other lows)]
        const lo = -restOf(hiSum, highs[i]!, Infinity);
        const hi = -restOf(loSum, lows[i]!, -Infinity);
        const b = get(t.id);
        const [xLo, xHi] = t.sign > 0 ? [lo, hi] : [-hi, -lo];
        const newLo = Math.max(b[0], Math.ceil(xLo - 1e-9));
        const newHi = Math.min(b[1], Math.floor(xHi + 1e-9));
        if (newLo !== b[0] || newHi !== b[1]) {
          bounds.set(t.id, [newLo, newHi]);
          changed = true;
        }
      });
    }
    for (const b of bounds.values()) if (b[0] > b[1]) return null;
    if (!changed) return bounds;
  }
  return bounds;
}

/** The sum of the finite numbers of `xs`, and how many are `inf`. */
function finiteSum(xs: readonly number[], inf: number): { sum: number; infinite: number } {
  let sum = 0;
  let infinite = 0;
  for (const x of xs)
    if (x === inf) infinite++;
    else sum += x;
  return { sum, infinite };
}

/** The sum of all of `all` but `own`: `inf` when another is. */
function restOf(all: { sum: number; infinite: number }, own: number, inf: number): number {
  if (own === inf) return all.infinite > 1 ? inf : all.sum;
  return all.infinite > 0 ? inf : all.sum - own;
}

/**
 * The small counts (1 to threshold − 1, whether shown as "fewer than 5" or withheld) that a reader
 * can confine to fewer values than "fewer than threshold" allows.
 */
export function exposedCells(table: DisclosureTable, protection: Protection): string[] {
  const T = protection.threshold;
  // A cell the reader already knows (DisclosureCell.known) has nothing left to protect.
  const small = table.cells.filter((c) => c.value > 0 && c.value < T && c.known !== true);
  const bounds = deducedBounds(table, protection);
  if (!bounds) return small.map((c) => c.id);
  return small
    .filter((c) => {
      const b = bounds.get(c.id)!;
      return b[0] > 1 || b[1] < T - 1;
    })
    .map((c) => c.id);
}
