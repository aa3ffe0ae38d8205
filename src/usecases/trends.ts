/**
 * `lantern trends`: for an area and a category (or every category), the counts by month over a
 * period, the comparison with the same months of the nearest earlier complete year, the exact
 * test of the change, and the rate per 1,000 residents with the population it uses. With many
 * categories, p-values are also given adjusted by Holm's method.
 */
import { compareCounts, type CountComparison } from '../analysis/compare-counts.js';
import { chooseComparison } from '../analysis/comparison-period.js';
import { holm } from '../analysis/multiple-testing.js';
import { readComparison } from '../analysis/reading.js';
import type { AreaType, Population } from '../domain/area.js';
import {
  ALL_CRIME,
  ASB,
  categoryLabel,
  CURRENT_CATEGORIES,
  inCategory,
  type CategoryChoice,
} from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import { monthFromIndex, monthIndex, monthsIn, type Month, type Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { NotFoundError } from '../errors.js';
import { findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { populationFor } from '../store/populations.js';
import { observedStreetMonths, streetCountsByCategoryMonth } from '../store/street-counts.js';

/** A police.uk category slug, or "all-crime": every category but ASB. */
export type TrendCategory = CategoryChoice;
export { ALL_CRIME };

export interface TrendDocument {
  area: { code: string; name: string; type: AreaType };
  category: TrendCategory;
  label: string;
  period: Period;
  comparisonPeriod: Period | null;
  current: number;
  previous: number | null;
  change: number | null;
  changePct: number | null;
  rateRatio: number | null;
  ci95: [number, number | null] | null;
  pValue: number | null;
  /** With --all: the p-value adjusted for testing every category (Holm). */
  pValueAdjusted?: number | null;
  adjustment?: 'holm';
  ratePer1000: number | null;
  population: Population | null;
  months: { month: Month; count: number | null }[];
  reading: string;
  notes: string[];
}

export interface TrendsRequest {
  area: string;
  /** One category, or all of them (with "all-crime"). */
  category: string | 'all';
  period?: Period;
}

export async function trends(
  db: Db,
  scope: Scope,
  request: TrendsRequest,
): Promise<TrendDocument[]> {
  const area = await findArea(db, request.area);
  const ref = { code: area.code, type: area.type };
  const observed = new Set(await observedStreetMonths(db, scope, ref));
  const period = request.period ?? latestYear(observed, area.name);
  const choice = chooseComparison(period, observed);
  const from = choice ? choice.period.from : period.from;
  const counts = await streetCountsByCategoryMonth(db, scope, ref, { from, to: period.to });
  const population = await populationFor(db, area.code, Number(period.to.slice(0, 4)));
  const categories: CategoryChoice[] =
    request.category === 'all'
      ? [...CURRENT_CATEGORIES, ALL_CRIME]
      : [parseCategoryChoice(request.category)];
  const countOf = (category: CategoryChoice, month: Month) =>
    counts
      .filter((r) => r.month === month && inCategory(category, r.category))
      .reduce((n, r) => n + r.count, 0);
  const docs = categories.map((category) => {
    const months = monthsIn(period).map((month) => ({
      month,
      count: observed.has(month) ? countOf(category, month) : null,
    }));
    const current = months.reduce((n, m) => n + (m.count ?? 0), 0);
    const previous = choice
      ? choice.previousMonths.reduce((n, m) => n + countOf(category, m), 0)
      : null;
    const comparison = previous === null ? null : compareCounts(current, previous);
    return document(area, category, period, choice, months, current, comparison, population);
  });
  if (docs.length > 1) {
    const tested = docs.filter((d) => d.pValue !== null && d.category !== ALL_CRIME);
    const adjusted = holm(tested.map((d) => d.pValue as number));
    for (const d of docs) {
      d.adjustment = 'holm';
      const i = tested.indexOf(d);
      d.pValueAdjusted = i === -1 ? null : (adjusted[i] as number);
    }
  }
  return docs;
}

function document(
  area: { code: string; name: string; type: AreaType },
  category: CategoryChoice,
  period: Period,
  choice: ReturnType<typeof chooseComparison>,
  months: { month: Month; count: number | null }[],
  current: number,
  comparison: CountComparison | null,
  population: Population | null,
): TrendDocument {
  const label = categoryLabel(category);
  const missing = months.filter((m) => m.count === null).map((m) => m.month);
  const notes: string[] = [];
  if (missing.length > 0)
    notes.push(`Missing from the store (unknown, not zero; not compared): ${missing.join(', ')}.`);
  if (choice && choice.yearsBack > 1) {
    notes.push(
      `The same months ${choice.yearsBack} years earlier are compared: the years between are not complete in the store.`,
    );
  }
  if (!choice)
    notes.push('No earlier complete set of the same months is held: no comparison can be made.');
  if (category === ASB)
    notes.push(
      'ASB is under-reported: recorded incidents are a fraction of what residents experience.',
    );
  if (population) {
    notes.push(
      `Rate per 1,000 residents over the period, using ${population.year} population (${population.source}).`,
    );
  }
  return {
    area,
    category,
    label,
    period,
    comparisonPeriod: choice?.period ?? null,
    current,
    previous: comparison?.previous ?? null,
    change: comparison?.change ?? null,
    changePct: comparison?.changePct ?? null,
    rateRatio: comparison?.rateRatio ?? null,
    ci95: comparison?.ci95 ?? null,
    pValue: comparison?.pValue ?? null,
    ratePer1000: population && population.count > 0 ? (current / population.count) * 1000 : null,
    population,
    months,
    reading: comparison
      ? readComparison(
          label,
          comparison,
          `${choice?.period.from}..${choice?.period.to} vs ${period.from}..${period.to}`,
        )
      : `${label}: ${current} in ${period.from}..${period.to}; no earlier complete period to compare with.`,
    notes,
  };
}

function latestYear(observed: ReadonlySet<Month>, name: string): Period {
  const last = [...observed].sort().pop();
  if (!last)
    throw new NotFoundError(
      `the store holds no police.uk street data for ${name}; import its force's files first`,
    );
  return { from: monthFromIndex(monthIndex(last) - 11), to: last };
}
