/**
 * `lantern exceptions`: every observed month of an area's history for a police.uk category with
 * its expected count and the 99.8% range expected for it (analysis/exception-report.ts).
 */
import { exceptionsReport, type ExceptionsReport } from '../analysis/exception-report.js';
import type { Measure } from '../domain/area-counts.js';
import { policeMeasure } from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import type { Scope } from '../domain/scope.js';
import { InputError, NotFoundError } from '../errors.js';
import { resolveArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { datasetMeasures, datasetNamed, partnerAreaCounts } from './partner-area-counts.js';
import { streetAreaCounts } from './street-area-counts.js';

export type { ExceptionsReport };

export async function findExceptions(
  db: Db,
  scope: Scope,
  request: { area: string; category?: string; dataset?: string },
): Promise<ExceptionsReport> {
  const area = await resolveArea(db, request.area);
  if (request.dataset) {
    const dataset = datasetNamed(request.dataset);
    const { inputs, synthetic } = await partnerAreaCounts(db, scope, dataset, [area]);
    const [measure] = datasetMeasures(dataset, request.category, synthetic);
    if (inputs[0]!.observed.length === 0)
      throw new NotFoundError(`the store holds no ${dataset.name} data for ${area.name}`);
    return exceptionsReport(inputs[0]!, measure as Measure);
  }
  if (!request.category) throw new InputError('exceptions: ⟨category⟩ is required');
  const measure = policeMeasure(parseCategoryChoice(request.category));
  const [input] = await streetAreaCounts(db, scope, [area]);
  if (input!.observed.length === 0)
    throw new NotFoundError(`the store holds no street data for ${area.name}`);
  return exceptionsReport(input!, measure);
}
