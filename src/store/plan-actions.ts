/** The action plan's actions and their dated updates (migration 015). */
import type { ActionRecord, ActionUpdateRecord } from '../domain/plan/plan-types.js';
import type { Db, Params } from './db.js';

const ACTION = `id, partnership, plan_id AS "planId", priority_id AS "priorityId",
  objective_id AS "objectiveId", meeting_id AS "meetingId", group_id AS "groupId", title,
  description, owner, organisation, strftime(start_date, '%Y-%m-%d') AS "startDate",
  strftime(due_date, '%Y-%m-%d') AS "dueDate", status, progress, rag_override AS "ragOverride",
  rag_reason AS "ragReason", links, public, carried_from AS "carriedFrom",
  strftime(created_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS "createdAt",
  created_by AS "createdBy",
  strftime(updated_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS "updatedAt",
  updated_by AS "updatedBy", version`;

function toAction(r: Record<string, unknown>): ActionRecord {
  return { ...(r as unknown as ActionRecord), links: JSON.parse(r.links as string) as string[] };
}

function params(a: ActionRecord) {
  return { ...a, links: JSON.stringify(a.links) };
}

/** Only the named parameters: DuckDB refuses a parameter its statement does not use. */
function pick<T extends object>(values: T, keys: readonly (keyof T)[]): Params {
  return Object.fromEntries(keys.map((k) => [k, values[k]])) as Params;
}

export async function insertAction(db: Db, a: ActionRecord): Promise<void> {
  await db.run(
    `INSERT INTO plan_action VALUES ($id, $partnership, $planId, $priorityId, $objectiveId,
       $meetingId, $groupId, $title, $description, $owner, $organisation, $startDate::DATE,
       $dueDate::DATE, $status, $progress, $ragOverride, $ragReason, $links, $public,
       $carriedFrom, $createdAt::TIMESTAMPTZ, $createdBy, $updatedAt::TIMESTAMPTZ, $updatedBy,
       $version)`,
    params(a),
  );
}

/**
 * Writes an action's editable fields as version `a.version`, only if the stored row is still at
 * `a.version - 1`; false when it is not (someone else's change came first).
 */
export async function updateAction(db: Db, a: ActionRecord): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    `UPDATE plan_action SET plan_id = $planId, priority_id = $priorityId,
       objective_id = $objectiveId, group_id = $groupId, title = $title,
       description = $description, owner = $owner, organisation = $organisation,
       due_date = $dueDate::DATE, status = $status, progress = $progress,
       rag_override = $ragOverride, rag_reason = $ragReason, links = $links, public = $public,
       updated_at = $updatedAt::TIMESTAMPTZ, updated_by = $updatedBy, version = $version
     WHERE id = $id AND version = $version - 1
     RETURNING id`,
    pick(params(a), [
      'id',
      'planId',
      'priorityId',
      'objectiveId',
      'groupId',
      'title',
      'description',
      'owner',
      'organisation',
      'dueDate',
      'status',
      'progress',
      'ragOverride',
      'ragReason',
      'links',
      'public',
      'updatedAt',
      'updatedBy',
      'version',
    ]),
  );
  return rows.length === 1;
}

export async function actionById(db: Db, id: number): Promise<ActionRecord | null> {
  const rows = await db.query(`SELECT ${ACTION} FROM plan_action WHERE id = $id`, { id });
  return rows[0] ? toAction(rows[0]) : null;
}

/** The actions of a plan, or of a meeting, in the order they were added. */
export async function findActions(
  db: Db,
  filter: { planId?: number; meetingId?: number; carriedFrom?: number },
): Promise<ActionRecord[]> {
  const rows = await db.query(
    `SELECT ${ACTION} FROM plan_action
     WHERE ($planId IS NULL OR plan_id = $planId)
       AND ($meetingId IS NULL OR meeting_id = $meetingId)
       AND ($carriedFrom IS NULL OR carried_from = $carriedFrom)
     ORDER BY id`,
    {
      planId: filter.planId ?? null,
      meetingId: filter.meetingId ?? null,
      carriedFrom: filter.carriedFrom ?? null,
    },
  );
  return rows.map(toAction);
}

/** The ids of a plan's actions that a later action continues (carried over into another plan). */
export async function carriedOnIds(db: Db, planId: number): Promise<Set<number>> {
  const rows = await db.query(
    `SELECT DISTINCT later.carried_from AS id FROM plan_action later
     JOIN plan_action earlier ON earlier.id = later.carried_from
     WHERE earlier.plan_id = $planId AND later.plan_id IS DISTINCT FROM $planId`,
    { planId },
  );
  return new Set(rows.map((r) => Number(r.id)));
}

export async function insertActionUpdate(db: Db, u: ActionUpdateRecord): Promise<void> {
  await db.run(
    `INSERT INTO plan_action_update VALUES ($id, $actionId, $at::TIMESTAMPTZ, $author, $note,
       $status, $progress)`,
    { ...u },
  );
}

/** The updates of one action, or of every action of a plan, oldest first. */
export async function updatesOf(
  db: Db,
  filter: { actionId?: number; planId?: number },
): Promise<ActionUpdateRecord[]> {
  return db.query<ActionUpdateRecord & Record<string, unknown>>(
    `SELECT u.id, u.action_id AS "actionId",
       strftime(u.given_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS at, u.author, u.note, u.status,
       u.progress
     FROM plan_action_update u JOIN plan_action a ON a.id = u.action_id
     WHERE ($actionId IS NULL OR u.action_id = $actionId)
       AND ($planId IS NULL OR a.plan_id = $planId)
     ORDER BY u.given_at, u.id`,
    { actionId: filter.actionId ?? null, planId: filter.planId ?? null },
  );
}

/** Where an action was carried over to: the copy that continues it, and that copy's plan year. */
export interface CarriedTo {
  id: number;
  year: string;
}

/**
 * The copies that continue actions (`carried_from`) in another plan, by the id of the action each
 * continues: of a plan's actions, or of one action. The first copy made when there are several.
 */
export async function carriedToOf(
  db: Db,
  filter: { planId?: number; actionId?: number },
): Promise<Map<number, CarriedTo>> {
  const rows = await db.query<{ from: number; id: number; year: string }>(
    `SELECT later.carried_from AS "from", later.id, p.year
     FROM plan_action later
     JOIN plan_action earlier ON earlier.id = later.carried_from
     JOIN action_plan p ON p.id = later.plan_id
     WHERE later.plan_id IS DISTINCT FROM earlier.plan_id
       AND ($planId IS NULL OR earlier.plan_id = $planId)
       AND ($actionId IS NULL OR earlier.id = $actionId)
     ORDER BY later.id DESC`,
    { planId: filter.planId ?? null, actionId: filter.actionId ?? null },
  );
  return new Map(rows.map((r) => [Number(r.from), { id: Number(r.id), year: r.year }]));
}
