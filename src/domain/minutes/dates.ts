/**
 * Dates as minutes write them: "31 January 2026", "31st Jan", "January 31, 2026", "31/01/2026",
 * "31.01.26", "2026-01-31", "end of March 2026". Pure; a date without a year takes the first such
 * day on or after a reference date (the meeting's), or stays unresolved without one. A day that
 * does not exist ("31 April", "29 February" in a year that has none) or whose weekday is wrong
 * ("Tuesday 2 February" in 2026, a Monday) stays unresolved, with a note saying why: which day was
 * meant is for a person to say.
 */
import { MONTH_NAMES } from '../month.js';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** A month name or its abbreviation, as a regular-expression source. */
export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:(mon|tues?|wed(?:nes)?|thur?s?|fri|sat(?:ur)?|sun)(?:day)?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';

/** The patterns, tried in order, each anchored at the start of the text given. */
const DAY_MONTH = new RegExp(
  `^${WEEKDAY}(\\d{1,2})${ORDINAL}(?:\\s+of)?\\s+(${MONTH})\\.?(?:,?\\s+(\\d{4}))?\\b`,
  'i',
);
const MONTH_DAY = new RegExp(
  `^${WEEKDAY}(${MONTH})\\.?\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+(\\d{4}))?\\b`,
  'i',
);
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})\b/;
const END_OF_MONTH = new RegExp(
  `^(?:the\\s+)?end\\s+of\\s+(${MONTH})\\.?(?:\\s+(\\d{4}))?\\b`,
  'i',
);
const MONTH_YEAR = new RegExp(`^(${MONTH})\\.?\\s+(\\d{4})\\b`, 'i');

export interface DateMatch {
  /**
   * YYYY-MM-DD, or null when the text gives no year and there is no reference date, or names a
   * day that does not exist or a wrong weekday (`note` says which).
   */
  iso: string | null;
  /** How many characters of the text the date took. */
  length: number;
  /** Why a date written as one day resolves to none: "2027 has no 29 February". */
  note?: string;
}

/** The date at the start of `text`, or null if it does not start with one. */
export function dateAt(text: string, reference: string | null = null): DateMatch | null {
  let m = ISO.exec(text);
  if (m) return written(Number(m[1]), Number(m[2]), Number(m[3]), m[0].length);
  m = NUMERIC.exec(text);
  if (m) {
    const year = (m[3] as string).length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const [day, month] = [Number(m[1]), Number(m[2])];
    // 12/31/2027: a month of 31 and a day of 12 is a date written month first, which a UK reader
    // does not; which day was meant is for a person to say.
    if (month > 12 && month <= 31 && day >= 1 && day <= 12)
      return {
        iso: null,
        length: m[0].length,
        note: `${month} is not a month: dates are read day first (${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${year})`,
      };
    return written(year, month, day, m[0].length);
  }
  m = END_OF_MONTH.exec(text);
  if (m) return endOfMonth(monthOf(m[1]), m[2], reference, m[0].length);
  m = DAY_MONTH.exec(text);
  if (m)
    return checkWeekday(m[1], dayOf(Number(m[2]), monthOf(m[3]), m[4], reference, m[0].length));
  m = MONTH_DAY.exec(text);
  if (m)
    return checkWeekday(m[1], dayOf(Number(m[3]), monthOf(m[2]), m[4], reference, m[0].length));
  m = MONTH_YEAR.exec(text);
  if (m) return endOfMonth(monthOf(m[1]), m[2], reference, m[0].length);
  return null;
}

/** The first date with a year anywhere in `text` (a meeting's date line), or null. */
export function firstFullDate(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && /[\p{L}\d]/u.test(text[i - 1] as string)) continue;
    const match = dateAt(text.slice(i));
    if (match?.iso) return match.iso;
  }
  return null;
}

function monthOf(name: string | undefined): number {
  return MONTHS[(name ?? '').toLowerCase().slice(0, 3)] ?? 0;
}

/**
 * A date written in figures (2027-04-31, 31/04/2027): a day that does not exist in a real month
 * says so, as one written in words does; figures that are no month are no date.
 */
function written(year: number, month: number, day: number, length: number): DateMatch | null {
  if (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    year >= 1900 &&
    !valid(year, month, day)
  )
    return noSuchDay(year, month, day, length);
  return exact(year, month, day, length);
}

function exact(year: number, month: number, day: number, length: number): DateMatch | null {
  return valid(year, month, day) ? { iso: iso(year, month, day), length } : null;
}

function dayOf(
  day: number,
  month: number,
  year: string | undefined,
  reference: string | null,
  length: number,
): DateMatch | null {
  if (month === 0 || day === 0 || day > 31) return null;
  if (year !== undefined) {
    const y = Number(year);
    return valid(y, month, day)
      ? { iso: iso(y, month, day), length }
      : noSuchDay(y, month, day, length);
  }
  if (!valid(2000, month, day)) return noSuchDay(null, month, day, length);
  if (!reference) return { iso: null, length };
  const y = nextYearOf(month, day, reference);
  return valid(y, month, day)
    ? { iso: iso(y, month, day), length }
    : noSuchDay(y, month, day, length);
}

/** "31 April": no such day in any year; "29 February" in 2027: none that year. */
function noSuchDay(year: number | null, month: number, day: number, length: number): DateMatch {
  const note =
    year === null
      ? `${MONTH_NAMES[month - 1] as string} has ${lastDay(2001, month)} days`
      : (noSuchDayReason(year, month, day) as string);
  return { iso: null, length, note };
}

/**
 * Why a year, month (1 to 12) and day are no day, in words ("2027 has no 29 February", "April 2026
 * has 30 days"), or null when they are one: said of a date in minutes and of a due date typed.
 */
export function noSuchDayReason(year: number, month: number, day: number): string | null {
  if (day >= 1 && day <= lastDay(year, month)) return null;
  const name = MONTH_NAMES[month - 1] as string;
  return valid(2000, month, day)
    ? `${year} has no ${day} ${name}`
    : `${name} ${year} has ${lastDay(year, month)} days`;
}

/** A weekday written before the date must be the date's, else which was meant is not known. */
function checkWeekday(written: string | undefined, match: DateMatch | null): DateMatch | null {
  if (written === undefined || match === null || match.iso === null) return match;
  const actual = weekday(match.iso);
  const said = WEEKDAY_PREFIXES.findIndex((w) => written.toLowerCase().startsWith(w)) + 1;
  if (said === 0 || said === actual) return match;
  const day = `${Number(match.iso.slice(8, 10))} ${MONTH_NAMES[Number(match.iso.slice(5, 7)) - 1] as string} ${match.iso.slice(0, 4)}`;
  return {
    iso: null,
    length: match.length,
    note: `${day} is a ${WEEKDAY_NAMES[actual - 1] as string}, not a ${WEEKDAY_NAMES[said - 1] as string}`,
  };
}

const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];
const WEEKDAY_PREFIXES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function endOfMonth(
  month: number,
  year: string | undefined,
  reference: string | null,
  length: number,
): DateMatch | null {
  if (month === 0) return null;
  if (year !== undefined) return exact(Number(year), month, lastDay(Number(year), month), length);
  if (!reference) return { iso: null, length };
  const refYear = Number(reference.slice(0, 4));
  const y = month >= Number(reference.slice(5, 7)) ? refYear : refYear + 1;
  return { iso: iso(y, month, lastDay(y, month)), length };
}

/**
 * The year of the first `month`/`day` on or after the reference date: the reference's year, or
 * the next. A leap day is not looked for in later years: "by 29 February" at a meeting of
 * March 2026 means February 2027, which has none (the caller says so).
 */
function nextYearOf(month: number, day: number, reference: string): number {
  const refYear = Number(reference.slice(0, 4));
  const mmdd = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return mmdd >= reference.slice(5) ? refYear : refYear + 1;
}

function valid(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month) && year >= 1900;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date `days` after an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The ISO day of the week of a date: 1 Monday … 7 Sunday. */
export function weekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The last day of the month of an ISO date. */
export function monthEnd(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return iso(year, month, lastDay(year, month));
}
