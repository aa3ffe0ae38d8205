/**
 * Names for places: the ward of each LSOA (the register's 2011 LSOA → 2019 ward best-fit lookup),
 * wards by code, each with its district, and the district police.uk records of an LSOA were placed
 * in (for LSOAs the register gives no ward: 2021 codes). A 2021 LSOA has no ward here.
 */
import { list, TEXT_LIST, type Db } from './db.js';

export interface NamedArea {
  code: string;
  name: string;
}

export interface Ward extends NamedArea {
  /** The district the ward lies in, or null when the register does not say. */
  district: NamedArea | null;
}

const WARD_COLUMNS = `w.code, w.name, d.code AS district_code, d.name AS district_name`;
const WARD_JOIN = `LEFT JOIN area d ON d.code = w.parent AND d.type = 'district'`;

type WardRow = {
  code: string;
  name: string;
  district_code: string | null;
  district_name: string | null;
};

const ward = (r: WardRow): Ward => ({
  code: r.code,
  name: r.name,
  district:
    r.district_code && r.district_name ? { code: r.district_code, name: r.district_name } : null,
});

/** The ward of each LSOA code given that the register places in one (others are absent). */
export async function wardsOfLsoas(db: Db, lsoas: readonly string[]): Promise<Map<string, Ward>> {
  if (lsoas.length === 0) return new Map();
  // The codes joined to the register (a hash join), not tested against every row of it with
  // list_contains, whose cost grows with the codes times the register's 40,000 rows: the LSOAs of
  // a whole district's incidents are looked up at once (usecases/hotspots.ts).
  const rows = await db.query<WardRow & { lsoa: string }>(
    `SELECT l.code AS lsoa, ${WARD_COLUMNS}
     FROM (SELECT DISTINCT unnest($codes) AS code) q
     JOIN area l ON l.code = q.code AND l.type = 'lsoa'
     JOIN area w ON w.code = l.parent AND w.type = 'ward' ${WARD_JOIN}`,
    { codes: list(lsoas) },
    { codes: TEXT_LIST },
  );
  return new Map(rows.map((r) => [r.lsoa, ward(r)]));
}

/** Wards by code (codes the register does not hold as wards are absent). */
export async function wardsByCode(db: Db, codes: readonly string[]): Promise<Map<string, Ward>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query<WardRow>(
    `SELECT ${WARD_COLUMNS} FROM area w ${WARD_JOIN}
     WHERE w.type = 'ward' AND list_contains($codes, w.code)`,
    { codes: list(codes) },
    { codes: TEXT_LIST },
  );
  return new Map(rows.map((r) => [r.code, ward(r)]));
}

/** The district police.uk records of each LSOA code were placed in (the first one by code). */
export async function districtsOfLsoas(
  db: Db,
  lsoas: readonly string[],
): Promise<Map<string, NamedArea>> {
  if (lsoas.length === 0) return new Map();
  const rows = await db.query<{ lsoa: string; code: string; name: string }>(
    `SELECT c.lsoa_code AS lsoa, min(c.district_code) AS code, arg_min(d.name, c.district_code) AS name
     FROM crime c JOIN area d ON d.code = c.district_code
     WHERE list_contains($codes, c.lsoa_code) GROUP BY c.lsoa_code`,
    { codes: list(lsoas) },
    { codes: TEXT_LIST },
  );
  return new Map(rows.map((r) => [r.lsoa, { code: r.code, name: r.name }]));
}
