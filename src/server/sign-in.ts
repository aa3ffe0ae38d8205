/**
 * Signing in to the dashboard and out again. A session is a random token in an httpOnly,
 * SameSite=Strict cookie (the store keeps only its hash); sign-in attempts are limited per address
 * (beside the per-account lockout of usecases/sign-in.ts), and every refusal says the same thing.
 */
import type { Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';

import { lockoutPolicyFrom } from '../domain/lockout.js';
import { ForbiddenError } from '../errors.js';
import { SESSION_HOURS, signIn, signOut, SIGN_IN_REFUSED } from '../usecases/sign-in.js';
import { SESSION_COOKIE } from './caller.js';
import type { ServerContext } from './context.js';
import { html, type Safe } from './pages/html.js';
import { route } from './permissions.js';

/** Sign-in attempts allowed per address in a window, before 429. */
export const ATTEMPTS_PER_WINDOW = 10;
export const WINDOW_MINUTES = 5;

export function mountSignIn(app: Hono, ctx: ServerContext): void {
  const attempts = new Map<string, number[]>();
  route(app, 'get', '/sign-in', 'public', (c) =>
    c.html(signInPage(c.req.query('next') ?? '/', null)),
  );
  route(app, 'post', '/sign-in', 'public', async (c) => {
    const form = await c.req.parseBody();
    const next = safeNext(String(form.next ?? '/'));
    const address = addressOf(c);
    const now = ctx.clock().getTime();
    const recent = (attempts.get(address) ?? []).filter((t) => now - t < WINDOW_MINUTES * 60_000);
    if (recent.length >= ATTEMPTS_PER_WINDOW) {
      return c.html(
        signInPage(
          next,
          `Too many attempts from this address: wait ${WINDOW_MINUTES} minutes and try again.`,
        ),
        429,
      );
    }
    attempts.set(address, [...recent, now]);
    const db = await ctx.store.session();
    try {
      const signed = await signIn(
        db,
        { who: String(form.who ?? ''), password: String(form.password ?? '') },
        lockoutPolicyFrom(ctx.env),
        ctx.clock(),
      );
      setCookie(c, SESSION_COOKIE, signed.token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: new URL(c.req.url).protocol === 'https:',
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return c.redirect(next, 303);
    } catch (error) {
      if (error instanceof ForbiddenError) return c.html(signInPage(next, SIGN_IN_REFUSED), 401);
      throw error;
    } finally {
      db.close();
    }
  });
  route(app, 'post', '/sign-out', 'read', async (c) => {
    const caller = c.get('caller');
    const token = /lantern_session=([^;]+)/u.exec(c.req.header('Cookie') ?? '')?.[1];
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

/** Where to go after signing in: a path of this server only, never another site. */
function safeNext(next: string): string {
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

function addressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function signInPage(next: string, problem: string | null): string {
  const body: Safe = html`<main id="main" class="sign-in">
    <h1>Sign in to Lantern</h1>
    ${problem ? html`<div class="notice error" role="alert"><p>${problem}</p></div>` : ''}
    <form method="post" action="/sign-in">
      <input type="hidden" name="next" value="${safeNext(next)}" />
      <p>
        <label>Name or email <input name="who" autocomplete="username" required /></label>
      </p>
      <p>
        <label
          >Password <input name="password" type="password" autocomplete="current-password" required
        /></label>
      </p>
      <p><button type="submit">Sign in</button></p>
    </form>
    <p class="small">
      No account? Ask your partnership's Lantern administrator. A forgotten password is reset by
      them (lantern users reset-password).
    </p>
  </main>`;
  return `<!doctype html>${
    html`<html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Sign in · Lantern</title>
        <link rel="stylesheet" href="/static/dashboard.css" />
      </head>
      <body>
        <header class="top">
          <p class="brand">Lantern <span>community safety dashboard</span></p>
        </header>
        ${body}
      </body>
    </html>`.html
  }`;
}
