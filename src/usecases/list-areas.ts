/** `lantern areas`: the area register with populations and record counts, and what is missing from it. */
import type { AreaType } from '../domain/area.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from '../store/db.js';
import { findArea, listAreas, type ListedArea } from '../store/areas.js';
import { unlistedLsoaCodes, type UnlistedLsoa } from '../store/register-check.js';

export interface AreaListing {
  type: AreaType;
  within: { code: string; name: string } | null;
  areas: ListedArea[];
}

export async function areaListing(
  db: Db,
  scope: Scope,
  request: { type: AreaType; within?: string; all: boolean },
): Promise<AreaListing> {
  const inside = request.within ? await findArea(db, request.within) : null;
  const areas = await listAreas(db, scope, {
    type: request.type,
    within: inside?.code,
    all: request.all,
  });
  return {
    type: request.type,
    within: inside ? { code: inside.code, name: inside.name } : null,
    areas,
  };
}

export interface RegisterCheck {
  unlistedLsoas: UnlistedLsoa[];
  placedByName: number;
  notPlaced: number;
}

/** LSOA codes in the records that the register does not hold, and how their records were placed. */
export async function registerCheck(db: Db): Promise<RegisterCheck> {
  const unlisted = await unlistedLsoaCodes(db);
  return {
    unlistedLsoas: unlisted,
    placedByName: unlisted.filter((u) => u.district !== null).length,
    notPlaced: unlisted.filter((u) => u.district === null).length,
  };
}
