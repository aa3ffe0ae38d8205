/**
 * `lantern fetch boundaries --area A`: an area's generalised LSOA, ward and district boundaries
 * from the ONS Open Geography Portal. The portal's address can be changed with --boundaries-url
 * (or LANTERN_ONS_GEOPORTAL), e.g. for a mirror or a test server; its layers with --boundary-layers
 * (default config/ons-boundary-layers.yaml).
 */
import { PORTAL_ATTRIBUTION, type FetchedBoundaryType } from '../domain/boundary-layer.js';
import type { BoundaryFetchReport } from '../usecases/fetch-boundaries.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { formatCount, formatTable } from './table.js';

export const fetchBoundariesCommand = defineCommand({
  name: 'fetch boundaries',
  task: 'Get data in',
  summary:
    "An area's generalised LSOA, ward and district boundaries from the ONS Open Geography Portal",
  description:
    "A store built with import holds no boundaries for its forces: hotspot grids are then not clipped to the area and report maps have no outline (import says so, and gives this command). The codes asked for are those the register holds within the area (a district, CSP or whole force); everything is fetched before anything is stored, then stored in one go, replacing what was held for the same areas. Codes the portal's layer lacks are listed, never guessed at.",
  examples: ['lantern fetch boundaries --area Merseyside'],
  options: {
    area: option.area(
      'the area whose boundaries to fetch: a district, CSP or force, by ONS code, name or police.uk force id',
    ),
    boundariesUrl: option.text(
      "the portal's address (default $LANTERN_ONS_GEOPORTAL, else https://services1.arcgis.com/ESMARspQHYMw9BZ9/arcgis/rest/services)",
      'URL',
    ),
    boundaryLayers: option.file(
      "the portal's layers: their names, code fields and vintages",
      'config/ons-boundary-layers.yaml',
    ),
  },
  store: 'create',
  async run(deps, input) {
    const { OnsGeoportal } = await import('../acquire/ons-geoportal.js');
    const { loadBoundaryLayers } = await import('../config/boundary-layers.js');
    const { fetchBoundaries } = await import('../usecases/fetch-boundaries.js');
    const layers = await loadBoundaryLayers(input.boundaryLayers);
    const portal = new OnsGeoportal({
      baseUrl: input.boundariesUrl ?? deps.env.LANTERN_ONS_GEOPORTAL,
    });
    let current: FetchedBoundaryType | null = null;
    return fetchBoundaries(deps.db, deps.scope, portal, {
      area: input.area,
      layers,
      onProgress: (e) => {
        if (e.type !== current) {
          deps.progress({
            phase: 'start',
            total: e.total,
            label: `${TYPE_NAME[e.type]} boundaries`,
          });
          current = e.type;
        }
        deps.progress({ phase: 'step', label: `${TYPE_NAME[e.type]} boundaries` });
      },
    });
  },
  text: formatBoundaryFetch,
  // Nothing at all from the portal for an area that has codes: the source failed to serve it.
  exitCode(report) {
    const asked = report.layers.reduce((n, l) => n + l.asked, 0);
    const fetched = report.layers.reduce((n, l) => n + l.fetched, 0);
    return asked > 0 && fetched === 0 ? 1 : 0;
  },
});

/** Missing codes listed in the text; --json gives them all. */
const LISTED = 20;

const TYPE_NAME = { lsoa: 'LSOA', ward: 'ward', district: 'district' } as const;

function formatBoundaryFetch(r: BoundaryFetchReport): string {
  const rows = r.layers.map((l) => [
    TYPE_NAME[l.type],
    l.vintage,
    formatCount(l.asked),
    formatCount(l.fetched),
    formatCount(l.missing.length),
  ]);
  const lines = [
    `Boundaries for ${r.area.name} (${r.area.code}) from the ONS Open Geography Portal (${r.source})`,
    '',
    formatTable(['type', 'vintage', 'in the register', 'fetched', 'not on the portal'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
    ]),
  ];
  for (const l of r.layers.filter((x) => x.missing.length > 0)) {
    const more = l.missing.length - LISTED;
    lines.push(
      '',
      `${TYPE_NAME[l.type]} codes the portal's layer lacks (${l.title}), left without a boundary: ` +
        l.missing.slice(0, LISTED).join(', ') +
        (more > 0 ? ` … and ${formatCount(more)} more (⟨json⟩ lists them all)` : ''),
    );
  }
  const stored = r.layers.reduce((n, l) => n + l.fetched, 0);
  lines.push(
    '',
    `${formatCount(stored)} boundaries stored (replacing those held for the same areas and vintage); ` +
      `${formatCount(r.requests)} requests.`,
    ...r.notes,
    PORTAL_ATTRIBUTION + '.',
  );
  return lines.join('\n');
}
