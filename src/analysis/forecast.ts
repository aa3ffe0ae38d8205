/**
 * Forecasts of the next months from every month held: the seasonal regression (trend and
 * month-of-year effects, analysis/seasonal-model.ts) needs no unbroken run, so it is fitted on the
 * months held, gaps and all, and the gaps are listed. The 80% and 95% prediction intervals come
 * from the model's predictive distribution: the counts' measured extra-Poisson variation
 * (quasi-Poisson dispersion φ) and the uncertainty of the fitted mean are both in them.
 *
 * A backtest holds out the last months held, forecasts them from the months before, and reports
 * how many fell inside their 80% and 95% intervals and the MASE: mean absolute error divided by
 * that of the in-sample seasonal-naive forecast. Seasonal naive is "the same month of the latest
 * earlier year held" (a year earlier when held; with gaps, the year before that, and so on);
 * below 1 beats it.
 */
import { monthFromIndex, monthIndex, type Month } from '../domain/month.js';
import {
  fitGlm,
  type Dispersion,
  type Glm,
  type MonthCount,
  type Season,
} from './seasonal-model.js';
import { MONTH_NAMES } from '../domain/month.js';

export interface ForecastMonth {
  month: Month;
  expected: number;
  pi80: [number, number];
  pi95: [number, number];
}

export interface BacktestMonth extends ForecastMonth {
  observed: number;
  /** The same month of the latest earlier year held, if any. */
  seasonalNaive: number | null;
}

export interface Backtest {
  months: BacktestMonth[];
  /** How many held-out months fell inside their interval (ends included), and their share. */
  inside: { pi80: number; pi95: number };
  coverage: { pi80: number; pi95: number };
  mase: number | null;
  /** MASE of the seasonal-naive forecast itself over the held-out months (1 would be typical). */
  maseSeasonalNaive: number | null;
  season: Season;
  dispersion: Dispersion;
}

/** A stretch of consecutive months. */
export interface MonthSpan {
  from: Month;
  to: Month;
  months: number;
}

export type ForecastResult =
  | {
      ok: true;
      /** The months fitted: the first and last held, and how many are held. */
      run: MonthSpan;
      /** Months between the first and last held that are not held (not fitted, not zeros). */
      gaps: MonthSpan[];
      /** Whether the model kept month-of-year effects (see analysis/seasonal-model.ts). */
      season: Season;
      dispersion: Dispersion;
      trendPerYear: number;
      forecast: ForecastMonth[];
      backtest: Backtest;
    }
  | { ok: false; run: MonthSpan | null; gaps: MonthSpan[]; reason: string };

/** Fewest months held to fit the model: two years' worth, before the months held out to test. */
export const MIN_FIT_MONTHS = 24;

/**
 * Fewest records the months fitted must hold (the backtest's training months and the whole
 * history alike): fewer than one a month on average over a year. Below it a trend rests on a
 * record or two — an LSOA's 2 bicycle thefts in 30 months, both in the last four, gave "+3,698.8%
 * a year" and a MASE of 732 — and a forecast of so few can only say 0 or 1 a month.
 */
export const MIN_FIT_RECORDS = 12;

/** The runs of consecutive months in a history sorted by month. */
export function runsOf(months: readonly Month[]): MonthSpan[] {
  const runs: MonthSpan[] = [];
  for (const m of months) {
    const last = runs[runs.length - 1];
    if (last && monthIndex(m) === monthIndex(last.to) + 1) {
      last.to = m;
      last.months += 1;
    } else runs.push({ from: m, to: m, months: 1 });
  }
  return runs;
}

/** The months missing between the runs of a history sorted by month. */
export function gapsOf(months: readonly Month[]): MonthSpan[] {
  const runs = runsOf(months);
  return runs.slice(1).map((r, i) => {
    const from = monthFromIndex(monthIndex(runs[i]!.to) + 1);
    const to = monthFromIndex(monthIndex(r.from) - 1);
    return { from, to, months: monthIndex(to) - monthIndex(from) + 1 };
  });
}

const spanText = (s: MonthSpan) => (s.from === s.to ? s.from : `${s.from}..${s.to}`);

export function forecast(history: readonly MonthCount[], horizon: number): ForecastResult {
  if (horizon < 1 || horizon > 12)
    throw new RangeError(`horizon must be 1..12 months, got ${horizon}`);
  const months = history.map((h) => h.month);
  const runs = runsOf(months);
  const gaps = gapsOf(months);
  const run = history.length
    ? { from: months[0]!, to: months[months.length - 1]!, months: history.length }
    : null;
  const refuse = (reason: string): ForecastResult => ({ ok: false, run, gaps, reason });
  const needed = MIN_FIT_MONTHS + horizon;
  if (history.length < needed) {
    return refuse(
      `forecasting ${horizon} months needs at least ${needed} months held (${MIN_FIT_MONTHS} to fit, ${horizon} to test); ` +
        (history.length === 0
          ? 'none is held'
          : `${history.length} ${history.length === 1 ? 'is' : 'are'} held: ${runs.map(spanText).join(', ')}`),
    );
  }
  const trainRecords = history
    .slice(0, history.length - horizon)
    .reduce((sum, h) => sum + h.count, 0);
  if (trainRecords < MIN_FIT_RECORDS) {
    const all = history.reduce((sum, h) => sum + h.count, 0);
    return refuse(
      `the ${history.length - horizon} months fitted before the ${horizon} tested hold ${trainRecords} ${trainRecords === 1 ? 'record' : 'records'} (${all} in all ${history.length} months held): at least ${MIN_FIT_RECORDS} are needed to estimate a trend, and so few can only say 0 or 1 a month`,
    );
  }
  const last = monthIndex(months[months.length - 1]!);
  const ahead = Array.from({ length: horizon }, (_, i) => monthFromIndex(last + 1 + i));
  const train = history.slice(0, history.length - horizon);
  const test = history.slice(history.length - horizon);
  const model = fitGlm(history);
  const back = fitGlm(train);
  const unfitted = [
    ...new Set(
      [
        ...ahead.filter((m) => !model.fitted(m)),
        ...test.map((t) => t.month).filter((m) => !back.fitted(m)),
      ].map((m) => Number(m.slice(5, 7))),
    ),
  ].sort((a, b) => a - b);
  if (unfitted.length > 0) {
    return refuse(
      `no ${unfitted.map((c) => MONTH_NAMES[c - 1]).join(' or ')} is held before the months to forecast or test, so the season of ${unfitted.length === 1 ? 'that month' : 'those months'} cannot be estimated (held: ${runs.map(spanText).join(', ')})`,
    );
  }
  if (model.dispersion.phi === null || back.dispersion.phi === null) {
    return refuse(
      `too few months to measure how much the counts vary around the model (held: ${runs.map(spanText).join(', ')})`,
    );
  }
  return {
    ok: true,
    run: run!,
    gaps,
    season: model.season,
    dispersion: model.dispersion,
    trendPerYear: model.trendPerYear,
    forecast: ahead.map((month) => forecastMonth(model, month)),
    backtest: backtest(train, test, back),
  };
}

function forecastMonth(model: Glm, month: Month): ForecastMonth {
  const q = (p: number) => model.quantile(month, p) as number;
  return {
    month,
    expected: model.predict(month),
    pi80: [q(0.1), q(0.9)],
    pi95: [q(0.025), q(0.975)],
  };
}

/** The seasonal-naive forecast of each month: the same month of the latest earlier year held. */
function seasonalNaive(held: readonly MonthCount[]): (m: Month) => number | null {
  const byMonth = new Map(held.map((h) => [monthIndex(h.month), h.count]));
  const first = held.length ? monthIndex(held[0]!.month) : 0;
  return (m) => {
    for (let i = monthIndex(m) - 12; i >= first; i -= 12) {
      const count = byMonth.get(i);
      if (count !== undefined) return count;
    }
    return null;
  };
}

function backtest(train: readonly MonthCount[], test: readonly MonthCount[], model: Glm): Backtest {
  const naive = seasonalNaive(train);
  const months = test.map((t): BacktestMonth => ({
    ...forecastMonth(model, t.month),
    observed: t.count,
    seasonalNaive: naive(t.month),
  }));
  const within = (y: number, [lo, hi]: [number, number]) => y >= lo && y <= hi;
  const inside = {
    pi80: months.filter((m) => within(m.observed, m.pi80)).length,
    pi95: months.filter((m) => within(m.observed, m.pi95)).length,
  };
  // The in-sample scale: the seasonal-naive error of every training month that has one.
  const naiveErrors = train.flatMap((t) => {
    const f = naive(t.month);
    return f === null ? [] : [Math.abs(t.count - f)];
  });
  const scale = naiveErrors.length
    ? naiveErrors.reduce((a, b) => a + b, 0) / naiveErrors.length
    : 0;
  const mae = (pick: (m: BacktestMonth) => number | null) => {
    const errors = months.flatMap((m) => {
      const f = pick(m);
      return f === null ? [] : [Math.abs(m.observed - f)];
    });
    return errors.length === months.length
      ? errors.reduce((a, b) => a + b, 0) / errors.length
      : null;
  };
  const modelMae = mae((m) => m.expected);
  const naiveMae = mae((m) => m.seasonalNaive);
  return {
    months,
    inside,
    coverage: { pi80: inside.pi80 / months.length, pi95: inside.pi95 / months.length },
    mase: scale > 0 && modelMae !== null ? modelMae / scale : null,
    maseSeasonalNaive: scale > 0 && naiveMae !== null ? naiveMae / scale : null,
    season: model.season,
    dispersion: model.dispersion,
  };
}
