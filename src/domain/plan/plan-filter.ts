/**
 * The dashboard's selections of a plan's actions: by owner, organisation, status and RAG (as the
 * address gives them), the counts of overdue and due-soon actions, and the actions summed by
 * owner or organisation. Pure: the day is the plan view's.
 */
import { isOpen, type ActionStatus } from './action-status.js';
import type { ActionView } from './plan-view.js';
import { DUE_SOON_DAYS, type Rag } from './rag.js';

export interface ActionFilter {
  owner?: string | undefined;
  organisation?: string | undefined;
  status?: ActionStatus | undefined;
  /** The RAG in force (an override's when set). */
  rag?: Rag | undefined;
}

const same = (a: string | null, b: string) =>
  (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

export function filterActions(actions: readonly ActionView[], f: ActionFilter): ActionView[] {
  return actions.filter(
    (a) =>
      (f.owner === undefined || same(a.owner, f.owner)) &&
      (f.organisation === undefined || same(a.organisation, f.organisation)) &&
      (f.status === undefined || a.status === f.status) &&
      (f.rag === undefined || a.rag.rag === f.rag),
  );
}

/** Open and past its due date. */
export const isOverdue = (a: ActionView): boolean =>
  isOpen(a.status) && a.daysLeft !== null && a.daysLeft < 0;

/** Open and due today or within the next 14 days. */
export const isDueSoon = (a: ActionView): boolean =>
  isOpen(a.status) && a.daysLeft !== null && a.daysLeft >= 0 && a.daysLeft <= DUE_SOON_DAYS;

export interface ActionTally {
  /** The owner or organisation; null: none given. */
  name: string | null;
  total: number;
  open: number;
  overdue: number;
  dueSoon: number;
  complete: number;
  red: number;
  amber: number;
  green: number;
}

/** The actions summed by owner or organisation, most actions first, then by name. */
export function tallyBy(
  actions: readonly ActionView[],
  key: 'owner' | 'organisation',
): ActionTally[] {
  const rows = new Map<string, ActionTally>();
  for (const a of actions) {
    const name = a[key]?.trim() || null;
    const k = (name ?? '').toLowerCase();
    let row = rows.get(k);
    if (!row) {
      row = {
        name,
        total: 0,
        open: 0,
        overdue: 0,
        dueSoon: 0,
        complete: 0,
        red: 0,
        amber: 0,
        green: 0,
      };
      rows.set(k, row);
    }
    row.total++;
    if (isOpen(a.status)) row.open++;
    if (isOverdue(a)) row.overdue++;
    if (isDueSoon(a)) row.dueSoon++;
    if (a.status === 'complete') row.complete++;
    if (a.rag.rag === 'red' || a.rag.rag === 'amber' || a.rag.rag === 'green') row[a.rag.rag]++;
  }
  return [...rows.values()].sort(
    (x, y) =>
      y.total - x.total ||
      (x.name === null ? 1 : 0) - (y.name === null ? 1 : 0) ||
      (x.name ?? '').localeCompare(y.name ?? ''),
  );
}

/** The distinct values of a field, for the filter's list (case kept from the first seen). */
export function valuesOf(actions: readonly ActionView[], key: 'owner' | 'organisation'): string[] {
  const seen = new Map<string, string>();
  for (const a of actions) {
    const v = a[key]?.trim();
    if (v && !seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
  }
  return [...seen.values()].sort((x, y) => x.localeCompare(y));
}
