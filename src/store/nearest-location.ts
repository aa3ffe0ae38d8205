/**
 * police.uk map points with their "On or near …" text, in an area: used to name the street
 * nearest a place that has none (a camera site chosen over partner data). A map point's text is
 * that of its latest record.
 */
import type { AreaType } from '../domain/area.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from './db.js';
import { checkStreetAccess, streetAreaCondition } from './street-counts.js';

export interface LocatedMapPoint {
  lon: number;
  lat: number;
  location: string;
}

export async function mapPointLocations(
  db: Db,
  scope: Scope,
  area: { code: string; type: AreaType },
): Promise<LocatedMapPoint[]> {
  await checkStreetAccess(db, scope, area);
  return db.query<LocatedMapPoint & Record<string, unknown>>(
    `SELECT c.longitude AS lon, c.latitude AS lat, arg_max(c.location, c.month) AS location
     FROM crime c
     WHERE ${streetAreaCondition(area.type)} AND c.longitude IS NOT NULL
       AND c.location IS NOT NULL AND c.location <> ''
     GROUP BY c.longitude, c.latitude ORDER BY lon, lat`,
    { area: area.code },
  );
}
