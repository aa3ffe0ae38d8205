/** Street records of an area by LSOA (2011), every LSOA of the area listed, none left out for having no records. */
import type { Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from './db.js';
import { checkStreetAccess, streetAreaCondition, type AreaRef } from './street-counts.js';

export interface LsoaCount {
  code: string;
  name: string;
  records: number;
}

export async function countsByLsoa(
  db: Db,
  scope: Scope,
  area: AreaRef,
  period: Period,
  category: string,
): Promise<LsoaCount[]> {
  await checkStreetAccess(db, scope, area);
  return db.query<LsoaCount & Record<string, unknown>>(
    `WITH RECURSIVE down(code, name, type) AS (
       SELECT code, name, type FROM area WHERE code = $area
       UNION ALL SELECT a.code, a.name, a.type FROM area a JOIN down ON a.parent = down.code
       WHERE down.type <> 'lsoa'),
     records AS (
       SELECT c.lsoa_code AS code, count(*) AS n FROM crime c
       WHERE ${streetAreaCondition(area.type)} AND c.month BETWEEN $from AND $to
         AND (($category = 'all-crime' AND c.category <> 'anti-social-behaviour')
              OR c.category = $category)
       GROUP BY c.lsoa_code)
     SELECT d.code, d.name, COALESCE(r.n, 0) AS records
     FROM down d LEFT JOIN records r ON r.code = d.code
     WHERE d.type = 'lsoa' ORDER BY d.code`,
    { area: area.code, from: period.from, to: period.to, category },
  );
}
