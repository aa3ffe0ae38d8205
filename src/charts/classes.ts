/**
 * Class breaks for a choropleth: Fisher–Jenks natural breaks (the optimal split into k classes
 * that minimises the squared deviations within classes), computed over the distinct values
 * weighted by how often each occurs, which keeps it fast for counts (few distinct values however
 * many cells). `naturalBreaks` describes each class by the smallest and largest value it holds;
 * `contiguousClasses` turns those into the ranges a legend shows, which leave no gap between
 * classes: for whole numbers each class runs from one more than the top of the class below it
 * (1–3, 4–8, 9–14), so every value from the smallest to the largest falls in exactly one class.
 */

import { SEQUENTIAL_5 } from './palette.js';
import { formatValue } from './text.js';

export interface ValueClass {
  min: number;
  max: number;
}

export function naturalBreaks(values: readonly number[], k: number): ValueClass[] {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const distinct: number[] = [];
  const weight: number[] = [];
  for (const v of sorted) {
    if (distinct[distinct.length - 1] === v)
      weight[weight.length - 1] = (weight[weight.length - 1] ?? 0) + 1;
    else {
      distinct.push(v);
      weight.push(1);
    }
  }
  const m = distinct.length;
  if (m === 0) return [];
  if (m <= k) return distinct.map((v) => ({ min: v, max: v }));

  // Prefix sums of weight, weight × value and weight × value², for O(1) class costs.
  const w = new Float64Array(m + 1);
  const s1 = new Float64Array(m + 1);
  const s2 = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    const v = distinct[i] ?? 0;
    const n = weight[i] ?? 0;
    w[i + 1] = (w[i] ?? 0) + n;
    s1[i + 1] = (s1[i] ?? 0) + n * v;
    s2[i + 1] = (s2[i] ?? 0) + n * v * v;
  }
  /** Squared deviations of distinct values i..j (inclusive) around their weighted mean. */
  const cost = (i: number, j: number) => {
    const n = (w[j + 1] ?? 0) - (w[i] ?? 0);
    const a = (s1[j + 1] ?? 0) - (s1[i] ?? 0);
    return (s2[j + 1] ?? 0) - (s2[i] ?? 0) - (a * a) / n;
  };
  // best[c][j]: least cost of values 0..j in c + 1 classes;
  // from[c][j]: where the last of those classes starts.
  const best: Float64Array[] = [];
  const from: Int32Array[] = [];
  best.push(Float64Array.from({ length: m }, (_, j) => cost(0, j)));
  from.push(new Int32Array(m));
  for (let c = 1; c < k; c++) {
    const prev = best[c - 1] as Float64Array;
    const row = new Float64Array(m).fill(Infinity);
    const starts = new Int32Array(m);
    for (let j = c; j < m; j++) {
      for (let i = c; i <= j; i++) {
        const total = (prev[i - 1] ?? Infinity) + cost(i, j);
        if (total < (row[j] ?? Infinity)) {
          row[j] = total;
          starts[j] = i;
        }
      }
    }
    best.push(row);
    from.push(starts);
  }
  const classes: ValueClass[] = [];
  let end = m - 1;
  for (let c = k - 1; c >= 0; c--) {
    const start = c === 0 ? 0 : (from[c]?.[end] ?? 0);
    classes.unshift({ min: distinct[start] ?? 0, max: distinct[end] ?? 0 });
    end = start - 1;
  }
  return classes;
}

/**
 * The classes as contiguous ranges covering every value from the smallest to the largest: each
 * class keeps its top (the largest value it holds) and starts just above the class below, at the
 * next whole number when every value is whole, else at the top below itself (shared by both, and
 * counted in the lower class: a value v is in the first class whose max is ≥ v).
 */
export function contiguousClasses(classes: readonly ValueClass[], integers: boolean): ValueClass[] {
  return classes.map((c, i) => {
    const below = classes[i - 1];
    if (below === undefined) return { min: c.min, max: c.max };
    return { min: integers ? below.max + 1 : below.max, max: c.max };
  });
}

/** A class on a map's colour ramp: its range and its colour. */
export interface RampClass extends ValueClass {
  colour: string;
}

/** Which ramp colours k classes use, by k. */
const PICKS: Record<number, readonly number[]> = {
  1: [3],
  2: [1, 4],
  3: [0, 2, 4],
  4: [0, 2, 3, 4],
  5: [0, 1, 2, 3, 4],
};

/**
 * Up to five classes over the values, by natural breaks (one per distinct value when there are
 * five or fewer), shown as contiguous ranges from the smallest value to the largest (whole numbers
 * as 1–3, 4–8, 9–14, …). Fewer than five classes take colours spread over the light-to-dark
 * ramp (SEQUENTIAL_5), keeping the darkest for the top class.
 */
export function rampClasses(values: readonly number[]): RampClass[] {
  const finite = values.filter((v) => Number.isFinite(v));
  const classes = contiguousClasses(
    naturalBreaks(finite, 5),
    finite.every((v) => Number.isInteger(v)),
  );
  const picks = PICKS[classes.length] ?? PICKS[5];
  return classes.map((c, i) => ({
    ...c,
    colour: SEQUENTIAL_5[picks?.[i] ?? 4] ?? SEQUENTIAL_5[4],
  }));
}

/** The class a value falls in: the first whose top is at least the value. */
export function classIndex(classes: readonly ValueClass[], value: number): number {
  const i = classes.findIndex((c) => value <= c.max);
  return i < 0 ? classes.length - 1 : i;
}

/** A class's range for a legend: "4–8", or "5" for a class of one value. */
export const rangeLabel = (c: ValueClass) =>
  c.min === c.max ? formatValue(c.min) : `${formatValue(c.min)}–${formatValue(c.max)}`;
