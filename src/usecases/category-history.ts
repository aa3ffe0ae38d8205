/**
 * An area's whole observed history of one category, month by month: the input of the seasonal
 * model (exceptions) and of forecasts. Only observed months appear; missing months are not zeros.
 */
import { inCategory, type CategoryChoice } from '../domain/categories.js';
import type { Month } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { NotFoundError } from '../errors.js';
import type { AreaRow } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { observedStreetMonths, streetCountsByCategoryMonth } from '../store/street-counts.js';

export interface CategoryHistory {
  period: { from: Month; to: Month };
  history: { month: Month; count: number }[];
}

export async function categoryHistory(
  db: Db,
  scope: Scope,
  area: AreaRow,
  category: CategoryChoice,
): Promise<CategoryHistory> {
  const ref = { code: area.code, type: area.type };
  const observed = await observedStreetMonths(db, scope, ref);
  const from = observed[0];
  const to = observed[observed.length - 1];
  if (!from || !to) throw new NotFoundError(`the store holds no street data for ${area.name}`);
  const counts = await streetCountsByCategoryMonth(db, scope, ref, { from, to });
  const byMonth = new Map<Month, number>();
  for (const r of counts) {
    if (inCategory(category, r.category))
      byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.count);
  }
  return {
    period: { from, to },
    history: observed.map((month) => ({ month, count: byMonth.get(month) ?? 0 })),
  };
}
