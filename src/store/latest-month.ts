/** The latest month the store holds any police.uk file for (what "the last 12 months" ends with). */
import type { Month } from '../domain/month.js';
import type { Db } from './db.js';

export async function latestMonthHeld(db: Db): Promise<Month | null> {
  const [row] = await db.query<{ month: Month | null }>(
    'SELECT max(month) AS month FROM batch_month WHERE replaced_by IS NULL',
  );
  return row?.month ?? null;
}

/**
 * The latest month the store holds a police.uk file of `kind` for, of the force whose area (ONS
 * code, E23…/W15…) is given: what "the last 12 months" of an area of that force end with, where the
 * store holds other forces' months too.
 */
export async function latestMonthHeldOfForce(
  db: Db,
  forceCode: string,
  kind: 'street' | 'stop-and-search' = 'street',
): Promise<Month | null> {
  const [row] = await db.query<{ month: Month | null }>(
    `SELECT max(b.month) AS month FROM batch_month b JOIN police_force f ON f.id = b.force
     WHERE b.replaced_by IS NULL AND b.kind = $kind AND f.pfa_code = $forceCode`,
    { kind, forceCode },
  );
  return row?.month ?? null;
}

/** The first and latest months the store holds any police.uk file for; null when it holds none. */
export async function heldMonthRange(db: Db): Promise<{ first: Month; last: Month } | null> {
  const [row] = await db.query<{ first: Month | null; last: Month | null }>(
    'SELECT min(month) AS first, max(month) AS last FROM batch_month WHERE replaced_by IS NULL',
  );
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}
