/**
 * The tables a store holds (its main schema), for code that must work on a store some migration
 * has not yet reached: a store opened for reading before its upgrade, or before its first one.
 */
import type { Db } from './db.js';

export async function storeTables(db: Db): Promise<Set<string>> {
  const rows = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables()
     WHERE database_name = current_database() AND schema_name = 'main'`,
  );
  return new Set(rows.map((r) => r.name));
}
