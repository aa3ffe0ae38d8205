/**
 * API tokens (migration 013): for automation and Power BI's web connector. Only the token's
 * SHA-256 is kept; its public id (the part after `lnt_`) names it in lists and in revoking.
 */
import { TEXT_LIST, list, type Db } from './db.js';
import { noteUse, STALE } from './sessions.js';

export interface ApiTokenRecord {
  id: string;
  user: string;
  name: string;
  grantIds: string[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function insertApiToken(
  db: Db,
  t: {
    id: string;
    tokenHash: string;
    userId: string;
    name: string;
    grantIds: readonly string[];
    expiresAt: Date;
  },
  at: Date,
): Promise<void> {
  await db.run(
    `INSERT INTO api_token VALUES ($id, $hash, $user, $name, $grants, $at::TIMESTAMPTZ,
       $expires::TIMESTAMPTZ, NULL, NULL)`,
    {
      id: t.id,
      hash: t.tokenHash,
      user: t.userId,
      name: t.name,
      grants: list(t.grantIds),
      at: at.toISOString(),
      expires: t.expiresAt.toISOString(),
    },
  );
}

/**
 * The owner and granted ids of a live token (not revoked, not expired at `now`) by its hash,
 * noting its use; or null.
 */
export async function useApiToken(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ id: string; userId: string; grantIds: string[] } | null> {
  const rows = await db.query<{ id: string; user_id: string; grant_ids: string[]; stale: boolean }>(
    `SELECT id, user_id, grant_ids, ${STALE('last_used_at')} AS stale FROM api_token
     WHERE token_hash = $hash AND revoked_at IS NULL AND expires_at > $now::TIMESTAMPTZ`,
    { hash: tokenHash, now: now.toISOString() },
  );
  const row = rows[0];
  if (!row) return null;
  if (row.stale)
    await noteUse(
      db,
      `UPDATE api_token SET last_used_at = $now::TIMESTAMPTZ
     WHERE id = $id AND ${STALE('last_used_at')}`,
      { id: row.id, now: now.toISOString() },
    );
  return { id: row.id, userId: row.user_id, grantIds: row.grant_ids };
}

/** Revokes a token by its id; returns the owner's id, or null when no live token has that id. */
export async function revokeApiToken(db: Db, id: string, at: Date): Promise<string | null> {
  const rows = await db.query<{ user_id: string }>(
    'SELECT user_id FROM api_token WHERE id = $id AND revoked_at IS NULL',
    { id },
  );
  if (!rows[0]) return null;
  await db.run('UPDATE api_token SET revoked_at = $at::TIMESTAMPTZ WHERE id = $id', {
    id,
    at: at.toISOString(),
  });
  return rows[0].user_id;
}

const ts = (column: string) =>
  `strftime(t.${column} AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS "${column}"`;

export async function listApiTokens(
  db: Db,
  userIds?: readonly string[],
): Promise<ApiTokenRecord[]> {
  const rows = await db.query(
    `SELECT t.id, u.name AS user, t.name, t.grant_ids, ${ts('created_at')}, ${ts('expires_at')},
            ${ts('last_used_at')}, ${ts('revoked_at')}
     FROM api_token t JOIN app_user u ON u.id = t.user_id
     WHERE $all OR list_contains($users, t.user_id)
     ORDER BY t.created_at, t.id`,
    { all: userIds === undefined, users: list(userIds ?? []) },
    { users: TEXT_LIST },
  );
  return rows.map((r) => ({
    id: r.id as string,
    user: r.user as string,
    name: r.name as string,
    grantIds: r.grant_ids as string[],
    createdAt: r.created_at as string,
    expiresAt: r.expires_at as string,
    lastUsedAt: (r.last_used_at as string | null) ?? null,
    revokedAt: (r.revoked_at as string | null) ?? null,
  }));
}
