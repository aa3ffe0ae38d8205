/**
 * `lantern trends`: for an area and a police.uk category (or every category), the counts by
 * month over a period, the comparison with the same months of the nearest earlier complete year,
 * the exact test of the change, and the rate per 1,000 residents (analysis/trend-table.ts).
 */
import { latestYear, trendDocuments, type TrendDocument } from '../analysis/trend-table.js';
import {
  ALL_CRIME,
  CURRENT_CATEGORIES,
  policeMeasure,
  type CategoryChoice,
} from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import type { Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { NotFoundError } from '../errors.js';
import { findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { streetAreaCounts } from './street-area-counts.js';

export type { TrendDocument };
export { ALL_CRIME };

export interface TrendsRequest {
  area: string;
  /** One category, or all of them (with "all-crime"). */
  category: string | 'all';
  period?: Period;
}

/** Every police.uk category in display order, then all crime: the rows of `trends --all`. */
export const ALL_POLICE_MEASURES = [...CURRENT_CATEGORIES, ALL_CRIME].map((c) =>
  policeMeasure(c as CategoryChoice),
);

export async function trends(
  db: Db,
  scope: Scope,
  request: TrendsRequest,
): Promise<TrendDocument[]> {
  const measures =
    request.category === 'all'
      ? ALL_POLICE_MEASURES
      : [policeMeasure(parseCategoryChoice(request.category))];
  const area = await findArea(db, request.area);
  const [input] = await streetAreaCounts(db, scope, [area]);
  const period = request.period ?? latestYear(input!.observed);
  if (!period)
    throw new NotFoundError(
      `the store holds no police.uk street data for ${area.name}; import its force's files first`,
    );
  return trendDocuments(input!, measures, period, { notTested: (m) => m.key === ALL_CRIME });
}
