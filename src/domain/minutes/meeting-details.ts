/**
 * A meeting's details where minutes state them simply: its date ("Date: 12 November 2025",
 * "Minutes of the meeting held on Wednesday 12 November 2025", a title "Newport CSCG minutes –
 * Wednesday 12 March 2025"; never "the previous meeting held on …"), who was present ("Present:",
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
/** "Date: …", "Date of meeting: …", "Meeting date: …": the meeting's date, stated. */
const DATE_LABEL = /^(?:date(?:\s+of\s+(?:the\s+)?meeting)?\s*:|meeting\s+date\s*:)/i;
/** "Minutes of the meeting held on …". */
const HELD_ON = /\bheld\s+(?:on\s+)?/i;
/** A title line: "Newport CSCG minutes – Wednesday 12 March 2025". */
const TITLE_WORDS = /\b(?:minutes|meeting|agenda|notes)\b/i;
/** Another meeting's date: "the minutes of the previous meeting held on 11 December 2024". */
const OTHER_MEETING =
  /\b(?:previous|last|prior|earlier|preceding|next|following|future)\s+(?:\p{L}+\s+)?(?:meeting|minutes)\b/iu;
/** How far down the minutes their date is looked for. */
const HEAD_LINES = 15;
/** How many lines at the top may be the title. */
const TITLE_LINES = 3;

/**
 * The meeting's date: a "Date:" line first; else the first line near the top that says when it
 * was held ("… held on …"), a title line with a date, or a date on its own. A line about another
 * meeting ("the previous meeting held on …", "next meeting") never gives it.
 */
function meetingDate(lines: readonly MinutesLine[]): string | null {
  // Each line up to any mention of another meeting: what follows it is that meeting's.
  const head = lines
    .filter((l) => !l.blank)
    .slice(0, HEAD_LINES)
    .map((l) => l.text.slice(0, OTHER_MEETING.exec(l.text)?.index ?? l.text.length).trim());
  for (const text of head) {
    const date = DATE_LABEL.test(text) ? firstFullDate(text) : null;
    if (date) return date;
  }
  for (const [i, text] of head.entries()) {
    const alone = text !== '' && dateAt(text)?.length === text.replace(/\.$/, '').length;
    const title = i < TITLE_LINES && TITLE_WORDS.test(text);
    const date = HELD_ON.test(text) || alone || title ? firstFullDate(text) : null;
    if (date) return date;
  }
  return null;
}

export function meetingDetails(lines: readonly MinutesLine[]): MeetingDetails {
  const details: MeetingDetails = {
    date: meetingDate(lines),
    attendees: [],
    apologies: [],
    nextMeeting: null,
  };
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
