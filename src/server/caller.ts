/**
 * Who a request comes from, and what they may do.
 *
 * A store with no user accounts is served to its owner on this computer, as before sign-in
 * existed: the full scope, and the server listens on 127.0.0.1 only unless told otherwise. Once
 * the store has accounts (`lantern users add --admin`), every route's declared permission is
 * checked: a caller is signed in by a session cookie (the dashboard) or an API token
 * (`Authorization: Bearer lnt_…`, for automation and Power BI: a token only reads), and sees what
 * their grants allow;
 * anyone else reaches only the public routes.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';

import type { Role, User } from '../domain/access.js';
import type { Scope } from '../domain/scope.js';
import { verifyApiToken } from '../usecases/api-tokens.js';
import { SESSION_HOURS, verifySession } from '../usecases/sign-in.js';
import { needsFirstAdmin } from '../usecases/users.js';
import type { ServerContext } from './context.js';
import { signedOutPage } from './pages/sign-in-page.js';

/**
 * - public: anyone, signed in or not (published, disclosure-controlled summaries; the API's
 *   description; the dashboard's own script and style);
 * - read: a signed-in caller, who then sees what their grants allow (the Scope);
 * - import: an analyst or admin: adds to the store;
 * - plan: an analyst, admin or partner: changes the action plan (the use case then checks a
 *   partner's organisation and the caller's grants: domain/plan/plan-edit-rights.ts);
 * - admin: users, grants and the audit log.
 */
export type Permission = 'public' | 'read' | 'import' | 'plan' | 'admin';

export const SESSION_COOKIE = 'lantern_session';

export type RequestCaller =
  /** The store has no accounts: its owner, on this computer. */
  | { kind: 'owner' }
  | { kind: 'user'; user: User; scope: Scope; via: 'session' | 'token'; tokenId?: string }
  | { kind: 'anonymous' };

declare module 'hono' {
  interface ContextVariableMap {
    caller: RequestCaller;
  }
}

/** Whether the store has accounts, asked once: the server holds the store, so none appear meanwhile. */
const accounts = new WeakMap<ServerContext, Promise<boolean>>();

function hasAccounts(ctx: ServerContext): Promise<boolean> {
  let known = accounts.get(ctx);
  if (!known) {
    known = (async () => {
      const db = await ctx.store.session();
      try {
        return !(await needsFirstAdmin(db));
      } finally {
        db.close();
      }
    })();
    accounts.set(ctx, known);
  }
  return known;
}

/** The first account was made (the set-up page): every request from now on needs a caller. */
export function accountsChanged(ctx: ServerContext): void {
  accounts.delete(ctx);
}

/** Whether the store has no account yet: the first-run set-up page is open. */
export async function setupOpen(ctx: ServerContext): Promise<boolean> {
  return !(await hasAccounts(ctx));
}

/** Sets the request's caller (`c.get('caller')`). */
export function resolveCaller(ctx: ServerContext): MiddlewareHandler {
  return async (c, next) => {
    c.set('caller', await callerOf(ctx, c));
    await next();
  };
}

async function callerOf(ctx: ServerContext, c: Context): Promise<RequestCaller> {
  if (!(await hasAccounts(ctx))) return { kind: 'owner' };
  const bearer = /^Bearer (\S+)$/u.exec(c.req.header('Authorization') ?? '')?.[1];
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!bearer && !cookie) return { kind: 'anonymous' };
  const db = await ctx.store.session();
  try {
    const found = bearer
      ? await verifyApiToken(db, bearer, ctx.clock())
      : await verifySession(db, cookie as string, ctx.clock());
    return found ? { kind: 'user', ...found } : { kind: 'anonymous' };
  } finally {
    db.close();
  }
}

/** The roles each permission admits (a signed-in caller of another role is refused). */
const ROLES: Record<Exclude<Permission, 'public'>, readonly Role[]> = {
  read: ['admin', 'analyst', 'partner', 'viewer'],
  import: ['admin', 'analyst'],
  plan: ['admin', 'analyst', 'partner'],
  admin: ['admin'],
};

/** Who a refused caller is told the route needs. */
const NEEDS: Record<Permission, string> = {
  public: 'anyone',
  read: 'a signed-in account',
  import: 'an analyst or admin',
  plan: "an analyst or admin (or a partner, for their own organisation's actions)",
  admin: 'an admin',
};

/**
 * Whether the caller may use a route of this permission. An API token only reads, whatever its
 * owner's role: it lives in a script or a Power BI file, easier to copy than a password, so what
 * changes the store (imports, the plan, users and grants) needs someone signed in.
 */
export function permits(caller: RequestCaller, permission: Permission): boolean {
  if (permission === 'public' || caller.kind === 'owner') return true;
  if (caller.kind === 'anonymous') return false;
  if (caller.via === 'token' && permission !== 'read') return false;
  return ROLES[permission].includes(caller.user.role);
}

/** Who a request is, in the audit log: a token's use is named with the token's id. */
export function actorOf(caller: RequestCaller | undefined): string {
  if (caller?.kind === 'user')
    return caller.via === 'token' && caller.tokenId
      ? `${caller.user.name} (API token ${caller.tokenId})`
      : caller.user.name;
  return caller?.kind === 'owner' ? 'owner (no accounts yet)' : 'anonymous';
}

/** Refuses a request its caller may not make: 401 to sign in, 403 when signed in. */
export function guard(permission: Permission): MiddlewareHandler {
  return async (c, next) => {
    const caller = c.get('caller') ?? { kind: 'owner' };
    if (permits(caller, permission)) return next();
    const api = c.req.path.startsWith('/api/');
    // Says that the route's permission refused it, not the data's grants (tests walk on it).
    c.header('X-Lantern-Refused', caller.kind === 'anonymous' ? 'sign-in' : 'role');
    if (caller.kind === 'anonymous') {
      if (!api && c.req.method === 'GET')
        return c.redirect(
          `/sign-in?next=${encodeURIComponent(c.req.path + new URL(c.req.url).search)}`,
        );
      // A dashboard form sent after the session ended: a page that says so and leads back to
      // the page the form was on, not the API's JSON (QA: a partner's typed update was answered
      // with {"error":…} and lost).
      if (!api) return c.html(signedOutPage(formPage(c), SESSION_HOURS), 401);
      return c.json(
        {
          error: {
            type: 'sign-in',
            message:
              'Sign in first (the dashboard), or give an API token: Authorization: Bearer lnt_…',
          },
        },
        401,
      );
    }
    const message =
      caller.kind === 'user' && caller.via === 'token'
        ? `An API token only reads: this needs ${NEEDS[permission]}, signed in to the dashboard (or the command line), not a token.`
        : `Your account (${caller.kind === 'user' ? caller.user.role : ''}) may not do this: it needs ${NEEDS[permission]}.`;
    return api ? c.json({ error: { type: 'forbidden', message } }, 403) : c.text(message, 403);
  };
}

/** The page a form was sent from (this server's own, by its Referer), else the start page. */
function formPage(c: Context): string {
  try {
    const from = new URL(c.req.header('Referer') ?? '');
    return from.origin === new URL(c.req.url).origin ? from.pathname + from.search : '/';
  } catch {
    return '/';
  }
}

/** The server's context as one request sees it: the caller's scope in place of the owner's. */
export function forRequest(c: Context, ctx: ServerContext): ServerContext {
  const caller = c.get('caller');
  if (caller?.kind === 'user') return { ...ctx, scope: caller.scope, actor: actorOf(caller) };
  return { ...ctx, actor: actorOf(caller) };
}
