/** Opening the store: the database file, brought up to the current schema. */
import { Db } from './db.js';
import { migrate } from './migrate.js';
import { runPendingTasks } from './pending-tasks.js';

export async function openStore(path: string): Promise<Db> {
  const db = await Db.open(path);
  try {
    // A new or upgraded store is written to its file at once (the area register alone is tens
    // of MB), so that the first command's own checkpoint does not pay for it.
    if ((await migrate(db)).length > 0) await db.checkpoint();
  } catch (error) {
    db.close();
    throw error;
  }
  // What a migration left to do: checks of stored text, a rewrite of the file.
  return runPendingTasks(db);
}
