/** The administration pages' content: users with their grants, the forms, and the audit log. */
import { ROLES, type Grant } from '../../domain/access.js';
import { oneLine } from '../../domain/terminal-text.js';
import type { ApiTokenRecord } from '../../store/api-tokens.js';
import type { AuditRow } from '../../store/audit-log.js';
import type { AdminUserListing } from '../../usecases/users.js';
import { html, safe, type Safe } from './html.js';
import { notice } from './layout.js';
import { field } from './plain-page.js';

/** What the last change did, shown above the list. */
export type AdminMessage =
  | { kind: 'done' | 'error'; text: string }
  /** A password reset's one-time token: shown once, here, and never again. */
  | { kind: 'reset'; text: string; token: string };

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never');

function grantText(g: Grant): string {
  const opens =
    g.dataset ?? (g.sensitivity ? `datasets up to ${g.sensitivity}` : 'public datasets');
  const to = g.user === null ? ` (to ${g.organisation})` : '';
  return `${g.area === 'all' ? 'every area' : g.area}, ${g.level}, ${opens}${to}`;
}

function messageOf(m: AdminMessage | null): Safe | string {
  if (!m) return '';
  if (m.kind !== 'reset') return notice(m.kind === 'error' ? 'error' : 'note', m.text);
  return html`<div class="notice note" role="status">
    <p>${m.text}</p>
    <p><span class="token">${m.token}</span></p>
  </div>`;
}

/** A button that posts one change (the page's forms are this server's own: csrf in app.ts). */
function postButton(
  action: string,
  fields: Record<string, string>,
  label: string,
  /** What a screen reader says, where the label alone ("Revoke") does not say which. */
  spoken: string = label,
): Safe {
  return html`<form class="inline-form" method="post" action="${action}">
    ${Object.entries(fields).map(
      ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
    )}
    <button type="submit" class="link" aria-label="${spoken}">${label}</button>
  </form>`;
}

export function usersBody(
  users: readonly AdminUserListing[],
  message: AdminMessage | null,
  tokens: readonly ApiTokenRecord[] = [],
): Safe {
  return html`${messageOf(message)}
    <div class="table-wrap">
      <table class="data">
        <caption>
          Everyone who may sign in, and what their grants (their own and their organisation's) open
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Organisation</th>
            <th scope="col">Grants</th>
            <th scope="col">Locked?</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          ${users.map(
            (u) =>
              html`<tr>
                <th scope="row">${u.name}<br /><span class="small">${u.email}</span></th>
                <td>${u.role}${u.disabled ? ' (disabled)' : ''}</td>
                <td>${u.organisation ?? '–'}</td>
                <td>
                  ${
                    u.grants.length === 0
                      ? 'none: sees nothing'
                      : html`<ul>
                          ${u.grants.map(
                            (g) =>
                              html`<li>
                                ${grantText(g)} ·
                                ${postButton(
                                  '/admin/revoke-grant',
                                  { grant: g.id },
                                  'Revoke',
                                  `Revoke ${u.name}'s grant: ${grantText(g)}`,
                                )}
                              </li>`,
                          )}
                        </ul>`
                  }
                </td>
                <td>${u.lockedUntil ? `locked until ${when(u.lockedUntil)}` : 'no'}</td>
                <td>${when(u.lastSignIn)}</td>
                <td>
                  ${postButton(
                    '/admin/reset',
                    { user: u.name },
                    'Reset password',
                    `Reset password of ${u.name}`,
                  )}
                  ${
                    u.lockedUntil
                      ? html` ·
                        ${postButton('/admin/unlock', { user: u.name }, 'Unlock', `Unlock ${u.name}`)}`
                      : ''
                  }
                  ·
                  ${postButton(
                    '/admin/disable',
                    { user: u.name, disabled: u.disabled ? 'no' : 'yes' },
                    u.disabled ? 'Enable' : 'Disable',
                    `${u.disabled ? 'Enable' : 'Disable'} ${u.name}`,
                  )}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p class="small">
      Grants are given with <code>lantern users grant</code> and taken back here (Revoke) or with
      <code>lantern users revoke</code>; a user without a grant sees nothing. Disabling a user ends
      their sessions at once and stops their API tokens; their grants are kept.
    </p>
    ${tokensSection(tokens)}
    <section aria-labelledby="add">
      <h2 id="add">Add a user</h2>
      <form method="post" action="/admin/users">
        <div class="fields">
          ${field('Name', 'name', { autocomplete: 'off' })}
          ${field('Email', 'email', { type: 'email', autocomplete: 'off' })}
          ${field('Organisation', 'organisation', { required: false, autocomplete: 'off' })}
          <label
            >Role
            <select name="role">
              ${ROLES.map(
                (r) => html`<option${safe(r === 'partner' ? ' selected' : '')}>${r}</option>`,
              )}
            </select></label
          >
          ${field('Password (at least 12 characters)', 'password', {
            type: 'password',
            autocomplete: 'new-password',
          })}
          ${field('Password again', 'password2', {
            type: 'password',
            autocomplete: 'new-password',
          })}
        </div>
        <p><button type="submit">Add the user</button></p>
      </form>
    </section>`;
}

/** The API tokens still live, each with a button that revokes it at once. */
function tokensSection(tokens: readonly ApiTokenRecord[]): Safe {
  const live = tokens.filter((t) => t.revokedAt === null);
  return html`<section aria-labelledby="tokens">
    <h2 id="tokens">API tokens</h2>
    ${
      live.length === 0
        ? html`<p>No live API token.</p>`
        : html`<div class="table-wrap">
            <table class="data">
              <caption>
                The API tokens not revoked
              </caption>
              <thead>
                <tr>
                  <th scope="col">Id</th>
                  <th scope="col">Name</th>
                  <th scope="col">Of</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                ${live.map(
                  (t) =>
                    html`<tr>
                      <th scope="row">${t.id}</th>
                      <td>${t.name}</td>
                      <td>${t.user}</td>
                      <td>${when(t.expiresAt)}</td>
                      <td>${when(t.lastUsedAt)}</td>
                      <td>
                        ${postButton(
                          '/admin/revoke-token',
                          { token: t.id },
                          'Revoke',
                          `Revoke the token ${t.id} (${t.name}) of ${t.user}`,
                        )}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
    <p class="small">Tokens are made with <code>lantern tokens create</code>, shown once.</p>
  </section>`;
}

export function auditBody(
  log: {
    rows: readonly AuditRow[];
    total: number;
    verified: { rows: number; brokenAt: number | null };
  },
  page: number,
  size: number,
): Safe {
  const pages = Math.max(1, Math.ceil(log.total / size));
  const chain =
    log.verified.brokenAt === null
      ? notice(
          'note',
          `The hash chain is intact: none of its ${log.verified.rows} rows has been edited, deleted or reordered (as lantern audit --verify checks).`,
        )
      : notice(
          'error',
          `The hash chain is broken at row ${log.verified.brokenAt}: that row, or one before it, was edited, deleted or reordered after it was written. Rows from there on cannot be trusted.`,
        );
  return html`${chain}
    <div class="table-wrap">
      <table class="data">
        <caption>
          Newest first: page ${page} of ${pages} (${log.total} rows)
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">Row</th>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Area or dataset</th>
            <th scope="col">Outcome</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          ${log.rows.map(
            (r) =>
              html`<tr${safe(log.verified.brokenAt !== null && r.seq >= log.verified.brokenAt ? ' class="mark"' : '')}>
                <td class="num">${r.seq}</td>
                <td>${r.at.slice(0, 19).replace('T', ' ')}</td>
                <td>${oneLine(r.actor)}</td>
                <td>${oneLine(r.action)}</td>
                <td>${oneLine([r.area, r.dataset].filter(Boolean).join(', ')) || '–'}</td>
                <td>${oneLine(r.outcome)}</td>
                <td>${oneLine(r.detail ?? '')}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <nav aria-label="Pages of the log">
      <p>
        ${page > 1 ? html`<a href="/admin/audit?page=${page - 1}">Newer</a>` : ''}
        ${page > 1 && page < pages ? ' · ' : ''}
        ${page < pages ? html`<a href="/admin/audit?page=${page + 1}">Older</a>` : ''}
      </p>
    </nav>`;
}
