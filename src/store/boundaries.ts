/** Area boundaries: replacing those of a type and vintage, and reading them back for an index. */
import type { MultiPolygon, Polygon } from 'geojson';

import type { AreaType } from '../domain/area.js';
import type { Db } from './db.js';

export interface BoundaryToStore {
  code: string;
  geometry: Polygon | MultiPolygon;
  /** The code the file gave, when the shape was matched to the register's area by name. */
  fileCode?: string | null;
}

export interface BoundarySet {
  type: AreaType;
  vintage: string;
  source: string;
  shapes: readonly BoundaryToStore[];
}

/** Stores the shapes, replacing any of the same codes, type and vintage, in one transaction. */
export async function replaceBoundaries(db: Db, set: BoundarySet): Promise<number> {
  return db.transaction(() => writeBoundarySet(db, set));
}

/**
 * Several sets (an area's LSOAs, wards and districts) in one transaction: all of them are
 * stored, or none. Returns the number stored of each set, in order.
 */
export async function replaceBoundarySets(db: Db, sets: readonly BoundarySet[]): Promise<number[]> {
  return db.transaction(async () => {
    const stored: number[] = [];
    for (const set of sets) stored.push(await writeBoundarySet(db, set));
    return stored;
  });
}

/** Within the caller's transaction. */
async function writeBoundarySet(db: Db, set: BoundarySet): Promise<number> {
  if (set.shapes.length === 0) return 0;
  await db.run(
    'CREATE TEMP TABLE IF NOT EXISTS boundary_in (area_code VARCHAR, geometry VARCHAR, file_code VARCHAR)',
  );
  await db.run('DELETE FROM boundary_in');
  await db.append(
    'boundary_in',
    set.shapes.map((s) => [s.code, JSON.stringify(s.geometry), s.fileCode ?? null]),
  );
  await db.run(
    `DELETE FROM boundary WHERE area_type = $type AND vintage = $vintage
       AND area_code IN (SELECT area_code FROM boundary_in)`,
    { type: set.type, vintage: set.vintage },
  );
  await db.run(
    `INSERT INTO boundary (area_code, area_type, vintage, source, geometry, file_code)
     SELECT area_code, $type, $vintage, $source, geometry, file_code FROM boundary_in`,
    { type: set.type, vintage: set.vintage, source: set.source },
  );
  await db.run('DROP TABLE boundary_in');
  return set.shapes.length;
}

export interface StoredBoundary {
  code: string;
  geometry: Polygon | MultiPolygon;
  /**
   * Of a shape matched to the register's area by name: the code its file gave, and the vintage
   * (its shape may be of that year, not the register's). Read by `boundariesWithin` only.
   */
  byName?: { fileCode: string; vintage: string };
}

/** The boundaries of a type (the latest vintage of each area when none is named). */
export async function loadBoundaries(
  db: Db,
  type: AreaType,
  vintage?: string,
): Promise<StoredBoundary[]> {
  const rows = await db.query<{ code: string; geometry: string }>(
    `SELECT area_code AS code, arg_max(geometry, vintage) AS geometry FROM boundary
     WHERE area_type = $type AND ($vintage IS NULL OR vintage = $vintage)
     GROUP BY area_code ORDER BY area_code`,
    { type, vintage: vintage ?? null },
  );
  return rows.map((r) => ({
    code: r.code,
    geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon,
  }));
}

/** The stored shapes of one area code, of every type and vintage: read through the index. */
export const AREA_BOUNDARY_SQL =
  'SELECT area_type AS type, vintage, geometry FROM boundary WHERE area_code = $code';

/** One area's own boundary (its latest vintage), or null when none is held. */
export async function areaBoundary(
  db: Db,
  code: string,
  type: AreaType,
): Promise<StoredBoundary | null> {
  // An equality on the code alone, which DuckDB answers through its index (migration 24) instead
  // of reading every stored shape; the type and the latest vintage are chosen here.
  const rows = await db.query<{ type: string; vintage: string; geometry: string }>(
    AREA_BOUNDARY_SQL,
    { code },
  );
  let latest: (typeof rows)[number] | null = null;
  for (const r of rows) if (r.type === type && (!latest || r.vintage > latest.vintage)) latest = r;
  return latest ? { code, geometry: JSON.parse(latest.geometry) as Polygon | MultiPolygon } : null;
}

/** The LSOA boundaries inside an area of district level or above (latest vintage of each). */
export async function lsoaBoundariesWithin(db: Db, areaCode: string): Promise<StoredBoundary[]> {
  return boundariesWithin(db, areaCode, 'lsoa');
}

/** The boundaries of LSOAs or wards inside an area (latest vintage of each). */
export async function boundariesWithin(
  db: Db,
  areaCode: string,
  type: 'lsoa' | 'ward',
): Promise<StoredBoundary[]> {
  const rows = await db.query<{
    code: string;
    geometry: string;
    file_code: string;
    vintage: string;
  }>(
    `WITH RECURSIVE down(code) AS (
       SELECT $area UNION ALL SELECT a.code FROM area a JOIN down ON a.parent = down.code)
     SELECT b.area_code AS code, arg_max(b.geometry, b.vintage) AS geometry,
       arg_max(coalesce(b.file_code, ''), b.vintage) AS file_code, max(b.vintage) AS vintage
     FROM boundary b
     WHERE b.area_type = $type AND b.area_code IN (SELECT code FROM down)
     GROUP BY b.area_code ORDER BY b.area_code`,
    { area: areaCode, type },
  );
  return rows.map((r) => ({
    code: r.code,
    geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon,
    ...(r.file_code ? { byName: { fileCode: r.file_code, vintage: r.vintage } } : {}),
  }));
}

/** The register's codes of a type at or below an area (the area itself when of that type). */
export async function registerCodesWithin(
  db: Db,
  areaCode: string,
  type: AreaType,
): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    `WITH RECURSIVE down(code, type) AS (
       SELECT code, type FROM area WHERE code = $area
       UNION ALL SELECT a.code, a.type FROM area a JOIN down ON a.parent = down.code
       WHERE down.type <> $type)
     SELECT code FROM down WHERE type = $type ORDER BY code`,
    { area: areaCode, type },
  );
  return rows.map((r) => r.code);
}

export interface DistrictBoundaryCover {
  force: { code: string; name: string };
  district: { code: string; name: string };
  /** Whether any LSOA of the district has a boundary in the store. */
  lsoaBoundaries: boolean;
}

/**
 * Every district of every force whose police.uk data the store holds, and whether any of its
 * LSOAs has a boundary (the hotspot grid and the report's map are drawn from them).
 */
export async function districtBoundaryCover(db: Db): Promise<DistrictBoundaryCover[]> {
  const rows = await db.query<{
    force_code: string;
    force_name: string;
    code: string;
    name: string;
    covered: boolean;
  }>(
    `WITH held AS (
       SELECT DISTINCT f.pfa_code AS code FROM batch_month b JOIN police_force f ON f.id = b.force
       WHERE b.replaced_by IS NULL AND f.pfa_code IS NOT NULL),
     covered AS (
       SELECT DISTINCT ld.district_code FROM boundary b
       JOIN lsoa_district ld ON ld.lsoa_code = b.area_code WHERE b.area_type = 'lsoa')
     SELECT f.code AS force_code, f.name AS force_name, d.code, d.name,
            d.code IN (SELECT district_code FROM covered) AS covered
     FROM held JOIN area f ON f.code = held.code
     JOIN area c ON c.parent = f.code AND c.type = 'csp'
     JOIN area d ON d.parent = c.code AND d.type = 'district'
     ORDER BY f.name, d.name`,
  );
  return rows.map((r) => ({
    force: { code: r.force_code, name: r.force_name },
    district: { code: r.code, name: r.name },
    lsoaBoundaries: Boolean(r.covered),
  }));
}
