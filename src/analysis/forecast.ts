/**
 * Forecasts of the next months from the latest unbroken run of observed months: the seasonal
 * Poisson regression (trend and month-of-year effects) fitted on the run, with 80% and 95%
 * prediction intervals from Poisson quantiles of the predicted mean. The intervals ignore the
 * uncertainty of the fitted parameters and any overdispersion, so they are too narrow rather than
 * too wide. A backtest holds out the run's last months, forecasts them from the rest, and reports
 * MASE: mean absolute error divided by that of the in-sample seasonal-naive forecast (same month
 * last year); below 1 beats seasonal naive.
 */
import { poissonQuantile } from './poisson.js';

import { monthFromIndex, monthIndex, type Month } from '../domain/month.js';
import { fitGlm, type MonthCount } from './seasonal-model.js';

export interface ForecastMonth {
  month: Month;
  expected: number;
  pi80: [number, number];
  pi95: [number, number];
}

export interface Backtest {
  months: { month: Month; observed: number; forecast: number; seasonalNaive: number }[];
  mase: number | null;
  /** MASE of the seasonal-naive forecast itself over the held-out months (1 would be typical). */
  maseSeasonalNaive: number | null;
}

export type ForecastResult =
  | {
      ok: true;
      run: { from: Month; to: Month; months: number };
      forecast: ForecastMonth[];
      backtest: Backtest;
    }
  | { ok: false; run: { from: Month; to: Month; months: number } | null; reason: string };

/** Fewest months in the run: two full seasonal cycles to fit, plus the months held out. */
export const MIN_FIT_MONTHS = 24;

/** The latest run of consecutive months in a history sorted by month. */
export function latestRun(history: readonly MonthCount[]): MonthCount[] {
  let start = history.length - 1;
  while (
    start > 0 &&
    monthIndex(history[start - 1]!.month) === monthIndex(history[start]!.month) - 1
  )
    start--;
  return history.slice(Math.max(start, 0));
}

export function forecast(history: readonly MonthCount[], horizon: number): ForecastResult {
  if (horizon < 1 || horizon > 12)
    throw new RangeError(`horizon must be 1..12 months, got ${horizon}`);
  const run = latestRun(history);
  const span = run.length
    ? { from: run[0]!.month, to: run[run.length - 1]!.month, months: run.length }
    : null;
  if (run.length < MIN_FIT_MONTHS + horizon) {
    return {
      ok: false,
      run: span,
      reason:
        `the latest unbroken run of observed months is ${run.length} long` +
        (span ? ` (${span.from}..${span.to})` : '') +
        `; forecasting ${horizon} months needs ${MIN_FIT_MONTHS + horizon} (two years to fit, ${horizon} to test)`,
    };
  }
  const model = fitGlm(run);
  const last = monthIndex(run[run.length - 1]!.month);
  const ahead = Array.from({ length: horizon }, (_, i) => {
    const month = monthFromIndex(last + 1 + i);
    const expected = model.predict(month);
    return {
      month,
      expected,
      pi80: [poissonQuantile(0.1, expected), poissonQuantile(0.9, expected)] as [number, number],
      pi95: [poissonQuantile(0.025, expected), poissonQuantile(0.975, expected)] as [
        number,
        number,
      ],
    };
  });
  return { ok: true, run: span!, forecast: ahead, backtest: backtest(run, horizon) };
}

function backtest(run: readonly MonthCount[], horizon: number): Backtest {
  const train = run.slice(0, run.length - horizon);
  const test = run.slice(run.length - horizon);
  const model = fitGlm(train);
  const byMonth = new Map(run.map((r) => [r.month, r.count]));
  const lastYear = (m: Month) => byMonth.get(monthFromIndex(monthIndex(m) - 12)) ?? 0;
  const months = test.map((t) => ({
    month: t.month,
    observed: t.count,
    forecast: model.predict(t.month),
    seasonalNaive: lastYear(t.month),
  }));
  const naiveErrors = train.slice(12).map((t) => Math.abs(t.count - lastYear(t.month)));
  const scale = naiveErrors.reduce((a, b) => a + b, 0) / naiveErrors.length;
  const mae = (pick: (m: (typeof months)[number]) => number) =>
    months.reduce((s, m) => s + Math.abs(m.observed - pick(m)), 0) / months.length;
  return {
    months,
    mase: scale > 0 ? mae((m) => m.forecast) / scale : null,
    maseSeasonalNaive: scale > 0 ? mae((m) => m.seasonalNaive) / scale : null,
  };
}
