/**
 * Admin-driven password reset. An admin starts a reset for a user and hands them the one-time
 * token it prints (`lrt_` + 256 random bits; kept only as its SHA-256; valid for 24 hours; a newer
 * reset voids an older one). The person sets a new password with it, once: that clears the
 * lockout and ends every session the account had.
 */
import type { Actor } from '../domain/access.js';
import { InputError, NotFoundError } from '../errors.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import {
  consumePasswordReset,
  insertPasswordReset,
  openPasswordReset,
} from '../store/password-resets.js';
import { revokeTokensOf } from './api-tokens.js';
import { endSessionsOf } from '../store/sessions.js';
import { findUser, saveSignInState, setPasswordHash, userById } from '../store/users.js';
import { requireAdmin } from './access-actor.js';
import { checkPasswordRules, hashPassword } from './password-hash.js';
import { randomSecret, secretHash } from './secret-token.js';

export const RESET_HOURS = 24;

export async function startPasswordReset(
  db: Db,
  actor: Actor,
  who: string,
  now: Date,
): Promise<{ user: string; token: string; expiresAt: Date }> {
  await requireAdmin(db, actor, 'password.reset-start', 'reset passwords', now);
  const user = await findUser(db, who);
  if (user === null) throw new NotFoundError(`--user: no user is called "${who}"`);
  const token = `lrt_${randomSecret()}`;
  const expiresAt = new Date(now.getTime() + RESET_HOURS * 3_600_000);
  await db.retryingTransaction(async () => {
    await insertPasswordReset(
      db,
      { tokenHash: secretHash(token), userId: user.id, expiresAt },
      now,
    );
    await appendAudit(
      db,
      { actor: actor.name, action: 'password.reset-start', outcome: 'ok', detail: user.name },
      now,
    );
  });
  return { user: user.name, token, expiresAt };
}

export const RESET_TOKEN_NOT_VALID =
  'this reset token is not valid: it was mistyped, already used, replaced by a newer one or has expired (ask an admin for a new one)';

/**
 * Sets the new password with a reset token, once. The token is looked up before the password is
 * hashed: a made-up token costs a lookup, not argon2's 19 MiB and a fifth of a second (the reset
 * page is open to anyone). A token refused is in the audit log, with `from` (the address a
 * request came from) when given.
 */
export async function completePasswordReset(
  db: Db,
  input: { token: string; password: string; from?: string | null },
  now: Date,
): Promise<{ user: string }> {
  checkPasswordRules(input.password);
  const tokenHash = secretHash(input.token.trim());
  const notValid = async () => {
    await db.retryingTransaction(() =>
      appendAudit(
        db,
        {
          actor: 'unknown',
          action: 'password.reset-complete',
          outcome: 'refused',
          detail: `reset token not valid${input.from ? `; from ${input.from}` : ''}`,
        },
        now,
      ),
    );
    return new InputError(RESET_TOKEN_NOT_VALID);
  };
  if ((await openPasswordReset(db, tokenHash, now)) === null) throw await notValid();
  const hash = await hashPassword(input.password);
  const done = await db.retryingTransaction(async () => {
    const userId = await consumePasswordReset(db, tokenHash, now);
    const user = userId === null ? null : await userById(db, userId);
    if (user === null) return null;
    await setPasswordHash(db, user.id, hash);
    await saveSignInState(db, user.id, { failures: 0, lockedUntil: null }, now);
    await endSessionsOf(db, user.id, now);
    await revokeTokensOf(db, user, now);
    await appendAudit(
      db,
      { actor: user.name, action: 'password.reset-complete', outcome: 'ok' },
      now,
    );
    return { user: user.name };
  });
  // Used (by the same token sent twice at once) while the password was being hashed.
  if (done === null) throw await notValid();
  return done;
}
