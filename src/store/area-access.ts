/**
 * The level at which a scope shows an area held in the register: detail, aggregate, or null when
 * it does not show it at all (domain/scope.ts areaLevel over the area and the areas above it).
 */
import type { GrantLevel } from '../domain/access.js';
import { areaLevel, type Scope } from '../domain/scope.js';
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
