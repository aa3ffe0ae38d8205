/**
 * `lantern exceptions`: every observed month of an area's history for a police.uk category with
 * its expected count and the 99.8% limit (analysis/exception-report.ts).
 */
import { exceptionsReport, type ExceptionsReport } from '../analysis/exception-report.js';
import { policeMeasure } from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import type { Scope } from '../domain/scope.js';
import { NotFoundError } from '../errors.js';
import { findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { streetAreaCounts } from './street-area-counts.js';

export type { ExceptionsReport };

export async function findExceptions(
  db: Db,
  scope: Scope,
  request: { area: string; category: string },
): Promise<ExceptionsReport> {
  const measure = policeMeasure(parseCategoryChoice(request.category));
  const area = await findArea(db, request.area);
  const [input] = await streetAreaCounts(db, scope, [area]);
  if (input!.observed.length === 0)
    throw new NotFoundError(`the store holds no street data for ${area.name}`);
  return exceptionsReport(input!, measure);
}
