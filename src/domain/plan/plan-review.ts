/**
 * The review of a year's plan for the next strategic assessment: for each priority, what was
 * done (actions complete, open, overdue, cancelled) and how its figures moved between the
 * assessment the plan was built from and a later one (records, band, rank). Each action is listed
 * with its state in words, so that an audience's selection of them (the public version of the
 * strategic assessment shows only actions marked public) is counted again the same way.
 */
import { findDataset } from '../datasets.js';
import { DEFAULT_DISCLOSURE_POLICY, isSmallCount } from '../disclosure/table.js';
import type { Assessment } from '../assessment.js';
import type { Band } from '../priority.js';
import { isOpen, type ActionStatus } from './action-status.js';
import type { ActionView, PlanView } from './plan-view.js';

export interface IssueFiguresAt {
  period: string;
  recorded: number | null;
  band: Band | null;
  rank: number | null;
  /** The issue is in the assessment, but the caller's grants do not open its dataset. */
  notShown?: true;
}

/** Where an action stands, in words: an open action past its due date is "overdue". */
export type ActionState =
  'done' | 'overdue' | 'in progress' | 'not started' | 'on hold' | 'cancelled';

export interface ReviewedAction {
  id: number;
  title: string;
  owner: string | null;
  organisation: string | null;
  dueDate: string | null;
  status: ActionStatus;
  state: ActionState;
  /** Open, and carried over into a later year's plan. */
  carriedOver: boolean;
  public: boolean;
}

export interface ActionCounts {
  total: number;
  complete: number;
  open: number;
  overdue: number;
  cancelled: number;
  inProgress: number;
  notStarted: number;
  onHold: number;
  carriedOver: number;
}

export interface PriorityReview {
  key: string;
  label: string;
  actions: ActionCounts;
  /** Every action of the priority, in the plan's order. */
  items: ReviewedAction[];
  completed: string[];
  stillOpen: string[];
  then: IssueFiguresAt | null;
  now: IssueFiguresAt | null;
  /**
   * The change in records, as a percentage of then's (null without both): month by month over
   * periods of the same length, per month held over periods of different lengths.
   */
  changePct: number | null;
  /** How the records were compared (null without both). */
  change: RecordsChange | null;
  /** In words: "records down 12% (1,234 → 1,086); High → Medium". */
  moved: string;
}

function figuresOf(a: Assessment | null, key: string): IssueFiguresAt | null {
  if (a === null) return null;
  const period = `${a.period.from}..${a.period.to}`;
  const issue = a.issues.find((i) => i.key === key);
  if (a.notShown?.includes(key))
    return { period, recorded: null, band: null, rank: null, notShown: true };
  if (issue === undefined) return { period, recorded: null, band: null, rank: null };
  // A restricted dataset's count from 1 to 4 is shown to no one (issue 20 item 4), nor a total
  // with a month of it held back (with another period's, it would give the month back):
  // assessments saved before they were disclosed so hold it as it was.
  const restricted = findDataset(key)?.sensitivity === 'restricted';
  const recorded =
    (issue.evidence.recorded as number | null) === null ||
    (restricted &&
      (isSmallCount(issue.evidence.recorded, DEFAULT_DISCLOSURE_POLICY) ||
        issue.months.some((m) => m.withheld !== undefined)))
      ? null
      : issue.evidence.recorded;
  return { period, recorded, band: issue.band, rank: issue.rank };
}

/**
 * How an issue's records moved between two assessments' periods, as analysis/period-change.ts
 * gives it: `paired` (periods of the same length, month by month where both are held) or
 * `per month` (periods of different lengths: counts per month held). `previous` and `current`
 * are the counts compared, over `monthsThen` and `monthsNow` months.
 */
export interface RecordsChange {
  basis: 'paired' | 'per month';
  previous: number;
  current: number;
  monthsThen: number;
  monthsNow: number;
  changePct: number | null;
}

/** Compares an issue's records in the two assessments (null when they cannot be compared). */
export type CompareRecords = (key: string) => RecordsChange | null;

const count = new Intl.NumberFormat('en-GB');
const perMonth = (n: number, months: number) =>
  new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(n / months);

function changeWords(then: IssueFiguresAt, now: IssueFiguresAt, change: RecordsChange): string {
  const pct = change.changePct === null ? null : Math.round(change.changePct);
  const what = change.basis === 'per month' ? 'records per month' : 'records';
  const way =
    pct === null
      ? what
      : pct === 0
        ? `${what} unchanged`
        : `${what} ${pct > 0 ? 'up' : 'down'} ${Math.abs(pct)}%`;
  if (change.basis === 'paired')
    return `${way} (${count.format(change.previous)} in ${then.period} → ${count.format(change.current)} in ${now.period})`;
  const months = (n: number) => `${n} month${n === 1 ? '' : 's'}`;
  return (
    `${way} (${count.format(change.previous)} in ${months(change.monthsThen)}, ${then.period} → ` +
    `${count.format(change.current)} in ${months(change.monthsNow)}, ${now.period}: ` +
    `${perMonth(change.previous, change.monthsThen)} → ${perMonth(change.current, change.monthsNow)} a month)`
  );
}

function movedWords(
  then: IssueFiguresAt | null,
  now: IssueFiguresAt | null,
  change: RecordsChange | null,
): string {
  if (then === null || now === null) return 'no later assessment to compare with';
  if (then.notShown || now.notShown)
    return 'figures not shown: your access does not open the dataset they come from';
  const parts: string[] = [];
  if (then.recorded !== null && now.recorded !== null)
    parts.push(
      change === null
        ? `records not comparable (${count.format(then.recorded)} in ${then.period}, ${count.format(now.recorded)} in ${now.period}: periods of different lengths, and no month of one or the other held)`
        : changeWords(then, now, change),
    );
  else parts.push('records not comparable (not assessed in both)');
  if (then.band !== now.band)
    parts.push(`${then.band ?? 'not assessed'} → ${now.band ?? 'not assessed'}`);
  else if (then.band !== null) parts.push(`still ${then.band}`);
  return parts.join('; ');
}

function stateOf(a: ActionView): ActionState {
  if (a.status === 'complete') return 'done';
  if (a.status === 'cancelled') return 'cancelled';
  if (a.daysLeft !== null && a.daysLeft < 0) return 'overdue';
  return a.status === 'in-progress'
    ? 'in progress'
    : a.status === 'on-hold'
      ? 'on hold'
      : 'not started';
}

/** The counts of a list of reviewed actions (an overdue action is open, and counted by status too). */
export function countActions(items: readonly ReviewedAction[]): ActionCounts {
  const n = (f: (a: ReviewedAction) => boolean) => items.filter(f).length;
  return {
    total: items.length,
    complete: n((a) => a.status === 'complete'),
    open: n((a) => isOpen(a.status)),
    overdue: n((a) => a.state === 'overdue'),
    cancelled: n((a) => a.status === 'cancelled'),
    inProgress: n((a) => a.status === 'in-progress'),
    notStarted: n((a) => a.status === 'not-started'),
    onHold: n((a) => a.status === 'on-hold'),
    carriedOver: n((a) => a.carriedOver),
  };
}

/**
 * @param carriedOn the ids of this plan's actions carried over into a later year's plan
 * @param compare how an issue's records moved from `then` to `now` (the use case gives
 *   analysis/period-change.ts); without it, no change is given
 */
export function reviewPlan(
  view: PlanView,
  then: Assessment | null,
  now: Assessment | null,
  carriedOn: ReadonlySet<number> = new Set(),
  compare: CompareRecords = () => null,
): PriorityReview[] {
  return view.priorities.map((p) => {
    const mine: ActionView[] = view.actions.filter((a) => a.priorityId === p.id);
    const items: ReviewedAction[] = mine.map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      organisation: a.organisation,
      dueDate: a.dueDate,
      status: a.status,
      state: stateOf(a),
      carriedOver: isOpen(a.status) && (Boolean(a.carriedTo) || carriedOn.has(a.id)),
      public: a.public,
    }));
    const t = figuresOf(then, p.key);
    const n = figuresOf(now, p.key);
    // Nothing is compared where either count is held back (or not assessed).
    const change = t?.recorded != null && n?.recorded != null ? compare(p.key) : null;
    const changePct =
      change?.changePct === null || change === null ? null : Math.round(change.changePct);
    return {
      key: p.key,
      label: p.label,
      actions: countActions(items),
      items,
      completed: mine.filter((a) => a.status === 'complete').map((a) => a.title),
      stillOpen: mine.filter((a) => isOpen(a.status)).map((a) => a.title),
      then: t,
      now: n,
      changePct,
      change,
      moved: movedWords(t, n, change),
    };
  });
}
