/** Opening the store: the database file, brought up to the current schema, with no records of an interrupted import. */
import { Db } from './db.js';
import { describeInterruptedRows, removeInterruptedRows } from './integrity.js';
import { migrate } from './migrate.js';
import { runPendingTasks } from './pending-tasks.js';

export interface OpenStoreOptions {
  /** Told what was repaired on open (rows an interrupted import left behind), if anything. */
  onRepair?: (note: string) => void;
}

export async function openStore(path: string, options: OpenStoreOptions = {}): Promise<Db> {
  const db = await Db.open(path);
  try {
    // A new or upgraded store is written to its file at once (the area register alone is tens
    // of MB), so that the first command's own checkpoint does not pay for it.
    if ((await migrate(db)).length > 0) await db.checkpoint();
    // Before anything reads or imports: rows of an import that never committed would be counted
    // by reads, and adopted by the next import's batch (src/store/integrity.ts).
    const removed = await removeInterruptedRows(db);
    if (removed !== null) options.onRepair?.(describeInterruptedRows(path, removed));
  } catch (error) {
    db.close();
    throw error;
  }
  // What a migration left to do: checks of stored text, a rewrite of the file.
  return runPendingTasks(db);
}
