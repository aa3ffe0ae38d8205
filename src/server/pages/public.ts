/**
 * The public pages, served to anyone without signing in (permission 'public'): `/public`, the
 * districts whose police.uk data the store holds, and `/public/<district>` (its slug, name or
 * code), the district's page (usecases/public-page.ts), with its style sheet at
 * `/static/public.css`. Read with the public's scope whoever asks, from the bundled settings
 * (config/public-page.yaml, the reporting rates, disclosure and discontinuities). Each page is
 * sent with a Content-Security-Policy that allows no script and no inline style.
 */
import type { Context, Hono } from 'hono';

import { loadPublicPageConfig } from '../../config/public-page.js';
import { loadSettings } from '../../config/settings.js';
import { refuseUnsafePublicThreshold } from '../../domain/disclosure/table.js';
import { InputError, NotFoundError } from '../../errors.js';
import { publicIndexHtml, publicPageHtml } from '../../report/public-page-html.js';
import { PUBLIC_PAGE_CSS } from '../../report/public-page-style.js';
import {
  pageReadability,
  publicDistrictOf,
  publicDistricts,
  publicPage,
  type PublicActions,
} from '../../usecases/public-page.js';
import type { Db } from '../../store/db.js';
import type { ServerContext } from '../context.js';
import type { DocumentCache } from '../document-cache.js';
import { route } from '../permissions.js';

const CSS = '/static/public.css';
const POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

async function withStore<T>(ctx: ServerContext, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await ctx.store.session();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

function send(c: Context, body: string, status: 200 | 404 | 400 | 500 = 200) {
  c.header('Content-Security-Policy', POLICY);
  return c.html(body, status);
}

export function mountPublicPages(
  app: Hono,
  ctx: ServerContext,
  /** The public actions of the plan, read on the request's session of the store. */
  actionsOf: (db: Db) => PublicActions,
  /** What is kept until the store changes (document-cache.ts). */
  documents: DocumentCache,
): void {
  route(app, 'get', CSS, 'public', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(PUBLIC_PAGE_CSS);
  });
  // The districts with a public page, kept until the store changes (an import): listing them
  // reads every district's record counts (70 ms of CPU on the demo store), for a route anyone
  // may ask for any name.
  const held = () => documents.once('public districts', () => withStore(ctx, publicDistricts));
  route(app, 'get', '/public', 'public', async (c) =>
    send(c, publicIndexHtml([...(await held())], CSS)),
  );
  route(app, 'get', '/public/:area', 'public', async (c) => {
    const area = c.req.param('area') ?? '';
    const notFound = () =>
      c.text(`There is no public page for "${area}". The list of areas is at /public.`, 404);
    // A name that is no district is answered before anything else is read.
    const districts = await held();
    try {
      await withStore(ctx, (db) => publicDistrictOf(db, area, districts));
    } catch (error) {
      if (!(error instanceof NotFoundError || error instanceof InputError)) throw error;
      return notFound();
    }
    // The settings are read for each page, so an edit shows at once; a broken file is the
    // server's problem, not an unknown district.
    const [config, settings] = await Promise.all([
      loadPublicPageConfig(),
      loadSettings({}, ['reportingRates', 'disclosure', 'discontinuities']),
    ]);
    // A threshold the public may not be shown counts under is refused here too: the page would
    // otherwise be answered as a district with no public page.
    refuseUnsafePublicThreshold(settings.disclosure, 'the public page');
    try {
      const page = await withStore(ctx, (db) =>
        publicPage(db, area, {
          config,
          rates: settings.reportingRates,
          disclosure: settings.disclosure,
          discontinuities: settings.discontinuities,
          actions: actionsOf(db),
          now: ctx.clock(),
          districts,
        }),
      );
      return send(c, publicPageHtml(page, pageReadability(page), CSS));
    } catch (error) {
      if (!(error instanceof NotFoundError || error instanceof InputError)) throw error;
      return notFound();
    }
  });
}
