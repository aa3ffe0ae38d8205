/**
 * The input of the trends engine: one area's counts by category and month, the months the store
 * holds for it, and its populations. Police.uk street records and partner datasets both reach the
 * statistics in this shape, so trends, comparisons, exceptions and forecasts are one engine.
 *
 * A month in `observed` with no count for a category is a zero; a month not in `observed` is
 * missing: unknown, never zero.
 */
import type { AreaType, Population } from './area.js';
import { monthsIn, type Month, type Period } from './month.js';

export interface AreaSummary {
  code: string;
  name: string;
  type: AreaType;
}

export interface AreaCounts {
  area: AreaSummary;
  /** The months held for the area, ascending. */
  observed: readonly Month[];
  /** Count by raw category (a police.uk slug, or a partner dataset's category) and month. */
  counts: ReadonlyMap<string, ReadonlyMap<Month, number>>;
  /** Every population held for the area, any year and source. */
  populations: readonly Population[];
  /**
   * Counts over whole periods without monthly detail (DEFRA's annual fly-tipping table), by
   * category. Used only where the months of a period are not held but its total is.
   */
  periodTotals?: readonly PeriodTotal[];
  /**
   * Raw categories not held in some months of `observed`: a partner file that did not give that
   * count (domestic abuse's repeat victims, an optional column). Missing there, not zero: a
   * measure's months are those of `measureInput`.
   */
  notHeld?: ReadonlyMap<string, ReadonlySet<Month>>;
}

const inputMemo = new WeakMap<AreaCounts, Map<string, AreaCounts>>();

/**
 * The input as one measure sees it: `observed` without the months in which a category it counts
 * is not held (`notHeld`). The input itself when there are none.
 */
export function measureInput(input: AreaCounts, measure: Measure): AreaCounts {
  if (!input.notHeld || input.notHeld.size === 0) return input;
  let memo = inputMemo.get(input);
  if (!memo) inputMemo.set(input, (memo = new Map()));
  const known = memo.get(measure.key);
  if (known) return known;
  const gaps = new Set<Month>();
  for (const [category, months] of input.notHeld)
    if (measure.includes(category)) for (const m of months) gaps.add(m);
  const own =
    gaps.size === 0
      ? input
      : { ...input, observed: input.observed.filter((m) => !gaps.has(m)), notHeld: new Map() };
  memo.set(measure.key, own);
  return own;
}

export interface PeriodTotal {
  period: Period;
  counts: ReadonlyMap<string, number>;
}

/** The measure's total over exactly this period from whole-period counts; null when none. */
export function measurePeriodTotal(
  input: AreaCounts,
  measure: Measure,
  period: Period,
): number | null {
  const held = input.periodTotals?.find(
    (p) => p.period.from === period.from && p.period.to === period.to,
  );
  if (!held) return null;
  let total = 0;
  for (const [category, count] of held.counts) if (measure.includes(category)) total += count;
  return total;
}

/** Whether the period's months are all held, or else its whole-period total is. */
export function wholePeriodOnly(input: AreaCounts, period: Period): boolean {
  const observed = new Set(input.observed);
  return (
    !monthsIn(period).every((m) => observed.has(m)) &&
    (input.periodTotals ?? []).some(
      (p) => p.period.from === period.from && p.period.to === period.to,
    )
  );
}

/**
 * What is counted: a police.uk category, "all crime", or a partner dataset's category. `includes`
 * says which raw categories it sums; `caveats` are printed with every figure of it.
 */
export interface Measure {
  key: string;
  label: string;
  includes(rawCategory: string): boolean;
  caveats: readonly string[];
}

export interface MonthCount {
  month: Month;
  count: number;
}

const seriesMemo = new WeakMap<AreaCounts, Map<string, ReadonlyMap<Month, number>>>();

/**
 * The measure's count in each observed month (zero when nothing was recorded). Remembered per
 * input and measure key, since trends, comparisons and exceptions all ask for the same series.
 */
export function measureSeries(input: AreaCounts, measure: Measure): ReadonlyMap<Month, number> {
  let memo = seriesMemo.get(input);
  if (!memo) seriesMemo.set(input, (memo = new Map()));
  const known = memo.get(measure.key);
  if (known) return known;
  // Months in which the measure is not held are left out: missing, not zero.
  const series = new Map<Month, number>(measureInput(input, measure).observed.map((m) => [m, 0]));
  for (const [category, months] of input.counts) {
    if (!measure.includes(category)) continue;
    for (const [month, count] of months) {
      const held = series.get(month);
      if (held !== undefined) series.set(month, held + count);
    }
  }
  memo.set(measure.key, series);
  return series;
}

/** The measure's whole observed history, month by month. */
export function measureHistory(input: AreaCounts, measure: Measure): MonthCount[] {
  const series = measureSeries(input, measure);
  return measureInput(input, measure).observed.map((month) => ({
    month,
    count: series.get(month) as number,
  }));
}

/**
 * The population for a rate over a period ending in `year`: the year held nearest to it (the
 * earlier of two equally near), a direct figure preferred over a sum of sub-areas of the same
 * year; null when none is held. So a 2025 rate uses Census 2021, not 2011, and an imported
 * mid-year estimate for 2024 beats both.
 */
export function populationAt(populations: readonly Population[], year: number): Population | null {
  let best: Population | null = null;
  const summed = (p: Population) => p.source.endsWith(' (summed)');
  // Nearer first; then not after the period; then direct before summed.
  const key = (p: Population) => [
    Math.abs(p.year - year),
    p.year > year ? 1 : 0,
    summed(p) ? 1 : 0,
  ];
  const before = (a: Population, b: Population) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++)
      if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number);
    return false;
  };
  for (const p of populations) if (!best || before(p, best)) best = p;
  return best;
}
