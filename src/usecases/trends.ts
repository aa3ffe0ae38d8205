/**
 * `lantern trends`: for an area and a police.uk category (or every category), the counts by
 * month over a period, the comparison with the same months of the nearest earlier complete year,
 * the exact test of the change, and the rate per 1,000 residents (analysis/trend-table.ts).
 */
import { discloseTrendsByMonth } from '../analysis/trend-disclosure.js';
import {
  latestYear,
  trendDocuments,
  type DisclosedTrendDocument,
  type TrendDocument,
} from '../analysis/trend-table.js';
import {
  ALL_CRIME,
  CURRENT_CATEGORIES,
  policeMeasure,
  type CategoryChoice,
} from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import type { AreaCounts, AreaSummary, Measure } from '../domain/area-counts.js';
import { requireSomeMonthHeld } from '../domain/held-months.js';
import type { Month, Period } from '../domain/month.js';
import {
  latestPublicPeriod,
  publicPeriodProblem,
  publicPeriodPlainWords,
  type PublicPeriodRule,
} from '../domain/disclosure/public-period.js';
import type { Discontinuity } from '../domain/discontinuities.js';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../domain/disclosure/table.js';
import { forTotals, type Scope } from '../domain/scope.js';
import { InputError, NotFoundError } from '../errors.js';
import { areaAccessLevel } from '../store/area-access.js';
import { resolveArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { datasetMeasures, datasetNamed, partnerAreaCounts } from './partner-area-counts.js';
import { policeTotalsStatus } from './police-totals-disclosure.js';
import { partnerTotalsStatus } from './partner-totals-disclosure.js';
import { streetAreaCounts } from './street-area-counts.js';

export type { DisclosedTrendDocument, TrendDocument };
export { basisPhrase, basisWords } from '../analysis/trend-table.js';
export { ALL_CRIME };

export interface TrendsRequest {
  area: string;
  /** One category, or all of them (with "all-crime", or a dataset's "total"). */
  category?: string | 'all';
  period?: Period;
  /** A partner dataset instead of police.uk street records. */
  dataset?: string;
  /** Known breaks in the series (the discontinuities setting, loaded at the edge). */
  discontinuities: readonly Discontinuity[];
  /** Disclosure control of what a totals-only caller sees (config/disclosure.yaml). */
  disclosure?: DisclosurePolicy;
  /**
   * For a public output (the public page, a briefing pack): the period must be one the rule
   * allows (domain/disclosure/public-period.ts), and when none is given it is the latest that is.
   */
  publicPeriod?: PublicPeriodRule;
}

/** A public output asked for a period its rule does not allow, or no such period is held. */
export class PublicPeriodError extends InputError {}

function publicPeriodOf(
  rule: PublicPeriodRule,
  asked: Period | undefined,
  observed: readonly Month[],
  place: string,
): Period {
  if (asked) {
    const problem = publicPeriodProblem(asked, rule, observed);
    if (problem)
      throw new PublicPeriodError(`--period ${asked.from}..${asked.to}: ${problem}`, {
        field: 'period',
      });
    return asked;
  }
  const latest = latestPublicPeriod(observed, rule);
  if (!latest)
    throw new PublicPeriodError(
      `We publish figures for ${publicPeriodPlainWords(rule)} only, so that small numbers cannot be worked out by comparing one year's figures with another's. We do not yet hold a whole year of figures for ${place}.`,
      { field: 'period' },
    );
  return latest;
}

/**
 * Trends before disclosure control, for a use case that applies its own to everything it shows
 * (the briefing pack, by quarter): the store admits a totals-only caller's read for it too.
 */
export async function trendsForOwnDisclosure(
  db: Db,
  given: Scope,
  request: TrendsRequest,
): Promise<TrendDocument[]> {
  return (await trendsOf(db, given, request)).docs;
}

/** Every police.uk category in display order, then all crime: the rows of `trends --all`. */
export const ALL_POLICE_MEASURES = [...CURRENT_CATEGORIES, ALL_CRIME].map((c) =>
  policeMeasure(c as CategoryChoice),
);

/**
 * Trends of an area. A caller who sees the area in aggregate only (a grant at that level, or a
 * viewer) gets its totals by category and month after disclosure control
 * (analysis/trend-disclosure.ts); the store admits the read only for that (Scope.totals). A
 * restricted dataset (prevent, domestic-abuse) goes through the same control for every caller:
 * its counts from 1 to 4 are "fewer than 5" even to those granted it (issue 20 item 4), each
 * month protected on its own whatever period is asked.
 */
export async function trends(
  db: Db,
  given: Scope,
  request: TrendsRequest,
): Promise<DisclosedTrendDocument[]> {
  const { docs, aggregate, restricted, area } = await trendsOf(db, given, request);
  if (!aggregate && !restricted) return docs.map(unknownWhereNoneHeld);
  const policy = request.disclosure ?? DEFAULT_DISCLOSURE_POLICY;
  // Police.uk counts: protected with the other areas of the force the caller sees, which a force's
  // counts add up (usecases/police-totals-disclosure.ts).
  if (aggregate && !request.dataset) {
    const status = await policeTotalsStatus(db, given, [area], trendMonths(docs), policy);
    return discloseTrendsByMonth(docs, status.get(area.code)!, policy);
  }
  // A totals-only caller, and any caller of a restricted dataset, chooses the periods and the
  // areas: answered month by month, so that no two answers can be subtracted
  // (domain/disclosure/by-month.ts), and with the other areas of the force
  // (usecases/partner-totals-disclosure.ts); an area in no force is protected on its own.
  const statuses = await partnerTotalsStatus(
    db,
    given,
    datasetNamed(request.dataset!),
    [area],
    trendMonths(docs),
    policy,
  );
  const status = statuses.get(area.code)!;
  return discloseTrendsByMonth(
    docs,
    status,
    policy,
    aggregate ? 'totals only' : 'restricted dataset',
  ).map(unknownWhereNoneHeld);
}

/**
 * A measure none of whose months in the period is held (a partner count the files do not give)
 * has no total: unknown, not 0 (and so no rate).
 */
function unknownWhereNoneHeld(doc: DisclosedTrendDocument): DisclosedTrendDocument {
  if (doc.coverage.held > 0 || doc.months.length === 0) return doc;
  return { ...doc, current: null, ratePer1000: null, ratePer1000PerMonth: null };
}

/** Every month a trend's figures are worked from: its own, and those of its comparison. */
export function trendMonths(docs: readonly TrendDocument[]): Month[] {
  const months = new Set<Month>();
  for (const d of docs) {
    for (const m of d.months) months.add(m.month);
    for (const m of d.comparison?.currentMonths ?? []) months.add(m);
    for (const m of d.comparison?.previousMonths ?? []) months.add(m);
  }
  return [...months].sort();
}

async function trendsOf(
  db: Db,
  given: Scope,
  request: TrendsRequest,
): Promise<{
  docs: TrendDocument[];
  aggregate: boolean;
  restricted: boolean;
  area: AreaSummary;
}> {
  const area = await resolveArea(db, request.area);
  const aggregate = (await areaAccessLevel(db, given, area.code)) === 'aggregate';
  const scope = aggregate ? forTotals(given) : given;
  let input: AreaCounts;
  let measures: Measure[];
  let notTested: (m: Measure) => boolean;
  let what: string;
  if (request.dataset) {
    const dataset = datasetNamed(request.dataset);
    const counts = await partnerAreaCounts(db, scope, dataset, [area]);
    input = counts.inputs[0] as AreaCounts;
    measures = datasetMeasures(dataset, request.category, counts.synthetic);
    notTested = (m) => m.key === 'total';
    what = `${dataset.name} data; import a file with lantern import --dataset ${dataset.name}`;
  } else {
    if (!request.category) throw new InputError('trends: give ⟨category⟩ C or ⟨all⟩');
    measures =
      request.category === 'all'
        ? ALL_POLICE_MEASURES
        : [policeMeasure(parseCategoryChoice(request.category))];
    input = (await streetAreaCounts(db, scope, [area]))[0] as AreaCounts;
    notTested = (m) => m.key === ALL_CRIME;
    what = "police.uk street data; import its force's files first";
  }
  const none = `the store holds no ${what.replace(';', ` for ${area.name};`)}`;
  // A public output of an area holding none of the data says so, not that no whole year is held
  // "yet" (a volunteer's hate crime pack for Watford, which holds none: found by QA).
  if (request.publicPeriod && input.observed.length === 0) throw new NotFoundError(none);
  const period = request.publicPeriod
    ? publicPeriodOf(request.publicPeriod, request.period, input.observed, area.name)
    : (request.period ?? latestYear(input.observed));
  if (!period) throw new NotFoundError(none);
  requireSomeMonthHeld(period, input.observed, `${what.split(';')[0]} of ${area.name}`);
  const { discontinuities } = request;
  const docs = trendDocuments(input, measures, period, { notTested, discontinuities });
  const restricted =
    request.dataset !== undefined && datasetNamed(request.dataset).sensitivity === 'restricted';
  return {
    docs,
    aggregate,
    restricted,
    area: { code: area.code, name: area.name, type: area.type },
  };
}
