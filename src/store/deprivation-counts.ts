/** Street records of an area by the IMD 2019 decile of their LSOA. */
import type { Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from './db.js';
import { checkStreetAccess, streetAreaCondition, type AreaRef } from './street-counts.js';

export interface DecileCount {
  /** 1 = most deprived tenth of LSOAs in England; null: the LSOA has no rank (2021 code, Wales). */
  decile: number | null;
  records: number;
  /** The area's LSOAs (2011) in this decile. */
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
     lsoas AS (SELECT d.decile, count(*) AS n FROM down JOIN deprivation d ON d.lsoa_code = down.code
               WHERE down.type = 'lsoa' GROUP BY d.decile),
     records AS (
       SELECT d.decile, count(*) AS n
       FROM crime c LEFT JOIN deprivation d ON d.lsoa_code = c.lsoa_code
       WHERE ${streetAreaCondition(area.type)} AND c.month BETWEEN $from AND $to
         AND ($category IS NULL
              OR ($category = 'all-crime' AND c.category <> 'anti-social-behaviour')
              OR c.category = $category)
       GROUP BY d.decile)
     SELECT COALESCE(r.decile, l.decile) AS decile, COALESCE(r.n, 0) AS records, COALESCE(l.n, 0) AS lsoas
     FROM records r FULL JOIN lsoas l ON l.decile = r.decile
     ORDER BY 1 NULLS LAST`,
    { area: area.code, from: period.from, to: period.to, category },
  );
}
