/**
 * Work a migration leaves for the next open, when it cannot be done in SQL or inside the
 * migration's transaction: rows of `store_pending_task` (created by migration 009). Each task
 * removes its own row when done, so a process stopped half-way does it again on the next open.
 *
 * - `recheck-partner-text`: partner text kept by earlier versions checked again with today's
 *   personal-data detector (`partner-text-recheck.ts`);
 * - `rewrite-file`: the store's file rewritten, so that deleted values do not stay readable in
 *   its free blocks (`rewrite-store-file.ts`);
 * - `place-stop-searches`: searches placed in districts by their points (migration 014, and
 *   each import of stop-and-search until it has placed its rows). The geometry is not the
 *   store's: the opener gives the work (`PendingWork.placeSearches`); without it the task waits.
 */
import type { Db } from './db.js';
import { storeTables } from './store-tables.js';
import { recheckPartnerText } from './partner-text-recheck.js';
import { rewriteStoreFile } from './rewrite-store-file.js';

export type PendingTask = 'recheck-partner-text' | 'rewrite-file' | 'place-stop-searches';

/** Pending work done by code outside the store, given by whoever opens it. */
export interface PendingWork {
  /** Places the searches not yet placed and removes the `place-stop-searches` task. */
  placeSearches?: (db: Db) => Promise<unknown>;
}

export async function pendingTasks(db: Db): Promise<Set<PendingTask>> {
  if (!(await storeTables(db)).has('store_pending_task')) return new Set();
  const rows = await db.query<{ task: PendingTask }>(
    'SELECT DISTINCT task FROM store_pending_task',
  );
  return new Set(rows.map((r) => r.task));
}

/** Does the pending tasks; returns the store open (a new handle if its file was rewritten). */
export async function runPendingTasks(db: Db, work: PendingWork = {}): Promise<Db> {
  try {
    // Read once: almost every open finds none (each task clears itself when done).
    const pending = await pendingTasks(db);
    if (pending.size === 0) return db;
    if (pending.has('recheck-partner-text')) await recheckPartnerText(db);
    if (work.placeSearches && (await pendingTasks(db)).has('place-stop-searches'))
      await work.placeSearches(db);
    if (!(await pendingTasks(db)).has('rewrite-file')) return db;
  } catch (error) {
    db.close();
    throw error;
  }
  return rewriteStoreFile(db);
}
