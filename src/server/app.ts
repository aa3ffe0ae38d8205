/**
 * The HTTP server's routes: the API (commands that read, the OpenAPI document, imports and
 * exports) and the dashboard's pages. Made from a ServerContext so that tests call it in-process
 * (`app.request(...)`) exactly as the network does.
 */
import { Hono } from 'hono';
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
import { importOperations, mountImports } from './imports.js';
import { openApiDocument } from './openapi.js';
import { mountPasswordReset } from './password-reset-page.js';
import { mountPublicPages } from './pages/public.js';
import { planPublicActions } from '../usecases/plan/public-actions.js';
import { route } from './permissions.js';
import { mountSetup } from './setup.js';
import { mountSignIn } from './sign-in.js';
import { SignInLimit } from './sign-in-limit.js';
import { mountSingleSignOn } from './single-sign-on.js';
import { singleSignOnFrom } from '../domain/single-sign-on.js';

export function createApp(ctx: ServerContext): Hono {
  // Single sign-on's settings, checked before anything is served (half set up is refused).
  const singleSignOn = singleSignOnFrom(ctx.env);
  const app = new Hono();
  // The dashboard's pages, script and style gzipped for whoever accepts it. The API's answers are
  // gzipped once when kept (document-cache.ts); the event streams and small answers are left
  // alone (gzipping eleven bytes through a stream costs more than sending them).
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return compress()(c, next);
  });
  // A form posted from another site (a cross-site request forgery) is refused: the browser says
  // where a request comes from (Origin, Sec-Fetch-Site), and only this server's own are taken.
  app.use('*', csrf());
  app.use('*', resolveCaller(ctx));
  app.use('*', async (c, next) => {
    // Nothing of Lantern's is framed by another site, sniffed or sent on as a referrer. Set
    // before the handler, so they go with its response as it is made (set after, they would
    // make every answer be copied into a new Response).
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'same-origin');
    await next();
  });
  route(app, 'get', '/api/openapi.json', 'public', (c) =>
    c.json(openApiDocument([...importOperations, ...exportOperations()])),
  );
  /** A constant answer: the baseline of bench/api.ts, and a check that the server is up. */
  route(app, 'get', '/api/ping', 'public', (c) => c.json({ ok: true }));
  const documents = new DocumentCache();
  mountCommands(app, ctx, documents);
  mountImports(app, ctx, () => documents.changed());
  mountExports(app, ctx);
  mountDashboard(app, ctx, () => documents.changed());
  mountPublicPages(app, ctx, (db) => planPublicActions(db, ctx.clock));
  // One limit per address on every way of signing in (the form, single sign-on's start and return).
  const signInLimit = new SignInLimit(ctx.clock);
  mountSignIn(app, ctx, singleSignOn, signInLimit);
  mountSingleSignOn(app, ctx, singleSignOn, signInLimit);
  mountSetup(app, ctx);
  mountAdmin(app, ctx);
  mountPasswordReset(app, ctx);
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json(
          {
            error: {
              type: 'not-found',
              message: `No endpoint ${c.req.method} ${c.req.path}; GET /api/openapi.json lists them`,
            },
          },
          404,
        )
      : c.text('Not found', 404),
  );
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
