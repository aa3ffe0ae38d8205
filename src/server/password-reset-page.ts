/**
 * Setting a new password with the one-time token an admin gave (the admin page's "Reset
 * password", or `lantern users reset-password`): the same use case as `lantern users
 * set-password`, which ends the account's sessions, clears a lockout and is audited.
 */
import type { Hono } from 'hono';

import { InputError } from '../errors.js';
import { completePasswordReset } from '../usecases/password-reset.js';
import type { ServerContext } from './context.js';
import { html } from './pages/html.js';
import { notice } from './pages/layout.js';
import { field, plainPage } from './pages/plain-page.js';
import { route } from './permissions.js';
import { readForm } from './form-body.js';
import { clientAddress } from './client-address.js';
import { TOO_MANY_ATTEMPTS, type SignInLimit } from './sign-in-limit.js';

/**
 * The page is open to anyone, so a token tried counts as a sign-in attempt of its address (the
 * sign-in form's limit: after 10 failures in 5 minutes, 429) and each one refused is audited.
 */
export function mountPasswordReset(
  app: Hono,
  ctx: ServerContext,
  limit: SignInLimit,
  trustedProxies: ReadonlySet<string> = new Set(),
): void {
  route(app, 'get', '/reset-password', 'public', (c) => c.html(resetPage(null)));
  route(app, 'post', '/reset-password', 'public', async (c) => {
    const form = await readForm(c);
    const value = (k: string) => String(form[k] ?? '');
    if (value('password') !== value('password2'))
      return c.html(resetPage('The two passwords are not the same: type them again.'), 400);
    const attempt = limit.begin(c);
    if (attempt === null) return c.html(resetPage(TOO_MANY_ATTEMPTS), 429);
    const db = await ctx.store.session();
    try {
      await completePasswordReset(
        db,
        {
          token: value('token'),
          password: value('password'),
          from: clientAddress(c, trustedProxies),
        },
        ctx.clock(),
      );
      attempt.succeeded();
    } catch (error) {
      if (error instanceof InputError) return c.html(resetPage(error.message), 400);
      throw error;
    } finally {
      db.close();
    }
    return c.redirect('/sign-in', 303);
  });
}

function resetPage(problem: string | null): string {
  return plainPage({
    title: 'Set a new password',
    body: html`<p class="lead">
        Give the one-time token your Lantern administrator sent you, and your new password.
      </p>
      ${problem ? notice('error', problem) : ''}
      <form method="post" action="/reset-password">
        <div class="fields">
          ${field('Reset token (lrt_…)', 'token', { autocomplete: 'off' })}
          ${field('New password (at least 12 characters)', 'password', {
            type: 'password',
            autocomplete: 'new-password',
          })}
          ${field('New password again', 'password2', {
            type: 'password',
            autocomplete: 'new-password',
          })}
        </div>
        <p><button type="submit">Set the password</button></p>
      </form>`,
  });
}
