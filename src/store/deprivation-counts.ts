/** Street records of an area by the IMD 2019 decile of their LSOA. */
import type { Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from './db.js';
import { checkStreetAccess, streetAreaCondition, type AreaRef } from './street-counts.js';

export interface DecileCount {
  /** 1 = most deprived tenth of LSOAs in England; null: the LSOA has no IMD 2019 rank. */
  decile: number | null;
  /**
   * Unranked records and LSOAs in Wales (W01 codes): the IMD 2019 ranks England's LSOAs only, so
   * these are unranked for that reason and counted apart from the other unranked (new 2021
   * codes, no location). Always false for a ranked decile.
   */
  wales: boolean;
  records: number;
  /**
   * Of `records`, those with an LSOA code: for the unranked row, the records in LSOAs the IMD 2019
   * does not rank (new 2021 codes), the rest having no location.
   */
  withLsoa: number;
  /** The area's LSOAs (2011) in this decile (or in Wales). */
  lsoas: number;
}

export async function countsByDeprivationDecile(
  db: Db,
  scope: Scope,
  area: AreaRef,
  period: Period,
  category: string | null,
): Promise<DecileCount[]> {
  await checkStreetAccess(db, scope, area);
  // LSOAs: those of the area in the register (2011), whether or not they have records.
  return db.query<DecileCount & Record<string, unknown>>(
    `WITH RECURSIVE down(code, type) AS (
       SELECT code, type FROM area WHERE code = $area
       UNION ALL SELECT a.code, a.type FROM area a JOIN down ON a.parent = down.code WHERE down.type <> 'lsoa'),
     lsoas AS (SELECT d.decile, d.decile IS NULL AS wales, count(*) AS n
               FROM down LEFT JOIN deprivation d ON d.lsoa_code = down.code
               WHERE down.type = 'lsoa' AND (d.decile IS NOT NULL OR down.code LIKE 'W01%')
               GROUP BY ALL),
     records AS (
       SELECT d.decile, d.decile IS NULL AND coalesce(c.lsoa_code LIKE 'W01%', false) AS wales,
              count(*) AS n, count(c.lsoa_code) AS coded
       FROM crime c LEFT JOIN deprivation d ON d.lsoa_code = c.lsoa_code
       WHERE ${streetAreaCondition(area.type)} AND c.month BETWEEN $from AND $to
         AND ($category IS NULL
              OR ($category = 'all-crime' AND c.category <> 'anti-social-behaviour')
              OR c.category = $category)
       GROUP BY ALL)
     SELECT COALESCE(r.decile, l.decile) AS decile, COALESCE(r.wales, l.wales) AS wales,
            COALESCE(r.n, 0) AS records, COALESCE(r.coded, 0) AS withLsoa, COALESCE(l.n, 0) AS lsoas
     FROM records r FULL JOIN lsoas l ON l.decile IS NOT DISTINCT FROM r.decile AND l.wales = r.wales
     ORDER BY 1 NULLS LAST, 2`,
    { area: area.code, from: period.from, to: period.to, category },
  );
}
