/**
 * Placing stop-and-search records in districts (migration 014): the points of searches not yet
 * placed, and writing back the district found for each point, in one transaction that also
 * clears the `place-stop-searches` pending task. The point-in-polygon work is the caller's
 * (`usecases/place-searches.ts`): the store does no geometry.
 */
import type { Db } from './db.js';

export interface SearchPoint {
  lon: number;
  lat: number;
}

/** The distinct points of searches not yet placed (district_match NULL) that have a location. */
export async function unplacedSearchPoints(db: Db): Promise<SearchPoint[]> {
  return db.query<SearchPoint & Record<string, unknown>>(
    `SELECT DISTINCT longitude AS lon, latitude AS lat FROM stop_search
     WHERE district_match IS NULL AND longitude IS NOT NULL AND latitude IS NOT NULL`,
  );
}

export interface SearchPlacementWritten {
  /** Searches placed in a district by their point. */
  placed: number;
  /** Searches whose point lies in no district whose boundary is held. */
  unmatched: number;
  /** Searches without a location. */
  noLocation: number;
}

/**
 * Writes each point's district (null: in none) to the searches not yet placed, marks those
 * without a location, and removes the pending task: all in one transaction.
 */
export async function storeSearchPlacements(
  db: Db,
  placements: readonly { point: SearchPoint; district: string | null }[],
): Promise<SearchPlacementWritten> {
  return db.transaction(async () => {
    // Coordinates travel as text: JavaScript's shortest round-trip form, read back by DuckDB
    // as the same double, so the join below is exact.
    await db.run(
      'CREATE TEMP TABLE IF NOT EXISTS search_place_in (lon VARCHAR, lat VARCHAR, code VARCHAR)',
    );
    await db.run('DELETE FROM search_place_in');
    await db.append(
      'search_place_in',
      placements.map((p) => [String(p.point.lon), String(p.point.lat), p.district]),
    );
    const [counts] = await db.query<{ placed: number; unmatched: number; none: number }>(
      `SELECT count(*) FILTER (WHERE p.code IS NOT NULL) AS placed,
              count(*) FILTER (WHERE p.code IS NULL AND s.longitude IS NOT NULL
                               AND s.latitude IS NOT NULL) AS unmatched,
              count(*) FILTER (WHERE s.longitude IS NULL OR s.latitude IS NULL) AS none
       FROM stop_search s LEFT JOIN search_place_in p
         ON s.longitude = p.lon::DOUBLE AND s.latitude = p.lat::DOUBLE
       WHERE s.district_match IS NULL`,
    );
    await db.run(
      `UPDATE stop_search s SET district_code = p.code,
              district_match = CASE WHEN p.code IS NULL THEN 'unmatched' ELSE 'point' END
       FROM search_place_in p
       WHERE s.district_match IS NULL AND s.longitude = p.lon::DOUBLE AND s.latitude = p.lat::DOUBLE`,
    );
    await db.run(
      `UPDATE stop_search SET district_match = 'none'
       WHERE district_match IS NULL AND (longitude IS NULL OR latitude IS NULL)`,
    );
    const [left] = await db.query<{ n: number }>(
      'SELECT count(*) AS n FROM stop_search WHERE district_match IS NULL',
    );
    if ((left?.n ?? 0) > 0) {
      throw new Error(`${left?.n} searches were left unplaced: a point was not matched`);
    }
    await db.run("DELETE FROM store_pending_task WHERE task = 'place-stop-searches'");
    await db.run('DROP TABLE search_place_in');
    return {
      placed: Number(counts?.placed ?? 0),
      unmatched: Number(counts?.unmatched ?? 0),
      noLocation: Number(counts?.none ?? 0),
    };
  });
}
