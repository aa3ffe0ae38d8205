/**
 * Which months of a period are held, said compactly and in words. A month not held is unknown,
 * never zero: a period with no month held is refused, and a period partly held is named as such
 * ("6 of 12 months held: January to June 2025") wherever a figure of it appears.
 */
import { InputError } from '../errors.js';
import {
  MONTH_NAMES,
  monthFromIndex,
  monthIndex,
  monthsIn,
  type Month,
  type Period,
} from './month.js';

/** Consecutive runs of the months (any order, duplicates ignored), ascending. */
export function monthRuns(months: Iterable<Month>): Period[] {
  const sorted = [...new Set(months)].map(monthIndex).sort((a, b) => a - b);
  const runs: Period[] = [];
  let start: number | null = null;
  let prev = 0;
  for (const i of sorted) {
    if (start !== null && i === prev + 1) {
      prev = i;
      continue;
    }
    if (start !== null) runs.push({ from: monthFromIndex(start), to: monthFromIndex(prev) });
    start = prev = i;
  }
  if (start !== null) runs.push({ from: monthFromIndex(start), to: monthFromIndex(prev) });
  return runs;
}

/** "2018-10..2019-02, 2021-01..2022-01, 2025-03": the months as runs; "none" when empty. */
export function monthRunsText(months: Iterable<Month>): string {
  const runs = monthRuns(months);
  if (runs.length === 0) return 'none';
  return runs.map((r) => (r.from === r.to ? r.from : `${r.from}..${r.to}`)).join(', ');
}

const nameOf = (m: Month) => MONTH_NAMES[monthIndex(m) % 12] as string;
const yearOf = (m: Month) => m.slice(0, 4);

/** "January to June 2025", "April 2024 to March 2025", "March 2025". */
export function runInWords(run: Period): string {
  if (run.from === run.to) return `${nameOf(run.to)} ${yearOf(run.to)}`;
  if (yearOf(run.from) === yearOf(run.to))
    return `${nameOf(run.from)} to ${nameOf(run.to)} ${yearOf(run.to)}`;
  return `${nameOf(run.from)} ${yearOf(run.from)} to ${nameOf(run.to)} ${yearOf(run.to)}`;
}

/** "January to February and April to December 2021": the months as runs, in words. */
export function monthsInWords(months: Iterable<Month>): string {
  const runs = monthRuns(months);
  if (runs.length === 0) return 'no month';
  const sameYear = runs.every(
    (r) => yearOf(r.from) === yearOf(runs[0]!.from) && yearOf(r.to) === yearOf(runs[0]!.from),
  );
  const parts = runs.map((r) => {
    if (!sameYear) return runInWords(r);
    return r.from === r.to ? nameOf(r.from) : `${nameOf(r.from)} to ${nameOf(r.to)}`;
  });
  const joined =
    parts.length === 1
      ? (parts[0] as string)
      : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return sameYear ? `${joined} ${yearOf(runs[0]!.from)}` : joined;
}

/** "a", "a and b", "a, b and c". */
function listed(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const monthCount = (n: number) => `${n} month${n === 1 ? '' : 's'}`;

/**
 * Which months are held, for a reader: "Months held: January to December 2021 and March 2023 to
 * December 2025 (46 months). Not held between them: January 2022 to February 2023 (14 months)."
 * Each run of months in words, then the gaps between the first and the last month held (unknown,
 * never counted as zero). `what` names them ("Months of police.uk street data held for Watford").
 */
export function heldMonthsInWords(months: Iterable<Month>, what = 'Months held'): string {
  const runs = monthRuns(months);
  if (runs.length === 0) return 'No month is held yet.';
  const held = runs.reduce((n, r) => n + monthIndex(r.to) - monthIndex(r.from) + 1, 0);
  const gaps = runs.slice(1).map((r, i) => ({
    from: monthFromIndex(monthIndex(runs[i]!.to) + 1),
    to: monthFromIndex(monthIndex(r.from) - 1),
  }));
  const missing = gaps.reduce((n, g) => n + monthIndex(g.to) - monthIndex(g.from) + 1, 0);
  const heldWords = `${what}: ${listed(runs.map(runInWords))} (${monthCount(held)}).`;
  if (gaps.length === 0) return held === 1 ? heldWords : `${heldWords} None is missing in between.`;
  return `${heldWords} Not held between them: ${listed(gaps.map(runInWords))} (${monthCount(missing)}).`;
}

/**
 * "2021 without March", "2021 without March and July": months of one calendar year lacking at
 * most three; null otherwise (then say them with monthsInWords).
 */
export function yearWithout(months: Iterable<Month>): string | null {
  const list = [...new Set(months)].sort();
  const year = list[0]?.slice(0, 4);
  if (!year || list.some((m) => !m.startsWith(year))) return null;
  const lacking = MONTH_NAMES.filter(
    (_, i) => !list.includes(`${year}-${String(i + 1).padStart(2, '0')}`),
  );
  if (lacking.length === 0 || lacking.length > 3) return null;
  const names =
    lacking.length === 1
      ? lacking[0]
      : `${lacking.slice(0, -1).join(', ')} and ${lacking[lacking.length - 1]}`;
  return `${year} without ${names}`;
}

/** How much of a period is held. */
export interface PeriodCoverage {
  /** Months in the period. */
  months: number;
  /** Months of it held. */
  held: number;
  heldMonths: Month[];
  missingMonths: Month[];
  /** Some month of the period is not held. */
  partial: boolean;
  /** "6 of 12 months held: January to June 2025"; null when the whole period is held. */
  words: string | null;
}

export function periodCoverage(period: Period, observed: Iterable<Month>): PeriodCoverage {
  const held = new Set(observed);
  const all = monthsIn(period);
  const heldMonths = all.filter((m) => held.has(m));
  const missingMonths = all.filter((m) => !held.has(m));
  const partial = missingMonths.length > 0;
  return {
    months: all.length,
    held: heldMonths.length,
    heldMonths,
    missingMonths,
    partial,
    words: partial
      ? `${heldMonths.length} of ${all.length} months held${heldMonths.length > 0 ? `: ${monthsInWords(heldMonths)}` : ''}`
      : null,
  };
}

/**
 * Refuses (InputError, exit 2) a period in which no month is held, naming the months that are.
 * `what` names the data and area ("police.uk street data for Three Rivers").
 */
export function requireSomeMonthHeld(
  period: Period,
  observed: Iterable<Month>,
  what: string,
  option = '⟨period⟩',
): void {
  const held = [...observed];
  const inPeriod = monthsIn(period).filter((m) => held.includes(m));
  if (inPeriod.length > 0) return;
  const span = period.from === period.to ? period.from : `${period.from}..${period.to}`;
  throw new InputError(
    `${option} ${span}: no month of it is held in the store for ${what} (unknown, not zero). ` +
      `Months held: ${monthRunsText(held)}.`,
  );
}

/** The share of a period's months that `assess` and `report` need held without --allow-partial. */
export const PARTIAL_THRESHOLD = 0.75;

/**
 * Refuses (InputError) a period with fewer than three quarters of its months held, unless
 * `allowPartial`; the message says which months are held and how to go on.
 */
export function requireMostMonthsHeld(
  period: Period,
  observed: Iterable<Month>,
  what: string,
  allowPartial: boolean,
): PeriodCoverage {
  const held = [...observed];
  requireSomeMonthHeld(period, held, what);
  const coverage = periodCoverage(period, held);
  if (!allowPartial && coverage.held < PARTIAL_THRESHOLD * coverage.months) {
    throw new InputError(
      `⟨period⟩ ${period.from}..${period.to}: only ${coverage.words} for ${what}; ` +
        `an assessment needs at least three quarters of the period's months. ` +
        `Choose a period the store holds (months held: ${monthRunsText(held)}), ` +
        `or give ⟨allowPartial⟩ to assess the months held, every page marked partial.`,
    );
  }
  return coverage;
}
