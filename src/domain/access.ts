/**
 * The vocabulary of access control: roles, grants and the people they belong to.
 *
 * A person signs in as a user, who belongs to an organisation (the council, the police, a housing
 * association) and has a role. What they may see comes only from grants, given to the user or to
 * their organisation: each grant names an area (or 'all') at a level — `detail` (the records and
 * every breakdown) or `aggregate` (totals only) — and the datasets it opens, by name or by
 * sensitivity. Nothing is visible without a grant: denied by default, whatever the role.
 */

export const ROLES = ['admin', 'analyst', 'partner', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const GRANT_LEVELS = ['detail', 'aggregate'] as const;
export type GrantLevel = (typeof GRANT_LEVELS)[number];

export function isGrantLevel(value: string): value is GrantLevel {
  return (GRANT_LEVELS as readonly string[]).includes(value);
}

/** 'all' in a grant's area: every area of the register (given to an admin on purpose). */
export const ALL_AREAS = 'all';

export interface User {
  id: string;
  name: string;
  email: string;
  organisation: string | null;
  role: Role;
  disabled: boolean;
}

export interface Grant {
  id: string;
  /** Exactly one of user and organisation: whom the grant is given to (by name). */
  user: string | null;
  organisation: string | null;
  /** An ONS code (district, CSP, force), or 'all'. */
  area: string;
  level: GrantLevel;
  /** The datasets opened: one by name, or every dataset up to a sensitivity; neither: public ones. */
  dataset: string | null;
  sensitivity: 'public' | 'partner' | 'restricted' | null;
}

/**
 * Whether two organisation names are the same organisation as people type them: case and spacing
 * ignored ("Gwent police" is "Gwent Police"). No organisation is none's.
 */
export function sameOrganisation(a: string | null, b: string | null): boolean {
  const key = (name: string | null) => name?.trim().replace(/\s+/gu, ' ').toLowerCase() ?? '';
  return key(a) !== '' && key(a) === key(b);
}

/**
 * The grants that apply to a user: their own and their organisation's, the organisation's named
 * as the plan's edit rights name it (sameOrganisation): an admin's "Herts Prevent" grant is the
 * user's of "herts prevent" too.
 */
export function grantsOf(user: User, grants: readonly Grant[]): Grant[] {
  return grants.filter(
    (g) => g.user === user.name || sameOrganisation(g.organisation, user.organisation),
  );
}

/**
 * Who is acting: a signed-in user, or `local` — the person at the terminal holding the store's
 * file, who can do anything with it anyway (the CLI without --as). Named in the audit log.
 */
export interface Actor {
  name: string;
  user: User | null;
}

/** May the actor manage users, grants, tokens and read the audit log? Admins and the local owner. */
export function mayAdminister(actor: Actor): boolean {
  return actor.user === null || (actor.user.role === 'admin' && !actor.user.disabled);
}

/** Who signed in or sent a token, with the scope their grants give. */
export interface Caller {
  user: User;
  via: 'session' | 'token';
  /** The token's id (the 8 characters after lnt_) when `via` is 'token'. */
  tokenId?: string;
}
