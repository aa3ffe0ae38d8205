/**
 * Dates as minutes write them: "31 January 2026", "31st Jan", "January 31, 2026", "31/01/2026",
 * "31.01.26", "2026-01-31", "end of March 2026". Pure; a date without a year takes the first such
 * day on or after a reference date (the meeting's), or stays unresolved without one.
 */

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
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thur?s?|fri|sat(?:ur)?|sun)(?:day)?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';

/** The patterns, tried in order, each anchored at the start of the text given. */
const DAY_MONTH = new RegExp(
  `^${WEEKDAY}(\\d{1,2})${ORDINAL}(?:\\s+of)?\\s+(${MONTH})\\.?(?:,?\\s+(\\d{4}))?\\b`,
  'i',
);
const MONTH_DAY = new RegExp(`^(${MONTH})\\.?\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+(\\d{4}))?\\b`, 'i');
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})\b/;
const END_OF_MONTH = new RegExp(
  `^(?:the\\s+)?end\\s+of\\s+(${MONTH})\\.?(?:\\s+(\\d{4}))?\\b`,
  'i',
);
const MONTH_YEAR = new RegExp(`^(${MONTH})\\.?\\s+(\\d{4})\\b`, 'i');

export interface DateMatch {
  /** YYYY-MM-DD, or null when the text gives no year and there is no reference date. */
  iso: string | null;
  /** How many characters of the text the date took. */
  length: number;
}

/** The date at the start of `text`, or null if it does not start with one. */
export function dateAt(text: string, reference: string | null = null): DateMatch | null {
  let m = ISO.exec(text);
  if (m) return exact(Number(m[1]), Number(m[2]), Number(m[3]), m[0].length);
  m = NUMERIC.exec(text);
  if (m) {
    const year = (m[3] as string).length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return exact(year, Number(m[2]), Number(m[1]), m[0].length);
  }
  m = END_OF_MONTH.exec(text);
  if (m) return endOfMonth(monthOf(m[1]), m[2], reference, m[0].length);
  m = DAY_MONTH.exec(text);
  if (m) return dayOf(Number(m[1]), monthOf(m[2]), m[3], reference, m[0].length);
  m = MONTH_DAY.exec(text);
  if (m) return dayOf(Number(m[2]), monthOf(m[1]), m[3], reference, m[0].length);
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
  if (year !== undefined) return exact(Number(year), month, day, length);
  if (!valid(2000, month, day)) return null; // 29 February resolves below, if it can
  return { iso: reference ? nextOnOrAfter(month, day, reference) : null, length };
}

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

/** The first `month`/`day` on or after the reference date (a leap day may wait years). */
function nextOnOrAfter(month: number, day: number, reference: string): string | null {
  const refYear = Number(reference.slice(0, 4));
  for (let y = refYear; y <= refYear + 8; y++) {
    if (!valid(y, month, day)) continue;
    const candidate = iso(y, month, day);
    if (candidate >= reference) return candidate;
  }
  return null;
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
