import gammaln from '@stdlib/math-base-special-gammaln';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  betaRegularized,
  countQuantile,
  negBinomialCdf,
  negBinomialPmf,
  negBinomialQuantile,
} from './negative-binomial.js';
import { poissonQuantile } from './poisson.js';

/** Reference: log P(X = j) term by term from its definition, Γ(j + r)/(Γ(r)·j!)·Pʳ·(1 − P)ʲ. */
const logTerm = (j: number, m: number, r: number) =>
  gammaln(j + r) -
  gammaln(r) -
  gammaln(j + 1) +
  r * Math.log(r / (r + m)) +
  j * Math.log(m / (r + m));

/** Reference: P(X ≤ k) as the plain sum of every term from 0 (log-sum-exp). */
function naiveCdf(k: number, m: number, r: number): number {
  const logs = Array.from({ length: k + 1 }, (_, j) => logTerm(j, m, r));
  const max = Math.max(...logs);
  return Math.min(1, Math.exp(max) * logs.reduce((s, l) => s + Math.exp(l - max), 0));
}

/** Reference: the smallest k with naiveCdf(k) ≥ p, by walking up from 0. */
function naiveQuantile(p: number, m: number, r: number): number {
  let k = 0;
  let sum = Math.exp(logTerm(0, m, r));
  while (sum < p) {
    k += 1;
    sum += Math.exp(logTerm(k, m, r));
  }
  return k;
}

const LEVELS = [0.001, 0.025, 0.1, 0.5, 0.9, 0.975, 0.999];

describe('negBinomialPmf and negBinomialCdf', () => {
  it('take hand-checked values', () => {
    // Size 1 is the geometric distribution: P(k) = (1/(1+m))·(m/(1+m))^k, P(X ≤ k) = 1 − (m/(1+m))^(k+1).
    // m = 3: P(0) = 1/4, P(X ≤ 2) = 1 − 27/64 = 37/64.
    expect(negBinomialPmf(0, 3, 1)).toBeCloseTo(1 / 4, 14);
    expect(negBinomialCdf(2, 3, 1)).toBeCloseTo(37 / 64, 14);
    // Size 2, mean 2 (P = 1/2): P(0) = 1/4, P(1) = 2·(1/4)·(1/2) = 1/4, P(2) = 3·(1/4)·(1/4) = 3/16.
    expect(negBinomialPmf(0, 2, 2)).toBeCloseTo(1 / 4, 14);
    expect(negBinomialPmf(1, 2, 2)).toBeCloseTo(1 / 4, 14);
    expect(negBinomialPmf(2, 2, 2)).toBeCloseTo(3 / 16, 14);
    expect(negBinomialCdf(2, 2, 2)).toBeCloseTo(11 / 16, 14);
    expect(negBinomialCdf(-1, 2, 2)).toBe(0);
    expect(negBinomialCdf(5, 0, 2)).toBe(1);
  });

  it('agrees with the plain sum from zero, for tails summed and tails by continued fraction', () => {
    // Sizes from very spread (0.7) to nearly Poisson (5,000); means from 0.4 to 3,000.
    for (const [m, r] of [
      [0.4, 0.7],
      [3, 2],
      [12, 1.5],
      [40, 8],
      [250, 60],
      [600, 35],
      [1500, 5000],
      [3000, 100],
    ] as const) {
      const sd = Math.sqrt(m + (m * m) / r);
      for (const z of [-3, -1.5, -0.3, 0, 0.6, 2, 3.5]) {
        const k = Math.max(0, Math.round(m + z * sd));
        expect(negBinomialCdf(k, m, r)).toBeCloseTo(naiveCdf(k, m, r), 10);
      }
    }
  });

  it('the regularized incomplete beta takes hand-checked values', () => {
    // I_x(1, 1) = x; I_x(2, 1) = x²; I_x(1, 2) = 1 − (1 − x)²; I_½(a, a) = ½.
    expect(betaRegularized(1, 1, 0.3)).toBeCloseTo(0.3, 14);
    expect(betaRegularized(2, 1, 0.3)).toBeCloseTo(0.09, 14);
    expect(betaRegularized(1, 2, 0.3)).toBeCloseTo(1 - 0.49, 14);
    expect(betaRegularized(37.5, 37.5, 0.5)).toBeCloseTo(0.5, 12);
  });
});

describe('negBinomialQuantile(p, m, r)', () => {
  it('is the smallest count whose cumulative probability reaches p (against walking up from 0)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 2000, noNaN: true }),
        fc.double({ min: 0.3, max: 3000, noNaN: true }),
        fc.constantFrom(...LEVELS),
        (m, r, p) => {
          expect(negBinomialQuantile(p, m, r)).toBe(naiveQuantile(p, m, r));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('by hand: the median of the geometric distribution with mean 3 is 2 (P(X ≤ 1) = 7/16 < ½ ≤ 37/64)', () => {
    expect(negBinomialQuantile(0.5, 3, 1)).toBe(2);
  });
});

describe('countQuantile(p, mean, variance)', () => {
  it('is the Poisson quantile when the variance is the mean, or barely more', () => {
    for (const m of [0.5, 4, 37.2, 1000.1, 25_000]) {
      for (const p of LEVELS) {
        expect(countQuantile(p, m, m)).toBe(poissonQuantile(p, m));
        expect(countQuantile(p, m, m * (1 + 1e-9))).toBe(poissonQuantile(p, m));
      }
    }
  });

  it('is the negative binomial with the same two moments otherwise (variance m + m²/r)', () => {
    for (const [m, r] of [
      [5, 2],
      [80, 20],
      [900, 40],
    ] as const) {
      for (const p of LEVELS)
        expect(countQuantile(p, m, m + (m * m) / r)).toBe(naiveQuantile(p, m, r));
    }
  });

  it('widens as the variance grows, and gives 0 for a mean of 0', () => {
    const m = 50;
    let last = -1;
    for (const v of [50, 75, 100, 200, 500, 1000]) {
      const hi = countQuantile(0.975, m, v);
      expect(hi).toBeGreaterThanOrEqual(last);
      last = hi;
    }
    expect(countQuantile(0.999, 0, 0)).toBe(0);
  });
});
