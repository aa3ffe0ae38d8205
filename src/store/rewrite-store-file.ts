/**
 * Rewriting a store's file so that what was deleted from it is gone from the disk too. DuckDB
 * frees the blocks of deleted rows and dropped tables but does not overwrite them: their bytes
 * stay in the file until reused (the values migration 009 takes out of rejected partner rows
 * could still be read from the file after it). `COPY FROM DATABASE` writes only what the tables
 * hold now into a new file beside the store, which then takes the store's place.
 *
 * Asked for by a `rewrite-file` row of `store_pending_task` (see `pending-tasks.ts`), left out of
 * the copy. The copy is made while this process holds the store (no other can open it
 * meanwhile); the new file replaces it by a rename.
 */
import { rename, rm } from 'node:fs/promises';

import { Db, quoteLiteral } from './db.js';

const ALIAS = 'lantern_rewrite';

/**
 * Copies the store into a new file, puts it in the store's place and returns it opened. The
 * store must have no uncommitted work. `db` is closed in every case; on a failure before the
 * rename the store is as it was (and the rewrite still asked for).
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
      await db.run(`DELETE FROM ${ALIAS}.main.store_pending_task WHERE task = 'rewrite-file'`);
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
  try {
    await rename(fresh, path);
  } catch (error) {
    await rm(fresh, { force: true });
    throw error;
  }
  return Db.open(path);
}
