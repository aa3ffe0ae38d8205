/**
 * The actor of an administrative command: the user named by --as, or the local owner of the
 * store's file; and the one check every administrative use case makes first.
 */
import { mayAdminister, type Actor } from '../domain/access.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { findUser } from '../store/users.js';

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
  await appendAudit(db, { actor: actor.name, action, outcome: 'refused' }, now);
  throw new ForbiddenError(`${actor.name} may not ${what}: only an admin may`);
}
