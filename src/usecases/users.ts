/**
 * Adding and listing users and organisations. The first user of a store must be an admin (who
 * then adds the others); every change is written to the audit log in the same transaction.
 */
import { randomUUID } from 'node:crypto';

import type { Actor, Role, User } from '../domain/access.js';
import { InputError, NotFoundError } from '../errors.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { endSessionsOf, lastSignIns } from '../store/sessions.js';
import {
  addOrganisation,
  countUsers,
  findUser,
  insertUser,
  listUsers,
  saveSignInState,
  setDisabled,
  signInState,
} from '../store/users.js';
import { isLocked } from '../domain/lockout.js';
import { nameSkeleton, normalName } from '../domain/look-alike.js';
import { oneLine } from '../domain/terminal-text.js';
import { listGrants } from '../store/grants.js';
import type { Grant } from '../domain/access.js';
import { requireAdmin } from './access-actor.js';
import { checkPasswordRules, hashPassword } from './password-hash.js';

export interface AddUserInput {
  name: string;
  email: string;
  organisation: string | null;
  role: Role;
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export async function addUser(db: Db, actor: Actor, input: AddUserInput, now: Date): Promise<User> {
  const first = (await countUsers(db)) === 0;
  if (first && input.role !== 'admin') {
    throw new InputError(
      'the first user of a store must be an admin (give --admin, or --role admin), who then adds the others',
      { field: 'role' },
    );
  }
  if (!first) await requireAdmin(db, actor, 'user.add', 'add users', now);
  // One spelling per name (look-alike.ts): an accent typed as a separate mark is a letter.
  const name = normalName(input.name);
  const email = input.email.normalize('NFKC').trim().toLowerCase();
  if (!EMAIL.test(email)) throw new InputError(`--email: "${input.email}" is not an email address`);
  if (!/^[\p{L}\p{N}._ '-]{1,80}$/u.test(name)) {
    throw new InputError(
      `--name: "${input.name}" is not a usable name: letters, digits, spaces and . _ ' - only, at most 80`,
    );
  }
  if ((await findUser(db, name)) !== null || (await findUser(db, email)) !== null) {
    throw new InputError(`a user called "${name}" or with the email ${email} already exists`);
  }
  // A name a reader cannot tell from another user's, in the audit log or on the admin page.
  const alike = (await listUsers(db)).find((u) => nameSkeleton(u.name) === nameSkeleton(name));
  if (alike) {
    throw new InputError(
      `--name: "${name}" looks the same as the user "${alike.name}" (some of its letters are of another alphabet or width but drawn alike), so the audit log could not tell them apart: choose a name that can be`,
    );
  }
  const organisation = input.organisation?.trim()
    ? organisationName(input.organisation, '--org')
    : null;
  checkPasswordRules(input.password);
  const passwordHash = await hashPassword(input.password);
  const user: User = {
    id: randomUUID(),
    name,
    email,
    organisation,
    role: input.role,
    disabled: false,
  };
  await db.retryingTransaction(async () => {
    if (user.organisation !== null && (await addOrganisation(db, user.organisation, now))) {
      await appendAudit(
        db,
        { actor: actor.name, action: 'organisation.add', outcome: 'ok', detail: user.organisation },
        now,
      );
    }
    await insertUser(db, { ...user, passwordHash }, now);
    await appendAudit(
      db,
      {
        actor: first ? name : actor.name,
        action: first ? 'user.add-first-admin' : 'user.add',
        outcome: 'ok',
        detail:
          `${name} <${email}> ${user.role}${user.organisation ? ` of ${user.organisation}` : ''}` +
          (first ? `, set up by ${actor.name}` : ''),
      },
      now,
    );
  });
  return user;
}

export interface UserListing extends User {
  grants: Grant[];
}

export async function listUsersWithGrants(db: Db, actor: Actor, now: Date): Promise<UserListing[]> {
  await requireAdmin(db, actor, 'user.list', 'list users', now);
  const users = await listUsers(db);
  const out: UserListing[] = [];
  for (const u of users) {
    out.push({
      ...u,
      grants: await listGrants(db, { user: u.name, organisation: u.organisation }),
    });
  }
  return out;
}

export interface AdminUserListing extends UserListing {
  /** Locked after repeated failed sign-ins, until this time (ISO); null when not locked. */
  lockedUntil: string | null;
  /** The start of their latest session (ISO), or null if they have never signed in. */
  lastSignIn: string | null;
}

/** Users with their grants, lockout and latest sign-in: the admin page's list. */
export async function listUsersForAdmin(
  db: Db,
  actor: Actor,
  now: Date,
): Promise<AdminUserListing[]> {
  const users = await listUsersWithGrants(db, actor, now);
  const last = await lastSignIns(db);
  const out: AdminUserListing[] = [];
  for (const u of users) {
    const state = await signInState(db, u.id);
    out.push({
      ...u,
      lockedUntil: isLocked(state, now) ? (state.lockedUntil?.toISOString() ?? null) : null,
      lastSignIn: last.get(u.id) ?? null,
    });
  }
  return out;
}

/**
 * Unlocks a user locked out by repeated failed sign-ins (and clears their count of failures), so
 * they can sign in again at once rather than wait; recorded in the audit log.
 */
export async function unlockUser(db: Db, actor: Actor, who: string, now: Date): Promise<User> {
  await requireAdmin(db, actor, 'user.unlock', 'unlock users', now);
  const user = await findUser(db, who);
  if (user === null) throw new NotFoundError(`--user: no user is called "${who}"`);
  await db.transaction(async () => {
    await saveSignInState(db, user.id, { failures: 0, lockedUntil: null }, now);
    await appendAudit(
      db,
      { actor: actor.name, action: 'user.unlock', outcome: 'ok', detail: user.name },
      now,
    );
  });
  return user;
}

/**
 * An organisation's name, checked: the same rule wherever one is given (users add-org, or a
 * user's --org), so a name holding a newline or a right-to-left override is not registered and
 * kept in the audit log for ever by the one and refused by the other.
 */
function organisationName(name: string, option: string): string {
  const trimmed = normalName(name);
  if (!/^[\p{L}\p{N}.,&()_ '-]{1,120}$/u.test(trimmed)) {
    const shown = oneLine(name.length > 130 ? `${name.slice(0, 120)}…` : name);
    throw new InputError(
      `${option}: "${shown}" is not a usable organisation name: letters, digits, spaces and . , & ( ) _ ' - only, at most 120`,
    );
  }
  return trimmed;
}

/** Adds an organisation, so that grants can be given to its members before any is added. */
export async function addOrganisationNamed(
  db: Db,
  actor: Actor,
  name: string,
  now: Date,
): Promise<{ name: string; added: boolean }> {
  await requireAdmin(db, actor, 'organisation.add', 'add organisations', now);
  const trimmed = organisationName(name, '--name');
  return db.retryingTransaction(async () => {
    const added = await addOrganisation(db, trimmed, now);
    if (added) {
      await appendAudit(
        db,
        { actor: actor.name, action: 'organisation.add', outcome: 'ok', detail: trimmed },
        now,
      );
    }
    return { name: trimmed, added };
  });
}

/**
 * Disables (or enables again) a user: a disabled user cannot sign in, their sessions end at once
 * and their tokens stop working; their grants are kept for when they are enabled.
 */
export async function setUserDisabled(
  db: Db,
  actor: Actor,
  who: string,
  disabled: boolean,
  now: Date,
): Promise<User> {
  const action = disabled ? 'user.disable' : 'user.enable';
  await requireAdmin(db, actor, action, disabled ? 'disable users' : 'enable users', now);
  const user = await findUser(db, who);
  if (user === null) throw new NotFoundError(`--user: no user is called "${who}"`);
  if (disabled && actor.user?.id === user.id) {
    throw new InputError('you cannot disable yourself: ask another admin');
  }
  await db.retryingTransaction(async () => {
    await setDisabled(db, user.id, disabled);
    if (disabled) await endSessionsOf(db, user.id, now);
    await appendAudit(db, { actor: actor.name, action, outcome: 'ok', detail: user.name }, now);
  });
  return { ...user, disabled };
}

/** True when the store has no user yet: the first start asks for the first admin. */
export async function needsFirstAdmin(db: Db): Promise<boolean> {
  return (await countUsers(db)) === 0;
}
