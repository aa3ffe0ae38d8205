/**
 * The dashboard's map of an area: where a category was recorded (the same hotspot cells, outline
 * and busiest places as the report's priority maps) with the area's wards outlined and named.
 */
import type { AreaSummary } from '../domain/area-counts.js';
import type { MapPlaces } from '../charts/index.js';
import type { Period } from '../domain/month.js';
import type { PeriodChoice } from '../domain/period-input.js';
import type { Scope } from '../domain/scope.js';
import { resolveArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { CommandReads } from './command-reads.js';
import { hotspotEvidence, type HotspotEvidence } from './hotspot-evidence.js';
import { mapPlaces } from './map-places.js';
import { resolvePeriod } from './resolve-period.js';

export interface MapView {
  area: AreaSummary;
  period: Period;
  hotspot: HotspotEvidence;
  places: MapPlaces | null;
}

export async function mapView(
  db: Db,
  scope: Scope,
  request: { area: string; category: string; period: PeriodChoice | undefined },
): Promise<MapView> {
  const found = await resolveArea(db, request.area);
  const area: AreaSummary = { code: found.code, name: found.name, type: found.type };
  const period = await resolvePeriod(db, request.period ?? { last: 12 });
  const reads = new CommandReads();
  const hotspot = await hotspotEvidence(
    db,
    scope,
    area.code,
    { area: area.code, category: request.category, period, top: 3 },
    reads,
  );
  return { area, period, hotspot, places: await mapPlaces(db, area) };
}
