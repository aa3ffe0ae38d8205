/**
 * Identities at a single sign-on provider linked to Lantern users (migration 016): the issuer and
 * subject a provider gives a person, and the user they sign in as.
 */
import type { Db } from './db.js';

/** The user an identity is linked to, or null. */
export async function linkedUserId(
  db: Db,
  issuer: string,
  subject: string,
): Promise<string | null> {
  const [row] = await db.query<{ user_id: string }>(
    'SELECT user_id FROM external_identity WHERE issuer = $issuer AND subject = $subject',
    { issuer, subject },
  );
  return row?.user_id ?? null;
}

/** The subject a user is linked to at a provider, or null. */
export async function linkedSubject(
  db: Db,
  issuer: string,
  userId: string,
): Promise<string | null> {
  const [row] = await db.query<{ subject: string }>(
    'SELECT subject FROM external_identity WHERE issuer = $issuer AND user_id = $user',
    { issuer, user: userId },
  );
  return row?.subject ?? null;
}

export async function linkIdentity(
  db: Db,
  link: { issuer: string; subject: string; userId: string },
  at: Date,
): Promise<void> {
  await db.run(
    'INSERT INTO external_identity VALUES ($issuer, $subject, $user, $at::TIMESTAMPTZ)',
    { issuer: link.issuer, subject: link.subject, user: link.userId, at: at.toISOString() },
  );
}
