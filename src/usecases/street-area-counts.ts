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
import { populationsOf } from '../store/populations.js';
import {
  observedStreetMonths,
  observedStreetMonthsByArea,
  streetCountsByArea,
  type AreaRef,
} from '../store/street-counts.js';
import { CommandReads, scopeKey } from './command-reads.js';

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
    const read = readStreetAreaCounts(db, scope, missing);
    missing.forEach((a, i) =>
      reads.remember(
        key(a),
        read.then((all) => all[i]!),
      ),
    );
  }
  return Promise.all(
    areas.map((a) =>
      reads.once<AreaCounts>(key(a), () => readStreetAreaCounts(db, scope, [a]).then(([c]) => c!)),
    ),
  );
}

async function readStreetAreaCounts(
  db: Db,
  scope: Scope,
  areas: readonly AreaSummary[],
): Promise<AreaCounts[]> {
  const observed = await observedStreetMonthsByArea(db, scope, areas);
  const rows = await streetCountsByArea(db, scope, areas);
  const populations = await populationsOf(
    db,
    areas.map((a) => a.code),
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
export function heldStreetMonths(
  db: Db,
  scope: Scope,
  area: AreaRef,
  reads: CommandReads = new CommandReads(),
): Promise<Month[]> {
  return reads.once(`street-months:${scopeKey(scope)}:${area.code}`, () =>
    observedStreetMonths(db, scope, area),
  );
}
