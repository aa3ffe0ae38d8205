/**
 * Trends for one area: for each measure, the counts by month over a period, the comparison with
 * the same months of the nearest earlier complete year (analysis/comparison-period.ts), the exact
 * test of the change (analysis/compare-counts.ts), and the rate per 1,000 residents with the
 * population it uses. When several measures are tested at once, p-values are also given adjusted
 * by Holm's method; "all crime" is a sum of the others, not a separate test, and is left out of
 * the adjustment.
 */
import type { AreaCounts, AreaSummary, Measure } from '../domain/area-counts.js';
import {
  measurePeriodTotal,
  measureSeries,
  populationAt,
  wholePeriodOnly,
} from '../domain/area-counts.js';
import type { Population } from '../domain/area.js';
import { monthFromIndex, monthIndex, monthsIn, type Month, type Period } from '../domain/month.js';
import { compareCounts, type CountComparison } from './compare-counts.js';
import { chooseComparison, type ComparisonChoice } from './comparison-period.js';
import { holm } from './multiple-testing.js';
import { readComparison } from './reading.js';

export interface TrendDocument {
  area: AreaSummary;
  category: string;
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
  /** With several measures: the p-value adjusted for testing all of them (Holm). */
  pValueAdjusted?: number | null;
  adjustment?: 'holm';
  ratePer1000: number | null;
  population: Population | null;
  months: { month: Month; count: number | null }[];
  reading: string;
  notes: string[];
}

export interface TrendOptions {
  /** Default: the latest twelve months held. */
  period?: Period;
  /** A measure summing others (e.g. all crime), shown but not counted as a separate test. */
  notTested?: (measure: Measure) => boolean;
}

/** The latest twelve months ending with the last month held; null when nothing is held. */
export function latestYear(observed: readonly Month[]): Period | null {
  const last = observed[observed.length - 1];
  return last ? { from: monthFromIndex(monthIndex(last) - 11), to: last } : null;
}

export function trendDocuments(
  input: AreaCounts,
  measures: readonly Measure[],
  period: Period,
  options: Omit<TrendOptions, 'period'> = {},
): TrendDocument[] {
  const observed = new Set(input.observed);
  const choice = chooseComparison(period, observed);
  const population = populationAt(input.populations, Number(period.to.slice(0, 4)));
  const whole = wholePeriodOnly(input, period);
  const docs = measures.map((measure) => {
    if (whole) return wholePeriodDocument(input, measure, period, population);
    const series = measureSeries(input, measure);
    const months = monthsIn(period).map((month) => ({ month, count: series.get(month) ?? null }));
    const current = months.reduce((n, m) => n + (m.count ?? 0), 0);
    const previous = choice
      ? choice.previousMonths.reduce((n, m) => n + (series.get(m) ?? 0), 0)
      : null;
    const comparison = previous === null ? null : compareCounts(current, previous);
    return document(input.area, measure, period, choice, months, current, comparison, population);
  });
  if (docs.length > 1) {
    const tested = docs.filter(
      (d, i) => d.pValue !== null && !options.notTested?.(measures[i] as Measure),
    );
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
  area: AreaSummary,
  measure: Measure,
  period: Period,
  choice: ComparisonChoice | null,
  months: { month: Month; count: number | null }[],
  current: number,
  comparison: CountComparison | null,
  population: Population | null,
): TrendDocument {
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
  notes.push(...measure.caveats);
  if (population) {
    notes.push(
      `Rate per 1,000 residents over the period, using ${population.year} population (${population.source}).`,
    );
  }
  return {
    area: { code: area.code, name: area.name, type: area.type },
    category: measure.key,
    label: measure.label,
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
          measure.label,
          comparison,
          `${choice?.period.from}..${choice?.period.to} vs ${period.from}..${period.to}`,
        )
      : `${measure.label}: ${current} in ${period.from}..${period.to}; no earlier complete period to compare with.`,
    notes,
  };
}

/**
 * A period held only as a whole (DEFRA's annual table): its total against the same period of the
 * nearest earlier year whose total is held, tested the same way; no monthly detail.
 */
function wholePeriodDocument(
  input: AreaCounts,
  measure: Measure,
  period: Period,
  population: Population | null,
): TrendDocument {
  const current = measurePeriodTotal(input, measure, period) as number;
  let previous: number | null = null;
  let previousPeriod: Period | null = null;
  for (let years = 1; years <= 10 && previous === null; years++) {
    const earlier = {
      from: monthFromIndex(monthIndex(period.from) - 12 * years),
      to: monthFromIndex(monthIndex(period.to) - 12 * years),
    };
    previous = measurePeriodTotal(input, measure, earlier);
    if (previous !== null) previousPeriod = earlier;
  }
  const comparison = previous === null ? null : compareCounts(current, previous);
  const doc = document(
    input.area,
    measure,
    period,
    previousPeriod
      ? { period: previousPeriod, currentMonths: [], previousMonths: [], yearsBack: 1 }
      : null,
    [],
    current,
    comparison,
    population,
  );
  doc.notes = doc.notes.filter((n) => !n.startsWith('No earlier complete set'));
  doc.notes.unshift(
    'Whole-period figures (an annual table): no monthly detail; compared with the same period of the nearest earlier year held.',
  );
  if (!previousPeriod)
    doc.notes.push('No earlier period of the same length is held: no comparison.');
  return doc;
}
