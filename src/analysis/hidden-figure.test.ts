import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { hiddenFigure, poissonMeanCi95 } from './hidden-figure.js';

describe('poissonMeanCi95(k): Garwood’s exact interval', () => {
  it('matches published tables', () => {
    // Garwood (1936) / standard tables of exact 95% limits for a Poisson count:
    // k = 0: 0–3.689; k = 1: 0.0253–5.572; k = 10: 4.795–18.390; k = 100: 81.364–121.627.
    // k = 0's upper limit is also −ln(0.025) = 3.6889 exactly (P(X = 0) = e^−λ = 0.025).
    const cases: [number, number, number][] = [
      [0, 0, 3.689],
      [1, 0.0253, 5.572],
      [10, 4.795, 18.39],
      [100, 81.364, 121.627],
    ];
    for (const [k, lo, hi] of cases) {
      const [l, h] = poissonMeanCi95(k);
      expect(l).toBeCloseTo(lo, 3);
      expect(h).toBeCloseTo(hi, 3);
    }
    expect(poissonMeanCi95(0)[1]).toBeCloseTo(-Math.log(0.025), 8);
  });

  it('at a force’s yearly scale sits where the normal approximation puts it', () => {
    // k = 40,000: k ± 1.96·√k = 39,608..40,392 (the exact limits differ by about one).
    const [l, h] = poissonMeanCi95(40_000);
    expect(Math.abs(l - 39_608)).toBeLessThan(2);
    expect(Math.abs(h - 40_393)).toBeLessThan(2);
  });

  it('always contains the count and widens as it grows (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (k) => {
        const [l, h] = poissonMeanCi95(k);
        expect(l).toBeLessThanOrEqual(k);
        expect(h).toBeGreaterThan(k);
        const [l2, h2] = poissonMeanCi95(k + 1);
        expect(l2).toBeGreaterThan(l);
        expect(h2).toBeGreaterThan(h);
      }),
      { numRuns: 200 },
    );
  });
});

describe('hiddenFigure(recorded, rate)', () => {
  it('divides by the rate, and takes the extremes of count and rate for the interval', () => {
    // 100 recorded at 50% (40–60%): estimate 200; interval 81.364/0.6 = 135.61 to 121.627/0.4 = 304.07.
    const f = hiddenFigure(100, { estimate: 0.5, low: 0.4, high: 0.6 });
    expect(f.estimate).toBe(200);
    expect(f.unrecorded).toBe(100);
    expect(f.interval[0]).toBeCloseTo(135.61, 1);
    expect(f.interval[1]).toBeCloseTo(304.07, 1);
  });

  it('with a known rate (no range) carries only the count’s uncertainty', () => {
    // 10 recorded at exactly 25%: 40, interval 4.795/0.25 = 19.18 to 18.390/0.25 = 73.56.
    const f = hiddenFigure(10, { estimate: 0.25, low: 0.25, high: 0.25 });
    expect(f.estimate).toBe(40);
    expect(f.interval[0]).toBeCloseTo(19.18, 1);
    expect(f.interval[1]).toBeCloseTo(73.56, 1);
  });

  it('never estimates fewer incidents than were recorded at the estimate, and the interval holds the estimate (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (k, r, spread) => {
          const rate = {
            estimate: r,
            low: Math.max(0.01, r - spread),
            high: Math.min(1, r + spread),
          };
          const f = hiddenFigure(k, rate);
          expect(f.estimate).toBeGreaterThanOrEqual(k);
          expect(f.interval[0]).toBeLessThanOrEqual(f.estimate + 1e-9);
          expect(f.interval[1]).toBeGreaterThanOrEqual(f.estimate);
        },
      ),
      { numRuns: 300 },
    );
  });
});
