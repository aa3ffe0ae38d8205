/**
 * Partner datasets as the trends engine's input (domain/area-counts.ts), so `trends`, `compare`
 * and `exceptions` work on them exactly as on police.uk categories. Partner data are held by
 * district; an area above a district (CSP, force) sums its districts over the months held for
 * every one of them.
 *
 * The measures of a dataset: each value of its category field (incident-level data; a hate crime
 * counts under each strand it carries) plus "total" (each record once), or each count column
 * (aggregate data). Synthetic demonstration data carry that label in every caveat.
 */
import type { Population } from '../domain/area.js';
import type { AreaCounts, AreaSummary, Measure } from '../domain/area-counts.js';
import { findDataset, DATASETS, type DatasetDefinition } from '../domain/datasets.js';
import type { Month } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { ForbiddenError, InputError } from '../errors.js';
import { didYouMean } from '../domain/suggest.js';
import { datasetCategories } from '../domain/datasets.js';

export { datasetCategories };
import type { Db } from '../store/db.js';
import {
  partnerCountsByDistrictOf,
  partnerCoverageOf,
  partnerPeriodCountsOf,
  syntheticPartnerDatasets,
  type PeriodCount,
} from '../store/partner-data.js';
import type { AreaCategoryMonthCount } from '../store/street-counts.js';
import { CommandReads, scopeKey } from './command-reads.js';
import { districtsWithinOnce, populationsOnce } from './place-reads.js';

export const SYNTHETIC_CAVEAT =
  'SYNTHETIC DATA: generated for demonstration (lantern demo), shaped on national proportions; not real records.';

export function datasetNamed(name: string): DatasetDefinition {
  const dataset = findDataset(name);
  if (!dataset)
    throw new InputError(
      `⟨dataset⟩: no dataset "${name}" (datasets: ${DATASETS.map((d) => d.name).join(', ')})`,
    );
  if (dataset.detail === 'survey')
    throw new InputError(`⟨dataset⟩: ${dataset.name} holds survey results, not counts over time`);
  return dataset;
}

/** The categories a dataset can be counted by. */
export function datasetMeasures(
  dataset: DatasetDefinition,
  category: string | 'all' | undefined,
  synthetic: boolean,
): Measure[] {
  const categories = datasetCategories(dataset);
  const chosen =
    category === 'all'
      ? categories
      : [category ?? (categories.includes('total') ? 'total' : (categories[0] as string))];
  for (const c of chosen)
    if (!categories.includes(c))
      throw new InputError(
        `⟨category⟩: ${dataset.name} has no category "${c}"${didYouMean(c, categories)} (categories: ${categories.join(', ')})`,
      );
  const caveats = [...(synthetic ? [SYNTHETIC_CAVEAT] : []), ...dataset.caveats];
  return chosen.map((c) => ({
    key: c,
    label: `${dataset.label}${synthetic ? ' (synthetic)' : ''}: ${c === 'total' ? 'all' : c.replaceAll('-', ' ')}`,
    includes: (raw: string) => raw === c,
    caveats,
  }));
}

export interface PartnerAreaCounts {
  inputs: AreaCounts[];
  synthetic: boolean;
}

/**
 * A dataset's counts for some areas. With `reads`, read once per command; each area whose
 * districts are all those read is remembered on its own too (the force beside a district, asked
 * for again as the county).
 */
export async function partnerAreaCounts(
  db: Db,
  scope: Scope,
  dataset: DatasetDefinition,
  areas: readonly AreaSummary[],
  reads?: CommandReads,
): Promise<PartnerAreaCounts> {
  const read = () =>
    readPartnerAreaCounts(db, scope, [dataset], areas, reads ?? new CommandReads()).then(
      (r) => r.get(dataset.name)!.counts,
    );
  if (!reads) return read();
  prefetchPartnerAreaCounts(db, scope, [dataset], areas, reads);
  return reads.once(countsKey(scope, dataset, areas), read);
}

const countsKey = (scope: Scope, dataset: DatasetDefinition, areas: readonly AreaSummary[]) =>
  `partner-counts:${scopeKey(scope)}:${dataset.name}:${areas.map((a) => a.code).join(',')}`;

/**
 * Starts reading several datasets' counts for the same areas in one round of queries (an
 * assessment scores every partner theme held), and remembers each dataset's as partnerAreaCounts
 * then gives it, and each area's alone whose districts are all those read. Datasets already read
 * (or being read) are left.
 */
export function prefetchPartnerAreaCounts(
  db: Db,
  scope: Scope,
  datasets: readonly DatasetDefinition[],
  areas: readonly AreaSummary[],
  reads: CommandReads,
): void {
  const missing = datasets.filter((d) => !reads.has(countsKey(scope, d, areas)));
  if (missing.length === 0) return;
  const read = readPartnerAreaCounts(db, scope, missing, areas, reads);
  for (const dataset of missing)
    reads.remember(
      countsKey(scope, dataset, areas),
      read
        .catch((error: unknown) => {
          // One dataset the caller may not read refuses the round: each is then read alone, so
          // that each gets its own answer (its counts, or its own refusal) as if read alone.
          if (missing.length === 1 || !(error instanceof ForbiddenError)) throw error;
          return readPartnerAreaCounts(db, scope, [dataset], areas, reads);
        })
        .then((all) => {
          const { counts, alone } = all.get(dataset.name)!;
          if (areas.length > 1)
            for (const i of alone)
              reads.remember(
                countsKey(scope, dataset, [areas[i]!]),
                Promise.resolve({ inputs: [counts.inputs[i]!], synthetic: counts.synthetic }),
              );
          return counts;
        }),
    );
}

/** The datasets' counts for the areas: each kind of figure read once for all the datasets. */
async function readPartnerAreaCounts(
  db: Db,
  scope: Scope,
  datasets: readonly DatasetDefinition[],
  areas: readonly AreaSummary[],
  reads: CommandReads,
): Promise<Map<string, { counts: PartnerAreaCounts; alone: number[] }>> {
  const districtsOf = new Map<string, string[]>();
  for (const area of areas) {
    if (area.type === 'district') districtsOf.set(area.code, [area.code]);
    else if (area.type === 'csp' || area.type === 'force')
      districtsOf.set(area.code, [...(await districtsWithinOnce(db, area.code, reads))].sort());
    else
      throw new InputError(
        `${area.name} is a ${area.type}: partner data are counted by district (or CSP or force)`,
      );
  }
  const districts = [...new Set([...districtsOf.values()].flat())];
  const names = datasets.map((d) => d.name);
  const { observed: observedOf, notGiven: allNotGiven } = await partnerCoverageOf(
    db,
    scope,
    names,
    districts,
  );
  const allRows = await partnerCountsByDistrictOf(db, scope, names, districts);
  const populations = await populationsOnce(
    db,
    areas.map((a) => a.code),
    reads,
  );
  const syntheticOnes = await syntheticPartnerDatasets(db, names, districts);
  const allPeriodRows = await partnerPeriodCountsOf(db, scope, names, districts);
  // Areas whose districts are all those read: their counts and flag are what they alone give.
  const alone = areas.flatMap((a, i) =>
    new Set(districtsOf.get(a.code)).size === districts.length ? [i] : [],
  );
  return new Map(
    names.map((name) => {
      const observed = observedOf.get(name)!;
      const rows = allRows.filter((r) => r.dataset === name);
      const periodRows = allPeriodRows.filter((r) => r.dataset === name);
      const synthetic = syntheticOnes.has(name);
      const notGiven = allNotGiven.filter((r) => r.dataset === name);
      const inputs = areaInputs(areas, districtsOf, observed, rows, periodRows, populations).map(
        (input) => withNotHeld(input, districtsOf.get(input.area.code) ?? [], notGiven),
      );
      return [name, { counts: { inputs, synthetic }, alone }];
    }),
  );
}

/**
 * The input with the categories its districts' files did not give, by month (of the months it
 * holds): an area summing districts lacks a count in a month any of them lacks it.
 */
function withNotHeld(
  input: AreaCounts,
  members: readonly string[],
  notGiven: readonly { district: string; month: Month; category: string }[],
): AreaCounts {
  const held = new Set(input.observed);
  const notHeld = new Map<string, Set<Month>>();
  for (const r of notGiven) {
    if (!members.includes(r.district) || !held.has(r.month)) continue;
    let months = notHeld.get(r.category);
    if (!months) notHeld.set(r.category, (months = new Set()));
    months.add(r.month);
  }
  return notHeld.size === 0 ? input : { ...input, notHeld };
}

/** Each area's counts from its districts' rows of one dataset. */
function areaInputs(
  areas: readonly AreaSummary[],
  districtsOf: ReadonlyMap<string, string[]>,
  observed: ReadonlyMap<string, Month[]>,
  rows: readonly AreaCategoryMonthCount[],
  periodRows: readonly PeriodCount[],
  populations: ReadonlyMap<string, Population[]>,
): AreaCounts[] {
  return areas.map((area): AreaCounts => {
    const members = new Set(districtsOf.get(area.code));
    const held = [...members].map((d) => new Set(observed.get(d) ?? []));
    const months = [...(held[0] ?? [])].filter((m) => held.every((h) => h.has(m))).sort();
    const counts = new Map<string, Map<Month, number>>();
    for (const r of rows) {
      if (!members.has(r.area)) continue;
      let byMonth = counts.get(r.category);
      if (!byMonth) counts.set(r.category, (byMonth = new Map()));
      byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.count);
    }
    // Whole-period totals, summed over the members, for periods every member holds.
    const periods = new Map<string, { members: Set<string>; counts: Map<string, number> }>();
    for (const r of periodRows) {
      if (!members.has(r.area)) continue;
      const key = `${r.from}..${r.to}`;
      let p = periods.get(key);
      if (!p) periods.set(key, (p = { members: new Set(), counts: new Map() }));
      p.members.add(r.area);
      p.counts.set(r.category, (p.counts.get(r.category) ?? 0) + r.count);
    }
    const periodTotals = [...periods]
      .filter(([, p]) => p.members.size === members.size)
      .map(([key, p]) => {
        const [from, to] = key.split('..') as [Month, Month];
        return { period: { from, to }, counts: p.counts };
      });
    return {
      area: { code: area.code, name: area.name, type: area.type },
      observed: months,
      counts,
      populations: populations.get(area.code) ?? [],
      periodTotals,
    };
  });
}
