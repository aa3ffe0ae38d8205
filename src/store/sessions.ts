/**
 * Sign-in sessions (migration 013), by the SHA-256 of their token: the token itself is only ever
 * in the person's cookie. A session ends when it expires or its holder signs out.
 */
import type { Db, Params } from './db.js';

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: string; expiresAt: Date },
  at: Date,
): Promise<void> {
  await db.run(
    `INSERT INTO user_session VALUES ($hash, $user, $at::TIMESTAMPTZ, $expires::TIMESTAMPTZ,
       $at::TIMESTAMPTZ, NULL)`,
    {
      hash: s.tokenHash,
      user: s.userId,
      at: at.toISOString(),
      expires: s.expiresAt.toISOString(),
    },
  );
}

/** The user of a live session (not ended, not expired at `now`), noting it was seen; or null. */
export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<string | null> {
  const rows = await db.query<{ user_id: string; stale: boolean }>(
    `SELECT user_id, ${STALE('last_seen_at')} AS stale FROM user_session
     WHERE token_hash = $hash AND ended_at IS NULL AND expires_at > $now::TIMESTAMPTZ`,
    { hash: tokenHash, now: now.toISOString() },
  );
  if (!rows[0]) return null;
  // Written only when it would change: a statement that writes nothing costs a request as much.
  if (rows[0].stale)
    await noteUse(
      db,
      `UPDATE user_session SET last_seen_at = $now::TIMESTAMPTZ
     WHERE token_hash = $hash AND ${STALE('last_seen_at')}`,
      { hash: tokenHash, now: now.toISOString() },
    );
  return rows[0].user_id;
}

/** Ends one session; true if it was live. */
export async function endSession(db: Db, tokenHash: string, at: Date): Promise<string | null> {
  const rows = await db.query<{ user_id: string }>(
    'SELECT user_id FROM user_session WHERE token_hash = $hash AND ended_at IS NULL',
    { hash: tokenHash },
  );
  if (!rows[0]) return null;
  await db.run('UPDATE user_session SET ended_at = $at::TIMESTAMPTZ WHERE token_hash = $hash', {
    hash: tokenHash,
    at: at.toISOString(),
  });
  return rows[0].user_id;
}

/** Ends every live session of a user (after a password reset, or when disabled). */
export async function endSessionsOf(db: Db, userId: string, at: Date): Promise<void> {
  await db.run(
    `UPDATE user_session SET ended_at = $at::TIMESTAMPTZ
     WHERE user_id = $user AND ended_at IS NULL`,
    { user: userId, at: at.toISOString() },
  );
}

/**
 * Whether a session's or token's last use, in `column`, is due to be noted again at $now: the
 * condition of noteUse's statements, asked first so that most requests write nothing.
 */
export const STALE = (column: string): string =>
  `(${column} IS NULL OR ${column} < $now::TIMESTAMPTZ - INTERVAL 1 MINUTE)`;

/**
 * Records when a session or token was last used, as a convenience for its owner and admins: at
 * most once a minute (the statement's own condition), and a request that loses the race to write
 * it, to another request of the same caller at the same moment (DuckDB: "Conflict on update"),
 * leaves it to that one instead of failing. A page's parallel requests share one session.
 */
export async function noteUse(db: Db, sql: string, params: Params): Promise<void> {
  try {
    await db.run(sql, params);
  } catch (error) {
    if (!/Conflict on (update|tuple)/iu.test(String(error))) throw error;
  }
}

/** Each user's latest sign-in (the start of their newest session), as ISO text, by user id. */
export async function lastSignIns(db: Db): Promise<Map<string, string>> {
  const rows = await db.query<{ user_id: string; at: string }>(
    `SELECT user_id, strftime(max(created_at) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS at
     FROM user_session GROUP BY user_id`,
  );
  return new Map(rows.map((r) => [r.user_id, r.at]));
}
