/**
 * Adding an action to a plan and updating it. An update states the version of the action it was
 * made from (`expectVersion`); when someone else's change came first it is refused with what they
 * changed, when, and the version to retry from. Each change is kept in the plan's history and the
 * audit log; a note, status or progress given also makes a dated update of the action.
 */
import type { Actor } from '../../domain/access.js';
import { checkProgress, isOpen, type ActionStatus } from '../../domain/plan/action-status.js';
import { conflictMessage, describeChanges } from '../../domain/plan/changes.js';
import { checkEvidenceLink } from '../../domain/plan/evidence-link.js';
import { noSuchDayReason } from '../../domain/minutes/dates.js';
import { planDay } from '../../domain/plan/plan-day.js';
import { implausiblePlanDay } from '../../domain/plausible-dates.js';
import type { ActionRecord, PlanRecord, PriorityRecord } from '../../domain/plan/plan-types.js';
import { checkRagOverride, type Rag } from '../../domain/plan/rag.js';
import { ConflictError, InputError, NotFoundError } from '../../errors.js';
import { appendAudit } from '../../store/audit-log.js';
import type { Db } from '../../store/db.js';
import {
  actionById,
  carriedToOf,
  insertAction,
  insertActionUpdate,
  updateAction as writeAction,
} from '../../store/plan-actions.js';
import { historyOf } from '../../store/plan-history.js';
import { ensureGroup } from '../../store/plan-meetings.js';
import {
  insertObjective,
  nextId,
  objectivesOf,
  planById,
  prioritiesOf,
} from '../../store/plan-rows.js';
import { findPlan, type PlanChoice } from './find-plan.js';
import { recordChange, requirePlanEdit, isWriteRace, planTransaction } from './plan-change.js';

export interface NewAction {
  priority?: string | undefined;
  objective?: string | undefined;
  title: string;
  description?: string | undefined;
  owner?: string | undefined;
  organisation?: string | undefined;
  group?: string | undefined;
  /** YYYY-MM-DD. */
  due?: string | undefined;
  links?: readonly string[] | undefined;
  public?: boolean | undefined;
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u;

/**
 * A date of the plan as YYYY-MM-DD that is a real day; with `now`, also one that can be meant
 * (domain/plausible-dates.ts: not decades from today).
 */
export function checkDay(text: string, field = 'due', now?: Date): string {
  const day = text.trim();
  if (!DAY.test(day))
    throw new InputError(`"${text}" is not a date: write it as YYYY-MM-DD (2026-01-31)`, {
      field,
    });
  // Written as a date, but no such day: say which part is wrong.
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const reason = noSuchDayReason(year, month, date);
  if (reason) throw new InputError(`"${text}" is not a day: ${reason}`, { field });
  const implausible = now ? implausiblePlanDay(day, now) : null;
  if (implausible) throw new InputError(implausible, { field });
  return day;
}

/** The plan's priority named by key or label (case and spacing ignored), or a refusal listing them. */
export function findPriority(
  priorities: readonly PriorityRecord[],
  wanted: string,
): PriorityRecord {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/gu, '');
  const hit = priorities.find(
    (p) => norm(p.key) === norm(wanted) || norm(p.label) === norm(wanted),
  );
  if (hit) return hit;
  throw new InputError(
    `the plan has no priority "${wanted}"; its priorities are ${priorities.map((p) => p.key).join(', ') || 'none yet'}`,
    { field: 'priority' },
  );
}

/** Adds an action to a plan (or, with `meetingId`, one raised at a meeting). */
export async function addAction(
  db: Db,
  actor: Actor,
  choice: PlanChoice,
  a: NewAction,
  now: Date,
): Promise<ActionRecord> {
  const plan = await findPlan(db, choice);
  await requirePlanEdit(db, actor, plan, 'action', 'plan.action.add', now, a.organisation ?? null);
  return planTransaction(db, () => insertNewAction(db, actor, plan, a, now, {}));
}

/**
 * Inserts an action with its history and audit lines, inside the caller's transaction (the
 * caller has checked the actor's rights). `extra` sets the meeting it was raised at and the
 * action it carries over.
 */
export async function insertNewAction(
  db: Db,
  actor: Actor,
  plan: PlanRecord | null,
  a: NewAction,
  now: Date,
  extra: {
    meetingId?: number | null;
    groupId?: number | null;
    carriedFrom?: number;
    /**
     * The day the work started, when it started before this record (a carried action goes on
     * from its original's start: its time already gone counts toward its RAG).
     */
    startDate?: string;
    partnership?: string;
    status?: ActionStatus;
    progress?: number;
    ragOverride?: Rag | null;
    ragReason?: string | null;
  },
): Promise<ActionRecord> {
  const title = a.title.trim();
  if (title === '') throw new InputError('an action needs a title', { field: 'title' });
  const partnership = plan?.partnership ?? extra.partnership;
  if (partnership === undefined) throw new InputError('an action needs a plan or a partnership');
  const priority =
    plan && a.priority ? findPriority(await prioritiesOf(db, plan.id), a.priority) : null;
  if (a.objective && !priority)
    throw new InputError('an objective belongs to a priority: give ⟨priority⟩ too', {
      field: 'objective',
    });
  const objectiveId =
    priority && a.objective
      ? await objectiveFor(db, actor, plan!, priority, a.objective, now)
      : null;
  const group = a.group ? await ensureGroup(db, partnership, a.group.trim()) : null;
  const at = now.toISOString();
  const record: ActionRecord = {
    id: await nextId(db, 'plan_action'),
    partnership,
    planId: plan?.id ?? null,
    priorityId: priority?.id ?? null,
    objectiveId,
    meetingId: extra.meetingId ?? null,
    groupId: group?.id ?? extra.groupId ?? null,
    title,
    description: a.description?.trim() || null,
    owner: a.owner?.trim() || null,
    organisation: a.organisation?.trim() || null,
    startDate: extra.startDate ?? planDay(now),
    dueDate: a.due ? checkDay(a.due, 'due', now) : null,
    status: extra.status ?? 'not-started',
    progress: extra.progress ?? 0,
    ragOverride: extra.ragOverride ?? null,
    ragReason: extra.ragReason ?? null,
    links: (a.links ?? []).map((l) => checkEvidenceLink(l)),
    public: a.public ?? false,
    carriedFrom: extra.carriedFrom ?? null,
    createdAt: at,
    createdBy: actor.name,
    updatedAt: at,
    updatedBy: actor.name,
    version: 1,
  };
  await insertAction(db, record);
  await recordChange(
    db,
    actor,
    {
      entity: 'action',
      entityId: record.id,
      version: 1,
      action: 'plan.action.add',
      change: `added "${record.title}"${priority ? ` under ${priority.label}` : ''}`,
      before: null,
      after: record,
      area: plan?.areaCode ?? null,
    },
    now,
  );
  return record;
}

async function objectiveFor(
  db: Db,
  actor: Actor,
  plan: PlanRecord,
  priority: PriorityRecord,
  text: string,
  now: Date,
): Promise<number> {
  const held = (await objectivesOf(db, plan.id)).find(
    (o) => o.priorityId === priority.id && o.text.toLowerCase() === text.trim().toLowerCase(),
  );
  if (held) return held.id;
  const o = {
    id: await nextId(db, 'plan_objective'),
    planId: plan.id,
    priorityId: priority.id,
    text: text.trim(),
    version: 1,
  };
  await insertObjective(db, o);
  await recordChange(
    db,
    actor,
    {
      entity: 'objective',
      entityId: o.id,
      version: 1,
      action: 'plan.objective.add',
      change: `objective "${o.text}" under ${priority.label}`,
      before: null,
      after: o,
      area: plan.areaCode,
    },
    now,
  );
  return o.id;
}

export interface ActionEdit {
  status?: ActionStatus | undefined;
  progress?: number | undefined;
  note?: string | undefined;
  /** A RAG set by hand, with its reason; 'clear' removes an override. */
  rag?: Rag | 'clear' | undefined;
  ragReason?: string | undefined;
  due?: string | undefined;
  owner?: string | undefined;
  organisation?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  addLinks?: readonly string[] | undefined;
  public?: boolean | undefined;
  /** The priority to move the action under, by key or label (its objective, of the old one, ends). */
  priority?: string | undefined;
}

/** A priority's label for the history ("Robbery", not its id). */
function labelOf(priorities: readonly PriorityRecord[], id: number | null): string | null {
  return id === null ? null : (priorities.find((p) => p.id === id)?.label ?? String(id));
}

/** An action as updated; `ragCleared`: the RAG set by hand that its new status ended. */
export type UpdatedAction = ActionRecord & { ragCleared?: { rag: Rag; reason: string | null } };

/** Updates an action made from version `expectVersion` of it. */
export async function updateAction(
  db: Db,
  actor: Actor,
  id: number,
  expectVersion: number,
  edit: ActionEdit,
  now: Date,
): Promise<UpdatedAction> {
  const before = await actionById(db, id);
  if (before === null)
    throw new NotFoundError(`there is no action ${id} (lantern plan show lists them)`);
  const plan = before.planId === null ? null : await planById(db, before.planId);
  // Carried over, the action goes on in the later plan's copy: an update here would be lost there.
  const copy = isOpen(before.status)
    ? (await carriedToOf(db, { actionId: id })).get(id)
    : undefined;
  if (copy)
    throw new InputError(
      `action ${id} was carried over to the ${copy.year} plan as action ${copy.id}: update that one (lantern plan action update ${copy.id})`,
      { field: 'id' },
    );
  await requirePlanEdit(
    db,
    actor,
    plan ?? { areaCode: null, partnership: before.partnership, year: '' },
    'action',
    'plan.action.update',
    now,
    before.organisation,
  );
  const priorities = plan ? await prioritiesOf(db, plan.id) : [];
  if (edit.priority !== undefined && plan === null)
    throw new InputError(
      `action ${id} is in no plan yet (its meeting's year has none), so it has no priorities to go under: make the plan first (lantern plan create)`,
      { field: 'priority' },
    );
  const moved = edit.priority === undefined ? undefined : findPriority(priorities, edit.priority);
  const after = {
    ...edited(before, edit, actor, now),
    ...(moved && moved.id !== before.priorityId ? { priorityId: moved.id, objectiveId: null } : {}),
  };
  if (after.organisation !== before.organisation)
    // Moving an action to another organisation needs the right to change that one's actions too.
    await requirePlanEdit(
      db,
      actor,
      plan ?? { areaCode: null, partnership: before.partnership, year: '' },
      'action',
      'plan.action.update',
      now,
      after.organisation,
    );
  try {
    return await planTransaction(db, async () => {
      const current = await actionById(db, id);
      if (current!.version !== expectVersion) {
        const since = await historyOf(db, 'action', id, expectVersion);
        throw new ConflictError(
          conflictMessage(
            `Action ${id} ("${current!.title}")`,
            expectVersion,
            current!.version,
            since,
            '⟨expectVersion⟩',
          ),
          { field: 'expectVersion' },
        );
      }
      const next = { ...after, version: current!.version + 1 };
      if (!(await writeAction(db, next)))
        throw new ConflictError(
          `Action ${id} was changed at the same moment by someone else: look at it again and repeat your change`,
        );
      const note = edit.note?.trim();
      if (note || edit.status !== undefined || edit.progress !== undefined)
        await insertActionUpdate(db, {
          id: await nextId(db, 'plan_action_update'),
          actionId: id,
          at: now.toISOString(),
          author: actor.name,
          note: note || 'status or progress updated',
          status: edit.status ?? null,
          progress: edit.progress ?? null,
        });
      await recordChange(
        db,
        actor,
        {
          entity: 'action',
          entityId: id,
          version: next.version,
          action: 'plan.action.update',
          change: changeWords(
            describeChanges(
              { ...before, priorityId: labelOf(priorities, before.priorityId) },
              { ...next, priorityId: labelOf(priorities, next.priorityId) },
            ),
            note,
          ),
          before,
          after: next,
          area: plan?.areaCode ?? null,
        },
        now,
      );
      return before.ragOverride !== null && next.ragOverride === null && edit.rag !== 'clear'
        ? { ...next, ragCleared: { rag: before.ragOverride, reason: before.ragReason } }
        : next;
    });
  } catch (caught) {
    // Two sessions of one server writing the same row at once: DuckDB refuses the later commit.
    const error = isWriteRace(caught)
      ? new ConflictError(
          `Action ${id} was changed at the same moment by someone else, so your change was not saved: look at it again and repeat your change`,
          { field: 'expectVersion' },
        )
      : caught;
    if (error instanceof ConflictError)
      await appendAudit(
        db,
        {
          actor: actor.name,
          action: 'plan.action.update',
          area: plan?.areaCode ?? null,
          outcome: 'refused',
          detail: `action ${id}: edit from version ${expectVersion} refused (a later version is held)`,
        },
        now,
      );
    throw error;
  }
}

/** The change in words with its note: "progress 40 → 60; note: Visits booked". */
function changeWords(fields: string, note: string | undefined): string {
  if (!note) return fields;
  return fields === 'no field changed' ? `note: ${note}` : `${fields}; note: ${note}`;
}

/** The action as the edit leaves it (checked), before its version is raised. */
function edited(before: ActionRecord, e: ActionEdit, actor: Actor, now: Date): ActionRecord {
  const status = e.status ?? before.status;
  const progress = e.progress ?? (e.status === 'complete' ? 100 : before.progress);
  checkProgress(progress, status);
  // Reopened, a complete action is no longer 100% done; how far it is, only a person can say.
  if (before.status === 'complete' && status !== 'complete' && e.progress === undefined)
    throw new InputError(
      `action ${before.id} was complete (100% done): to make it ${status}, say how far it now is with ⟨progress⟩ (0 to 99)`,
      { field: 'progress' },
    );
  if (e.status === 'not-started' && progress > 0)
    throw new InputError(
      `a not-started action is 0% done, not ${progress}%: give ⟨status⟩ in-progress, or ⟨progress⟩ 0`,
      { field: 'progress' },
    );
  let ragOverride = before.ragOverride;
  let ragReason = before.ragReason;
  // A RAG set by hand judged the action as it was: a new status ends it (the update says so),
  // unless the same update sets one again.
  const statusChanged = status !== before.status;
  if (statusChanged && e.rag === undefined && e.ragReason === undefined) {
    ragOverride = null;
    ragReason = null;
  }
  if (e.rag === 'clear') {
    ragOverride = null;
    ragReason = null;
  } else if (e.rag !== undefined || e.ragReason !== undefined) {
    checkRagOverride(e.rag ?? null, e.ragReason ?? null);
    ragOverride = e.rag ?? null;
    ragReason = e.ragReason?.trim() ?? null;
  }
  const text = (v: string | undefined, old: string | null) =>
    v === undefined ? old : v.trim() || null;
  const title = e.title?.trim() || before.title;
  return {
    ...before,
    title,
    description: text(e.description, before.description),
    owner: text(e.owner, before.owner),
    organisation: text(e.organisation, before.organisation),
    dueDate: e.due === undefined ? before.dueDate : checkDay(e.due, 'due', now),
    status,
    progress,
    ragOverride,
    ragReason,
    links: [...before.links, ...(e.addLinks ?? []).map((l) => checkEvidenceLink(l))],
    public: e.public ?? before.public,
    updatedAt: now.toISOString(),
    updatedBy: actor.name,
  };
}
