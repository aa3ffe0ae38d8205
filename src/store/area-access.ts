/**
 * The level at which a scope shows an area held in the register: detail, aggregate, or null when
 * it does not show it at all (domain/scope.ts areaLevel over the area and the areas above it).
 */
import type { GrantLevel } from '../domain/access.js';
import { areaLevel, mayReadDatasetIn, type Scope } from '../domain/scope.js';
import { ForbiddenError } from '../errors.js';
import { ancestorsOf } from './areas.js';
import type { Db } from './db.js';

export async function areaAccessLevel(
  db: Db,
  scope: Scope,
  code: string,
): Promise<GrantLevel | null> {
  if (scope.areas === 'all') return 'detail';
  return areaLevel(scope, await ancestorsOf(db, code));
}

/**
 * Refuses (ForbiddenError) a read of the dataset in the area unless a grant that opened the dataset
 * covers the area (domain/scope.ts mayReadDatasetIn). A scope without `datasetAreas` (FULL_SCOPE)
 * is not looked up at all.
 */
export async function assertDatasetInArea(
  db: Db,
  scope: Scope,
  dataset: string,
  code: string,
): Promise<void> {
  if (scope.datasetAreas === undefined) return;
  if (!mayReadDatasetIn(scope, dataset, await ancestorsOf(db, code))) {
    throw new ForbiddenError(`your access does not cover the ${dataset} dataset in area ${code}`);
  }
}
