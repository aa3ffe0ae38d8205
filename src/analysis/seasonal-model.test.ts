import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { monthFromIndex, monthIndex } from '../domain/month.js';
import { fitGlm, fitSeasonal } from './seasonal-model.js';

const start = monthIndex('2021-01');
const series = (counts: number[]) =>
  counts.map((count, i) => ({ month: monthFromIndex(start + i), count }));

describe('fitSeasonal(history)', () => {
  it('fits a flat series exactly: every month expected at the mean, no trend, no exceptions', () => {
    // A Poisson GLM reproduces the mean of each month-of-year group: here all are 50.
    const fit = fitSeasonal(series(new Array(24).fill(50)))!;
    for (const m of fit.months) expect(m.expected).toBeCloseTo(50, 6);
    expect(fit.trendPerYear).toBeCloseTo(1, 8);
    expect(fit.months.some((m) => m.exception)).toBe(false);
  });

  it('recovers a known growth rate and season (noise-free data)', () => {
    // counts = 40 × 1.1^(t/12) × (1.5 in July, else 1): the log-linear model is exact for these.
    const counts = Array.from(
      { length: 36 },
      (_, i) => 40 * 1.1 ** (i / 12) * (i % 12 === 6 ? 1.5 : 1),
    );
    const fit = fitSeasonal(series(counts))!;
    expect(fit.trendPerYear).toBeCloseTo(1.1, 6);
    fit.months.forEach((m, i) => expect(m.expected).toBeCloseTo(counts[i] as number, 5));
  });

  it('flags a spike above the 99.8% limit, with its expected value', () => {
    const counts = new Array(24).fill(50);
    counts[20] = 120;
    const fit = fitSeasonal(series(counts))!;
    const spike = fit.months[20]!;
    expect(spike.exception).toBe(true);
    expect(spike.observed).toBe(120);
    // Left out of its own fit, the spike's month is expected at 50 (every other month is 50); the
    // 99.9% Poisson quantile of 50 is 73 (P(X ≤ 72) < 0.999 ≤ P(X ≤ 73)), far below 120.
    expect(spike.expected).toBeCloseTo(50, 6);
    expect(spike.upper998).toBe(73);
    expect(fit.months.filter((m) => m.exception)).toHaveLength(1);
  });

  it('cannot assess a month whose calendar month is observed only once', () => {
    const fit = fitSeasonal(series(new Array(18).fill(30)))!; // Jul..Dec of the first year occur once
    expect(fit.months[6]?.exception).toBeNull();
    expect(fit.months[0]?.exception).toBe(false);
  });

  it('needs at least 13 observed months', () => {
    expect(fitSeasonal(series(new Array(12).fill(5)))).toBeNull();
  });
});

/**
 * The same regression fitted independently: intercept, trend and month-of-year dummy columns,
 * iteratively reweighted least squares with a dense solve (the textbook GLM algorithm). The
 * profile-likelihood fit must agree with it wherever the maximum likelihood estimate is finite.
 */
function referenceIrls(history: { month: string; count: number }[]): (m: string) => number {
  const t0 = monthIndex(history[0]!.month);
  const cal = (m: string) => Number(m.slice(5, 7));
  const seen = [...new Set(history.map((h) => cal(h.month)))].sort((a, b) => a - b).slice(1);
  const row = (m: string) => [
    1,
    (monthIndex(m) - t0) / 12,
    ...seen.map((c) => (cal(m) === c ? 1 : 0)),
  ];
  const X = history.map((h) => row(h.month));
  const y = history.map((h) => h.count);
  const p = X[0]!.length;
  let beta = [
    Math.log(y.reduce((a, b) => a + b, 0) / y.length),
    ...new Array<number>(p - 1).fill(0),
  ];
  for (let it = 0; it < 100; it++) {
    const eta = X.map((x) => x.reduce((s, v, j) => s + v * beta[j]!, 0));
    const mu = eta.map(Math.exp);
    const A = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
    X.forEach((x, i) => {
      const z = eta[i]! + (y[i]! - mu[i]!) / mu[i]!;
      for (let a = 0; a < p; a++) {
        A[a]![p]! += x[a]! * mu[i]! * z;
        for (let b = 0; b < p; b++) A[a]![b]! += x[a]! * mu[i]! * x[b]!;
      }
    });
    // Gauss–Jordan elimination with partial pivoting.
    for (let k = 0; k < p; k++) {
      let piv = k;
      for (let r = k + 1; r < p; r++) if (Math.abs(A[r]![k]!) > Math.abs(A[piv]![k]!)) piv = r;
      [A[k], A[piv]] = [A[piv]!, A[k]!];
      for (let r = 0; r < p; r++) {
        if (r === k) continue;
        const f = A[r]![k]! / A[k]![k]!;
        for (let col = k; col <= p; col++) A[r]![col]! -= f * A[k]![col]!;
      }
    }
    beta = A.map((r, k) => r[p]! / r[k]!);
  }
  return (m) => Math.exp(row(m).reduce((s, v, j) => s + v * beta[j]!, 0));
}

describe('fitSeasonal against an independent fit', () => {
  it('gives the maximum-likelihood expectation of each left-out month, as dense IRLS does', () => {
    // Months with gaps, as in the bundled data (2018-10..2019-02, 2021-01..2022-01, 2025).
    const months = [
      ...Array.from({ length: 5 }, (_, i) => monthFromIndex(monthIndex('2018-10') + i)),
      ...Array.from({ length: 13 }, (_, i) => monthFromIndex(monthIndex('2021-01') + i)),
      ...Array.from({ length: 12 }, (_, i) => monthFromIndex(monthIndex('2025-01') + i)),
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 30, maxLength: 30 }),
        (counts) => {
          const history = months.map((month, i) => ({ month, count: counts[i]! }));
          const fit = fitSeasonal(history)!;
          fit.months.forEach((m, i) => {
            if (m.expected === null) return;
            const reference = referenceIrls(history.filter((_, j) => j !== i))(m.month);
            expect(m.expected / reference).toBeCloseTo(1, 7);
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('solves the score equations: fitted totals match each calendar month and the trend', () => {
    // At the maximum, Σ(y − μ) = 0 within each calendar month and Σ t·(y − μ) = 0 overall.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 26, maxLength: 40 }),
        (counts) => {
          const history = series(counts);
          const glm = fitGlm(history);
          const residual = history.map((h) => h.count - glm.predict(h.month));
          for (let c = 1; c <= 12; c++) {
            const r = residual.filter((_, i) => Number(history[i]!.month.slice(5, 7)) === c);
            expect(Math.abs(r.reduce((a, b) => a + b, 0))).toBeLessThan(1e-6);
          }
          const tr = residual.reduce((s, r, i) => s + (i / 12) * r, 0);
          expect(Math.abs(tr)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('expects zero for a calendar month whose counts are all zero, and is unchanged by row order', () => {
    const counts = Array.from({ length: 24 }, (_, i) => (i % 12 === 3 ? 0 : 20 + i));
    const history = series(counts);
    const fit = fitSeasonal(history)!;
    expect(fit.months[3]!.expected).toBe(0);
    expect(fit.months[15]!.exception).toBe(false);
    const glm = fitGlm(history);
    // The fit does not depend on the order of the rows: the trend is measured from any origin.
    const reversed = fitGlm([...history].reverse());
    expect(reversed.trendPerYear).toBeCloseTo(glm.trendPerYear, 10);
    for (const h of history) expect(reversed.predict(h.month)).toBeCloseTo(glm.predict(h.month), 8);
  });
});
