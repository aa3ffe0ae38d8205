/**
 * Police.uk street records as the trends engine's input (domain/area-counts.ts): for any number of
 * areas, their counts by category and month over every month held, the months held, and their
 * populations, in a handful of queries (one aggregation scan for districts). Each area's are read
 * once per command: an area asked for again in the same `reads` (the force beside a district, then
 * the force as the county) is not read again.
 */
import type { AreaCounts, AreaSummary } from '../domain/area-counts.js';
import type { Month } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from '../store/db.js';
import { chainsFrom, upperAreas } from '../store/areas.js';
import {
  checkStreetAccess,
  currentStreetBatches,
  monthsHeldFrom,
  observedStreetMonthsByArea,
  streetCountsByArea,
  type AreaRef,
} from '../store/street-counts.js';
import { allSettled, CommandReads, scopeKey } from './command-reads.js';
import { populationsOnce } from './place-reads.js';

export async function streetAreaCounts(
  db: Db,
  scope: Scope,
  areas: readonly AreaSummary[],
  reads: CommandReads = new CommandReads(),
): Promise<AreaCounts[]> {
  const key = (a: AreaSummary) => `street-counts:${scopeKey(scope)}:${a.code}`;
  const missing = areas.filter(
    (a, i) => !reads.has(key(a)) && areas.findIndex((b) => b.code === a.code) === i,
  );
  if (missing.length > 0) {
    const read = readStreetAreaCounts(db, scope, missing, reads);
    missing.forEach((a, i) =>
      reads.remember(
        key(a),
        read.then((all) => all[i]!),
      ),
    );
  }
  return Promise.all(
    areas.map((a) =>
      reads.once<AreaCounts>(key(a), () =>
        readStreetAreaCounts(db, scope, [a], reads).then(([c]) => c!),
      ),
    ),
  );
}

async function readStreetAreaCounts(
  db: Db,
  scope: Scope,
  areas: readonly AreaSummary[],
  reads: CommandReads,
): Promise<AreaCounts[]> {
  const observed = await heldStreetMonthsByArea(db, scope, areas, reads);
  const rows = await streetCountsByArea(db, scope, areas);
  const populations = await populationsOnce(
    db,
    areas.map((a) => a.code),
    reads,
  );
  const counts = new Map<string, Map<string, Map<Month, number>>>(
    areas.map((a) => [a.code, new Map()]),
  );
  for (const r of rows) {
    const byCategory = counts.get(r.area);
    if (!byCategory) continue;
    let byMonth = byCategory.get(r.category);
    if (!byMonth) byCategory.set(r.category, (byMonth = new Map()));
    byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.count);
  }
  return areas.map((area) => ({
    area: { code: area.code, name: area.name, type: area.type },
    observed: observed.get(area.code) ?? [],
    counts: counts.get(area.code) ?? new Map(),
    populations: populations.get(area.code) ?? [],
  }));
}

/** The months of street data held for an area (store/street-counts.ts), read once per command. */
export async function heldStreetMonths(
  db: Db,
  scope: Scope,
  area: AreaRef,
  reads: CommandReads = new CommandReads(),
): Promise<Month[]> {
  return (await heldStreetMonthsByArea(db, scope, [area], reads)).get(area.code) ?? [];
}

/**
 * The months of street data held for each area, each worked out once per command. For areas of
 * district level and above, the register's upper areas and the current files' months are read
 * once per command and serve every area (a district, then its force beside it); a ward or LSOA is
 * looked up in the register on its own.
 */
export async function heldStreetMonthsByArea(
  db: Db,
  scope: Scope,
  areas: readonly AreaRef[],
  reads: CommandReads = new CommandReads(),
): Promise<Map<string, Month[]>> {
  const key = (a: AreaRef) => `street-months:${scopeKey(scope)}:${a.code}`;
  const months = await allSettled(
    areas.map((a) =>
      reads.once(key(a), async () => {
        if (a.type === 'ward' || a.type === 'lsoa')
          return (await observedStreetMonthsByArea(db, scope, [a])).get(a.code) ?? [];
        await checkStreetAccess(db, scope, a, 'totals');
        const upper = await reads.once('upper-areas', () => upperAreas(db));
        const batches = await reads.once('street-batches', () => currentStreetBatches(db));
        return monthsHeldFrom([a], chainsFrom(upper, [a.code]), batches).get(a.code) ?? [];
      }),
    ),
  );
  return new Map(areas.map((a, i) => [a.code, months[i]!]));
}
