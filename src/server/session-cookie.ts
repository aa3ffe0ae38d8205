/** The session cookie, set the same way by every sign-in (password or single sign-on). */
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';

import { SESSION_HOURS } from '../usecases/sign-in.js';
import { SESSION_COOKIE } from './caller.js';

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
