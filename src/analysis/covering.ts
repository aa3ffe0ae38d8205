/**
 * Where to put K deployable cameras: the maximal covering location problem (MCLP; Church and
 * ReVelle, 1974). Choose K sites from a set of candidates so that as many incidents as possible
 * (or as much incident weight) lie within R metres of at least one chosen site:
 *
 *     maximise Σ wᵢ·yᵢ  subject to  yᵢ ≤ Σ_{j ∈ Nᵢ} xⱼ,  Σ xⱼ = K,  x, y ∈ {0, 1}
 *
 * where Nᵢ is the set of candidates within R of incident i (distance ≤ R, in metres on the
 * British National Grid: every coordinate here is a plane x, y in metres).
 *
 * - **Existing cameras** see R metres too: incidents within R of one are already covered and left
 *   out before anything is chosen, so chosen sites are judged only on what they add.
 * - **Excluded zones** are circles (centre x, y and radius, metres): a candidate inside one or on
 *   its edge is never chosen. Zones restrict where cameras may go, not which incidents count: an
 *   incident inside a zone still counts and may be covered from outside it.
 * - **Candidates**, when none are given, come from a grid over the incidents: square cells of
 *   side R/2 anchored at the National Grid's origin (cell centres at ((i + ½)·c, (j + ½)·c)), and
 *   a cell is a candidate when at least one incident lies within R of its centre. Every incident
 *   is then within c/√2 ≈ 0.35·R of some candidate. If that would give more than
 *   `maxGridCandidates` cells, the side is doubled until it does not (the result says which side).
 *
 * The heuristic here finds a solution in two steps (analysis/covering-exact.ts then tries to prove
 * it optimal, or improve on it, with a mixed-integer solver):
 * 1. **Greedy** by marginal gain (the weight of not-yet-covered incidents a site adds), lazily
 *    evaluated with a priority queue: marginal gains only fall as sites are added (coverage is
 *    submodular), so a stale gain is an upper bound and only the top of the queue is re-evaluated.
 *    It stops early when no candidate adds anything. Greedy is within 1 − 1/e ≈ 63% of the optimum
 *    (Nemhauser, Wolsey and Fisher, 1978), and usually much closer.
 * 2. **Local search** by 1-swaps: the best exchange of a chosen site for an unchosen one is made
 *    while it strictly improves coverage; it stops at a local optimum (no improving swap) or after
 *    `maxSwaps` swaps. Each round costs O(coverage entries), not O(K × candidates × incidents).
 *
 * 3. **A bound**: no K sites can cover more than the chosen set S plus the K largest marginal gains
 *    over S (f(OPT) ≤ f(S) + Σ_{j ∈ OPT} Δⱼ(S), by submodularity; Nemhauser, Wolsey and Fisher,
 *    1978), nor more than every incident some allowed candidate covers. When S reaches the bound
 *    it is optimal; otherwise the gap between them is what is not known (rounded down to whole
 *    incidents when every weight is whole).
 *
 * Ties are broken towards the lower candidate index, so the same input gives the same answer.
 * Coverage sets come from a k-d tree (kdbush) over the incidents, one radius query per candidate;
 * incidents at the same point (police.uk map points) are merged first, their weights summed.
 *
 * The chosen sites are reported in greedy order of the final set (the site adding most first,
 * then the one adding most to it, …), each with that marginal gain, the weight within R of it,
 * and its unique coverage (what no other chosen site covers). Without swaps this is the order in
 * which greedy chose them. Quantities are weights; with unit weights (the default) they are counts.
 *
 * Pure: plain numbers in, plain numbers out.
 */
import KDBush from 'kdbush';

export interface PlanePoint {
  /** Metres east (British National Grid easting). */
  x: number;
  /** Metres north (British National Grid northing). */
  y: number;
}

export interface CoveringIncident extends PlanePoint {
  /** Default 1. Must be finite and ≥ 0. */
  weight?: number;
}

export interface ExclusionZone extends PlanePoint {
  /** Metres. */
  radius: number;
}

export interface CoveringProblem {
  incidents: readonly CoveringIncident[];
  /** Candidate sites; when absent, generated from a grid over the incidents (see above). */
  candidates?: readonly PlanePoint[];
  /** Cameras already in place: what they see is covered already. */
  existing?: readonly PlanePoint[];
  /** Circles where no camera may be placed. */
  exclude?: readonly ExclusionZone[];
  /** How many sites to choose. */
  k: number;
  /** How far a camera sees, metres. */
  radius: number;
}

export interface CoveringOptions {
  /** Run the 1-swap local search after greedy (default true). */
  localSearch?: boolean;
  /** Stop the local search after this many swaps (default 1,000). */
  maxSwaps?: number;
  /** The most grid candidates before the cell side is doubled (default 100,000). */
  maxGridCandidates?: number;
}

export interface ChosenSite extends PlanePoint {
  /** 1 = added most; greedy order of the final set. */
  rank: number;
  /** Index of the site in `CoveringResult.candidates`. */
  candidate: number;
  /** Weight this site adds to those ranked before it. */
  gain: number;
  /** Weight within R of this site (incidents covered by existing cameras left out). */
  covered: number;
  /** Weight within R of this site and of no other chosen site. */
  unique: number;
}

export interface WeightTotals {
  count: number;
  weight: number;
}

export interface CoveringResult {
  k: number;
  radius: number;
  /** The candidates considered (given, or the grid), excluded ones included. */
  candidates: PlanePoint[];
  candidateSource: 'given' | 'grid';
  /** The grid's cell side in metres, or null for given candidates. */
  gridCell: number | null;
  /** How many candidates lie in an excluded zone. */
  excludedCandidates: number;
  /** Every incident given. */
  incidents: WeightTotals;
  /** Incidents within R of an existing camera. */
  alreadyCovered: WeightTotals;
  /** Incidents within R of a chosen site (and not already covered). */
  covered: WeightTotals;
  /** covered ÷ incidents (weight); 0 when there are none. */
  share: number;
  /** covered ÷ (incidents − alreadyCovered) (weight); 0 when nothing is left to cover. */
  shareOfUncovered: number;
  sites: ChosenSite[];
  /** Weight greedy alone covered. */
  greedyWeight: number;
  localSearch: {
    swaps: number;
    stoppedBy: 'local-optimum' | 'swap-limit' | 'not-run';
  };
  /** Whether the sites are proven the best possible, and if not, how far from it they may be. */
  optimality: CoveringOptimality;
}

/**
 * How good the chosen sites are known to be: proven optimal, or within `gap` of the best any K
 * sites could do.
 */
export interface CoveringOptimality {
  status: 'optimal' | 'heuristic';
  /** The most weight any K allowed sites could newly cover (proven); = covered when optimal. */
  bound: number;
  /** bound − covered: at most this much more could be covered (0 when optimal). */
  gap: number;
  /** gap ÷ bound; 0 when the bound is 0. */
  gapShare: number;
  /**
   * What gave the bound: every coverable incident covered, the marginal-gain bound of the
   * heuristic's sites, the mixed-integer solver (its proven optimum, or its best bound when
   * stopped), or the linear-programming relaxation (an instance too large to solve exactly).
   */
  boundFrom: 'coverable' | 'marginal-gains' | 'mip' | 'lp-relaxation';
  /** The exact solve, when one was run (analysis/covering-exact.ts); null otherwise. */
  solver: CoveringSolverRun | null;
}

export interface CoveringSolverRun {
  name: string;
  /**
   * How far the solver went: the linear-programming relaxation only (its optimum was whole, or
   * proved the sites optimal, or branching was not allowed), or branch and bound after it.
   */
  ran: 'lp-relaxation' | 'mip';
  /**
   * `optimal`: the last step finished; `time-limit`: stopped at the limit; `size-limit`: the model
   * was too large to branch on; `failed`: the solver gave no answer (the heuristic's stands).
   */
  outcome: 'optimal' | 'time-limit' | 'size-limit' | 'failed';
  /** The model after reduction: candidates, groups of incidents, coverage entries. */
  model: { candidates: number; incidents: number; entries: number };
  /** Seconds the solver was allowed. */
  timeLimit: number;
  /** Which step found the sites reported (the first one to find the best coverage). */
  found: 'heuristic' | 'lp-relaxation' | 'mip';
}

const DEFAULT_MAX_SWAPS = 1_000;
const DEFAULT_MAX_GRID_CANDIDATES = 100_000;

export function solveCovering(
  problem: CoveringProblem,
  options: CoveringOptions = {},
): CoveringResult {
  checkProblem(problem);
  const prepared = prepareCovering(
    problem,
    options.maxGridCandidates ?? DEFAULT_MAX_GRID_CANDIDATES,
  );
  const found = searchCovering(prepared, problem.k, options);
  return coveringResult(
    problem,
    prepared,
    found,
    found.chosen,
    heuristicOptimality(prepared, found.chosen, problem.k),
  );
}

/** What the heuristic found: the sites (candidate indices) and how it got there. */
export interface HeuristicSearch {
  chosen: number[];
  greedyWeight: number;
  localSearch: CoveringResult['localSearch'];
}

/** Greedy, then the 1-swap local search (see the module comment). */
export function searchCovering(
  prepared: PreparedCovering,
  k: number,
  options: CoveringOptions = {},
): HeuristicSearch {
  const { sets, weight, allowed } = prepared;
  const nInc = weight.length;
  const nCand = sets.offsets.length - 1;
  const eps = tolerance(prepared);

  // --- 1. Lazy greedy -------------------------------------------------------------------------
  const isCovered = new Uint8Array(nInc);
  const marginal = (j: number) => {
    let g = 0;
    for (let p = sets.offsets[j] as number; p < (sets.offsets[j + 1] as number); p++) {
      const i = sets.items[p] as number;
      if (!isCovered[i]) g += weight[i] as number;
    }
    return g;
  };
  const heap = new MaxHeap();
  for (let j = 0; j < nCand; j++) if (allowed[j]) heap.push(marginal(j), j, 0);
  const chosen: number[] = [];
  let greedyWeight = 0;
  while (chosen.length < k && heap.size > 0) {
    const top = heap.pop();
    if (top.round !== chosen.length) {
      heap.push(marginal(top.index), top.index, chosen.length);
      continue;
    }
    if (top.gain <= eps) break; // nothing left to add
    chosen.push(top.index);
    greedyWeight += top.gain;
    for (
      let p = sets.offsets[top.index] as number;
      p < (sets.offsets[top.index + 1] as number);
      p++
    )
      isCovered[sets.items[p] as number] = 1;
  }

  // --- 2. Local search: best 1-swap while it improves ------------------------------------------
  let swaps = 0;
  let stoppedBy: CoveringResult['localSearch']['stoppedBy'] = 'not-run';
  if (options.localSearch !== false && chosen.length > 0) {
    const maxSwaps = options.maxSwaps ?? DEFAULT_MAX_SWAPS;
    const inverse = transpose(sets, nInc);
    const count = new Int32Array(nInc); // how many chosen sites cover each incident
    const inSet = new Uint8Array(nCand);
    const add = (j: number, d: number) => {
      for (let p = sets.offsets[j] as number; p < (sets.offsets[j + 1] as number); p++)
        (count[sets.items[p] as number] as number) += d;
    };
    for (const j of chosen) {
      inSet[j] = 1;
      add(j, 1);
    }
    const gainNow = new Float64Array(nCand);
    const overlap = new Float64Array(nCand);
    const touched = new Uint8Array(nCand);
    stoppedBy = 'local-optimum';
    for (;;) {
      // gain(t | S) for every allowed unchosen t, and those t by gain, best first.
      const outside: number[] = [];
      for (let t = 0; t < nCand; t++) {
        if (!allowed[t] || inSet[t]) continue;
        let g = 0;
        for (let p = sets.offsets[t] as number; p < (sets.offsets[t + 1] as number); p++) {
          const i = sets.items[p] as number;
          if (count[i] === 0) g += weight[i] as number;
        }
        gainNow[t] = g;
        outside.push(t);
      }
      if (outside.length === 0) break;
      outside.sort((a, b) => (gainNow[b] as number) - (gainNow[a] as number) || a - b);
      // For each chosen s: gain(t | S∖{s}) = gain(t | S) + weight of incidents only s covers
      // that t covers too; loss(s) = weight only s covers.
      let best = { delta: eps, out: -1, into: -1 };
      for (const s of chosen) {
        let loss = 0;
        const hit: number[] = [];
        for (let p = sets.offsets[s] as number; p < (sets.offsets[s + 1] as number); p++) {
          const i = sets.items[p] as number;
          if (count[i] !== 1) continue;
          const w = weight[i] as number;
          loss += w;
          for (let q = inverse.offsets[i] as number; q < (inverse.offsets[i + 1] as number); q++) {
            const t = inverse.items[q] as number;
            if (!allowed[t] || inSet[t]) continue;
            if (!touched[t]) {
              touched[t] = 1;
              hit.push(t);
            }
            (overlap[t] as number) += w;
          }
        }
        let into = -1;
        let value = -Infinity;
        for (const t of hit) {
          const v = (gainNow[t] as number) + (overlap[t] as number);
          if (v > value || (v === value && t < into)) [value, into] = [v, t];
        }
        // The best candidate s shares nothing with: the first untouched one in gain order.
        // (Ties with a touched one go to the lower index, as everywhere.)
        for (const t of outside) {
          if (touched[t]) continue;
          const v = gainNow[t] as number;
          if (v > value || (v === value && t < into)) [value, into] = [v, t];
          break;
        }
        for (const t of hit) {
          touched[t] = 0;
          overlap[t] = 0;
        }
        const delta = value - loss;
        if (into !== -1 && delta > best.delta) best = { delta, out: s, into };
      }
      if (best.out === -1) break;
      if (swaps >= maxSwaps) {
        stoppedBy = 'swap-limit';
        break;
      }
      add(best.out, -1);
      add(best.into, 1);
      inSet[best.out] = 0;
      inSet[best.into] = 1;
      chosen[chosen.indexOf(best.out)] = best.into;
      swaps++;
    }
  }

  return { chosen, greedyWeight, localSearch: { swaps, stoppedBy } };
}

/** The result for a chosen set of sites (candidate indices), whichever method chose them. */
export function coveringResult(
  problem: CoveringProblem,
  prepared: PreparedCovering,
  search: HeuristicSearch,
  chosen: readonly number[],
  optimality: CoveringOptimality,
): CoveringResult {
  const { sets, weight, allowed } = prepared;
  const nInc = weight.length;
  const sites = rankSites(chosen, sets, weight, prepared.candidates);
  const coveredWeight = sites.reduce((a, s) => a + s.gain, 0);
  const coveredSet = new Uint8Array(nInc);
  for (const j of chosen)
    for (let p = sets.offsets[j] as number; p < (sets.offsets[j + 1] as number); p++)
      coveredSet[sets.items[p] as number] = 1;
  let coveredCount = 0;
  for (let i = 0; i < nInc; i++) if (coveredSet[i]) coveredCount += prepared.count[i] as number;
  const total = prepared.total;
  const left = total.weight - prepared.alreadyCovered.weight;
  return {
    k: problem.k,
    radius: problem.radius,
    candidates: prepared.candidates,
    candidateSource: problem.candidates ? 'given' : 'grid',
    gridCell: prepared.gridCell,
    excludedCandidates: allowed.reduce((n, a) => n + (a ? 0 : 1), 0),
    incidents: total,
    alreadyCovered: prepared.alreadyCovered,
    covered: { count: coveredCount, weight: coveredWeight },
    share: total.weight > 0 ? coveredWeight / total.weight : 0,
    shareOfUncovered: left > 0 ? coveredWeight / left : 0,
    sites,
    greedyWeight: search.greedyWeight,
    localSearch: search.localSearch,
    optimality,
  };
}

/** The weight a set of sites covers (incidents existing cameras see left out). */
export function coveredWeight(prepared: PreparedCovering, chosen: readonly number[]): number {
  const { sets, weight } = prepared;
  const seen = new Uint8Array(weight.length);
  let w = 0;
  for (const j of chosen)
    for (let p = sets.offsets[j] as number; p < (sets.offsets[j + 1] as number); p++) {
      const i = sets.items[p] as number;
      if (seen[i]) continue;
      seen[i] = 1;
      w += weight[i] as number;
    }
  return w;
}

/**
 * The cheap upper bounds on what K sites could cover (see the module comment, step 3): the
 * weight some allowed candidate covers, and the chosen set plus its K largest marginal gains.
 */
export function coveringBound(
  prepared: PreparedCovering,
  chosen: readonly number[],
  k: number,
): { bound: number; from: 'coverable' | 'marginal-gains' } {
  const { sets, weight, allowed } = prepared;
  const nCand = sets.offsets.length - 1;
  const reachable = new Uint8Array(weight.length);
  const covered = new Uint8Array(weight.length);
  for (let j = 0; j < nCand; j++)
    if (allowed[j])
      for (let p = sets.offsets[j] as number; p < (sets.offsets[j + 1] as number); p++)
        reachable[sets.items[p] as number] = 1;
  for (const j of chosen)
    for (let p = sets.offsets[j] as number; p < (sets.offsets[j + 1] as number); p++)
      covered[sets.items[p] as number] = 1;
  let coverable = 0;
  let have = 0;
  weight.forEach((w, i) => {
    if (reachable[i]) coverable += w;
    if (covered[i]) have += w;
  });
  const inSet = new Set(chosen);
  const gains: number[] = [];
  for (let j = 0; j < nCand; j++) {
    if (!allowed[j] || inSet.has(j)) continue;
    let g = 0;
    for (let p = sets.offsets[j] as number; p < (sets.offsets[j + 1] as number); p++) {
      const i = sets.items[p] as number;
      if (!covered[i]) g += weight[i] as number;
    }
    if (g > 0) gains.push(g);
  }
  gains.sort((a, b) => b - a);
  const marginal = have + gains.slice(0, k).reduce((a, g) => a + g, 0);
  if (have >= coverable - tolerance(prepared)) return { bound: coverable, from: 'coverable' };
  return marginal <= coverable
    ? { bound: marginal, from: 'marginal-gains' }
    : { bound: coverable, from: 'coverable' };
}

/**
 * Optimality from a bound: optimal when the covered weight reaches it (within rounding), the bound
 * rounded down to a whole number when every weight is whole.
 */
export function optimalityFrom(
  prepared: PreparedCovering,
  covered: number,
  bound: number,
  boundFrom: CoveringOptimality['boundFrom'],
  solver: CoveringSolverRun | null,
): CoveringOptimality {
  const whole = prepared.weight.every((w) => Number.isInteger(w));
  let b = whole ? Math.floor(bound + 1e-6) : bound;
  // A solver's bound carries its tolerances (about 1e-6 of the objective).
  const eps = Math.max(tolerance(prepared), whole ? 0 : 1e-6 * Math.max(1, Math.abs(b)));
  if (b < covered) b = covered; // a bound below a found solution is rounding
  const gap = b - covered <= eps ? 0 : b - covered;
  return {
    status: gap === 0 ? 'optimal' : 'heuristic',
    bound: gap === 0 ? covered : b,
    gap,
    gapShare: b > 0 ? gap / b : 0,
    boundFrom,
    solver,
  };
}

function heuristicOptimality(
  prepared: PreparedCovering,
  chosen: readonly number[],
  k: number,
): CoveringOptimality {
  const { bound, from } = coveringBound(prepared, chosen, k);
  return optimalityFrom(prepared, coveredWeight(prepared, chosen), bound, from, null);
}

/** Below this, a difference in weight is rounding. */
export function tolerance(prepared: PreparedCovering): number {
  return 1e-9 * Math.max(1, sumOf(prepared.weight));
}

/** Orders a set of sites greedily (most added first) and measures each. */
function rankSites(
  chosen: readonly number[],
  sets: Csr,
  weight: Float64Array,
  candidates: readonly PlanePoint[],
): ChosenSite[] {
  const nInc = weight.length;
  const count = new Int32Array(nInc);
  for (const j of chosen)
    for (let p = sets.offsets[j] as number; p < (sets.offsets[j + 1] as number); p++)
      (count[sets.items[p] as number] as number) += 1;
  const done = new Uint8Array(nInc);
  const left = [...chosen].sort((a, b) => a - b);
  const out: ChosenSite[] = [];
  while (left.length > 0) {
    let bestAt = 0;
    let bestGain = -1;
    left.forEach((j, at) => {
      let g = 0;
      for (let p = sets.offsets[j] as number; p < (sets.offsets[j + 1] as number); p++) {
        const i = sets.items[p] as number;
        if (!done[i]) g += weight[i] as number;
      }
      if (g > bestGain) [bestGain, bestAt] = [g, at];
    });
    const [j] = left.splice(bestAt, 1) as [number];
    let covered = 0;
    let unique = 0;
    for (let p = sets.offsets[j] as number; p < (sets.offsets[j + 1] as number); p++) {
      const i = sets.items[p] as number;
      const w = weight[i] as number;
      covered += w;
      if (count[i] === 1) unique += w;
      done[i] = 1;
    }
    const site = candidates[j] as PlanePoint;
    out.push({
      rank: out.length + 1,
      candidate: j,
      x: site.x,
      y: site.y,
      gain: bestGain,
      covered,
      unique,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Preparation: merged incidents, existing coverage removed, candidates, coverage sets

/** Compressed lists: the items of list j are items[offsets[j] .. offsets[j + 1]). */
export interface Csr {
  offsets: Int32Array;
  items: Int32Array;
}

/** A problem ready to solve: merged incidents, existing coverage removed, coverage sets. */
export interface PreparedCovering {
  candidates: PlanePoint[];
  gridCell: number | null;
  allowed: boolean[];
  /** Merged incidents not already covered: weight and count of each. */
  weight: Float64Array;
  count: Int32Array;
  sets: Csr;
  total: WeightTotals;
  alreadyCovered: WeightTotals;
}

export function prepareCovering(
  problem: CoveringProblem,
  maxGridCandidates: number = DEFAULT_MAX_GRID_CANDIDATES,
): PreparedCovering {
  const { radius } = problem;
  const merged = mergeIncidents(problem.incidents);
  const total = {
    count: problem.incidents.length,
    weight: merged.reduce((a, m) => a + m.weight, 0),
  };
  // Incidents an existing camera sees are covered already.
  const seen = new Uint8Array(merged.length);
  const existing = problem.existing ?? [];
  if (existing.length > 0 && merged.length > 0) {
    const index = indexOf(merged);
    for (const camera of existing)
      for (const i of index.within(camera.x, camera.y, radius)) seen[i] = 1;
  }
  const left = merged.filter((_, i) => !seen[i]);
  const alreadyCovered = {
    count: total.count - left.reduce((a, m) => a + m.count, 0),
    weight: merged.reduce((a, m, i) => a + (seen[i] ? m.weight : 0), 0),
  };
  const grid = problem.candidates ? null : candidateGrid(left, radius, maxGridCandidates);
  const candidates = problem.candidates
    ? problem.candidates.map((c) => ({ x: c.x, y: c.y }))
    : (grid as { points: PlanePoint[] }).points;
  const zones = problem.exclude ?? [];
  const allowed = candidates.map(
    (c) => !zones.some((z) => (c.x - z.x) ** 2 + (c.y - z.y) ** 2 <= z.radius ** 2),
  );
  return {
    candidates,
    gridCell: grid ? grid.cell : null,
    allowed,
    weight: Float64Array.from(left, (m) => m.weight),
    count: Int32Array.from(left, (m) => m.count),
    sets: coverageCsr(left, candidates, radius),
    total,
    alreadyCovered,
  };
}

interface Merged extends PlanePoint {
  weight: number;
  count: number;
}

/** Incidents at the same point merged (weights and counts summed), in order of first sight. */
function mergeIncidents(incidents: readonly CoveringIncident[]): Merged[] {
  const byPoint = new Map<string, Merged>();
  for (const inc of incidents) {
    const key = `${inc.x},${inc.y}`;
    const w = inc.weight ?? 1;
    const m = byPoint.get(key);
    if (m) {
      m.weight += w;
      m.count += 1;
    } else byPoint.set(key, { x: inc.x, y: inc.y, weight: w, count: 1 });
  }
  return [...byPoint.values()];
}

function indexOf(points: readonly PlanePoint[]): KDBush {
  const index = new KDBush(points.length);
  for (const p of points) index.add(p.x, p.y);
  return index.finish();
}

function coverageCsr(
  incidents: readonly PlanePoint[],
  candidates: readonly PlanePoint[],
  radius: number,
): Csr {
  const offsets = new Int32Array(candidates.length + 1);
  if (incidents.length === 0) return { offsets, items: new Int32Array(0) };
  const index = indexOf(incidents);
  const buffer = new Uint32Array(incidents.length);
  const parts: Int32Array[] = [];
  let n = 0;
  candidates.forEach((c, j) => {
    const found = index.withinInto(c.x, c.y, radius, buffer);
    const part = Int32Array.from(buffer.subarray(0, found)).sort();
    parts.push(part);
    n += found;
    offsets[j + 1] = n;
  });
  const items = new Int32Array(n);
  parts.forEach((part, j) => items.set(part, offsets[j] as number));
  return { offsets, items };
}

/** For each incident, the candidates covering it. */
export function transpose(sets: Csr, nInc: number): Csr {
  const offsets = new Int32Array(nInc + 1);
  for (const i of sets.items) (offsets[i + 1] as number) += 1;
  for (let i = 0; i < nInc; i++) (offsets[i + 1] as number) += offsets[i] as number;
  const fill = offsets.slice(0, nInc);
  const items = new Int32Array(sets.items.length);
  const nCand = sets.offsets.length - 1;
  for (let j = 0; j < nCand; j++)
    for (let p = sets.offsets[j] as number; p < (sets.offsets[j + 1] as number); p++) {
      const i = sets.items[p] as number;
      items[(fill[i] as number)++] = j;
    }
  return { offsets, items };
}

/**
 * The incidents within `radius` of each candidate (indices into `incidents`, ascending), found
 * with a k-d tree: one radius query per candidate. Distance ≤ radius counts as within.
 */
export function coverageSets(
  incidents: readonly PlanePoint[],
  candidates: readonly PlanePoint[],
  radius: number,
): number[][] {
  const sets = coverageCsr(incidents, candidates, radius);
  return candidates.map((_, j) => [
    ...sets.items.subarray(sets.offsets[j] as number, sets.offsets[j + 1] as number),
  ]);
}

/**
 * Grid candidates (see the module comment): centres of cells of side R/2 with an incident within
 * R, in order of column then row; the side doubled while there would be more than `max`.
 */
export function candidateGrid(
  incidents: readonly PlanePoint[],
  radius: number,
  max: number = DEFAULT_MAX_GRID_CANDIDATES,
): { points: PlanePoint[]; cell: number } {
  const r2 = radius * radius;
  for (let cell = radius / 2; ; cell *= 2) {
    const cells = new Map<string, [number, number]>();
    let tooMany = false;
    for (const p of incidents) {
      const iLo = Math.ceil((p.x - radius) / cell - 0.5);
      const iHi = Math.floor((p.x + radius) / cell - 0.5);
      const jLo = Math.ceil((p.y - radius) / cell - 0.5);
      const jHi = Math.floor((p.y + radius) / cell - 0.5);
      for (let i = iLo; i <= iHi; i++) {
        const dx = (i + 0.5) * cell - p.x;
        for (let j = jLo; j <= jHi; j++) {
          const dy = (j + 0.5) * cell - p.y;
          if (dx * dx + dy * dy <= r2) cells.set(`${i},${j}`, [i, j]);
        }
      }
      if (cells.size > max) {
        tooMany = true;
        break;
      }
    }
    if (tooMany) continue;
    const points = [...cells.values()]
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([i, j]) => ({ x: (i + 0.5) * cell, y: (j + 0.5) * cell }));
    return { points, cell };
  }
}

// ---------------------------------------------------------------------------------------------
// The exact optimum by brute force (tests only: C(n, K) subsets)

export interface ExactCoverage {
  /** The best weight newly covered (existing coverage left out). */
  weight: number;
  /** Indices of one best set in the candidate list (given, or the grid), ascending. */
  candidates: number[];
}

/**
 * The optimum of the same problem by trying every K-subset of the allowed candidates (all of
 * them when fewer than K), with coverage by plain distance tests. For small instances only.
 */
export function exactCoverage(problem: CoveringProblem): ExactCoverage {
  checkProblem(problem);
  const { radius, k } = problem;
  const within = (a: PlanePoint, b: PlanePoint) =>
    (a.x - b.x) ** 2 + (a.y - b.y) ** 2 <= radius ** 2;
  const existing = problem.existing ?? [];
  const left = problem.incidents.filter((i) => !existing.some((c) => within(i, c)));
  const candidates = problem.candidates ?? candidateGrid(left, radius).points;
  const zones = problem.exclude ?? [];
  const allowed = candidates
    .map((c, j) => ({ c, j }))
    .filter(({ c }) => !zones.some((z) => (c.x - z.x) ** 2 + (c.y - z.y) ** 2 <= z.radius ** 2));
  const covers = allowed.map(({ c }) => left.map((i) => within(i, c)));
  const size = Math.min(k, allowed.length);
  let best: ExactCoverage = { weight: 0, candidates: [] };
  const pick: number[] = [];
  const visit = (from: number) => {
    if (pick.length === size) {
      let w = 0;
      left.forEach((inc, i) => {
        if (pick.some((a) => covers[a]?.[i])) w += inc.weight ?? 1;
      });
      if (w > best.weight)
        best = { weight: w, candidates: pick.map((a) => (allowed[a] as { j: number }).j) };
      return;
    }
    for (let a = from; a <= allowed.length - (size - pick.length); a++) {
      pick.push(a);
      visit(a + 1);
      pick.pop();
    }
  };
  visit(0);
  return best;
}

// ---------------------------------------------------------------------------------------------

export function checkProblem(problem: CoveringProblem): void {
  if (!(Number.isInteger(problem.k) && problem.k >= 1))
    throw new RangeError(`k must be a whole number from 1 (not ${problem.k})`);
  if (!(Number.isFinite(problem.radius) && problem.radius > 0))
    throw new RangeError(`the radius must be a positive number of metres (not ${problem.radius})`);
  for (const inc of problem.incidents) {
    const w = inc.weight ?? 1;
    if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`incident weight ${w} is not ≥ 0`);
  }
}

function sumOf(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/**
 * A binary max-heap of candidates by gain, ties to the lower index; `round` says after how many
 * choices the gain was computed (a gain from an earlier round is an upper bound).
 */
class MaxHeap {
  private readonly gains: number[] = [];
  private readonly indices: number[] = [];
  private readonly rounds: number[] = [];

  get size(): number {
    return this.gains.length;
  }

  push(gain: number, index: number, round: number): void {
    this.gains.push(gain);
    this.indices.push(index);
    this.rounds.push(round);
    let at = this.gains.length - 1;
    while (at > 0) {
      const up = (at - 1) >> 1;
      if (!this.above(at, up)) break;
      this.swap(at, up);
      at = up;
    }
  }

  pop(): { gain: number; index: number; round: number } {
    const top = {
      gain: this.gains[0] as number,
      index: this.indices[0] as number,
      round: this.rounds[0] as number,
    };
    const last = this.gains.length - 1;
    this.swap(0, last);
    this.gains.pop();
    this.indices.pop();
    this.rounds.pop();
    let at = 0;
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let best = at;
      if (l < this.gains.length && this.above(l, best)) best = l;
      if (r < this.gains.length && this.above(r, best)) best = r;
      if (best === at) break;
      this.swap(at, best);
      at = best;
    }
    return top;
  }

  /** True when entry a belongs above entry b. */
  private above(a: number, b: number): boolean {
    const ga = this.gains[a] as number;
    const gb = this.gains[b] as number;
    return ga > gb || (ga === gb && (this.indices[a] as number) < (this.indices[b] as number));
  }

  private swap(a: number, b: number): void {
    for (const arr of [this.gains, this.indices, this.rounds]) {
      const t = arr[a] as number;
      arr[a] = arr[b] as number;
      arr[b] = t;
    }
  }
}
