/**
 * Signing in to the dashboard and out again. A session is a random token in an httpOnly,
 * SameSite=Strict cookie (the store keeps only its hash); sign-in attempts are limited per address
 * (failed ones, beside the per-account lockout of usecases/sign-in.ts), and every refusal says the same thing.
 */
import type { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';

import { lockoutPolicyFrom } from '../domain/lockout.js';
import { ForbiddenError } from '../errors.js';
import type { SingleSignOnSettings } from '../domain/single-sign-on.js';
import { signIn, signOut, SIGN_IN_REFUSED } from '../usecases/sign-in.js';
import { SESSION_COOKIE } from './caller.js';
import type { ServerContext } from './context.js';
import { safeNext, signInPage as page } from './pages/sign-in-page.js';
import { route } from './permissions.js';
import { secureCookies, setSessionCookie } from './session-cookie.js';
import { TOO_MANY_ATTEMPTS, type SignInLimit } from './sign-in-limit.js';
import { readForm } from './form-body.js';
import { clientAddress } from './client-address.js';

export function mountSignIn(
  app: Hono,
  ctx: ServerContext,
  singleSignOn: SingleSignOnSettings | null,
  limit: SignInLimit,
  trustedProxies: ReadonlySet<string> = new Set(),
): void {
  const signInPage = (next: string, problem: string | null) => page(next, problem, singleSignOn);
  route(app, 'get', '/sign-in', 'public', (c) =>
    c.html(signInPage(c.req.query('next') ?? '/', null)),
  );
  route(app, 'post', '/sign-in', 'public', async (c) => {
    const form = await readForm(c);
    const next = safeNext(String(form.next ?? '/'));
    const attempt = limit.begin(c);
    if (attempt === null) return c.html(signInPage(next, TOO_MANY_ATTEMPTS), 429);
    const db = await ctx.store.session();
    try {
      const signed = await signIn(
        db,
        {
          who: String(form.who ?? ''),
          password: String(form.password ?? ''),
          from: clientAddress(c, trustedProxies),
        },
        lockoutPolicyFrom(ctx.env),
        ctx.clock(),
      );
      attempt.succeeded();
      setSessionCookie(c, signed.token, secureCookies(c, ctx.env));
      return c.redirect(next, 303);
    } catch (error) {
      if (error instanceof ForbiddenError) {
        // Counted as failed when it began (limit.begin).
        return c.html(signInPage(next, SIGN_IN_REFUSED), 401);
      }
      throw error;
    } finally {
      db.close();
    }
  });
  // Anyone: signing out once signed out already (in another tab, or the session expired) leads
  // to the sign-in page, as signing out does, not to a refusal.
  route(app, 'post', '/sign-out', 'public', async (c) => {
    const caller = c.get('caller');
    // The cookie the caller was known by (caller.ts), parsed as a cookie: a pattern would match
    // inside another cookie's name (x_lantern_session=…) and leave the real session live.
    const token = getCookie(c, SESSION_COOKIE);
    if (caller?.kind === 'user' && caller.via === 'session' && token) {
      const db = await ctx.store.session();
      try {
        await signOut(db, token, ctx.clock());
      } finally {
        db.close();
      }
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/sign-in', 303);
  });
}
