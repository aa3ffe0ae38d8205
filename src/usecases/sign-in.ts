/**
 * Signing in and out, and knowing who a request comes from.
 *
 * Sign-in checks the password against its argon2id hash. When the name is unknown a dummy hash is
 * checked all the same, so both cost about as long; every refusal (unknown name, wrong password,
 * disabled account, locked account) says the same thing, so a guesser cannot tell which it was.
 * Failures are counted per account and lock it (src/domain/lockout.ts). A success starts a session:
 * a random token given to the person once (for a cookie), of which the store keeps only the hash.
 */
import type { Caller, User } from '../domain/access.js';
import { afterFailure, isLocked, type LockoutPolicy } from '../domain/lockout.js';
import { scopeFor, type Scope } from '../domain/scope.js';
import { DATASET_SENSITIVITIES } from '../domain/dataset-sensitivity.js';
import { ForbiddenError } from '../errors.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { listGrants } from '../store/grants.js';
import { endSession, insertSession, touchSession } from '../store/sessions.js';
import {
  findUser,
  passwordHashOf,
  saveSignInState,
  signInState,
  userById,
} from '../store/users.js';
import { dummyHash, verifyPassword } from './password-hash.js';
import { randomSecret, secretHash } from './secret-token.js';

/** How long a session lasts from sign-in: a working day. */
export const SESSION_HOURS = 8;

export const SIGN_IN_REFUSED =
  'Sign-in refused: the name or password is not right, or the account is disabled or locked for a while after repeated failures.';

export interface SignedIn {
  user: User;
  /** The session token: for the person's cookie, never stored. */
  token: string;
  expiresAt: Date;
}

export async function signIn(
  db: Db,
  input: { who: string; password: string; from?: string | null },
  policy: LockoutPolicy,
  now: Date,
): Promise<SignedIn> {
  // Where a refused sign-in came from, for the admin reading the log (a guesser, or an office).
  const from = input.from ? `; from ${input.from}` : '';
  const user = await findUser(db, input.who);
  const phc = user ? await passwordHashOf(db, user.id) : null;
  const right = await verifyPassword(phc ?? (await dummyHash()), input.password);
  if (user === null) {
    await db.retryingTransaction(() =>
      appendAudit(
        db,
        {
          actor: 'unknown',
          action: 'sign-in',
          outcome: 'refused',
          detail: `unknown name${from}`,
        },
        now,
      ),
    );
    throw new ForbiddenError(SIGN_IN_REFUSED);
  }
  // The lockout state is read and written in the one transaction, run again if another sign-in
  // of the same account commits first: wrong passwords sent at once each count.
  const outcome = await db.retryingTransaction(async (): Promise<string | SignedIn> => {
    const state = await signInState(db, user.id);
    const refuse = async (reason: string, failed: boolean) => {
      if (failed) await saveSignInState(db, user.id, afterFailure(state, policy, now), now);
      await appendAudit(
        db,
        { actor: user.name, action: 'sign-in', outcome: 'refused', detail: `${reason}${from}` },
        now,
      );
      return reason;
    };
    if (isLocked(state, now)) return refuse('account locked', false);
    if (!right || phc === null) {
      const next = afterFailure(state, policy, now);
      return refuse(
        next.lockedUntil !== null ? 'wrong password; account locked' : 'wrong password',
        true,
      );
    }
    if (user.disabled) return refuse('account disabled', false);
    await saveSignInState(db, user.id, { failures: 0, lockedUntil: null }, now);
    return startSession(db, user, now, null);
  });
  if (typeof outcome === 'string') throw new ForbiddenError(SIGN_IN_REFUSED);
  return outcome;
}

/**
 * A new session for a user whose sign-in succeeded (by password or single sign-on), audited: a
 * new random token each time, never one the browser brought (no session fixation). Call inside
 * the transaction of the sign-in's other writes.
 */
export async function startSession(
  db: Db,
  user: User,
  now: Date,
  detail: string | null,
): Promise<SignedIn> {
  const token = randomSecret();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await insertSession(db, { tokenHash: secretHash(token), userId: user.id, expiresAt }, now);
  await appendAudit(db, { actor: user.name, action: 'sign-in', outcome: 'ok', detail }, now);
  return { user, token, expiresAt };
}

/**
 * The caller of a live session token and the scope their grants give now, or null (unknown,
 * ended, expired, or user disabled).
 */
export async function verifySession(
  db: Db,
  token: string,
  now: Date,
): Promise<(Caller & { scope: Scope }) | null> {
  const userId = await touchSession(db, secretHash(token), now);
  if (userId === null) return null;
  const user = await userById(db, userId);
  if (user === null || user.disabled) return null;
  return { user, via: 'session', scope: await scopeOfUser(db, user) };
}

export async function signOut(db: Db, token: string, now: Date): Promise<boolean> {
  return db.retryingTransaction(async () => {
    const userId = await endSession(db, secretHash(token), now);
    if (userId === null) return false;
    const user = await userById(db, userId);
    await appendAudit(db, { actor: user?.name ?? userId, action: 'sign-out', outcome: 'ok' }, now);
    return true;
  });
}

/** What a user may see: their grants and their organisation's, through scopeFor. */
export async function scopeOfUser(db: Db, user: User): Promise<Scope> {
  const grants = await listGrants(db, { user: user.name, organisation: user.organisation });
  return scopeFor(user, grants, DATASET_SENSITIVITIES);
}
