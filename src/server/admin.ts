/**
 * The administration pages (admin role only): the users with their grants, lockout and latest
 * sign-in; adding a user, starting a password reset, unlocking a locked account, disabling (or
 * enabling) a user, revoking a grant or an API token; and the audit
 * log, newest first, with its hash chain checked. Each change goes through the same use case as
 * the CLI (`lantern users …`), which checks the admin and writes the audit row in the change's
 * transaction. Forms are posted to this server only (csrf in app.ts); no inline script.
 */
import type { Context, Hono } from 'hono';

import type { Actor, Role } from '../domain/access.js';
import { isRole } from '../domain/access.js';
import { InputError, isUserError } from '../errors.js';
import { auditPage } from '../usecases/audit.js';
import { startPasswordReset } from '../usecases/password-reset.js';
import { listTokens, revokeToken } from '../usecases/api-tokens.js';
import { revokeGrant } from '../usecases/grants.js';
import { addUser, listUsersForAdmin, setUserDisabled, unlockUser } from '../usecases/users.js';
import type { ServerContext } from './context.js';
import { auditBody, usersBody, type AdminMessage } from './pages/admin.js';
import { plainPage } from './pages/plain-page.js';
import { route } from './permissions.js';
import type { Db } from '../store/db.js';
import { readForm } from './form-body.js';

/** Audit rows per page. */
export const AUDIT_PAGE_SIZE = 50;

/** Who acts: the signed-in admin (the route's permission has admitted them). */
function actorOf(c: Context): Actor | null {
  const caller = c.get('caller');
  return caller?.kind === 'user' ? { name: caller.user.name, user: caller.user } : null;
}

const NAV = (current: 'users' | 'audit') => [
  { href: '/', name: 'Dashboard' },
  { href: '/admin', name: 'Users', current: current === 'users' },
  { href: '/admin/audit', name: 'Audit log', current: current === 'audit' },
];

export function mountAdmin(app: Hono, ctx: ServerContext): void {
  const withDb = async <T>(f: (db: Db) => Promise<T>): Promise<T> => {
    const db = await ctx.store.session();
    try {
      return await f(db);
    } finally {
      db.close();
    }
  };
  const usersPage = async (c: Context, actor: Actor, message: AdminMessage | null, status = 200) =>
    c.html(
      plainPage({
        title: 'Users and access',
        nav: NAV('users'),
        signedIn: actor.name,
        body: await withDb(async (db) =>
          usersBody(
            await listUsersForAdmin(db, actor, ctx.clock()),
            message,
            await listTokens(db, actor, ctx.clock()),
          ),
        ),
      }),
      status as 200,
    );
  /** Runs a change; a user error is shown on the page, anything else goes to the error handler. */
  const change = async (
    c: Context,
    act: (actor: Actor, form: Record<string, string>) => Promise<AdminMessage>,
  ) => {
    const actor = actorOf(c);
    if (!actor) return c.redirect('/setup', 303);
    const body = await readForm(c);
    const form = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
    try {
      return await usersPage(c, actor, await act(actor, form));
    } catch (error) {
      if (!isUserError(error)) throw error;
      return usersPage(c, actor, { kind: 'error', text: error.message }, 400);
    }
  };

  route(app, 'get', '/admin', 'admin', async (c) => {
    const actor = actorOf(c);
    if (!actor) return c.redirect('/setup', 303);
    return usersPage(c, actor, null);
  });

  route(app, 'post', '/admin/users', 'admin', (c) =>
    change(c, async (actor, form) => {
      if ((form.password ?? '') !== (form.password2 ?? ''))
        throw new InputError('The two passwords are not the same: type them again.');
      const role = form.role ?? '';
      if (!isRole(role)) throw new InputError(`role: "${role}" is not a role`);
      const user = await withDb((db) =>
        addUser(
          db,
          actor,
          {
            name: form.name ?? '',
            email: form.email ?? '',
            organisation: form.organisation?.trim() || null,
            role: role as Role,
            password: form.password ?? '',
          },
          ctx.clock(),
        ),
      );
      return {
        kind: 'done',
        text: `${user.name} was added as ${user.role}. They see nothing until you grant them areas (lantern users grant --user "${user.name}" …).`,
      };
    }),
  );

  route(app, 'post', '/admin/reset', 'admin', (c) =>
    change(c, async (actor, form) => {
      const reset = await withDb((db) =>
        startPasswordReset(db, actor, form.user ?? '', ctx.clock()),
      );
      return {
        kind: 'reset',
        text: `Give ${reset.user} this one-time token, privately. It works once, until ${reset.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; they set a new password with it at /reset-password (or lantern users set-password), which ends their sessions and clears a lockout.`,
        token: reset.token,
      };
    }),
  );

  route(app, 'post', '/admin/unlock', 'admin', (c) =>
    change(c, async (actor, form) => {
      const user = await withDb((db) => unlockUser(db, actor, form.user ?? '', ctx.clock()));
      return { kind: 'done', text: `${user.name} is unlocked and may sign in again.` };
    }),
  );

  // Taking access away while the server runs (it holds the store, so the CLI cannot): each takes
  // effect at the next request, as every request checks its session, token and grants afresh.
  route(app, 'post', '/admin/disable', 'admin', (c) =>
    change(c, async (actor, form) => {
      const disable = form.disabled !== 'no';
      const user = await withDb((db) =>
        setUserDisabled(db, actor, form.user ?? '', disable, ctx.clock()),
      );
      return {
        kind: 'done',
        text: disable
          ? `${user.name} is disabled: signed out everywhere, their API tokens refused; their grants are kept.`
          : `${user.name} is enabled again and may sign in.`,
      };
    }),
  );

  route(app, 'post', '/admin/revoke-grant', 'admin', (c) =>
    change(c, async (actor, form) => {
      const grant = await withDb((db) => revokeGrant(db, actor, form.grant ?? '', ctx.clock()));
      return {
        kind: 'done',
        text: `Grant ${grant.id} (${grant.area}, ${grant.level}) is revoked for ${grant.user ?? `organisation ${grant.organisation ?? ''}`}.`,
      };
    }),
  );

  route(app, 'post', '/admin/revoke-token', 'admin', (c) =>
    change(c, async (actor, form) => {
      await withDb((db) => revokeToken(db, actor, form.token ?? '', ctx.clock()));
      return {
        kind: 'done',
        text: `API token ${form.token ?? ''} is revoked: it is refused from now on.`,
      };
    }),
  );

  route(app, 'get', '/admin/audit', 'admin', async (c) => {
    const actor = actorOf(c);
    if (!actor) return c.redirect('/setup', 303);
    const page = Math.max(1, Math.floor(Number(c.req.query('page') ?? '1')) || 1);
    const log = await withDb((db) =>
      auditPage(
        db,
        actor,
        { offset: (page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE },
        ctx.clock(),
      ),
    );
    return c.html(
      plainPage({
        title: 'Audit log',
        nav: NAV('audit'),
        signedIn: actor.name,
        body: auditBody(log, page, AUDIT_PAGE_SIZE),
      }),
    );
  });
}
