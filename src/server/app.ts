/**
 * The HTTP server's routes: the API (commands that read, the OpenAPI document, imports and
 * exports) and the dashboard's pages. Made from a ServerContext so that tests call it in-process
 * (`app.request(...)`) exactly as the network does.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';

import { mountAdmin } from './admin.js';
import { mountCommands } from './api-commands.js';
import { resolveCaller } from './caller.js';
import { mountDashboard } from './dashboard.js';
import type { ServerContext } from './context.js';
import { DocumentCache } from './document-cache.js';
import { exportOperations, mountExports } from './exports.js';
import { problemOf } from './http-errors.js';
import { auditRefusals } from './refusal-audit.js';
import { trustedProxiesFrom } from './client-address.js';
import { importOperations, mountImports } from './imports.js';
import { openApiDocument } from './openapi.js';
import { ownerHostOnly } from './owner-host.js';
import { mountPasswordReset } from './password-reset-page.js';
import { mountPublicPages } from './pages/public.js';
import { planPublicActions } from '../usecases/plan/public-actions.js';
import { declaredPermissions, route } from './permissions.js';
import { mountSetup } from './setup.js';
import { mountSignIn } from './sign-in.js';
import { SignInLimit } from './sign-in-limit.js';
import { mountSingleSignOn } from './single-sign-on.js';
import { singleSignOnFrom, type SingleSignOnSettings } from '../domain/single-sign-on.js';

/**
 * The most a form (sign-in, set-up, password reset, the admin's and the plan's forms) may send:
 * far more than any of them needs, and refused before it is read (an upload has its own limit).
 */
export const FORM_BODY_LIMIT = 16 * 1024;

/**
 * What the dashboard's pages may load: their own script, style and images, nothing inline and
 * nothing from elsewhere; forms go to this server (and to the single sign-on provider, whose page
 * the sign-in form's redirect leads to). The public pages set a stricter one (pages/public.ts).
 */
export function contentSecurityPolicy(singleSignOn: SingleSignOnSettings | null): string {
  const formAction = ["'self'", ...(singleSignOn ? [singleSignOn.issuer.origin] : [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    `form-action ${formAction}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function createApp(ctx: ServerContext): Hono {
  // Single sign-on's settings, checked before anything is served (half set up is refused).
  const singleSignOn = singleSignOnFrom(ctx.env);
  // The reverse proxy's addresses, whose X-Forwarded-For is believed (client-address.ts).
  const trustedProxies = trustedProxiesFrom(ctx.env);
  const app = new Hono();
  // A body larger than any form sends is refused before it is read: a 30 MB password is neither
  // parsed nor hashed. Uploads (/api/imports) have their own, larger limit (imports.ts).
  const formLimit = bodyLimit({
    maxSize: FORM_BODY_LIMIT,
    onError: (c) =>
      c.text(
        `Refused: the form sent is larger than ${FORM_BODY_LIMIT / 1024} KiB, more than any of Lantern's forms needs.`,
        413,
      ),
  });
  app.use('*', async (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.path === '/api/imports'
      ? next()
      : formLimit(c, next),
  );
  // The dashboard's pages, script and style gzipped for whoever accepts it, and the exports' CSV
  // (a district's street records for a year, 275 KB, fetched by a Power BI refresh each day;
  // XLSX and Parquet are compressed already, and are left as they are). The API's JSON answers
  // are gzipped once when kept (document-cache.ts); the event streams and small answers are left
  // alone (gzipping eleven bytes through a stream costs more than sending them).
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') && !c.req.path.startsWith('/api/export/')) return next();
    return compress()(c, next);
  });
  // A form posted from another site (a cross-site request forgery) is refused: the browser says
  // where a request comes from (Origin, Sec-Fetch-Site), and only this server's own are taken.
  app.use('*', csrf());
  const policy = contentSecurityPolicy(singleSignOn);
  app.use('*', resolveCaller(ctx));
  // Every refusal (a grant, a role, a token or session not accepted, too many sign-ins) leaves an
  // audit row, at most one per caller and kind a minute (refusal-audit.ts).
  app.use('*', auditRefusals(ctx, trustedProxies));
  app.use('*', async (c, next) => {
    // Nothing of Lantern's is framed by another site, sniffed or sent on as a referrer. Set
    // before the handler, so they go with its response as it is made (set after, they would
    // make every answer be copied into a new Response).
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'same-origin');
    // Nothing loaded from elsewhere or run inline; the public pages replace it with their own.
    c.header('Content-Security-Policy', policy);
    // Signed-in pages and the API's answers (a reset token on /admin, a partner's figures) are
    // kept by no browser or proxy; the public pages and the dashboard's own files set their own.
    if (!c.req.path.startsWith('/public') && !c.req.path.startsWith('/static/'))
      c.header('Cache-Control', 'no-store');
    await next();
  });
  // A store with no accounts answers only at localhost or an address: not to DNS rebinding.
  app.use('*', ownerHostOnly());
  // Made once, when first asked for: it is drawn from the commands' definitions alone (30 ms of
  // CPU to make, for a route anyone may call).
  let openApi: Record<string, unknown> | undefined;
  route(app, 'get', '/api/openapi.json', 'public', (c) =>
    c.json((openApi ??= openApiDocument([...importOperations, ...exportOperations()]))),
  );
  /** A constant answer: the baseline of bench/api.ts, and a check that the server is up. */
  route(app, 'get', '/api/ping', 'public', (c) => c.json({ ok: true }));
  const documents = new DocumentCache();
  mountCommands(app, ctx, documents);
  mountImports(app, ctx, () => documents.changed());
  mountExports(app, ctx);
  mountDashboard(app, ctx, documents);
  mountPublicPages(app, ctx, (db) => planPublicActions(db, ctx.clock), documents);
  // One limit per address on every way of signing in (the form, single sign-on's start and return).
  const signInLimit = new SignInLimit(ctx.clock, trustedProxies);
  mountSignIn(app, ctx, singleSignOn, signInLimit, trustedProxies);
  mountSingleSignOn(app, ctx, singleSignOn, signInLimit);
  mountSetup(app, ctx, trustedProxies);
  mountAdmin(app, ctx);
  mountPasswordReset(app, ctx, signInLimit, trustedProxies);
  // An /api/ path that exists asked with another method (a script's POST or OPTIONS to a GET
  // endpoint) is 405 with the methods it takes, not "no endpoint", which sent its writer looking
  // for a typing mistake in the path.
  const methodsOf = (path: string): string[] => {
    const methods = new Set<string>();
    for (const key of declaredPermissions(app).keys()) {
      const [method, pattern] = key.split(' ') as [string, string];
      const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
      const regex = new RegExp(`^${escaped.replace(/:[^/]+/gu, '[^/]+')}$`, 'u');
      if (regex.test(path)) methods.add(method).add(method === 'GET' ? 'HEAD' : method);
    }
    return [...methods].sort();
  };
  app.notFound((c) => {
    if (!c.req.path.startsWith('/api/')) return c.text('Not found', 404);
    const allowed = methodsOf(c.req.path);
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '));
      return c.json(
        {
          error: {
            type: 'method-not-allowed',
            message: `${c.req.path} takes ${allowed.join(' or ')}, not ${c.req.method}; GET /api/openapi.json describes it`,
          },
        },
        405,
      );
    }
    return c.json(
      {
        error: {
          type: 'not-found',
          message: `No endpoint ${c.req.method} ${c.req.path}; GET /api/openapi.json lists them`,
        },
      },
      404,
    );
  });
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 403)
      return c.json(
        {
          error: {
            type: 'forbidden',
            message:
              'Refused: this request was sent from another site or page (a form must come from this server).',
          },
        },
        403,
      );
    if (error instanceof HTTPException) return error.getResponse();
    const problem = problemOf(error);
    return c.json(problem.body, problem.status);
  });
  return app;
}
