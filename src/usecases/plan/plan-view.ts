/**
 * The plan as a person reads it (`lantern plan show`, `plan overdue`, the report): its priorities
 * with their objectives and actions, each action with its RAG (derived, and the override beside
 * it), its updates, and counts by RAG. Read only; only for a caller who sees the plan's area in
 * detail or holds a grant of that area itself (isPlanVisible), and without the band and rank of a priority whose dataset the caller's
 * grants do not open there (a restricted theme's place in the assessment).
 */
import { findDataset } from '../../domain/datasets.js';
import type { PlanBasis } from '../../domain/plan/plan-basis.js';
import { planDay } from '../../domain/plan/plan-day.js';
import type {
  ActionUpdateRecord,
  HistoryRecord,
  PlanRecord,
  PriorityRecord,
} from '../../domain/plan/plan-types.js';
import {
  ragCounts,
  viewAction,
  type ActionView,
  type PlanView,
} from '../../domain/plan/plan-view.js';
import { areaLevel, mayReadDatasetIn, type Scope } from '../../domain/scope.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { ancestorsOf } from '../../store/areas.js';
import { savedAssessment } from '../../store/assessments.js';
import type { Db } from '../../store/db.js';
import { actionById, carriedToOf, findActions, updatesOf } from '../../store/plan-actions.js';
import { historyOf } from '../../store/plan-history.js';
import { objectivesOf, planById, prioritiesOf } from '../../store/plan-rows.js';
import { findPlan, type PlanChoice } from './find-plan.js';
import { revisedFor } from '../saved-assessments.js';

/**
 * Whether the caller may read the plan (a plan with no area is the partnership's): they see its
 * area in detail, or they hold a grant of that area itself (a viewer, whose grants count as
 * totals only, reads their own partnership's plan). A totals-only grant of a wider area (a partner
 * granted the force as totals) opens the districts' counts under disclosure control, not their
 * plans: a plan's actions name people and operations.
 */
export async function isPlanVisible(db: Db, scope: Scope, plan: PlanRecord): Promise<boolean> {
  return (await planAccess(db, scope, plan)) === 'visible';
}

async function planAccess(
  db: Db,
  scope: Scope,
  plan: PlanRecord,
): Promise<'visible' | 'wider totals only' | 'none'> {
  if (scope.areas === 'all' || plan.areaCode === null) return 'visible';
  const level = areaLevel(scope, await ancestorsOf(db, plan.areaCode));
  if (level === 'detail') return 'visible';
  if (level === null) return 'none';
  const own = scope.aggregateAreas;
  return own !== undefined && own !== 'all' && own.includes(plan.areaCode)
    ? 'visible'
    : 'wider totals only';
}

export async function assertPlanVisible(db: Db, scope: Scope, plan: PlanRecord): Promise<void> {
  const access = await planAccess(db, scope, plan);
  if (access === 'visible') return;
  const named = `${plan.areaName ?? plan.areaCode} (${plan.areaCode})`;
  throw new ForbiddenError(
    access === 'none'
      ? `your access does not cover ${named}, whose plan this is: ask your Lantern administrator for a grant if you need it`
      : `your access shows ${named} as totals only, through a grant of a wider area, and its plan needs a grant of ${plan.areaName ?? plan.areaCode} itself: ask your Lantern administrator for a grant if you need it`,
  );
}

/**
 * The plan's priorities as the caller may see them: a priority taken from a partner dataset the
 * caller's grants do not open in the plan's area keeps its name (the plan is the partnership's)
 * but not its band and rank in the assessment.
 */
async function prioritiesSeenBy(
  db: Db,
  scope: Scope,
  plan: PlanRecord,
  priorities: PriorityRecord[],
): Promise<PriorityRecord[]> {
  if (scope.datasetAreas === undefined && scope.datasets === 'all') return priorities;
  const chain = plan.areaCode === null ? [] : await ancestorsOf(db, plan.areaCode);
  return priorities.map((p) =>
    findDataset(p.key) && !mayReadDatasetIn(scope, p.key, chain, 'detail')
      ? { ...p, band: null, rank: null }
      : p,
  );
}

export async function planView(
  db: Db,
  scope: Scope,
  choice: PlanChoice,
  now: Date,
): Promise<PlanView> {
  const plan = await findPlan(db, choice);
  await assertPlanVisible(db, scope, plan);
  const today = planDay(now);
  const priorities = await prioritiesSeenBy(db, scope, plan, await prioritiesOf(db, plan.id));
  const objectives = await objectivesOf(db, plan.id);
  const carried = await carriedToOf(db, { planId: plan.id });
  const actions = (await findActions(db, { planId: plan.id })).map((a) =>
    viewAction(a, today, priorities, objectives, carried.get(a.id) ?? null),
  );
  return {
    plan,
    basis: await planBasis(db, scope, plan),
    today,
    priorities: priorities.map((p) => ({
      ...p,
      objectives: objectives.filter((o) => o.priorityId === p.id),
    })),
    actions,
    updates: await updatesOf(db, { planId: plan.id }),
    counts: ragCounts(actions),
  };
}

/**
 * The saved assessment the plan's priorities rest on: area, period, the months of it held, the
 * day saved, the months of it imported again since (of the datasets `scope` may read). Null for a plan made without one, or whose assessment is no longer in the store.
 */
export async function planBasis(db: Db, scope: Scope, plan: PlanRecord): Promise<PlanBasis | null> {
  if (plan.assessmentId === null) return null;
  const saved = await savedAssessment(db, plan.assessmentId).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (saved === null) return null;
  let coverage: { held?: unknown; months?: unknown } | undefined;
  try {
    coverage = (JSON.parse(saved.result) as { coverage?: typeof coverage }).coverage;
  } catch {
    coverage = undefined;
  }
  const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) ? n : null);
  return {
    id: saved.id,
    areaName: saved.areaName,
    periodFrom: saved.periodFrom,
    periodTo: saved.periodTo,
    held: count(coverage?.held),
    months: count(coverage?.months),
    savedOn: saved.savedAt.slice(0, 10),
    revisedSince: await revisedFor(db, scope, saved),
  };
}

export interface ActionDetail {
  action: ActionView;
  plan: PlanRecord | null;
  updates: ActionUpdateRecord[];
  history: HistoryRecord[];
}

/** One action with its updates and the full history of its changes. */
export async function actionDetail(
  db: Db,
  scope: Scope,
  id: number,
  now: Date,
): Promise<ActionDetail> {
  const a = await actionById(db, id);
  if (a === null)
    throw new NotFoundError(`there is no action ${id} (lantern plan show lists them)`);
  const plan = a.planId === null ? null : await planById(db, a.planId);
  if (plan) await assertPlanVisible(db, scope, plan);
  const priorities = plan
    ? await prioritiesSeenBy(db, scope, plan, await prioritiesOf(db, plan.id))
    : [];
  const objectives = plan ? await objectivesOf(db, plan.id) : [];
  return {
    action: viewAction(
      a,
      planDay(now),
      priorities,
      objectives,
      (await carriedToOf(db, { actionId: id })).get(id) ?? null,
    ),
    plan,
    updates: await updatesOf(db, { actionId: id }),
    history: await historyOf(db, 'action', id),
  };
}
