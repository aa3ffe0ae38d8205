/**
 * The first-run set-up page: on a store with no account, the person at the computer Lantern runs
 * on creates the first admin (as `lantern users add --admin` does, through the same use case).
 * Open only while no account exists, only to a request from this computer (a loopback address,
 * and a loopback name in Host, so a page of another site that resolves its name here cannot use
 * it), and, as every form, only when posted from this server's own pages (csrf in app.ts).
 * Afterwards /setup answers 404.
 */
import type { Context, Hono } from 'hono';

import { InputError } from '../errors.js';
import { addUser } from '../usecases/users.js';
import { clientAddress } from './client-address.js';
import { accountsChanged, setupOpen } from './caller.js';
import type { ServerContext } from './context.js';
import { html, type Safe } from './pages/html.js';
import { notice } from './pages/layout.js';
import { field, plainPage } from './pages/plain-page.js';
import { route } from './permissions.js';
import { readForm } from './form-body.js';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1']);
const LOOPBACK_HOSTS = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/u;

/**
 * Whether a request comes from the computer Lantern runs on, by its address (behind a trusted
 * proxy, the one it forwarded for) and the name it used.
 */
export function fromThisComputer(c: Context, trustedProxies: ReadonlySet<string>): boolean {
  const address = clientAddress(c, trustedProxies);
  return (
    address !== null &&
    LOOPBACK_ADDRESSES.has(address) &&
    LOOPBACK_HOSTS.test(c.req.header('Host') ?? new URL(c.req.url).host)
  );
}

export function mountSetup(
  app: Hono,
  ctx: ServerContext,
  trustedProxies: ReadonlySet<string> = new Set(),
): void {
  // One set-up at a time: two forms sent at once must not make two first admins.
  let queue: Promise<unknown> = Promise.resolve();
  const closed = async (c: Context) => {
    if (!(await setupOpen(ctx)))
      return c.html(
        plainPage({
          title: 'Set-up is done',
          body: html`<p>
            This Lantern already has accounts. <a href="/sign-in">Sign in</a>; an admin adds others
            on the Administration page.
          </p>`,
        }),
        404,
      );
    if (!fromThisComputer(c, trustedProxies))
      return c.html(
        plainPage({
          title: 'Set-up',
          body: notice(
            'error',
            'The first admin can be created only from the computer Lantern runs on: open this page there (http://localhost:…/setup), or run lantern users add --admin.',
          ),
        }),
        403,
      );
    return null;
  };
  route(app, 'get', '/setup', 'public', async (c) => {
    return (await closed(c)) ?? c.html(setupPage({}, null));
  });
  route(app, 'post', '/setup', 'public', async (c) => {
    const run = queue.then(async () => {
      const refused = await closed(c);
      if (refused) return refused;
      const form = await readForm(c);
      const value = (k: string) => String(form[k] ?? '');
      const given = {
        name: value('name'),
        email: value('email'),
        organisation: value('organisation'),
      };
      if (value('password') !== value('password2'))
        return c.html(
          setupPage(given, 'The two passwords are not the same: type them again.'),
          400,
        );
      const db = await ctx.store.session();
      try {
        await addUser(
          db,
          { name: 'local:set-up page', user: null },
          {
            name: given.name,
            email: given.email,
            organisation: given.organisation.trim() || null,
            role: 'admin',
            password: value('password'),
          },
          ctx.clock(),
        );
      } catch (error) {
        if (error instanceof InputError)
          return c.html(setupPage(given, error.message.replace(/^--(\w+): /u, '$1: ')), 400);
        throw error;
      } finally {
        db.close();
      }
      accountsChanged(ctx);
      return c.redirect('/sign-in?next=%2Fadmin', 303);
    });
    queue = run.catch(() => undefined);
    return run;
  });
}

function setupPage(
  given: { name?: string; email?: string; organisation?: string },
  problem: string | null,
): string {
  const body: Safe = html`<p class="lead">
      This Lantern has no accounts yet, so anyone who opens it sees everything. Create its first
      administrator: they sign in, then add the others and grant each the areas and datasets they
      may see.
    </p>
    ${problem ? notice('error', problem) : ''}
    <form method="post" action="/setup">
      <div class="fields">
        ${field('Name', 'name', { value: given.name ?? '', autocomplete: 'username' })}
        ${field('Email', 'email', { type: 'email', value: given.email ?? '', autocomplete: 'email' })}
        ${field('Organisation', 'organisation', {
          value: given.organisation ?? '',
          autocomplete: 'organization',
          required: false,
        })}
        ${field('Password (at least 12 characters)', 'password', {
          type: 'password',
          autocomplete: 'new-password',
        })}
        ${field('Password again', 'password2', { type: 'password', autocomplete: 'new-password' })}
      </div>
      <p><button type="submit">Create the administrator</button></p>
    </form>
    <p class="small">
      The same as <code>lantern users add --admin</code>. This page closes once the first account
      exists. An administrator, too, sees data only where granted:
      <code>lantern users grant --user NAME --area all --level detail --as NAME</code> opens every
      area to them.
    </p>`;
  return plainPage({ title: 'Set up Lantern', body });
}
