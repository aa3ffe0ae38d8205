/**
 * The expected count of each month from an area's own history: a Poisson regression (log link)
 * with a linear trend and a month-of-year effect, fitted by maximum likelihood on observed months
 * only (missing months are not zeros and are not fitted), with the counts' extra-Poisson variation
 * measured and carried into every range it gives (quasi-Poisson). Each month's expected value
 * comes from the model fitted to the rest of the history without it (leave one out, refitted
 * exactly), so that a spike does not raise its own expectation; a month is an exception when its
 * count is above the 99.8% range expected for it (the 99.9% quantile of its predictive
 * distribution, below). A month whose calendar month is observed only once cannot be assessed.
 *
 * Model: log μᵢ = α_c(i) + β·tᵢ, with tᵢ in years and one level α_c per calendar month observed
 * (the same model as an intercept plus month-of-year dummies), Var(yᵢ) = φ·μᵢ. Method: profile
 * likelihood. For a given β the maximum-likelihood level of each calendar month is closed-form,
 * exp(α_c) = Y_c / Σ_{i∈c} exp(β·tᵢ), where Y_c is the month's total; what remains is the score
 * equation of β alone, U(β) = Σ tᵢ·yᵢ − Σ_c Y_c·S1_c/S0_c = 0 (S_k = Σ_{i∈c} tᵢᵏ·exp(β·tᵢ)), which
 * is monotone decreasing (U′(β) = −Σ_c Y_c·Var_c(t) ≤ 0, a weighted variance of t within each
 * calendar month), so Newton's method safeguarded by bisection finds its root. The result is the
 * maximum-likelihood fit of the regression, found in O(n) per step instead of refitting a dense
 * weighted least-squares system: that is what makes an exact refit per left-out month affordable.
 * Quasi-Poisson leaves these estimates as they are (its estimating equations are the Poisson
 * score equations) and scales their variance by φ.
 *
 * Dispersion: φ̂ = Pearson χ² / (n − p), p the levels fitted plus one for the trend; φ = max(1, φ̂)
 * (counts are never taken to vary less than Poisson counts). Crime counts run from φ̂ ≈ 1 to over
 * 100 (anti-social behaviour in 2021), mostly because one trend and one season do not describe a
 * history with lockdowns and gaps of years in it: φ measures that misfit too, which is what an
 * honest range needs. It is estimated only with at least 5 residual degrees of freedom.
 *
 * Predictive distribution of a month's count (a forecast, or a left-out month): mean μ̂, variance
 * V = φ·μ̂ + μ̂²·Var(log μ̂), with Var(log μ̂) = φ·[1/Y_c + (t − t̄_c)²/D] the variance of the fitted
 * log mean (t̄_c = S1_c/S0_c, D = Σ_c Y_c·Var_c(t) = −U′(β̂); the Fisher information of the fit,
 * inverted in closed form by its block structure, gives exactly this). Its quantiles are those of
 * the negative binomial with that mean and variance (analysis/negative-binomial.ts); without
 * overdispersion and trend this is exact: a Poisson count whose mean has the gamma distribution
 * Y_c and the months' exposure give it. Because φ is estimated from n − p degrees of freedom, the
 * φ used for the p-quantile is max(1, φ̂·(t_{n−p}(p)/z(p))²): the same widening Student's t gives a
 * normal prediction interval with an estimated variance. A calendar month whose counts are all 0
 * is expected at 0, and its range is that of half a count in its months (else it would be [0, 0]).
 *
 * Assumptions: the trend is log-linear over the whole history, gaps included, and the month
 * effects are the same every year. Where no calendar month has two observed months with counts,
 * the trend is not identified and is taken as flat. A calendar month never observed shares the
 * level of the earliest calendar month observed (forecasts refuse such months).
 */
import { countQuantile, normalQuantile } from './negative-binomial.js';
import { studentTQuantile } from './student-t.js';

import type { MonthCount } from '../domain/area-counts.js';
import { monthIndex, type Month } from '../domain/month.js';

export type { MonthCount };

export interface ExpectedMonth {
  month: Month;
  observed: number;
  /** From the rest of the history (leave one out); null when its calendar month occurs once. */
  expected: number | null;
  /** The 99.8% range expected for the month (0.1% and 99.9% quantiles); null when not assessed. */
  lower998: number | null;
  upper998: number | null;
  exception: boolean | null;
}

export const SEASONAL_METHOD =
  'Quasi-Poisson regression (log link) with a linear trend, and month-of-year effects where the counts show a season; ranges from the predictive distribution (dispersion and parameter uncertainty included); exceptions above its 99.8% range' as const;

/** How much more the counts vary than Poisson counts would, around the fitted model. */
export interface Dispersion {
  /** Pearson χ² / residual degrees of freedom; null when there are fewer than 5 of them. */
  pearson: number | null;
  /** Residual degrees of freedom: months fitted less parameters. */
  df: number;
  /** What the ranges use before the small-sample widening: max(1, pearson). */
  phi: number | null;
}

/**
 * The two forms of the model: a level per calendar month ("month-of-year"), or one level for every
 * month ("none": trend only). `select` (the default) keeps the month effects only where the counts
 * support them (see `chooseSeason`).
 */
export type Season = 'month-of-year' | 'none';

export interface SeasonalFit {
  months: ExpectedMonth[];
  /** Multiplicative change per year from the trend term, e.g. 1.05 = +5% a year. */
  trendPerYear: number;
  /** Whether the month-of-year effects were kept. */
  season: Season;
  /** Of the fit to the whole history. */
  dispersion: Dispersion;
  /** Newton steps of the full fit. */
  iterations: number;
  method: typeof SEASONAL_METHOD;
}

/** The fewest observed months the model is fitted to (one more than its parameters at most). */
export const MIN_SEASONAL_MONTHS = 13;

/** The fewest residual degrees of freedom from which the dispersion is estimated. */
export const MIN_DISPERSION_DF = 5;

export interface FitOptions {
  /** The form of the model, or `select` (default) to choose it from the counts. */
  season?: Season | 'select';
}

/** Needs at least 13 observed months. */
export function fitSeasonal(
  history: readonly MonthCount[],
  options: FitOptions = {},
): SeasonalFit | null {
  if (history.length < MIN_SEASONAL_MONTHS) return null;
  const { season, data, fit: full } = chooseSeason(history, options.season ?? 'select');
  const dispersion = dispersionOf(data, -1, full);
  const twins = new Int32Array(13);
  for (let i = 0; i < data.n; i++) twins[data.cal[i] as number]!++;
  const months = history.map((h, i): ExpectedMonth => {
    const cal = data.cal[i] as number;
    const month = h.month;
    const observed = h.count;
    if ((twins[cal] as number) < 2)
      return { month, observed, expected: null, lower998: null, upper998: null, exception: null };
    const fit = fitProfile(data, i, full, false);
    const t = data.t[i] as number;
    const expected = meanOf(fit, cal, t);
    const d = dispersionOf(data, i, fit);
    if (d.phi === null)
      return { month, observed, expected, lower998: null, upper998: null, exception: null };
    const lower998 = predictiveQuantile(fit, cal, t, d, 0.001);
    const upper998 = predictiveQuantile(fit, cal, t, d, 0.999);
    return { month, observed, expected, lower998, upper998, exception: observed > upper998 };
  });
  return {
    months,
    trendPerYear: Math.exp(full.beta),
    season,
    dispersion,
    iterations: full.iterations,
    method: SEASONAL_METHOD,
  };
}

export interface Glm {
  /** The fitted mean count of a month (any month, inside or after the history). */
  predict(month: Month): number;
  /**
   * The p-quantile of the month's predictive distribution (dispersion and the uncertainty of the
   * fitted mean included); null when the dispersion cannot be estimated.
   */
  quantile(month: Month, p: number): number | null;
  /** Var(log μ̂) of the month's fitted mean, in units of φ (multiply by φ for quasi-Poisson). */
  logMeanVariance(month: Month): number;
  /** Whether the model has a level for the month: always, unless its calendar month was never fitted. */
  fitted(month: Month): boolean;
  season: Season;
  dispersion: Dispersion;
  trendPerYear: number;
  iterations: number;
}

/** The regression fitted to the whole history. */
export function fitGlm(history: readonly MonthCount[], options: FitOptions = {}): Glm {
  const { season, data, fit } = chooseSeason(history, options.season ?? 'select');
  const dispersion = dispersionOf(data, -1, fit);
  const at = (m: Month) => [classOf(m, season), (monthIndex(m) - data.t0) / 12] as const;
  return {
    predict: (m) => meanOf(fit, ...at(m)),
    quantile: (m, p) =>
      dispersion.phi === null ? null : predictiveQuantile(fit, ...at(m), dispersion, p),
    logMeanVariance: (m) => logMeanVariance(fit, ...at(m)),
    fitted: (m) => fit.seen[at(m)[0]] === 1,
    season,
    dispersion,
    trendPerYear: Math.exp(fit.beta),
    iterations: fit.iterations,
  };
}

/** The class of a month: its calendar month, or 1 for every month in the trend-only form. */
const classOf = (m: Month, season: Season) => (season === 'none' ? 1 : Number(m.slice(5, 7)));

/**
 * The form of the model the counts support. Month-of-year effects cost 11 parameters, which a
 * sparse series (robbery in a district, one or two a month) cannot pay for: fitted to noise, they
 * make every expectation hang on one or two other months. They are kept when they lower the
 * quasi-likelihood information criterion (Burnham and Anderson's QAIC = deviance/φ + 2·parameters,
 * φ of the seasonal form): when (deviance without − deviance with)/φ > 2 × the parameters they
 * add, which is an F statistic above 2 (p ≈ 0.05–0.1 at the months Lantern sees). A seasonal form
 * whose dispersion cannot be estimated (fewer than 5 residual degrees of freedom) is not kept.
 */
function chooseSeason(
  history: readonly MonthCount[],
  choice: Season | 'select',
): { season: Season; data: Arrays; fit: ProfileFit } {
  const monthly = arrays(history);
  const fitOf = (season: Season) => {
    const data =
      season === 'none' ? { ...monthly, cal: new Int32Array(monthly.n).fill(1) } : monthly;
    return { season, data, fit: fitProfile(data, -1, null, true) };
  };
  if (choice !== 'select') return fitOf(choice);
  const seasonal = fitOf('month-of-year');
  const flat = fitOf('none');
  const d = dispersionOf(seasonal.data, -1, seasonal.fit);
  if (d.phi === null) return flat;
  const extra = parametersOf(seasonal.fit) - parametersOf(flat.fit);
  const gain = deviance(flat.data, flat.fit) - deviance(seasonal.data, seasonal.fit);
  return extra > 0 && gain / d.phi > 2 * extra ? seasonal : flat;
}

/** Levels fitted plus one for the trend when it is identified. */
function parametersOf(fit: ProfileFit): number {
  let levels = 0;
  for (let c = 1; c <= 12; c++) levels += fit.seen[c] as number;
  return levels + (fit.information > 0 ? 1 : 0);
}

/** The Poisson deviance of a fit to every month: 2·Σ[y·log(y/μ) − (y − μ)]. */
function deviance(data: Arrays, fit: ProfileFit): number {
  let sum = 0;
  for (let i = 0; i < data.n; i++) {
    const y = data.y[i] as number;
    const mu = meanOf(fit, data.cal[i] as number, data.t[i] as number);
    sum += (y > 0 ? y * Math.log(y / mu) : 0) - (y - mu);
  }
  return 2 * sum;
}

interface Arrays {
  n: number;
  t0: number;
  /** Years since the first month. */
  t: Float64Array;
  y: Float64Array;
  /** The class of each month: its calendar month 1..12, or 1 for all in the trend-only form. */
  cal: Int32Array;
}

/** The history as arrays, each month in its calendar month's class. */
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
  /** S0, S1, S2 and the squares by calendar month at `beta`, over the months fitted (kept fits only). */
  sums: [Float64Array, Float64Array, Float64Array, Float64Array] | null;
  /** exp(α_c) by calendar month: the level of each (shared scratch unless kept). */
  level: Float64Array;
  /** Y_c, S0_c and t̄_c = S1_c/S0_c by calendar month (shared scratch unless kept). */
  total: Float64Array;
  exposure: Float64Array;
  meanT: Float64Array;
  /** 1 for each calendar month among the months fitted (shared scratch unless kept). */
  seen: Uint8Array;
  /** Σ_{i∈c} yᵢ²·exp(−β·tᵢ) by calendar month, for Pearson's χ² (shared scratch unless kept). */
  squares: Float64Array;
  /** D = Σ_c Y_c·Var_c(t) = −U′(β̂): the information about the trend; 0 when it is not identified. */
  information: number;
}

/** The fitted mean of calendar month `cal` at time `t` (years). */
const meanOf = (fit: ProfileFit, cal: number, t: number) =>
  (fit.level[cal] as number) * Math.exp(fit.beta * t);

/**
 * Var(log μ̂) at calendar month `cal` and time `t`, in units of φ: 1/Y_c + (t − t̄_c)²/D, from the
 * inverse of the Fisher information (levels and trend), which its block structure gives in closed
 * form. A calendar month whose counts are all zero counts as half a count.
 */
function logMeanVariance(fit: ProfileFit, cal: number, t: number): number {
  const y = Math.max(fit.total[cal] as number, 0.5);
  const d = t - (fit.meanT[cal] as number);
  return 1 / y + (fit.information > 0 ? (d * d) / fit.information : 0);
}

/**
 * Pearson χ² over the months fitted (all but `skip`), its degrees of freedom, and φ. Since the
 * fitted means of each calendar month sum to its total, χ² = Σ(y − μ)²/μ = Σ_c Σ_{i∈c} yᵢ²/μᵢ − Σy
 * = Σ_c (Σ_{i∈c} yᵢ²·exp(−β·tᵢ))/exp(α_c) − Σy: from sums the fit already has, in O(12).
 */
function dispersionOf(data: Arrays, skip: number, fit: ProfileFit): Dispersion {
  const df = data.n - (skip >= 0 ? 1 : 0) - parametersOf(fit);
  if (df < MIN_DISPERSION_DF) return { pearson: null, df, phi: null };
  let chi2 = 0;
  for (let c = 1; c <= 12; c++) {
    const level = fit.level[c] as number;
    if (fit.seen[c] && level > 0)
      chi2 += (fit.squares[c] as number) / level - (fit.total[c] as number);
  }
  const pearson = Math.max(chi2, 0) / df;
  return { pearson, df, phi: Math.max(1, pearson) };
}

/** (t_df(p)/z(p))² by level and degrees of freedom: how much an estimated φ is widened. */
const widenings = new Map<number, Map<number, number>>();
function widening(p: number, df: number): number {
  let byDf = widenings.get(p);
  if (byDf === undefined) widenings.set(p, (byDf = new Map()));
  let w = byDf.get(df);
  if (w === undefined) {
    w = (studentTQuantile(p, df) / normalQuantile(p)) ** 2;
    if (byDf.size < 1024 && widenings.size < 64) byDf.set(df, w);
  }
  return w;
}

/**
 * The p-quantile of the predictive distribution of the count at calendar month `cal`, time `t`:
 * the negative binomial with mean μ̂ and variance φ·μ̂ + μ̂²·φ·Var(log μ̂)/φ, φ widened for its own
 * estimation by (t_df(p)/z(p))².
 */
function predictiveQuantile(
  fit: ProfileFit,
  cal: number,
  t: number,
  dispersion: Dispersion,
  p: number,
): number {
  const phi = Math.max(1, (dispersion.pearson as number) * widening(p, dispersion.df));
  const total = fit.total[cal] as number;
  const mu =
    total > 0
      ? meanOf(fit, cal, t)
      : (0.5 / (fit.exposure[cal] as number)) * Math.exp(fit.beta * t);
  const variance = phi * mu + mu * mu * phi * logMeanVariance(fit, cal, t);
  return countQuantile(p, mu, variance);
}

const MAX_STEPS = 200;
const MAX_TREND = 20; // |β| in log units per year: far beyond any real series
// Newton converges quadratically: once a step is this small, the estimate it started from is
// within about this of the root, which moves no expected count by a hundred-millionth.
const TOLERANCE = 1e-9;

/** Per calendar month (index 1..12): Y_c, and S0, S1, S2 at the current β. */
const total = new Float64Array(13);
const seen = new Uint8Array(13);
const scratchLevel = new Float64Array(13);
const scratchMeanT = new Float64Array(13);
const s0 = new Float64Array(13);
const s1 = new Float64Array(13);
const s2 = new Float64Array(13);
const s3 = new Float64Array(13);

function sums(data: Arrays, skip: number, beta: number): void {
  s0.fill(0);
  s1.fill(0);
  s2.fill(0);
  s3.fill(0);
  const { n, t, y, cal } = data;
  for (let i = 0; i < n; i++) {
    if (i === skip) continue;
    const c = cal[i] as number;
    const ti = t[i] as number;
    const e = Math.exp(beta * ti);
    s0[c]! += e;
    s1[c]! += ti * e;
    s2[c]! += ti * ti * e;
    s3[c]! += ((y[i] as number) * (y[i] as number)) / e;
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
  let information = 0;
  for (; iterations < MAX_STEPS; iterations++) {
    if (iterations === 0 && from?.sums && skip >= 0) {
      s0.set(from.sums[0]);
      s1.set(from.sums[1]);
      s2.set(from.sums[2]);
      s3.set(from.sums[3]);
      const c = cal[skip] as number;
      const ti = t[skip] as number;
      const e = Math.exp(beta * ti);
      s0[c]! -= e;
      s1[c]! -= ti * e;
      s2[c]! -= ti * ti * e;
      s3[c]! -= ((y[skip] as number) * (y[skip] as number)) / e;
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
    information = -du;
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
  const meanT = keep ? new Float64Array(13) : scratchMeanT;
  for (let c = 1; c <= 12; c++) {
    const k = seen[c] ? c : base;
    level[c] = base === -1 ? 0 : (total[k] as number) / (s0[k] as number);
    meanT[c] = base === -1 ? 0 : (s1[k] as number) / (s0[k] as number);
  }
  return {
    beta,
    iterations: iterations + 1,
    sums: keep ? [s0.slice(), s1.slice(), s2.slice(), s3.slice()] : null,
    level,
    total: keep ? total.slice() : total,
    exposure: keep ? s0.slice() : s0,
    meanT,
    seen: keep ? seen.slice() : seen,
    squares: keep ? s3.slice() : s3,
    information,
  };
}
