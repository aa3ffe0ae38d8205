/** Grants (migration 013): what a user or an organisation may see. See src/domain/access.ts. */
import { sameOrganisation, type Grant, type GrantLevel } from '../domain/access.js';
import type { Db } from './db.js';

export async function insertGrant(db: Db, g: Grant, at: Date): Promise<void> {
  await db.run(
    `INSERT INTO access_grant VALUES ($id, $user, $organisation, $area, $level, $dataset,
       $sensitivity, $at::TIMESTAMPTZ)`,
    {
      id: g.id,
      user: g.user,
      organisation: g.organisation,
      area: g.area,
      level: g.level,
      dataset: g.dataset,
      sensitivity: g.sensitivity,
      at: at.toISOString(),
    },
  );
}

function toGrant(r: Record<string, unknown>): Grant {
  return {
    id: r.id as string,
    user: (r.user_name as string | null) ?? null,
    organisation: (r.organisation as string | null) ?? null,
    area: r.area_code as string,
    level: r.level as GrantLevel,
    dataset: (r.dataset as string | null) ?? null,
    sensitivity: (r.sensitivity as Grant['sensitivity']) ?? null,
  };
}

const COLUMNS = 'id, user_name, organisation, area_code, level, dataset, sensitivity';

/**
 * Every grant, or those given to one user by name and to their organisation (its name matched as
 * domain/access.ts's grantsOf matches it: case and spacing ignored).
 */
export async function listGrants(
  db: Db,
  to?: { user: string; organisation: string | null },
): Promise<Grant[]> {
  const rows = to
    ? await db.query(
        `SELECT ${COLUMNS} FROM access_grant
         WHERE user_name = $user OR organisation IS NOT NULL
         ORDER BY created_at, rowid`,
        { user: to.user },
      )
    : await db.query(`SELECT ${COLUMNS} FROM access_grant ORDER BY created_at, rowid`);
  const grants = rows.map(toGrant);
  return to
    ? grants.filter((g) => g.user === to.user || sameOrganisation(g.organisation, to.organisation))
    : grants;
}

export async function grantById(db: Db, id: string): Promise<Grant | null> {
  const rows = await db.query(`SELECT ${COLUMNS} FROM access_grant WHERE id = $id`, { id });
  return rows[0] ? toGrant(rows[0]) : null;
}

export async function deleteGrant(db: Db, id: string): Promise<void> {
  await db.run('DELETE FROM access_grant WHERE id = $id', { id });
}
