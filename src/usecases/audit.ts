/** Reading the audit log (admins and the store's local owner only), and checking its hash chain. */
import type { Actor } from '../domain/access.js';
import {
  appendAudit,
  readAudit,
  readAuditPage,
  verifyAuditLog,
  type AuditEntry,
  type AuditRow,
} from '../store/audit-log.js';
import type { Db } from '../store/db.js';
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
