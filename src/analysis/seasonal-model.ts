/**
 * The expected count of each month from an area's own history: a Poisson regression (log link)
 * with a linear trend and a month-of-year effect, fitted by maximum likelihood on observed months
 * only (missing months are not zeros and are not fitted). Each month's expected value comes from
 * the model fitted to the rest of the history without it (leave one out, refitted exactly), so
 * that a spike does not raise its own expectation; a month is an exception when its count is
 * above the 99.8% upper limit of a Poisson count with that expected value (the 99.9% quantile). A
 * month whose calendar month is observed only once cannot be assessed.
 *
 * Model: log μᵢ = α_c(i) + β·tᵢ, with tᵢ in years and one level α_c per calendar month observed
 * (the same model as an intercept plus month-of-year dummies). Method: profile likelihood. For a
 * given β the maximum-likelihood level of each calendar month is closed-form,
 * exp(α_c) = Y_c / Σ_{i∈c} exp(β·tᵢ), where Y_c is the month's total; what remains is the score
 * equation of β alone, U(β) = Σ tᵢ·yᵢ − Σ_c Y_c·S1_c/S0_c = 0 (S_k = Σ_{i∈c} tᵢᵏ·exp(β·tᵢ)), which
 * is monotone decreasing (U′(β) = −Σ_c Y_c·Var_c(t) ≤ 0, a weighted variance of t within each
 * calendar month), so Newton's method safeguarded by bisection finds its root. The result is the
 * maximum-likelihood fit of the regression, found in O(n) per step instead of refitting a dense
 * weighted least-squares system: that is what makes an exact refit per left-out month affordable.
 *
 * Assumptions: counts are Poisson around the expected value (crime is often overdispersed, which
 * makes exceptions flagged too readily); the trend is log-linear over the whole history, gaps
 * included. A calendar month whose counts are all zero is expected at zero. Where no calendar
 * month has two observed months with counts, the trend is not identified and is taken as flat.
 * A calendar month never observed shares the level of the earliest calendar month observed.
 */
import { poissonQuantile } from './poisson.js';

import type { MonthCount } from '../domain/area-counts.js';
import { monthIndex, type Month } from '../domain/month.js';

export type { MonthCount };

export interface ExpectedMonth {
  month: Month;
  observed: number;
  /** From the rest of the history (leave one out); null when its calendar month occurs once. */
  expected: number | null;
  upper998: number | null;
  exception: boolean | null;
}

export const SEASONAL_METHOD =
  'Poisson regression (log link) with linear trend and month-of-year effects, maximum likelihood; exceptions above the 99.8% Poisson limit' as const;

export interface SeasonalFit {
  months: ExpectedMonth[];
  /** Multiplicative change per year from the trend term, e.g. 1.05 = +5% a year. */
  trendPerYear: number;
  /** Newton steps of the full fit. */
  iterations: number;
  method: typeof SEASONAL_METHOD;
}

/** The fewest observed months the model is fitted to (one more than its parameters at most). */
export const MIN_SEASONAL_MONTHS = 13;

/** Needs at least 13 observed months. */
export function fitSeasonal(history: readonly MonthCount[]): SeasonalFit | null {
  if (history.length < MIN_SEASONAL_MONTHS) return null;
  const data = arrays(history);
  const full = fitProfile(data, -1, null, true);
  const twins = new Int32Array(13);
  for (let i = 0; i < data.n; i++) twins[data.cal[i] as number]!++;
  const months = history.map((h, i): ExpectedMonth => {
    const cal = data.cal[i] as number;
    if ((twins[cal] as number) < 2)
      return { month: h.month, observed: h.count, expected: null, upper998: null, exception: null };
    const expected = meanOf(fitProfile(data, i, full, false), cal, data.t[i] as number);
    const upper998 = poissonQuantile(0.999, expected);
    return { month: h.month, observed: h.count, expected, upper998, exception: h.count > upper998 };
  });
  return {
    months,
    trendPerYear: Math.exp(full.beta),
    iterations: full.iterations,
    method: SEASONAL_METHOD,
  };
}

export interface Glm {
  /** The fitted mean count of a month (any month, inside or after the history). */
  predict(month: Month): number;
  trendPerYear: number;
  iterations: number;
}

/** The regression fitted to the whole history. */
export function fitGlm(history: readonly MonthCount[]): Glm {
  const data = arrays(history);
  const fit = fitProfile(data, -1, null, true);
  return {
    predict: (m) => meanOf(fit, Number(m.slice(5, 7)), (monthIndex(m) - data.t0) / 12),
    trendPerYear: Math.exp(fit.beta),
    iterations: fit.iterations,
  };
}

interface Arrays {
  n: number;
  t0: number;
  /** Years since the first month. */
  t: Float64Array;
  y: Float64Array;
  /** Calendar month, 1..12. */
  cal: Int32Array;
}

function arrays(history: readonly MonthCount[]): Arrays {
  const n = history.length;
  const t0 = n > 0 ? monthIndex(history[0]!.month) : 0;
  const t = new Float64Array(n);
  const y = new Float64Array(n);
  const cal = new Int32Array(n);
  history.forEach((h, i) => {
    t[i] = (monthIndex(h.month) - t0) / 12;
    y[i] = h.count;
    cal[i] = Number(h.month.slice(5, 7));
  });
  return { n, t0, t, y, cal };
}

interface ProfileFit {
  beta: number;
  iterations: number;
  /** S0, S1, S2 by calendar month at `beta`, over the months fitted (kept fits only). */
  sums: [Float64Array, Float64Array, Float64Array] | null;
  /** exp(α_c) by calendar month: the level of each (shared scratch unless kept). */
  level: Float64Array;
}

/** The fitted mean of calendar month `cal` at time `t` (years). */
const meanOf = (fit: ProfileFit, cal: number, t: number) =>
  (fit.level[cal] as number) * Math.exp(fit.beta * t);

const MAX_STEPS = 200;
const MAX_TREND = 20; // |β| in log units per year: far beyond any real series
// Newton converges quadratically: once a step is this small, the estimate it started from is
// within about this of the root, which moves no expected count by a hundred-millionth.
const TOLERANCE = 1e-9;

/** Per calendar month (index 1..12): Y_c, and S0, S1, S2 at the current β. */
const total = new Float64Array(13);
const seen = new Uint8Array(13);
const scratchLevel = new Float64Array(13);
const s0 = new Float64Array(13);
const s1 = new Float64Array(13);
const s2 = new Float64Array(13);

function sums(data: Arrays, skip: number, beta: number): void {
  s0.fill(0);
  s1.fill(0);
  s2.fill(0);
  const { n, t, cal } = data;
  for (let i = 0; i < n; i++) {
    if (i === skip) continue;
    const c = cal[i] as number;
    const ti = t[i] as number;
    const e = Math.exp(beta * ti);
    s0[c]! += e;
    s1[c]! += ti * e;
    s2[c]! += ti * ti * e;
  }
}

/**
 * The maximum-likelihood fit without observation `skip` (-1: none). A refit starts from the full
 * fit, whose sums less the left-out month's terms are the first step's sums at no cost.
 */
function fitProfile(
  data: Arrays,
  skip: number,
  from: ProfileFit | null,
  keep: boolean,
): ProfileFit {
  const { n, t, y, cal } = data;
  total.fill(0);
  seen.fill(0);
  let ty = 0;
  for (let i = 0; i < n; i++) {
    if (i === skip) continue;
    const c = cal[i] as number;
    total[c]! += y[i] as number;
    seen[c] = 1;
    ty += (t[i] as number) * (y[i] as number);
  }
  let beta = from ? from.beta : 0;
  let lo = -MAX_TREND;
  let hi = MAX_TREND;
  let iterations = 0;
  for (; iterations < MAX_STEPS; iterations++) {
    if (iterations === 0 && from?.sums && skip >= 0) {
      s0.set(from.sums[0]);
      s1.set(from.sums[1]);
      s2.set(from.sums[2]);
      const c = cal[skip] as number;
      const ti = t[skip] as number;
      const e = Math.exp(beta * ti);
      s0[c]! -= e;
      s1[c]! -= ti * e;
      s2[c]! -= ti * ti * e;
    } else sums(data, skip, beta);
    // U(β) and U′(β) of the profile likelihood.
    let u = ty;
    let du = 0;
    for (let c = 1; c <= 12; c++) {
      const yc = total[c] as number;
      if (yc === 0) continue;
      const m1 = (s1[c] as number) / (s0[c] as number);
      const m2 = (s2[c] as number) / (s0[c] as number);
      u -= yc * m1;
      du -= yc * Math.max(m2 - m1 * m1, 0);
    }
    if (u === 0) break;
    if (u > 0) lo = beta;
    else hi = beta;
    if (du === 0) {
      // Flat in β: the trend is not identified by these months (or the counts are all zero).
      if (iterations === 0 && beta !== 0) {
        beta = 0;
        sums(data, skip, beta);
      }
      break;
    }
    let next = beta - u / du;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2; // Newton left the bracket: bisect
    if (Math.abs(next - beta) < TOLERANCE || hi - lo < TOLERANCE) break; // the sums are at beta
    beta = next;
  }
  const base = seen.indexOf(1); // the level a never-observed calendar month shares
  const level = keep ? new Float64Array(13) : scratchLevel;
  for (let c = 1; c <= 12; c++) {
    const k = seen[c] ? c : base;
    level[c] = base === -1 ? 0 : (total[k] as number) / (s0[k] as number);
  }
  return {
    beta,
    iterations: iterations + 1,
    sums: keep ? [s0.slice(), s1.slice(), s2.slice()] : null,
    level,
  };
}
