/**
 * The partnership's meetings as the dashboard shows them: each with its date, group and
 * attendees, and a meeting's action log (the actions raised there, with status and RAG). A
 * meeting is the partnership's, not an area's: a caller sees it when their grants cover the area
 * of one of the partnership's plans (or the partnership has no plan with an area), and sees only
 * the actions of plans they may read.
 */
import { planDay } from '../../domain/plan/plan-day.js';
import type { MeetingRecord, PlanRecord } from '../../domain/plan/plan-types.js';
import { viewAction, type ActionView } from '../../domain/plan/plan-view.js';
import type { Scope } from '../../domain/scope.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { findActions } from '../../store/plan-actions.js';
import { findMeetings, groupNames } from '../../store/plan-meetings.js';
import { findPlans, objectivesOf, prioritiesOf } from '../../store/plan-rows.js';
import { isPlanVisible } from './plan-view.js';

export interface MeetingSummary extends MeetingRecord {
  group: string | null;
  /** How many actions were raised at it (of the plans the caller may read). */
  actions: number;
}

export interface MeetingDetail {
  meeting: MeetingRecord;
  group: string | null;
  /** The actions raised at it, each with the year of the plan it went into. */
  actions: (ActionView & { planYear: string | null })[];
}

/** The plans the caller may read, newest year first, and how many others the store holds. */
export async function visiblePlans(
  db: Db,
  scope: Scope,
): Promise<{ plans: PlanRecord[]; hidden: number }> {
  const all = await findPlans(db);
  const plans: PlanRecord[] = [];
  for (const p of all) if (await isPlanVisible(db, scope, p)) plans.push(p);
  return { plans, hidden: all.length - plans.length };
}

async function partnershipVisible(db: Db, scope: Scope, partnership: string): Promise<boolean> {
  if (scope.areas === 'all') return true;
  const plans = await findPlans(db, { partnership });
  if (plans.every((p) => p.areaCode === null)) return true;
  for (const p of plans) if (await isPlanVisible(db, scope, p)) return true;
  return false;
}

/** The meetings the caller may see, newest first, and how many others the store holds. */
export async function meetingsView(
  db: Db,
  scope: Scope,
  now: Date,
): Promise<{ meetings: MeetingSummary[]; hidden: number }> {
  const meetings = (await findMeetings(db)).reverse();
  const out: MeetingSummary[] = [];
  const names = await groupNames(db);
  for (const m of meetings) {
    if (!(await partnershipVisible(db, scope, m.partnership))) continue;
    const actions = await raisedAt(db, scope, m, now);
    out.push({
      ...m,
      group: m.groupId === null ? null : (names.get(m.groupId) ?? null),
      actions: actions.length,
    });
  }
  return { meetings: out, hidden: meetings.length - out.length };
}

/** One meeting with its action log. */
export async function meetingDetail(
  db: Db,
  scope: Scope,
  id: number,
  now: Date,
): Promise<MeetingDetail> {
  const [meeting] = await findMeetings(db, { id });
  if (meeting === undefined)
    throw new NotFoundError(`there is no meeting ${id} (the meetings page lists them)`);
  if (!(await partnershipVisible(db, scope, meeting.partnership)))
    throw new ForbiddenError(
      `your access does not cover the area of ${meeting.partnership}'s plans, whose meeting this is: ask your Lantern administrator for a grant if you need it`,
    );
  const names = await groupNames(db, meeting.partnership);
  return {
    meeting,
    group: meeting.groupId === null ? null : (names.get(meeting.groupId) ?? null),
    actions: await raisedAt(db, scope, meeting, now),
  };
}

async function raisedAt(
  db: Db,
  scope: Scope,
  meeting: MeetingRecord,
  now: Date,
): Promise<(ActionView & { planYear: string | null })[]> {
  const today = planDay(now);
  const plans = new Map((await findPlans(db)).map((p) => [p.id, p]));
  const out: (ActionView & { planYear: string | null })[] = [];
  for (const a of await findActions(db, { meetingId: meeting.id })) {
    const plan = a.planId === null ? null : (plans.get(a.planId) ?? null);
    if (plan && !(await isPlanVisible(db, scope, plan))) continue;
    const priorities = plan ? await prioritiesOf(db, plan.id) : [];
    const objectives = plan ? await objectivesOf(db, plan.id) : [];
    out.push({ ...viewAction(a, today, priorities, objectives), planYear: plan?.year ?? null });
  }
  return out;
}
