/**
 * `lantern plan review`: a year's plan reviewed for the next strategic assessment — what was done
 * for each priority, and how its figures moved from the assessment the plan was built from to the
 * latest saved assessment of the same area over a later period (or one named).
 */
import { periodChange } from '../../analysis/period-change.js';
import type { Assessment } from '../../domain/assessment.js';
import { monthsIn, type Month } from '../../domain/month.js';
import {
  reviewPlan,
  type CompareRecords,
  type PriorityReview,
} from '../../domain/plan/plan-review.js';
import type { PlanRecord } from '../../domain/plan/plan-types.js';
import type { Scope } from '../../domain/scope.js';
import type { Db } from '../../store/db.js';
import { InputError } from '../../errors.js';
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
  // Another area's figures say nothing of how this plan's priorities moved.
  if (now && view.plan.areaCode !== null && now.assessment.area.code !== view.plan.areaCode)
    throw new InputError(
      `Assessment ${now.id} is of ${now.assessment.area.name}, and the ${view.plan.year} plan of ${view.plan.partnership} is of ${view.plan.areaName ?? view.plan.areaCode}: name an assessment of the plan's area (lantern assess list).`,
      { field: 'assessment' },
    );
  const then_ = then?.assessment ?? null;
  const now_ = now?.assessment ?? null;
  return {
    plan: view.plan,
    then: then && { id: then.id, period: period(then.assessment) },
    now: now && { id: now.id, period: period(now.assessment) },
    priorities: reviewPlan(
      view,
      then_,
      now_,
      undefined,
      then_ && now_ ? compareRecords(then_, now_) : undefined,
    ),
  };
}

/**
 * An issue's records in two assessments compared as `trends` compares periods
 * (analysis/period-change.ts): month by month over periods of the same length, per month held over
 * periods of different lengths (a 2-month base against a 3-month review is not a rise of 50%).
 * Each assessment's months held are its own; where the periods overlap, the later assessment's
 * count of a month is taken. Without months (an issue scored from evidence not counted by month),
 * totals are compared only over periods of the same length.
 */
function compareRecords(then: Assessment, now: Assessment): CompareRecords {
  return (key) => {
    const before = then.issues.find((i) => i.key === key);
    const after = now.issues.find((i) => i.key === key);
    if (before === undefined || after === undefined) return null;
    const series = new Map<Month, number>();
    for (const issue of [before, after])
      for (const m of issue.months) if (m.count !== null) series.set(m.month, m.count);
    const moved = series.size > 0 ? periodChange(series, then.period, now.period) : null;
    if (moved !== null) {
      const held = (months: Month[]) => months.filter((m) => series.has(m)).length;
      return {
        basis: moved.basis,
        previous: moved.previous,
        current: moved.current,
        monthsThen: held(monthsIn(then.period)),
        monthsNow: held(monthsIn(now.period)),
        changePct: moved.changePct,
      };
    }
    const lengths = [monthsIn(then.period).length, monthsIn(now.period).length] as const;
    const [previous, current] = [before.evidence.recorded, after.evidence.recorded];
    if (lengths[0] !== lengths[1]) return null;
    return {
      basis: 'paired',
      previous,
      current,
      monthsThen: lengths[0],
      monthsNow: lengths[1],
      changePct: previous > 0 ? (100 * (current - previous)) / previous : null,
    };
  };
}
