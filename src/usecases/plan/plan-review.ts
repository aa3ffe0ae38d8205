/**
 * `lantern plan review`: a year's plan reviewed for the next strategic assessment — what was done
 * for each priority, and how its figures moved from the assessment the plan was built from to the
 * latest saved assessment of the same area over a later period (or one named).
 */
import type { Assessment } from '../../domain/assessment.js';
import { reviewPlan, type PriorityReview } from '../../domain/plan/plan-review.js';
import type { PlanRecord } from '../../domain/plan/plan-types.js';
import type { Scope } from '../../domain/scope.js';
import type { Db } from '../../store/db.js';
import type { PlanChoice } from './find-plan.js';
import { savedAssessmentFor, savedAssessmentsFor } from '../saved-assessments.js';
import { planView } from './plan-view.js';

export interface PlanReview {
  plan: PlanRecord;
  then: { id: string; period: string } | null;
  now: { id: string; period: string } | null;
  priorities: PriorityReview[];
}

export async function planReview(
  db: Db,
  scope: Scope,
  choice: PlanChoice & { assessment?: string | undefined },
  at: Date,
): Promise<PlanReview> {
  const view = await planView(db, scope, choice, at);
  // Each assessment as the caller may see it: refused unless they see its area in detail, and
  // without the partner themes (and the force) their grants do not open.
  const load = async (id: string, option: string) => {
    const { record, assessment } = await savedAssessmentFor(db, scope, id, option);
    return { id: record.id, assessment };
  };
  const then = view.plan.assessmentId
    ? await load(view.plan.assessmentId, "the plan's assessment")
    : null;
  let nowId = choice.assessment;
  if (nowId === undefined) {
    // A later one the caller may see: of the same area, over a period ending after the plan's
    // assessment's.
    const later = (await savedAssessmentsFor(db, scope)).filter(
      (a) =>
        a.areaCode === view.plan.areaCode &&
        a.id !== view.plan.assessmentId &&
        (then === null || a.periodTo > then.assessment.period.to),
    );
    nowId = later.at(-1)?.id;
  }
  const now = nowId ? await load(nowId, '⟨assessment⟩') : null;
  const period = (a: Assessment) => `${a.period.from}..${a.period.to}`;
  return {
    plan: view.plan,
    then: then && { id: then.id, period: period(then.assessment) },
    now: now && { id: now.id, period: period(now.assessment) },
    priorities: reviewPlan(view, then?.assessment ?? null, now?.assessment ?? null),
  };
}
