/**
 * The pieces the strategic assessment's HTML is made of: sections, figures and tables labelled
 * "Figure 3" and "Table 2" in document order (the data folder's index says which CSV holds each),
 * the headline tiles, and the marks a partial period or a draft puts on every printed page. Pure.
 */
import { escapeXml as esc } from '../charts/index.js';
import { formatNumber } from '../charts/text.js';
import { formatChangePct, formatRate } from '../domain/rounding.js';
import { figureChangeShown, showChange, showFigure } from './disclosure.js';
import { monthSpansInWords } from './infographic-text.js';
import type { Figure, ReportData } from './report-data.js';
import type { ReportFigure, ReportTable } from './report-tables.js';

/** Numbers figures and tables in the order they are placed, and remembers each id's label. */
export class Labels {
  private figures = 0;
  private tables = 0;
  readonly byId = new Map<string, string[]>();

  figure(id: string): string {
    return this.add(id, `Figure ${++this.figures}`);
  }

  table(id: string): string {
    return this.add(id, `Table ${++this.tables}`);
  }

  private add(id: string, label: string): string {
    this.byId.set(id, [...(this.byId.get(id) ?? []), label]);
    return label;
  }
}

export function section(id: string, heading: string, parts: string[], cls = ''): string {
  return [
    `<section id="${esc(id)}"${cls ? ` class="${cls}"` : ''} aria-labelledby="${esc(id)}-h">`,
    `<h2 id="${esc(id)}-h">${esc(heading)}</h2>`,
    ...parts.filter((s) => s !== ''),
    '</section>',
  ].join('\n');
}

export function figureHtml(f: ReportFigure, label: string): string {
  return [
    `<figure id="${esc(f.id)}">`,
    f.svg,
    `<figcaption><span class="label">${esc(label)}.</span> ${esc(monthSpansInWords(f.caption))}</figcaption>`,
    `</figure>`,
  ].join('\n');
}

/** The numbers behind a figure, on screen only (print has them in the data folder). */
export function detailsTable(t: ReportTable, label: string): string {
  return `<details class="data"><summary>Data behind ${esc(label)}</summary>${tableHtml(t, label, `The numbers behind ${label}`)}</details>`;
}

export function tableHtml(t: ReportTable, label: string, caption?: string): string {
  const cell = (v: unknown, column: number) =>
    v === null || v === undefined || v === ''
      ? '–'
      : typeof v === 'number'
        ? t.formats?.[column] === 'change'
          ? formatChangePct(v).replace('%', '')
          : t.formats?.[column] === 'rate'
            ? formatRate(v)
            : t.formats?.[column] === 'share'
              ? formatNumber(v, 1)
              : formatNumber(v, Number.isInteger(v) ? 0 : 1)
        : String(v);
  const row = (r: readonly unknown[]) =>
    `<tr>${r
      .map((v, i) =>
        i === 0
          ? `<th scope="row"${typeof v === 'number' ? ' class="num"' : ''}>${esc(cell(v, i))}</th>`
          : `<td${typeof v === 'number' ? ' class="num"' : ''}>${esc(cell(v, i))}</td>`,
      )
      .join('')}</tr>`;
  // A short table is kept on one page. A long one breaks between rows, its header repeated, but
  // never straight after its header: its first rows are a group that stays with the header.
  const long = t.rows.length > KEEP_ROWS;
  const bodies = long
    ? [t.rows.slice(0, LEAD_ROWS), t.rows.slice(LEAD_ROWS)]
    : [t.rows as readonly unknown[][]];
  // On a narrow screen (a phone, 360 px) a wide table scrolls sideways in a region of its own,
  // which the keyboard can reach and a screen reader names ("Table 3"), instead of pushing the
  // whole page wider than the screen (WCAG 1.4.10). In print it is as before.
  return [
    `<div class="table-scroll" role="region" tabindex="0" aria-label="${esc(label || 'Table')}">`,
    `<table id="${esc(t.id)}-table"${long ? '' : ' class="keep"'}>`,
    `<caption><span class="label">${esc(label)}.</span> ${esc(monthSpansInWords(caption ?? t.caption))}</caption>`,
    `<thead><tr>${t.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>`,
    ...bodies.map(
      (rows, i) =>
        `<tbody${long && i === 0 ? ' class="lead"' : ''}>${rows.map(row).join('')}</tbody>`,
    ),
    `</table>`,
    `</div>`,
  ].join('');
}

/** Tables of up to this many rows are kept on one page. */
const KEEP_ROWS = 12;
/** The rows of a longer table that stay with its header. */
const LEAD_ROWS = 3;

export function tile(label: string, f: Figure, aud: ReportData['audience'], earlier: string) {
  const shown = figureChangeShown(f, aud);
  const dir = !shown
    ? ''
    : (f.changePct ?? 0) > 0
      ? 'up'
      : (f.changePct ?? 0) < 0
        ? 'down'
        : 'flat';
  return [
    `<div class="tile">`,
    `<p class="tile-label">${esc(label)}</p>`,
    `<p class="tile-value">${esc(showFigure(f, 'count', aud))}</p>`,
    `<p class="tile-change ${dir}">${
      shown
        ? `${esc(showChange(f.changePct, f.count, f.previous, aud))} against ${esc(earlier)} — ${f.significant ? 'a significant change' : 'could be chance'}`
        : f.changePct === null
          ? 'no earlier period to compare with'
          : 'change not shown (small numbers)'
    }</p>`,
    `</div>`,
  ].join('');
}

/**
 * Every printed page says what the reader must know of the whole document, in its top margin: a
 * partial period, and a draft whose partnership details are not yet confirmed.
 */
export function pageMarksCss(marks: readonly string[]): string {
  if (marks.length === 0) return '';
  const quoted = JSON.stringify(marks.join(' · ').toUpperCase()).replace(/</gu, '\\3C ');
  return `\n@page { @top-center { content: ${quoted}; font: 600 9pt system-ui, sans-serif; color: #8a1c1c; } }`;
}
