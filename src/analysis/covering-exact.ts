/**
 * The maximal covering location problem (analysis/covering.ts) solved exactly where it can be: a
 * mixed-integer programme handed to HiGHS (the `highs` package, HiGHS compiled to WebAssembly),
 * started from the heuristic's sites, with a time limit.
 *
 *     maximise Σ_g W_g·y_g  subject to  y_g ≤ Σ_{j ∈ N_g} x_j  (each group g),  Σ_j x_j ≤ K,
 *     x_j ∈ {0, 1},  0 ≤ y_g ≤ 1
 *
 * y need not be declared integer: with x whole, the best y_g is min(1, Σ x_j), which is whole.
 * "≤ K" rather than "= K" keeps the model feasible with fewer than K useful candidates and has the
 * same optimum (a site added never lowers coverage).
 *
 * Before the solver sees it the model is reduced, each step keeping the optimum:
 * - candidates that are excluded, or cover nothing, are dropped; so are incidents no allowed
 *   candidate covers (no choice changes them);
 * - candidates covering exactly the same incidents are one candidate (the lowest index is kept);
 * - a candidate whose incidents another candidate covers too, and more, is dropped: swapping it
 *   for the other never loses (dominance);
 * - incidents covered by exactly the same candidates are one group, their weights summed.
 * With a grid of candidates (many cells see the same incidents) this shrinks the model several
 * times over: on the bundled data, Dacorum's 980 burglaries of the months held from October 2018
 * to March 2025 (250 m) have 3,195 grid cells, which become 572 candidates.
 *
 * Then:
 * - if the heuristic's sites already reach the cheap bound (covering.ts), they are optimal and
 *   the solver is not run;
 * - the linear-programming relaxation (x in [0, 1]) is solved first: its optimum bounds what any
 *   K sites could cover, and on covering problems it is often whole, which is then an optimal
 *   choice of sites found without branching;
 * - if the sites are not yet proven optimal, branch and bound runs (started from the best sites
 *   so far) until it proves an optimum or the time left of `timeLimit` seconds runs out; stopped
 *   early, the best sites found are reported with its best bound. A reduced model with more
 *   coverage entries than `maxEntries` is not branched on: the relaxation's bound is reported.
 * Integer weights (plain counts) allow the solver to stop once no whole incident can be gained,
 * and the bound is rounded down to a whole number of incidents. The time limit makes the answer
 * depend on the machine only when it is reached, and then the output says so.
 *
 * The solver's sites are checked here: their coverage is recomputed from the coverage sets, not
 * taken from the solver's objective. Pure: the loaded solver comes in as an argument.
 */
import type { Highs, Model } from 'highs';

import {
  checkProblem,
  coveringBound,
  coveringResult,
  coveredWeight,
  optimalityFrom,
  prepareCovering,
  searchCovering,
  tolerance,
  transpose,
  type CoveringOptimality,
  type CoveringOptions,
  type CoveringProblem,
  type CoveringResult,
  type CoveringSolverRun,
  type Csr,
  type PreparedCovering,
} from './covering.js';

export interface ExactCoveringOptions extends CoveringOptions {
  /** Seconds the solver may take (default 10). */
  timeLimit?: number;
  /** The most coverage entries (nonzeros) of the reduced model solved exactly (default 1,000,000). */
  maxEntries?: number;
}

export const DEFAULT_TIME_LIMIT = 10;
export const DEFAULT_MAX_ENTRIES = 1_000_000;

export function solveCoveringExact(
  problem: CoveringProblem,
  highs: Highs,
  options: ExactCoveringOptions = {},
): CoveringResult {
  checkProblem(problem);
  const timeLimit = options.timeLimit ?? DEFAULT_TIME_LIMIT;
  if (!(Number.isFinite(timeLimit) && timeLimit > 0))
    throw new RangeError(`the time limit must be a positive number of seconds (not ${timeLimit})`);
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const prepared = prepareCovering(problem, options.maxGridCandidates);
  const search = searchCovering(prepared, problem.k, options);
  const heuristicWeight = coveredWeight(prepared, search.chosen);
  const cheap = coveringBound(prepared, search.chosen, problem.k);
  const first = optimalityFrom(prepared, heuristicWeight, cheap.bound, cheap.from, null);
  if (first.status === 'optimal')
    return coveringResult(problem, prepared, search, search.chosen, first);

  const model = reduce(prepared);
  const size = {
    candidates: model.candidates.length,
    incidents: model.groupWeight.length,
    entries: model.groups.items.length,
  };
  const started = performance.now();
  const left = () => timeLimit - (performance.now() - started) / 1000;

  // The linear-programming relaxation first: its optimum bounds every choice of sites, and on
  // covering problems it is often whole, which is then an optimal choice found without branching.
  const lp = solveModel(highs, model, problem.k, prepared, null, { integer: false, timeLimit });
  let best = { chosen: search.chosen, weight: heuristicWeight, by: 'heuristic' as Found };
  const consider = (chosen: number[] | null, by: Found) => {
    if (!chosen) return;
    const weight = coveredWeight(prepared, chosen);
    if (weight > best.weight + tolerance(prepared)) best = { chosen, weight, by };
  };
  consider(lp.chosen, 'lp-relaxation');
  let bound = { value: cheap.bound, from: cheap.from as CoveringOptimality['boundFrom'] };
  if (lp.bound !== null && lp.bound < bound.value)
    bound = { value: lp.bound, from: 'lp-relaxation' };
  const proven = () => optimalityFrom(prepared, best.weight, bound.value, bound.from, null);

  let ran: CoveringSolverRun['ran'] = 'lp-relaxation';
  let outcome: CoveringSolverRun['outcome'] = lp.outcome;
  if (lp.outcome === 'optimal' && proven().status !== 'optimal') {
    if (size.entries > maxEntries) outcome = 'size-limit';
    else if (left() <= 0) outcome = 'time-limit';
    else {
      const mip = solveModel(highs, model, problem.k, prepared, best.chosen, {
        integer: true,
        timeLimit: left(),
      });
      ran = 'mip';
      outcome = mip.outcome;
      consider(mip.chosen, 'mip');
      if (mip.bound !== null && mip.bound < bound.value) bound = { value: mip.bound, from: 'mip' };
    }
  }
  const solver: CoveringSolverRun = {
    name: `HiGHS ${highs.version.string}`,
    ran,
    outcome,
    model: size,
    timeLimit,
    found: best.by,
  };
  // The cheap bound of the solver's own sites may be the tighter one.
  if (best.by !== 'heuristic') {
    const own = coveringBound(prepared, best.chosen, problem.k);
    if (own.bound < bound.value) bound = { value: own.bound, from: own.from };
  }
  const optimality = optimalityFrom(prepared, best.weight, bound.value, bound.from, solver);
  return coveringResult(problem, prepared, search, best.chosen, optimality);
}

type Found = CoveringSolverRun['found'];

// ---------------------------------------------------------------------------------------------
// Reduction

interface ReducedModel {
  /** The candidates kept (indices into the prepared candidates), ascending. */
  candidates: number[];
  /** Where each prepared candidate's sites went: its kept stand-in (position in `candidates`), or −1. */
  standIn: Int32Array;
  /** For each group of incidents, the kept candidates covering it (positions), ascending. */
  groups: Csr;
  groupWeight: Float64Array;
}

function reduce(prepared: PreparedCovering): ReducedModel {
  const { sets, allowed } = prepared;
  const nCand = sets.offsets.length - 1;
  const size = (j: number) => (sets.offsets[j + 1] as number) - (sets.offsets[j] as number);
  const itemsOf = (j: number) =>
    sets.items.subarray(sets.offsets[j] as number, sets.offsets[j + 1] as number);

  // 1. Allowed, non-empty, and one of each distinct coverage set (the lowest index).
  const sameAs = new Int32Array(nCand).fill(-1);
  const firstWith = new Map<string, number>();
  const distinct: number[] = [];
  for (let j = 0; j < nCand; j++) {
    if (!allowed[j] || size(j) === 0) continue;
    const key = itemsOf(j).join(',');
    const earlier = firstWith.get(key);
    if (earlier === undefined) {
      firstWith.set(key, j);
      distinct.push(j);
      sameAs[j] = j;
    } else sameAs[j] = earlier;
  }

  // 2. Dominance: j is dropped when a distinct k covers a strict superset of j's incidents.
  // Only the candidates covering j's least-covered incident can contain j.
  const nInc = prepared.weight.length;
  const onlyDistinct: Csr = restrict(sets, distinct, nCand);
  const inverse = transpose(onlyDistinct, nInc);
  const dominator = new Int32Array(nCand).fill(-1);
  for (const j of distinct) {
    const mine = itemsOf(j);
    let pivot = mine[0] as number;
    for (const i of mine)
      if (
        (inverse.offsets[i + 1] as number) - (inverse.offsets[i] as number) <
        (inverse.offsets[pivot + 1] as number) - (inverse.offsets[pivot] as number)
      )
        pivot = i;
    for (
      let q = inverse.offsets[pivot] as number;
      q < (inverse.offsets[pivot + 1] as number);
      q++
    ) {
      const k = inverse.items[q] as number;
      if (k === j || size(k) <= mine.length) continue;
      if (contains(itemsOf(k), mine)) {
        dominator[j] = k;
        break;
      }
    }
  }
  const candidates = distinct.filter((j) => dominator[j] === -1);
  const position = new Int32Array(nCand).fill(-1);
  candidates.forEach((j, at) => (position[j] = at));
  // Each candidate's stand-in: itself, or what it equals, or (repeatedly) what dominates it.
  const standIn = new Int32Array(nCand).fill(-1);
  for (let j = 0; j < nCand; j++) {
    let k = sameAs[j] as number;
    while (k !== -1 && dominator[k] !== -1) k = dominator[k] as number;
    standIn[j] = k === -1 ? -1 : (position[k] as number);
  }

  // 3. Incidents grouped by the kept candidates covering them (none: dropped).
  const kept = transpose(restrict(sets, candidates, nCand), nInc);
  const groupOf = new Map<string, number>();
  const groupWeight: number[] = [];
  const starts: number[] = [0];
  const items: number[] = [];
  for (let i = 0; i < nInc; i++) {
    const from = kept.offsets[i] as number;
    const to = kept.offsets[i + 1] as number;
    if (from === to) continue;
    const covering = [...kept.items.subarray(from, to)].map((j) => position[j] as number);
    const key = covering.join(',');
    const g = groupOf.get(key);
    if (g !== undefined) {
      groupWeight[g] = (groupWeight[g] as number) + (prepared.weight[i] as number);
      continue;
    }
    groupOf.set(key, groupWeight.length);
    groupWeight.push(prepared.weight[i] as number);
    items.push(...covering);
    starts.push(items.length);
  }
  return {
    candidates,
    standIn,
    groups: { offsets: Int32Array.from(starts), items: Int32Array.from(items) },
    groupWeight: Float64Array.from(groupWeight),
  };
}

/** The coverage lists of some candidates only (the others emptied), same indexing. */
function restrict(sets: Csr, keep: readonly number[], nCand: number): Csr {
  const offsets = new Int32Array(nCand + 1);
  const on = new Uint8Array(nCand);
  for (const j of keep) on[j] = 1;
  let n = 0;
  for (let j = 0; j < nCand; j++) {
    if (on[j]) n += (sets.offsets[j + 1] as number) - (sets.offsets[j] as number);
    offsets[j + 1] = n;
  }
  const items = new Int32Array(n);
  for (let j = 0; j < nCand; j++)
    if (on[j])
      items.set(
        sets.items.subarray(sets.offsets[j] as number, sets.offsets[j + 1] as number),
        offsets[j] as number,
      );
  return { offsets, items };
}

/** Whether the ascending list `big` holds every item of the ascending list `small`. */
function contains(big: Int32Array, small: Int32Array): boolean {
  let a = 0;
  for (const v of small) {
    while (a < big.length && (big[a] as number) < v) a++;
    if (a === big.length || big[a] !== v) return false;
    a++;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// The solver

interface Solved {
  /** Prepared-candidate indices of the solver's best sites (MIP only), or null. */
  chosen: number[] | null;
  /** A proven upper bound on the weight covered, or null when the solver gave none. */
  bound: number | null;
  outcome: CoveringSolverRun['outcome'];
}

function solveModel(
  highs: Highs,
  model: ReducedModel,
  k: number,
  prepared: PreparedCovering,
  start: readonly number[] | null,
  how: { integer: boolean; timeLimit: number },
): Solved {
  const nX = model.candidates.length;
  const nY = model.groupWeight.length;
  const numCols = nX + nY;
  const numRows = nY + 1;
  const colCost = new Float64Array(numCols);
  colCost.set(model.groupWeight, nX);
  // Rows: y_g − Σ x_j ≤ 0 for each group, then Σ x_j ≤ K.
  const { offsets, items } = model.groups;
  const entries = items.length + nY + nX;
  const starts = new Int32Array(numRows + 1);
  const indices = new Int32Array(entries);
  const values = new Float64Array(entries);
  let at = 0;
  for (let g = 0; g < nY; g++) {
    for (let p = offsets[g] as number; p < (offsets[g + 1] as number); p++) {
      indices[at] = items[p] as number;
      values[at++] = -1;
    }
    indices[at] = nX + g;
    values[at++] = 1;
    starts[g + 1] = at;
  }
  for (let j = 0; j < nX; j++) {
    indices[at] = j;
    values[at++] = 1;
  }
  starts[numRows] = at;
  const rowLower = new Float64Array(numRows).fill(-highs.infinity);
  const rowUpper = new Float64Array(numRows);
  rowUpper[nY] = k;
  const whole = prepared.weight.every((w) => Number.isInteger(w));

  let solver: Model | null = null;
  try {
    solver = highs.createModel({
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost,
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(1),
      rowLower,
      rowUpper,
      matrix: { format: 'csr', numRows, numCols, starts, indices, values },
      ...(how.integer
        ? {
            integrality: Int32Array.from({ length: numCols }, (_, c) =>
              c < nX
                ? highs.constants.variableType.integer
                : highs.constants.variableType.continuous,
            ),
          }
        : {}),
    });
    solver.options.set({
      output_flag: false,
      time_limit: how.timeLimit,
      mip_rel_gap: 0,
      // With whole weights, less than one incident to gain is nothing to gain.
      mip_abs_gap: whole
        ? 1 - 1e-6
        : 1e-9 *
          Math.max(
            1,
            colCost.reduce((a, w) => a + w, 0),
          ),
    });
    if (start) solver.setSolution({ colValue: startingPoint(model, start, numCols) });
    solver.run();
    const status = solver.getModelStatus();
    const finished = status === highs.constants.modelStatus.optimal;
    const outcome: Solved['outcome'] = finished
      ? 'optimal'
      : status === highs.constants.modelStatus.timeLimit
        ? 'time-limit'
        : 'failed';
    const x = solver.getSolution().colValue;
    // Sites where x is 1; for the relaxation, only when every x is whole (else no choice of sites).
    const chosen: number[] = [];
    let integral = true;
    for (let j = 0; j < nX; j++) {
      const v = x?.[j] ?? 0;
      if (v > 1 - 1e-6) chosen.push(model.candidates[j] as number);
      else if (v > 1e-6) integral = false;
    }
    const sites = integral && chosen.length > 0 && chosen.length <= k ? chosen : null;
    if (!how.integer)
      return {
        chosen: finished ? sites : null,
        bound: finished ? solver.getObjectiveValue() : null,
        outcome,
      };
    const bound = Number(solver.info.get('mip_dual_bound'));
    return {
      chosen: sites,
      bound: Number.isFinite(bound) ? bound : null,
      outcome,
    };
  } catch {
    // The heuristic's answer stands, with its own bound; the result says the solver failed.
    return { chosen: null, bound: null, outcome: 'failed' };
  } finally {
    solver?.dispose();
  }
}

/** The heuristic's sites as a starting solution of the reduced model (x, then y). */
function startingPoint(model: ReducedModel, chosen: readonly number[], numCols: number) {
  const nX = model.candidates.length;
  const value = new Float64Array(numCols);
  for (const j of chosen) {
    const at = model.standIn[j] as number;
    if (at >= 0) value[at] = 1;
  }
  const { offsets, items } = model.groups;
  for (let g = 0; g < model.groupWeight.length; g++)
    for (let p = offsets[g] as number; p < (offsets[g + 1] as number); p++)
      if (value[items[p] as number] === 1) {
        value[nX + g] = 1;
        break;
      }
  return value;
}
