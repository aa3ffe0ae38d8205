/**
 * A store's fingerprint: for every table, its row count and a hash of all its rows (order does
 * not matter, repeats do). Two equal fingerprints mean no table gained, lost or changed a row:
 * what a refused import must leave behind. The audit log is left out: a refused import is
 * recorded there by design (test/audit-uses.test.ts).
 */
import type { Db } from '../../src/store/db.js';
import { openStore } from '../../src/store/open-store.js';

export type Fingerprint = Record<string, { rows: number; hash: string }>;

export async function storeFingerprint(db: Db): Promise<Fingerprint> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables()
     WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
       AND table_name <> 'audit_log'
     ORDER BY table_name`,
  );
  if (tables.length === 0) return {};
  // One query for all the tables: DuckDB reads them side by side (a query each took twice as long).
  const rows = await db.query<{ name: string; rows: number; hash: string }>(
    tables
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, CAST(count(*) AS INTEGER) AS rows,
             CAST(coalesce(sum(CAST(hash(t) AS HUGEINT)), 0) AS VARCHAR) AS hash
           FROM "${name}" t`,
      )
      .join('\nUNION ALL\n'),
  );
  const out: Fingerprint = {};
  for (const { name, rows: count, hash } of rows) out[name] = { rows: count, hash };
  return out;
}

/** The fingerprint of the store file at `path`, opened for reading and closed again. */
export async function storeFileFingerprint(path: string): Promise<Fingerprint> {
  const store = await openStore(path, { readOnly: true });
  try {
    return await storeFingerprint(store);
  } finally {
    store.close();
  }
}
