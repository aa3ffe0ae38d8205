/**
 * Where a category was recorded in an area: the report's hotspot map (cells, outline, wards
 * outlined and named) drawn from the bundled boundaries with no internet, which the reader can
 * pan and zoom, and the busiest places.
 */
import { hotspotFigure } from '../../report/report-tables.js';
import { mapView } from '../../usecases/map-view.js';
import { parsePeriodChoice } from '../../domain/period-input.js';
import { parseCategoryChoice } from '../../domain/category-choice.js';
import { ALL_CRIME, CATEGORY_NAMES } from '../../domain/categories.js';
import type { ServerContext } from '../context.js';
import { figure } from './figure.js';
import { count, html, type Safe } from './html.js';
import { notice } from './layout.js';
import type { ViewState } from './state.js';

export async function mapBody(ctx: ServerContext, state: ViewState): Promise<Safe> {
  const db = await ctx.store.session();
  try {
    const view = await mapView(db, ctx.scope, {
      area: state.area,
      category: parseCategoryChoice(state.category, 'category'),
      period: state.period ? parsePeriodChoice(state.period) : undefined,
    });
    const label = labelOf(state.category);
    const chart = hotspotFigure({ label, hotspot: view.hotspot }, 0, {
      audience: 'partner',
      period: view.period,
      area: view.area,
      places: view.places,
    });
    return html` <p class="lead">
        ${label} recorded in ${view.area.name}, ${view.period.from} to ${view.period.to}, in
        ${view.hotspot.cellSize} m
        squares${view.places ? html`, with ${view.places.kind}s outlined and named` : ''}.
      </p>
      ${chart ? figure(chart, { zoomable: true }) : notice('empty', `No ${label.toLowerCase()} with a location was recorded in ${view.area.name} in this period.`)}
      <p id="zoom-help" class="small">
        Zoom with the + and − buttons, the mouse wheel or the + and − keys on the focused map; move
        it by dragging or with the arrow keys; 0 resets.
      </p>
      ${
        view.hotspot.top.length > 0
          ? html`<section aria-labelledby="top">
              <h2 id="top">
                The busiest places that stand out (Getis-Ord Gi*, significant after adjustment)
              </h2>
              <ol>
                ${view.hotspot.top.map((t) => html`<li>${t.location}: ${count(t.count)}</li>`)}
              </ol>
            </section>`
          : html`<p>No place stands out from its surroundings more than chance would make it.</p>`
      }`;
  } finally {
    db.close();
  }
}

function labelOf(category: string): string {
  const choice = parseCategoryChoice(category, 'category');
  return choice === ALL_CRIME ? 'All crime' : CATEGORY_NAMES[choice];
}
