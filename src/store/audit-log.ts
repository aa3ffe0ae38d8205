/**
 * The audit log (migration 013): who did what, when, to which area or dataset, and how it ended.
 * Rows are only ever appended — this module has no update and no delete — and each carries
 * hash = SHA-256(previous row's hash + this row's content), starting from 64 zeros, so that a row
 * edited or deleted afterwards (by anyone with the file) breaks the chain, which `verifyAuditLog`
 * finds. Append inside the transaction of the change it records, so both are kept or neither.
 */
import { createHash } from 'node:crypto';

import type { Db } from './db.js';

export interface AuditEntry {
  actor: string;
  action: string;
  area?: string | null;
  dataset?: string | null;
  outcome: 'ok' | 'refused' | 'failed';
  detail?: string | null;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  area: string | null;
  dataset: string | null;
  outcome: string;
  detail: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of a row: the previous hash and the row's fields, each length-prefixed. */
export function auditRowHash(prevHash: string, row: AuditRow): string {
  const fields = [
    String(row.seq),
    row.at,
    row.actor,
    row.action,
    row.area ?? '',
    row.dataset ?? '',
    row.outcome,
    row.detail ?? '',
  ];
  const hash = createHash('sha256').update(prevHash);
  for (const f of fields) hash.update(`${f.length}:${f}`);
  return hash.digest('hex');
}

export async function appendAudit(db: Db, entry: AuditEntry, at: Date): Promise<void> {
  const [last] = await db.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const row: AuditRow = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    area: entry.area ?? null,
    dataset: entry.dataset ?? null,
    outcome: entry.outcome,
    detail: entry.detail ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await db.run(
    `INSERT INTO audit_log VALUES ($seq, $at::TIMESTAMPTZ, $actor, $action, $area, $dataset,
       $outcome, $detail, $prev, $hash)`,
    { ...row, prev: prevHash, hash: auditRowHash(prevHash, row) },
  );
}

const SELECT = `SELECT seq, strftime(logged_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS at, actor,
  action, area, dataset, outcome, detail FROM audit_log`;

function toRow(r: Record<string, unknown>): AuditRow {
  return {
    seq: r.seq as number,
    at: r.at as string,
    actor: r.actor as string,
    action: r.action as string,
    area: (r.area as string | null) ?? null,
    dataset: (r.dataset as string | null) ?? null,
    outcome: r.outcome as string,
    detail: (r.detail as string | null) ?? null,
  };
}

/** Rows in order, optionally of one actor and from a time on. */
export async function readAudit(
  db: Db,
  filter: { actor?: string; since?: Date } = {},
): Promise<AuditRow[]> {
  const rows = await db.query(
    `${SELECT} WHERE ($actor IS NULL OR actor = $actor)
       AND ($since IS NULL OR logged_at >= $since::TIMESTAMPTZ) ORDER BY seq`,
    { actor: filter.actor ?? null, since: filter.since?.toISOString() ?? null },
  );
  return rows.map(toRow);
}

/** One page of the log, newest first, and how many rows it holds in all. */
export async function readAuditPage(
  db: Db,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const [count] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM audit_log');
  const rows = await db.query(`${SELECT} ORDER BY seq DESC LIMIT $limit OFFSET $offset`, {
    limit: page.limit,
    offset: page.offset,
  });
  return { rows: rows.map(toRow), total: count?.n ?? 0 };
}

/**
 * Checks the whole chain: the first row whose stored hashes do not follow from the rows before it
 * (an edited row, a deleted one, rows reordered), or null when the log is intact.
 */
export async function verifyAuditLog(db: Db): Promise<{ rows: number; brokenAt: number | null }> {
  const rows = await db.query(`${SELECT.replace(' FROM', ', prev_hash, hash FROM')} ORDER BY seq`);
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const r of rows) {
    const row = toRow(r);
    if (row.seq !== expectedSeq || r.prev_hash !== prev || auditRowHash(prev, row) !== r.hash) {
      return { rows: rows.length, brokenAt: row.seq };
    }
    prev = r.hash as string;
    expectedSeq++;
  }
  return { rows: rows.length, brokenAt: null };
}
