/**
 * Placing stop-and-search records in districts. police.uk gives each search a point (an
 * anonymised map point) but no LSOA, so its district is the one whose boundary holds the point
 * (`PolygonIndex`: R-tree and exact point-in-polygon; a point on a shared edge goes to the code
 * that sorts first). The boundaries are the districts' held in the store (the latest vintage of
 * each: fetched or imported), and for every other district the bundled ONS 2013 generalised
 * boundaries of England's districts, matched to 2019 codes by name. A search without a location
 * stays in no district ('none'); a point in no district held (outside England, or in a district
 * merged since 2013 whose boundary is not held) stays 'unmatched'. Both are counted by
 * `stop-search`, never dropped.
 */
import { readFile } from 'node:fs/promises';

import { PolygonIndex } from '../geo/polygon-index.js';
import { parseBoundaries } from '../ingest/boundaries/parse-boundaries.js';
import { areaCodesByName } from '../store/areas.js';
import { loadBoundaries, type StoredBoundary } from '../store/boundaries.js';
import type { Db } from '../store/db.js';
import {
  storeSearchPlacements,
  unplacedSearchPoints,
  type SearchPlacementWritten,
} from '../store/stop-search-placement.js';
import { BUNDLED_DISTRICT_BOUNDARIES } from './import-boundaries.js';

/** The bundled district boundaries, matched to the register once per process (it never changes). */
let bundled: Promise<StoredBoundary[]> | null = null;

async function bundledDistricts(db: Db): Promise<StoredBoundary[]> {
  bundled ??= (async () => {
    const [bytes, byName] = await Promise.all([
      readFile(BUNDLED_DISTRICT_BOUNDARIES),
      areaCodesByName(db, 'district'),
    ]);
    return parseBoundaries(
      BUNDLED_DISTRICT_BOUNDARIES,
      bytes,
      (code) => byName.codes.has(code),
      'LAD13CD',
      { codesNamed: (name) => byName.byName.get(name.toLowerCase()) ?? [] },
    ).shapes;
  })();
  bundled.catch(() => (bundled = null));
  return bundled;
}

/** The districts' boundaries searches are placed by: the store's, else the bundled ones. */
export async function districtIndex(db: Db): Promise<PolygonIndex> {
  const held = await loadBoundaries(db, 'district');
  const heldCodes = new Set(held.map((b) => b.code));
  const rest = (await bundledDistricts(db)).filter((b) => !heldCodes.has(b.code));
  return PolygonIndex.build([...held, ...rest]);
}

/** Places every search not yet placed (one transaction) and clears the pending task. */
export async function placeStoredSearches(db: Db): Promise<SearchPlacementWritten> {
  const points = await unplacedSearchPoints(db);
  const index = points.length > 0 ? await districtIndex(db) : null;
  return storeSearchPlacements(
    db,
    points.map((point) => ({ point, district: index?.locate(point.lon, point.lat) ?? null })),
  );
}
