/**
 * The partnership's meetings (date, group, attendees) and a meeting's action log: the actions
 * raised there, with their status and RAG now.
 */
import type { MeetingDetail, MeetingSummary } from '../../usecases/plan/plan-meetings-view.js';
import { html, type Safe } from './html.js';
import { notice } from './layout.js';
import { actionTable } from './plan-parts.js';

export function meetingsBody(meetings: readonly MeetingSummary[], hidden: number): Safe {
  if (meetings.length === 0 && hidden > 0)
    return notice(
      'empty',
      'No meeting you may see: the meetings held are of partnerships whose areas your access does not cover. Ask your Lantern administrator for a grant if you need one.',
    );
  if (meetings.length === 0)
    return notice(
      'empty',
      'No meetings yet: a meeting and the actions it raised come from its minutes, once a person has confirmed the actions found.',
      html`<p>
        <code>lantern minutes import minutes.docx --meeting "CSCG 2025-11-12" --dry-run</code>
        shows the actions found; without <code>--dry-run</code> they are saved with the meeting.
      </p>`,
    );
  const partnerships = new Set(meetings.map((m) => m.partnership));
  return html`<p class="lead">
      ${meetings.length} meeting${meetings.length === 1 ? '' : 's'}, newest first. Each one's page
      is its action log: what it asked of whom, and where that stands now.
    </p>
    <div class="table-wrap">
      <table class="data">
        <caption>
          The meetings held in Lantern
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Meeting</th>
            ${partnerships.size > 1 ? html`<th scope="col">Partnership</th>` : ''}
            <th scope="col">Group</th>
            <th scope="col">Attendees</th>
            <th scope="col" class="num">Actions raised</th>
          </tr>
        </thead>
        <tbody>
          ${meetings.map(
            (m) =>
              html`<tr>
                <td class="date">${m.date}</td>
                <th scope="row"><a href="/plan/meetings/${m.id}">${m.title}</a></th>
                ${partnerships.size > 1 ? html`<td>${m.partnership}</td>` : ''}
                <td>${m.group ?? '–'}</td>
                <td>${m.attendees.length === 0 ? '–' : m.attendees.join(', ')}</td>
                <td class="num">${m.actions}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p><a href="/plan">The action plan</a></p>`;
}

export function meetingBody(d: MeetingDetail): Safe {
  const m = d.meeting;
  const list = (title: string, id: string, items: readonly string[]) =>
    items.length === 0
      ? ''
      : html`<section aria-labelledby="${id}">
          <h2 id="${id}">${title}</h2>
          <ul>
            ${items.map((i) => html`<li>${i}</li>`)}
          </ul>
        </section>`;
  return html`<p><a href="/plan/meetings">All meetings</a> · <a href="/plan">The action plan</a></p>
    <dl class="facts">
      <div>
        <dt>Date</dt>
        <dd>${m.date}</dd>
      </div>
      <div>
        <dt>Group</dt>
        <dd>${d.group ?? '–'}</dd>
      </div>
      <div>
        <dt>Partnership</dt>
        <dd>${m.partnership}</dd>
      </div>
      <div>
        <dt>Actions raised</dt>
        <dd>${d.actions.length}</dd>
      </div>
    </dl>
    ${m.source ? html`<p class="small">From the minutes ${m.source}.</p>` : ''}
    <section aria-labelledby="attendees">
      <h2 id="attendees">Attendees</h2>
      ${
        m.attendees.length === 0
          ? html`<p>None recorded.</p>`
          : html`<ul class="attendees">
              ${m.attendees.map((a) => html`<li>${a}</li>`)}
            </ul>`
      }
    </section>
    ${list('Agenda', 'agenda', m.agenda)} ${list('Decisions', 'decisions', m.decisions)}
    <section aria-labelledby="action-log">
      <h2 id="action-log">Action log</h2>
      ${
        d.actions.length === 0
          ? html`<p>No actions were raised at this meeting (or none you may see).</p>`
          : actionTable(`The actions raised at ${m.title}, as they stand now`, d.actions, {
              priority: true,
            })
      }
    </section>`;
}
