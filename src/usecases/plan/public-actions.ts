/**
 * The public page's "What the partnership is doing": the actions of a district's action plan
 * marked public (`plan action add --public`), under the plan priority each serves. The plan is the
 * one for the plan year of today (April to March) whose area is the district, else the latest
 * earlier one; only public actions, and of them only the title, status and due date (never an
 * owner's name or a note). With them, the id of the saved assessment the plan's priorities were
 * taken from: the public page's priorities are that assessment's (usecases/public-page.ts).
 */
import { planDay } from '../../domain/plan/plan-day.js';
import { STATUS_WORDS } from '../../domain/plan/action-status.js';
import { planYearOf } from '../../domain/plan/plan-year.js';
import type { PublicAction } from '../../report/public-page-data.js';
import type { Db } from '../../store/db.js';
import { findActions } from '../../store/plan-actions.js';
import { findPlans, prioritiesOf } from '../../store/plan-rows.js';
import type { PublicActions } from '../public-page.js';

/** The provider of a district's plan (its public actions and its assessment), from the store. */
export function planPublicActions(db: Db, now: () => Date): PublicActions {
  return async (area) => {
    const thisYear = planYearOf(planDay(now())).label;
    const plans = (await findPlans(db))
      .filter((p) => p.areaCode === area.code && p.year <= thisYear)
      .sort((a, b) => b.year.localeCompare(a.year));
    const plan = plans[0];
    if (plan === undefined) return null;
    const priorities = new Map((await prioritiesOf(db, plan.id)).map((p) => [p.id, p.label]));
    const actions = (await findActions(db, { planId: plan.id })).filter(
      (a) => a.public && a.status !== 'cancelled',
    );
    return {
      assessmentId: plan.assessmentId,
      // Named on the page: in April the plan held is often last year's (QA, year 2).
      year: { shown: plan.year, today: thisYear },
      actions: actions.map((a): PublicAction => ({
        priority:
          a.priorityId === null ? 'Other work' : (priorities.get(a.priorityId) ?? 'Other work'),
        title: a.title,
        status: STATUS_WORDS[a.status],
        due: a.dueDate,
      })),
    };
  };
}
