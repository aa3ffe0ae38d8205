/**
 * The Knox test for near-repeat patterns, as in Ratcliffe's Near Repeat Calculator (NRC) and
 * Johnson et al. (2007): every pair of events is placed in a cell of a table of distance bands ×
 * time bands; the observed count of each cell is compared with the counts obtained when the
 * events' dates are shuffled among the events (Monte Carlo permutation), which keeps where events
 * happen and when they happen but breaks any link between the two.
 *
 * - Knox ratio = observed ÷ expected, where expected is the MEAN count over the permutations (the
 *   NRC's "observed over mean expected"). Null when the expected count is 0.
 * - p-value (one-sided, excess of pairs) = (1 + number of permutations whose count ≥ observed) ÷
 *   (1 + permutations). Ties count against the observed pattern (conservative), and the smallest
 *   p-value possible is 1 ÷ (permutations + 1): 999 permutations cannot give less than 0.001.
 * - Exhaustive mode (n ≤ 8): every one of the n! assignments of dates to events, identity
 *   included, so expected is the exact permutation mean and p = (count ≥ observed) ÷ n!.
 *
 * Bands. Breakpoints b0 = 0 < b1 < … < bk give half-open bands [b(i), b(i+1)): a pair exactly
 * 100 m apart is in [100, 200), a pair 7 days apart in [7, 14). As in the NRC:
 * - "same location" (distance 0: identical coordinates, within SAME_LOCATION_METRES) is split out
 *   of the first distance band when `sameLocation` is set (repeats at one place are repeat
 *   victimisation, not near repeats);
 * - a final "beyond" band in each dimension (≥ bk) holds the remaining pairs, so the table
 *   accounts for every pair; `beyond: false` leaves those cells out of the result.
 * Time gaps are whole days (dates), so [0, 7) is "0–6 days". Distances are Euclidean in the
 * coordinates' units (metres on the British National Grid).
 *
 * Speed. The pairs within the largest distance band are found once with a k-d tree (kdbush), not
 * by looking at all n(n−1)/2 pairs; shuffling dates does not change which pairs are close, so each
 * permutation only recomputes the time gaps of those pairs. The cells beyond the largest distance
 * are derived: the number of all pairs in a time band depends only on the multiset of dates (the
 * same in every permutation), so far pairs = all pairs in the time band − close pairs in it; and
 * each distance row's total is fixed, so its beyond-time cell = row total − its other cells.
 * Cost: O(n log n + close pairs × permutations); 5,000 events over 10 km × 10 km and a year with
 * 999 permutations take about 1.4 s (median; bench/knox.ts, a busy 2-core machine).
 *
 * Pure: no I/O. Deterministic for a given seed (xoroshiro128+ and a Fisher–Yates shuffle).
 */
import KDBush from 'kdbush';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

import { bandProblem } from './knox-bands.js';

export { bandProblem };

/** Two events closer than this (metres) are at the "same location". */
export const SAME_LOCATION_METRES = 0.001;

/** More close pairs than this would need too much memory and time: narrow the area or bands. */
export const DEFAULT_MAX_PAIRS = 10_000_000;

/** The largest n for the exhaustive mode (8! = 40,320 permutations). */
export const MAX_EXHAUSTIVE_EVENTS = 8;

export interface KnoxEvent {
  /** Coordinates in metres (British National Grid easting and northing). */
  x: number;
  y: number;
  /** The event's day as a whole number (e.g. days since 1970-01-01). */
  day: number;
}

export interface KnoxOptions {
  /** Distance breakpoints in metres, strictly increasing, starting at 0: e.g. [0, 100, 200]. */
  distanceBands: readonly number[];
  /** Time breakpoints in days, strictly increasing, starting at 0: e.g. [0, 7, 14]. */
  timeBands: readonly number[];
  /** Monte Carlo permutations (ignored when exhaustive). */
  iterations: number;
  /** Seed of the permutations (32-bit integer). */
  seed: number;
  /** Split distance 0 out of the first distance band (the NRC's "same location"). Default true. */
  sameLocation?: boolean;
  /** Include the "beyond" bands (≥ the last breakpoint) in the result. Default true. */
  beyond?: boolean;
  /** Enumerate all n! permutations instead of sampling (n ≤ 8). */
  exhaustive?: boolean;
  /** Refuse when more pairs than this lie within the largest distance. */
  maxPairs?: number;
  /**
   * Refuse, before any permutation, when (close pairs + events) × iterations is more than this:
   * the permutations' cost, about 6 ns a unit on a busy 2-core machine. Unset: no limit.
   */
  maxWork?: number;
}

export interface KnoxBand {
  /** Inclusive lower limit. */
  from: number;
  /** Exclusive upper limit; null for the "beyond" band. `same location` is [0, 0]. */
  to: number | null;
  kind: 'same-location' | 'band' | 'beyond';
  label: string;
}

export interface KnoxCell {
  observed: number;
  /** Mean count over the permutations. */
  expected: number;
  /** observed ÷ expected; null when expected is 0. */
  ratio: number | null;
  /** One-sided: the chance of at least this many pairs if dates were unrelated to places. */
  pValue: number;
}

export interface KnoxResult {
  events: number;
  /** All pairs, n(n−1)/2. */
  pairs: number;
  /** Pairs closer than the largest distance breakpoint (the ones the permutations re-examine). */
  closePairs: number;
  distanceBands: KnoxBand[];
  timeBands: KnoxBand[];
  /** cells[distance band][time band]. */
  cells: KnoxCell[][];
  method: 'monte-carlo' | 'exhaustive';
  /** Permutations used: `iterations`, or n! when exhaustive. */
  permutations: number;
  seed: number | null;
  /** The smallest p-value the permutations can give. */
  minPValue: number;
}

/** Thrown when the close pairs exceed `maxPairs`. */
export class TooManyPairsError extends Error {
  override readonly name = 'TooManyPairsError';
  readonly pairs: number;
  readonly limit: number;
  constructor(pairs: number, limit: number) {
    super(
      `more than ${limit.toLocaleString('en-GB')} pairs of events are within the largest distance band`,
    );
    this.pairs = pairs;
    this.limit = limit;
  }
}

/** Thrown when the permutations would be more work than `maxWork`. */
export class TooMuchWorkError extends Error {
  override readonly name = 'TooMuchWorkError';
  /** The most iterations the limit allows for these events and pairs (0: not even one). */
  readonly iterationsAllowed: number;
  readonly closePairs: number;
  readonly events: number;
  readonly limit: number;
  constructor(closePairs: number, events: number, iterations: number, limit: number) {
    super(
      `${iterations.toLocaleString('en-GB')} permutations of ${events.toLocaleString('en-GB')} events with ${closePairs.toLocaleString('en-GB')} close pairs are more work than the limit of ${limit.toLocaleString('en-GB')} (close pairs + events) × permutations`,
    );
    this.closePairs = closePairs;
    this.events = events;
    this.limit = limit;
    this.iterationsAllowed = Math.floor(limit / (closePairs + events));
  }
}

/** The pairs (i < j) closer than `radius`, with their distances, found with a k-d tree. */
export function closePairs(
  points: readonly { x: number; y: number }[],
  radius: number,
  maxPairs = Number.POSITIVE_INFINITY,
): { i: Int32Array; j: Int32Array; distance: Float64Array } {
  const n = points.length;
  let capacity = 1024;
  let is = new Int32Array(capacity);
  let js = new Int32Array(capacity);
  let ds = new Float64Array(capacity);
  let m = 0;
  const grow = () => {
    capacity *= 2;
    const i2 = new Int32Array(capacity);
    const j2 = new Int32Array(capacity);
    const d2 = new Float64Array(capacity);
    i2.set(is);
    j2.set(js);
    d2.set(ds);
    [is, js, ds] = [i2, j2, d2];
  };
  if (n >= 2 && radius > 0) {
    const index = new KDBush(n);
    for (const p of points) index.add(p.x, p.y);
    index.finish();
    const found = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const p = points[i] as { x: number; y: number };
      const k = index.withinInto(p.x, p.y, radius, found);
      for (let f = 0; f < k; f++) {
        const j = found[f] as number;
        if (j <= i) continue;
        const q = points[j] as { x: number; y: number };
        const d = Math.hypot(q.x - p.x, q.y - p.y);
        if (d >= radius) continue; // kdbush includes the boundary; bands are half-open
        if (m === capacity) grow();
        is[m] = i;
        js[m] = j;
        ds[m] = d;
        m++;
      }
      if (m > maxPairs) throw new TooManyPairsError(m, maxPairs);
    }
  }
  return { i: is.slice(0, m), j: js.slice(0, m), distance: ds.slice(0, m) };
}

/** The same pairs by looking at every pair: for tests. */
export function closePairsBruteForce(
  points: readonly { x: number; y: number }[],
  radius: number,
): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const p = points[i] as { x: number; y: number };
      const q = points[j] as { x: number; y: number };
      if (Math.hypot(q.x - p.x, q.y - p.y) < radius) out.push([i, j]);
    }
  return out;
}

/** Index of the band [b(k), b(k+1)) holding v, or breaks.length − 1 for "beyond". */
function bandOf(breaks: readonly number[], v: number): number {
  let k = 0;
  while (k < breaks.length - 1 && v >= (breaks[k + 1] as number)) k++;
  return k;
}

/** Number of pairs (i < j) of sorted values whose difference is < h. */
function pairsCloserThan(sorted: Int32Array | Float64Array, h: number): number {
  let count = 0;
  let left = 0;
  for (let j = 0; j < sorted.length; j++) {
    while ((sorted[j] as number) - (sorted[left] as number) >= h) left++;
    count += j - left;
  }
  return count;
}

const formatNumber = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 3 });

function distanceBandsOf(breaks: readonly number[], sameLocation: boolean): KnoxBand[] {
  const bands: KnoxBand[] = [];
  if (sameLocation) bands.push({ from: 0, to: 0, kind: 'same-location', label: 'same location' });
  for (let k = 0; k + 1 < breaks.length; k++) {
    const from = breaks[k] as number;
    const to = breaks[k + 1] as number;
    bands.push({
      from,
      to,
      kind: 'band',
      label:
        k === 0 && sameLocation
          ? `under ${formatNumber(to)} m`
          : `${formatNumber(from)} to under ${formatNumber(to)} m`,
    });
  }
  const last = breaks[breaks.length - 1] as number;
  bands.push({ from: last, to: null, kind: 'beyond', label: `${formatNumber(last)} m or more` });
  return bands;
}

function timeBandsOf(breaks: readonly number[]): KnoxBand[] {
  const bands: KnoxBand[] = [];
  for (let k = 0; k + 1 < breaks.length; k++) {
    const from = breaks[k] as number;
    const to = breaks[k + 1] as number;
    // Gaps are whole days: [7, 14) is 7–13 days when the breakpoints are whole.
    const whole = Number.isInteger(from) && Number.isInteger(to);
    const label = whole
      ? to - from === 1
        ? `${from} day${from === 1 ? '' : 's'}`
        : `${from}–${to - 1} days`
      : `${formatNumber(from)} to under ${formatNumber(to)} days`;
    bands.push({ from, to, kind: 'band', label });
  }
  const last = breaks[breaks.length - 1] as number;
  bands.push({ from: last, to: null, kind: 'beyond', label: `${formatNumber(last)} days or more` });
  return bands;
}

/**
 * Runs the Knox test. Throws RangeError on unusable input, TooManyPairsError on too many pairs,
 * TooMuchWorkError when the permutations would be more than `maxWork`.
 */
export function knoxTest(events: readonly KnoxEvent[], options: KnoxOptions): KnoxResult {
  const sameLocation = options.sameLocation ?? true;
  const beyond = options.beyond ?? true;
  const exhaustive = options.exhaustive ?? false;
  const dProblem = bandProblem(options.distanceBands);
  if (dProblem) throw new RangeError(`distance bands: ${dProblem}`);
  const tProblem = bandProblem(options.timeBands);
  if (tProblem) throw new RangeError(`time bands: ${tProblem}`);
  const n = events.length;
  if (n < 2) throw new RangeError('the Knox test needs at least two events');
  for (const e of events) {
    if (!Number.isFinite(e.x) || !Number.isFinite(e.y))
      throw new RangeError('event coordinates must be finite numbers');
    if (!Number.isInteger(e.day)) throw new RangeError('event days must be whole numbers');
  }
  if (exhaustive && n > MAX_EXHAUSTIVE_EVENTS)
    throw new RangeError(`exhaustive mode takes at most ${MAX_EXHAUSTIVE_EVENTS} events`);
  if (!exhaustive && !(Number.isInteger(options.iterations) && options.iterations >= 1))
    throw new RangeError('iterations must be a positive whole number');

  const dBreaks = options.distanceBands;
  const tBreaks = options.timeBands;
  const distanceBands = distanceBandsOf(dBreaks, sameLocation);
  const timeBands = timeBandsOf(tBreaks);
  const nd = distanceBands.length; // including beyond
  const nt = timeBands.length; // including beyond
  const closeRows = nd - 1;
  const maxDistance = dBreaks[dBreaks.length - 1] as number;

  // Close pairs and their distance rows (fixed under permutation), as lists of neighbours j > i
  // for each event i (closePairs gives them grouped by i, in order).
  const pairs = closePairs(events, maxDistance, options.maxPairs ?? DEFAULT_MAX_PAIRS);
  const m = pairs.i.length;
  if (
    !exhaustive &&
    options.maxWork !== undefined &&
    (m + n) * options.iterations > options.maxWork
  )
    throw new TooMuchWorkError(m, n, options.iterations, options.maxWork);
  const start = new Int32Array(n + 1);
  for (let p = 0; p < m; p++) {
    const k = (pairs.i[p] as number) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const neighbour = pairs.j;
  const within = nt - 1; // time bands below the last breakpoint
  const rowBase = new Int32Array(m);
  const rowTotals = new Float64Array(closeRows);
  for (let p = 0; p < m; p++) {
    const d = pairs.distance[p] as number;
    const row =
      sameLocation && d < SAME_LOCATION_METRES ? 0 : bandOf(dBreaks, d) + (sameLocation ? 1 : 0);
    rowBase[p] = row * within;
    rowTotals[row] = (rowTotals[row] as number) + 1;
  }

  // Time gap (whole days) below the last breakpoint → time column, by table lookup.
  const days = Int32Array.from(events, (e) => e.day);
  const lastTime = tBreaks[tBreaks.length - 1] as number;
  const gapsWithin = Math.ceil(lastTime); // gaps 0 .. gapsWithin − 1 are < lastTime
  const column = new Int32Array(gapsWithin);
  for (let gap = 0; gap < gapsWithin; gap++) column[gap] = bandOf(tBreaks, gap);

  // All pairs by time band (the same in every permutation): cumulative counts below each break.
  const sortedDays = Int32Array.from(days).sort();
  const allPairs = (n * (n - 1)) / 2;
  const allByColumn = new Float64Array(nt);
  let below = 0;
  for (let k = 1; k < tBreaks.length; k++) {
    const c = pairsCloserThan(sortedDays, tBreaks[k] as number);
    allByColumn[k - 1] = c - below;
    below = c;
  }
  allByColumn[nt - 1] = allPairs - below;

  const cellsCount = nd * nt;
  const near = new Int32Array(closeRows * within);
  const counts = new Float64Array(cellsCount);
  /**
   * Fills `counts` for one assignment of days to events. Only close pairs that are also close in
   * time are counted one by one; the rest of the table follows from fixed totals: the beyond-time
   * column from each distance row's total, the beyond-distance row from each time band's total.
   */
  const tabulate = (assigned: Int32Array) => {
    near.fill(0);
    for (let i = 0; i < n; i++) {
      const di = assigned[i] as number;
      const end = start[i + 1] as number;
      for (let p = start[i] as number; p < end; p++) {
        const gap = Math.abs(di - (assigned[neighbour[p] as number] as number));
        if (gap < gapsWithin) {
          const c = (rowBase[p] as number) + (column[gap] as number);
          near[c] = (near[c] as number) + 1;
        }
      }
    }
    const farRow = closeRows * nt;
    for (let t = 0; t < nt; t++) counts[farRow + t] = allByColumn[t] as number;
    for (let r = 0; r < closeRows; r++) {
      let sameRow = 0;
      for (let t = 0; t < within; t++) {
        const v = near[r * within + t] as number;
        counts[r * nt + t] = v;
        sameRow += v;
        counts[farRow + t] = (counts[farRow + t] as number) - v;
      }
      const late = (rowTotals[r] as number) - sameRow;
      counts[r * nt + within] = late;
      counts[farRow + within] = (counts[farRow + within] as number) - late;
    }
  };

  tabulate(days);
  const observed = Float64Array.from(counts);
  const sums = new Float64Array(cellsCount);
  const atLeast = new Float64Array(cellsCount);
  const record = () => {
    for (let c = 0; c < cellsCount; c++) {
      const v = counts[c] as number;
      sums[c] = (sums[c] as number) + v;
      if (v >= (observed[c] as number)) atLeast[c] = (atLeast[c] as number) + 1;
    }
  };

  let permutations: number;
  const assigned = Int32Array.from(days);
  if (exhaustive) {
    permutations = 0;
    forEachPermutation(assigned, () => {
      tabulate(assigned);
      record();
      permutations++;
    });
  } else {
    permutations = options.iterations;
    const rng = xoroshiro128plus(options.seed);
    for (let it = 0; it < permutations; it++) {
      // Fisher–Yates: uniform whatever order the array is in, so it needs no reset.
      for (let i = n - 1; i > 0; i--) {
        const j = uniformInt(rng, 0, i);
        const tmp = assigned[i] as number;
        assigned[i] = assigned[j] as number;
        assigned[j] = tmp;
      }
      tabulate(assigned);
      record();
    }
  }

  const cells: KnoxCell[][] = [];
  for (let r = 0; r < nd; r++) {
    const row: KnoxCell[] = [];
    for (let t = 0; t < nt; t++) {
      const c = r * nt + t;
      const obs = observed[c] as number;
      const expected = (sums[c] as number) / permutations;
      row.push({
        observed: obs,
        expected,
        ratio: expected > 0 ? obs / expected : null,
        pValue: exhaustive
          ? (atLeast[c] as number) / permutations
          : (1 + (atLeast[c] as number)) / (1 + permutations),
      });
    }
    cells.push(beyond ? row : row.slice(0, nt - 1));
  }
  return {
    events: n,
    pairs: allPairs,
    closePairs: m,
    distanceBands: beyond ? distanceBands : distanceBands.slice(0, -1),
    timeBands: beyond ? timeBands : timeBands.slice(0, -1),
    cells: beyond ? cells : cells.slice(0, -1),
    method: exhaustive ? 'exhaustive' : 'monte-carlo',
    permutations,
    seed: exhaustive ? null : options.seed,
    minPValue: exhaustive ? 1 / permutations : 1 / (permutations + 1),
  };
}

/** Calls `visit` once for each permutation of `a`, in place (Heap's algorithm), identity first. */
function forEachPermutation(a: Int32Array, visit: () => void): void {
  const n = a.length;
  const c = new Int32Array(n);
  visit();
  let i = 1;
  while (i < n) {
    if ((c[i] as number) < i) {
      const k = i % 2 === 0 ? 0 : (c[i] as number);
      const tmp = a[k] as number;
      a[k] = a[i] as number;
      a[i] = tmp;
      visit();
      c[i] = (c[i] as number) + 1;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
}
