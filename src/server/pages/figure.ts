/**
 * A report figure on screen: the chart (the same SVG as in the PDF), its caption, and the table
 * behind it for anyone who cannot read the chart or wants the numbers.
 */
import type { ReportFigure, ReportTable } from '../../report/report-tables.js';
import { html, safe, type Safe } from './html.js';

export function figure(f: ReportFigure, options: { zoomable?: boolean } = {}): Safe {
  return html`<figure class="chart" id="${f.id}">
    <div
      class="svg${options.zoomable ? ' zoomable' : ''}"
      ${safe(options.zoomable ? ' data-zoom tabindex="0" aria-describedby="zoom-help"' : '')}
    >
      ${safe(f.svg)}
    </div>
    ${
      // A map's key again at the size of the text, shown where the map is drawn small (a phone,
      // a zoomed page: web/dashboard.css), whose own key is then too small to read (QA).
      f.key ? html`<div class="map-key" aria-hidden="true">${safe(f.key)}</div>` : ''
    }
    <figcaption>${f.caption}</figcaption>
    <details>
      <summary>The numbers behind this chart</summary>
      ${table(f.table)}
    </details>
  </figure>`;
}

export function table(t: ReportTable): Safe {
  const numeric = new Set(t.countColumns);
  return html`<div class="table-wrap">
    <table class="data">
      <caption>
        ${t.caption}
      </caption>
      <thead>
        <tr>
          ${t.columns.map((c) => html`<th scope="col">${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${t.rows.map(
          (row) =>
            html`<tr>
              ${row.map((cell, i) =>
                i === 0
                  ? html`<th scope="row">${cell ?? '–'}</th>`
                  : html`<td${safe(numeric.has(i) || typeof cell === 'number' ? ' class="num"' : '')}>${
                      typeof cell === 'number' ? cell.toLocaleString('en-GB') : (cell ?? '–')
                    }</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
