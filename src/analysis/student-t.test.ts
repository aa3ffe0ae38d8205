import { describe, expect, it } from 'vitest';

import { studentTCdf, studentTQuantile } from './student-t.js';

describe('studentTCdf(t, ν)', () => {
  it('is the Cauchy distribution at ν = 1 and 1/2 + t/(2√(t² + 2)) at ν = 2 (closed forms)', () => {
    for (const t of [-7, -1.3, 0, 0.4, 2, 30]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(t * t + 2)), 14);
    }
  });

  it('at ν = 3: 1/2 + (θ + sin θ cos θ)/π with θ = atan(t/√3) (Abramowitz and Stegun 26.7.3)', () => {
    const t = 1.7;
    const th = Math.atan(t / Math.sqrt(3));
    expect(studentTCdf(t, 3)).toBeCloseTo(0.5 + (th + Math.sin(th) * Math.cos(th)) / Math.PI, 14);
  });
});

describe('studentTQuantile(p, ν)', () => {
  it('reproduces the printed table of t quantiles (to its 3 decimals)', () => {
    // Any t table (e.g. Abramowitz and Stegun, Table 26.10; Fisher and Yates).
    const table: [number, number, number][] = [
      [0.975, 1, 12.706],
      [0.975, 2, 4.303],
      [0.975, 5, 2.571],
      [0.975, 11, 2.201],
      [0.975, 30, 2.042],
      [0.9, 11, 1.363],
      [0.999, 11, 4.025],
      [0.999, 28, 3.408],
      [0.995, 120, 2.617],
    ];
    for (const [p, nu, t] of table) expect(studentTQuantile(p, nu)).toBeCloseTo(t, 3);
  });

  it('is symmetric and inverts the distribution function', () => {
    for (const nu of [1, 4, 17, 60]) {
      for (const p of [0.001, 0.1, 0.5, 0.8, 0.999]) {
        const t = studentTQuantile(p, nu);
        expect(studentTCdf(t, nu)).toBeCloseTo(p, 12);
        expect(studentTQuantile(1 - p, nu)).toBeCloseTo(-t, 10);
      }
    }
  });
});
