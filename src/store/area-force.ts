/** The police force covering an area, and the districts inside an area. */
import type { Db } from './db.js';

export interface AreaForce {
  /** police.uk force id, e.g. "hertfordshire". */
  id: string;
  /** The name its files use, e.g. "Hertfordshire Constabulary". */
  name: string;
  /** ONS Police Force Area code. */
  areaCode: string;
}

export async function forceCovering(db: Db, areaCode: string): Promise<AreaForce | null> {
  const rows = await db.query<{ id: string; name: string; code: string }>(
    `WITH RECURSIVE up(code, type) AS (
       SELECT code, type FROM area WHERE code = $area
       UNION ALL SELECT a.code, a.type FROM up JOIN area p ON p.code = up.code JOIN area a ON a.code = p.parent)
     SELECT f.id, f.name, up.code FROM up JOIN police_force f ON f.pfa_code = up.code WHERE up.type = 'force'`,
    { area: areaCode },
  );
  const r = rows[0];
  return r ? { id: r.id, name: r.name, areaCode: r.code } : null;
}

export async function districtsWithin(db: Db, areaCode: string): Promise<Set<string>> {
  const rows = await db.query<{ code: string }>(
    `WITH RECURSIVE down(code, type) AS (
       SELECT code, type FROM area WHERE code = $area
       UNION ALL SELECT a.code, a.type FROM area a JOIN down ON a.parent = down.code WHERE down.type <> 'district')
     SELECT code FROM down WHERE type = 'district'`,
    { area: areaCode },
  );
  return new Set(rows.map((r) => r.code));
}
