/**
 * The periods the public outputs of an area may cover (the public report and its infographics,
 * the public page, briefing packs), so that no two of them can be subtracted from each other.
 *
 * Each output protects its own numbers (protect.ts): a count from 1 to 4 cannot be worked out
 * from what that output publishes. Two outputs of overlapping periods break that: the year's
 * count of a category less the counts of three of its quarters, each from its own report, gives
 * the fourth, however each report protected itself (the exact attacker of the tests recovered
 * possession of weapons and bicycle theft in Three Rivers that way, from the four quarterly
 * reports of 2025 and the yearly one). A period that grows as months arrive does the same: the
 * page of January to May less the page of January to April is May.
 *
 * So public outputs cover whole years of one fixed calendar, never overlapping: calendar years
 * (January to December, the default) or financial years (April to March), and only a year whose
 * every month is held (a year published with a month missing and published again when the month
 * arrives would give that month away). Every public output of the same year then publishes the
 * same totals, protected the same way (the same rules over the same cells), and outputs of
 * different years share no month. Quarters and months appear only inside one output, beside
 * their year's total, where that output's own protection covers them.
 *
 * `any` lifts the rule, for a partnership that publishes one output only: each output then
 * protects itself alone, and outputs of overlapping periods can be differenced.
 */
import { monthFromIndex, monthIndex, monthsIn, type Month, type Period } from '../month.js';

export type PublicPeriodRule = 'calendar-year' | 'financial-year' | 'any';

export const PUBLIC_PERIOD_RULES: readonly PublicPeriodRule[] = [
  'calendar-year',
  'financial-year',
  'any',
];

/** The month a year of the rule starts in (1 = January), or null when any period is allowed. */
function startMonth(rule: PublicPeriodRule): number | null {
  return rule === 'calendar-year' ? 1 : rule === 'financial-year' ? 4 : null;
}

/** "calendar years (January to December)": the rule in words, for messages and pages. */
export function publicPeriodWords(rule: PublicPeriodRule): string {
  if (rule === 'calendar-year') return 'whole calendar years (January to December)';
  if (rule === 'financial-year') return 'whole financial years (April to March)';
  return 'any period';
}

/** "whole years (January to December)": the rule for a resident. */
export function publicPeriodPlainWords(rule: PublicPeriodRule): string {
  if (rule === 'financial-year') return 'whole years (April to March)';
  return 'whole years (January to December)';
}

/** The year of the rule that holds `month`. */
function yearHolding(month: Month, start: number): Period {
  const i = monthIndex(month);
  const offset = (((Number(month.slice(5, 7)) - start) % 12) + 12) % 12;
  return { from: monthFromIndex(i - offset), to: monthFromIndex(i - offset + 11) };
}

/**
 * Why a public output may not cover `period`, in words for the reader, or null when it may: it is
 * one whole year of the rule, and every month of it is held (`held`: the months held for the
 * area).
 */
export function publicPeriodProblem(
  period: Period,
  rule: PublicPeriodRule,
  held: Iterable<Month>,
): string | null {
  const start = startMonth(rule);
  if (start === null) return null;
  const year = yearHolding(period.from, start);
  if (period.from !== year.from || period.to !== year.to) {
    const example = latestWords(year);
    return `public outputs cover ${publicPeriodWords(rule)} only, such as ${example}: outputs of overlapping or shorter periods could be subtracted from one another to give a small count away. Give a whole year, or set publicPeriod in the disclosure settings`;
  }
  const have = new Set(held);
  const missing = monthsIn(period).filter((m) => !have.has(m));
  if (missing.length > 0)
    return `public outputs cover only years whose every month is held, and ${missing.length} of ${period.from}..${period.to}'s months ${missing.length === 1 ? 'is' : 'are'} not (${missing.join(', ')}): publishing it now and again when ${missing.length === 1 ? 'that month arrives' : 'they arrive'} would give ${missing.length === 1 ? 'that month' : 'those months'} away`;
  return null;
}

const latestWords = (p: Period) => `${p.from}..${p.to}`;

/**
 * The latest period a public output may cover: the latest whole year of the rule whose every
 * month is held; for `any`, the latest twelve months up to the last month held. Null when there
 * is none.
 */
export function latestPublicPeriod(held: readonly Month[], rule: PublicPeriodRule): Period | null {
  const months = [...held].sort();
  const last = months.at(-1);
  if (!last) return null;
  const start = startMonth(rule);
  if (start === null) return { from: monthFromIndex(monthIndex(last) - 11), to: last };
  const have = new Set(months);
  for (let year = yearHolding(last, start); year.to >= months[0]!;) {
    if (monthsIn(year).every((m) => have.has(m))) return year;
    const i = monthIndex(year.from);
    year = { from: monthFromIndex(i - 12), to: monthFromIndex(i - 1) };
  }
  return null;
}
