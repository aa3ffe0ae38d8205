/**
 * A meeting's details where minutes state them simply: its date ("Date: 12 November 2025",
 * "Minutes of the meeting held on Wednesday 12 November 2025"), who was present ("Present:",
 * "Attendees:", "In attendance:"), apologies ("Apologies:") and the next meeting's date. Pure.
 */
import { dateAt, firstFullDate } from './dates.js';
import { headingLike, type MinutesLine } from './lines.js';
import type { MeetingDetails } from './proposal.js';

const PRESENT =
  /^(?:present|attendees|attendance|in attendance|members present|attending|those present)\s*(?::|[–—-])?\s*(.*)$/i;
const APOLOGIES =
  /^apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?received\s+from)?\s*(?::|[–—-])?\s*(.*)$/i;
const NEXT =
  /^(?:the\s+)?(?:date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?)?next\s+meeting\s*(?::|[–—-]|will\s+be(?:\s+held)?(?:\s+on)?|is(?:\s+on)?)?\s*(.*)$/i;
const DATE_LINE = /^(?:date(?:\s+of\s+meeting)?\s*:|meeting\s+date\s*:|.*\bheld\s+(?:on\s+)?)/i;
/** A date on its own line near the top: "Wednesday 12 November 2025". */
const HEAD_LINES = 15;

export function meetingDetails(lines: readonly MinutesLine[]): MeetingDetails {
  const details: MeetingDetails = { date: null, attendees: [], apologies: [], nextMeeting: null };
  const firstLines = lines.filter((l) => !l.blank).slice(0, HEAD_LINES);
  for (const l of firstLines) {
    if (DATE_LINE.test(l.text) || dateAt(l.text)?.length === l.text.replace(/\.$/, '').length) {
      details.date = firstFullDate(l.text);
      if (details.date) break;
    }
  }
  lines.forEach((l, i) => {
    if (l.blank || l.cells) return;
    const present = PRESENT.exec(l.text);
    if (present) details.attendees.push(...names(present[1] as string, lines, i));
    const apologies = APOLOGIES.exec(l.text);
    if (apologies) details.apologies.push(...names(apologies[1] as string, lines, i));
    const next = NEXT.exec(l.text);
    if (next && details.nextMeeting === null) {
      const text = next[1] as string;
      for (let k = 0; k < text.length && details.nextMeeting === null; k++) {
        if (k > 0 && /[\p{L}\d]/u.test(text[k - 1] as string)) continue;
        details.nextMeeting = dateAt(text.slice(k), details.date)?.iso ?? null;
      }
    }
  });
  return details;
}

/** The names on the label's line, or on the lines under it when the label stands alone. */
function names(sameLine: string, lines: readonly MinutesLine[], at: number): string[] {
  if (sameLine.trim() !== '') return split(sameLine);
  const out: string[] = [];
  for (let k = at + 1; k < lines.length; k++) {
    const l = lines[k] as MinutesLine;
    if (l.blank) {
      if (out.length > 0) break;
      continue;
    }
    if (PRESENT.test(l.text) || APOLOGIES.test(l.text) || l.markdownHeading) break;
    if (!l.listItem && out.length > 0 && !headingLike(l)) break;
    if (!l.listItem && l.text.length > 80) break;
    out.push(...split(l.text));
  }
  return out;
}

function split(text: string): string[] {
  return text
    .split(/[;,]\s*(?![^()]*\))/)
    .map((n) => n.trim().replace(/\.$/, ''))
    .filter((n) => n !== '' && !/^(?:none|nil|n\/a)$/i.test(n));
}
