/**
 * Overdispersed funnel limits (Spiegelhalter 2005, additive random effects) against values worked
 * by hand and against Spiegelhalter's closed form for large counts.
 */
import { describe, expect, it } from 'vitest';

import { estimateOverdispersion, funnelLimits, funnelLines } from './funnel.js';
import { poissonQuantile } from './poisson.js';

describe('estimateOverdispersion(areas)', () => {
  it('gives φ̂ and τ² worked by hand on ten areas', () => {
    // Expected 100 each; counts 36, 49, 64, 81, 100, 100, 121, 144, 169, 196 have square roots
    // 6..14, so the z-scores 2(√O − √E) are −8, −6, −4, −2, 0, 0, 2, 4, 6, 8. R's type-7 10th
    // percentile: h = 9 × 0.1 = 0.9, so −8 + 0.9 × 2 = −6.2; the 90th: h = 8.1, 6 + 0.1 × 2 = 6.2.
    // Winsorised: −6.2, −6, −4, −2, 0, 0, 2, 4, 6, 6.2; Σz² = 2 × (38.44 + 36 + 16 + 4) = 188.88,
    // φ̂ = 18.888. Weights 4E = 400 each: Σw = 4,000, Σw²/Σw = 400;
    // τ² = (10 × 18.888 − 9)/(4,000 − 400) = 179.88/3,600 = 0.049966….
    const o = estimateOverdispersion(
      [36, 49, 64, 81, 100, 100, 121, 144, 169, 196].map((count) => ({ count, expected: 100 })),
    );
    expect(o.areas).toBe(10);
    expect(o.phi).toBeCloseTo(18.888, 12);
    expect(o.tau2).toBeCloseTo(179.88 / 3600, 12);
  });

  it('finds no spread beyond chance when I·φ̂ ≤ I − 1', () => {
    const even = estimateOverdispersion(
      [100, 101, 99, 100, 100, 98, 100, 102, 100, 99].map((count) => ({ count, expected: 100 })),
    );
    expect(even.tau2).toBe(0);
  });

  it('estimates none from fewer than 10 areas (the ten-area rule), areas with no expected count left out', () => {
    // Merseyside's five districts, theft from the person in January 2019 (the bundled fixture):
    // Liverpool's 128 against 12, 19, 16 and 3. Estimated from these five, τ² would be 0.12 and
    // Liverpool's limits 7–169 around 60.8 expected: "within".
    const pops = [485_300, 183_100, 319_900, 278_800, 154_200];
    const counts = [128, 12, 19, 16, 3];
    const rate = 178 / 1_421_300;
    const five = counts.map((count, i) => ({ count, expected: rate * (pops[i] as number) }));
    expect(estimateOverdispersion(five)).toEqual({ areas: 5, phi: null, tau2: null });
    const nine = [64, 81, 100, 121, 144, 64, 81, 100, 400].map((count) => ({
      count,
      expected: 100,
    }));
    expect(estimateOverdispersion(nine)).toEqual({ areas: 9, phi: null, tau2: null });
    expect(
      estimateOverdispersion(
        [36, 49, 64, 81, 100, 100, 121, 144, 169, 196, 9].map((count, i) => ({
          count,
          expected: i === 10 ? 0 : 100,
        })),
      ).tau2,
    ).toBeCloseTo(179.88 / 3600, 12);
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
