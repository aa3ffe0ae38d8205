/**
 * Disclosure control of a partner dataset's counts across the areas of a force
 * (force-family-disclosure.ts): what every caller gets of a restricted dataset (prevent,
 * domestic-abuse: its counts from 1 to 4 are shown to no one, issue 20 item 4), and a caller who
 * sees an area as totals only gets of any partner dataset. Partner data are held by district, and
 * a force or partnership is the sum of its districts over the months held for all of them
 * (partner-area-counts.ts): without this, the force's month less the other districts' gave a
 * district's month back (Watford's domestic abuse in January 2024, 3, from the force's 185 less
 * the other districts' 20s and Three Rivers').
 *
 * A restricted dataset's counts are known exactly to no one, so no area is taken as known; a
 * partner dataset's are known in the areas whose detail grants open the dataset.
 */
import { measureSeries, type AreaSummary } from '../domain/area-counts.js';
import type { DatasetDefinition } from '../domain/datasets.js';
import type { CellStatus, DisclosurePolicy } from '../domain/disclosure/table.js';
import type { Month } from '../domain/month.js';
import { areaLevel, forTotals, FULL_SCOPE, mayReadDatasetIn, type Scope } from '../domain/scope.js';
import type { Db } from '../store/db.js';
import { CommandReads } from './command-reads.js';
import {
  familyMembers,
  familyOf,
  familyStatuses,
  type FamilyCounts,
} from './force-family-disclosure.js';
import {
  datasetMeasures,
  partnerAreaCounts,
  prefetchPartnerAreaCounts,
} from './partner-area-counts.js';

/**
 * The status of each area's cells of the dataset (`category:month`, its total as `total:month`)
 * for the months asked, protected together with the other areas of the force the caller
 * (`given`, their own scope) may read the dataset in.
 */
export async function partnerTotalsStatus(
  db: Db,
  given: Scope,
  dataset: DatasetDefinition,
  areas: readonly AreaSummary[],
  months: readonly Month[],
  policy: DisclosurePolicy,
  reads: CommandReads = new CommandReads(),
): Promise<Map<string, ReadonlyMap<string, CellStatus>>> {
  const scope = forTotals(given);
  let synthetic = false;
  return familyStatuses(
    db,
    areas,
    months,
    policy,
    {
      access: accessOf(given, dataset),
      read: async (members) => {
        const counts = await partnerAreaCounts(db, scope, dataset, members, reads);
        synthetic = counts.synthetic;
        return counts.inputs;
      },
      measures: () => ({ measures: datasetMeasures(dataset, 'all', synthetic), sumKey: 'total' }),
    },
    reads,
  );
}

/** How the caller sees a dataset in an area: not at all, as totals (controlled) or exactly. */
function accessOf(given: Scope, dataset: DatasetDefinition): FamilyCounts['access'] {
  const scope = forTotals(given);
  const restricted = dataset.sensitivity === 'restricted';
  return (chain) => {
    const level = given.areas === 'all' ? 'detail' : areaLevel(given, chain);
    if (level === null || !mayReadDatasetIn(scope, dataset.name, chain, 'totals')) return null;
    const exact = level === 'detail' && mayReadDatasetIn(given, dataset.name, chain, 'detail');
    return { known: exact && !restricted };
  };
}

/**
 * Reads, in one round of statements, the counts partnerTotalsStatus will need of the area's force
 * for each dataset (an assessment protects every restricted theme it holds), remembered in `reads`.
 */
export async function prefetchPartnerFamilies(
  db: Db,
  given: Scope,
  datasets: readonly DatasetDefinition[],
  area: AreaSummary,
  reads: CommandReads,
): Promise<void> {
  const family = await familyOf(db, area.code, reads);
  if (!family || datasets.length === 0) return;
  const groups = new Map<string, { members: AreaSummary[]; datasets: DatasetDefinition[] }>();
  for (const dataset of datasets) {
    const members = familyMembers(family, accessOf(given, dataset)).map(({ area: a }) => ({
      code: a.code,
      name: a.name,
      type: a.type,
    }));
    const key = members.map((m) => m.code).join(',');
    const group = groups.get(key) ?? { members, datasets: [] };
    group.datasets.push(dataset);
    groups.set(key, group);
  }
  const reading: Promise<unknown>[] = [];
  for (const { members, datasets: ds } of groups.values()) {
    prefetchPartnerAreaCounts(db, forTotals(given), ds, members, reads);
    for (const d of ds) reading.push(partnerAreaCounts(db, forTotals(given), d, members, reads));
  }
  // And the force's, read as the store's owner (the same read as the owner's own, above), for
  // the months no sum may cover (monthsWithSmallCounts).
  const owner = forTotals(FULL_SCOPE);
  const members = ownerFamily(family, area, datasets[0]!);
  prefetchPartnerAreaCounts(db, owner, datasets, members, reads);
  for (const d of datasets) reading.push(partnerAreaCounts(db, owner, d, members, reads));
  // Settled before the command goes on, so that none is still running when it ends (a read the
  // command then does not use, the store closed under it); a failure is met again, and thrown,
  // by the read that needs it.
  await Promise.allSettled(reading);
}

/**
 * The areas of the area's force (the area itself, in no force) as the store's owner reads them
 * under control: the same members, so the same read, as partnerTotalsStatus's for the owner.
 */
const ownerFamily = (
  family: Awaited<ReturnType<typeof familyOf>>,
  area: AreaSummary,
  dataset: DatasetDefinition,
): AreaSummary[] =>
  family
    ? familyMembers(family, accessOf(FULL_SCOPE, dataset)).map(({ area: a }) => ({
        code: a.code,
        name: a.name,
        type: a.type,
      }))
    : [area];

/**
 * The months in which some district of the area's force (or the area, in no force) holds a count
 * of the dataset from 1 to threshold − 1 that month-by-month control could hold `key`'s month back
 * for: its own, or where the dataset has a total of its categories (a month's cells are then
 * tied), any category's; for the total itself, only a small total. A published sum over such
 * a month can give a count back beside what month-by-month control shows any reader (its months
 * held back differ with the reader's grants): the briefing pack gives none (report/briefing-data.ts).
 * Read as the store's owner: what is decided is only that a sum is not shown.
 */
export async function monthsWithSmallCounts(
  db: Db,
  dataset: DatasetDefinition,
  area: AreaSummary,
  key: string,
  policy: DisclosurePolicy,
  reads: CommandReads = new CommandReads(),
): Promise<Set<Month>> {
  const family = await familyOf(db, area.code, reads);
  const members = ownerFamily(family, area, dataset);
  const counts = await partnerAreaCounts(db, forTotals(FULL_SCOPE), dataset, members, reads);
  const { synthetic } = counts;
  // The districts' counts (the force's and its partnerships' are their sums).
  const inputs = counts.inputs.filter((i) => i.area.type === 'district' || !family);
  const measures = datasetMeasures(dataset, 'all', synthetic);
  const tied = measures.some((m) => m.key === 'total');
  // A month's total is held back only where some area's total is itself small (by-month.ts), so
  // for the total only the totals matter; for a category of a dataset with a total, a small count
  // of any category can have another held back beside it; without one, only the category's own.
  const counted = (m: { key: string }) =>
    key === 'total' ? m.key === 'total' : tied || m.key === key;
  const small = new Set<Month>();
  for (const input of inputs)
    for (const m of measures) {
      if (!counted(m)) continue;
      for (const [month, n] of measureSeries(input, m))
        if (n > 0 && n < policy.threshold) small.add(month);
    }
  return small;
}
