/**
 * `lantern exceptions`: every observed month of an area's history for a category with its
 * expected count (seasonal Poisson model, leave one out) and the 99.8% limit; months above it
 * are exceptions. Missing months are not modelled and are listed as missing.
 */
import { fitSeasonal, type ExpectedMonth } from '../analysis/seasonal-model.js';
import { categoryLabel } from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import { monthsIn, type Month } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { categoryHistory } from './category-history.js';

export interface ExceptionsReport {
  area: { code: string; name: string; type: string };
  category: string;
  label: string;
  method: string | null;
  trendPerYear: number | null;
  months: (
    | ExpectedMonth
    | { month: Month; observed: null; expected: null; upper998: null; exception: null }
  )[];
  exceptions: Month[];
  notes: string[];
}

export async function findExceptions(
  db: Db,
  scope: Scope,
  request: { area: string; category: string },
): Promise<ExceptionsReport> {
  const category = parseCategoryChoice(request.category);
  const area = await findArea(db, request.area);
  const { period, history } = await categoryHistory(db, scope, area, category);
  const fit = fitSeasonal(history);
  const byMonth = new Map(fit?.months.map((m) => [m.month, m]) ?? []);
  const months = monthsIn(period).map(
    (month) =>
      byMonth.get(month) ?? {
        month,
        observed: null,
        expected: null,
        upper998: null,
        exception: null,
      },
  );
  return {
    area: { code: area.code, name: area.name, type: area.type },
    category,
    label: categoryLabel(category),
    method: fit?.method ?? null,
    trendPerYear: fit?.trendPerYear ?? null,
    months,
    exceptions: months.filter((m) => m.exception === true).map((m) => m.month),
    notes: fit
      ? [
          `Model: ${fit.method}. Each month's expected count is fitted without that month.`,
          'Missing months are unknown and not modelled; a calendar month observed only once cannot be assessed.',
          'Crime counts are often overdispersed: a Poisson limit flags exceptions too readily.',
        ]
      : [
          `Only ${history.length} months are held: at least 13 are needed to model the season and trend.`,
        ],
  };
}
