/**
 * What the plan's pages share: an action's RAG (the one in force, with the derived one and the
 * reason beside an override), its status and progress in words, its due date as days, its
 * evidence links, and the table of actions.
 */
import { STATUS_WORDS } from '../../domain/plan/action-status.js';
import type { ActionView } from '../../domain/plan/plan-view.js';
import type { Rag, ShownRag } from '../../domain/plan/rag.js';
import { html, type Safe } from './html.js';

export { STATUS_WORDS };

export const RAG_WORDS: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  blue: 'Complete (blue)',
  grey: 'Cancelled (grey)',
};

/** The RAG badge; an override is named as set by hand, with its reason and the derived RAG. */
export function ragShown(r: ShownRag, long = false): Safe {
  const badge = html`<span class="rag rag-${r.rag}">${RAG_WORDS[r.rag]}</span>`;
  if (r.override)
    return html`${badge}
      <span class="small"
        >set by hand: ${r.override.reason}. Derived: ${RAG_WORDS[r.derived.rag]}
        (${r.derived.reason}).</span
      >`;
  return long ? html`${badge} <span class="small">(${r.derived.reason})</span>` : badge;
}

/** The due date and how far off it is: "2026-01-10, 5 days overdue". */
export function dueShown(a: ActionView): Safe {
  if (a.dueDate === null) return html`<span class="small">no due date</span>`;
  const open = a.status !== 'complete' && a.status !== 'cancelled';
  const left = a.daysLeft ?? 0;
  const words = !open
    ? ''
    : left < 0
      ? html`<br /><strong class="late">${-left} day${left === -1 ? '' : 's'} overdue</strong>`
      : left === 0
        ? html`<br /><strong>due today</strong>`
        : html`<br /><span class="small">in ${left} day${left === 1 ? '' : 's'}</span>`;
  return html`${a.dueDate}${words}`;
}

export function progressShown(a: { progress: number; title: string }): Safe {
  return html`<progress
      class="done"
      max="100"
      value="${a.progress}"
      aria-label="${a.progress}% done"
    ></progress>
    ${a.progress}%`;
}

/** An action's links: a dashboard view (a path from the root) or a web address, checked on input. */
export function evidenceLinks(links: readonly string[]): Safe {
  if (links.length === 0) return html``;
  return html`<ul class="evidence">
    ${links.map(
      (l) =>
        html`<li>
          Evidence:
          <a href="${l}">${l.startsWith('/') ? html`the dashboard view ${l}` : l}</a>
        </li>`,
    )}
  </ul>`;
}

/** A table of actions (the plan's under one priority, or a meeting's action log). */
export function actionTable(
  caption: string,
  actions: readonly (ActionView & { planYear?: string | null })[],
  columns: { priority?: boolean } = {},
): Safe {
  return html`<div class="table-wrap">
    <table class="data actions">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          ${columns.priority ? html`<th scope="col">Priority</th>` : ''}
          <th scope="col">Owner and organisation</th>
          <th scope="col">Due</th>
          <th scope="col">Status and progress</th>
          <th scope="col">RAG</th>
        </tr>
      </thead>
      <tbody>
        ${actions.map(
          (a) =>
            html`<tr>
              <th scope="row">
                <a href="/plan/actions/${a.id}">${a.id}. ${a.title}</a>
                ${evidenceLinks(a.links)}
              </th>
              ${columns.priority ? html`<td>${a.priority ?? '–'}${a.planYear ? html`<br /><span class="small">plan ${a.planYear}</span>` : ''}</td>` : ''}
              <td>
                ${a.owner ?? '–'}${a.organisation ? html`<br /><span class="small">${a.organisation}</span>` : ''}
              </td>
              <td class="due">${dueShown(a)}</td>
              <td>${STATUS_WORDS[a.status]}<br />${progressShown(a)}</td>
              <td>${ragShown(a.rag)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
