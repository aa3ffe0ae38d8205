/**
 * RAG (red, amber, green; blue for done, grey for cancelled) of an action, derived from its
 * status, due date and progress on a given day, by these rules, the first that applies:
 *
 *   1. complete                                              → blue  ("complete")
 *   2. cancelled                                             → grey  ("cancelled")
 *   3. open and the due date has passed                      → red   ("overdue")
 *   4. on hold                                               → amber ("on hold")
 *   5. open with no due date                                 → amber ("no due date set"): with no
 *      date, nothing says it is on track
 *   6. due within 14 days and less than 50% done             → amber ("due soon, under half done")
 *   7. more than 25 points behind the time elapsed between
 *      its start and its due date                            → amber ("behind schedule")
 *   8. otherwise                                             → green ("on track")
 *
 * A person may override the derived RAG, giving a reason; both are kept and shown
 * (docs/architecture.md, "Action plan"). A change of status ends the override (the use case
 * clears it), and none stands over a complete or cancelled action.
 */
import { InputError } from '../../errors.js';
import type { ActionStatus } from './action-status.js';

export const RAGS = ['red', 'amber', 'green', 'blue', 'grey'] as const;
export type Rag = (typeof RAGS)[number];

/** Days before the due date from which an action under half done is amber. */
export const DUE_SOON_DAYS = 14;
/** Progress below which an action due soon is amber. */
export const DUE_SOON_PROGRESS = 50;
/** Points of progress behind the elapsed share of its time at which an action is amber. */
export const BEHIND_POINTS = 25;

export interface RagInput {
  status: ActionStatus;
  /** YYYY-MM-DD, or null when none was set. */
  due: string | null;
  /** YYYY-MM-DD: when the action started (was added). */
  start: string;
  progress: number;
}

export interface DerivedRag {
  rag: Rag;
  /** The rule that gave it, in words. */
  reason: string;
}

const DAY_MS = 86_400_000;

/** Whole days from one day (YYYY-MM-DD) to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** "due today" on the due day (a reader of "due in 0 days" has to work it out), else "due in N days". */
function dueIn(left: number): string {
  if (left === 0) return 'due today';
  if (left === 1) return 'due tomorrow';
  return `due in ${left} days`;
}

export function deriveRag(a: RagInput, today: string): DerivedRag {
  if (a.status === 'complete') return { rag: 'blue', reason: 'complete' };
  if (a.status === 'cancelled') return { rag: 'grey', reason: 'cancelled' };
  const due = a.due;
  const left = due === null ? null : daysBetween(today, due);
  if (left !== null && left < 0)
    return { rag: 'red', reason: `overdue by ${-left} day${left === -1 ? '' : 's'}` };
  if (a.status === 'on-hold') return { rag: 'amber', reason: 'on hold' };
  if (due === null || left === null) return { rag: 'amber', reason: 'no due date set' };
  if (left <= DUE_SOON_DAYS && a.progress < DUE_SOON_PROGRESS)
    return {
      rag: 'amber',
      reason: `${dueIn(left)} and ${a.progress}% done`,
    };
  const span = daysBetween(a.start, due);
  const elapsed = daysBetween(a.start, today);
  if (span > 0 && elapsed > 0) {
    const expected = Math.min(100, (100 * elapsed) / span);
    if (a.progress < expected - BEHIND_POINTS)
      return {
        rag: 'amber',
        reason: `behind schedule: ${a.progress}% done with ${Math.round(expected)}% of its time gone`,
      };
  }
  return { rag: 'green', reason: 'on track' };
}

export function parseRag(text: string, field = 'rag'): Rag {
  const hit = RAGS.find((r) => r === text.trim().toLowerCase());
  if (hit === undefined)
    throw new InputError(`"${text}" is not a RAG rating: use ${RAGS.join(', ')}`, { field });
  return hit;
}

/** A manual RAG needs a reason, and a reason needs a RAG. */
export function checkRagOverride(rag: Rag | null, reason: string | null): void {
  if (rag !== null && (reason === null || reason.trim() === ''))
    throw new InputError(
      `a RAG set by hand needs a reason (--rag-reason "why it is ${rag}"): the derived RAG is kept beside it`,
      { field: 'ragReason' },
    );
  if (rag === null && reason !== null && reason.trim() !== '')
    throw new InputError('--rag-reason gives the reason for --rag: give both', {
      field: 'rag',
    });
}

/** What a person sees: the RAG in force, and the derived one beside an override. */
export interface ShownRag {
  rag: Rag;
  derived: DerivedRag;
  override: { rag: Rag; reason: string } | null;
}

export function shownRag(
  a: RagInput & { ragOverride: Rag | null; ragReason: string | null },
  today: string,
): ShownRag {
  const derived = deriveRag(a, today);
  // Done or cancelled is a fact, not a judgement: no RAG set by hand stands over it.
  const closed = a.status === 'complete' || a.status === 'cancelled';
  const override =
    a.ragOverride !== null && !closed ? { rag: a.ragOverride, reason: a.ragReason ?? '' } : null;
  return { rag: override?.rag ?? derived.rag, derived, override };
}
