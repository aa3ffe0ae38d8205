/** Opening the store: the database file, brought up to the current schema, with no records of an interrupted import. */
import { Db, StoreInUseError } from './db.js';
import {
  describeInterruptedRows,
  findInterruptedRows,
  removeInterruptedRows,
} from './integrity.js';
import { migrate, missingMigrations } from './migrate.js';
import { pendingTasks, runPendingTasks, type PendingWork } from './pending-tasks.js';
import { InputError, StorageError } from '../errors.js';

export interface OpenStoreOptions {
  /** Told what was repaired on open (rows an interrupted import left behind), if anything. */
  onRepair?: (note: string) => void;
  /**
   * Open for reading only, beside other readers. A store that first needs work (a schema
   * upgrade, the rows of an interrupted import removed, a migration's pending task) gets it from
   * a writing open first, when no other process holds the store; else the reader is refused with
   * what to do.
   */
  readOnly?: boolean;
  /** Work a migration or an import left that needs code outside the store (placing searches). */
  pendingWork?: PendingWork;
}

export async function openStore(path: string, options: OpenStoreOptions = {}): Promise<Db> {
  if (options.readOnly === true && path !== ':memory:') return openForReading(path, options);
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
  return runPendingTasks(db, options.pendingWork);
}

/** What a store needs done before it can be read, in the reader's words (empty: nothing). */
async function workNeeded(db: Db): Promise<string[]> {
  const needs: string[] = [];
  if ((await missingMigrations(db)).length > 0) needs.push('an upgrade to this version of Lantern');
  if ((await findInterruptedRows(db)).length > 0)
    needs.push('the rows of an interrupted import removed');
  if ((await pendingTasks(db)).size > 0) needs.push('the checks an upgrade left to do');
  return needs;
}

async function openForReading(path: string, options: OpenStoreOptions): Promise<Db> {
  const reader = await Db.open(path, { readOnly: true });
  let needs: string[];
  try {
    needs = await workNeeded(reader);
  } catch (error) {
    reader.close();
    throw error;
  }
  if (needs.length === 0) return reader;
  reader.close();
  // The work needs the store to itself: done now if no other process holds it.
  try {
    (await openStore(path, { ...options, readOnly: false })).close();
  } catch (error) {
    if (!(error instanceof StoreInUseError)) {
      if (error instanceof InputError || !/permission denied|read-only/iu.test(String(error)))
        throw error;
      // A file this user may read but not write (QA: an IO error, exit 2, said nothing of why).
      throw new StorageError(
        `${path}: the store needs ${needs.join(' and ')} before this version of Lantern can read ` +
          `it, which writes to the file, and the file cannot be written here (${(error as Error).message}). ` +
          'Open it once as a user who may write it, or with the version that made it.',
      );
    }
    throw new InputError(
      `${path}: the store needs ${needs.join(' and ')} before it can be read, and another ` +
        'Lantern process is using it. Run this again when the other commands have finished ' +
        '(the first command to find the store free does the work).',
    );
  }
  return Db.open(path, { readOnly: true });
}
