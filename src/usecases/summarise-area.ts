/**
 * `lantern summary`: street records of an area by category and month over a period, with every
 * month marked observed or missing. Missing months are null, never zero, and totals add up only
 * observed months. ASB is counted apart from crime.
 */
import type { AreaType, Population } from '../domain/area.js';
import { ASB, CURRENT_CATEGORIES, isCategory, type Category } from '../domain/categories.js';
import { monthRunsText, periodCoverage, requireSomeMonthHeld } from '../domain/held-months.js';
import { monthsIn, type Month, type Period } from '../domain/month.js';
import type { WithheldAs } from '../analysis/trend-table.js';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../domain/disclosure/table.js';
import { forTotals, type Scope } from '../domain/scope.js';
import { areaAccessLevel } from '../store/area-access.js';
import { NotFoundError } from '../errors.js';
import { findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { populationFor } from '../store/populations.js';
import {
  observedStreetMonths,
  streetCountsByCategoryMonth,
  uncountedStreetRecords,
  type UncountedRecords,
} from '../store/street-counts.js';

export interface MonthStatus {
  month: Month;
  status: 'observed' | 'missing';
}

export interface CategorySummary {
  category: Category;
  /** Null only when disclosure control holds it back (`totalWithheld`). */
  total: number | null;
  /** Null for a month not held, or held back by disclosure control (`withheld`). */
  byMonth: Record<Month, number | null>;
  /** Months held back by disclosure control (a totals-only caller), and as what. */
  withheld?: Record<Month, WithheldAs>;
  totalWithheld?: WithheldAs;
}

export interface AreaSummary {
  area: { code: string; name: string; type: AreaType };
  period: Period;
  months: MonthStatus[];
  categories: CategorySummary[];
  /**
   * Each month's crime (every category but ASB): null for a month not held, or held back by
   * disclosure control (`disclosure.monthCrime`). Never the sum of the categories shown.
   */
  crimeByMonth: Record<Month, number | null>;
  /** Totals over observed months: crime excludes ASB (null: held back by disclosure control). */
  totals: { crime: number | null; asb: number | null };
  population: Population | null;
  /** How much of the period is held ("6 of 12 months held: January to June 2025"). */
  coverage: { months: number; held: number; partial: boolean; words: string | null };
  /** Records related to the area but not in its counts, by reason (see notes); null: not given. */
  uncounted: UncountedRecords | null;
  notes: string[];
  /**
   * Present when the counts went through disclosure control (a caller who sees the area in
   * aggregate only, usecases/summary-disclosure.ts): the crime total's and each month's crime
   * total's status, when held back.
   */
  disclosure?: {
    threshold: number;
    crime: WithheldAs | null;
    monthCrime: Record<Month, WithheldAs>;
  };
}

export interface SummaryRequest {
  area: string;
  areaType?: AreaType;
  /** Defaults to the first to the last month the store holds for the area. */
  period?: Period;
  /** Disclosure control of what a totals-only caller sees (config/disclosure.yaml). */
  disclosure?: DisclosurePolicy;
}

/**
 * The summary of an area. A caller who sees the area in aggregate only gets its counts after
 * disclosure control (usecases/summary-disclosure.ts); the store admits the read only for that.
 */
export async function summariseArea(
  db: Db,
  given: Scope,
  request: SummaryRequest,
): Promise<AreaSummary> {
  const area = await findArea(db, request.area, request.areaType);
  if (!given.totals && (await areaAccessLevel(db, given, area.code)) === 'aggregate') {
    const { discloseSummary } = await import('./summary-disclosure.js');
    const { policeTotalsStatus } = await import('./police-totals-disclosure.js');
    const { disclosure, ...rest } = request;
    const policy = disclosure ?? DEFAULT_DISCLOSURE_POLICY;
    const full = await summariseArea(db, forTotals(given), rest);
    // Protected with the other areas of the force the caller sees (a force less its other
    // districts is the district left), as trends are.
    const observed = full.months.filter((m) => m.status === 'observed').map((m) => m.month);
    const place = { code: area.code, name: area.name, type: area.type };
    const status = await policeTotalsStatus(db, given, [place], observed, policy);
    return discloseSummary(full, policy, status.get(area.code));
  }
  const scope = given;
  const ref = { code: area.code, type: area.type };
  const observed = new Set(await observedStreetMonths(db, scope, ref));
  const period = request.period ?? defaultPeriod(observed, area.name);
  requireSomeMonthHeld(period, observed, `police.uk street data of ${area.name}`);
  const months = monthsIn(period).map((month): MonthStatus => ({
    month,
    status: observed.has(month) ? 'observed' : 'missing',
  }));
  const counts = await streetCountsByCategoryMonth(db, scope, ref, period);
  const population = await populationFor(db, area.code, Number(period.to.slice(0, 4)));
  const coverage = periodCoverage(period, observed);
  const uncounted = await uncountedStreetRecords(db, scope, ref, period);
  const present = new Set(counts.map((c) => c.category));
  const categories = [...CURRENT_CATEGORIES, ...[...present].filter(isCategory)]
    .filter((c, i, all) => all.indexOf(c) === i)
    .map((category) => summariseCategory(category, months, counts));
  const totals = {
    crime: categories.filter((c) => c.category !== ASB).reduce((n, c) => n + (c.total ?? 0), 0),
    asb: categories.find((c) => c.category === ASB)?.total ?? 0,
  };
  const crimeByMonth: Record<Month, number | null> = {};
  for (const { month, status } of months)
    crimeByMonth[month] =
      status === 'missing'
        ? null
        : categories
            .filter((c) => c.category !== ASB)
            .reduce((n, c) => n + (c.byMonth[month] ?? 0), 0);
  return {
    area: { code: area.code, name: area.name, type: area.type },
    period,
    months,
    categories,
    crimeByMonth,
    totals,
    population,
    coverage: {
      months: coverage.months,
      held: coverage.held,
      partial: coverage.partial,
      words: coverage.words,
    },
    notes: [
      ...notesFor(months),
      ...uncountedNote(uncounted, area.name, area.type),
      ...populationNote(population, area.name, period),
    ],
    uncounted,
  };
}

function summariseCategory(
  category: Category,
  months: readonly MonthStatus[],
  counts: readonly { category: string; month: Month; count: number }[],
): CategorySummary {
  const byMonth: Record<Month, number | null> = {};
  let total = 0;
  for (const { month, status } of months) {
    if (status === 'missing') {
      byMonth[month] = null;
      continue;
    }
    const n = counts.find((c) => c.category === category && c.month === month)?.count ?? 0;
    byMonth[month] = n;
    total += n;
  }
  return { category, total, byMonth };
}

function defaultPeriod(observed: ReadonlySet<Month>, name: string): Period {
  const sorted = [...observed].sort();
  const from = sorted[0];
  const to = sorted[sorted.length - 1];
  if (!from || !to) {
    throw new NotFoundError(
      `the store holds no police.uk street data for ${name}; import its force's files first`,
    );
  }
  return { from, to };
}

function uncountedNote(u: UncountedRecords, name: string, type: AreaType): string[] {
  const n = (x: number) => x.toLocaleString('en-GB');
  if (type === 'force' && u.noLocation + u.outsideArea + u.notPlaced > 0) {
    return [
      `Not counted here, though published by the force for these months: ${n(u.noLocation)} records with no ` +
        `location, ${n(u.outsideArea)} placed in districts outside ${name}, ${n(u.notPlaced)} whose LSOA is not in the register.`,
    ];
  }
  if ((type === 'ward' || type === 'lsoa') && u.unlistedLsoa > 0) {
    return [
      `${n(u.unlistedLsoa)} records of the district in these months carry LSOA codes the register lacks ` +
        `(new 2021 LSOAs): they count in the district but in no ${type}.`,
    ];
  }
  return [];
}

function populationNote(population: Population | null, name: string, period: Period): string[] {
  if (population === null) {
    return [
      `No population of ${name} is held for a year up to ${period.to.slice(0, 4)}: no rate can be given.`,
    ];
  }
  return [
    `Population: ${population.count.toLocaleString('en-GB')} (${population.year}, ${population.source}), ` +
      `the year held nearest to the period's end.`,
  ];
}

function notesFor(months: readonly MonthStatus[]): string[] {
  const notes = ['Crime totals exclude anti-social behaviour (ASB), which is counted separately.'];
  const missing = months.filter((m) => m.status === 'missing').length;
  if (missing > 0) {
    notes.push(
      `Partial period: ${months.length - missing} of ${months.length} months held. The ${missing} missing (${monthRunsText(months.filter((m) => m.status === 'missing').map((m) => m.month))}) are unknown, not zero, and are left out of totals.`,
    );
  }
  return notes;
}
