/**
 * The strategic assessment's review of the previous action plan: what was done for each of its
 * priorities (the plan review of `lantern plan review`, domain/plan/plan-review.ts) and how the
 * priority's figures moved from the period of the assessment the plan was built from to the
 * report's period (analysis/period-change.ts: the change and exact test `trends` gives).
 *
 * The previous plan is the latest plan of the report's area whose year began before the report's
 * period began: for a report of 2025 (January to December) or of 2025-26 (April to March), the
 * 2024-25 plan; a plan whose year begins within the report's period is the current one, not the
 * one to review. Null when the store holds no such plan.
 *
 * A restricted dataset's priority gives no figures where a count of them is from 1 to 4 (issue 20
 * item 4), for every audience.
 *
 * The public version reviews only the actions marked public (report/public-data.ts then leaves
 * out owners and the priorities of data shared only between partners).
 */
import { periodChange } from '../analysis/period-change.js';
import { measureSeries, type AreaCounts, type AreaSummary } from '../domain/area-counts.js';
import type { Assessment } from '../domain/assessment.js';
import { findDataset } from '../domain/datasets.js';
import {
  DEFAULT_DISCLOSURE_POLICY,
  isSmallCount,
  type DisclosurePolicy,
} from '../domain/disclosure/table.js';
import type { Period } from '../domain/month.js';
import { reviewPlan } from '../domain/plan/plan-review.js';
import { parsePlanYear } from '../domain/plan/plan-year.js';
import { publicActions } from '../domain/plan/plan-view.js';
import type { Scope } from '../domain/scope.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { Audience, PlanReviewData } from '../report/report-data.js';
import { savedAssessment } from '../store/assessments.js';
import type { Db } from '../store/db.js';
import { carriedOnIds } from '../store/plan-actions.js';
import { findPlans } from '../store/plan-rows.js';
import { issueMeasure } from './issue-measure.js';
import { planView } from './plan/plan-view.js';
import { heldAcrossReaders, overMonthsHeld } from './report-months-held.js';

export async function reportPlanReview(
  db: Db,
  scope: Scope,
  request: {
    area: AreaSummary;
    period: Period;
    /** The area's street records (read once by the report). */
    street: AreaCounts;
    audience: Audience;
    /** The report's date, YYYY-MM-DD: each action's state is given for it. */
    today: string;
    /** The disclosure threshold a restricted dataset's counts are held back under (default 5). */
    disclosure?: DisclosurePolicy;
  },
): Promise<PlanReviewData | null> {
  const { area, period, audience, today } = request;
  const policy = request.disclosure ?? DEFAULT_DISCLOSURE_POLICY;
  const plan = (await findPlans(db))
    .filter((p) => p.areaCode === area.code && parsePlanYear(p.year).start < `${period.from}-01`)
    .sort((a, b) => b.year.localeCompare(a.year) || a.partnership.localeCompare(b.partnership))[0];
  if (plan === undefined) return null;
  const view = await planView(
    db,
    scope,
    { partnership: plan.partnership, year: plan.year },
    new Date(`${today}T00:00:00Z`),
  );
  const base = await basePeriod(db, plan.assessmentId);
  const shown = audience === 'public' ? { ...view, actions: publicActions(view.actions) } : view;
  const reviewed = reviewPlan(shown, null, null, await carriedOnIds(db, plan.id));
  const priorities: PlanReviewData['priorities'] = [];
  for (const p of reviewed) {
    const counted = await issueMeasure(db, scope, p.key, [area], [request.street]).catch(
      (error: unknown) => {
        if (error instanceof ForbiddenError) return null;
        throw error;
      },
    );
    const moved =
      counted && base
        ? periodChange(
            measureSeries(counted.inputs[0] as AreaCounts, counted.measure),
            base,
            period,
          )
        : null;
    // A restricted dataset's counts from 1 to 4 are shown to no one (issue 20 item 4): neither
    // are its two totals when one is, nor when months left out of the pairing could be worked out.
    const dataset = findDataset(p.key);
    const restricted = dataset?.sensitivity === 'restricted';
    const withheld =
      moved !== null &&
      restricted &&
      (isSmallCount(moved.previous, policy) ||
        isSmallCount(moved.current, policy) ||
        moved.unpaired.length > 0);
    // Nor, as everywhere in a report, a sum of a dataset some reader sees month by month under
    // control over a month that control could hold back (report-months-held.ts).
    const acrossReaders =
      moved !== null &&
      counted !== null &&
      base !== null &&
      dataset !== undefined &&
      heldAcrossReaders(dataset, audience) &&
      (await overMonthsHeld(db, dataset, area, counted.measure.key, [base, period], policy));
    const figures = withheld || acrossReaders ? null : moved;
    priorities.push({
      key: p.key,
      label: p.label,
      actions: p.actions,
      items: p.items,
      figures,
      noFigures: figures
        ? null
        : withheld
          ? `not given: ${p.key} is a restricted dataset, and its counts from 1 to ${policy.threshold - 1} are shown to no one`
          : acrossReaders
            ? `not given: in a month of one period or the other, a count from 1 to ${policy.threshold - 1} was recorded here or in another district of the force`
            : !base
              ? 'the plan was not built from a saved assessment, so there is no earlier period to compare with'
              : !counted
                ? 'not counted in the data Lantern holds (scored from the partnership’s own evidence)'
                : 'no month of one period or the other is held',
      synthetic: counted?.synthetic ?? false,
    });
  }
  return {
    partnership: plan.partnership,
    year: plan.year,
    made: plan.createdAt.slice(0, 10),
    base,
    asOf: view.today,
    priorities,
    withheld: [],
  };
}

/** The period of the assessment a plan was built from; null when none (or no longer held). */
async function basePeriod(db: Db, id: string | null): Promise<Period | null> {
  if (id === null) return null;
  try {
    const record = await savedAssessment(db, id);
    return (JSON.parse(record.result) as Assessment).period;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
