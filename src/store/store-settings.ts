/** Named facts about the store itself (migration 010). */
import { list, type Db } from './db.js';

export async function storeSetting(db: Db, name: string): Promise<string | null> {
  const [row] = await db.query<{ value: string }>(
    'SELECT value FROM store_setting WHERE name = $name',
    { name },
  );
  return row?.value ?? null;
}

export async function setStoreSetting(db: Db, name: string, value: string): Promise<void> {
  await db.run(
    `INSERT INTO store_setting VALUES ($name, $value, now())
     ON CONFLICT (name) DO UPDATE SET value = excluded.value, set_at = excluded.set_at`,
    { name, value },
  );
}

/** Whether the store holds partner data of datasets whose references are hashed. */
export async function holdsHashedReferences(db: Db, datasets: readonly string[]): Promise<boolean> {
  if (datasets.length === 0) return false;
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*) AS n FROM partner_batch WHERE list_contains($datasets, dataset)',
    { datasets: list(datasets) },
  );
  return (row?.n ?? 0) > 0;
}
