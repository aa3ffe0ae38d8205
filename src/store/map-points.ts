/** The police.uk map points seen in imported records, with the LSOA of the latest record at each. */
import type { KnownPoint } from '../geo/point-locator.js';
import type { Db } from './db.js';

export async function knownMapPoints(db: Db, force?: string): Promise<KnownPoint[]> {
  const rows = await db.query<{ lon: number; lat: number; code: string; name: string | null }>(
    `SELECT longitude AS lon, latitude AS lat, arg_max(lsoa_code, month) AS code,
            arg_max(lsoa_name, month) AS name
     FROM crime WHERE longitude IS NOT NULL AND lsoa_code IS NOT NULL
       AND ($force IS NULL OR force = $force)
     GROUP BY longitude, latitude`,
    { force: force ?? null },
  );
  return rows.map((r) => ({ lon: r.lon, lat: r.lat, lsoaCode: r.code, lsoaName: r.name }));
}

/** LSOA names by code, from the register. */
export async function lsoaNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.query<{ code: string; name: string }>(
    `SELECT code, name FROM area WHERE type = 'lsoa'`,
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The distinct police.uk map points of a district's street records, in a fixed order. */
export async function districtMapPoints(
  db: Db,
  districtCode: string,
): Promise<{ lon: number; lat: number }[]> {
  return db.query<{ lon: number; lat: number }>(
    `SELECT DISTINCT longitude AS lon, latitude AS lat FROM crime
     WHERE district_code = $district AND longitude IS NOT NULL ORDER BY lon, lat`,
    { district: districtCode },
  );
}
