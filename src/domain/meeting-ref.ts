/**
 * A meeting as a person names it on the command line: "CSCG 2025-11-12", "ASBAG 12 November
 * 2025", or a name alone ("CSCG", when the minutes state the date). Pure.
 */
import { InputError } from '../errors.js';
import { dateAt } from './minutes/dates.js';

export interface MeetingRef {
  /** The group or meeting's name, as given ("CSCG"), or null. */
  name: string | null;
  /** The date, YYYY-MM-DD, or null when none was given. */
  date: string | null;
}

export function parseMeetingRef(text: string): MeetingRef {
  const t = text.trim();
  for (let i = 0; i < t.length; i++) {
    if (i > 0 && /[\p{L}\d]/u.test(t[i - 1] as string)) continue;
    const date = dateAt(t.slice(i));
    if (date === null) {
      if (/^\d{4}-\d{1,2}-\d{1,2}\b|^\d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(t.slice(i))) {
        throw new InputError(
          `"${text}": ${t.slice(i).split(' ')[0]} is not a date (give it as YYYY-MM-DD: "CSCG 2025-11-12")`,
          { field: 'meeting' },
        );
      }
      continue;
    }
    if (date.iso === null) {
      throw new InputError(`"${text}": give the meeting's date with its year ("CSCG 2025-11-12")`, {
        field: 'meeting',
      });
    }
    const name = (t.slice(0, i) + ' ' + t.slice(i + date.length)).replace(/\s+/g, ' ').trim();
    return { name: name === '' ? null : name.replace(/[\s,:–-]+$/u, ''), date: date.iso };
  }
  return { name: t === '' ? null : t, date: null };
}
