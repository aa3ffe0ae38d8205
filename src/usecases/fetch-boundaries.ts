/**
 * `lantern fetch boundaries --area A`: the generalised boundaries of an area's LSOAs, wards and
 * districts from the ONS Open Geography Portal. The codes asked for are those the register holds
 * at or below the area (2011 LSOAs, 2019 wards and districts: the vintage of its ONS lookups), so a
 * district, a CSP or a whole force works the same way (a ward: itself and its LSOAs). Everything is fetched before anything is
 * stored; then every layer is stored in one transaction (replacing the same codes, type and
 * vintage), so a failed fetch changes nothing and fetching again gives the same store. The report
 * says, per type, how many were asked for and fetched, and which codes the portal lacked.
 */
import type { OnsGeoportal } from '../acquire/ons-geoportal.js';
import {
  FETCHED_BOUNDARY_TYPES,
  PORTAL_ATTRIBUTION,
  type BoundaryLayer,
  type FetchedBoundaryType,
} from '../domain/boundary-layer.js';
import type { Scope } from '../domain/scope.js';
import { assertAreaInScope, findArea } from '../store/areas.js';
import { registerCodesWithin, replaceBoundarySets, type BoundarySet } from '../store/boundaries.js';
import type { Db } from '../store/db.js';

export interface LayerFetchReport {
  type: FetchedBoundaryType;
  vintage: string;
  title: string;
  url: string;
  /** Codes of this type the register holds for the area. */
  asked: number;
  fetched: number;
  /** The codes the portal did not give (never guessed at: they stay without a boundary). */
  missing: string[];
}

export interface BoundaryFetchReport {
  area: { code: string; name: string; type: string };
  source: string;
  layers: LayerFetchReport[];
  requests: number;
  notes: string[];
}

export type BoundaryFetchProgress = {
  type: FetchedBoundaryType;
  done: number;
  total: number;
};

export interface BoundaryFetchRequest {
  area: string;
  layers: readonly BoundaryLayer[];
  onProgress?: (event: BoundaryFetchProgress) => void;
}

export { PORTAL_ATTRIBUTION };

export async function fetchBoundaries(
  db: Db,
  scope: Scope,
  portal: OnsGeoportal,
  request: BoundaryFetchRequest,
): Promise<BoundaryFetchReport> {
  const area = await findArea(db, request.area);
  await assertAreaInScope(db, scope, area.code);
  const notes: string[] = [];
  const layers: LayerFetchReport[] = [];
  const sets: BoundarySet[] = [];
  for (const type of FETCHED_BOUNDARY_TYPES) {
    const layer = request.layers.find((l) => l.type === type);
    if (!layer) {
      notes.push(`No ${type} layer is configured: ${type} boundaries were not fetched.`);
      continue;
    }
    const codes = await registerCodesWithin(db, area.code, type);
    const found = await portal.boundaries(layer, codes, (done, total) =>
      request.onProgress?.({ type, done, total }),
    );
    const got = new Set(found.map((b) => b.code));
    layers.push({
      type,
      vintage: layer.vintage,
      title: layer.title,
      url: portal.layerUrl(layer),
      asked: codes.length,
      fetched: found.length,
      missing: codes.filter((c) => !got.has(c)),
    });
    sets.push({
      type,
      vintage: layer.vintage,
      source: `ONS Open Geography Portal: ${layer.title} (${portal.layerUrl(layer)}). ${PORTAL_ATTRIBUTION}`,
      shapes: found.map((b) => ({ code: b.code, geometry: b.geometry })),
    });
  }
  await replaceBoundarySets(db, sets);
  const lsoas = layers.find((l) => l.type === 'lsoa');
  if (lsoas && lsoas.fetched === 0 && lsoas.asked > 0)
    notes.push(
      `The portal gave no LSOA boundary for ${area.name}: its hotspot grids stay unclipped and its report maps without an outline.`,
    );
  return {
    area: { code: area.code, name: area.name, type: area.type },
    source: portal.baseUrl,
    layers,
    requests: portal.requests,
    notes,
  };
}
