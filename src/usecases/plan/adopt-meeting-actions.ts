/**
 * A plan made after the meetings of its year were saved takes in their actions: `minutes import`
 * keeps the actions of a meeting whose year has no plan yet with the meeting (no plan), and
 * promises that `lantern plan create` adds the plan. Called in the transaction that makes the
 * plan (plan create, and carry-over when it makes the next year's plan); each action taken in is
 * a new version with its history and audit row.
 */
import type { Actor } from '../../domain/access.js';
import type { ActionRecord, PlanRecord } from '../../domain/plan/plan-types.js';
import { parsePlanYear, planYearOf } from '../../domain/plan/plan-year.js';
import { ConflictError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { findActions, updateAction } from '../../store/plan-actions.js';
import { findMeetings } from '../../store/plan-meetings.js';
import { recordChange } from './plan-change.js';

/** The actions of the partnership's meetings of the plan's year held in no plan, now in `plan`. */
export async function adoptMeetingActions(
  db: Db,
  actor: Actor,
  plan: PlanRecord,
  now: Date,
): Promise<ActionRecord[]> {
  const year = parsePlanYear(plan.year).label;
  const meetings = (await findMeetings(db, { partnership: plan.partnership })).filter(
    (m) => planYearOf(m.date).label === year,
  );
  const adopted: ActionRecord[] = [];
  for (const meeting of meetings) {
    for (const before of await findActions(db, { meetingId: meeting.id })) {
      if (before.planId !== null) continue;
      const after: ActionRecord = {
        ...before,
        planId: plan.id,
        updatedAt: now.toISOString(),
        updatedBy: actor.name,
        version: before.version + 1,
      };
      if (!(await updateAction(db, after)))
        throw new ConflictError(
          `action ${before.id} was changed at the same moment by someone else: make the plan again`,
        );
      await recordChange(
        db,
        actor,
        {
          entity: 'action',
          entityId: after.id,
          version: after.version,
          action: 'plan.action.update',
          change: `joined the ${year} plan, made after the meeting "${meeting.title}" that raised it`,
          before,
          after,
          area: plan.areaCode,
        },
        now,
      );
      adopted.push(after);
    }
  }
  return adopted;
}
