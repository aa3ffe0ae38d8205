/**
 * Organisations and users (migration 013). A user's password is held only as an argon2id hash
 * (src/usecases/password-hash.ts makes and checks it); this file never sees a password.
 */
import type { Role, User } from '../domain/access.js';
import type { LockoutState } from '../domain/lockout.js';
import { normalName } from '../domain/look-alike.js';
import type { Db } from './db.js';

export async function addOrganisation(db: Db, name: string, at: Date): Promise<boolean> {
  const before = await db.query('SELECT 1 FROM organisation WHERE name = $name', { name });
  if (before.length > 0) return false;
  await db.run('INSERT INTO organisation VALUES ($name, $at::TIMESTAMPTZ)', {
    name,
    at: at.toISOString(),
  });
  return true;
}

export async function listOrganisations(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>('SELECT name FROM organisation ORDER BY name');
  return rows.map((r) => r.name);
}

export interface NewUser {
  id: string;
  name: string;
  email: string;
  organisation: string | null;
  role: Role;
  passwordHash: string;
}

export async function insertUser(db: Db, u: NewUser, at: Date): Promise<void> {
  await db.run(
    `INSERT INTO app_user VALUES ($id, $name, $email, $organisation, $role, false, $hash,
       $at::TIMESTAMPTZ)`,
    {
      id: u.id,
      name: u.name,
      email: u.email,
      organisation: u.organisation,
      role: u.role,
      hash: u.passwordHash,
      at: at.toISOString(),
    },
  );
}

const USER_COLUMNS = `id, name, email, organisation, role, disabled`;

function toUser(r: Record<string, unknown>): User {
  return {
    id: r.id as string,
    name: r.name as string,
    email: r.email as string,
    organisation: (r.organisation as string | null) ?? null,
    role: r.role as Role,
    disabled: r.disabled as boolean,
  };
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*) AS n FROM app_user');
  return row?.n ?? 0;
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.query(`SELECT ${USER_COLUMNS} FROM app_user ORDER BY name`)).map(toUser);
}

/**
 * The user whose name or email (in any case) is `who`, or null. `who` in Unicode's compatibility
 * form (NFKC), as names are stored: "Renée" typed with a separate accent, "Ｐriya" in fullwidth.
 */
export async function findUser(db: Db, who: string): Promise<User | null> {
  const rows = await db.query(
    `SELECT ${USER_COLUMNS} FROM app_user
     WHERE lower(name) = lower($who) OR lower(email) = lower($who) ORDER BY name LIMIT 1`,
    { who: normalName(who) },
  );
  return rows[0] ? toUser(rows[0]) : null;
}

/** The user whose email (in any case) is exactly `email`, or null: never by name. */
export async function userByEmail(db: Db, email: string): Promise<User | null> {
  const rows = await db.query(
    `SELECT ${USER_COLUMNS} FROM app_user WHERE lower(email) = lower($email) LIMIT 1`,
    { email: email.trim() },
  );
  return rows[0] ? toUser(rows[0]) : null;
}

export async function userById(db: Db, id: string): Promise<User | null> {
  const rows = await db.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $id`, { id });
  return rows[0] ? toUser(rows[0]) : null;
}

export async function passwordHashOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.query<{ h: string | null }>(
    'SELECT password_hash AS h FROM app_user WHERE id = $id',
    { id: userId },
  );
  return row?.h ?? null;
}

export async function setPasswordHash(db: Db, userId: string, hash: string): Promise<void> {
  await db.run('UPDATE app_user SET password_hash = $hash WHERE id = $id', { id: userId, hash });
}

export async function setDisabled(db: Db, userId: string, disabled: boolean): Promise<void> {
  await db.run('UPDATE app_user SET disabled = $disabled WHERE id = $id', { id: userId, disabled });
}

export async function signInState(db: Db, userId: string): Promise<LockoutState> {
  const [row] = await db.query<{ failures: number; locked: number | null }>(
    'SELECT failures, epoch_ms(locked_until) AS locked FROM sign_in_state WHERE user_id = $id',
    { id: userId },
  );
  return {
    failures: row?.failures ?? 0,
    lockedUntil: row?.locked != null ? new Date(row.locked) : null,
  };
}

export async function saveSignInState(
  db: Db,
  userId: string,
  state: LockoutState,
  at: Date,
): Promise<void> {
  await db.run('DELETE FROM sign_in_state WHERE user_id = $id', { id: userId });
  if (state.failures === 0 && state.lockedUntil === null) return;
  await db.run(
    'INSERT INTO sign_in_state VALUES ($id, $failures, $locked::TIMESTAMPTZ, $at::TIMESTAMPTZ)',
    {
      id: userId,
      failures: state.failures,
      locked: state.lockedUntil?.toISOString() ?? null,
      at: at.toISOString(),
    },
  );
}
