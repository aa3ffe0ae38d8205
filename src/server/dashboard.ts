/**
 * The dashboard: server-rendered pages, one per view, each drawn from the same commands and the
 * same chart module as the reports, with a small script for what a form cannot do (zooming the
 * map, an upload's progress, copying the address). Every view's state is in its address.
 */
import { readFileSync } from 'node:fs';

import type { Context, Hono } from 'hono';

import type { AccessNeed } from '../domain/scope.js';
import { readsOpen } from '../usecases/view-access.js';
import type { ServerContext } from './context.js';
import type { DocumentCache } from './document-cache.js';
import { apiText, problemOf } from './http-errors.js';
import { forRequest } from './caller.js';
import { route } from './permissions.js';
import { mountPlanPages } from './plan-pages.js';
import { areaNamed, defaultArea, loadChoices, type Choices } from './pages/choices.js';
import { compareBody } from './pages/compare.js';
import { dataBody } from './pages/data.js';
import { html, type Safe } from './pages/html.js';
import { notice, page, VIEWS, type ViewPath } from './pages/layout.js';
import { mapBody } from './pages/map.js';
import { overviewBody } from './pages/overview.js';
import { prioritiesBody } from './pages/priorities.js';
import { DEFAULT_CATEGORY, readState, sourceOf, viewHref, type ViewState } from './pages/state.js';
import { trendsBody } from './pages/trends.js';

/** The dashboard's own files (web/), read once: they are small and never change while serving. */
const STATIC: Record<string, { type: string; body: string }> = Object.fromEntries(
  [
    ['dashboard.css', 'text/css; charset=utf-8'],
    ['dashboard.js', 'text/javascript; charset=utf-8'],
  ].map(([name, type]) => [
    name,
    {
      type: type as string,
      body: readFileSync(new URL(`../../web/${name}`, import.meta.url), 'utf8'),
    },
  ]),
);

type Body = (ctx: ServerContext, state: ViewState, choices: Choices, c: Context) => Promise<Safe>;

/** The views drawn from the area, period and category; the plan's pages are plan-pages.ts. */
const BODIES: Record<
  Exclude<ViewPath, '/plan'>,
  {
    title: (s: ViewState) => string;
    body: Body;
    filters?: { category?: boolean; period?: boolean };
  }
> = {
  '/': {
    title: (s) => `Overview: ${s.area}`,
    body: (ctx, s) => overviewBody(ctx, s),
    filters: { period: true },
  },
  '/trends': { title: (s) => `Trends: ${s.area}`, body: (ctx, s) => trendsBody(ctx, s) },
  '/compare': {
    title: (s) => `Compare: ${s.area} and its neighbours`,
    body: (ctx, s, ch) => compareBody(ctx, s, ch),
  },
  '/map': { title: (s) => `Map: ${s.area}`, body: (ctx, s, ch) => mapBody(ctx, s, ch) },
  '/priorities': {
    title: (s) => `Priorities: ${s.area}`,
    body: (ctx, s, _ch, c) => prioritiesBody(ctx, s, c.req.query('compareWith') || undefined),
    filters: { period: true },
  },
  '/data': {
    title: () => 'Data and imports',
    body: (ctx, _s, ch, c) => dataBody(ctx, ch, c.get('caller')),
    filters: {},
  },
};

/**
 * Mounts the dashboard; `documents` is told when a page changed the store (a plan update), and
 * keeps the filters' choices (loadChoices) until the store changes.
 */
export function mountDashboard(app: Hono, ctx: ServerContext, documents: DocumentCache): void {
  for (const [name, file] of Object.entries(STATIC)) {
    route(app, 'get', `/static/${name}`, 'public', (c) => {
      c.header('Content-Type', file.type);
      c.header('Cache-Control', 'no-cache');
      return c.body(file.body);
    });
  }
  mountPlanPages(app, ctx, documents);
  for (const view of VIEWS) {
    if (view.path === '/plan') continue;
    const spec = BODIES[view.path];
    route(app, 'get', view.path, 'read', async (c) => {
      const rctx = forRequest(c, ctx);
      const caller = c.get('caller');
      const choices = await loadChoices(rctx, documents);
      const state = readState(c.req.query(), defaultArea(choices));
      let body: Safe;
      let status: 200 | 400 | 404 | 500 | 403 | 409 | 503 = 200;
      try {
        body = await spec.body(rctx, state, choices, c);
      } catch (error) {
        const problem = problemOf(error);
        status = problem.status;
        body = notice(
          'error',
          status >= 500
            ? problem.body.error.message
            : `This view cannot be shown: ${apiText(problem.body.error.message)}`,
          status === 403
            ? await viewsThatWork(rctx, view.path, state, choices)
            : status < 500
              ? html`<p>Change the area, period or category above, and press Show.</p>`
              : undefined,
        );
      }
      return c.html(
        page({
          path: view.path,
          title: spec.title(state),
          state,
          choices,
          body,
          ...(spec.filters ? { filters: spec.filters } : {}),
          ...(caller?.kind === 'user'
            ? { signedIn: caller.user.name, admin: caller.user.role === 'admin' }
            : {}),
        }),
        status,
      );
    });
  }
}

/** The views that show totals only, which a totals-only area can be seen in. */
const TOTALS_VIEWS: readonly ViewPath[] = ['/', '/trends', '/compare'];

/** What a view reads: records (the map, the priorities) or totals; and of which dataset. */
function readOf(path: ViewPath, state: ViewState): { need: AccessNeed; dataset: string } {
  const source = sourceOf(state);
  const partner = path !== '/' && path !== '/map' && 'dataset' in source;
  return {
    need: path === '/map' || path === '/priorities' ? 'detail' : 'totals',
    dataset: partner ? (source.dataset[0] ?? '') : 'police-street',
  };
}

/**
 * Where a refused view can send its reader: the views that show the area as totals only (when the
 * caller sees it so), this view of the districts they see in detail, and for a partner dataset
 * refused, this view of the area's police.uk records. Each is offered only if the caller's grants
 * open it (QA: a refusal of domestic abuse offered five other districts' domestic abuse, each
 * refused the same way); none, and the page says what to change.
 */
async function viewsThatWork(
  ctx: ServerContext,
  path: ViewPath,
  state: ViewState,
  choices: Choices,
): Promise<Safe> {
  const area = areaNamed(choices, state.area);
  const named = (p: ViewPath) => VIEWS.find((v) => v.path === p)?.name ?? p;
  const candidates: { path: ViewPath; state: ViewState; code: string; label: string }[] = [];
  if (area?.totalsOnly)
    for (const p of TOTALS_VIEWS.filter((v) => v !== path))
      candidates.push({ path: p, state, code: area.code, label: `${named(p)}: ${area.name}` });
  if (area && 'dataset' in sourceOf(state)) {
    const police = { ...state, category: DEFAULT_CATEGORY };
    candidates.push({
      path,
      state: police,
      code: area.code,
      label: `${named(path)}: ${area.name}, police.uk records (all crime)`,
    });
  }
  for (const d of [...choices.forces.flatMap((f) => f.districts), ...choices.otherDistricts]
    .filter((d) => !d.totalsOnly && d.code !== area?.code)
    .slice(0, 20))
    candidates.push({
      path,
      state: { ...state, area: d.name },
      code: d.code,
      label: `${named(path)}: ${d.name}`,
    });
  const db = await ctx.store.session();
  const open = await readsOpen(
    db,
    ctx.scope,
    candidates.map((c) => ({ code: c.code, ...readOf(c.path, c.state) })),
  ).finally(() => db.close());
  const offered = candidates.filter((_, i) => open[i]).slice(0, 6);
  if (offered.length === 0)
    return html`<p>Change the area, period or category above, and press Show.</p>`;
  return html`<p>What you can see instead:</p>
    <ul>
      ${offered.map((c) => html`<li><a href="${viewHref(c.path, c.state)}">${c.label}</a></li>`)}
    </ul>`;
}
