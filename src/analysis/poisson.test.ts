import gammaln from '@stdlib/math-base-special-gammaln';
import stdlibQuantile from '@stdlib/stats-base-dists-poisson-quantile';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { poissonCdf, poissonPmf, poissonQuantile } from './poisson.js';

/** Reference: P(X ≤ k) as the plain sum of every term from 0, each from log-gamma, log-sum-exp. */
function naiveCdf(k: number, lambda: number): number {
  const logs = Array.from(
    { length: k + 1 },
    (_, j) => j * Math.log(lambda) - lambda - gammaln(j + 1),
  );
  const max = Math.max(...logs);
  return Math.exp(max) * logs.reduce((s, l) => s + Math.exp(l - max), 0);
}

/** Reference: the smallest k with naiveCdf(k) ≥ p, by walking up from 0. */
function naiveQuantile(p: number, lambda: number): number {
  let k = 0;
  let logSum = -lambda; // log P(X ≤ 0)
  while (Math.exp(logSum) < p) {
    k += 1;
    const term = k * Math.log(lambda) - lambda - gammaln(k + 1);
    logSum = Math.max(logSum, term) + Math.log1p(Math.exp(-Math.abs(logSum - term)));
  }
  return k;
}

const LEVELS = [0.001, 0.025, 0.1, 0.5, 0.9, 0.975, 0.999];

describe('poissonPmf and poissonCdf', () => {
  it('take hand-checked values', () => {
    // λ = 1: P(0) = P(1) = 1/e, P(2) = 1/(2e); P(X ≤ 2) = 2.5/e.
    expect(poissonPmf(0, 1)).toBeCloseTo(Math.exp(-1), 15);
    expect(poissonPmf(2, 1)).toBeCloseTo(0.5 * Math.exp(-1), 15);
    expect(poissonCdf(2, 1)).toBeCloseTo(2.5 * Math.exp(-1), 15);
    // λ = 4, k = 6: P(X ≤ 6) = e⁻⁴(1 + 4 + 8 + 32/3 + 32/3 + 128/15 + 256/45) = e⁻⁴·(2185/45).
    expect(poissonCdf(6, 4)).toBeCloseTo((Math.exp(-4) * 2185) / 45, 14);
    expect(poissonCdf(3, 0)).toBe(1);
    expect(poissonCdf(-1, 3)).toBe(0);
  });

  it('agree with the plain sum from zero, for small and large, integer and non-integer means', () => {
    for (const lambda of [0.3, 2.5, 17, 99.9, 1000, 1000.1, 1001.6, 4321.7, 25_000.5]) {
      const sd = Math.sqrt(lambda);
      for (const z of [-4, -2, -0.5, 0, 0.7, 2, 4]) {
        const k = Math.max(0, Math.round(lambda + z * sd));
        expect(poissonCdf(k, lambda)).toBeCloseTo(naiveCdf(k, lambda), 10);
      }
    }
  });

  it('is right where @stdlib 0.3.1 is not: P(X ≤ 1035 | λ = 1000.1) ≈ 0.868, as the normal approximation says', () => {
    // Normal approximation with continuity correction: Φ((1035.5 − 1000.1)/√1000.1) = Φ(1.1194) ≈ 0.8685.
    expect(poissonCdf(1035, 1000.1)).toBeCloseTo(0.8682, 3);
  });
});

describe('poissonQuantile(p, λ)', () => {
  it('is the smallest count whose cumulative probability reaches p (plain sum from zero)', () => {
    for (const lambda of [0.05, 0.7, 3, 12.5, 50, 333.3, 1000.1, 1001.6, 5_432.1, 15_000.7])
      for (const p of LEVELS) expect(poissonQuantile(p, lambda)).toBe(naiveQuantile(p, lambda));
  });

  // (+ 0 turns @stdlib's -0, which it returns for some small means, into 0.)
  it('agrees with @stdlib where @stdlib is right: means up to 1,000', () => {
    const means = [
      ...Array.from({ length: 200 }, (_, i) => i / 20),
      ...Array.from({ length: 268 }, (_, i) => 10 + i * 3.7),
    ];
    for (const lambda of means)
      for (const p of LEVELS)
        expect(poissonQuantile(p, lambda)).toBe(stdlibQuantile(p, lambda) + 0);
  });

  it('agrees with the plain sum for any level and mean (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        (p, lambda) => {
          expect(poissonQuantile(p, lambda)).toBe(naiveQuantile(p, lambda));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes hand-checked values, and the edges of its domain', () => {
    // P(X ≤ 1 | λ = 1) = 2/e ≈ 0.7358 and P(X ≤ 0) = 1/e ≈ 0.3679: the median of Poisson(1) is 1.
    expect(poissonQuantile(0.5, 1)).toBe(1);
    expect(poissonQuantile(0.36, 1)).toBe(0);
    // P(X ≤ 2 | λ = 1) = 2.5/e ≈ 0.9197, so the 0.9 quantile is 2 and the 0.92 quantile 3.
    expect(poissonQuantile(0.9, 1)).toBe(2);
    expect(poissonQuantile(0.92, 1)).toBe(3);
    expect(poissonQuantile(0.999, 0)).toBe(0);
    expect(poissonQuantile(0, 5)).toBe(0);
    expect(poissonQuantile(1, 5)).toBe(Infinity);
    expect(poissonQuantile(0.5, -1)).toBeNaN();
    expect(poissonQuantile(1.5, 1)).toBeNaN();
  });
});
