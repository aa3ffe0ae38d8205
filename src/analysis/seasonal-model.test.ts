import { describe, expect, it } from 'vitest';

import { monthFromIndex, monthIndex } from '../domain/month.js';
import { fitSeasonal } from './seasonal-model.js';

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

  it('flags a spike above the 99.8% limit, with its expected value', () => {
    const counts = new Array(24).fill(50);
    counts[20] = 120;
    const fit = fitSeasonal(series(counts))!;
    const spike = fit.months[20]!;
    expect(spike.exception).toBe(true);
    expect(spike.observed).toBe(120);
    // Left out of its own fit, the spike's month is expected at 50 (every other month is 50); the
    // 99.9% Poisson quantile of 50 is 73 (P(X ≤ 72) < 0.999 ≤ P(X ≤ 73)), far below 120.
    expect(spike.expected).toBeCloseTo(50, 6);
    expect(spike.upper998).toBe(73);
    expect(fit.months.filter((m) => m.exception)).toHaveLength(1);
  });

  it('cannot assess a month whose calendar month is observed only once', () => {
    const fit = fitSeasonal(series(new Array(18).fill(30)))!; // Jul..Dec of the first year occur once
    expect(fit.months[6]?.exception).toBeNull();
    expect(fit.months[0]?.exception).toBe(false);
  });

  it('needs at least 13 observed months', () => {
    expect(fitSeasonal(series(new Array(12).fill(5)))).toBeNull();
  });
});
