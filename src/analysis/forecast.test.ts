/** Forecasts on SYNTHETIC series (the bundled data's longest unbroken run is 13 months). */
import { describe, expect, it } from 'vitest';

import { monthFromIndex, monthIndex } from '../domain/month.js';
import { forecast, latestRun } from './forecast.js';

const start = monthIndex('2020-01');
const series = (counts: number[], first = start) =>
  counts.map((count, i) => ({ month: monthFromIndex(first + i), count }));

describe('latestRun(history)', () => {
  it('keeps the months after the last gap', () => {
    const h = [...series([1, 2, 3]), ...series([4, 5], start + 5)];
    expect(latestRun(h).map((m) => m.count)).toEqual([4, 5]);
  });
});

describe('forecast(history, horizon)', () => {
  it('refuses, saying why, when the unbroken run is too short', () => {
    const r = forecast(series(new Array(20).fill(10)), 3);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(
      /run of observed months is 20 long \(2020-01..2021-08\); forecasting 3 months needs 27/,
    );
  });

  it('continues a noise-free seasonal trend exactly, with Poisson intervals around it, and a perfect backtest', () => {
    // 40 × 1.1^(t/12) × (1.5 in July): the model is exact for these, so forecasts equal the formula.
    const f = (t: number) => 40 * 1.1 ** (t / 12) * (t % 12 === 6 ? 1.5 : 1);
    const r = forecast(series(Array.from({ length: 36 }, (_, t) => f(t))), 6);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    r.forecast.forEach((m, i) => {
      expect(m.expected).toBeCloseTo(f(36 + i), 5);
      expect(m.pi95[0]).toBeLessThanOrEqual(m.pi80[0]);
      expect(m.pi95[1]).toBeGreaterThanOrEqual(m.pi80[1]);
      expect(m.pi80[0]).toBeLessThanOrEqual(m.expected);
      expect(m.pi80[1]).toBeGreaterThanOrEqual(m.expected);
    });
    expect(r.forecast[0]?.month).toBe('2023-01');
    expect(r.backtest.mase).toBeCloseTo(0, 6);
    // Seasonal naive misses the trend: its MASE on the held-out months is positive.
    expect(r.backtest.maseSeasonalNaive).toBeGreaterThan(0);
  });

  it('computes MASE by hand on a small case', () => {
    // Constant 10 for 24 months then 10, 10, 16: the model fitted on the first 27 − 3 = 24 months
    // forecasts 10; errors 0, 0, 6 → MAE 2. In-sample seasonal-naive errors (months 13..24) are all
    // 0, so the scale is 0 and MASE is undefined (null), as it must be.
    const r = forecast(series([...new Array(24).fill(10), 10, 10, 16]), 3);
    expect(r.ok && r.backtest.mase).toBeNull();
  });
});
