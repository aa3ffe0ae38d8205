/**
 * Exceptions for one area and measure: every observed month of its history with its expected
 * count (analysis/seasonal-model.ts, leave one out) and the 99.8% range expected for it, which
 * allows for how much the counts vary beyond Poisson chance and for the uncertainty of the fit;
 * months above it are exceptions. Missing months are not modelled and are listed as missing; with
 * too few months to fit the model, the months held keep their counts, with no expected range.
 */
import type { AreaCounts, AreaSummary, Measure } from '../domain/area-counts.js';
import { measureHistory } from '../domain/area-counts.js';
import { monthsIn, type Month } from '../domain/month.js';
import { MIN_FIT_RECORDS } from './forecast.js';
import {
  fitSeasonal,
  MIN_DISPERSION_DF,
  MIN_SEASONAL_MONTHS,
  type Dispersion,
  type ExpectedMonth,
  type Season,
} from './seasonal-model.js';

export type ReportedMonth =
  | ExpectedMonth
  | {
      month: Month;
      observed: null;
      expected: null;
      lower998: null;
      upper998: null;
      exception: null;
    };

export interface ExceptionsReport {
  area: AreaSummary;
  category: string;
  label: string;
  method: string | null;
  /**
   * The fitted trend (a ratio a year); null when no model was fitted, or when the months hold
   * fewer records than a trend can be read from (trendWithheld).
   */
  trendPerYear: number | null;
  /** A model was fitted but its trend is not given: the records held and the least needed. */
  trendWithheld: { records: number; needed: number } | null;
  /** Whether the model kept month-of-year effects; null when it was not fitted. */
  season: Season | null;
  /** How much the counts vary beyond Poisson chance around the model fitted to all of them. */
  dispersion: Dispersion | null;
  months: ReportedMonth[];
  exceptions: Month[];
  /**
   * Why no month could be tested (too few months held to fit the model, or to measure how much
   * the counts vary); null when months were tested. "0 exceptions" means something only then.
   */
  notTested: string | null;
  notes: string[];
}

export function exceptionsReport(input: AreaCounts, measure: Measure): ExceptionsReport {
  const history = measureHistory(input, measure);
  const fit = fitSeasonal(history);
  const byMonth = new Map(fit?.months.map((m) => [m.month, m]) ?? []);
  // A month held but not fitted (too few months to fit a model) keeps its count: it is recorded,
  // only its expected range is unknown.
  const counted = new Map(history.map((m) => [m.month, m.count]));
  const first = input.observed[0];
  const last = input.observed[input.observed.length - 1];
  const months: ReportedMonth[] =
    first && last
      ? monthsIn({ from: first, to: last }).map(
          (month) =>
            byMonth.get(month) ?? {
              month,
              observed: counted.get(month) ?? null,
              expected: null,
              lower998: null,
              upper998: null,
              exception: null,
            },
        )
      : [];
  // A trend fitted to a record or two is noise: Stevenage 011A's 2 bicycle thefts in 30 months
  // read "trend 3698.8% a year" (QA). Not given below the records a forecast needs to fit one,
  // in the document itself, so that JSON, the API and the overview do not carry it either.
  const records = history.reduce((n, m) => n + m.count, 0);
  const trendWithheld =
    fit && records < MIN_FIT_RECORDS ? { records, needed: MIN_FIT_RECORDS } : null;
  const tooFew = `Only ${history.length} month${history.length === 1 ? ' is' : 's are'} held: at least ${MIN_SEASONAL_MONTHS} are needed to model the season and trend.`;
  const noVariation = `Too few months to measure how much the counts vary around the model (at least ${MIN_DISPERSION_DF} more than its parameters are needed): months are not assessed.`;
  return {
    area: { code: input.area.code, name: input.area.name, type: input.area.type },
    category: measure.key,
    label: measure.label,
    method: fit?.method ?? null,
    trendPerYear: trendWithheld === null ? (fit?.trendPerYear ?? null) : null,
    trendWithheld,
    season: fit?.season ?? null,
    dispersion: fit?.dispersion ?? null,
    months,
    exceptions: months.filter((m) => m.exception === true).map((m) => m.month),
    notTested: !fit
      ? tooFew
      : months.every((m) => m.exception === null)
        ? fit.dispersion.pearson === null
          ? noVariation
          : 'No month could be assessed against a range fitted from the others.'
        : null,
    notes: fit
      ? [
          `Model: ${fit.method}. Each month's expected count and range are fitted without that month.`,
          fit.season === 'none'
            ? 'Month-of-year effects are left out: these counts are too few or too even to show a season, and fitting one to them would make each expectation hang on one or two other months.'
            : 'Month-of-year effects are kept: these counts show a season. A calendar month observed only once cannot be assessed.',
          fit.dispersion.pearson === null
            ? noVariation
            : `The counts vary ${fit.dispersion.pearson.toFixed(1)} times as much as Poisson counts would around the model (dispersion, ${fit.dispersion.df} degrees of freedom); the ranges allow for it and for the uncertainty of the fitted model.`,
          'Missing months are unknown and not modelled.',
          ...(trendWithheld === null
            ? []
            : [
                `No trend is given: ${records} ${records === 1 ? 'record is' : 'records are'} too few to read one from (at least ${MIN_FIT_RECORDS} are needed).`,
              ]),
          ...measure.caveats,
        ]
      : [tooFew],
  };
}
