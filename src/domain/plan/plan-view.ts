/**
 * The plan as a person reads it: each action with its RAG (derived, and the override beside it),
 * its priority and objective in words and the days to its due date; and the selections the
 * outputs make (overdue, public).
 */
import type { PlanBasis } from './plan-basis.js';
import { isOpen } from './action-status.js';
import type {
  ActionRecord,
  ActionUpdateRecord,
  ObjectiveRecord,
  PlanRecord,
  PriorityRecord,
} from './plan-types.js';
import { daysBetween, shownRag, type Rag, type ShownRag } from './rag.js';

export interface ActionView extends ActionRecord {
  rag: ShownRag;
  priority: string | null;
  objective: string | null;
  /** Days to the due date (negative: overdue), or null. */
  daysLeft: number | null;
  /**
   * An open action carried over into a later year's plan: the copy that continues it. It is
   * closed here (grey, never overdue); the copy is the one to update.
   */
  carriedTo: { id: number; year: string } | null;
}

export interface PlanView {
  plan: PlanRecord;
  /** The saved assessment its priorities were taken from; null for a plan made without one. */
  basis: PlanBasis | null;
  /** The day RAG is worked out for, YYYY-MM-DD. */
  today: string;
  priorities: (PriorityRecord & { objectives: ObjectiveRecord[] })[];
  actions: ActionView[];
  updates: ActionUpdateRecord[];
  counts: Record<Rag, number>;
}

export function viewAction(
  a: ActionRecord,
  today: string,
  priorities: readonly PriorityRecord[],
  objectives: readonly ObjectiveRecord[],
  carriedTo: { id: number; year: string } | null = null,
): ActionView {
  const carried = carriedTo !== null && isOpen(a.status) ? carriedTo : null;
  const reason = carried && `carried over to the ${carried.year} plan as action ${carried.id}`;
  return {
    ...a,
    rag: reason
      ? { rag: 'grey', derived: { rag: 'grey', reason }, override: null }
      : shownRag({ ...a, due: a.dueDate, start: a.startDate }, today),
    priority: priorities.find((p) => p.id === a.priorityId)?.label ?? null,
    objective: objectives.find((o) => o.id === a.objectiveId)?.text ?? null,
    daysLeft: a.dueDate === null ? null : daysBetween(today, a.dueDate),
    carriedTo: carried,
  };
}

export function ragCounts(actions: readonly ActionView[]): Record<Rag, number> {
  const counts: Record<Rag, number> = { red: 0, amber: 0, green: 0, blue: 0, grey: 0 };
  for (const a of actions) counts[a.rag.rag]++;
  return counts;
}

/** Open actions past their due date (not those carried over), most overdue first. */
export function overdueActions(actions: readonly ActionView[]): ActionView[] {
  return actions
    .filter((a) => isOpen(a.status) && !a.carriedTo && a.daysLeft !== null && a.daysLeft < 0)
    .sort((x, y) => (x.daysLeft ?? 0) - (y.daysLeft ?? 0) || x.id - y.id);
}

/** Only what may be published: the actions marked public (for the public page). */
export function publicActions(actions: readonly ActionView[]): ActionView[] {
  return actions.filter((a) => a.public);
}
