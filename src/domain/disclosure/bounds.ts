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
  const t = compiled(table);
  const deduced = propagate(t, protection);
  if (!deduced) return null;
  return new Map(t.ids.map((id, i) => [id, [deduced.lo[i]!, deduced.hi[i]!]]));
}

/**
 * The small counts (1 to threshold − 1, whether shown as "fewer than 5" or withheld) that a reader
 * can confine to fewer values than "fewer than threshold" allows.
 */
export function exposedCells(table: DisclosureTable, protection: Protection): string[] {
  const T = protection.threshold;
  const t = compiled(table);
  // A cell the reader already knows (DisclosureCell.known) has nothing left to protect.
  let small = t.small.get(T);
  if (!small) {
    small = table.cells.flatMap((c, i) =>
      c.value > 0 && c.value < T && c.known !== true ? [i] : [],
    );
    t.small.set(T, small);
  }
  const bounds = propagate(t, protection);
  if (!bounds) return small.map((i) => t.ids[i]!);
  const exposed: string[] = [];
  for (const i of small) if (bounds.lo[i]! > 1 || bounds.hi[i]! < T - 1) exposed.push(t.ids[i]!);
  return exposed;
}

/** A table's cells by index and its relations as indices, made once a table. */
interface Compiled {
  cells: DisclosureTable['cells'];
  ids: string[];
  index: Map<string, number>;
  /** Each relation's cells: the total, then its parts. */
  terms: Int32Array[];
  /** The relations each cell is in. */
  relationsOf: number[][];
  /** The cells that are small counts the reader does not know, by threshold. */
  small: Map<number, number[]>;
}

const made = new WeakMap<DisclosureTable['relations'], Compiled>();

function compiled(table: DisclosureTable): Compiled {
  const known = made.get(table.relations);
  // A table is not changed once made (its fields are read-only); the same relations with other
  // cells are made again.
  if (known && known.cells === table.cells) return known;
  const ids = table.cells.map((c) => c.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const at = (id: string) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`disclosure: relation names an unknown cell ${id}`);
    return i;
  };
  const terms = table.relations.map((r) => Int32Array.from([r.total, ...r.parts].map(at)));
  const relationsOf: number[][] = ids.map(() => []);
  terms.forEach((ts, r) => {
    for (const i of ts) if (relationsOf[i]!.at(-1) !== r) relationsOf[i]!.push(r);
  });
  const c: Compiled = { cells: table.cells, ids, index, terms, relationsOf, small: new Map() };
  made.set(table.relations, c);
  return c;
}

/**
 * The propagation itself: in rounds, each relation in turn bounds each of its terms by the others
 * (total − Σ parts = 0), from the bounds as they were when the relation was reached, until a round
 * narrows nothing. A relation none of whose cells has narrowed since it was last applied would
 * narrow nothing again, and is passed over.
 */
function propagate(
  t: Compiled,
  protection: Protection,
): { lo: Float64Array; hi: Float64Array } | null {
  const n = t.ids.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  t.cells.forEach((c, i) => {
    const [l, h] = labelBounds(
      protection.status.get(c.id) ?? 'shown',
      c.value,
      protection.threshold,
      protection.ranges.get(c.id),
    );
    lo[i] = l;
    hi[i] = h;
  });
  const dirty = new Uint8Array(t.terms.length).fill(1);
  // Each term signed (the total +, the parts −), as the relation was reached.
  let highs = new Float64Array(16);
  let lows = new Float64Array(16);
  for (let round = 0; round < 1000; round++) {
    let changed = false;
    for (let r = 0; r < t.terms.length; r++) {
      if (dirty[r] === 0) continue;
      dirty[r] = 0;
      const terms = t.terms[r]!;
      if (terms.length > highs.length) {
        highs = new Float64Array(terms.length);
        lows = new Float64Array(terms.length);
      }
      // The sums of the terms' highest and lowest values, minding infinite bounds (Infinity −
      // Infinity is no number): the sum of the finite ones and how many are infinite. Counts and
      // their bounds are whole numbers, so taking a term's own out again is exact.
      let hiSum = 0;
      let hiInf = 0;
      let loSum = 0;
      let loInf = 0;
      for (let k = 0; k < terms.length; k++) {
        const i = terms[k]!;
        const h = k === 0 ? hi[i]! : -lo[i]!;
        const l = k === 0 ? lo[i]! : -hi[i]!;
        highs[k] = h;
        lows[k] = l;
        if (h === Infinity) hiInf++;
        else hiSum += h;
        if (l === -Infinity) loInf++;
        else loSum += l;
      }
      for (let k = 0; k < terms.length; k++) {
        const i = terms[k]!;
        const h0 = highs[k]!;
        const l0 = lows[k]!;
        // sign·x = −(Σ others) ∈ [−(Σ other highs), −(Σ other lows)]
        const otherHighs =
          h0 === Infinity ? (hiInf > 1 ? Infinity : hiSum) : hiInf > 0 ? Infinity : hiSum - h0;
        const otherLows =
          l0 === -Infinity ? (loInf > 1 ? -Infinity : loSum) : loInf > 0 ? -Infinity : loSum - l0;
        const xLo = k === 0 ? -otherHighs : otherLows;
        const xHi = k === 0 ? -otherLows : otherHighs;
        const newLo = Math.max(lo[i]!, Math.ceil(xLo - 1e-9));
        const newHi = Math.min(hi[i]!, Math.floor(xHi + 1e-9));
        if (newLo !== lo[i] || newHi !== hi[i]) {
          lo[i] = newLo;
          hi[i] = newHi;
          changed = true;
          for (const q of t.relationsOf[i]!) dirty[q] = 1;
        }
      }
    }
    for (let i = 0; i < n; i++) if (lo[i]! > hi[i]!) return null;
    if (!changed) return { lo, hi };
  }
  return { lo, hi };
}
