/**
 * Signing in a person a single sign-on provider has vouched for (src/server/single-sign-on.ts
 * checks the provider's answer). Denied by default: the identity signs in only as a user an admin
 * has added. The provider's identity (issuer + subject) linked to a user decides; an identity
 * not yet linked is linked to the user with the email the provider vouches for (once: a user has
 * one identity at each provider). Nothing here creates a user or gives a grant. Every outcome is
 * in the audit log.
 */
import type { ProviderIdentity } from '../domain/single-sign-on.js';
import { ForbiddenError } from '../errors.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { linkedSubject, linkedUserId, linkIdentity } from '../store/external-identities.js';
import { userByEmail, userById } from '../store/users.js';
import { startSession, type SignedIn } from './sign-in.js';

const ASK_ADMIN =
  "Lantern never makes accounts by itself: ask your partnership's Lantern administrator to add you (with this email), then sign in again.";

export async function signInWithProvider(
  db: Db,
  identity: ProviderIdentity,
  provider: string,
  now: Date,
): Promise<SignedIn> {
  const via = `single sign-on (${provider})`;
  const refuse = async (actor: string, reason: string, message: string) => {
    await refuseSingleSignOn(db, actor, `${via}: ${reason}`, now);
    return new ForbiddenError(message);
  };
  const linkedId = await linkedUserId(db, identity.issuer, identity.subject);
  if (linkedId !== null) {
    const user = await userById(db, linkedId);
    if (user === null)
      throw await refuse('unknown', `linked user ${linkedId} no longer exists`, ASK_ADMIN);
    if (user.disabled) throw await refuse(user.name, 'account disabled', disabled());
    return db.retryingTransaction(() => startSession(db, user, now, via));
  }
  const who = identity.email ?? `subject ${identity.subject}`;
  if (identity.email === null)
    throw await refuse(
      'unknown',
      `no email from the provider for subject ${identity.subject}`,
      `${provider} did not tell Lantern your email, so Lantern cannot tell which account is yours. ${ASK_ADMIN}`,
    );
  if (!identity.emailVerified)
    throw await refuse(
      'unknown',
      `email ${who} not verified by the provider`,
      `${provider} does not vouch that ${identity.email} is yours, so Lantern cannot use it to find your account. Ask your Lantern administrator.`,
    );
  const user = await userByEmail(db, identity.email);
  if (user === null)
    throw await refuse(
      'unknown',
      `no Lantern user has the email ${identity.email} (subject ${identity.subject})`,
      `You are signed in at ${provider} as ${identity.email}, but no Lantern account has that email. ${ASK_ADMIN}`,
    );
  if (user.disabled) throw await refuse(user.name, 'account disabled', disabled());
  if ((await linkedSubject(db, identity.issuer, user.id)) !== null)
    throw await refuse(
      user.name,
      `account already linked to another identity at the provider (this one: subject ${identity.subject})`,
      `The Lantern account with the email ${identity.email} signs in with another ${provider} account. Ask your Lantern administrator.`,
    );
  return db.retryingTransaction(async () => {
    await linkIdentity(db, { ...identity, userId: user.id }, now);
    return startSession(db, user, now, `${via}; linked by verified email`);
  });
}

/** Records a refused single sign-on (the provider's answer failed its checks, say). */
export async function refuseSingleSignOn(
  db: Db,
  actor: string,
  detail: string,
  now: Date,
): Promise<void> {
  await appendAudit(db, { actor, action: 'sign-in', outcome: 'refused', detail }, now);
}

function disabled(): string {
  return 'Your Lantern account is disabled: ask your Lantern administrator.';
}
