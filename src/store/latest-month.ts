/** The latest month the store holds any police.uk file for (what "the last 12 months" ends with). */
import type { Month } from '../domain/month.js';
import type { Db } from './db.js';

export async function latestMonthHeld(db: Db): Promise<Month | null> {
  const [row] = await db.query<{ month: Month | null }>(
    'SELECT max(month) AS month FROM batch_month WHERE replaced_by IS NULL',
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
