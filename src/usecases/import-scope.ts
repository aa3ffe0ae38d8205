/**
 * Whose partner data a caller may import. An upload is a read as much as a write: it replaces
 * what the store holds for its districts, and a refused replacement says how many rows are held
 * there. So every district a file's rows fall in must be one the caller's grants show in detail,
 * with the dataset opened there (store/area-access.ts), checked before anything of the store is
 * read back. An analyst granted Three Rivers could upload Watford's hate crime over the store's,
 * and learn Watford's monthly counts from the refusals (a QA sweep of the HTTP API).
 */
import type { Scope } from '../domain/scope.js';
import { ForbiddenError } from '../errors.js';
import { assertAreaAccess, assertDatasetInArea } from '../store/area-access.js';
import type { Db } from '../store/db.js';

export async function assertMayImport(
  db: Db,
  scope: Scope,
  path: string,
  dataset: string,
  districts: readonly string[],
): Promise<void> {
  try {
    for (const district of districts) {
      await assertAreaAccess(db, scope, district, 'detail');
      await assertDatasetInArea(db, scope, dataset, district, 'detail');
    }
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    throw new ForbiddenError(`${path}: ${error.message}; nothing imported from it`);
  }
}
