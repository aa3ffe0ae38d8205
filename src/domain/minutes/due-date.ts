/**
 * The due date of an action as minutes word it: "by 31 January", "by 31/01/2026", "by the end of
 * March 2026", "by the next meeting", "by Friday", "within two weeks", "before the end of the
 * month", "ASAP". Resolved to a day from the meeting's date (and the next meeting's, when the
 * minutes give it); what cannot be resolved keeps its wording for the reviewer.
 */
import { addDays, dateAt, MONTH, monthEnd, weekday } from './dates.js';

export interface DueContext {
  meetingDate: string | null;
  nextMeeting: string | null;
}

export interface Due {
  /** YYYY-MM-DD, or null when the wording does not resolve to a day. */
  due: string | null;
  /** The wording found, from its "by" ("by 31 January"). */
  text: string;
}

const TRIGGER =
  /\b(by|before|no later than|not later than|due(?: date)?:?|deadline:?|target date:?|in time for|ahead of|at|to|for|within|in)\s+/giu;
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  ten: 10,
  twelve: 12,
};
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The first due date the text states, or null. */
export function findDue(text: string, context: DueContext): Due | null {
  for (const m of text.matchAll(TRIGGER)) {
    const word = (m[1] as string).toLowerCase();
    const start = m.index;
    const rest = text.slice(start + m[0].length);
    const found = dueAfter(word, rest, context);
    if (found) {
      return { due: found.due, text: text.slice(start, start + m[0].length + found.length).trim() };
    }
  }
  const soon = /\b(?:asap|as soon as possible|immediately|urgently)\b/i.exec(text);
  if (soon) return { due: null, text: soon[0] };
  return null;
}

interface Found {
  due: string | null;
  length: number;
}

function dueAfter(word: string, rest: string, context: DueContext): Found | null {
  const { meetingDate, nextMeeting } = context;
  // "at/to/for the next meeting" only: "at 10am", "to 31 January's event" are not due dates.
  const next = /^(?:the\s+)?next\s+(?:\p{L}+\s+)?meeting\b/iu.exec(rest);
  if (next) return { due: nextMeeting, length: next[0].length };
  if (word === 'at' || word === 'to' || word === 'for') return null;
  if (word === 'in') {
    // "in March 2026", "in January": by the end of that month.
    const month = new RegExp(`^(${MONTH})\\b(?:\\s+\\d{4})?`, 'i').exec(rest);
    if (month) {
      const end = dateAt(`end of ${month[0]}`, meetingDate);
      if (end) return { due: end.iso, length: month[0].length };
    }
  }
  if (word === 'within' || word === 'in') {
    const span =
      /^(\d+|a|one|two|three|four|five|six|seven|eight|ten|twelve)\s+(day|week|month)s?(?:['’]s?)?(?:\s+time)?\b/i.exec(
        rest,
      );
    if (!span) return null;
    const n = NUMBER_WORDS[(span[1] as string).toLowerCase()] ?? Number(span[1]);
    const unit = (span[2] as string).toLowerCase();
    if (!meetingDate) return { due: null, length: span[0].length };
    const days = unit === 'day' ? n : unit === 'week' ? 7 * n : null;
    const due = days === null ? addMonths(meetingDate, n) : addDays(meetingDate, days);
    return { due, length: span[0].length };
  }
  const date = dateAt(rest, meetingDate);
  if (date) return { due: date.iso, length: date.length };
  const period = /^(?:the\s+)?end\s+of\s+(?:the\s+)?(month|week|year|financial year)\b/i.exec(rest);
  if (period) {
    if (!meetingDate) return { due: null, length: period[0].length };
    return {
      due: periodEnd((period[1] as string).toLowerCase(), meetingDate),
      length: period[0].length,
    };
  }
  const day = /^(?:next\s+)?(monday|tuesday|wednesday|thursday|friday)\b/i.exec(rest);
  if (day) {
    if (!meetingDate) return { due: null, length: day[0].length };
    const target = WEEKDAYS.indexOf((day[1] as string).toLowerCase()) + 1;
    let ahead = (target - weekday(meetingDate) + 7) % 7;
    if (ahead === 0) ahead = 7;
    if (/^next\s/i.test(day[0]) && ahead < 7) ahead += 7;
    return { due: addDays(meetingDate, ahead), length: day[0].length };
  }
  return null;
}

function periodEnd(period: string, meetingDate: string): string {
  const year = Number(meetingDate.slice(0, 4));
  switch (period) {
    case 'week':
      return addDays(meetingDate, (5 - weekday(meetingDate) + 7) % 7);
    case 'year':
      return `${year}-12-31`;
    case 'financial year':
      return Number(meetingDate.slice(5, 7)) <= 3 ? `${year}-03-31` : `${year + 1}-03-31`;
    default:
      return monthEnd(meetingDate);
  }
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}
