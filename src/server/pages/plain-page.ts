/**
 * The page around the forms that are not dashboard views (first-run set-up, administration,
 * setting a password with a reset token): the title, an optional navigation, the form. No inline
 * script: the Content Security Policy allows none.
 */
import { html, safe, type Safe } from './html.js';
import { tableRegions } from './table-regions.js';

export interface PlainPage {
  title: string;
  body: Safe;
  /** Links shown in the header, the current one marked. */
  nav?: { href: string; name: string; current?: boolean }[];
  /** The signed-in user's name: a sign-out button. */
  signedIn?: string;
}

export function plainPage(p: PlainPage): string {
  return `<!doctype html>${
    html`<html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${p.title} · Lantern</title>
        <link rel="stylesheet" href="/static/dashboard.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to the content</a>
        <header class="top">
          <p class="brand"><a href="/">Lantern</a> <span>community safety dashboard</span></p>
          ${
            p.nav
              ? html`<nav aria-label="Administration">
                  <ul>
                    ${p.nav.map(
                      (n) =>
                        html`<li>
                          <a href="${n.href}" ${safe(n.current ? ' aria-current="page"' : '')}
                            >${n.name}</a
                          >
                        </li>`,
                    )}
                  </ul>
                </nav>`
              : ''
          }
          ${
            p.signedIn
              ? html`<form class="account" method="post" action="/sign-out">
                  <span>${p.signedIn}</span> <button type="submit" class="link">Sign out</button>
                </form>`
              : ''
          }
        </header>
        <main id="main" tabindex="-1">
          <h1>${p.title}</h1>
          ${tableRegions(p.body)}
        </main>
      </body>
    </html>`.html
  }`;
}

/** A labelled text input of a form (`.fields`). */
export function field(
  label: string,
  name: string,
  options: { type?: string; value?: string; autocomplete?: string; required?: boolean } = {},
): Safe {
  return html`<label
    >${label}
    <input
      name="${name}"
      type="${options.type ?? 'text'}"
      value="${options.value ?? ''}"
      ${safe(options.autocomplete ? ` autocomplete="${options.autocomplete}"` : '')}
      ${safe(options.required === false ? '' : ' required')}
  /></label>`;
}
