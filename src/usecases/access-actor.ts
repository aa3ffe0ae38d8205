/**
 * The actor of an administrative command: the user named by --as, or the local owner of the
 * store's file; and the one check every administrative use case makes first.
 */
import { mayAdminister, type Actor } from '../domain/access.js';
import type { Scope } from '../domain/scope.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { findUser } from '../store/users.js';
import { scopeOfUser } from './sign-in.js';

export async function resolveActor(db: Db, as: string | undefined, osUser: string): Promise<Actor> {
  if (as === undefined) return { name: `local:${osUser}`, user: null };
  const user = await findUser(db, as);
  if (user === null)
    throw new NotFoundError(`--as: no user is called "${as}" (lantern users list)`);
  return { name: user.name, user };
}

/** Refuses (and records the refusal) unless the actor may administer: an admin, or local. */
export async function requireAdmin(
  db: Db,
  actor: Actor,
  action: string,
  what: string,
  now: Date,
): Promise<void> {
  if (mayAdminister(actor)) return;
  await db.retryingTransaction(() =>
    appendAudit(db, { actor: actor.name, action, outcome: 'refused' }, now),
  );
  throw new ForbiddenError(`${actor.name} may not ${what}: only an admin may`);
}

/**
 * What a named user may see, for a command run as them (the CLI's --as): their grants and their
 * organisation's, as when they sign in to the dashboard. A user who does not exist or is disabled
 * is refused, never given the owner's view.
 */
export async function scopeOfNamedUser(db: Db, who: string): Promise<Scope> {
  const user = await findUser(db, who);
  if (user === null)
    throw new NotFoundError(`--as: no user is called "${who}" (lantern users list)`);
  if (user.disabled) throw new ForbiddenError(`--as: ${user.name}'s account is disabled`);
  return scopeOfUser(db, user);
}
