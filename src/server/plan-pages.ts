/**
 * The dashboard's pages for the action plan (issue 21): the plan (`/plan`), an action with its
 * updates and history and a form to add an update (`/plan/actions/:id`, posted back to the same
 * address), and the meetings with their action logs (`/plan/meetings`, `/plan/meetings/:id`).
 * Read through the plan's use cases with the caller's scope; an update goes through the same
 * use case as `lantern plan action update`, which checks the caller's rights, compares the
 * version the form was made from, and records the change in the plan's history and the audit log.
 */
import type { Context, Hono } from 'hono';

import type { Actor } from '../domain/access.js';
import { ACTION_STATUSES, parseActionStatus } from '../domain/plan/action-status.js';
import { planEditRefusal } from '../domain/plan/plan-edit-rights.js';
import type { PlanRecord } from '../domain/plan/plan-types.js';
import { parseRag } from '../domain/plan/rag.js';
import { renderOptionRefs } from '../domain/option-ref.js';
import { ConflictError, ForbiddenError, InputError } from '../errors.js';
import type { Db } from '../store/db.js';
import { updateAction, type ActionEdit } from '../usecases/plan/plan-actions.js';
import { meetingDetail, meetingsView, visiblePlans } from '../usecases/plan/plan-meetings-view.js';
import { actionDetail, planView, type ActionDetail } from '../usecases/plan/plan-view.js';
import type { ServerContext } from './context.js';
import { forRequest } from './caller.js';
import { problemOf } from './http-errors.js';
import { html, type Safe } from './pages/html.js';
import { notice, page } from './pages/layout.js';
import type { DocumentCache } from './document-cache.js';
import { defaultArea, loadChoices } from './pages/choices.js';
import { actionBody, saveProblem, type ActionPage, type UpdateForm } from './pages/plan-action.js';
import { meetingBody, meetingsBody } from './pages/plan-meetings.js';
import { noPlanForYou, noPlanYet, planBody, planChooser, type PlanQuery } from './pages/plan.js';
import { readState } from './pages/state.js';
import { route } from './permissions.js';
import { readForm } from './form-body.js';

type Status = 200 | 400 | 403 | 404 | 409 | 500 | 503;

/** The dashboard's own parameters (area, period, category), kept so the navigation keeps them. */
const KEPT = ['area', 'period', 'category'] as const;

export function mountPlanPages(app: Hono, ctx: ServerContext, documents: DocumentCache): void {
  const changed = () => documents.changed();
  route(app, 'get', '/plan', 'read', (c) =>
    withDb(c, ctx, documents, 'Action plan', async (db, rctx) => {
      const q = planQuery(c);
      const { plans, hidden } = await visiblePlans(db, rctx.scope);
      if (plans.length === 0)
        return { title: 'Action plan', body: hidden > 0 ? noPlanForYou() : noPlanYet() };
      const partnership = q.partnership ?? partnershipFor(plans, q);
      if (partnership === undefined) return { title: 'Action plans', body: planChooser(plans, q) };
      const view = await planView(db, rctx.scope, { partnership, year: q.year }, rctx.clock());
      return {
        title: `Action plan: ${view.plan.partnership} ${view.plan.year}`,
        body: planBody(view, plans, q),
        area: view.plan.areaName,
      };
    }),
  );

  route(app, 'get', '/plan/actions/:id', 'read', (c) =>
    withDb(c, ctx, documents, 'Action', async (db, rctx) => {
      const detail = await actionDetail(db, rctx.scope, idOf(c, 'action'), rctx.clock());
      // The version a save reached (the redirect after it says so); nothing else is echoed.
      const saved = /^\d{1,9}$/u.exec(c.req.query('saved') ?? '')?.[0];
      return actionPage(
        detail,
        formFor(c, detail),
        saved
          ? notice('note', `Your update was saved: the action is now at version ${saved}.`)
          : undefined,
      );
    }),
  );

  route(app, 'post', '/plan/actions/:id', 'plan', async (c) => {
    const form = await readForm(c);
    const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
    return withDb(c, ctx, documents, 'Action', async (db, rctx) => {
      const id = idOf(c, 'action');
      const held = await actionDetail(db, rctx.scope, id, rctx.clock());
      const chosen = ACTION_STATUSES.find((st) => st === text('status'));
      const typed: UpdateForm = {
        status: chosen ?? held.action.status,
        progress: text('progress').trim(),
        note: text('note'),
        version: held.action.version,
      };
      try {
        const version = Number(text('version'));
        // A whole number beyond what a number holds exactly is no version either (not a 500).
        if (!Number.isSafeInteger(version) || version < 1)
          throw new InputError(
            'the form did not say which version of the action it was made from: open the action again and repeat your update',
            { field: 'version' },
          );
        typed.version = version;
        const edit = editOf(text, held);
        const after = await updateAction(db, actorOf(c, rctx), id, version, edit, rctx.clock());
        changed();
        return c.redirect(`/plan/actions/${id}?saved=${after.version}`, 303);
      } catch (error) {
        if (!(
          error instanceof InputError ||
          error instanceof ConflictError ||
          error instanceof ForbiddenError
        ))
          throw error;
        // The action as it is now: a conflict's form is at the current values (the note typed
        // kept), a mistake's keeps what was typed.
        const current = await actionDetail(db, rctx.scope, id, rctx.clock());
        const message = saveProblem(
          renderOptionRefs(error.message, (k) => (k === 'expectVersion' ? 'version' : k)),
        );
        const status = problemOf(error).status;
        const again: ActionPage['form'] =
          error instanceof ConflictError
            ? {
                status: current.action.status,
                progress: String(current.action.progress),
                note: typed.note,
                version: current.action.version,
              }
            : error instanceof InputError
              ? typed
              : formFor(c, current);
        return { ...actionPage(current, again, message), status };
      }
    });
  });

  route(app, 'get', '/plan/meetings', 'read', (c) =>
    withDb(c, ctx, documents, 'Meetings', async (db, rctx) => {
      const { meetings, hidden } = await meetingsView(db, rctx.scope, rctx.clock());
      return { title: 'Meetings and their actions', body: meetingsBody(meetings, hidden) };
    }),
  );

  route(app, 'get', '/plan/meetings/:id', 'read', (c) =>
    withDb(c, ctx, documents, 'Meeting', async (db, rctx) => {
      const d = await meetingDetail(db, rctx.scope, idOf(c, 'meeting'), rctx.clock());
      return { title: `Meeting: ${d.meeting.title}`, body: meetingBody(d) };
    }),
  );
}

interface Rendered {
  title: string;
  body: Safe;
  /** The area the navigation's links default to (the plan's). */
  area?: string | null;
  status?: Status;
}

function actionPage(detail: ActionDetail, form: ActionPage['form'], message?: Safe): Rendered {
  const a = detail.action;
  return {
    title: `Action ${a.id}: ${a.title}`,
    body: actionBody({ detail, form, message }),
    area: detail.plan?.areaName ?? null,
  };
}

/** The form for the caller, or why they may not change the action. */
function formFor(c: Context, d: ActionDetail): ActionPage['form'] {
  const caller = c.get('caller');
  const actor: Actor =
    caller?.kind === 'user'
      ? { name: caller.user.name, user: caller.user }
      : { name: '', user: null };
  if (caller?.kind === 'anonymous') return { refused: null };
  const copy = d.action.carriedTo;
  if (copy)
    return {
      refused: `Carried over to the ${copy.year} plan as action ${copy.id}: it goes on there, and is changed there.`,
    };
  const why = planEditRefusal(actor, 'action', d.action.organisation);
  if (why !== null) return { refused: `You may read this action but not change it: ${why}.` };
  return {
    status: d.action.status,
    progress: String(d.action.progress),
    note: '',
    version: d.action.version,
  };
}

/** The change the form asks for: only what differs from the action as held, and the note. */
function editOf(text: (k: string) => string, held: ActionDetail): ActionEdit {
  const edit: ActionEdit = {};
  const status = text('status').trim();
  if (status !== '') {
    const s = parseActionStatus(status);
    if (s !== held.action.status) edit.status = s;
  }
  const progress = text('progress').trim();
  if (progress !== '') {
    const n = Number(progress);
    if (!/^\d+$/u.test(progress) || n > 100)
      throw new InputError(`progress "${progress}" is not a whole percentage from 0 to 100`, {
        field: 'progress',
      });
    if (n !== held.action.progress) edit.progress = n;
  }
  const note = text('note').trim();
  if (note !== '') edit.note = note;
  if (edit.status === undefined && edit.progress === undefined && edit.note === undefined)
    throw new InputError('Nothing to save: change the status or the progress, or write a note.');
  return edit;
}

function actorOf(c: Context, rctx: ServerContext): Actor {
  const caller = c.get('caller');
  return caller?.kind === 'user'
    ? { name: caller.user.name, user: caller.user }
    : { name: rctx.actor ?? 'owner (no accounts yet)', user: null };
}

/** A number from the address (`/plan/actions/12`), or not found. */
function idOf(c: Context, what: 'action' | 'meeting'): number {
  const raw = c.req.param('id') ?? '';
  const n = Number(raw);
  if (!/^\d+$/u.test(raw) || !Number.isSafeInteger(n) || n < 1)
    throw new InputError(
      `"${raw}" is not ${what === 'action' ? "an action's" : "a meeting's"} number`,
    );
  return n;
}

/**
 * The partnership whose plan /plan shows when none is named: the only one the caller may read,
 * or the one whose area the dashboard is showing (`area`, a name or code); else none (the page
 * lists them).
 */
function partnershipFor(plans: readonly PlanRecord[], q: PlanQuery): string | undefined {
  const names = (list: readonly PlanRecord[]) => [...new Set(list.map((p) => p.partnership))];
  if (names(plans).length === 1) return plans[0]!.partnership;
  const area = q.keep.area?.toLowerCase();
  if (area === undefined) return undefined;
  const ofArea = names(
    plans.filter((p) => p.areaCode?.toLowerCase() === area || p.areaName?.toLowerCase() === area),
  );
  return ofArea.length === 1 ? ofArea[0] : undefined;
}

function planQuery(c: Context): PlanQuery {
  const v = (k: string) => {
    const t = c.req.query(k)?.trim();
    return t === undefined || t === '' ? undefined : t;
  };
  const keep: Record<string, string> = {};
  for (const k of KEPT) {
    const t = v(k);
    if (t !== undefined) keep[k] = t;
  }
  const status = v('status');
  const rag = v('rag');
  return {
    year: v('year'),
    partnership: v('partnership'),
    owner: v('owner'),
    organisation: v('organisation'),
    status: status === undefined ? undefined : parseActionStatus(status),
    rag: rag === undefined ? undefined : parseRag(rag),
    keep,
  };
}

/**
 * Runs a page's reads and writes on a session of the store and draws the page around it; a
 * refusal (not found, no access, a bad filter) is the page with a plain-language notice.
 */
async function withDb(
  c: Context,
  ctx: ServerContext,
  documents: DocumentCache,
  fallbackTitle: string,
  work: (db: Db, rctx: ServerContext) => Promise<Rendered | Response>,
): Promise<Response> {
  const rctx = forRequest(c, ctx);
  const caller = c.get('caller');
  let rendered: Rendered;
  const db = await ctx.store.session();
  try {
    const done = await work(db, rctx);
    if (done instanceof Response) return done;
    rendered = done;
  } catch (error) {
    const problem = problemOf(error);
    rendered = {
      title: fallbackTitle,
      status: problem.status,
      body: notice(
        'error',
        problem.status >= 500
          ? problem.body.error.message
          : `This cannot be shown: ${renderOptionRefs(error instanceof Error ? error.message : String(error), (k) => k)}`,
        problem.status < 500 ? html`<p><a href="/plan">Back to the action plan</a></p>` : undefined,
      ),
    };
  } finally {
    db.close();
  }
  // With no plan to show, the links to the other views go to the area they would show first.
  const state = readState(
    c.req.query(),
    rendered.area ?? defaultArea(await loadChoices(rctx, documents)),
  );
  return c.html(
    page({
      path: '/plan',
      title: rendered.title,
      state,
      choices: null,
      body: rendered.body,
      ...(caller?.kind === 'user'
        ? { signedIn: caller.user.name, admin: caller.user.role === 'admin' }
        : {}),
    }),
    rendered.status ?? 200,
  );
}
