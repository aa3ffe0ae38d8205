/** The register's LSOA and district lookups, read once per import for placing records. */
import type { PlacementLookups } from '../domain/placement.js';
import type { Db } from './db.js';

export async function loadPlacementLookups(db: Db): Promise<PlacementLookups> {
  const lsoas = await db.query<{ lsoa_code: string; district_code: string }>(
    'SELECT lsoa_code, district_code FROM lsoa_district',
  );
  const names = await db.query<{ name_key: string; district_code: string }>(
    'SELECT name_key, district_code FROM district_name',
  );
  const forces = await db.query<{ district: string; force_area: string }>(
    `SELECT d.code AS district, c.parent AS force_area
     FROM area d JOIN area c ON c.code = d.parent WHERE d.type = 'district'`,
  );
  return {
    districtOfLsoa: new Map(lsoas.map((r) => [r.lsoa_code, r.district_code])),
    districtByName: new Map(names.map((r) => [r.name_key, r.district_code])),
    forceAreaOfDistrict: new Map(forces.map((r) => [r.district, r.force_area])),
  };
}
