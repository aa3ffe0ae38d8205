/**
 * A moment as a person types it to filter by time (audit --since): a day (2026-01-31, from its
 * midnight) or a day and time (2026-01-31T09:00, 2026-01-31 09:00:30), in UTC unless a zone is
 * given (Z, +01:00, -0500). UTC because the audit log prints its times in UTC: a time read in the
 * machine's zone, as `new Date(text)` does, gave a server set to America/New_York nothing after
 * 18:21 that the table showed at 18:21, and one in Pacific/Auckland thirteen hours more. Only these
 * forms: JavaScript's own parsing takes 2026-06-31 as 1 July and 07/12/2026 as 12 July, which a
 * UK reader means as 7 December.
 */
import { noSuchDayReason } from './minutes/dates.js';

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/iu;

export const INSTANT_FORMS =
  'a date (2026-01-31) or a time (2026-01-31T09:00, in UTC as the audit log shows it, or with its zone: 2026-01-31T10:00+01:00)';

/** The moment typed, or why it is none (no option name: the caller adds it). */
export function parseInstant(text: string): { at: Date } | { error: string } {
  const value = text.trim();
  const m = INSTANT.exec(value);
  if (!m) return { error: `"${text}" is not ${INSTANT_FORMS}` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return { error: `"${text}" is not a date: months run 01 to 12` };
  const noDay = noSuchDayReason(year, month, day);
  if (noDay) return { error: `"${text}" is not a day: ${noDay}` };
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59)
    return { error: `"${text}" is not a time of day (00:00 to 23:59:59)` };
  if (m[4] === undefined && m[8] !== undefined)
    return { error: `"${text}": a zone goes with a time (2026-01-31T00:00+01:00)` };
  let offsetMinutes = 0;
  const zone = m[8]?.toUpperCase();
  if (zone !== undefined && zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const [h, mm] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4))];
    if (h > 14 || mm > 59) return { error: `"${text}": ${zone} is not a time zone offset` };
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (h * 60 + mm);
  }
  const ms = Number((m[7] ?? '').padEnd(3, '0'));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  return { at: new Date(utc) };
}
