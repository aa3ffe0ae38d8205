/**
 * The history of every change to the action plan (migration 015): the row before and after, as
 * JSON, who made the change and when. Only appended, in the transaction of the change.
 */
import type { HistoryRecord } from '../domain/plan/plan-types.js';
import type { Db } from './db.js';

export async function appendHistory(db: Db, h: Omit<HistoryRecord, 'seq'>): Promise<number> {
  const [last] = await db.query<{ seq: number }>(
    'SELECT coalesce(max(seq), 0) AS seq FROM plan_history',
  );
  const seq = (last?.seq ?? 0) + 1;
  await db.run(
    `INSERT INTO plan_history VALUES ($seq, $at::TIMESTAMPTZ, $author, $entity, $entityId,
       $version, $change, $before, $after)`,
    {
      seq,
      at: h.at,
      author: h.author,
      entity: h.entity,
      entityId: h.entityId,
      version: h.version,
      change: h.change,
      before: h.before === null ? null : JSON.stringify(h.before),
      after: h.after === null ? null : JSON.stringify(h.after),
    },
  );
  return seq;
}

/** The changes of one row, oldest first; from a version on when `after` is given. */
export async function historyOf(
  db: Db,
  entity: HistoryRecord['entity'],
  id: number,
  after = 0,
): Promise<HistoryRecord[]> {
  const rows = await db.query(
    `SELECT seq, strftime(changed_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS at, author, entity,
       entity_id AS "entityId", version, change, row_before AS before, row_after AS after
     FROM plan_history WHERE entity = $entity AND entity_id = $id AND version > $after
     ORDER BY seq`,
    { entity, id, after },
  );
  return rows.map((r) => ({
    ...(r as unknown as HistoryRecord),
    before: r.before === null ? null : (JSON.parse(r.before as string) as Record<string, unknown>),
    after: r.after === null ? null : (JSON.parse(r.after as string) as Record<string, unknown>),
  }));
}
