/**
 * `lantern check`: the store's invariants (src/store/integrity.ts), and with `repair` the removal
 * of what cannot be trusted, naming the files to import again.
 */
import type { Db } from '../store/db.js';
import { checkStore, repairStore, type StoreCheck, type StoreRepair } from '../store/integrity.js';

export interface CheckStoreResult {
  check: StoreCheck;
  /** Present when a repair was asked for and there was something to repair. */
  repair: StoreRepair | null;
  /** The check after the repair: what is left (nothing, unless the store is badly damaged). */
  after: StoreCheck | null;
}

export async function checkTheStore(
  db: Db,
  request: { repair: boolean },
): Promise<CheckStoreResult> {
  const check = await checkStore(db);
  if (!request.repair || check.problems.length === 0) return { check, repair: null, after: null };
  const repair = await repairStore(db, check);
  return { check, repair, after: await checkStore(db) };
}
