/**
 * The dashboard's map of an area: where a category was recorded (the same hotspot cells, outline
 * and busiest places as the report's priority maps) with the area's wards outlined and named.
 */
import type { AreaSummary } from '../domain/area-counts.js';
import type { ChoroplethArea, MapPlaces, MapPoint } from '../charts/index.js';
import { periodCoverage, type PeriodCoverage } from '../domain/held-months.js';
import type { Period } from '../domain/month.js';
import type { PeriodChoice } from '../domain/period-input.js';
import type { Scope } from '../domain/scope.js';
import { resolveArea } from '../store/areas.js';
import { lsoaBoundariesWithin } from '../store/boundaries.js';
import { countsByLsoa } from '../store/lsoa-counts.js';
import type { Db } from '../store/db.js';
import { CommandReads } from './command-reads.js';
import { hotspotEvidence, type HotspotEvidence } from './hotspot-evidence.js';
import { incidentPoints } from './incident-points.js';
import { bngRings, mapPlaces } from './map-places.js';
import { resolvePeriod } from './resolve-period.js';
import { heldStreetMonths } from './street-area-counts.js';

export interface MapView {
  area: AreaSummary;
  period: Period;
  hotspot: HotspotEvidence;
  places: MapPlaces | null;
  /** The area's LSOAs (2011) with their outlines and the records of the category in the period. */
  lsoas: ChoroplethArea[];
  /** police.uk's map points with the records of the category snapped to each (metres, BNG). */
  points: MapPoint[];
  /** How much of the period the store holds for the area: the map counts those months only. */
  coverage: PeriodCoverage;
  /** Records of the category in the period with a location, and those of them outside the grid. */
  located: number;
  /** Points just over the area's boundary, counted for the area but outside its cells. */
  outsideGrid: number;
}

export async function mapView(
  db: Db,
  scope: Scope,
  request: { area: string; category: string; period: PeriodChoice | undefined },
): Promise<MapView> {
  const found = await resolveArea(db, request.area);
  const area: AreaSummary = { code: found.code, name: found.name, type: found.type };
  const period = await resolvePeriod(db, request.period ?? { last: 12 }, { area: area.code });
  const reads = new CommandReads();
  const incidents = { area: area.code, category: request.category, period };
  const hotspot = await hotspotEvidence(db, scope, area.code, { ...incidents, top: 3 }, reads);
  // The same incidents the hotspot grid counted (read once for the command), by map point.
  const { incidents: columns } = await incidentPoints(db, scope, incidents, reads);
  const perPlace = new Map<number, number>();
  for (let i = 0; i < columns.length; i++) {
    const place = columns.place[i]!;
    perPlace.set(place, (perPlace.get(place) ?? 0) + 1);
  }
  const points = [...perPlace].map(([place, count]) => {
    const p = columns.places[place]!;
    return { x: p.x, y: p.y, count };
  });
  const outlines = new Map(
    (await lsoaBoundariesWithin(db, area.code)).map((b) => [b.code, bngRings(b.geometry)]),
  );
  const lsoas = (await countsByLsoa(db, scope, area, period, request.category)).flatMap((l) => {
    const outline = outlines.get(l.code);
    return outline ? [{ code: l.code, name: l.name, outline, value: l.records }] : [];
  });
  const coverage = periodCoverage(period, await heldStreetMonths(db, scope, area, reads));
  const inCells = hotspot.cells.reduce((n, c) => n + c.count, 0);
  return {
    area,
    period,
    hotspot,
    places: await mapPlaces(db, area),
    lsoas,
    points,
    coverage,
    located: columns.length,
    outsideGrid: columns.length - inCells,
  };
}
