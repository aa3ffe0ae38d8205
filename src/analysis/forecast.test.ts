/** Forecasts on SYNTHETIC series, and a seeded simulation of their intervals' coverage. */
import { describe, expect, it } from 'vitest';

import { negBinomial, rngFrom } from '../../test/helpers/simulated-counts.js';
import { monthFromIndex, monthIndex } from '../domain/month.js';
import { forecast, gapsOf, runsOf } from './forecast.js';
import { poissonQuantile } from './poisson.js';

const start = monthIndex('2020-01');
const series = (counts: number[], first = start) =>
  counts.map((count, i) => ({ month: monthFromIndex(first + i), count }));
const run = (from: string, n: number) =>
  Array.from({ length: n }, (_, i) => monthFromIndex(monthIndex(from) + i));
/** The bundled sample's months: 2018-10..2019-02, 2021-01..2022-01, 2025-01..2025-12. */
const BUNDLED = [...run('2018-10', 5), ...run('2021-01', 13), ...run('2025-01', 12)];

describe('runsOf and gapsOf', () => {
  it('name the runs of months held and the months missing between them', () => {
    expect(runsOf(BUNDLED)).toEqual([
      { from: '2018-10', to: '2019-02', months: 5 },
      { from: '2021-01', to: '2022-01', months: 13 },
      { from: '2025-01', to: '2025-12', months: 12 },
    ]);
    expect(gapsOf(BUNDLED)).toEqual([
      { from: '2019-03', to: '2020-12', months: 22 },
      { from: '2022-02', to: '2024-12', months: 35 },
    ]);
    expect(gapsOf(run('2020-01', 30))).toEqual([]);
  });
});

describe('forecast(history, horizon)', () => {
  it('fits the months held across gaps and lists the gaps', () => {
    const history = BUNDLED.map((month, i) => ({ month, count: 40 + (i % 7) }));
    const r = forecast(history, 6);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.run).toEqual({ from: '2018-10', to: '2025-12', months: 30 });
    expect(r.gaps.map((g) => `${g.from}..${g.to}`)).toEqual([
      '2019-03..2020-12',
      '2022-02..2024-12',
    ]);
    expect(r.forecast.map((m) => m.month)).toEqual(run('2026-01', 6));
    // The backtest holds out the last 6 months held and fits the 24 before them.
    expect(r.backtest.months.map((m) => m.month)).toEqual(run('2025-07', 6));
  });

  it('refuses only when too few months are held, saying how many and which', () => {
    const history = [...run('2021-01', 13), ...run('2025-01', 12)].map((month) => ({
      month,
      count: 10,
    }));
    const r = forecast(history, 6);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe(
      'forecasting 6 months needs at least 30 months held (24 to fit, 6 to test); 25 are held: 2021-01..2022-01, 2025-01..2025-12',
    );
    expect(r.gaps).toEqual([{ from: '2022-02', to: '2024-12', months: 35 }]);
    // Three months ahead need 27: held.
    expect(forecast(history, 3).ok).toBe(false);
    expect(forecast([...history, ...series([10, 10], monthIndex('2026-01'))], 3).ok).toBe(true);
  });

  it('refuses when the months fitted hold too few records to estimate a trend', () => {
    // An LSOA's bicycle thefts (Stevenage 011A): 2 in 30 months, in 2025-09 and 2025-10. Fitted,
    // the trend was +3,698.8% a year and the backtest's MASE 732.
    const history = BUNDLED.map((month) => ({
      month,
      count: month === '2025-09' || month === '2025-10' ? 1 : 0,
    }));
    const r = forecast(history, 3);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe(
      'the 27 months fitted before the 3 tested hold 1 record (2 in all 30 months held): at least 12 are needed to estimate a trend, and so few can only say 0 or 1 a month',
    );
    // Twelve records in the months fitted are enough.
    const twelve = BUNDLED.map((month, i) => ({ month, count: i % 2 === 0 && i < 24 ? 1 : 0 }));
    expect(forecast(twelve, 3).ok).toBe(true);
  });

  it('refuses a month whose calendar month the seasonal model has never seen', () => {
    // A strong season (×2 in even months), 28 months with every July missing; forecast July.
    const months = run('2019-01', 30).filter((m) => !m.endsWith('-07'));
    const history = months.map((month) => ({
      month,
      count: Number(month.slice(5, 7)) % 2 === 0 ? 80 : 40,
    }));
    const r = forecast(history, 3);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^no July is held before the months to forecast or test/u);
  });

  it('continues a noise-free seasonal trend exactly, with intervals around it, and a perfect backtest', () => {
    // 40 × 1.1^(t/12) × (2 in July): the model is exact for these, so forecasts equal the formula.
    const f = (t: number) => 40 * 1.1 ** (t / 12) * (t % 12 === 6 ? 2 : 1);
    const r = forecast(series(Array.from({ length: 36 }, (_, t) => f(t))), 6);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.season).toBe('month-of-year');
    r.forecast.forEach((m, i) => {
      expect(m.expected).toBeCloseTo(f(36 + i), 5);
      expect(m.pi95[0]).toBeLessThanOrEqual(m.pi80[0]);
      expect(m.pi95[1]).toBeGreaterThanOrEqual(m.pi80[1]);
      expect(m.pi80[0]).toBeLessThanOrEqual(m.expected);
      expect(m.pi80[1]).toBeGreaterThanOrEqual(m.expected);
    });
    expect(r.forecast[0]?.month).toBe('2023-01');
    expect(r.backtest.mase).toBeCloseTo(0, 6);
    expect(r.backtest.inside).toEqual({ pi80: 6, pi95: 6 });
    // Seasonal naive misses the trend: its MASE on the held-out months is positive.
    expect(r.backtest.maseSeasonalNaive).toBeGreaterThan(0);
  });

  it('computes MASE, coverage and seasonal naive across gaps by hand', () => {
    // 2018-10..2019-02 = 10, 2021-01..2022-01 = 20, 2025-01..06 = 30, then 30, 30, 99, 30, 30, 30.
    // Seasonal naive is the same month of the latest earlier year held: for 2025-07..12, 2021's.
    const counts = BUNDLED.map((m, i) => (m < '2021' ? 10 : m < '2025' ? 20 : i === 26 ? 99 : 30));
    const r = forecast(
      BUNDLED.map((month, i) => ({ month, count: counts[i]! })),
      6,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const b = r.backtest;
    expect(b.months.map((m) => m.seasonalNaive)).toEqual([20, 20, 20, 20, 20, 20]);
    // In-sample seasonal-naive errors of the 24 training months: 2021-01, 2021-02, 2021-10..12
    // (against 2018-19: 10 each), 2022-01 (against 2021-01: 0), 2025-01..06 (against 2022-01 and
    // 2021-02..06: 10 each): 11 errors of 10 and one of 0, a scale of 110/12.
    const scale = 110 / 12;
    // The naive errors out of sample: 10, 10, 79, 10, 10, 10.
    expect(b.maseSeasonalNaive).toBeCloseTo(129 / 6 / scale, 10);
    const mae = b.months.reduce((s, m) => s + Math.abs(m.observed - m.expected), 0) / 6;
    expect(b.mase).toBeCloseTo(mae / scale, 10);
    const inside = (pi: 'pi80' | 'pi95') =>
      b.months.filter((m) => m.observed >= m[pi][0] && m.observed <= m[pi][1]).length;
    expect(b.inside).toEqual({ pi80: inside('pi80'), pi95: inside('pi95') });
    expect(b.coverage.pi95).toBeCloseTo(b.inside.pi95 / 6, 12);
    // The spike is outside both intervals.
    expect(b.months[2]!.observed).toBeGreaterThan(b.months[2]!.pi95[1]);
  });

  it('has MASE undefined (null) when the in-sample seasonal-naive error is 0', () => {
    const r = forecast(series([...new Array(24).fill(10), 10, 10, 16]), 3);
    expect(r.ok && r.backtest.mase).toBeNull();
  });
});

describe('forecast intervals are calibrated (seeded simulation)', () => {
  it('catch about 80% and 95% of overdispersed counts, where Poisson intervals catch far fewer', () => {
    // 300 series: a level of 20 to 200 a month, a season, a trend, and negative binomial counts
    // with φ from 1.5 to 6, held with the bundled sample's gaps; each forecast 6 months ahead
    // from the 30 months held, and compared with the 6 that follow.
    const rng = rngFrom(15);
    const future = run('2026-01', 6);
    let in80 = 0;
    let in95 = 0;
    let poisson80 = 0;
    let poisson95 = 0;
    let n = 0;
    for (let s = 0; s < 300; s++) {
      const level = 20 + 180 * rng();
      const phi = 1.5 + 4.5 * rng();
      const peak = 1 + 0.5 * rng();
      const growth = 0.9 + 0.2 * rng();
      const mean = (m: string) =>
        level *
        growth ** ((monthIndex(m) - monthIndex('2018-10')) / 12) *
        (['06', '07', '08'].includes(m.slice(5, 7)) ? peak : 1);
      const draw = (m: string) => {
        const mu = mean(m);
        return negBinomial(rng, mu, mu / (phi - 1));
      };
      const r = forecast(
        BUNDLED.map((month) => ({ month, count: draw(month) })),
        6,
      );
      if (!r.ok) throw new Error(r.reason);
      r.forecast.forEach((f, i) => {
        const y = draw(future[i]!);
        const q = (p: number) => poissonQuantile(p, f.expected);
        n += 1;
        if (y >= f.pi80[0] && y <= f.pi80[1]) in80 += 1;
        if (y >= f.pi95[0] && y <= f.pi95[1]) in95 += 1;
        if (y >= q(0.1) && y <= q(0.9)) poisson80 += 1;
        if (y >= q(0.025) && y <= q(0.975)) poisson95 += 1;
      });
    }
    expect(n).toBe(1800);
    expect(in80 / n).toBeGreaterThan(0.75);
    expect(in80 / n).toBeLessThan(0.87);
    expect(in95 / n).toBeGreaterThan(0.92);
    expect(in95 / n).toBeLessThan(0.985);
    expect(poisson80 / n).toBeLessThan(0.65);
    expect(poisson95 / n).toBeLessThan(0.85);
  });
});
