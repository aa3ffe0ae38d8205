/** Opening the store: the database file, brought up to the current schema. */
import { Db } from './db.js';
import { migrate } from './migrate.js';
import { rewritePending, rewriteStoreFile } from './rewrite-store-file.js';

export async function openStore(path: string): Promise<Db> {
  const db = await Db.open(path);
  try {
    // A new or upgraded store is written to its file at once (the area register alone is tens
    // of MB), so that the first command's own checkpoint does not pay for it.
    if ((await migrate(db)).length > 0) await db.checkpoint();
    if (!(await rewritePending(db))) return db;
  } catch (error) {
    db.close();
    throw error;
  }
  // A migration that deleted personal data has the file rewritten, so that the deleted values
  // do not stay readable in its free blocks.
  return rewriteStoreFile(db);
}
