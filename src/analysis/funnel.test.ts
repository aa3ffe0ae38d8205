/**
 * Overdispersed funnel limits (Spiegelhalter 2005, additive random effects) against values worked
 * by hand and against Spiegelhalter's closed form for large counts.
 */
import { describe, expect, it } from 'vitest';

import { estimateOverdispersion, funnelLimits, funnelLines } from './funnel.js';
import { poissonQuantile } from './poisson.js';

describe('estimateOverdispersion(areas)', () => {
  it('gives φ̂ and τ² worked by hand on five areas', () => {
    // Expected 100 each; counts 64, 81, 100, 121, 144 have square roots 8..12, so the z-scores
    // 2(√O − √E) are −4, −2, 0, 2, 4. R's type-7 10th percentile: h = 4 × 0.1 = 0.4, so
    // −4 + 0.4 × 2 = −3.2; the 90th: 2 + 0.6 × 2 = 3.2. Winsorised: −3.2, −2, 0, 2, 3.2;
    // φ̂ = (10.24 + 4 + 0 + 4 + 10.24)/5 = 5.696. Weights 4E = 400 each: Σw = 2,000,
    // Σw²/Σw = 400; τ² = (5 × 5.696 − 4)/(2,000 − 400) = 24.48/1,600 = 0.0153.
    const o = estimateOverdispersion(
      [64, 81, 100, 121, 144].map((count) => ({ count, expected: 100 })),
    );
    expect(o.areas).toBe(5);
    expect(o.phi).toBeCloseTo(5.696, 12);
    expect(o.tau2).toBeCloseTo(0.0153, 12);
  });

  it('finds no spread beyond chance when I·φ̂ ≤ I − 1, and none is estimated from fewer than 5 areas', () => {
    const even = estimateOverdispersion(
      [100, 101, 99, 100, 100, 98].map((count) => ({ count, expected: 100 })),
    );
    expect(even.tau2).toBe(0);
    expect(
      estimateOverdispersion([
        { count: 5, expected: 9 },
        { count: 50, expected: 9 },
      ]),
    ).toEqual({
      areas: 2,
      phi: null,
      tau2: null,
    });
    // Areas with no expected count (no population) are left out.
    expect(
      estimateOverdispersion(
        [64, 81, 100, 121, 144, 9].map((count, i) => ({ count, expected: i === 5 ? 0 : 100 })),
      ).tau2,
    ).toBeCloseTo(0.0153, 12);
  });
});

describe('funnelLimits(expected, τ²)', () => {
  it('are the exact Poisson limits when τ² = 0', () => {
    for (const e of [3.2, 10, 250.5, 3210.4]) {
      expect(funnelLimits(e, 0)).toEqual(funnelLimits(e));
      expect(funnelLimits(e, 0).upper998).toBe(poissonQuantile(0.999, e));
    }
  });

  it("approach Spiegelhalter's E·(1 ± z·√(1/(4E) + τ²))² for large counts", () => {
    const tau2 = 0.0153;
    for (const e of [2_000, 20_000]) {
      const closed = (z: number) => e * (1 + z * Math.sqrt(1 / (4 * e) + tau2)) ** 2;
      const l = funnelLimits(e, tau2);
      // The two share their mean and variance: the 95% limits agree to within 0.5%. Their tails
      // differ in shape (gamma against squared normal): the 99.8% limits by a few per cent.
      expect(l.upper95 / closed(1.959964)).toBeCloseTo(1, 2);
      expect(l.lower95 / closed(-1.959964)).toBeCloseTo(1, 2);
      expect(Math.abs(l.upper998 / closed(3.090232) - 1)).toBeLessThan(0.03);
      expect(Math.abs(l.lower998 / closed(-3.090232) - 1)).toBeLessThan(0.07);
    }
  });

  it('do not close in on the line as counts grow: the band keeps about ±2τ·1.96 of the rate', () => {
    const tau2 = 0.01;
    const width = (e: number) => {
      const l = funnelLimits(e, tau2);
      return (l.upper95 - l.lower95) / e;
    };
    // Poisson limits at 100,000 are ±0.6%; with τ = 0.1 on the square-root scale, about ±39%.
    expect(width(100_000)).toBeGreaterThan(0.7);
    expect(width(100_000)).toBeLessThan(width(100));
    const poisson = funnelLimits(100_000);
    expect((poisson.upper95 - poisson.lower95) / 100_000).toBeLessThan(0.02);
  });

  it('are drawn as lines with the same τ²', () => {
    const lines = funnelLines(5, [80_000, 150_000], 4, 0.02);
    for (const l of lines) {
      const at = funnelLimits((5 / 1000) * l.population, 0.02);
      expect(l.high95).toBeCloseTo((at.upper95 / l.population) * 1000, 12);
      expect(l.low998).toBeCloseTo((at.lower998 / l.population) * 1000, 12);
    }
  });
});
