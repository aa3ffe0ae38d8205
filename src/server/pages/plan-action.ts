/**
 * One action of the plan: what it is, who owns it, when it is due, its RAG (derived, and any
 * override with its reason), its dated updates and the history of every change (who, when,
 * what); and, for someone allowed to change it, a small form to add an update. The form sends the
 * version it was made from: if someone else saved first, nothing is saved and the page says who
 * changed what (HTTP 409), with the form again at the current values.
 */
import { ACTION_STATUSES, type ActionStatus } from '../../domain/plan/action-status.js';
import type { ActionDetail } from '../../usecases/plan/plan-view.js';
import { html, safe, type Safe } from './html.js';
import { notice } from './layout.js';
import { dueShown, evidenceLinks, progressShown, ragShown, STATUS_WORDS } from './plan-parts.js';

/** What the update form shows: the action's values, or what was typed when a save was refused. */
export interface UpdateForm {
  status: ActionStatus;
  progress: string;
  note: string;
  version: number;
}

export interface ActionPage {
  detail: ActionDetail;
  /** The form, for a caller who may change the action; else why not (or null: say nothing). */
  form: UpdateForm | { refused: string | null };
  /** A message above the form: the save's outcome. */
  message?: Safe | undefined;
}

export function actionBody(p: ActionPage): Safe {
  const { action: a, plan, updates, history } = p.detail;
  const back = plan
    ? `/plan?${new URLSearchParams({ partnership: plan.partnership, year: plan.year }).toString()}`
    : '/plan';
  return html`<p>
      <a href="${back}">${plan ? `${plan.partnership}'s plan for ${plan.year}` : 'The plan'}</a>
      ${a.meetingId !== null ? html` · <a href="/plan/meetings/${a.meetingId}">the meeting that raised it</a>` : ''}
    </p>
    ${p.message ?? ''} ${a.description ? html`<p class="lead">${a.description}</p>` : ''}
    <dl class="facts action-facts">
      <div class="rag-fact">
        <dt>RAG</dt>
        <dd>${ragShown(a.rag, true)}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>${STATUS_WORDS[a.status]}</dd>
      </div>
      <div>
        <dt>Progress</dt>
        <dd>${progressShown(a)}</dd>
      </div>
      <div>
        <dt>Due</dt>
        <dd>${dueShown(a)}</dd>
      </div>
      <div>
        <dt>Owner</dt>
        <dd>${a.owner ?? '–'}</dd>
      </div>
      <div>
        <dt>Organisation</dt>
        <dd>${a.organisation ?? '–'}</dd>
      </div>
      <div>
        <dt>Priority</dt>
        <dd>${a.priority ?? '–'}</dd>
      </div>
      ${
        a.objective
          ? html`<div>
              <dt>Objective</dt>
              <dd>${a.objective}</dd>
            </div>`
          : ''
      }
      <div>
        <dt>Started</dt>
        <dd>${a.startDate}</dd>
      </div>
      <div>
        <dt>Version</dt>
        <dd>${a.version}</dd>
      </div>
    </dl>
    <p class="small">
      ${a.public ? 'May be shown on the public page.' : 'Not for the public page.'}
      ${a.carriedFrom !== null ? html` Carried over from <a href="/plan/actions/${a.carriedFrom}">action ${a.carriedFrom}</a>.` : ''}
      ${a.carriedTo ? html` Carried over to the ${a.carriedTo.year} plan as <a href="/plan/actions/${a.carriedTo.id}">action ${a.carriedTo.id}</a>.` : ''}
      Last changed ${a.updatedAt.slice(0, 16).replace('T', ' ')} UTC by ${a.updatedBy}.
    </p>
    ${evidenceLinks(a.links)} ${updateForm(a.id, p.form)}
    <section aria-labelledby="updates">
      <h2 id="updates">Updates</h2>
      ${
        updates.length === 0
          ? html`<p>No updates yet.</p>`
          : html`<ol class="updates">
              ${[...updates].reverse().map(
                (u) =>
                  html`<li>
                    <p>
                      <strong>${u.at.slice(0, 10)}</strong>,
                      ${u.author}${u.status ? html` · ${STATUS_WORDS[u.status]}` : ''}${u.progress !== null ? html` · ${u.progress}% done` : ''}
                    </p>
                    <p>${u.note}</p>
                  </li>`,
              )}
            </ol>`
      }
    </section>
    <section aria-labelledby="history">
      <h2 id="history">History of changes</h2>
      <div class="table-wrap">
        <table class="data">
          <caption>
            Every change to this action, oldest first (times in UTC)
          </caption>
          <thead>
            <tr>
              <th scope="col" class="num">Version</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What changed</th>
            </tr>
          </thead>
          <tbody>
            ${history.map(
              (h) =>
                html`<tr>
                  <td class="num">${h.version}</td>
                  <td class="date">${h.at.slice(0, 16).replace('T', ' ')}</td>
                  <td>${h.author}</td>
                  <td>${h.change}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
}

function updateForm(id: number, form: ActionPage['form']): Safe {
  if ('refused' in form)
    return form.refused === null ? html`` : html`<p class="small no-print">${form.refused}</p>`;
  return html`<form
    class="update-form"
    method="post"
    action="/plan/actions/${id}"
    aria-labelledby="update-heading"
  >
    <h2 id="update-heading">Add an update</h2>
    <p class="small">
      You are updating version ${form.version}. If someone else saves a change first, nothing of
      yours is saved and you are shown what they changed.
    </p>
    <input type="hidden" name="version" value="${form.version}" />
    <div class="fields">
      <label
        >Status
        <select name="status">
          ${ACTION_STATUSES.map(
            (s) =>
              html`<option value="${s}" ${safe(s === form.status ? ' selected' : '')}>
                ${STATUS_WORDS[s]}
              </option>`,
          )}
        </select></label
      >
      <label
        >Progress (% done)
        <input
          name="progress"
          type="number"
          min="0"
          max="100"
          step="1"
          value="${form.progress}"
          inputmode="numeric"
      /></label>
    </div>
    <label class="note"
      >Note (what happened, kept with your name and the date)
      <textarea name="note" rows="3" cols="60">${form.note}</textarea>
    </label>
    <button type="submit">Save the update</button>
  </form>`;
}

/** A refusal from the use case, its lines as a person reads them (a conflict lists each change). */
export function saveProblem(text: string): Safe {
  const lines = text.split('\n');
  const changes = lines.filter((l) => l.startsWith('  '));
  const rest = lines.filter((l) => !l.startsWith('  '));
  return notice(
    'error',
    rest[0] ?? '',
    html`${
      changes.length > 0
        ? html`<ul>
            ${changes.map((l) => html`<li>${l.trim()}</li>`)}
          </ul>`
        : ''
    }${rest.slice(1).map((l) => html`<p>${l}</p>`)}`,
  );
}
