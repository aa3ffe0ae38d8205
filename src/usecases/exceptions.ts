/**
 * `lantern exceptions`: every observed month of an area's history for a police.uk category with
 * its expected count and the 99.8% range expected for it (analysis/exception-report.ts).
 */
import { exceptionsReport, type ExceptionsReport } from '../analysis/exception-report.js';
import { measureInput, type Measure } from '../domain/area-counts.js';
import { policeMeasure } from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import type { Scope } from '../domain/scope.js';
import { DEFAULT_DISCLOSURE_POLICY, isSmallCount } from '../domain/disclosure/table.js';
import { ForbiddenError, InputError, NotFoundError } from '../errors.js';
import { resolveArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { datasetMeasures, datasetNamed, partnerAreaCounts } from './partner-area-counts.js';
import { partnerTotalsStatus } from './partner-totals-disclosure.js';
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
    const read = await partnerAreaCounts(db, scope, dataset, [area]);
    const [measure] = datasetMeasures(dataset, request.category, read.synthetic);
    // The months its count is held (a partner file may not give it: unknown, not zero).
    const inputs = read.inputs.map((i) => measureInput(i, measure as Measure));
    if (inputs[0]!.observed.length === 0)
      throw new NotFoundError(`the store holds no ${dataset.name} data for ${area.name}`);
    const report = exceptionsReport(inputs[0]!, measure as Measure);
    if (dataset.sensitivity !== 'restricted') return report;
    const policy = DEFAULT_DISCLOSURE_POLICY;
    const { threshold } = policy;
    // A restricted dataset's counts from 1 to 4 are shown to no one (issue 20 item 4); month by
    // month, with the period totals trends gives, any one of them could be worked out. Nor is a
    // month trends holds back to protect one (of another category of the month, or of another
    // district of the force: partner-totals-disclosure.ts), which would give it back.
    const refuse = (why: string) =>
      new ForbiddenError(
        `${dataset.name} is a restricted dataset and ${area.name}'s months ${why}: its months are not listed one by one; lantern trends --dataset ${dataset.name} gives its totals, with small counts as "fewer than ${threshold}"`,
      );
    if (report.months.some((m) => m.observed !== null && isSmallCount(m.observed, policy)))
      throw refuse(`hold counts from 1 to ${threshold - 1}, which are shown to no one`);
    const status = (
      await partnerTotalsStatus(db, scope, dataset, [area], inputs[0]!.observed, policy)
    ).get(area.code)!;
    const key = (measure as Measure).key;
    if (inputs[0]!.observed.some((m) => (status.get(`${key}:${m}`) ?? 'shown') !== 'shown'))
      throw refuse(
        `include one held back because it would give away a count from 1 to ${threshold - 1} (of another category of the month, or of another district)`,
      );
    return report;
  }
  if (!request.category) throw new InputError('exceptions: ⟨category⟩ is required');
  const measure = policeMeasure(parseCategoryChoice(request.category));
  const [input] = await streetAreaCounts(db, scope, [area]);
  if (input!.observed.length === 0)
    throw new NotFoundError(`the store holds no street data for ${area.name}`);
  return exceptionsReport(input!, measure);
}
