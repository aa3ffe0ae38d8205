/**
 * Exceptions for one area and measure: every observed month of its history with its expected
 * count (analysis/seasonal-model.ts, leave one out) and the 99.8% limit; months above it are
 * exceptions. Missing months are not modelled and are listed as missing.
 */
import type { AreaCounts, AreaSummary, Measure } from '../domain/area-counts.js';
import { measureHistory } from '../domain/area-counts.js';
import { monthsIn, type Month } from '../domain/month.js';
import { fitSeasonal, MIN_SEASONAL_MONTHS, type ExpectedMonth } from './seasonal-model.js';

export type ReportedMonth =
  ExpectedMonth | { month: Month; observed: null; expected: null; upper998: null; exception: null };

export interface ExceptionsReport {
  area: AreaSummary;
  category: string;
  label: string;
  method: string | null;
  trendPerYear: number | null;
  months: ReportedMonth[];
  exceptions: Month[];
  notes: string[];
}

export function exceptionsReport(input: AreaCounts, measure: Measure): ExceptionsReport {
  const history = measureHistory(input, measure);
  const fit = fitSeasonal(history);
  const byMonth = new Map(fit?.months.map((m) => [m.month, m]) ?? []);
  const first = input.observed[0];
  const last = input.observed[input.observed.length - 1];
  const months: ReportedMonth[] =
    first && last
      ? monthsIn({ from: first, to: last }).map(
          (month) =>
            byMonth.get(month) ?? {
              month,
              observed: null,
              expected: null,
              upper998: null,
              exception: null,
            },
        )
      : [];
  return {
    area: { code: input.area.code, name: input.area.name, type: input.area.type },
    category: measure.key,
    label: measure.label,
    method: fit?.method ?? null,
    trendPerYear: fit?.trendPerYear ?? null,
    months,
    exceptions: months.filter((m) => m.exception === true).map((m) => m.month),
    notes: fit
      ? [
          `Model: ${fit.method}. Each month's expected count is fitted without that month.`,
          'Missing months are unknown and not modelled; a calendar month observed only once cannot be assessed.',
          'Counts like these are often overdispersed: a Poisson limit flags exceptions too readily.',
          ...measure.caveats,
        ]
      : [
          `Only ${history.length} months are held: at least ${MIN_SEASONAL_MONTHS} are needed to model the season and trend.`,
        ],
  };
}
