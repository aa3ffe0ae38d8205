/**
 * The sign-in page: the password form, and "Sign in with <provider>" beside it when single
 * sign-on is set up; and the short page single sign-on ends on (see signedInPage).
 */
import { html, type Safe } from './html.js';

const HERE = 'http://lantern.invalid';

/**
 * Where to go after signing in: a path of this server only, never another site. Read as the
 * browser will read it (the URL standard drops tabs and newlines and takes a backslash for a
 * slash, so "/\t/evil.example" is "//evil.example"), and kept only if it stays on this server.
 */
export function safeNext(next: string): string {
  if (!next.startsWith('/')) return '/';
  const url = new URL(next, HERE);
  return url.origin === HERE ? `${url.pathname}${url.search}${url.hash}` : '/';
}

export function signInPage(
  next: string,
  problem: string | null,
  singleSignOn: { name: string } | null,
): string {
  const body: Safe = html`<main id="main" class="sign-in">
    <h1>Sign in to Lantern</h1>
    ${problem ? html`<div class="notice error" role="alert"><p>${problem}</p></div>` : ''}
    ${
      singleSignOn
        ? html`<form method="get" action="/sign-in/oidc">
              <input type="hidden" name="next" value="${safeNext(next)}" />
              <p><button type="submit">Sign in with ${singleSignOn.name}</button></p>
            </form>
            <p>Or with your Lantern name and password:</p>`
        : ''
    }
    <form method="post" action="/sign-in">
      <input type="hidden" name="next" value="${safeNext(next)}" />
      <p>
        <label>Name or email <input name="who" autocomplete="username" required /></label>
      </p>
      <p>
        <label
          >Password <input name="password" type="password" autocomplete="current-password" required
        /></label>
      </p>
      <p><button type="submit">Sign in</button></p>
    </form>
    <p class="small">
      No account? Ask your partnership's Lantern administrator. A forgotten password is reset by
      them (lantern users reset-password).
    </p>
  </main>`;
  return document('Sign in · Lantern', body, null);
}

/**
 * What a form sent by someone no longer signed in is answered with (their session expired, a
 * working day after signing in, or ended in another tab): nothing was saved, and a way back to
 * the page they were on. The dashboard's script keeps the note typed on an action's page in the
 * browser's tab and puts it back when the page is opened again (web/dashboard.js).
 */
export function signedOutPage(next: string, sessionHours: number): string {
  const to = `/sign-in?next=${encodeURIComponent(safeNext(next))}`;
  return document(
    'Signed out · Lantern',
    html`<main id="main" class="sign-in">
      <h1>You are signed out: nothing was saved</h1>
      <div class="notice error" role="alert">
        <p>
          What you sent was not saved, because you are no longer signed in: a session ends
          ${sessionHours} hours after signing in, or when you sign out (in any tab).
        </p>
      </div>
      <p>
        Sign in again to go back to the page. A note you were typing in an action's update is kept
        in this browser tab and put back in its box, to save again.
      </p>
      <p><a href="${to}">Sign in again</a></p>
    </main>`,
    null,
  );
}

/**
 * The page single sign-on ends on, which goes on to `next` by itself. Not a redirect: the
 * provider's redirect back here is a navigation another site started, and browsers withhold a
 * SameSite=Strict cookie (the session's) from every request of that navigation, redirects
 * included, so a redirect would arrive looking signed out. The page's own refresh is a navigation
 * this site starts, which carries the new cookie.
 */
export function signedInPage(name: string, next: string): string {
  const to = safeNext(next);
  return document(
    'Signed in · Lantern',
    html`<main id="main" class="sign-in">
      <h1>Signed in as ${name}</h1>
      <p><a href="${to}">Continue to Lantern</a></p>
    </main>`,
    to,
  );
}

function document(title: string, body: Safe, refreshTo: string | null): string {
  return `<!doctype html>${
    html`<html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${refreshTo === null ? '' : html`<meta http-equiv="refresh" content="0;url=${refreshTo}" />`}
        <title>${title}</title>
        <link rel="stylesheet" href="/static/dashboard.css" />
      </head>
      <body>
        <header class="top">
          <p class="brand">Lantern <span>community safety dashboard</span></p>
        </header>
        ${body}
      </body>
    </html>`.html
  }`;
}
