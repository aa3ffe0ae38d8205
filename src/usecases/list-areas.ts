/** `lantern areas`: the area register with populations and record counts, and what is missing from it. */
import type { AreaType } from '../domain/area.js';
import type { Month } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { areasSeenInDetail } from '../store/area-access.js';
import type { Db } from '../store/db.js';
import {
  findArea,
  listAreas,
  listTotalsOnlyAreas,
  type ListedArea,
  type TotalsOnlyArea,
} from '../store/areas.js';
import { unlistedLsoaCodes, type UnlistedLsoa } from '../store/register-check.js';
import { observedStreetMonthsByArea } from '../store/street-counts.js';

export interface AreaListing {
  type: AreaType;
  within: { code: string; name: string } | null;
  /**
   * Forces only: `monthsHeld`, the months of street data held for each (in order), so that a
   * reader can be told which months are held and which are missing.
   */
  areas: (ListedArea & { monthsHeld?: Month[] })[];
  /**
   * The areas the caller sees as totals only (an aggregate grant: districts, CSPs and forces),
   * without record counts; absent when there are none.
   */
  totalsOnly?: TotalsOnlyArea[];
}

export async function areaListing(
  db: Db,
  scope: Scope,
  request: { type: AreaType; within?: string; all: boolean },
): Promise<AreaListing> {
  const inside = request.within ? await findArea(db, request.within) : null;
  const options = { type: request.type, within: inside?.code, all: request.all };
  const areas = await listAreas(db, scope, options);
  const totalsOnly = await listTotalsOnlyAreas(db, scope, options);
  // A force's months held: of the forces with records (the whole register lists others too).
  const withRecords = areas.filter((a) => a.crime + a.asb > 0);
  const held =
    request.type === 'force' && withRecords.length > 0
      ? await observedStreetMonthsByArea(db, scope, withRecords)
      : null;
  return {
    type: request.type,
    within: inside ? { code: inside.code, name: inside.name } : null,
    areas: held
      ? areas.map((a) => ({ ...a, monthsHeld: [...(held.get(a.code) ?? [])].sort() }))
      : areas,
    ...(totalsOnly.length > 0 ? { totalsOnly } : {}),
  };
}

export interface RegisterCheck {
  unlistedLsoas: UnlistedLsoa[];
  placedByName: number;
  notPlaced: number;
  /**
   * LSOA codes left out because the caller does not see their district in detail (their records
   * are a breakdown below a district), or because they were placed in no district (only a caller
   * who sees every area is shown those); absent when none is left out.
   */
  outsideAccess?: number;
}

/**
 * LSOA codes in the records that the register does not hold, and how their records were placed:
 * those of the districts the caller sees in detail.
 */
export async function registerCheck(db: Db, scope: Scope): Promise<RegisterCheck> {
  const every = await unlistedLsoaCodes(db);
  let unlisted = every;
  if (scope.areas !== 'all') {
    const seen = await areasSeenInDetail(
      db,
      scope,
      every.flatMap((u) => (u.district ? [u.district.code] : [])),
    );
    unlisted = every.filter((u) => u.district !== null && seen.has(u.district.code));
  }
  return {
    unlistedLsoas: unlisted,
    placedByName: unlisted.filter((u) => u.district !== null).length,
    notPlaced: unlisted.filter((u) => u.district === null).length,
    ...(unlisted.length < every.length ? { outsideAccess: every.length - unlisted.length } : {}),
  };
}
