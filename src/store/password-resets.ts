/**
 * One-time password-reset tokens (migration 013), kept as their SHA-256: an admin starts a reset,
 * hands the token to the person, who sets a new password with it once before it expires.
 */
import type { Db } from './db.js';

export async function insertPasswordReset(
  db: Db,
  r: { tokenHash: string; userId: string; expiresAt: Date },
  at: Date,
): Promise<void> {
  // A new reset supersedes any earlier one still open.
  await db.run(
    `UPDATE password_reset SET used_at = $at::TIMESTAMPTZ WHERE user_id = $user AND used_at IS NULL`,
    { user: r.userId, at: at.toISOString() },
  );
  await db.run(
    `INSERT INTO password_reset VALUES ($hash, $user, $at::TIMESTAMPTZ, $expires::TIMESTAMPTZ, NULL)`,
    {
      hash: r.tokenHash,
      user: r.userId,
      at: at.toISOString(),
      expires: r.expiresAt.toISOString(),
    },
  );
}

/** The user of an open reset token (not used, not expired), without using it up; or null. */
export async function openPasswordReset(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<string | null> {
  const rows = await db.query<{ user_id: string }>(
    `SELECT user_id FROM password_reset
     WHERE token_hash = $hash AND used_at IS NULL AND expires_at > $now::TIMESTAMPTZ`,
    { hash: tokenHash, now: now.toISOString() },
  );
  return rows[0]?.user_id ?? null;
}

/** Uses up an open reset token: its user's id, or null if it is unknown, used or expired. */
export async function consumePasswordReset(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<string | null> {
  const user = await openPasswordReset(db, tokenHash, now);
  if (user === null) return null;
  await db.run('UPDATE password_reset SET used_at = $now::TIMESTAMPTZ WHERE token_hash = $hash', {
    hash: tokenHash,
    now: now.toISOString(),
  });
  return user;
}
