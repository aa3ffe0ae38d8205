/** The built-in peer groups: the districts of each police force area, from the register. */
import type { Db } from './db.js';

export interface ForceDistricts {
  /** police.uk force id, when the force publishes there. */
  forceId: string | null;
  forceCode: string;
  forceName: string;
  districts: { code: string; name: string }[];
  /** True when the store holds data of this force. */
  held: boolean;
}

export async function districtsByForce(db: Db): Promise<ForceDistricts[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT f.code AS force_code, f.name AS force_name, pf.id AS force_id,
            list({'code': d.code, 'name': d.name} ORDER BY d.name) AS districts,
            pf.id IN (SELECT force FROM batch_month WHERE replaced_by IS NULL) AS held
     FROM area f
     JOIN area c ON c.parent = f.code AND c.type = 'csp'
     JOIN area d ON d.parent = c.code AND d.type = 'district'
     LEFT JOIN police_force pf ON pf.pfa_code = f.code
     WHERE f.type = 'force'
     GROUP BY ALL ORDER BY f.name`,
  );
  return rows.map((r) => ({
    forceId: (r.force_id as string | null) ?? null,
    forceCode: r.force_code as string,
    forceName: r.force_name as string,
    districts: r.districts as { code: string; name: string }[],
    held: r.held === true,
  }));
}
