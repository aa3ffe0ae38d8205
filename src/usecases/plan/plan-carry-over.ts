/**
 * `lantern plan carry-over --from 2025-26 --to 2026-27`: the open actions of one year's plan (not
 * complete, not cancelled) copied into the next year's, each remembering the action it continues
 * and keeping its start date (so its RAG counts the time already gone), status, progress, priority
 * and objective, the meeting that raised it, its group and a RAG set by hand; the next year's plan is made (with the same priorities) if there is none.
 * The original is then closed in its plan (grey, never overdue, refusing updates: see
 * domain/plan/plan-view.ts). An action carried before, into any plan, is not carried again, so
 * running it again, or along a chain of years, carries nothing twice.
 */
import type { Actor } from '../../domain/access.js';
import { isOpen } from '../../domain/plan/action-status.js';
import type { ActionRecord, PlanRecord } from '../../domain/plan/plan-types.js';
import { parsePlanYear } from '../../domain/plan/plan-year.js';
import { InputError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { carriedToOf, findActions, insertActionUpdate } from '../../store/plan-actions.js';
import {
  findPlans,
  insertPlan,
  insertPriority,
  nextId,
  objectivesOf,
  prioritiesOf,
} from '../../store/plan-rows.js';
import { adoptMeetingActions } from './adopt-meeting-actions.js';
import { findPlan } from './find-plan.js';
import { insertNewAction } from './plan-actions.js';
import { recordChange, requirePlanEdit, planTransaction } from './plan-change.js';

export interface CarryOver {
  from: PlanRecord;
  to: PlanRecord;
  planCreated: boolean;
  carried: { from: number; to: number; title: string }[];
  /** When the next year's plan was made: the actions of its meetings saved before, now in it. */
  adopted: ActionRecord[];
  /** Open actions carried before (by an earlier run, into this plan or another). */
  alreadyCarried: number;
  /** Actions whose priority the later plan does not have, carried without one. */
  withoutPriority: { from: number; to: number; priority: string }[];
}

export async function carryOver(
  db: Db,
  actor: Actor,
  input: { partnership?: string | undefined; from: string; to: string },
  now: Date,
): Promise<CarryOver> {
  const fromYear = parsePlanYear(input.from, 'from');
  const toYear = parsePlanYear(input.to, 'to');
  if (toYear.start <= fromYear.start)
    throw new InputError(`⟨to⟩ ${toYear.label} must come after ⟨from⟩ ${fromYear.label}`, {
      field: 'to',
    });
  const from = await findPlan(db, { partnership: input.partnership, year: fromYear.label });
  await requirePlanEdit(db, actor, from, 'plan', 'plan.carry-over', now);
  const at = now.toISOString();
  return planTransaction(db, async () => {
    let [to] = await findPlans(db, { partnership: from.partnership, year: toYear.label });
    const planCreated = to === undefined;
    let adopted: ActionRecord[] = [];
    if (to === undefined) {
      to = {
        ...from,
        id: await nextId(db, 'action_plan'),
        year: toYear.label,
        createdAt: at,
        createdBy: actor.name,
        version: 1,
      };
      await insertPlan(db, to);
      await recordChange(
        db,
        actor,
        {
          entity: 'plan',
          entityId: to.id,
          version: 1,
          action: 'plan.create',
          change: `created the ${to.year} plan of ${to.partnership} to carry over ${from.year}'s open actions`,
          before: null,
          after: to,
          area: to.areaCode,
        },
        now,
      );
      let id = await nextId(db, 'plan_priority');
      for (const p of await prioritiesOf(db, from.id)) {
        const copy = { ...p, id: id++, planId: to.id, version: 1 };
        await insertPriority(db, copy);
        await recordChange(
          db,
          actor,
          {
            entity: 'priority',
            entityId: copy.id,
            version: 1,
            action: 'plan.priority.add',
            change: `priority ${copy.label} carried from ${from.year}`,
            before: null,
            after: copy,
            area: to.areaCode,
          },
          now,
        );
      }
      adopted = await adoptMeetingActions(db, actor, to, now);
    }
    const target = to;
    const priorities = await prioritiesOf(db, from.id);
    const objectives = await objectivesOf(db, from.id);
    const targetKeys = new Set((await prioritiesOf(db, target.id)).map((p) => p.key));
    const open = (await findActions(db, { planId: from.id })).filter((a) => isOpen(a.status));
    // An action carried before, into this plan or any other, goes on in its copy: carrying it
    // again (2024-25 to 2026-27, then to 2025-26 and on) would hold it twice.
    const copies = await carriedToOf(db, { planId: from.id });
    const carried: CarryOver['carried'] = [];
    const withoutPriority: CarryOver['withoutPriority'] = [];
    let alreadyCarried = 0;
    for (const a of open) {
      if (copies.has(a.id)) {
        alreadyCarried++;
        continue;
      }
      const priority = priorities.find((p) => p.id === a.priorityId);
      // A priority the later plan does not have: the action is carried without one, and said so.
      const kept = priority && targetKeys.has(priority.key) ? priority : undefined;
      const copy: ActionRecord = await insertNewAction(
        db,
        actor,
        target,
        {
          priority: kept?.key,
          objective: kept ? objectives.find((o) => o.id === a.objectiveId)?.text : undefined,
          title: a.title,
          description: a.description ?? undefined,
          owner: a.owner ?? undefined,
          organisation: a.organisation ?? undefined,
          due: a.dueDate ?? undefined,
          links: a.links,
          public: a.public,
        },
        now,
        {
          carriedFrom: a.id,
          // Its time already gone counts: a copy started today would read "on track" though
          // nothing was done since its start (QA, year 2).
          startDate: a.startDate,
          status: a.status,
          progress: a.progress,
          meetingId: a.meetingId,
          groupId: a.groupId,
          ragOverride: a.ragOverride,
          ragReason: a.ragReason,
        },
      );
      await insertActionUpdate(db, {
        id: await nextId(db, 'plan_action_update'),
        actionId: a.id,
        at,
        author: actor.name,
        note: `carried over to the ${target.year} plan as action ${copy.id}`,
        status: null,
        progress: null,
      });
      carried.push({ from: a.id, to: copy.id, title: a.title });
      if (priority && !kept)
        withoutPriority.push({ from: a.id, to: copy.id, priority: priority.label });
    }
    return { from, to: target, planCreated, carried, withoutPriority, adopted, alreadyCarried };
  });
}
