/**
 * The dates an import accepts. A month after the current one cannot have happened yet, and one
 * before the data can exist is a typing slip (1900-01-01, a year 2052 for 2025): either would
 * stretch the months a file covers over decades (a partner file covers every month from its
 * first row to its last), and make "the latest month" a month to come. So police.uk files of such
 * a month are refused, and partner rows of such a date are rejected, naming the line and field.
 *
 * "Today" is the clock the command runs with (Deps.clock), so tests can fix it, and the day is the
 * day in the UK (Europe/London), as the action plan's: from midnight to 1 am in summer time the UTC
 * date is still yesterday's, and a row dated today was rejected as "after today".
 */
import { monthIndex, type Month } from './month.js';
import { planDay } from './plan/plan-day.js';

/** The first month police.uk published: street-level crime from December 2010. */
export const POLICE_FIRST_MONTH: Month = '2010-12';

/**
 * The earliest month of partner data Lantern takes. Community safety partnerships date from
 * 1998; no council or police partner keeps usable incident records from before 2000, so an
 * earlier date is a slip, not history.
 */
export const PARTNER_FIRST_MONTH: Month = '2000-01';

/**
 * The longest run of months a partner file may cover from its rows alone when some of those
 * months have no row in any district. Every month of the span counts as zero where the file has
 * no rows; over three years, a gap is more likely months the file does not cover than months
 * with nothing in them, so the import asks for the period (⟨period⟩) to be said.
 */
export const UNDECLARED_SPAN_MONTHS = 36;

/** The month of `now` in the UK. */
export function monthOf(now: Date): Month {
  return dayOf(now).slice(0, 7);
}

/** The day of `now` in the UK, YYYY-MM-DD. */
export function dayOf(now: Date): string {
  return planDay(now);
}

/**
 * Why `month` cannot be a month of data (null when it can): after the current month, or before
 * `first`, described as `firstText`.
 */
export function implausibleMonth(
  month: Month,
  now: Date,
  first: Month,
  firstText: string,
): string | null {
  const current = monthOf(now);
  if (month > current) return `${month} is after the current month (${current})`;
  if (month < first) return `${month} is before ${first}, ${firstText}`;
  return null;
}

/**
 * Why a partner row's date (YYYY-MM-DD) or month cannot be right (null when it can), in the words
 * of a rejected row's rule: without the value, which rejected rows never hold.
 */
export function implausiblePartnerDate(date: string, now: Date): string | null {
  const today = dayOf(now);
  if (date.length > 7 ? date > today : date > monthOf(now))
    return `after today (${today}): not yet happened`;
  if (date.slice(0, 7) < PARTNER_FIRST_MONTH)
    return `before ${PARTNER_FIRST_MONTH}, ${PARTNER_FLOOR_TEXT}`;
  return null;
}

/**
 * How far from today a date of the action plan (an action's due date, a meeting's date) may be:
 * a partnership plans a year ahead, sometimes three; a due date a century away (2126 typed for
 * 2026) would never go overdue, and one of 1926 would be overdue before it was set.
 */
export const PLAN_DATE_SPAN_YEARS = 10;

/**
 * Why a date of the action plan (YYYY-MM-DD, a real day) cannot be meant (null when it can):
 * before partnerships kept records, or more than PLAN_DATE_SPAN_YEARS from today either way.
 */
export function implausiblePlanDay(day: string, now: Date): string | null {
  const today = dayOf(now);
  const year = Number(today.slice(0, 4));
  const latest = `${year + PLAN_DATE_SPAN_YEARS}${today.slice(4)}`;
  const earliest = `${year - PLAN_DATE_SPAN_YEARS}${today.slice(4)}`;
  if (day > latest)
    return `${day} is more than ${PLAN_DATE_SPAN_YEARS} years after today (${today}): is the year mistyped?`;
  if (day < earliest)
    return `${day} is more than ${PLAN_DATE_SPAN_YEARS} years before today (${today}): is the year mistyped?`;
  return null;
}

export const POLICE_FLOOR_TEXT = 'the first month police.uk published';
export const PARTNER_FLOOR_TEXT = 'the earliest month Lantern takes partner data for';

/** Months from `from` to `to`, counting both. */
export function monthSpan(from: Month, to: Month): number {
  return monthIndex(to) - monthIndex(from) + 1;
}
