/**
 * What every change to the action plan does besides the change itself: a line in the plan's
 * history (the row before and after) and one in the hash-chained audit log, in the change's
 * transaction; and the refusals, recorded in the audit log before the refusal is thrown.
 */
import type { Actor } from '../../domain/access.js';
import { areaLevel } from '../../domain/scope.js';
import type { HistoryRecord, PlanRecord } from '../../domain/plan/plan-types.js';
import { planEditRefusal, type PlanEdit } from '../../domain/plan/plan-edit-rights.js';
import { ForbiddenError } from '../../errors.js';
import { ancestorsOf } from '../../store/areas.js';
import { appendAudit } from '../../store/audit-log.js';
import { isWriteConflict, type Db } from '../../store/db.js';
import { appendHistory } from '../../store/plan-history.js';
import { scopeOfUser } from '../sign-in.js';

export interface Change {
  entity: HistoryRecord['entity'];
  entityId: number;
  version: number;
  /** The audit log's action: plan.create, plan.action.update, … */
  action: string;
  change: string;
  before: object | null;
  after: object | null;
  area: string | null;
}

export async function recordChange(db: Db, actor: Actor, c: Change, at: Date): Promise<void> {
  await appendHistory(db, {
    at: at.toISOString(),
    author: actor.name,
    entity: c.entity,
    entityId: c.entityId,
    version: c.version,
    change: c.change,
    before: c.before as Record<string, unknown> | null,
    after: c.after as Record<string, unknown> | null,
  });
  await appendAudit(
    db,
    {
      actor: actor.name,
      action: c.action,
      area: c.area,
      outcome: 'ok',
      detail: `${c.entity} ${c.entityId} v${c.version}: ${c.change}`,
    },
    at,
  );
}

/**
 * Refuses (and records the refusal) unless the actor may make this edit: by role
 * (domain/plan/plan-edit-rights.ts) and, for a signed-in user other than an admin, by a grant
 * covering the plan's area. Call before the change's transaction, so the refusal is kept.
 */
export async function requirePlanEdit(
  db: Db,
  actor: Actor,
  plan: Pick<PlanRecord, 'areaCode' | 'partnership' | 'year'> | null,
  edit: PlanEdit,
  auditAction: string,
  now: Date,
  actionOrganisation: string | null = null,
): Promise<void> {
  let why = planEditRefusal(actor, edit, actionOrganisation);
  const user = actor.user;
  if (why === null && user !== null && user.role !== 'admin' && plan?.areaCode) {
    const scope = await scopeOfUser(db, user);
    if (areaLevel(scope, await ancestorsOf(db, plan.areaCode)) === null)
      why = `no grant of ${user.name}'s covers ${plan.partnership}'s area (${plan.areaCode}): ask your Lantern administrator`;
  }
  if (why === null) return;
  await appendAudit(
    db,
    {
      actor: actor.name,
      action: auditAction,
      area: plan?.areaCode ?? null,
      outcome: 'refused',
      detail: why,
    },
    now,
  );
  throw new ForbiddenError(`${actor.name} may not change the action plan: ${why}`);
}

/** DuckDB's refusal of a commit that raced another session's (a row or a key both wrote). */
export const isWriteRace = isWriteConflict;

/**
 * Runs a change of the plan in one transaction, again when it lost a race with another session's
 * change (both took the next history or audit number, or wrote the same row): Db's
 * retryingTransaction. Each attempt reads afresh, so a version check that now fails gives the
 * usual conflict message rather than a bare refusal.
 */
export function planTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return db.retryingTransaction(work);
}
