/**
 * The due date of an action as minutes word it: "by 31 January", "by 31/01/2026", "by the end of
 * March 2026", "by the next meeting", "by Friday", "within two weeks", "before the end of the
 * month", "by the end of next month", "tomorrow", "ASAP". Resolved to a day from the meeting's date
 * (and the next meeting's, when the minutes give it); what cannot be resolved to one day ("by the
 * end of Q3", "by mid-February", "before Christmas", "w/c 9 February", "by 31 April") keeps its
 * wording for the reviewer, with no date: a guess is never given as the due date.
 */
import { addDays, dateAt, MONTH, monthEnd, weekday, type DateMatch } from './dates.js';

export interface DueContext {
  meetingDate: string | null;
  nextMeeting: string | null;
}

export interface Due {
  /** YYYY-MM-DD, or null when the wording does not resolve to a day. */
  due: string | null;
  /** The wording found, from its "by" ("by 31 January"). */
  text: string;
  /** Why a wording that names one day resolves to none ("2027 has no 29 February"). */
  note?: string;
}

const TRIGGER =
  /\b(by|before|no later than|not later than|due(?: date)?:?|deadline:?|target date:?|in time for|ahead of|w\/c|week commencing|week beginning|at|to|for|within|in|on)\s+/giu;
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

/** The words that say a deadline follows, whatever its wording ("by", not "at" or "to"). */
const DEADLINE =
  /^(?:by|before|no later than|not later than|due(?: date)?:?|deadline:?|target date:?|w\/c|week commencing|week beginning)$/i;
/**
 * Wording that reads as a time ("the end of Q3", "mid-February", "Christmas", "w/c 9 February"),
 * not a means or an agent ("by phone", "by the police").
 */
const TIME_WORDS = new RegExp(
  `^(?:\\d|(?:[^\\s.;:()]+\\s+){0,3}?(?:${MONTH}|q[1-4]|quarter|month|week|year|term|half[- ]term|christmas|easter|summer|autumn|spring|winter|tomorrow|today|mid|w/c|week commencing|weekend)\\b)[^.;:()]*`,
  'iu',
);

/** The first due date the text states, or null. */
export function findDue(text: string, context: DueContext): Due | null {
  let unresolved: Due | null = null;
  for (const m of text.matchAll(TRIGGER)) {
    const word = (m[1] as string).toLowerCase();
    const start = m.index;
    const rest = text.slice(start + m[0].length);
    const found = dueAfter(word, rest, context);
    if (found) {
      const wording = text.slice(start, start + m[0].length + found.length).trim();
      return found.note === undefined
        ? { due: found.due, text: wording }
        : { due: found.due, text: wording, note: found.note };
    }
    // A deadline worded in a way no rule resolves: its wording is kept (the first such).
    const time = DEADLINE.test(word) ? TIME_WORDS.exec(rest) : null;
    if (time && unresolved === null)
      unresolved = { due: null, text: `${m[0]}${clause(time[0])}`.trim() };
  }
  const tomorrow = /\btomorrow\b/i.exec(text);
  if (tomorrow)
    return {
      due: context.meetingDate ? addDays(context.meetingDate, 1) : null,
      text: tomorrow[0],
    };
  if (unresolved) return unresolved;
  const soon = /\b(?:asap|as soon as possible|immediately|urgently)\b/i.exec(text);
  if (soon) return { due: null, text: soon[0] };
  return null;
}

/** A deadline's wording to the end of its clause, at most eight words. */
function clause(text: string): string {
  const words = text.split(/\s+/u).filter((w) => w !== '');
  return words
    .slice(0, 8)
    .join(' ')
    .replace(/\s+(?:and|but|so|then|with|where|which)\b.*$/iu, '')
    .replace(/[\s,]+$/u, '');
}

interface Found {
  due: string | null;
  length: number;
  note?: string;
}

const foundOf = (date: DateMatch): Found =>
  date.note === undefined
    ? { due: date.iso, length: date.length }
    : { due: date.iso, length: date.length, note: date.note };

function dueAfter(word: string, rest: string, context: DueContext): Found | null {
  const { meetingDate, nextMeeting } = context;
  // "at/to/for the next meeting" only: "at 10am", "to 31 January's event" are not due dates.
  const next = /^(?:the\s+)?next\s+(?:\p{L}+\s+)?meeting\b/iu.exec(rest);
  if (next) return { due: nextMeeting, length: next[0].length };
  if (word === 'at' || word === 'to' || word === 'for') return null;
  // "on 12 March", "on the 1st of next month": a day, nothing else ("report on CCTV").
  if (word === 'on') {
    const day = dateAt(rest, meetingDate) ?? nextMonthDay(rest, meetingDate);
    return day && foundOf(day);
  }
  // "w/c 9 February": some day of that week, not one the minutes name.
  if (word === 'w/c' || word.startsWith('week ')) return null;
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
  if (date) return foundOf(date);
  // "the end of next month", "the 1st of next month", "tomorrow": one day from the meeting's.
  const nextMonth = nextMonthDay(rest, meetingDate);
  if (nextMonth) return { due: nextMonth.iso, length: nextMonth.length };
  const tomorrow = /^tomorrow\b/i.exec(rest);
  if (tomorrow)
    return {
      due: meetingDate ? addDays(meetingDate, 1) : null,
      length: tomorrow[0].length,
    };
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

/** "the end of next month", "the 1st of next month": from the meeting's month. */
function nextMonthDay(rest: string, meetingDate: string | null): DateMatch | null {
  const m = /^(?:the\s+)?(end|1st|first)\s+of\s+next\s+month\b/i.exec(rest);
  if (!m) return null;
  if (!meetingDate) return { iso: null, length: m[0].length };
  const first = addMonths(`${meetingDate.slice(0, 8)}01`, 1);
  const end = (m[1] as string).toLowerCase() === 'end';
  return { iso: end ? monthEnd(first) : first, length: m[0].length };
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
