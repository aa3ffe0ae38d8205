/** Reading the audit log (admins and the store's local owner only), and checking its hash chain. */
import type { Actor } from '../domain/access.js';
import type { AuditedUse } from '../domain/audited-use.js';
import {
  appendAudit,
  readAudit,
  readAuditPage,
  verifyAuditLog,
  type AuditEntry,
  type AuditRow,
} from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { ForbiddenError } from '../errors.js';
import { requireAdmin } from './access-actor.js';

export async function auditLog(
  db: Db,
  actor: Actor,
  filter: { user?: string; since?: Date },
  now: Date,
): Promise<AuditRow[]> {
  await requireAdmin(db, actor, 'audit.read', 'read the audit log', now);
  return readAudit(db, {
    ...(filter.user ? { actor: filter.user } : {}),
    ...(filter.since ? { since: filter.since } : {}),
  });
}

export async function verifyAudit(
  db: Db,
  actor: Actor,
  now: Date,
): Promise<{ rows: number; brokenAt: number | null }> {
  await requireAdmin(db, actor, 'audit.verify', 'check the audit log', now);
  return verifyAuditLog(db);
}

/** One page of the log, newest first (the admin page), with the chain checked as `--verify` does. */
export async function auditPage(
  db: Db,
  actor: Actor,
  page: { offset: number; limit: number },
  now: Date,
): Promise<{
  rows: AuditRow[];
  total: number;
  verified: { rows: number; brokenAt: number | null };
}> {
  await requireAdmin(db, actor, 'audit.read', 'read the audit log', now);
  return { ...(await readAuditPage(db, page)), verified: await verifyAuditLog(db) };
}

/**
 * Records what a caller did or was refused — a read of a restricted dataset, an export, a refused
 * request — for an adapter (the server) that has no state-changing use case to do it.
 */
export async function recordAudit(db: Db, entry: AuditEntry, now: Date): Promise<void> {
  await appendAudit(db, entry, now);
}

/**
 * Records a use of a command (an import, an export, a read of a restricted dataset) once it is
 * over, in a transaction of its own, run again if another session appends at the same moment.
 * A use refused (not allowed) or failed names why.
 */
export async function recordUse(
  db: Db,
  actor: string,
  use: AuditedUse,
  ending: { outcome: 'ok' } | { outcome: 'refused' | 'failed'; message: string },
  now: Date,
): Promise<void> {
  const why = ending.outcome === 'ok' ? null : ending.message.slice(0, 300);
  const detail = [use.detail, why].filter((d): d is string => d !== null).join('; ');
  await db.retryingTransaction(() =>
    appendAudit(
      db,
      {
        actor,
        action: use.action,
        area: use.area,
        dataset: use.dataset,
        outcome: ending.outcome,
        detail: detail === '' ? null : detail,
      },
      now,
    ),
  );
}

/** How a use ended, from the error it threw (if any): refused when it was not allowed. */
export function endingOf(
  error: unknown,
): { outcome: 'ok' } | { outcome: 'refused' | 'failed'; message: string } {
  if (error === undefined) return { outcome: 'ok' };
  const message = error instanceof Error ? error.message : String(error);
  return { outcome: error instanceof ForbiddenError ? 'refused' : 'failed', message };
}

/**
 * Records a request refused (a caller outside their grants or role, a token or session not
 * accepted, too many sign-ins), in a transaction of its own, run again if another session appends
 * at the same moment.
 */
export async function recordRefusal(
  db: Db,
  entry: Omit<AuditEntry, 'outcome'>,
  now: Date,
): Promise<void> {
  await db.retryingTransaction(() => appendAudit(db, { ...entry, outcome: 'refused' }, now));
}
