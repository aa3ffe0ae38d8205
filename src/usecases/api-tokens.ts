/**
 * API tokens: for automation and for Power BI's web connector, sent as `Authorization: Bearer`.
 * A token belongs to a user and carries a subset of the user's grants (all of them by default),
 * so it never sees more than its owner — and less if its grants are later revoked. It expires
 * (at most a year ahead) and can be revoked. The token is shown once, at creation; the store keeps
 * only its SHA-256. Format: `lnt_` + 8 hex characters (the token's id, shown in lists) + `_` + 43
 * base64url characters (256 random bits).
 *
 * A token only reads, whatever its owner's role: it is kept in a script or a Power BI file, where
 * it is easier to copy than a password, so it may not import, change the plan or administer
 * (server/caller.ts). A completed password reset revokes the owner's tokens, as it ends their
 * sessions: a reset is how an account taken over is taken back, and a token made meanwhile must
 * not outlive it.
 */
import type { Actor, Caller, User } from '../domain/access.js';
import { DATASET_SENSITIVITIES } from '../domain/dataset-sensitivity.js';
import { scopeFor, type Scope } from '../domain/scope.js';
import { InputError, NotFoundError } from '../errors.js';
import {
  listApiTokens,
  insertApiToken,
  revokeApiToken,
  useApiToken,
  type ApiTokenRecord,
} from '../store/api-tokens.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { listGrants } from '../store/grants.js';
import { findUser, userById } from '../store/users.js';
import { requireAdmin } from './access-actor.js';
import { newApiToken, secretHash } from './secret-token.js';

export interface CreatedToken {
  id: string;
  token: string;
  user: string;
  name: string;
  grantIds: string[];
  expiresAt: Date;
}

export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { user: string; name: string; expiresInMs: number; grantIds?: readonly string[] },
  now: Date,
): Promise<CreatedToken> {
  const owner = await findUser(db, input.user);
  if (owner === null) throw new NotFoundError(`--user: no user is called "${input.user}"`);
  // A user may make their own tokens; an admin anyone's.
  if (actor.user?.id !== owner.id)
    await requireAdmin(db, actor, 'token.create', `create a token for ${owner.name}`, now);
  if (owner.disabled) throw new InputError(`${owner.name}'s account is disabled`);
  const held = await listGrants(db, { user: owner.name, organisation: owner.organisation });
  const heldIds = held.map((g) => g.id);
  const grantIds = input.grantIds ? [...new Set(input.grantIds)] : heldIds;
  const foreign = grantIds.filter((id) => !heldIds.includes(id));
  if (foreign.length > 0) {
    throw new InputError(
      `--grants: ${foreign.join(', ')} ${foreign.length === 1 ? 'is not a grant' : 'are not grants'} of ${owner.name}; a token carries only its owner's grants (lantern users list)`,
    );
  }
  if (grantIds.length === 0) {
    throw new InputError(`${owner.name} holds no grant: a token of theirs could see nothing`);
  }
  const name = input.name.trim();
  const { id, token } = newApiToken();
  const expiresAt = new Date(now.getTime() + input.expiresInMs);
  await db.retryingTransaction(async () => {
    await insertApiToken(
      db,
      { id, tokenHash: secretHash(token), userId: owner.id, name, grantIds, expiresAt },
      now,
    );
    await appendAudit(
      db,
      {
        actor: actor.name,
        action: 'token.create',
        outcome: 'ok',
        detail: `${id} "${name}" for ${owner.name}, grants ${grantIds.join(',')}, expires ${expiresAt.toISOString()}`,
      },
      now,
    );
  });
  return { id, token, user: owner.name, name, grantIds, expiresAt };
}

export async function revokeToken(db: Db, actor: Actor, id: string, now: Date): Promise<void> {
  const tokenId = id.trim().replace(/^lnt_/u, '').slice(0, 8);
  const [record] = (await listApiTokens(db)).filter((t) => t.id === tokenId);
  if (!record || record.revokedAt !== null) {
    throw new NotFoundError(`--token: no live token has the id "${id}" (lantern tokens list)`);
  }
  if (actor.user?.name !== record.user)
    await requireAdmin(db, actor, 'token.revoke', 'revoke this token', now);
  await db.retryingTransaction(async () => {
    await revokeApiToken(db, tokenId, now);
    await appendAudit(
      db,
      {
        actor: actor.name,
        action: 'token.revoke',
        outcome: 'ok',
        detail: `${tokenId} "${record.name}" of ${record.user}`,
      },
      now,
    );
  });
}

/** Revokes every live token of a user (a password reset), audited; returns their ids. */
export async function revokeTokensOf(db: Db, user: User, now: Date): Promise<string[]> {
  const live = (await listApiTokens(db, [user.id])).filter(
    (t) => t.revokedAt === null && new Date(t.expiresAt) > now,
  );
  for (const t of live) await revokeApiToken(db, t.id, now);
  if (live.length > 0)
    await appendAudit(
      db,
      {
        actor: user.name,
        action: 'token.revoke',
        outcome: 'ok',
        detail: `${live.map((t) => `${t.id} "${t.name}"`).join(', ')} of ${user.name}: ended by a password reset`,
      },
      now,
    );
  return live.map((t) => t.id);
}

export async function listTokens(db: Db, actor: Actor, now: Date): Promise<ApiTokenRecord[]> {
  if (actor.user !== null && actor.user.role !== 'admin') return listApiTokens(db, [actor.user.id]);
  await requireAdmin(db, actor, 'token.list', 'list tokens', now);
  return listApiTokens(db);
}

/**
 * The caller a token stands for and the scope it gives: its owner's grants that the token still
 * carries. Null for an unknown, revoked or expired token, or a disabled owner.
 */
export async function verifyApiToken(
  db: Db,
  token: string,
  now: Date,
): Promise<(Caller & { scope: Scope }) | null> {
  if (!/^lnt_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/u.test(token)) return null;
  const used = await useApiToken(db, secretHash(token), now);
  if (used === null) return null;
  const user: User | null = await userById(db, used.userId);
  if (user === null || user.disabled) return null;
  const held = await listGrants(db, { user: user.name, organisation: user.organisation });
  const carried = held.filter((g) => used.grantIds.includes(g.id));
  return {
    user,
    via: 'token',
    tokenId: used.id,
    scope: scopeFor(user, carried, DATASET_SENSITIVITIES),
  };
}
