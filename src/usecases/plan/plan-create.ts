/**
 * `lantern plan create`: a partnership's plan for a year, its priorities taken from a saved
 * assessment (its High and Medium issues, in the assessment's order) so that each priority of the
 * plan is the assessment's. Creating the same plan again is refused, naming the one held. The
 * actions of the partnership's meetings of that year, saved before the plan existed, join it.
 */
import type { Actor } from '../../domain/access.js';
import type { Assessment, SavedAssessmentRecord } from '../../domain/assessment.js';
import type { ActionRecord, PlanRecord, PriorityRecord } from '../../domain/plan/plan-types.js';
import { planEvidence, type PlanEvidence } from '../../domain/plan/plan-evidence.js';
import { parsePlanYear } from '../../domain/plan/plan-year.js';
import { implausiblePlanDay } from '../../domain/plausible-dates.js';
import { InputError, NotFoundError } from '../../errors.js';
import { resolveArea } from '../../store/areas.js';
import { listAssessments, savedAssessment } from '../../store/assessments.js';
import type { Db } from '../../store/db.js';
import {
  ensurePartnership,
  findPlans,
  insertPlan,
  insertPriority,
  nextId,
} from '../../store/plan-rows.js';
import { adoptMeetingActions } from './adopt-meeting-actions.js';
import { recordChange, requirePlanEdit, planTransaction } from './plan-change.js';

export interface CreatePlanInput {
  partnership: string;
  year: string;
  /** 'latest', or a saved assessment's id (a prefix of 6 characters or more). */
  fromAssessment?: string | undefined;
  /** The partnership's area, when no assessment is named (or to pick its latest assessment). */
  area?: string | undefined;
}

export interface CreatedPlan {
  plan: PlanRecord;
  priorities: PriorityRecord[];
  /** Actions of the year's meetings saved before the plan was made, now in it. */
  adopted: ActionRecord[];
  /** The partnership's previous plan was of another area: its year and that area. */
  areaChanged: { year: string; areaName: string } | null;
  /** The assessment's period against the plan year (null for a plan made with no assessment). */
  evidence: PlanEvidence | null;
}

/** The bands of an assessment's issues that become the plan's priorities. */
export const PLAN_BANDS: readonly string[] = ['High', 'Medium'];

export async function createPlan(
  db: Db,
  actor: Actor,
  input: CreatePlanInput,
  now: Date,
): Promise<CreatedPlan> {
  const planYear = parsePlanYear(input.year);
  const year = planYear.label;
  const implausible = implausiblePlanDay(planYear.start, now);
  if (implausible)
    throw new InputError(`the ${year} plan year: its first day, ${implausible}`, { field: 'year' });
  const area = input.area ? await resolveArea(db, input.area) : null;
  // The partnership's area, when not given: its latest plan's (the year before, usually).
  const previous = (await findPlans(db, { partnership: input.partnership }))
    .filter((p) => p.areaCode !== null && p.year !== year)
    .sort((a, b) => a.year.localeCompare(b.year))
    .at(-1);
  const saved = input.fromAssessment
    ? await chosenAssessment(db, input.fromAssessment, area?.code ?? previous?.areaCode ?? null)
    : null;
  if (saved === null && area === null)
    throw new InputError(
      "say where the plan comes from: ⟨fromAssessment⟩ latest (or an assessment id from lantern assess list), or the partnership's ⟨area⟩",
      { field: 'fromAssessment' },
    );
  const evidence = saved
    ? planEvidence(planYear, { from: saved.periodFrom, to: saved.periodTo })
    : null;
  const areaCode = saved?.areaCode ?? area!.code;
  const areaName = saved?.areaName ?? area!.name;
  const held = await findPlans(db, { partnership: input.partnership, year });
  if (held.length > 0)
    throw new InputError(
      `${held[0]!.partnership} already has a ${year} plan (made by ${held[0]!.createdBy} on ${held[0]!.createdAt.slice(0, 10)}): see it with lantern plan show --year ${year}`,
      { field: 'year' },
    );
  await requirePlanEdit(
    db,
    actor,
    { areaCode, partnership: input.partnership, year },
    'plan',
    'plan.create',
    now,
  );
  const at = now.toISOString();
  return planTransaction(db, async () => {
    await ensurePartnership(db, input.partnership, areaCode, at);
    const plan: PlanRecord = {
      id: await nextId(db, 'action_plan'),
      partnership: input.partnership,
      year,
      areaCode,
      areaName,
      assessmentId: saved?.id ?? null,
      createdAt: at,
      createdBy: actor.name,
      version: 1,
    };
    await insertPlan(db, plan);
    await recordChange(
      db,
      actor,
      {
        entity: 'plan',
        entityId: plan.id,
        version: 1,
        action: 'plan.create',
        change: `created the ${year} plan of ${plan.partnership}${saved ? ` from assessment ${saved.id.slice(0, 12)}` : ''}`,
        before: null,
        after: plan,
        area: areaCode,
      },
      now,
    );
    const priorities: PriorityRecord[] = [];
    const issues = saved ? priorityIssues(JSON.parse(saved.result) as Assessment) : [];
    let id = await nextId(db, 'plan_priority');
    for (const issue of issues) {
      const p: PriorityRecord = {
        id: id++,
        planId: plan.id,
        key: issue.key,
        label: issue.label,
        band: issue.band,
        rank: issue.rank,
        version: 1,
      };
      await insertPriority(db, p);
      await recordChange(
        db,
        actor,
        {
          entity: 'priority',
          entityId: p.id,
          version: 1,
          action: 'plan.priority.add',
          change: `priority ${p.label} (${p.band}, rank ${p.rank}) from the assessment`,
          before: null,
          after: p,
          area: areaCode,
        },
        now,
      );
      priorities.push(p);
    }
    return {
      plan,
      priorities,
      adopted: await adoptMeetingActions(db, actor, plan, now),
      areaChanged:
        previous && previous.areaCode !== areaCode
          ? { year: previous.year, areaName: previous.areaName ?? previous.areaCode! }
          : null,
      evidence,
    };
  });
}

function priorityIssues(
  a: Assessment,
): { key: string; label: string; band: string; rank: number }[] {
  return a.issues
    .filter((i) => PLAN_BANDS.includes(i.band))
    .sort((x, y) => x.rank - y.rank)
    .map((i) => ({ key: i.key, label: i.label, band: i.band, rank: i.rank }));
}

async function chosenAssessment(
  db: Db,
  choice: string,
  areaCode: string | null,
): Promise<SavedAssessmentRecord> {
  if (choice.trim().toLowerCase() !== 'latest') {
    try {
      return await savedAssessment(db, choice);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new NotFoundError(error.message.replace('⟨compareWith⟩', '⟨fromAssessment⟩'));
    }
  }
  const all = (await listAssessments(db)).filter(
    (a) => areaCode === null || a.areaCode === areaCode,
  );
  // With no area known, the latest of any area would be a guess when several areas are assessed.
  const areas = [...new Set(all.map((a) => a.areaName))];
  if (areaCode === null && areas.length > 1)
    throw new InputError(
      `the saved assessments are of ${areas.length} areas (${areas.join(', ')}): say which is the partnership's with ⟨area⟩`,
      { field: 'area' },
    );
  const latest = all[all.length - 1];
  if (latest === undefined)
    throw new NotFoundError(
      `no saved assessment${areaCode ? ` of ${areaCode}` : ''} to build the plan from: make one first with lantern assess --area AREA --period PERIOD`,
    );
  return savedAssessment(db, latest.id);
}
