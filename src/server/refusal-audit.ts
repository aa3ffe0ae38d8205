/**
 * The audit rows of requests refused: a caller outside their grants (an area, a restricted
 * dataset, an export), a role that may not use the route (/admin for a non-admin), an API token
 * or session cookie not accepted (revoked, expired, unknown), sign-ins refused for too many
 * attempts (429), and the first-run set-up page asked for from another computer. Each row says
 * who (the account; "anonymous" with the token's id when none is known), what (the attempt: view, export, sign-in, admin, plan, import; the area and dataset
 * asked for; the address), why (the refusal's reason and message) and when.
 *
 * A flood of refusals must not grow the log without bound: at most one row is written per caller,
 * attempt and kind of reason in a minute; the next row of the same kind says how many were left
 * out meanwhile. Anonymous callers share one "anonymous" caller (a token's id or an address is
 * the sender's to vary). A sign-in refused for a wrong password is already recorded by the
 * sign-in use case, and a request with no credentials at all (401) is not a refusal worth a row.
 */
import type { Context, MiddlewareHandler } from 'hono';

import { recordRefusal } from '../usecases/audit.js';
import { actorOf, SESSION_COOKIE, type RequestCaller } from './caller.js';
import { clientAddress } from './client-address.js';
import type { ServerContext } from './context.js';

/** How long one row stands for the refusals of its kind that follow it. */
export const REFUSAL_WINDOW_MS = 60_000;

/** Keys remembered before the ones whose minute is over are forgotten. */
const MAX_KEYS = 10_000;

type Reason = 'role' | 'grant' | 'token' | 'session' | 'too-many-sign-ins' | 'set-up' | 'host';

interface Refusal {
  reason: Reason;
  why: string;
}

/** Records the refusals of the requests it wraps; set after the caller is resolved. */
export function auditRefusals(
  ctx: ServerContext,
  trustedProxies: ReadonlySet<string> = new Set(),
): MiddlewareHandler {
  const windows = new Map<string, { since: number; leftOut: number }>();
  return async (c, next) => {
    await next();
    const refusal = await refusalOf(c);
    if (refusal === null) return;
    const caller = c.get('caller');
    const actor = caller?.kind === 'user' ? actorOf(caller) : 'anonymous';
    const action = attemptOf(c);
    const key = `${actor}\u0000${action}\u0000${refusal.reason}`;
    const now = ctx.clock();
    const open = windows.get(key);
    if (open && now.getTime() - open.since < REFUSAL_WINDOW_MS) {
      open.leftOut += 1;
      return;
    }
    windows.set(key, { since: now.getTime(), leftOut: 0 });
    if (windows.size > MAX_KEYS)
      for (const [k, w] of windows)
        if (now.getTime() - w.since >= REFUSAL_WINDOW_MS) windows.delete(k);
    const query = new URL(c.req.url).searchParams;
    const detail = [
      `${refusal.reason}: ${refusal.why}`,
      `${c.req.method} ${c.req.path}`,
      whoElse(c, caller, trustedProxies),
      open && open.leftOut > 0
        ? `${open.leftOut} more refused like it in the minute before, not recorded one by one`
        : null,
    ]
      .filter((d): d is string => d !== null)
      .join('; ');
    const db = await ctx.store.session();
    try {
      await recordRefusal(
        db,
        {
          actor,
          action,
          area: clip(query.get('area') ?? query.get('within') ?? query.get('force')),
          dataset: clip(query.get('dataset')),
          detail: detail.slice(0, 600),
        },
        now,
      );
    } catch (error) {
      // The refusal stands; a row that could not be written is said in the server's log.
      console.error(
        `lantern serve: could not record a refused request in the audit log: ${String(error)}`,
      );
    } finally {
      db.close();
    }
  };
}

/** Why the request was refused, or null when it was not (or is recorded elsewhere). */
async function refusalOf(c: Context): Promise<Refusal | null> {
  const status = c.res.status;
  if (status === 429)
    return { reason: 'too-many-sign-ins', why: 'too many failed sign-ins from this address' };
  if (status === 401) {
    // A wrong password is recorded by the sign-in itself.
    if (c.req.path === '/sign-in') return null;
    if (/^Bearer \S+$/u.test(c.req.header('Authorization') ?? ''))
      return {
        reason: 'token',
        why: 'the API token is not accepted (unknown, revoked or expired, or its owner disabled)',
      };
    if (c.req.header('Cookie')?.includes(`${SESSION_COOKIE}=`))
      return {
        reason: 'session',
        why: 'the session is not accepted (signed out, expired, or the account disabled)',
      };
    return null;
  }
  if (status !== 403) return null;
  // The CSRF check answers 403 before the caller is known: a form from another site, not a caller.
  if (c.get('caller') === undefined) return null;
  if (c.req.path === '/setup')
    return {
      reason: 'set-up',
      why: 'the set-up page is open only from the computer Lantern runs on',
    };
  if (c.res.headers.get('X-Lantern-Refused') === 'host')
    return {
      reason: 'host',
      why: `a store with no accounts answers only at localhost or an address, not at the name ${(c.req.header('Host') ?? '').slice(0, 100)}`,
    };
  if (c.res.headers.get('X-Lantern-Refused') === 'role')
    return { reason: 'role', why: 'the account’s role may not use this' };
  return { reason: 'grant', why: (await messageOf(c)) ?? 'outside the caller’s grants' };
}

/** The message of a JSON refusal (what the caller was told). */
async function messageOf(c: Context): Promise<string | null> {
  if (!(c.res.headers.get('Content-Type') ?? '').includes('application/json')) return null;
  try {
    const body = (await c.res.clone().json()) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message.slice(0, 300) : null;
  } catch {
    return null;
  }
}

/** What the caller tried to do, by the route. */
function attemptOf(c: Context): string {
  const path = c.req.path;
  if (path.startsWith('/api/export/')) return 'export';
  if (path.startsWith('/api/imports')) return 'import';
  if (path.startsWith('/sign-in')) return 'sign-in';
  if (path.startsWith('/admin') || path === '/setup') return 'admin';
  if (path.startsWith('/plan') || path.startsWith('/api/plan'))
    return c.req.method === 'GET' ? 'view' : 'plan';
  return c.req.method === 'GET' ? 'view' : 'request';
}

/** For an anonymous caller: the token's id (never the token) and the address it came from. */
function whoElse(
  c: Context,
  caller: RequestCaller | undefined,
  trusted: ReadonlySet<string>,
): string | null {
  const parts: string[] = [];
  if (caller?.kind !== 'user') {
    const id = /^Bearer lnt_([0-9a-f]{8})_/u.exec(c.req.header('Authorization') ?? '')?.[1];
    if (id) parts.push(`API token ${id}`);
  }
  const address = clientAddress(c, trusted);
  if (address) parts.push(`from ${address}`);
  return parts.length > 0 ? parts.join(' ') : null;
}

function clip(text: string | null): string | null {
  return text === null ? null : text.slice(0, 120);
}
