/**
 * The statistical functions against values worked out independently. Where each expected number
 * comes from is written next to it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compareCounts } from './compare-counts.js';
import { funnelFlag, funnelLimits } from './funnel.js';
import { benjaminiHochberg, benjaminiHochbergOf, holm } from './multiple-testing.js';

describe('compareCounts(current, previous, currentExposure, previousExposure)', () => {
  it("reproduces R's binom.test(c(682, 243), p = 3/4) (Mendel's peas, the example in R's ?binom.test)", () => {
    // R prints: p-value = 0.3825; 95 percent confidence interval 0.7076683 0.7654066.
    // Exposures 3 : 1 make p0 = 3/4. The rate ratio interval is p/(1−p) × e0/e1 at both ends.
    const r = compareCounts(682, 243, 3, 1);
    expect(r.pValue).toBeCloseTo(0.3825, 4);
    expect(r.ci95?.[0]).toBeCloseTo(0.7076683 / (1 - 0.7076683) / 3, 5);
    expect(r.ci95?.[1]).toBeCloseTo(0.7654066 / (1 - 0.7654066) / 3, 5);
    expect(r.rateRatio).toBeCloseTo(682 / 3 / 243, 10);
  });

  it('gives the two-sided exact p-value of an all-or-nothing split by hand', () => {
    // 10 events, all in the current period, equal exposures: P = 2 × (1/2)^10 = 0.001953125.
    const r = compareCounts(10, 0);
    expect(r.pValue).toBeCloseTo(0.001953125, 12);
    expect(r.rateRatio).toBeNull();
    expect(r.changePct).toBeNull();
    expect(r.ci95?.[1]).toBeNull(); // the upper end is unbounded
  });

  it('finds nothing in an even split, and nothing to test without events', () => {
    expect(compareCounts(5, 5)).toMatchObject({ pValue: 1, rateRatio: 1, changePct: 0, change: 0 });
    expect(compareCounts(0, 0)).toMatchObject({ pValue: 1, ci95: null });
  });

  it('change and percent change by hand: 210 → 248 is +38, +18.1%', () => {
    const r = compareCounts(248, 210);
    expect(r.change).toBe(38);
    expect(r.changePct).toBeCloseTo((248 / 210 - 1) * 100, 10);
  });

  it('is symmetric, and its interval holds the rate ratio (property)', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.integer({ min: 1, max: 400 }), (a, b) => {
        const ab = compareCounts(a, b);
        const ba = compareCounts(b, a);
        expect(ab.pValue).toBeCloseTo(ba.pValue, 9);
        expect(ab.pValue).toBeGreaterThan(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
        const [lo, hi] = ab.ci95 as [number, number | null];
        expect(lo).toBeLessThanOrEqual(ab.rateRatio as number);
        if (hi !== null) expect(hi).toBeGreaterThanOrEqual(ab.rateRatio as number);
      }),
      { numRuns: 200 },
    );
  });
});

describe('holm(p) and benjaminiHochberg(p)', () => {
  // Worked by hand for p = [0.01, 0.04, 0.03, 0.005] (m = 4):
  // Holm, ascending: 0.005×4 = 0.02, 0.01×3 = 0.03, 0.03×2 = 0.06, 0.04×1 = 0.04 → running max 0.06.
  // BH, ranks 1..4: 0.005×4/1 = 0.02, 0.01×4/2 = 0.02, 0.03×4/3 = 0.04, 0.04×4/4 = 0.04.
  const p = [0.01, 0.04, 0.03, 0.005];
  it('Holm', () => {
    holm(p).forEach((v, i) => expect(v).toBeCloseTo([0.03, 0.06, 0.06, 0.02][i] as number, 12));
  });
  it('Benjamini–Hochberg', () => {
    benjaminiHochberg(p).forEach((v, i) =>
      expect(v).toBeCloseTo([0.02, 0.04, 0.04, 0.02][i] as number, 12),
    );
  });
  it('never lowers a p-value, never passes 1, and Holm is at least as strict as BH (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (ps) => {
          const h = holm(ps);
          const b = benjaminiHochberg(ps);
          ps.forEach((v, i) => {
            expect(h[i]).toBeGreaterThanOrEqual(v);
            expect(b[i]).toBeGreaterThanOrEqual(v - 1e-15);
            expect(h[i]).toBeLessThanOrEqual(1);
            expect(h[i]).toBeGreaterThanOrEqual((b[i] as number) - 1e-12);
          });
        },
      ),
    );
  });
});

describe('funnelLimits(expected)', () => {
  /** P(X ≤ k) for X ~ Poisson(λ), summed directly: an independent check of the quantiles. */
  const cdf = (k: number, lambda: number) => {
    let term = Math.exp(-lambda);
    let sum = term;
    for (let i = 1; i <= k; i++) sum += term *= lambda / i;
    return sum;
  };

  it('for an expected 10: 95% limits 4..17 and 99.8% limits 2..21', () => {
    // By direct sums: P(X≤3) = 0.0103 < 0.025 ≤ P(X≤4) = 0.0293; P(X≤16) = 0.9730 < 0.975 ≤ P(X≤17) = 0.9857;
    // P(X≤1) = 0.0005 < 0.001 ≤ P(X≤2) = 0.0028; P(X≤20) = 0.9984 < 0.999 ≤ P(X≤21) = 0.9993.
    expect(cdf(3, 10)).toBeLessThan(0.025);
    expect(cdf(4, 10)).toBeGreaterThanOrEqual(0.025);
    expect(cdf(20, 10)).toBeLessThan(0.999);
    expect(funnelLimits(10)).toEqual({ lower95: 4, upper95: 17, lower998: 2, upper998: 21 });
  });

  it('at a district’s yearly scale (expected 3,210.4) the limits sit where the normal approximation puts them', () => {
    // λ ± z·√λ with √3210.4 = 56.66: 95% → 3099.4..3321.4, 99.8% (z = 3.090) → 3035.3..3385.5.
    // Exact quantiles lie within about one count of these (skew moves them up by (z² − 1)/6 ≈ 0.5).
    // @stdlib 0.3.1's Poisson quantile is wrong here (it is for any non-integer mean above 1,000).
    const limits = funnelLimits(3210.4);
    expect(Math.abs(limits.lower95 - 3099.4)).toBeLessThanOrEqual(1.5);
    expect(Math.abs(limits.upper95 - 3321.4)).toBeLessThanOrEqual(1.5);
    expect(Math.abs(limits.lower998 - 3035.3)).toBeLessThanOrEqual(2);
    expect(Math.abs(limits.upper998 - 3385.5)).toBeLessThanOrEqual(2);
  });

  it('flags counts above, within and below', () => {
    const limits = funnelLimits(10);
    expect([
      funnelFlag(18, limits),
      funnelFlag(17, limits),
      funnelFlag(4, limits),
      funnelFlag(3, limits),
    ]).toEqual(['above', 'within', 'within', 'below']);
  });

  it('matches the quantile definition for any expected count (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 300, noNaN: true }), (lambda) => {
        const { lower95, upper95 } = funnelLimits(lambda);
        expect(cdf(lower95, lambda)).toBeGreaterThanOrEqual(0.025 - 1e-9);
        if (lower95 > 0) expect(cdf(lower95 - 1, lambda)).toBeLessThan(0.025 + 1e-9);
        expect(cdf(upper95, lambda)).toBeGreaterThanOrEqual(0.975 - 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});

describe('benjaminiHochbergOf(p)', () => {
  it('gives benjaminiHochberg’s values to the bit, ties, zeros, ones and NaN included', () => {
    // Values from a small set (many ties) or any double in [0, 1].
    const value = fc.oneof(
      fc.constantFrom(0, 1, 0.05, 0.5, 1e-300, Number.NaN),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (ps) => {
        const fast = [...benjaminiHochbergOf(Float64Array.from(ps))];
        expect(fast).toEqual(benjaminiHochberg(ps));
      }),
      { numRuns: 1000 },
    );
  });
});
