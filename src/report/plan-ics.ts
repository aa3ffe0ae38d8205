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
    `UID:lantern-plan-${view.plan.id}-action-${a.id}@lantern`,
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
