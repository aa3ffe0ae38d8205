/**
 * Rewriting a store's file so that what was deleted from it is gone from the disk too. DuckDB
 * frees the blocks of deleted rows and dropped tables but does not overwrite them: their bytes
 * stay in the file until reused (the values migration 009 takes out of rejected partner rows
 * could still be read from the file after it). `COPY FROM DATABASE` writes only what the tables
 * hold now into a new file beside the store, which then takes the store's place.
 *
 * A migration that deletes personal data asks for a rewrite by leaving a row in
 * `store_rewrite_pending`, in its own transaction: the store is rewritten on that open, or on the
 * next one if the process stops first. The copy is made while this process holds the store (no
 * other can open it meanwhile); the new file replaces it by a rename.
 */
import { rename, rm } from 'node:fs/promises';

import { Db, quoteLiteral } from './db.js';

const PENDING = 'store_rewrite_pending';
const ALIAS = 'lantern_rewrite';

/** Whether a migration asked for the store's file to be rewritten. */
export async function rewritePending(db: Db): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database()
       AND schema_name = 'main' AND table_name = '${PENDING}'`,
  );
  if ((row?.n ?? 0) === 0) return false;
  const [pending] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${PENDING}`);
  return (pending?.n ?? 0) > 0;
}

/**
 * Copies the store into a new file, puts it in the store's place and returns it opened. The
 * store must have no uncommitted work. `db` is closed in every case; on a failure before the
 * rename the store is as it was (the rewrite is asked for again on the next open).
 */
export async function rewriteStoreFile(db: Db): Promise<Db> {
  const path = db.path;
  const fresh = `${path}.rewrite`;
  try {
    await rm(fresh, { force: true });
    await rm(`${fresh}.wal`, { force: true });
    const [{ name }] = (await db.query<{ name: string }>('SELECT current_database() AS name')) as [
      { name: string },
    ];
    await db.run(`ATTACH ${quoteLiteral(fresh)} AS ${ALIAS}`);
    try {
      await db.run(`COPY FROM DATABASE "${name.replaceAll('"', '""')}" TO ${ALIAS}`);
      await db.run(`DROP TABLE ${ALIAS}.main.${PENDING}`);
      await db.run(`CHECKPOINT ${ALIAS}`);
    } finally {
      await db.run(`DETACH ${ALIAS}`);
    }
  } catch (error) {
    db.close();
    await rm(fresh, { force: true });
    throw error;
  }
  db.close();
  await rename(fresh, path);
  return Db.open(path);
}
