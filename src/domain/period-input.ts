/**
 * Periods as a person types them: `YYYY-MM..YYYY-MM` (or one month), `YYYY` (a calendar year),
 * `YYYY-YY` or `YYYY/YY` (a financial year, April to March: the year a partnership plans in), and
 * `last-12-months` (or `last-N-months`: the N months up to the latest month held of the area's force; also
 * typed as words, "last 12 months" or "latest 12 months").
 * A month such as 2011-12 is read as December 2011; its financial year is typed 2011/12.
 */
import { InputError } from '../errors.js';
import { isMonth, type Month, type Period } from './month.js';

/** A period, or "the last N months held", which the store resolves. */
export type PeriodChoice = Period | { last: number };

export const PERIOD_FORMS =
  'YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), ' +
  'YYYY-YY (April to March, e.g. 2025-26) or last-12-months';

/** Reads a typed period; the error (no option name: the edge adds it) lists the accepted forms. */
export function parsePeriodChoice(text: string): PeriodChoice {
  const value = text.trim().toLowerCase();
  // Also as words: "last 12 months", "latest 12 months" (the dashboard's Period box says the latter).
  const last = /^(?:last|latest)[-\s]+(\d{1,3})[-\s]+months?$/u.exec(value);
  if (last) {
    const n = Number(last[1]);
    if (n < 1) throw new InputError(`"${text}": give at least one month`);
    return { last: n };
  }
  if (/^\d{4}$/u.test(value)) return { from: `${value}-01`, to: `${value}-12` };
  const financial = /^(\d{4})[-/](\d{2})$/u.exec(value);
  if (financial && !(value.includes('-') && isMonth(value))) {
    const start = Number(financial[1]);
    if (Number(financial[2]) !== (start + 1) % 100) {
      // "2019-00" (month 00) is a slip in a month, like "2019-13", not a financial year.
      if (value.includes('-') && (Number(financial[2]) > 12 || financial[2] === '00'))
        throw new InputError(
          `"${text}" is not a month (months run 01 to 12); periods are ${PERIOD_FORMS}`,
        );
      throw new InputError(
        `"${text}" is not a financial year: the second year must follow the first (e.g. ${start}-${String((start + 1) % 100).padStart(2, '0')}); periods are ${PERIOD_FORMS}`,
      );
    }
    return { from: `${start}-04`, to: `${start + 1}-03` };
  }
  const parts = value.split('..');
  if (parts.length <= 2 && parts.every(isMonth)) {
    const from = parts[0] as Month;
    const to = (parts[1] ?? from) as Month;
    if (from > to) throw new InputError(`"${text}" ends before it starts`);
    return { from, to };
  }
  throw new InputError(`"${text}" is not a period; give ${PERIOD_FORMS}`);
}

/** The period itself, once "the last N months" is known relative to the latest month held. */
export function resolvePeriodChoice(choice: PeriodChoice, latestHeld: Month | null): Period {
  if (!('last' in choice)) return choice;
  if (latestHeld === null) {
    throw new InputError(
      'the store holds no month yet, so "the last months" mean nothing; import data first',
    );
  }
  const [y, m] = latestHeld.split('-').map(Number) as [number, number];
  const start = y * 12 + (m - 1) - (choice.last - 1);
  const from = `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}`;
  return { from, to: latestHeld };
}
