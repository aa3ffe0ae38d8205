/**
 * The plan's due dates as an iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple
 * Calendar import: one all-day event on each action's due date. Written here rather than with a
 * library because the subset is small and fixed; the rules it follows: CRLF line ends, lines
 * folded at 75 octets without splitting a character (section 3.1), TEXT values escaped (3.3.11),
 * DTSTAMP and UID in each event (3.6.1), DATE values for all-day events, DTEND the day after.
 */
import type { ActionView, PlanView } from '../domain/plan/plan-view.js';

/** Escapes a TEXT value: backslash, semicolon, comma and line ends. */
export function icsText(text: string): string {
  return (
    text
      .replace(/\\/gu, '\\\\')
      .replace(/;/gu, '\\;')
      .replace(/,/gu, '\\,')
      .replace(/\r\n|\r|\n/gu, '\\n')
      // Control characters other than tab are not allowed in TEXT (RFC 5545, 3.3.11).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, '')
  );
}

/** Folds a content line into lines of at most 75 octets, each continuation starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basic = (day: string) => day.replaceAll('-', '');

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/gu, '')
    .replace(/\.\d{3}/u, '');
}

/**
 * The part of an event's UID that says whose plan it is: the plan's year and a digest of its
 * partnership's name (case and spacing ignored, as a partnership is matched elsewhere). RFC 5545
 * (3.8.4.7) asks a UID to be unique everywhere: each store numbers its plans and actions from 1, so
 * "plan 1, action 1" alone was the same event in every partnership's calendar, and a police partner
 * importing two CSPs' due dates into one calendar had one's events replace the other's. The same
 * plan exported again keeps its UIDs, so a calendar updates its events rather than adding copies.
 */
export function planUidKey(view: PlanView): string {
  const partnership = view.plan.partnership.trim().replace(/\s+/gu, ' ').toLowerCase();
  return `${view.plan.year}-${digest(`${partnership}\n${view.plan.year}`)}`;
}

/**
 * A 53-bit digest of a text as 14 hex digits (cyrb53, public domain): not a secret, only a name
 * unlikely to be another's. Written here because this module runs in a browser too (no node:crypto).
 */
function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

function event(a: ActionView & { dueDate: string }, view: PlanView, at: Date): string[] {
  const description = [
    a.description,
    `Owner: ${a.owner ?? 'not set'}${a.organisation ? ` (${a.organisation})` : ''}`,
    `Status: ${a.status}, ${a.progress}% done; RAG ${a.rag.rag} (${a.rag.override ? `set by hand: ${a.rag.override.reason}; derived ${a.rag.derived.rag}` : a.rag.derived.reason})`,
    a.priority ? `Priority: ${a.priority}` : null,
    ...a.links.map((l) => `Evidence: ${l}`),
  ]
    .filter((l): l is string => l !== null && l !== '')
    .join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:lantern-plan-${planUidKey(view)}-action-${a.id}@lantern`,
    `DTSTAMP:${stamp(at)}`,
    `DTSTART;VALUE=DATE:${basic(a.dueDate)}`,
    `DTEND;VALUE=DATE:${basic(nextDay(a.dueDate))}`,
    `SUMMARY:${icsText(`Due: ${a.title} (action ${a.id})`)}`,
    `DESCRIPTION:${icsText(description)}`,
    ...(a.priority ? [`CATEGORIES:${icsText(a.priority)}`] : []),
    `STATUS:${a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

export function planIcs(view: PlanView, actions: readonly ActionView[], at: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lantern//Partnership action plan//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(`${view.plan.partnership} action plan ${view.plan.year}`)}`,
    ...actions
      .filter((a): a is ActionView & { dueDate: string } => a.dueDate !== null)
      .flatMap((a) => event(a, view, at)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
