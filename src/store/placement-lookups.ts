/** The register's LSOA and district lookups, read once per import for placing records. */
import type { PlacementLookups } from '../domain/placement.js';
import type { Db } from './db.js';

export async function loadPlacementLookups(db: Db): Promise<PlacementLookups> {
  // Each lookup comes back as two joined strings, split here: reading its 35,000 rows as values
  // cost 0.08 s of an import's start-up (as objects, a tenth of a second); this costs 0.01 s.
  // Codes and name keys never hold the separator (letters, digits, spaces and hyphens only).
  const [lsoas, names, forces] = await Promise.all([
    joined(db, 'SELECT lsoa_code AS k, district_code AS v FROM lsoa_district'),
    joined(db, 'SELECT name_key AS k, district_code AS v FROM district_name'),
    // A district's force area is its parent's parent. Joining the whole register to itself
    // (43,000 areas) cost 7-15 ms of a one-file import's ~0.15 s; joining the 339 districts to
    // only their parents costs 3-5 ms, with the same pairs.
    joined(
      db,
      `WITH d AS (SELECT code, parent FROM area WHERE type = 'district')
       SELECT d.code AS k, c.parent AS v
       FROM d JOIN (SELECT code, parent FROM area WHERE code IN (SELECT parent FROM d)) c
         ON c.code = d.parent`,
    ),
  ]);
  return { districtOfLsoa: lsoas, districtByName: names, forceAreaOfDistrict: forces };
}

const SEPARATOR = '\u001f'; // ASCII unit separator

/** The query's k column mapped to its v column (rows with a null v are left out). */
async function joined(db: Db, sql: string): Promise<Map<string, string>> {
  const [row] = await db.query<{ keys: string | null; values: string | null }>(
    `SELECT string_agg(k, '${SEPARATOR}') AS keys, string_agg(v, '${SEPARATOR}') AS "values"
     FROM (${sql}) WHERE k IS NOT NULL AND v IS NOT NULL`,
  );
  const map = new Map<string, string>();
  if (!row?.keys || row.values == null) return map;
  const keys = row.keys.split(SEPARATOR);
  const values = row.values.split(SEPARATOR);
  for (let i = 0; i < keys.length; i++) map.set(keys[i] as string, values[i] as string);
  return map;
}
