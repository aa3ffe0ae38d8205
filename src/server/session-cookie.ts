/** The session cookie, set the same way by every sign-in (password or single sign-on). */
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';

import { SESSION_HOURS } from '../usecases/sign-in.js';
import { SESSION_COOKIE } from './caller.js';

/** The setting that marks cookies Secure behind a proxy that ends TLS (it talks plain http here). */
export const SECURE_COOKIES_ENV = 'LANTERN_SECURE_COOKIES';

/**
 * Whether cookies are sent over https only: when the request came over https, or when the server
 * is told it is reached only over https (LANTERN_SECURE_COOKIES=1, behind a TLS proxy).
 */
export function secureCookies(
  c: Context,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const setting = (env[SECURE_COOKIES_ENV] ?? '').trim().toLowerCase();
  return ['1', 'true', 'yes'].includes(setting) || new URL(c.req.url).protocol === 'https:';
}

/** httpOnly (no script reads it), SameSite=Strict (no other site's request carries it). */
export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}
