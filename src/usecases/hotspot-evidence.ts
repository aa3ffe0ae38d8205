/**
 * A hotspot map's evidence: the cells with incidents (British National Grid, lower-left corners),
 * the area's outline (its LSOAs dissolved, so the map shows the boundary, not 50 to 700 LSOAs),
 * and the busiest significant cells by street and ward. The report's priority maps and the
 * dashboard's map view both draw this.
 */
import { GISTAR_MIN_EXPECTED } from '../analysis/hotspot-grid.js';
import type { Scope } from '../domain/scope.js';
import { toBng } from '../geo/bng.js';
import { dissolveRings } from '../geo/dissolve.js';
import type { PriorityEvidence } from '../report/report-data.js';
import type { Db } from '../store/db.js';
import type { CommandReads } from './command-reads.js';
import { hotspots, type HotspotRequest } from './hotspots.js';
import { bngRings } from './map-places.js';
import { boundariesWithinOnce, wholeWardBoundariesOnce } from './place-reads.js';

export type HotspotEvidence = NonNullable<PriorityEvidence['hotspot']>;

export async function hotspotEvidence(
  db: Db,
  scope: Scope,
  areaCode: string,
  request: HotspotRequest,
  reads: CommandReads,
): Promise<HotspotEvidence> {
  const report = await hotspots(db, scope, request, reads);
  const size = report.cellSize;
  // Each grid cell (the features are the grid's cells, in its order), by its lower-left corner.
  const every = report.geojson.features.map((f) => {
    const [lon, lat] = (f.geometry as { coordinates: number[][][] }).coordinates[0]![0] as [
      number,
      number,
    ];
    const [x, y] = toBng(lon, lat);
    const label = f.properties?.name as string | null | undefined;
    return {
      x: Math.round(x),
      y: Math.round(y),
      size,
      count: Number(f.properties?.count ?? 0),
      ...(label ? { label } : {}),
    };
  });
  const cells = every.filter((c) => c.count > 0);
  // The same outline for every map of the area in one command: dissolved once. Its LSOAs', else
  // its wards' if of every ward (a Welsh district: the grid is clipped to them too,
  // usecases/hotspots.ts), so that
  // the map is framed on the area, not on the cells shaded.
  const outline = await reads.once(`map-outline:${areaCode}`, async () => {
    const lsoas = await boundariesWithinOnce(db, areaCode, 'lsoa', reads);
    const shapes = lsoas.length > 0 ? lsoas : await wholeWardBoundariesOnce(db, areaCode, reads);
    return dissolveRings(shapes.flatMap((b) => bngRings(b.geometry)));
  });
  return {
    cellSize: size,
    outline,
    cells,
    // Where Gi* is not read (too few incidents), whether any place stands out is not known.
    ...(report.giStarRead ? { found: report.busiest.length > 0 } : {}),
    // The busiest significant hotspot cells, each by its street and ward, with its count.
    // With its cell's corner, so the map numbers the places in the order the text lists them.
    top: report.busiest.flatMap((r) =>
      r.street
        ? [{ location: r.name, count: r.count, x: every[r.cell]!.x, y: every[r.cell]!.y }]
        : [],
    ),
    // That locations are approximate is said once, under Method and caveats, and on the map.
    notes: report.giStarRead
      ? []
      : [
          `Too few incidents to say whether any place stands out (fewer than ${GISTAR_MIN_EXPECTED} expected around each cell), so no hotspot is marked.`,
        ],
  };
}
