/**
 * Single sign-on with OpenID Connect (src/domain/single-sign-on.ts has its settings), through
 * openid-client: the authorization code flow with PKCE, state and nonce.
 *
 * GET /sign-in/oidc sends the person to the provider; the provider sends them back to
 * GET /sign-in/oidc/callback, where openid-client checks the answer (state, the issuer, the code
 * exchanged with the PKCE verifier and the client secret, the ID token's signature, audience,
 * expiry and nonce) and usecases/single-sign-on.ts decides which user, if any, it signs in as.
 * Success gives the same session cookie as a password; every refusal is in the audit log.
 */
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as client from 'openid-client';

import {
  CALLBACK_PATH,
  emailVerified,
  type ProviderIdentity,
  type SingleSignOnSettings,
} from '../domain/single-sign-on.js';
import { ForbiddenError } from '../errors.js';
import { randomSecret } from '../usecases/secret-token.js';
import { refuseSingleSignOn, signInWithProvider } from '../usecases/single-sign-on.js';
import type { ServerContext } from './context.js';
import { safeNext, signedInPage, signInPage } from './pages/sign-in-page.js';
import { route } from './permissions.js';
import { secureCookies, setSessionCookie } from './session-cookie.js';
import { TOO_MANY_ATTEMPTS, type SignInLimit } from './sign-in-limit.js';

/**
 * The sign-in in progress, for the callback only. Not the session's SameSite=Strict cookie: the
 * provider's redirect back is a navigation started by another site, on which browsers send no
 * Strict cookie, so the callback would never see it. A Lax cookie is sent on that navigation (a
 * top-level GET) and on nothing cross-site that changes anything; it is httpOnly, limited to
 * /sign-in/oidc, lives ten minutes, and holds only a random handle: the state, nonce and PKCE
 * verifier stay in this process, taken (and so usable once) by the first callback that brings
 * the handle. The handle ties the callback to the browser that started the sign-in, so another
 * person's callback address (a forged sign-in) finds nothing here.
 */
export const PENDING_COOKIE = 'lantern_oidc';
const PENDING_MINUTES = 10;
/** Sign-ins in progress held at most (the start is public): the oldest are dropped beyond it. */
const MAX_PENDING = 10_000;

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  expires: number;
}

export function mountSingleSignOn(
  app: Hono,
  ctx: ServerContext,
  settings: SingleSignOnSettings | null,
  /** The password form's limit per address: a start or a callback counts as an attempt. */
  limit: SignInLimit,
): void {
  const pending = new Map<string, Pending>();
  let discovered: Promise<client.Configuration> | null = null;
  /** The provider's metadata, fetched on first use (not at start: the provider may be down). */
  const provider = (): Promise<client.Configuration> => {
    if (!settings) throw new Error('single sign-on is not configured');
    discovered ??= client
      .discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, {
        execute: settings.allowHttp ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = null; // tried again by the next sign-in
        throw error;
      });
    return discovered;
  };
  const notSetUp = (c: Context) =>
    c.html(
      signInPage(
        '/',
        'Single sign-on is not set up on this server: sign in with your name and password.',
        null,
      ),
      404,
    );

  route(app, 'get', '/sign-in/oidc', 'public', async (c) => {
    if (!settings) return notSetUp(c);
    const next = safeNext(c.req.query('next') ?? '/');
    if (limit.exhausted(c)) return c.html(signInPage(next, TOO_MANY_ATTEMPTS, settings), 429);
    let config: client.Configuration;
    try {
      config = await provider();
    } catch {
      return c.html(signInPage(next, unreachable(settings), settings), 503);
    }
    const now = ctx.clock().getTime();
    for (const [handle, p] of pending) if (p.expires <= now) pending.delete(handle);
    while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value as string);
    const entry: Pending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      next,
      expires: now + PENDING_MINUTES * 60_000,
    };
    const handle = randomSecret();
    pending.set(handle, entry);
    setCookie(c, PENDING_COOKIE, handle, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: settings.redirectUrl.protocol === 'https:',
      path: '/sign-in/oidc',
      maxAge: PENDING_MINUTES * 60,
    });
    const to = client.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUrl.href,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(entry.verifier),
      code_challenge_method: 'S256',
      state: entry.state,
      nonce: entry.nonce,
    });
    return c.redirect(to.href, 302);
  });

  route(app, 'get', CALLBACK_PATH, 'public', async (c) => {
    if (!settings) return notSetUp(c);
    if (limit.exhausted(c)) return c.html(signInPage('/', TOO_MANY_ATTEMPTS, settings), 429);
    const handle = getCookie(c, PENDING_COOKIE);
    deleteCookie(c, PENDING_COOKIE, { path: '/sign-in/oidc' });
    const entry = handle === undefined ? undefined : pending.get(handle);
    if (handle !== undefined) pending.delete(handle);
    const db = await ctx.store.session();
    try {
      const refused = async (status: 400 | 403 | 503, reason: string, message: string) => {
        // A provider out of reach is no one's failed attempt.
        if (status !== 503) limit.failed(c);
        await refuseSingleSignOn(
          db,
          'unknown',
          `single sign-on (${settings.name}): ${reason}`,
          ctx.clock(),
        );
        return c.html(signInPage(entry?.next ?? '/', message, settings), status);
      };
      if (entry === undefined || entry.expires <= ctx.clock().getTime())
        return await refused(
          400,
          handle === undefined
            ? 'no sign-in in progress in this browser'
            : 'sign-in expired or already used',
          `This sign-in with ${settings.name} has expired or was already used: start again.`,
        );
      // The address the provider answered at, as registered: behind a proxy the request's own
      // address may differ, and the code is bound to the registered one.
      const answered = new URL(settings.redirectUrl);
      answered.search = new URL(c.req.url).search;
      let claims: Readonly<Record<string, unknown>> | undefined;
      try {
        const config = await provider();
        const tokens = await client.authorizationCodeGrant(config, answered, {
          pkceCodeVerifier: entry.verifier,
          expectedState: entry.state,
          expectedNonce: entry.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        if (isUnreachable(error))
          return await refused(
            503,
            `provider unreachable (${describe(error)})`,
            unreachable(settings),
          );
        if (error instanceof client.AuthorizationResponseError)
          return await refused(
            403,
            `the provider refused: ${describe(error)}`,
            `${settings.name} did not sign you in (${(error.error_description ?? error.error).slice(0, 200)}): start again, or sign in with your password.`,
          );
        return await refused(
          400,
          `the provider's answer failed its checks: ${describe(error)}`,
          `The answer from ${settings.name} could not be checked, so Lantern did not sign you in: start again.`,
        );
      }
      if (!claims || typeof claims.sub !== 'string' || typeof claims.iss !== 'string')
        return await refused(
          400,
          'no ID token',
          `${settings.name} did not say who you are: start again.`,
        );
      const identity: ProviderIdentity = {
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof claims.email === 'string' && claims.email !== '' ? claims.email : null,
        emailVerified: emailVerified(claims),
      };
      try {
        const signed = await signInWithProvider(db, identity, settings.name, ctx.clock());
        setSessionCookie(
          c,
          signed.token,
          settings.redirectUrl.protocol === 'https:' || secureCookies(c, ctx.env),
        );
        return c.html(signedInPage(signed.user.name, entry.next));
      } catch (error) {
        if (error instanceof ForbiddenError) {
          limit.failed(c);
          return c.html(signInPage(entry.next, error.message, settings), 403);
        }
        throw error;
      }
    } finally {
      db.close();
    }
  });
}

function unreachable(settings: SingleSignOnSettings): string {
  return `Lantern could not reach ${settings.name} to sign you in: try again later, or sign in with your name and password.`;
}

/** A failure to reach the provider at all (no answer, a time-out), not an answer refused. */
function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  return error instanceof TypeError && error.message === 'fetch failed';
}

/** What went wrong, for the audit log: at most 300 characters (the provider's text is the caller's to choose). */
function describe(error: unknown): string {
  const text = describeFully(error);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

function describeFully(error: unknown): string {
  if (error instanceof client.AuthorizationResponseError)
    return `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
  if (error instanceof client.ResponseBodyError)
    return `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
  if (error instanceof Error) {
    // openid-client says what failed in the cause ('unexpected "state" response parameter value').
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}${'code' in error && error.code ? ` (${String(error.code)})` : ''}`;
  }
  return String(error);
}
