/**
 * The action plan's partnerships, plans, priorities and objectives (migration 015). Ids are
 * small whole numbers, one sequence per table, so a person can type them (`plan action update 12`).
 */
import type { ObjectiveRecord, PlanRecord, PriorityRecord } from '../domain/plan/plan-types.js';
import type { Db } from './db.js';

/** The next id of a table whose key is `id`. */
export async function nextId(db: Db, table: string): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `SELECT coalesce(max(id), 0) + 1 AS id FROM ${table}`,
  );
  return row?.id ?? 1;
}

export async function ensurePartnership(
  db: Db,
  name: string,
  areaCode: string | null,
  at: string,
): Promise<void> {
  await db.run(
    `INSERT INTO partnership VALUES ($name, $areaCode, $at::TIMESTAMPTZ) ON CONFLICT DO NOTHING`,
    { name, areaCode, at },
  );
}

export async function listPartnerships(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>('SELECT name FROM partnership ORDER BY name');
  return rows.map((r) => r.name);
}

const PLAN = `id, partnership, year, area_code AS "areaCode", area_name AS "areaName",
  assessment_id AS "assessmentId",
  strftime(created_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS "createdAt",
  created_by AS "createdBy", version`;

export async function insertPlan(db: Db, p: PlanRecord): Promise<void> {
  await db.run(
    `INSERT INTO action_plan VALUES ($id, $partnership, $year, $areaCode, $areaName,
       $assessmentId, $createdAt::TIMESTAMPTZ, $createdBy, $version)`,
    { ...p },
  );
}

/** The plans, newest year first; of one partnership and year when given. */
export async function findPlans(
  db: Db,
  filter: { partnership?: string; year?: string } = {},
): Promise<PlanRecord[]> {
  return db.query<PlanRecord & Record<string, unknown>>(
    `SELECT ${PLAN} FROM action_plan
     WHERE ($partnership IS NULL OR lower(partnership) = lower($partnership))
       AND ($year IS NULL OR year = $year)
     ORDER BY year DESC, partnership`,
    { partnership: filter.partnership ?? null, year: filter.year ?? null },
  );
}

export async function planById(db: Db, id: number): Promise<PlanRecord | null> {
  const rows = await db.query<PlanRecord & Record<string, unknown>>(
    `SELECT ${PLAN} FROM action_plan WHERE id = $id`,
    { id },
  );
  return rows[0] ?? null;
}

const PRIORITY = 'id, plan_id AS "planId", key, label, band, rank, version';

export async function insertPriority(db: Db, p: PriorityRecord): Promise<void> {
  await db.run(
    'INSERT INTO plan_priority VALUES ($id, $planId, $key, $label, $band, $rank, $version)',
    { ...p },
  );
}

export async function prioritiesOf(db: Db, planId: number): Promise<PriorityRecord[]> {
  return db.query<PriorityRecord & Record<string, unknown>>(
    `SELECT ${PRIORITY} FROM plan_priority WHERE plan_id = $planId
     ORDER BY rank NULLS LAST, id`,
    { planId },
  );
}

export async function insertObjective(db: Db, o: ObjectiveRecord): Promise<void> {
  await db.run('INSERT INTO plan_objective VALUES ($id, $planId, $priorityId, $text, $version)', {
    ...o,
  });
}

export async function objectivesOf(db: Db, planId: number): Promise<ObjectiveRecord[]> {
  return db.query<ObjectiveRecord & Record<string, unknown>>(
    `SELECT id, plan_id AS "planId", priority_id AS "priorityId", text, version
     FROM plan_objective WHERE plan_id = $planId ORDER BY id`,
    { planId },
  );
}
