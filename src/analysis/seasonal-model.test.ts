import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { monthFromIndex, monthIndex } from '../domain/month.js';
import { negBinomial, poisson, rngFrom } from '../../test/helpers/simulated-counts.js';
import { countQuantile } from './negative-binomial.js';
import { poissonQuantile } from './poisson.js';
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

  it('flags a spike above the 99.8% range, with its expected value and a range worked by hand', () => {
    const counts = new Array(24).fill(50);
    counts[20] = 120;
    const fit = fitSeasonal(series(counts))!;
    // One spike is no season: the trend-only form is kept.
    expect(fit.season).toBe('none');
    const spike = fit.months[20]!;
    expect(spike.exception).toBe(true);
    expect(spike.observed).toBe(120);
    // Left out of its own fit, the spike's month is expected at 50 (every other month is 50), with
    // no trend and no extra variation (χ² = 0, so φ = 1). Its range is that of a count with mean 50
    // and variance 50 + 50²·Var(log μ̂), Var(log μ̂) = 1/Y + (t − t̄)²/D over the 23 other months:
    // Y = 1,150, t̄ their mean time, D = Y × the variance of their times (in years).
    const times = Array.from({ length: 24 }, (_, i) => i / 12).filter((_, i) => i !== 20);
    const tBar = times.reduce((a, b) => a + b, 0) / 23;
    const D = 1150 * (times.reduce((a, t) => a + (t - tBar) ** 2, 0) / 23);
    const v = 1 / 1150 + (20 / 12 - tBar) ** 2 / D;
    expect(spike.expected).toBeCloseTo(50, 6);
    expect(spike.upper998).toBe(countQuantile(0.999, 50, 50 + 2500 * v));
    expect(spike.lower998).toBe(countQuantile(0.001, 50, 50 + 2500 * v));
    // A little wider than the Poisson range (73): the mean itself is estimated.
    expect(spike.upper998).toBeGreaterThanOrEqual(73);
    expect(fit.months.filter((m) => m.exception)).toHaveLength(1);
  });

  it('with month-of-year effects, cannot assess a month whose calendar month is observed only once', () => {
    // 2021-01..2022-07: August to December occur once; 19 months, 13 parameters.
    const fit = fitSeasonal(series(new Array(19).fill(30)), { season: 'month-of-year' })!;
    expect(fit.months[7]?.exception).toBeNull();
    expect(fit.months[7]?.expected).toBeNull();
    expect(fit.months[0]?.exception).toBe(false);
    // Without them every month is assessed.
    const flat = fitSeasonal(series(new Array(19).fill(30)), { season: 'none' })!;
    expect(flat.months.every((m) => m.exception === false)).toBe(true);
  });

  it('does not assess months when too few are left to measure how much the counts vary', () => {
    // 13 months, 13 parameters with month effects: no residual degrees of freedom at all.
    const fit = fitSeasonal(series(new Array(13).fill(30)), { season: 'month-of-year' })!;
    expect(fit.dispersion.pearson).toBeNull();
    expect(fit.months.every((m) => m.exception === null && m.upper998 === null)).toBe(true);
  });

  it('needs at least 13 observed months', () => {
    expect(fitSeasonal(series(new Array(12).fill(5)))).toBeNull();
  });
});

/**
 * The same regression fitted independently: intercept, trend and month-of-year dummy columns (or
 * intercept and trend alone), iteratively reweighted least squares with a dense solve (the
 * textbook GLM algorithm), and the inverse of its Fisher information X'WX by Gauss–Jordan
 * elimination. The profile-likelihood fit must agree with it wherever the maximum likelihood
 * estimate is finite: the means, Pearson's χ² and the variance of each fitted log mean.
 */
function referenceIrls(
  history: { month: string; count: number }[],
  season: 'month-of-year' | 'none' = 'month-of-year',
) {
  const t0 = monthIndex(history[0]!.month);
  const cal = (m: string) => Number(m.slice(5, 7));
  const seen =
    season === 'none'
      ? []
      : [...new Set(history.map((h) => cal(h.month)))].sort((a, b) => a - b).slice(1);
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
  /** Solves A·x = b (A p × p) by Gauss–Jordan elimination with partial pivoting, in place. */
  const gaussJordan = (A: number[][], width: number) => {
    for (let k = 0; k < p; k++) {
      let piv = k;
      for (let r = k + 1; r < p; r++) if (Math.abs(A[r]![k]!) > Math.abs(A[piv]![k]!)) piv = r;
      [A[k], A[piv]] = [A[piv]!, A[k]!];
      for (let r = 0; r < p; r++) {
        if (r === k) continue;
        const f = A[r]![k]! / A[k]![k]!;
        for (let col = k; col < width; col++) A[r]![col]! -= f * A[k]![col]!;
      }
    }
  };
  const meanAt = (x: number[]) => Math.exp(x.reduce((s, v, j) => s + v * beta[j]!, 0));
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
    gaussJordan(A, p + 1);
    beta = A.map((r, k) => r[p]! / r[k]!);
  }
  // The inverse of the information at the estimate: [X'WX | I] reduced to [I | (X'WX)⁻¹].
  const mu = X.map(meanAt);
  const info = Array.from({ length: p }, (_, a) => [
    ...Array.from({ length: p }, (_, b) => X.reduce((s, x, i) => s + x[a]! * mu[i]! * x[b]!, 0)),
    ...Array.from({ length: p }, (_, b) => (a === b ? 1 : 0)),
  ]);
  gaussJordan(info, 2 * p);
  const inverse = info.map((r, k) => r.slice(p).map((v) => v / r[k]!));
  return {
    predict: (m: string) => meanAt(row(m)),
    /** x'(X'WX)⁻¹x: the variance of the fitted log mean, in units of φ. */
    logMeanVariance: (m: string) => {
      const x = row(m);
      return x.reduce(
        (s, xa, a) => s + xa * x.reduce((t, xb, b) => t + inverse[a]![b]! * xb, 0),
        0,
      );
    },
    pearson: y.reduce((s, v, i) => s + (v - mu[i]!) ** 2 / mu[i]!, 0),
    df: y.length - p,
  };
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
          const fit = fitSeasonal(history, { season: 'month-of-year' })!;
          fit.months.forEach((m, i) => {
            if (m.expected === null) return;
            const reference = referenceIrls(history.filter((_, j) => j !== i)).predict(m.month);
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
          const glm = fitGlm(history, { season: 'month-of-year' });
          const residual = history.map((h) => h.count - glm.predict(h.month));
          // Zero to within the solver's tolerance, relative to the size of the sums (an absolute
          // 1e-6 failed at 1.03e-6 on a series totalling about 1,200).
          for (let c = 1; c <= 12; c++) {
            const r = residual.filter((_, i) => Number(history[i]!.month.slice(5, 7)) === c);
            expect(Math.abs(r.reduce((a, b) => a + b, 0))).toBeLessThan(1e-6);
          }
          const tr = residual.reduce((s, r, i) => s + (i / 12) * r, 0);
          const scale = history.reduce((s, h, i) => s + (i / 12) * h.count, 0);
          expect(Math.abs(tr)).toBeLessThan(1e-6 * Math.max(1, scale / 100));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('expects zero for a calendar month whose counts are all zero, and is unchanged by row order', () => {
    const counts = Array.from({ length: 24 }, (_, i) => (i % 12 === 3 ? 0 : 20 + i));
    const history = series(counts);
    const fit = fitSeasonal(history)!;
    expect(fit.season).toBe('month-of-year');
    expect(fit.months[3]!.expected).toBe(0);
    expect(fit.months[15]!.exception).toBe(false);
    // Its range is not [0, 0]: it is that of half a count in its months.
    expect(fit.months[15]!.upper998).toBeGreaterThan(0);
    const glm = fitGlm(history);
    // The fit does not depend on the order of the rows: the trend is measured from any origin.
    const reversed = fitGlm([...history].reverse());
    expect(reversed.trendPerYear).toBeCloseTo(glm.trendPerYear, 10);
    for (const h of history) expect(reversed.predict(h.month)).toBeCloseTo(glm.predict(h.month), 8);
  });
});

describe('dispersion and the uncertainty of the fit, against the independent fit', () => {
  // Months with gaps, as in the bundled data.
  const months = [
    ...Array.from({ length: 5 }, (_, i) => monthFromIndex(monthIndex('2018-10') + i)),
    ...Array.from({ length: 13 }, (_, i) => monthFromIndex(monthIndex('2021-01') + i)),
    ...Array.from({ length: 12 }, (_, i) => monthFromIndex(monthIndex('2025-01') + i)),
  ];

  it("gives Pearson's χ²/(n − p) and x'(X'WX)⁻¹x of dense IRLS, for both forms (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 30, maxLength: 30 }),
        fc.constantFrom('month-of-year' as const, 'none' as const),
        (counts, season) => {
          const history = months.map((month, i) => ({ month, count: counts[i]! }));
          const glm = fitGlm(history, { season });
          const ref = referenceIrls(history, season);
          expect(glm.dispersion.df).toBe(ref.df);
          expect(glm.dispersion.pearson! / (ref.pearson / ref.df)).toBeCloseTo(1, 7);
          // Months fitted, in a gap, and after the history.
          for (const m of ['2018-12', '2021-06', '2023-03', '2025-12', '2026-05']) {
            expect(glm.logMeanVariance(m) / ref.logMeanVariance(m)).toBeCloseTo(1, 6);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('gives the predictive quantile worked by hand, with φ widened by Student’s t', () => {
    // 40, 60, 60, 40 six times: symmetric in time, so no trend; mean 50 (trend-only form). Every
    // month is 10 from the mean: χ² = 24 × 100/50 = 48 on 24 − 2 = 22 degrees of freedom,
    // φ̂ = 48/22. For the 97.5% quantile φ is widened by (t₂₂(0.975)/z(0.975))², t₂₂ = 2.073873.
    const history = series(
      Array.from({ length: 24 }, (_, i) => (i % 4 === 0 || i % 4 === 3 ? 40 : 60)),
    );
    const glm = fitGlm(history, { season: 'none' });
    expect(glm.trendPerYear).toBeCloseTo(1, 12);
    expect(glm.dispersion.pearson).toBeCloseTo(48 / 22, 12);
    const phi = (48 / 22) * (2.073873 / 1.959964) ** 2;
    // A month one year after the last: t = 35/12 years; t̄ = 11.5/12; D = 1,200 × Var(t).
    const varT = (24 * 24 - 1) / 12 / 144;
    const v = 1 / 1200 + (35 / 12 - 11.5 / 12) ** 2 / (1200 * varT);
    expect(glm.logMeanVariance('2023-12')).toBeCloseTo(v, 12);
    expect(glm.quantile('2023-12', 0.975)).toBe(
      countQuantile(0.975, 50, phi * 50 + 2500 * phi * v),
    );
    expect(glm.quantile('2023-12', 0.025)).toBe(
      countQuantile(0.025, 50, phi * 50 + 2500 * phi * v),
    );
  });
});

describe('the form of the model', () => {
  it('leaves out month-of-year effects the counts do not show (a sparse series), keeps those they do', () => {
    const rng = rngFrom(7);
    // Robbery in a district: about two a month, no season.
    const sparse = series(Array.from({ length: 36 }, () => poisson(rng, 2)));
    expect(fitGlm(sparse).season).toBe('none');
    // A summer peak of +60%.
    const seasonal = series(
      Array.from({ length: 36 }, (_, i) =>
        poisson(rng, 40 * (i % 12 >= 5 && i % 12 <= 7 ? 1.6 : 1)),
      ),
    );
    expect(fitGlm(seasonal).season).toBe('month-of-year');
  });

  it('flags about 0.1% of months of overdispersed counts with no exceptions in them (seeded simulation)', () => {
    // 200 series of 36 months, negative binomial with φ = 1 + μ/size = 4 around a season and a
    // trend: a month is above its 99.9% quantile 0.1% of the time. Poisson limits flag far more.
    const rng = rngFrom(2026);
    let flagged = 0;
    let poissonFlagged = 0;
    let assessed = 0;
    for (let s = 0; s < 200; s++) {
      const counts = Array.from({ length: 36 }, (_, i) => {
        const mu = 30 * 1.05 ** (i / 12) * (i % 12 === 6 ? 1.4 : 1);
        return negBinomial(rng, mu, mu / 3);
      });
      const fit = fitSeasonal(series(counts))!;
      for (const m of fit.months) {
        if (m.exception === null) continue;
        assessed += 1;
        if (m.exception) flagged += 1;
        if (m.observed > poissonQuantile(0.999, m.expected as number)) poissonFlagged += 1;
      }
    }
    expect(assessed).toBeGreaterThan(6000);
    expect(flagged / assessed).toBeLessThan(0.005);
    expect(poissonFlagged / assessed).toBeGreaterThan(0.03);
  });
});
