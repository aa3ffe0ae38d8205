/**
 * Trends for one area: for each measure, the counts by month over a period, the comparison month
 * by month with the same months of an earlier year where both are held
 * (analysis/comparison-period.ts: exactly the months compared are named, and a base that is not
 * the year before is said to be so), the exact test of the change (analysis/compare-counts.ts),
 * and the rate per 1,000 residents with the population (and its year) it uses. A period partly
 * held says so; a comparison touching a known discontinuity (config/discontinuities.yaml) is
 * flagged. When several measures are tested at once, p-values are also given adjusted by Holm's
 * method; "all crime" is a sum of the others, not a separate test, and is left out of the
 * adjustment.
 */
import type { AreaCounts, AreaSummary, Measure } from '../domain/area-counts.js';
import {
  measureInput,
  measurePeriodTotal,
  measureSeries,
  populationAt,
  wholePeriodOnly,
} from '../domain/area-counts.js';
import type { Population } from '../domain/area.js';
import {
  discontinuitiesTouching,
  discontinuityText,
  type Discontinuity,
} from '../domain/discontinuities.js';
import { monthRunsText, periodCoverage, type PeriodCoverage } from '../domain/held-months.js';
import { monthFromIndex, monthIndex, monthsIn, type Month, type Period } from '../domain/month.js';
import { compareCounts, type CountComparison } from './compare-counts.js';
import { chooseComparison } from './comparison-period.js';
import { holm } from './multiple-testing.js';
import { readComparison, type AdjustedVerdict } from './reading.js';

export interface TrendDocument {
  area: AreaSummary;
  category: string;
  label: string;
  period: Period;
  /** The span of the earlier months compared (see comparison for exactly which). */
  comparisonPeriod: Period | null;
  /** Exactly the months compared, pairwise, and how the base was chosen; null when none. */
  comparison: TrendComparison | null;
  /** How much of the period is held ("6 of 12 months held: January to June 2025"). */
  coverage: Omit<PeriodCoverage, 'heldMonths' | 'missingMonths'>;
  /**
   * The total over the period's months held (0 when none is: `coverage.held` says so, as for a
   * partner count the files do not give; a caller that shows it shows it unknown, as trends does).
   */
  current: number;
  /** The total over the earlier months compared. */
  previous: number | null;
  change: number | null;
  changePct: number | null;
  rateRatio: number | null;
  ci95: [number, number | null] | null;
  pValue: number | null;
  /** With several measures: the p-value adjusted for testing all of them (Holm). */
  pValueAdjusted?: number | null;
  adjustment?: 'holm';
  /** Over the months held; `ratePer1000PerMonth` divides it by them. */
  ratePer1000: number | null;
  ratePer1000PerMonth: number | null;
  population: Population | null;
  months: { month: Month; count: number | null }[];
  reading: string;
  notes: string[];
}

/** How a held-back count is shown: "fewer than 5" (small) or "not shown" (would give one away). */
export type WithheldAs = 'fewer than' | 'not shown';

/**
 * A trend as a caller who sees the area in aggregate only gets it, after disclosure control
 * (analysis/trend-disclosure.ts): counts from 1 to threshold − 1, and those that would give one
 * away, are null, and so is anything derived from them (change, test, rate). A TrendDocument is
 * one with nothing held back.
 */
export interface DisclosedTrendDocument extends Omit<
  TrendDocument,
  'current' | 'comparison' | 'months'
> {
  current: number | null;
  comparison: (Omit<TrendComparison, 'current'> & { current: number | null }) | null;
  /** A month's count: null when not held, or when held back (`withheld` says so). */
  months: { month: Month; count: number | null; withheld?: WithheldAs }[];
  /** Present when the figures went through disclosure control. */
  disclosure?: {
    threshold: number;
    /** Why: the caller sees the area as totals only, or the dataset is restricted. */
    reason: DisclosureReason;
    /** How the period's total and the earlier total were held back, if they were. */
    current: WithheldAs | null;
    previous: WithheldAs | null;
  };
}

/** Why figures went through disclosure control for a reader who is not the public. */
export type DisclosureReason = 'totals only' | 'restricted dataset';

export interface TrendComparison {
  /** The months of the period compared, and their counterparts, in the same order. */
  currentMonths: Month[];
  previousMonths: Month[];
  /** "2021-01..2021-02, 2021-04..2021-12": the earlier months compared, as runs. */
  label: string;
  /** "2021", or the months compared when not a whole calendar year. */
  base: string;
  yearsBack: number;
  /**
   * Whether the base is the year immediately before the period (for a period over twelve months,
   * the same months as many whole years back as the period spans, just before it).
   */
  basis: 'previous year' | 'latest earlier year held';
  /** The count over `currentMonths`: what `previous` is compared with. */
  current: number;
  /** Months of the period held but left out: their counterpart is not held. */
  unpaired: Month[];
  /** Known discontinuities touching a month compared, on either side (text with its source). */
  discontinuities: string[];
}

export interface TrendOptions {
  /** Default: the latest twelve months held. */
  period?: Period;
  /** A measure summing others (e.g. all crime), shown but not counted as a separate test. */
  notTested?: (measure: Measure) => boolean;
  /** Known breaks in the series (config/discontinuities.yaml). */
  discontinuities?: readonly Discontinuity[];
  /**
   * False: the rate ratio's interval is not worked out (`ci95` null), for a caller that shows no
   * interval (the assessment): it costs most of the test's arithmetic. Default true.
   */
  interval?: boolean;
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
  const population = populationAt(input.populations, Number(period.to.slice(0, 4)));
  // The months held, as each measure sees them (a partner count a file did not give is missing
  // in its months, domain/area-counts.ts): worked out once for all that see the input's.
  const heldBy = (own: AreaCounts) => {
    const observed = new Set(own.observed);
    return {
      choice: chooseComparison(period, observed),
      whole: wholePeriodOnly(own, period),
      coverage: periodCoverage(period, observed),
    };
  };
  const shared = heldBy(input);
  const docs = measures.map((measure) => {
    const interval = options.interval ?? true;
    const own = measureInput(input, measure);
    const { choice, whole, coverage } = own === input ? shared : heldBy(own);
    if (whole) return wholePeriodDocument(input, measure, period, population, interval);
    const series = measureSeries(input, measure);
    const months = monthsIn(period).map((month) => ({ month, count: series.get(month) ?? null }));
    const current = months.reduce((n, m) => n + (m.count ?? 0), 0);
    let compared: TrendComparison | null = null;
    let comparison: CountComparison | null = null;
    if (choice) {
      const sum = (ms: readonly Month[]) => ms.reduce((n, m) => n + (series.get(m) ?? 0), 0);
      const touched = discontinuitiesTouching(
        options.discontinuities ?? [],
        input.area.code,
        measure.includes,
        [...choice.currentMonths, ...choice.previousMonths],
      );
      compared = {
        currentMonths: choice.currentMonths,
        previousMonths: choice.previousMonths,
        label: choice.label,
        base: baseWords(choice.previousMonths),
        yearsBack: choice.yearsBack,
        basis: choice.adjacent ? 'previous year' : 'latest earlier year held',
        current: sum(choice.currentMonths),
        unpaired: choice.unpaired,
        discontinuities: touched.map(discontinuityText),
      };
      comparison = compareCounts(compared.current, sum(choice.previousMonths), 1, 1, {
        interval,
      });
    }
    return document(
      input.area,
      measure,
      period,
      compared,
      months,
      current,
      comparison,
      population,
      coverage,
    );
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

/** "2021" for a whole calendar year of months, else the months as runs. */
function baseWords(months: readonly Month[]): string {
  const first = months[0];
  if (
    months.length === 12 &&
    first?.endsWith('-01') &&
    months.every((m, i) => m === monthFromIndex(monthIndex(first) + i))
  )
    return first.slice(0, 4);
  return monthRunsText(months);
}

/**
 * "the year before" ("the same months 3 years before, just before the period" for a period over
 * two years) / "the latest earlier year
 * held (4 years before; the years between are not held)".
 */
export function basisWords(c: Pick<TrendComparison, 'basis' | 'yearsBack'>): string {
  if (c.basis === 'previous year')
    return c.yearsBack === 1
      ? 'the year before'
      : `the same months ${c.yearsBack} years before, just before the period`;
  return `the latest earlier year held (${c.yearsBack} years before; the years between are not held)`;
}

/** The same in a parenthesis: "the year before" / "the latest earlier year held, 4 years before". */
export function basisPhrase(c: Pick<TrendComparison, 'basis' | 'yearsBack'>): string {
  return c.basis === 'previous year'
    ? basisWords(c)
    : `the latest earlier year held, ${c.yearsBack} years before`;
}

/** "compared with 2021, the latest earlier year held (…)" / "compared with 2024, the year before". */
export function comparisonWords(c: Pick<TrendComparison, 'base' | 'basis' | 'yearsBack'>): string {
  return `compared with ${c.base}, ${basisWords(c)}`;
}

function document(
  area: AreaSummary,
  measure: Measure,
  period: Period,
  compared: TrendComparison | null,
  months: { month: Month; count: number | null }[],
  current: number,
  comparison: CountComparison | null,
  population: Population | null,
  coverage: PeriodCoverage,
): TrendDocument {
  const missing = months.filter((m) => m.count === null).map((m) => m.month);
  const notes: string[] = [];
  if (coverage.words && months.length > 0)
    notes.push(`Partial period: ${coverage.words}. The figures count only these months.`);
  if (missing.length > 0)
    notes.push(
      `Missing from the store (unknown, not zero; not counted or compared): ${monthRunsText(missing)}.`,
    );
  if (compared) {
    const partial = compared.currentMonths.length < months.length;
    if (compared.yearsBack > 1 || partial) {
      notes.push(
        `Compared month by month: ${monthRunsText(compared.currentMonths)} against ${compared.label} ` +
          `(${compared.currentMonths.length} month${compared.currentMonths.length === 1 ? '' : 's'}), ${basisWords(compared)}.`,
      );
    }
    if (compared.unpaired.length > 0)
      notes.push(
        `Left out of the comparison (held, but the same month ${compared.yearsBack === 1 ? 'a year' : `${compared.yearsBack} years`} earlier is not): ${monthRunsText(compared.unpaired)}.`,
      );
    for (const d of compared.discontinuities)
      notes.push(`The comparison spans a known discontinuity: ${d}. Read the change with care.`);
  } else if (months.length > 0)
    notes.push(
      'No month of the period has the same month of an earlier year held: no comparison can be made.',
    );
  notes.push(...measure.caveats);
  const held = coverage.held;
  const rate =
    population && population.count > 0 && held > 0 ? (current / population.count) * 1000 : null;
  if (population) {
    notes.push(
      `Rate per 1,000 residents over the ${held === coverage.months ? 'period' : `${held} month${held === 1 ? '' : 's'} held`}, using the ${population.year} population (${population.source}), the year held nearest the period.`,
    );
  }
  const against = compared ? comparedWords(compared) : `${period.from}..${period.to}`;
  return {
    area: { code: area.code, name: area.name, type: area.type },
    category: measure.key,
    label: measure.label,
    period,
    comparisonPeriod: comparison && compared ? periodOf(compared.previousMonths) : null,
    comparison: comparison ? compared : null,
    coverage: {
      months: coverage.months,
      held: coverage.held,
      partial: coverage.partial,
      words: coverage.words,
    },
    current,
    previous: comparison?.previous ?? null,
    change: comparison?.change ?? null,
    changePct: comparison?.changePct ?? null,
    rateRatio: comparison?.rateRatio ?? null,
    ci95: comparison?.ci95 ?? null,
    pValue: comparison?.pValue ?? null,
    ratePer1000: rate,
    ratePer1000PerMonth: rate === null ? null : rate / held,
    population,
    months,
    reading: comparison
      ? readComparison(measure.label, comparison, against)
      : coverage.held === 0
        ? `${measure.label}: no month of ${period.from}..${period.to} held (unknown, not zero).`
        : `${measure.label}: ${current.toLocaleString('en-GB')} in ${heldSpan(period, coverage)}; no earlier period to compare with.`,
    notes,
  };
}

/** "2021-01..2021-12 vs 2025-01..2025-12": the months compared, earlier side first. */
const comparedWords = (c: Pick<TrendComparison, 'label' | 'currentMonths'>): string =>
  `${c.label} vs ${monthRunsText(c.currentMonths)}`;

/**
 * The document's reading with its verdict taken from a p-value adjusted for testing it with other
 * measures (Holm, as the overview and the assessment judge it), its own p-value beside it: so that
 * one change gets one verdict on every view. The reading as it is when nothing was adjusted, or the
 * change is not shown.
 */
export function readingAdjusted(
  doc: Pick<
    DisclosedTrendDocument,
    'label' | 'comparison' | 'previous' | 'changePct' | 'pValue' | 'reading'
  >,
  adjusted: AdjustedVerdict | null,
): string {
  const c = doc.comparison;
  if (!adjusted || !c || c.current === null || doc.previous === null || doc.pValue === null)
    return doc.reading;
  return readComparison(
    doc.label,
    { current: c.current, previous: doc.previous, changePct: doc.changePct, pValue: doc.pValue },
    comparedWords(c),
    0.05,
    adjusted,
  );
}

/**
 * The months a total covers: the period, or, when only some of its months are held, those months
 * ("the 2 months held of 2018-01..2018-12: 2018-11..2018-12"), so that a total is never read as
 * the whole period's.
 */
function heldSpan(period: Period, coverage: PeriodCoverage): string {
  const whole = `${period.from}..${period.to}`;
  if (!coverage.partial) return whole;
  const n = coverage.held;
  return `the ${n === 1 ? 'month' : `${n} months`} held of ${whole}: ${monthRunsText(coverage.heldMonths)}`;
}

const periodOf = (months: readonly Month[]): Period => ({
  from: months[0] as Month,
  to: months[months.length - 1] as Month,
});

/**
 * A period held only as a whole (DEFRA's annual table): its total against the same period of the
 * nearest earlier year whose total is held, tested the same way; no monthly detail.
 */
function wholePeriodDocument(
  input: AreaCounts,
  measure: Measure,
  period: Period,
  population: Population | null,
  interval: boolean,
): TrendDocument {
  const current = measurePeriodTotal(input, measure, period) as number;
  let previous: number | null = null;
  let previousPeriod: Period | null = null;
  // As for months: the earlier period lies wholly before this one.
  const fewest = Math.ceil(monthsIn(period).length / 12);
  for (let years = fewest; years < fewest + 10 && previous === null; years++) {
    const earlier = {
      from: monthFromIndex(monthIndex(period.from) - 12 * years),
      to: monthFromIndex(monthIndex(period.to) - 12 * years),
    };
    previous = measurePeriodTotal(input, measure, earlier);
    if (previous !== null) previousPeriod = earlier;
  }
  const comparison =
    previous === null ? null : compareCounts(current, previous, 1, 1, { interval });
  const years = previousPeriod
    ? (monthIndex(period.from) - monthIndex(previousPeriod.from)) / 12
    : 0;
  const compared: TrendComparison | null = previousPeriod
    ? {
        currentMonths: monthsIn(period),
        previousMonths: monthsIn(previousPeriod),
        label: `${previousPeriod.from}..${previousPeriod.to}`,
        base: baseWords(monthsIn(previousPeriod)),
        yearsBack: years,
        basis: years === fewest ? 'previous year' : 'latest earlier year held',
        current,
        unpaired: [],
        discontinuities: [],
      }
    : null;
  // The whole period is held as one total: as held as its months would be.
  const all = monthsIn(period);
  const doc = document(
    input.area,
    measure,
    period,
    compared,
    [],
    current,
    comparison,
    population,
    periodCoverage(period, all),
  );
  doc.notes = doc.notes.filter((n) => !n.startsWith('Compared month by month'));
  doc.notes.unshift(
    'Whole-period figures (an annual table): no monthly detail; compared with the same period of the nearest earlier year held.',
  );
  if (!previousPeriod)
    doc.notes.push('No earlier period of the same length is held: no comparison.');
  return doc;
}
