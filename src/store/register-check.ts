/**
 * LSOA codes that records carry but the register does not hold: the new 2021 LSOAs the 2011
 * lookup lacks, and codes of districts created after the register's vintage. Each is reported
 * with how its records were placed (by the LSOA name's district, or not at all).
 */
import type { Db } from './db.js';

export interface UnlistedLsoa {
  code: string;
  name: string | null;
  records: number;
  /** The district the LSOA name points to, when the register knows it. */
  district: { code: string; name: string } | null;
}

export async function unlistedLsoaCodes(db: Db): Promise<UnlistedLsoa[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT c.lsoa_code AS code, any_value(c.lsoa_name) AS name, count(*) AS records,
            any_value(c.district_code) AS district_code, any_value(d.name) AS district_name
     FROM (SELECT lsoa_code, lsoa_name, district_code FROM crime WHERE district_match IN ('name', 'unmatched')
           UNION ALL
           SELECT lsoa_code, lsoa_name, district_code FROM outcome WHERE district_match IN ('name', 'unmatched')) c
     LEFT JOIN area d ON d.code = c.district_code
     WHERE c.lsoa_code IS NOT NULL
     GROUP BY c.lsoa_code ORDER BY c.lsoa_code`,
  );
  return rows.map((r) => ({
    code: r.code as string,
    name: (r.name as string | null) ?? null,
    records: r.records as number,
    district: r.district_code
      ? { code: r.district_code as string, name: r.district_name as string }
      : null,
  }));
}
