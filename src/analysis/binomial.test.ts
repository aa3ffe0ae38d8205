import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import stdlibBinomialTest from '@stdlib/stats-binomial-test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { binomialPmf, binomialPValue, binomialTest } from './binomial.js';

describe('binomialTest(x, n, p)', () => {
  it("reproduces R's binom.test(682, 925, p = 3/4): p-value 0.3825, interval 0.7076683..0.7654066", () => {
    // Values printed by R for the example in ?binom.test (Mendel's peas).
    const t = binomialTest(682, 925, 0.75);
    expect(t.pValue).toBeCloseTo(0.3825, 4);
    expect(t.ci[0]).toBeCloseTo(0.7076683, 6);
    expect(t.ci[1]).toBeCloseTo(0.7654066, 6);
  });

  it('takes hand-worked values on a small case', () => {
    // n = 4, p = 1/2: P = 1/16, 4/16, 6/16, 4/16, 1/16. x = 0: outcomes no likelier are 0 and 4,
    // so p = 2/16; x = 1: outcomes 0, 1, 3, 4, so p = 10/16; x = 2: every outcome, p = 1.
    expect(binomialTest(0, 4, 0.5).pValue).toBeCloseTo(2 / 16, 14);
    expect(binomialTest(1, 4, 0.5).pValue).toBeCloseTo(10 / 16, 14);
    expect(binomialTest(2, 4, 0.5).pValue).toBe(1);
    // Clopper–Pearson for x = 0: upper limit 1 − (α/2)^(1/n) = 1 − 0.025^(1/4).
    expect(binomialTest(0, 4, 0.5).ci[1]).toBeCloseTo(1 - 0.025 ** 0.25, 10);
    expect(binomialPmf(2, 4, 0.5)).toBeCloseTo(6 / 16, 15);
  });

  it('agrees with @stdlib’s binomial test on any counts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, p, share) => {
          const x = Math.round(share * n);
          const ours = binomialTest(x, n, p);
          const theirs = stdlibBinomialTest(x, n, { p, alpha: 0.05 });
          expect(ours.pValue).toBeCloseTo(Math.min(1, theirs.pValue), 9);
          expect(ours.ci[0]).toBeCloseTo((theirs.ci as number[])[0] as number, 9);
          expect(ours.ci[1]).toBeCloseTo((theirs.ci as number[])[1] as number, 9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the Clopper–Pearson bounds as beta quantiles do, at a force’s scale and at the edges', () => {
    // Clopper–Pearson: lower = B⁻¹(α/2; x, n − x + 1), upper = B⁻¹(1 − α/2; x + 1, n − x).
    for (const [x, n] of [
      [30_300, 60_000],
      [5, 40_000],
      [39_990, 40_000],
      [250, 430],
      [1, 1],
    ] as const) {
      const { ci } = binomialTest(x, n, 0.5);
      expect(ci[0]).toBeCloseTo(betaQuantile(0.025, x, n - x + 1), 12);
      if (x < n) expect(ci[1]).toBeCloseTo(betaQuantile(0.975, x + 1, n - x), 12);
    }
  });

  it('matches the normal approximation on a force’s yearly counts', () => {
    // 30,300 of 60,000 at p = 1/2: z = 300/√15,000 = 2.449; two-sided normal p ≈ 0.0143.
    expect(binomialTest(30_300, 60_000, 0.5).pValue).toBeCloseTo(0.0143, 3);
  });

  it('refuses impossible counts and probabilities', () => {
    expect(() => binomialTest(5, 4, 0.5)).toThrow(RangeError);
    expect(() => binomialTest(1.5, 4, 0.5)).toThrow(RangeError);
    expect(() => binomialTest(1, 4, 1)).toThrow(RangeError);
  });
});

describe('binomialPValue(x, n, p)', () => {
  it('is binomialTest’s p-value, to the bit, without the interval', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (a, b, p) => {
          const [x, n] = a <= b ? [a, b] : [b, a];
          expect(binomialPValue(x, n, p)).toBe(binomialTest(x, n, p).pValue);
        },
      ),
      { numRuns: 300 },
    );
    expect(() => binomialPValue(3, 2, 0.5)).toThrow(RangeError);
  });
});
