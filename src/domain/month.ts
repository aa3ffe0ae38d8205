/**
 * Months as "YYYY-MM" strings, and periods "YYYY-MM..YYYY-MM". Months are calendar months with
 * no time zone: police.uk publishes by month, and a month missing from the data is unknown.
 */
import { InputError } from '../errors.js';

/** The months' names, January first. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type Month = string;

export interface Period {
  from: Month;
  to: Month;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH_RE.test(value);
}

/** Parses "YYYY-MM"; throws InputError naming the option when malformed. */
export function parseMonth(value: string, what = 'month'): Month {
  if (!isMonth(value)) {
    throw new InputError(`${what}: "${value}" is not a month (expected YYYY-MM, e.g. 2025-01)`);
  }
  return value;
}

/** Parses "YYYY-MM..YYYY-MM" (or a single month) into a period, checking its order. */
export function parsePeriod(value: string, what = '⟨period⟩'): Period {
  const parts = value.split('..');
  if (parts.length > 2 || parts.some((p) => p === '')) {
    throw new InputError(`${what}: "${value}" is not a period (expected YYYY-MM..YYYY-MM)`);
  }
  const from = parseMonth(parts[0] ?? '', what);
  const to = parseMonth(parts[1] ?? from, what);
  if (from > to) {
    throw new InputError(`${what}: "${value}" ends before it starts`);
  }
  return { from, to };
}

export function monthIndex(month: Month): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return year * 12 + (m - 1);
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, inclusive. */
export function monthsIn(period: Period): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(period.from); i <= monthIndex(period.to); i++)
    out.push(monthFromIndex(i));
  return out;
}

/** "2025" when the period is one whole calendar year (January to December), else null. */
export function calendarYearOf(period: Period): string | null {
  const year = period.from.slice(0, 4);
  return period.from === `${year}-01` && period.to === `${year}-12` ? year : null;
}
