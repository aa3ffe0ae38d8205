/**
 * What a caller may see: which areas (by ONS code, with everything inside them), at what level,
 * and which datasets. Every store query takes one. `scopeFor` builds a caller's scope from their
 * grants (src/domain/access.ts); the CLI still acts with the full scope of the store's owner.
 */
import { ALL_AREAS, grantsOf, type Grant, type GrantLevel, type User } from './access.js';
import type { Sensitivity } from './datasets.js';

export interface Scope {
  /** 'all', or the codes of the areas the caller may see in detail (each with its sub-areas). */
  areas: 'all' | readonly string[];
  /**
   * Areas the caller may see in aggregate only (totals, no records or breakdowns below them),
   * besides those in `areas`. Absent: none. Code that does not yet read this field refuses these
   * areas altogether, which fails closed.
   */
  aggregateAreas?: 'all' | readonly string[];
  /**
   * 'all', or the dataset names the caller may read ('police-street', 'police-outcomes', …) in the
   * areas they see in detail.
   */
  datasets: 'all' | readonly string[];
  /** The datasets opened by aggregate grants: read only with `aggregateAreas`. Absent: none. */
  aggregateDatasets?: readonly string[];
  /**
   * For each dataset in `datasets`, the detail areas whose grants opened it ('all', or codes each
   * with its sub-areas). Absent (FULL_SCOPE): every dataset in `datasets` in every area of `areas`.
   */
  datasetAreas?: Readonly<Record<string, 'all' | readonly string[]>>;
  /**
   * For each dataset in `aggregateDatasets`, the areas whose aggregate grants opened it. Absent:
   * none (an aggregate dataset is then read nowhere).
   */
  aggregateDatasetAreas?: Readonly<Record<string, 'all' | readonly string[]>>;
  /**
   * True for an account whose role shows totals only whatever its grants (a viewer's): a refusal
   * then says that no grant will show more, rather than asking for one.
   */
  totalsOnlyAccount?: boolean;
  /**
   * True for an administrator's account: a refusal for want of a grant then says they may grant
   * it to themselves, rather than "ask your Lantern administrator (their own name)".
   */
  adminAccount?: boolean;
  /**
   * Set (by `forTotals`) only by a use case that shows totals under disclosure control: the
   * store's totals reads (counts by category and month of a district, CSP or force) then admit the
   * areas and datasets of `aggregateAreas` too. Reads of records, points and breakdowns never do.
   */
  totals?: boolean;
}

/**
 * What a read needs: `detail` (records, points, hotspots, LSOA and ward breakdowns, maps, exports
 * of records) or `totals` (counts by category and month of a district, CSP or force).
 */
export type AccessNeed = 'detail' | 'totals';

/** The scope of a use case that shows totals under disclosure control (see Scope.totals). */
export function forTotals(scope: Scope): Scope {
  return { ...scope, totals: true };
}

export const FULL_SCOPE: Scope = { areas: 'all', datasets: 'all' };

/** Nothing at all: a disabled user, or one without a grant. */
export const NO_SCOPE: Scope = {
  areas: [],
  aggregateAreas: [],
  datasets: [],
  aggregateDatasets: [],
  datasetAreas: {},
  aggregateDatasetAreas: {},
};

export function mayReadDataset(scope: Scope, dataset: string): boolean {
  return scope.datasets === 'all' || scope.datasets.includes(dataset);
}

/**
 * May the scope read the dataset in detail in an area, given the area's code followed by the codes
 * of the areas above it? Only where a grant that opened the dataset covers the area.
 */
export function mayReadDatasetIn(
  scope: Scope,
  dataset: string,
  chain: readonly string[],
  need: AccessNeed = 'detail',
): boolean {
  const covers = (where: 'all' | readonly string[] | undefined) =>
    where !== undefined && (where === 'all' || chain.some((c) => where.includes(c)));
  if (mayReadDataset(scope, dataset)) {
    if (scope.datasetAreas === undefined) return true;
    if (covers(scope.datasetAreas[dataset])) return true;
  }
  return (
    need === 'totals' &&
    scope.totals === true &&
    (scope.aggregateDatasets ?? []).includes(dataset) &&
    covers(scope.aggregateDatasetAreas?.[dataset])
  );
}

/** May the scope read the dataset at all at this need (in some area)? */
export function mayReadDatasetFor(scope: Scope, dataset: string, need: AccessNeed): boolean {
  return (
    mayReadDataset(scope, dataset) ||
    (need === 'totals' &&
      scope.totals === true &&
      (scope.aggregateDatasets ?? []).includes(dataset))
  );
}

/**
 * Why a read of a dataset's records is refused, in the caller's terms: not granted at all, or
 * granted as totals only (every grant of a viewer is), which said "does not cover" to a viewer
 * whose grants do show the data's trends. A viewer is told that no grant shows more, and others
 * that a detail grant would. Said only of an area the caller sees: an area they do
 * not see at all is refused as such first (store/area-access.ts), and whose account it is is not
 * known here, so neither is said.
 */
export function datasetRefusal(scope: Scope, dataset: string, named: string): string {
  if (!(scope.aggregateDatasets ?? []).includes(dataset))
    return `your access does not cover ${named}`;
  const totals = `your access shows ${named} as totals only (its counts by category and month, small counts held back)`;
  return scope.totalsOnlyAccount === true
    ? `${totals}: a viewer's account shows totals only, whatever its grants, so its records, maps, hotspots and exports need an analyst's or partner's account`
    : `${totals}: its records, maps, hotspots and exports need a detail grant`;
}

/**
 * The level at which the scope shows an area, given the area's code followed by the codes of the
 * areas above it (district, CSP, force): detail if any of them is granted in detail, aggregate if
 * any is granted in aggregate, otherwise null (not visible).
 */
export function areaLevel(scope: Scope, chain: readonly string[]): GrantLevel | null {
  const covers = (areas: 'all' | readonly string[] | undefined) =>
    areas !== undefined && (areas === 'all' || chain.some((c) => areas.includes(c)));
  if (covers(scope.areas)) return 'detail';
  if (covers(scope.aggregateAreas)) return 'aggregate';
  return null;
}

/** A dataset as access control needs it: its name and how sensitive it is. */
export interface DatasetSensitivity {
  name: string;
  sensitivity: Sensitivity;
}

const RANK: Readonly<Record<Sensitivity, number>> = { public: 0, partner: 1, restricted: 2 };

/**
 * A user's scope from the grants held (theirs and their organisation's), against the registry of
 * datasets and their sensitivity. Denied by default: no grant, no area and no dataset, whatever
 * the role; a disabled user sees nothing. Areas: a `detail` grant adds the area (and everything in
 * it) in detail, an `aggregate` grant in aggregate; 'all' covers every area. Datasets: a grant
 * naming a dataset opens that one; one naming a sensitivity opens every dataset up to it
 * (public < partner < restricted); one naming neither opens the public ones (police.uk's data).
 * Datasets opened by detail grants go in `datasets`, those by aggregate grants in
 * `aggregateDatasets`, so an aggregate grant never opens a dataset in detail anywhere; and
 * `datasetAreas` ties each dataset to the areas of the grants that opened it. A viewer sees aggregates only: their detail grants count as
 * aggregate.
 */
export function scopeFor(
  user: User,
  grants: readonly Grant[],
  registry: readonly DatasetSensitivity[],
): Scope {
  if (user.disabled) return NO_SCOPE;
  const mine = grantsOf(user, grants);
  const detail = new Set<string>();
  const aggregate = new Set<string>();
  const datasets = new Set<string>();
  const aggregateDatasets = new Set<string>();
  const datasetAreas = new Map<string, Set<string>>();
  const aggregateDatasetAreas = new Map<string, Set<string>>();
  for (const g of mine) {
    const level: GrantLevel = user.role === 'viewer' ? 'aggregate' : g.level;
    (level === 'detail' ? detail : aggregate).add(g.area);
    const names =
      g.dataset !== null
        ? [g.dataset]
        : registry
            .filter((d) => RANK[d.sensitivity] <= RANK[g.sensitivity ?? 'public'])
            .map((d) => d.name);
    for (const name of names) {
      if (level === 'aggregate') {
        aggregateDatasets.add(name);
        const where = aggregateDatasetAreas.get(name) ?? new Set<string>();
        aggregateDatasetAreas.set(name, where.add(g.area));
        continue;
      }
      datasets.add(name);
      const where = datasetAreas.get(name) ?? new Set<string>();
      datasetAreas.set(name, where.add(g.area));
    }
  }
  const areas = (set: Set<string>) => (set.has(ALL_AREAS) ? 'all' : [...set].sort());
  const detailAreas = areas(detail);
  return {
    areas: detailAreas,
    aggregateAreas:
      detailAreas === 'all' ? [] : areas(new Set([...aggregate].filter((a) => !detail.has(a)))),
    datasets: [...datasets].sort(),
    aggregateDatasets: [...aggregateDatasets].sort(),
    datasetAreas: Object.fromEntries(
      [...datasetAreas].map(([name, where]) => [name, areas(where)] as const),
    ),
    aggregateDatasetAreas: Object.fromEntries(
      [...aggregateDatasetAreas].map(([name, where]) => [name, areas(where)] as const),
    ),
    ...(user.role === 'viewer' && mine.length > 0 ? { totalsOnlyAccount: true } : {}),
    ...(user.role === 'admin' ? { adminAccount: true } : {}),
  };
}
