/**
 * `lantern overview`: every police.uk category for every district of a force or CSP at once —
 * each district's trends (with Holm-adjusted p-values), the districts compared for each category,
 * and each district's exceptions for each category — from one aggregation scan of the store.
 * The same engine as `trends`, `compare` and `exceptions`, so each figure here equals theirs.
 */
import { compareAcross, type AreaComparison } from '../analysis/area-comparison.js';
import { exceptionsReport, type ExceptionsReport } from '../analysis/exception-report.js';
import { latestYear, trendDocuments, type TrendDocument } from '../analysis/trend-table.js';
import type { AreaSummary } from '../domain/area-counts.js';
import { ALL_CRIME } from '../domain/categories.js';
import type { Discontinuity } from '../domain/discontinuities.js';
import { requireSomeMonthHeld } from '../domain/held-months.js';
import type { Month, Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { InputError, NotFoundError } from '../errors.js';
import { districtAreasWithin, resolveArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { streetAreaCounts } from './street-area-counts.js';
import { ALL_POLICE_MEASURES } from './trends.js';

export interface PartnershipOverview {
  within: AreaSummary;
  period: Period;
  districts: AreaSummary[];
  categories: { key: string; label: string }[];
  /** Per district, one document per category (as `trends --all`). */
  trends: TrendDocument[][];
  /** Per category, the districts compared (as `compare`). */
  comparisons: AreaComparison[];
  /** Per district and category (as `exceptions`). */
  exceptions: ExceptionsReport[];
  /** Exceptions falling inside the period: district, category, month. */
  exceptionsInPeriod: { area: string; category: string; month: Month }[];
  /**
   * District and category whose months in the period could not be tested for exceptions, and
   * why (too few months held): none of their months counts as "no exception".
   */
  exceptionsNotTested: { area: string; category: string; reason: string }[];
}

export async function partnershipOverview(
  db: Db,
  scope: Scope,
  request: { within: string; period?: Period; discontinuities: readonly Discontinuity[] },
): Promise<PartnershipOverview> {
  const within = await resolveArea(db, request.within);
  const districts = await districtAreasWithin(db, within.code);
  if (districts.length === 0) throw new InputError(`overview: ${within.name} holds no districts`);
  const inputs = await streetAreaCounts(db, scope, districts);
  const held = [...new Set(inputs.flatMap((i) => i.observed))].sort();
  const period = request.period ?? latestYear(held);
  if (!period)
    throw new NotFoundError(
      `the store holds no police.uk street data for ${within.name}; import its force's files first`,
    );
  requireSomeMonthHeld(period, held, `police.uk street data of ${within.name}`);
  const { discontinuities } = request;
  const measures = ALL_POLICE_MEASURES;
  const trends = inputs.map((input) =>
    trendDocuments(input, measures, period, {
      notTested: (m) => m.key === ALL_CRIME,
      discontinuities,
    }),
  );
  const comparisons = measures.map((m) =>
    compareAcross(`districts of ${within.name}`, inputs, m, period),
  );
  const exceptions = inputs.flatMap((input) => measures.map((m) => exceptionsReport(input, m)));
  const exceptionsInPeriod = exceptions.flatMap((e) =>
    e.exceptions
      .filter((month) => month >= period.from && month <= period.to)
      .map((month) => ({ area: e.area.code, category: e.category, month })),
  );
  const exceptionsNotTested = exceptions.flatMap((e) => {
    const inPeriod = e.months.filter((m) => m.month >= period.from && m.month <= period.to);
    if (e.notTested === null && inPeriod.some((m) => m.exception !== null)) return [];
    return [
      {
        area: e.area.code,
        category: e.category,
        reason:
          e.notTested ?? 'no month of the period could be assessed against its expected range',
      },
    ];
  });
  return {
    within: { code: within.code, name: within.name, type: within.type },
    period,
    districts: inputs.map((i) => i.area),
    categories: measures.map((m) => ({ key: m.key, label: m.label })),
    trends,
    comparisons,
    exceptions,
    exceptionsInPeriod,
    exceptionsNotTested,
  };
}
