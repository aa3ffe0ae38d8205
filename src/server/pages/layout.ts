/**
 * The page around every view: the title, the navigation between views (each link keeping the
 * area, period and category), the filters as a plain GET form (so the address always holds the
 * view, and it works without scripts and from the keyboard), and the view itself.
 */
import { WELSH_DISTRICT_NAMES } from '../../domain/welsh-names.js';
import type { AreaChoice, Choices } from './choices.js';
import { html, safe, type Safe } from './html.js';
import { tableRegions } from './table-regions.js';
import { DATASET_PREFIX, viewHref, type ViewState } from './state.js';

export const VIEWS = [
  { path: '/', name: 'Overview' },
  { path: '/trends', name: 'Trends' },
  { path: '/compare', name: 'Compare' },
  { path: '/map', name: 'Map' },
  { path: '/priorities', name: 'Priorities' },
  { path: '/plan', name: 'Plan' },
  { path: '/data', name: 'Data and imports' },
] as const;

export type ViewPath = (typeof VIEWS)[number]['path'];

export interface Page {
  path: ViewPath;
  /** The view's heading, also the page's title. */
  title: string;
  state: ViewState;
  choices: Choices | null;
  body: Safe;
  /** Which filters the view uses. */
  filters?: { category?: boolean; period?: boolean };
  /** The signed-in user's name (none for the store's owner on a store without accounts). */
  signedIn?: string;
  /** Whether they are an admin: a link to the administration pages. */
  admin?: boolean;
}

export function page(p: Page): string {
  const filters = p.filters ?? { category: true, period: true };
  return `<!doctype html>${
    html`<html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${p.title} · Lantern</title>
        <link rel="stylesheet" href="/static/dashboard.css" />
        <script src="/static/dashboard.js" defer></script>
      </head>
      <body data-user="${p.signedIn ?? ''}">
        <a class="skip" href="#main">Skip to the content</a>
        <header class="top">
          <p class="brand">
            <a href="${viewHref('/', p.state)}">Lantern</a> <span>community safety dashboard</span>
          </p>
          <nav aria-label="Views">
            <ul>
              ${VIEWS.map(
                (v) =>
                  html`<li>
                    <a
                      href="${viewHref(v.path, p.state)}"
                      ${safe(v.path === p.path ? ' aria-current="page"' : '')}
                      >${v.name}</a
                    >
                  </li>`,
              )}
            </ul>
          </nav>
          ${
            p.signedIn
              ? html`<form class="account" method="post" action="/sign-out">
                  ${p.admin ? html`<a href="/admin">Administration</a> ·` : ''}
                  <span>${p.signedIn}</span> <button type="submit" class="link">Sign out</button>
                </form>`
              : ''
          }
        </header>
        ${p.choices ? filterForm(p.path, p.state, p.choices, filters) : ''}
        <main id="main" tabindex="-1">
          <h1>${p.title}</h1>
          ${tableRegions(p.body)}
        </main>
        <footer class="foot">
          <p>
            police.uk data are recorded crime: much is never reported, locations are approximate,
            and months not held are gaps, not zeros.
            <button type="button" class="link" data-copy-link>Copy the link to this view</button> ·
            <button type="button" class="link" data-print>Print</button> ·
            <a href="/api/openapi.json">API</a>
          </p>
        </footer>
      </body>
    </html>`.html
  }`;
}

function filterForm(
  path: string,
  state: ViewState,
  choices: Choices,
  filters: { category?: boolean; period?: boolean },
): Safe {
  const selected = (value: string, wanted: string) =>
    safe(value.toLowerCase() === wanted.toLowerCase() ? ' selected' : '');
  const k = state.area.toLowerCase();
  // A principal area of Wales is also offered by its Welsh name ("Casnewydd (Newport)"), so that
  // typing it in the box finds it (QA: "Casnewydd" typed landed on Caerphilly), and is the one
  // chosen when the address names it in Welsh.
  const welsh = (d: AreaChoice) => WELSH_DISTRICT_NAMES[d.code];
  const namedInWelsh = (d: AreaChoice) => welsh(d)?.toLowerCase() === k;
  const known =
    choices.forces.some(
      (f) =>
        f.name.toLowerCase() === k ||
        f.districts.some((d) => d.name.toLowerCase() === k || namedInWelsh(d)),
    ) || choices.otherDistricts.some((d) => d.name.toLowerCase() === k || namedInWelsh(d));
  const district = (d: AreaChoice) =>
    html`<option value="${d.name}" ${selected(namedInWelsh(d) ? state.area : d.name, state.area)}>
        ${d.name}${d.totalsOnly ? ' (totals only)' : ''}
      </option>
      ${
        welsh(d) === undefined
          ? ''
          : html`<option value="${d.name}">
              ${welsh(d)} (${d.name})${d.totalsOnly ? ' (totals only)' : ''}
            </option>`
      }`;
  return html`<form class="filters" method="get" action="${path}" aria-label="What to show">
    <label
      >Area
      <select name="area">
        ${known ? '' : html`<option selected>${state.area}</option>`}${choices.forces.map(
          (f) =>
            html`<optgroup label="${f.name}">
              <option value="${f.name}" ${selected(f.name, state.area)}>
                ${f.name} (whole force${f.totalsOnly ? ', totals only' : ''})
              </option>
              ${f.districts.map(district)}
            </optgroup>`,
        )}${
          choices.otherDistricts.length > 0
            ? html`<optgroup label="Your districts">
                ${choices.otherDistricts.map(district)}
              </optgroup>`
            : ''
        }
      </select>
    </label>
    ${
      filters.period
        ? html`<label
            >Period
            <input
              name="period"
              value="${state.period ?? ''}"
              placeholder="latest 12 months"
              list="period-forms"
              size="16"
              aria-describedby="period-help"
            />
            <datalist id="period-forms">
              ${choices.periods.values.map((v) => html`<option value="${v}"></option>`)}
            </datalist>
            <span id="period-help" class="help">${choices.periods.help}</span>
          </label>`
        : html`<input type="hidden" name="period" value="${state.period ?? ''}" />`
    }
    ${
      filters.category
        ? html`<label
            >Category
            <select name="category">
              <option value="all-crime" ${selected('all-crime', state.category)}>All crime</option>
              ${choices.categories
                .filter((c) => c.code !== 'all-crime')
                .map(
                  (c) =>
                    html`<option value="${c.code}" ${selected(c.code, state.category)}>
                      ${c.name}
                    </option>`,
                )}
              ${
                choices.datasets.some((d) => d.open)
                  ? html`<optgroup label="Partner data (trends)">
                      ${choices.datasets
                        .filter((d) => d.open)
                        .map((d) => {
                          // The count chosen on its Trends page (dataset:domestic-abuse:crimes)
                          // stays chosen when the area or period changes.
                          const value = `${DATASET_PREFIX}${d.dataset}`;
                          const chosen = state.category.startsWith(`${value}:`)
                            ? state.category
                            : value;
                          return html`<option value="${chosen}" ${selected(chosen, state.category)}>
                            ${d.label}
                          </option>`;
                        })}
                    </optgroup>`
                  : ''
              }
            </select>
          </label>`
        : html`<input type="hidden" name="category" value="${state.category}" />`
    }
    <button type="submit">Show</button>
  </form>`;
}

/** A plain-language box for what went wrong or is not there. */
export function notice(kind: 'error' | 'empty' | 'note', text: string, detail?: Safe): Safe {
  const role = kind === 'error' ? ' role="alert"' : '';
  return html`<div class="notice ${kind}" ${safe(role)}>
    <p>${text}</p>
    ${detail ?? ''}
  </div>`;
}
