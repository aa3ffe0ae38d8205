/**
 * Where a category was recorded in an area: the report's hotspot map (cells, outline, wards
 * outlined and named) drawn from the bundled boundaries with no internet, which the reader can
 * pan and zoom, and the busiest places.
 */
import { choroplethMap, type ChoroplethMapInput } from '../../charts/index.js';
import { hotspotFigure, type ReportFigure } from '../../report/report-tables.js';
import { mapView, type MapView } from '../../usecases/map-view.js';
import { parsePeriodChoice } from '../../domain/period-input.js';
import { parseCategoryChoice } from '../../domain/category-choice.js';
import { ALL_CRIME, CATEGORY_NAMES } from '../../domain/categories.js';
import type { ServerContext } from '../context.js';
import { forceOf, run, type Choices } from './choices.js';
import { figure } from './figure.js';
import { count, html, type Safe } from './html.js';
import { notice } from './layout.js';
import { sourceOf, type ViewState } from './state.js';

export async function mapBody(
  ctx: ServerContext,
  state: ViewState,
  choices: Choices,
): Promise<Safe> {
  if ('dataset' in sourceOf(state))
    return notice(
      'empty',
      'The map shows police.uk records: choose a police.uk category above. (A partner dataset with locations is mapped by `lantern hotspots --dataset`.)',
    );
  const db = await ctx.store.session();
  try {
    const cameras = await run<CameraPlan>(ctx, 'cameras', {
      area: [state.area],
      category: [state.category],
      period: [state.period ?? 'last-12-months'],
      cameras: [String(CAMERAS)],
      radius: [String(CAMERA_RADIUS)],
    }).catch(() => null);
    const view = await mapView(db, ctx.scope, {
      area: state.area,
      category: parseCategoryChoice(state.category, 'category'),
      period: state.period ? parsePeriodChoice(state.period) : undefined,
    });
    const label = labelOf(state.category);
    const chart = hotspotFigure(
      { label, hotspot: view.hotspot },
      0,
      { audience: 'partner', period: view.period, area: view.area, places: view.places },
      { key: true },
    );
    return html` <p class="lead">
        ${label} recorded in ${view.area.name}, ${view.period.from} to ${view.period.to}, in
        ${view.hotspot.cellSize} m
        squares${view.places ? html`, with ${view.places.kind}s outlined and named` : ''}.
      </p>
      ${view.coverage.partial ? notice('note', `Partial period: ${view.coverage.words}. The map counts the months held only.`) : ''}
      ${
        view.outsideGrid > 0
          ? notice(
              'note',
              `${count(view.outsideGrid)} of the ${count(view.located)} records with a location are at points just over ${view.area.name}'s boundary, outside the squares drawn: they are counted in the area's totals (Overview, Trends) but not on the map.`,
            )
          : ''
      }
      ${chart ? figure(chart, { zoomable: true }) : notice('empty', `No ${label.toLowerCase()} with a location was recorded in ${view.area.name} in this period.`)}
      <p id="zoom-help" class="small no-print">
        Zoom with the + and − buttons, the mouse wheel or the + and − keys on the focused map; move
        it by dragging or with the arrow keys; 0 resets.
      </p>
      ${
        view.lsoas.length > 0
          ? figure(lsoaFigure(view, label, cameras), { zoomable: true })
          : notice(
              'empty',
              `No LSOA boundaries are held for ${view.area.name}, so there are no neighbourhoods to shade, and the map above is outlined only by the ward boundaries held, if any. Whoever runs Lantern can fetch them from the ONS Open Geography Portal: lantern fetch boundaries --area "${forceOf(choices, state.area)?.name ?? view.area.name}".`,
            )
      }
      ${
        view.hotspot.top.length > 0
          ? html`<section aria-labelledby="top">
              <h2 id="top">
                The busiest places that stand out (Getis-Ord Gi*, significant after adjustment)
              </h2>
              <ol>
                ${view.hotspot.top.map(
                  (t) =>
                    html`<li>
                      ${t.location}: ${count(t.count)} recorded in its ${view.hotspot.cellSize} m
                      square
                    </li>`,
                )}
              </ol>
            </section>`
          : view.hotspot.found === undefined && view.hotspot.notes.length > 0
            ? html`<p>${view.hotspot.notes.join(' ')}</p>`
            : html`<p>No place stands out from its surroundings more than chance would make it.</p>`
      }`;
  } finally {
    db.close();
  }
}

/** The area's LSOAs shaded by the records of the category: the numbers a partner can act on. */
function lsoaFigure(view: MapView, label: string, cameras: CameraPlan | null): ReportFigure {
  const id = 'fig-lsoa-map';
  const title = `${label} by neighbourhood (LSOA), ${view.area.name}`;
  const map: ChoroplethMapInput = {
    id,
    title,
    areas: view.lsoas,
    valueLabel: 'recorded',
    places: view.places,
    focusable: false,
    points: view.points,
    pointsLabel: 'map points (police.uk), sized by records',
    ...(cameras && cameras.sites.length > 0
      ? {
          sites: cameras.sites.map((c) => ({
            x: c.easting,
            y: c.northing,
            radius: CAMERA_RADIUS,
          })),
          sitesLabel: `suggested camera sites (${CAMERA_RADIUS} m view)`,
        }
      : {}),
  };
  return {
    id,
    caption: `${label} recorded in each LSOA (neighbourhoods of about 1,500 residents), ${view.period.from} to ${view.period.to}: counts, not rates, as LSOA populations are not held; an LSOA with a shopping centre or a station will show high for that reason. The dots are police.uk's anonymised map points, each sized by the records moved to it (not where each crime happened).${
      cameras && cameras.sites.length > 0
        ? ` Numbered: where ${cameras.sites.length} cameras seeing ${CAMERA_RADIUS} m would cover the most of these records (${cameras.covered} of ${cameras.incidents}; maximum coverage, solved by integer programming: lantern cameras gives other numbers and radii).`
        : ''
    }`,
    svg: choroplethMap(map),
    key: choroplethMap({ ...map, part: 'key' }),
    table: {
      id,
      caption: title,
      columns: ['LSOA', 'code', 'recorded'],
      rows: [...view.lsoas]
        .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.name.localeCompare(b.name))
        .map((a) => [a.name, a.code, a.value]),
      countColumns: [2],
    },
  };
}

/** The camera plan the map suggests: a few cameras, each seeing a street's length. */
const CAMERAS = 5;
const CAMERA_RADIUS = 75;

interface CameraPlan {
  sites: { easting: number; northing: number }[];
  covered: number;
  incidents: number;
}

function labelOf(category: string): string {
  const choice = parseCategoryChoice(category, 'category');
  return choice === ALL_CRIME ? 'All crime' : CATEGORY_NAMES[choice];
}
