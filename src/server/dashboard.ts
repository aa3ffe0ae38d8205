/**
 * The dashboard: server-rendered pages, one per view, each drawn from the same commands and the
 * same chart module as the reports, with a small script for what a form cannot do (zooming the
 * map, an upload's progress, copying the address). Every view's state is in its address.
 */
import { readFileSync } from 'node:fs';

import type { Context, Hono } from 'hono';

import type { ServerContext } from './context.js';
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
import { readState, viewHref, type ViewState } from './pages/state.js';
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

/** Mounts the dashboard; `changed` is told when a page changed the store (a plan update). */
export function mountDashboard(
  app: Hono,
  ctx: ServerContext,
  changed: () => void = () => {},
): void {
  for (const [name, file] of Object.entries(STATIC)) {
    route(app, 'get', `/static/${name}`, 'public', (c) => {
      c.header('Content-Type', file.type);
      c.header('Cache-Control', 'no-cache');
      return c.body(file.body);
    });
  }
  mountPlanPages(app, ctx, changed);
  for (const view of VIEWS) {
    if (view.path === '/plan') continue;
    const spec = BODIES[view.path];
    route(app, 'get', view.path, 'read', async (c) => {
      const rctx = forRequest(c, ctx);
      const caller = c.get('caller');
      const choices = await loadChoices(rctx);
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
            ? viewsThatWork(view.path, state, choices)
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

/**
 * Where a refused view can send its reader: the views that show the area as totals only (when the
 * caller sees it so), and this view of the districts they see in detail.
 */
function viewsThatWork(path: ViewPath, state: ViewState, choices: Choices): Safe {
  const area = areaNamed(choices, state.area);
  const named = (p: ViewPath) => VIEWS.find((v) => v.path === p)?.name ?? p;
  const totals = area?.totalsOnly
    ? TOTALS_VIEWS.filter((p) => p !== path).map(
        (p) => html`<li><a href="${viewHref(p, state)}">${named(p)}: ${area.name}</a></li>`,
      )
    : [];
  const own = [...choices.forces.flatMap((f) => f.districts), ...choices.otherDistricts]
    .filter((d) => !d.totalsOnly && d.code !== area?.code)
    .slice(0, 5)
    .map(
      (d) =>
        html`<li>
          <a href="${viewHref(path, { ...state, area: d.name })}">${named(path)}: ${d.name}</a>
        </li>`,
    );
  if (totals.length + own.length === 0)
    return html`<p>Change the area, period or category above, and press Show.</p>`;
  return html`<p>What you can see instead:</p>
    <ul>
      ${totals}${own}
    </ul>`;
}
