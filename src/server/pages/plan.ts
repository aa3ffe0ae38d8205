/**
 * The action plan (issue 21): each priority with its objectives and actions (status, progress,
 * RAG derived and any override with its reason, owner, organisation, due date, evidence), the
 * overdue and due-soon counts at the top, the actions by owner and by organisation, and filters
 * kept in the address (year, partnership, owner, organisation, status, RAG).
 */
import { planBasisWords } from '../../domain/plan/plan-basis.js';
import { ACTION_STATUSES } from '../../domain/plan/action-status.js';
import {
  filterActions,
  isDueSoon,
  isOverdue,
  tallyBy,
  valuesOf,
  type ActionFilter,
  type ActionTally,
} from '../../domain/plan/plan-filter.js';
import type { PlanRecord } from '../../domain/plan/plan-types.js';
import type { ActionView, PlanView } from '../../domain/plan/plan-view.js';
import { DUE_SOON_DAYS, RAGS } from '../../domain/plan/rag.js';
import { html, safe, type Safe } from './html.js';
import { notice } from './layout.js';
import { actionTable, RAG_WORDS, STATUS_WORDS } from './plan-parts.js';

/** The plan page's address parameters, as given (empty ones dropped). */
export interface PlanQuery extends ActionFilter {
  year?: string | undefined;
  partnership?: string | undefined;
  /** The dashboard's area, period and category, kept for the navigation. */
  keep: Record<string, string>;
}

export function planHref(
  q: PlanQuery,
  change: Partial<Record<string, string | undefined>> = {},
): string {
  const params = new URLSearchParams(q.keep);
  const fields: Record<string, string | undefined> = {
    year: q.year,
    partnership: q.partnership,
    owner: q.owner,
    organisation: q.organisation,
    status: q.status,
    rag: q.rag,
    ...change,
  };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') params.set(k, v);
  const text = params.toString();
  return text ? `/plan?${text}` : '/plan';
}

/** What to say when the store holds no plan the caller may read. */
export function noPlanYet(): Safe {
  return notice(
    'empty',
    'No plan yet: an analyst creates it with lantern plan create, from the priorities of a saved assessment.',
    html`<p>
        <code
          >lantern plan create --partnership "NAME" --year YYYY-YY --from-assessment latest</code
        >
        (the partnership's name, and its financial year, such as 2026-27)
      </p>
      <p>
        Then add actions (<code>lantern plan action add</code>) or load a meeting's minutes (<code
          >lantern minutes import</code
        >); they appear here with their owners, due dates and RAG.
      </p>`,
  );
}

/** What to say when the store holds plans, but none of an area the caller's grants cover. */
export function noPlanForYou(): Safe {
  return notice(
    'empty',
    'No plan you may see: the plans held are for areas your access does not cover. Ask your Lantern administrator for a grant if you need one.',
  );
}

/**
 * The plans of several partnerships the caller may read, none chosen (by `partnership`, or by the
 * dashboard's `area` being one partnership's): each partnership with its years, as links.
 */
export function planChooser(plans: readonly PlanRecord[], q: PlanQuery): Safe {
  const partnerships = [...new Set(plans.map((p) => p.partnership))].sort();
  return html`<p>
      This store holds the action plans of ${partnerships.length} partnerships: choose one.
    </p>
    <ul class="plan-choices">
      ${partnerships.map((name) => {
        const mine = plans.filter((p) => p.partnership === name);
        const area = mine.find((p) => p.areaName !== null)?.areaName;
        const years = [...new Set(mine.map((p) => p.year))].sort().reverse();
        return html`<li>
          <a href="${planHref({ ...q, year: undefined }, { partnership: name })}">${name}</a
          >${area ? html` (${area})` : ''}:
          ${years.map(
            (y, i) =>
              html`${i > 0 ? ', ' : ''}<a
                  href="${planHref({ ...q, year: undefined }, { partnership: name, year: y })}"
                  >${y}</a
                >`,
          )}
        </li>`;
      })}
    </ul>`;
}

export function planBody(view: PlanView, plans: readonly PlanRecord[], q: PlanQuery): Safe {
  const all = view.actions;
  const shown = filterActions(all, q);
  const filtered = shown.length !== all.length;
  const overdue = shown.filter(isOverdue).length;
  const dueSoon = shown.filter(isDueSoon).length;
  const count = (rag: string) => shown.filter((a) => a.rag.rag === rag).length;
  const byPriority = new Map<number | null, ActionView[]>();
  for (const a of shown) byPriority.set(a.priorityId, [...(byPriority.get(a.priorityId) ?? []), a]);
  const unplaced = byPriority.get(null) ?? [];
  return html`<p class="lead">
      ${view.plan.partnership}'s action plan for
      ${view.plan.year}${view.plan.areaName ? html` (${view.plan.areaName})` : ''}:
      ${view.priorities.length} priorit${view.priorities.length === 1 ? 'y' : 'ies'} and
      ${all.length} action${all.length === 1 ? '' : 's'}. RAG as at ${view.today}.
      ${view.basis ? html`Priorities from ${planBasisWords(view.basis)}.` : ''}
    </p>
    ${filterForm(view, plans, q)}
    <dl class="facts" aria-label="${filtered ? 'The actions shown' : 'The plan'} at a glance">
      <div class="${overdue > 0 ? 'alarm' : ''}">
        <dt>Overdue</dt>
        <dd>${overdue}</dd>
      </div>
      <div>
        <dt>Due within ${DUE_SOON_DAYS} days</dt>
        <dd>${dueSoon}</dd>
      </div>
      <div>
        <dt>Actions${filtered ? ' shown' : ''}</dt>
        <dd>
          ${shown.length}${filtered ? html` <span class="small">of ${all.length}</span>` : ''}
        </dd>
      </div>
      <div>
        <dt>Red · amber · green</dt>
        <dd>${count('red')} · ${count('amber')} · ${count('green')}</dd>
      </div>
      <div>
        <dt>Complete</dt>
        <dd>${count('blue')}</dd>
      </div>
    </dl>
    ${
      all.length === 0
        ? notice(
            'empty',
            'This plan has no actions yet.',
            html`<p>
              Add one with
              <code
                >lantern plan action add --priority ${view.priorities[0]?.key ?? 'burglary'} --title
                "…" --owner "…" --org "…" --due YYYY-MM-DD</code
              >, or load a meeting's minutes with <code>lantern minutes import</code>.
            </p>`,
          )
        : filtered && shown.length === 0
          ? notice(
              'empty',
              'No action matches these filters.',
              html`<p>
                <a
                  href="${planHref({ ...q, owner: undefined, organisation: undefined, status: undefined, rag: undefined })}"
                  >Show every action</a
                >
              </p>`,
            )
          : ''
    }
    ${view.priorities.map((p, i) => {
      const actions = byPriority.get(p.id) ?? [];
      if (filtered && actions.length === 0) return '';
      return html`<section
        class="priority band-${(p.band ?? 'none').toLowerCase()}"
        aria-labelledby="priority-${p.id}"
      >
        <h2 id="priority-${p.id}">
          ${p.rank ?? i + 1}. ${p.label} ${p.band ? html`<span class="band">${p.band}</span>` : ''}
        </h2>
        ${
          p.objectives.length > 0
            ? html`<ul class="objectives">
                ${p.objectives.map((o) => html`<li>Objective: ${o.text}</li>`)}
              </ul>`
            : ''
        }
        ${
          actions.length === 0
            ? html`<p class="small">No actions yet under this priority.</p>`
            : html`<p class="small">${progressWords(actions)}</p>
                ${actionTable(`The actions for ${p.label}`, actions)}`
        }
      </section>`;
    })}
    ${
      unplaced.length > 0
        ? html`<section aria-labelledby="priority-none">
            <h2 id="priority-none">Not under a priority</h2>
            ${actionTable('Actions not under one of the plan’s priorities', unplaced)}
          </section>`
        : ''
    }
    ${
      shown.length > 0
        ? html`<section aria-labelledby="by-owner">
            <h2 id="by-owner">Actions by owner and organisation</h2>
            ${tallyTable('Owner', 'owner', tallyBy(shown, 'owner'), q)}
            ${tallyTable('Organisation', 'organisation', tallyBy(shown, 'organisation'), q)}
          </section>`
        : ''
    }
    <p><a href="/plan/meetings">The partnership's meetings and their action logs</a></p>`;
}

/** "3 of 5 actions complete; 52% done on average." */
function progressWords(actions: readonly ActionView[]): string {
  const live = actions.filter((a) => a.status !== 'cancelled');
  const done = live.filter((a) => a.status === 'complete').length;
  const mean = live.length === 0 ? 0 : live.reduce((s, a) => s + a.progress, 0) / live.length;
  return `${done} of ${live.length} action${live.length === 1 ? '' : 's'} complete; ${Math.round(mean)}% done on average${actions.length > live.length ? ' (cancelled ones aside)' : ''}.`;
}

function filterForm(view: PlanView, plans: readonly PlanRecord[], q: PlanQuery): Safe {
  const sel = (a: string | undefined, b: string) =>
    safe(a !== undefined && a.toLowerCase() === b.toLowerCase() ? ' selected' : '');
  const partnerships = [...new Set(plans.map((p) => p.partnership))];
  const years = plans.filter((p) => p.partnership === view.plan.partnership).map((p) => p.year);
  const owners = valuesOf(view.actions, 'owner');
  const orgs = valuesOf(view.actions, 'organisation');
  return html`<form
    class="filters plan-filters"
    method="get"
    action="/plan"
    aria-label="Which actions to show"
  >
    ${Object.entries(q.keep).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
    ${
      partnerships.length > 1
        ? html`<label
            >Partnership
            <select name="partnership">
              ${partnerships.map((p) => html`<option${sel(view.plan.partnership, p)}>${p}</option>`)}
            </select></label
          >`
        : ''
    }
    <label
      >Year
      <select name="year">
        ${years.map((y) => html`<option${sel(view.plan.year, y)}>${y}</option>`)}
      </select></label
    >
    <label
      >Owner
      <select name="owner">
        <option value="">Anyone</option>
        ${owners.map((o) => html`<option${sel(q.owner, o)}>${o}</option>`)}
      </select></label
    >
    <label
      >Organisation
      <select name="organisation">
        <option value="">Any</option>
        ${orgs.map((o) => html`<option${sel(q.organisation, o)}>${o}</option>`)}
      </select></label
    >
    <label
      >Status
      <select name="status">
        <option value="">Any</option>
        ${ACTION_STATUSES.map((s) => html`<option value="${s}" ${sel(q.status, s)}>${STATUS_WORDS[s]}</option>`)}
      </select></label
    >
    <label
      >RAG
      <select name="rag">
        <option value="">Any</option>
        ${RAGS.map((r) => html`<option value="${r}" ${sel(q.rag, r)}>${RAG_WORDS[r]}</option>`)}
      </select></label
    >
    <button type="submit">Show</button>
  </form>`;
}

function tallyTable(
  label: string,
  key: 'owner' | 'organisation',
  rows: readonly ActionTally[],
  q: PlanQuery,
): Safe {
  return html`<div class="table-wrap">
    <table class="data">
      <caption>
        The actions${q.owner || q.organisation || q.status || q.rag ? ' shown' : ''} by
        ${label.toLowerCase()}
      </caption>
      <thead>
        <tr>
          <th scope="col">${label}</th>
          <th scope="col" class="num">Actions</th>
          <th scope="col" class="num">Open</th>
          <th scope="col" class="num">Overdue</th>
          <th scope="col" class="num">Due within ${DUE_SOON_DAYS} days</th>
          <th scope="col" class="num">Complete</th>
          <th scope="col" class="num">Red</th>
          <th scope="col" class="num">Amber</th>
          <th scope="col" class="num">Green</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <th scope="row">
                ${r.name === null ? html`<span class="small">none given</span>` : html`<a href="${planHref(q, { [key]: r.name })}">${r.name}</a>`}
              </th>
              <td class="num">${r.total}</td>
              <td class="num">${r.open}</td>
              <td class="num">${r.overdue}</td>
              <td class="num">${r.dueSoon}</td>
              <td class="num">${r.complete}</td>
              <td class="num">${r.red}</td>
              <td class="num">${r.amber}</td>
              <td class="num">${r.green}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
