/**
 * The review of a year's plan for the next strategic assessment: for each priority, what was
 * done (actions complete, open, overdue, cancelled) and how its figures moved between the
 * assessment the plan was built from and a later one (records, band, rank).
 */
import type { Assessment } from '../assessment.js';
import type { Band } from '../priority.js';
import { isOpen } from './action-status.js';
import type { ActionView, PlanView } from './plan-view.js';

export interface IssueFiguresAt {
  period: string;
  recorded: number | null;
  band: Band | null;
  rank: number | null;
}

export interface PriorityReview {
  key: string;
  label: string;
  actions: { total: number; complete: number; open: number; overdue: number; cancelled: number };
  completed: string[];
  stillOpen: string[];
  then: IssueFiguresAt | null;
  now: IssueFiguresAt | null;
  /** The change in records, as a percentage of then's (null without both). */
  changePct: number | null;
  /** In words: "records down 12% (1,234 → 1,086); High → Medium". */
  moved: string;
}

function figuresOf(a: Assessment | null, key: string): IssueFiguresAt | null {
  if (a === null) return null;
  const period = `${a.period.from}..${a.period.to}`;
  const issue = a.issues.find((i) => i.key === key);
  if (issue === undefined) return { period, recorded: null, band: null, rank: null };
  return { period, recorded: issue.evidence.recorded, band: issue.band, rank: issue.rank };
}

const count = new Intl.NumberFormat('en-GB');

function movedWords(
  then: IssueFiguresAt | null,
  now: IssueFiguresAt | null,
  pct: number | null,
): string {
  if (then === null || now === null) return 'no later assessment to compare with';
  const parts: string[] = [];
  if (then.recorded !== null && now.recorded !== null) {
    const way =
      pct === null
        ? 'records'
        : pct === 0
          ? 'records unchanged'
          : `records ${pct > 0 ? 'up' : 'down'} ${Math.abs(pct)}%`;
    parts.push(
      `${way} (${count.format(then.recorded)} in ${then.period} → ${count.format(now.recorded)} in ${now.period})`,
    );
  } else parts.push('records not comparable (not assessed in both)');
  if (then.band !== now.band)
    parts.push(`${then.band ?? 'not assessed'} → ${now.band ?? 'not assessed'}`);
  else if (then.band !== null) parts.push(`still ${then.band}`);
  return parts.join('; ');
}

export function reviewPlan(
  view: PlanView,
  then: Assessment | null,
  now: Assessment | null,
): PriorityReview[] {
  return view.priorities.map((p) => {
    const mine: ActionView[] = view.actions.filter((a) => a.priorityId === p.id);
    const t = figuresOf(then, p.key);
    const n = figuresOf(now, p.key);
    const changePct =
      t?.recorded != null && n?.recorded != null && t.recorded > 0
        ? Math.round((100 * (n.recorded - t.recorded)) / t.recorded)
        : null;
    return {
      key: p.key,
      label: p.label,
      actions: {
        total: mine.length,
        complete: mine.filter((a) => a.status === 'complete').length,
        open: mine.filter((a) => isOpen(a.status)).length,
        overdue: mine.filter((a) => isOpen(a.status) && a.daysLeft !== null && a.daysLeft < 0)
          .length,
        cancelled: mine.filter((a) => a.status === 'cancelled').length,
      },
      completed: mine.filter((a) => a.status === 'complete').map((a) => a.title),
      stillOpen: mine.filter((a) => isOpen(a.status)).map((a) => a.title),
      then: t,
      now: n,
      changePct,
      moved: movedWords(t, n, changePct),
    };
  });
}
