/**
 * The expected count of each month from an area's own history: a Poisson regression (log link)
 * with a linear trend and a month-of-year effect, fitted by iteratively reweighted least squares
 * on observed months only (missing months are not zeros and are not fitted). Each month's
 * expected value comes from the model fitted to the rest of the history without it (leave one
 * out), so that a spike does not raise its own expectation; a month is an exception when its
 * count is above the 99.8% upper limit of a Poisson count with that expected value (the 99.9%
 * quantile). A month whose calendar month is observed only once cannot be assessed.
 *
 * Assumptions: counts are Poisson around the expected value (crime is often overdispersed, which
 * makes exceptions flagged too readily); the trend is log-linear over the whole history, gaps
 * included; every calendar month needs at least one observed month to have its own effect
 * (months of the year never observed share the baseline).
 */
import poissonQuantile from '@stdlib/stats-base-dists-poisson-quantile';
import { Matrix, solve } from 'ml-matrix';

import { monthIndex, type Month } from '../domain/month.js';

export interface MonthCount {
  month: Month;
  count: number;
}

export interface ExpectedMonth {
  month: Month;
  observed: number;
  /** From the rest of the history (leave one out); null when its calendar month occurs once. */
  expected: number | null;
  upper998: number | null;
  exception: boolean | null;
}

export interface SeasonalFit {
  months: ExpectedMonth[];
  /** Multiplicative change per year from the trend term, e.g. 1.05 = +5% a year. */
  trendPerYear: number;
  iterations: number;
  method: 'Poisson regression (log link) with linear trend and month-of-year effects, IRLS; exceptions above the 99.8% Poisson limit';
}

const METHOD =
  'Poisson regression (log link) with linear trend and month-of-year effects, IRLS; exceptions above the 99.8% Poisson limit' as const;

/** Needs at least 13 observed months (one more than the model's parameters at most). */
export function fitSeasonal(history: readonly MonthCount[]): SeasonalFit | null {
  if (history.length < 13) return null;
  const full = fitGlm(history);
  const calendar = (m: Month) => m.slice(5, 7);
  const months = history.map((h, i): ExpectedMonth => {
    const twins = history.filter((o) => calendar(o.month) === calendar(h.month)).length;
    if (twins < 2)
      return { month: h.month, observed: h.count, expected: null, upper998: null, exception: null };
    const rest = fitGlm(history.filter((_, j) => j !== i));
    const expected = rest.predict(h.month);
    const upper998 = poissonQuantile(0.999, expected);
    return { month: h.month, observed: h.count, expected, upper998, exception: h.count > upper998 };
  });
  return { months, trendPerYear: full.trendPerYear, iterations: full.iterations, method: METHOD };
}

export interface Glm {
  predict(month: Month): number;
  trendPerYear: number;
  iterations: number;
}

export function fitGlm(history: readonly MonthCount[]): Glm {
  const t0 = monthIndex(history[0]!.month);
  const calendar = (m: Month) => Number(m.slice(5, 7));
  const seen = [...new Set(history.map((h) => calendar(h.month)))].sort((a, b) => a - b).slice(1); // first is baseline
  const row = (m: Month) => [
    1,
    (monthIndex(m) - t0) / 12,
    ...seen.map((c) => (calendar(m) === c ? 1 : 0)),
  ];
  const X = history.map((h) => row(h.month));
  const y = history.map((h) => h.count);
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  let beta = [Math.log(Math.max(mean, 0.5)), ...new Array<number>(X[0]!.length - 1).fill(0)];
  let iterations = 0;
  for (; iterations < 50; iterations++) {
    const eta = X.map((x) => x.reduce((s, v, j) => s + v * (beta[j] as number), 0));
    const mu = eta.map(Math.exp);
    const z = eta.map((e, i) => e + ((y[i] as number) - (mu[i] as number)) / (mu[i] as number));
    const p = beta.length;
    const xtwx = Matrix.zeros(p, p);
    const xtwz = Matrix.zeros(p, 1);
    X.forEach((x, i) => {
      const w = mu[i] as number;
      for (let a = 0; a < p; a++) {
        xtwz.set(a, 0, xtwz.get(a, 0) + (x[a] as number) * w * (z[i] as number));
        for (let b = 0; b < p; b++)
          xtwx.set(a, b, xtwx.get(a, b) + (x[a] as number) * w * (x[b] as number));
      }
    });
    const next = solve(xtwx, xtwz).to1DArray();
    const moved = Math.max(...next.map((v, j) => Math.abs(v - (beta[j] as number))));
    beta = next;
    if (moved < 1e-10) break;
  }
  return {
    predict: (m) => Math.exp(row(m).reduce((s, v, j) => s + v * (beta[j] as number), 0)),
    trendPerYear: Math.exp(beta[1] as number),
    iterations: iterations + 1,
  };
}
