/**
 * Stop-and-search records of a force over a period, or of the searches of one of its districts
 * (or CSPs), placed by their points (migration 014): counts by object and outcome, breakdowns,
 * monthly counts and points. Every read takes the caller's Scope and checks it here: the
 * dataset, and the area read (the district, or the force's area for the whole force).
 */
import type { Period } from '../domain/month.js';
import { datasetRefusal, mayReadDataset, type Scope } from '../domain/scope.js';
import { ForbiddenError } from '../errors.js';
import { assertAreaAccess, assertDatasetInArea } from './area-access.js';
import { assertAreaInScope } from './areas.js';
import type { Db } from './db.js';

/** The searches read: a force's, all of them, or those placed in a district or CSP of it. */
export interface SearchArea {
  /** The police.uk force id whose files hold the searches. */
  force: string;
  /** The ONS code of the force's area, when known (checked against the scope). */
  forceArea: string | null;
  /** null: every search of the force, placed or not; else a district or CSP in its area. */
  area: { code: string; type: 'district' | 'csp' } | null;
}

const DATASET = 'police-stop-and-search';

/** Refuses a read the scope does not cover: the dataset, then the area (the force's when whole). */
export async function requireSearchAccess(db: Db, scope: Scope, where: SearchArea): Promise<void> {
  if (!mayReadDataset(scope, DATASET)) {
    // The area first: one the caller does not see at all is refused as such, not as "totals only".
    const asked = where.area?.code ?? where.forceArea;
    if (asked !== null) await assertAreaAccess(db, scope, asked, 'detail');
    throw new ForbiddenError(
      datasetRefusal(scope, 'police-stop-and-search', 'police.uk stop-and-search data'),
    );
  }
  const code = where.area?.code ?? where.forceArea;
  if (code === null) {
    if (scope.areas !== 'all')
      throw new ForbiddenError(
        `your access does not cover the whole of force "${where.force}": name a district with --area`,
      );
    return;
  }
  await assertAreaInScope(db, scope, code);
  await assertDatasetInArea(db, scope, DATASET, code);
}

/** SQL condition (no alias) and parameters selecting the searches of `where`. */
export function searchCondition(where: SearchArea): {
  sql: string;
  params: Record<string, string>;
} {
  const params: Record<string, string> = { force: where.force };
  if (where.area === null) return { sql: 'force = $force', params };
  params.area = where.area.code;
  return where.area.type === 'district'
    ? { sql: 'force = $force AND district_code = $area', params }
    : {
        sql: `force = $force AND district_code IN (
                SELECT code FROM area WHERE type = 'district' AND parent = $area)`,
        params,
      };
}

export interface SearchCount {
  object: string;
  outcome: string;
  linked: boolean | null;
  count: number;
}

export async function searchCounts(
  db: Db,
  scope: Scope,
  where: SearchArea,
  period: Period,
): Promise<SearchCount[]> {
  await requireSearchAccess(db, scope, where);
  const c = searchCondition(where);
  return db.query<SearchCount & Record<string, unknown>>(
    `SELECT COALESCE(object_of_search, 'Not stated') AS object, COALESCE(outcome, 'Not stated') AS outcome,
            outcome_linked AS linked, count(*) AS count
     FROM stop_search WHERE ${c.sql} AND month BETWEEN $from AND $to
     GROUP BY ALL ORDER BY count DESC`,
    { ...c.params, from: period.from, to: period.to },
  );
}

/** The publication months held for a force's stop-and-search. */
export async function searchMonths(db: Db, force: string): Promise<string[]> {
  const rows = await db.query<{ month: string }>(
    `SELECT DISTINCT month FROM batch_month WHERE kind = 'stop-and-search' AND force = $force
       AND replaced_by IS NULL ORDER BY month`,
    { force },
  );
  return rows.map((r) => r.month);
}

/** What a search is broken down by (the stop_search columns). */
export const SEARCH_DIMENSIONS = {
  selfDefinedEthnicity: 'self_defined_ethnicity',
  officerDefinedEthnicity: 'officer_defined_ethnicity',
  ageRange: 'age_range',
  gender: 'gender',
  legislation: 'legislation',
  objectOfSearch: 'object_of_search',
  outcome: 'outcome',
} as const;
export type SearchDimension = keyof typeof SEARCH_DIMENSIONS;

/** The outcome police.uk files give a search that led to nothing. */
export const NO_FURTHER_ACTION = 'A no further action disposal';

export interface SearchGroupCount {
  dimension: SearchDimension;
  /** The value as filed; 'Not stated' when empty. */
  value: string;
  searches: number;
  /** Searches with an outcome other than no further action, linked to the object searched for. */
  finds: number;
  /** Searches whose outcome was an arrest. */
  arrests: number;
}

/** Searches, finds and arrests by each dimension's values (one scan, grouping sets). */
export async function searchBreakdown(
  db: Db,
  scope: Scope,
  where: SearchArea,
  period: Period,
): Promise<SearchGroupCount[]> {
  await requireSearchAccess(db, scope, where);
  const c = searchCondition(where);
  const dims = Object.entries(SEARCH_DIMENSIONS) as [SearchDimension, string][];
  const value = (col: string) => `COALESCE(NULLIF(trim(${col}), ''), 'Not stated')`;
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${dims.map(([k, col]) => `${value(col)} AS "${k}", grouping(${value(col)}) AS "g_${k}"`).join(', ')},
            count(*) AS searches,
            count(*) FILTER (WHERE outcome_linked AND outcome IS DISTINCT FROM $nfa) AS finds,
            count(*) FILTER (WHERE outcome = 'Arrest') AS arrests
     FROM stop_search WHERE ${c.sql} AND month BETWEEN $from AND $to
     GROUP BY GROUPING SETS (${dims.map(([, col]) => `(${value(col)})`).join(', ')})`,
    { ...c.params, from: period.from, to: period.to, nfa: NO_FURTHER_ACTION },
  );
  return rows.flatMap((r) => {
    const dim = dims.find(([k]) => r[`g_${k}`] === 0);
    if (!dim) return [];
    return [
      {
        dimension: dim[0],
        value: String(r[dim[0]]),
        searches: Number(r.searches),
        finds: Number(r.finds),
        arrests: Number(r.arrests),
      },
    ];
  });
}

/** Searches by publication month and self-defined ethnicity (as filed), over every month held. */
export async function searchesByMonthAndEthnicity(
  db: Db,
  scope: Scope,
  where: SearchArea,
): Promise<{ month: string; ethnicity: string | null; count: number }[]> {
  await requireSearchAccess(db, scope, where);
  const c = searchCondition(where);
  return db.query(
    `SELECT month, NULLIF(trim(self_defined_ethnicity), '') AS ethnicity, count(*) AS count
     FROM stop_search WHERE ${c.sql} GROUP BY ALL ORDER BY month`,
    c.params,
  );
}

/** Where searches took place (the points police.uk gives; searches without one are counted). */
export async function searchPoints(
  db: Db,
  scope: Scope,
  where: SearchArea,
  period: Period,
): Promise<{ points: { lon: number; lat: number }[]; unlocated: number }> {
  await requireSearchAccess(db, scope, where);
  const c = searchCondition(where);
  const rows = await db.query<{ lon: number | null; lat: number | null }>(
    `SELECT longitude AS lon, latitude AS lat FROM stop_search
     WHERE ${c.sql} AND month BETWEEN $from AND $to`,
    { ...c.params, from: period.from, to: period.to },
  );
  const points = rows.filter(
    (r): r is { lon: number; lat: number } => r.lon !== null && r.lat !== null,
  );
  return { points, unlocated: rows.length - points.length };
}

export interface SearchPlacementCount {
  /** The district the search was placed in; null when in none. */
  district: string | null;
  /** The district's name (null when in none). */
  name: string | null;
  /** 'point', 'none' (no location), 'unmatched' (in no district held), null (not yet placed). */
  match: 'point' | 'none' | 'unmatched' | null;
  /** Whether the district lies in the force's own area. */
  inForceArea: boolean;
  searches: number;
}

/** A force's searches over a period by the district they were placed in (and how). */
export async function searchesByDistrict(
  db: Db,
  scope: Scope,
  where: SearchArea & { area: null },
  period: Period,
): Promise<SearchPlacementCount[]> {
  await requireSearchAccess(db, scope, where);
  const rows = await db.query<{
    district: string | null;
    name: string | null;
    match: SearchPlacementCount['match'];
    inside: boolean;
    searches: number;
  }>(
    `SELECT s.district_code AS district, d.name, s.district_match AS match,
            COALESCE(c.parent = $forceArea, false) AS inside, count(*) AS searches
     FROM stop_search s LEFT JOIN area d ON d.code = s.district_code
     LEFT JOIN area c ON c.code = d.parent
     WHERE s.force = $force AND s.month BETWEEN $from AND $to
     GROUP BY ALL ORDER BY searches DESC, district`,
    { force: where.force, forceArea: where.forceArea, from: period.from, to: period.to },
  );
  return rows.map((r) => ({
    district: r.district,
    name: r.name,
    match: r.match,
    inForceArea: r.inside,
    searches: Number(r.searches),
  }));
}

export interface EthnicPopulation {
  year: number;
  source: string;
  /** Residents by broad ethnic group, summed over the force's districts. */
  groups: Record<string, number>;
}

/**
 * The populations by broad ethnic group of a force's area, one per Census year held, summed over
 * its districts: a year counts only when every district of the force has figures for it.
 */
export async function ethnicPopulationsOfForce(db: Db, force: string): Promise<EthnicPopulation[]> {
  const rows = await db.query<{ year: number; source: string; grp: string; people: number }>(
    `WITH districts AS (
       SELECT d.code FROM police_force f
       JOIN area c ON c.parent = f.pfa_code AND c.type = 'csp'
       JOIN area d ON d.parent = c.code AND d.type = 'district'
       WHERE f.id = $force),
     years AS (
       SELECT year FROM population_ethnic_group p JOIN districts d ON d.code = p.area_code
       GROUP BY year HAVING count(DISTINCT p.area_code) = (SELECT count(*) FROM districts))
     SELECT p.year, any_value(p.source) AS source, p.ethnic_group AS grp, sum(p.count) AS people
     FROM population_ethnic_group p JOIN districts d ON d.code = p.area_code
     WHERE p.year IN (SELECT year FROM years)
     GROUP BY p.year, p.ethnic_group ORDER BY p.year`,
    { force },
  );
  return byYear(rows);
}

/**
 * The populations by broad ethnic group of a district or CSP (summed over its districts), one
 * per Census year held for all of them.
 */
export async function ethnicPopulationsOfArea(
  db: Db,
  areaCode: string,
): Promise<EthnicPopulation[]> {
  const rows = await db.query<{ year: number; source: string; grp: string; people: number }>(
    `WITH districts AS (
       SELECT code FROM area WHERE code = $area AND type = 'district'
       UNION SELECT code FROM area WHERE parent = $area AND type = 'district'),
     years AS (
       SELECT year FROM population_ethnic_group p JOIN districts d ON d.code = p.area_code
       GROUP BY year HAVING count(DISTINCT p.area_code) = (SELECT count(*) FROM districts))
     SELECT p.year, any_value(p.source) AS source, p.ethnic_group AS grp, sum(p.count) AS people
     FROM population_ethnic_group p JOIN districts d ON d.code = p.area_code
     WHERE p.year IN (SELECT year FROM years)
     GROUP BY p.year, p.ethnic_group ORDER BY p.year`,
    { area: areaCode },
  );
  return byYear(rows);
}

function byYear(
  rows: readonly { year: number; source: string; grp: string; people: number }[],
): EthnicPopulation[] {
  const out = new Map<number, EthnicPopulation>();
  for (const r of rows) {
    const entry = out.get(r.year) ?? { year: r.year, source: r.source, groups: {} };
    entry.groups[r.grp] = Number(r.people);
    out.set(r.year, entry);
  }
  return [...out.values()];
}

/** A police.uk force's name and the ONS code of its area, or null when the id is not known. */
export async function policeForce(
  db: Db,
  id: string,
): Promise<{ id: string; name: string; areaCode: string | null } | null> {
  const [row] = await db.query<{ id: string; name: string; code: string | null }>(
    'SELECT id, name, pfa_code AS code FROM police_force WHERE id = $id',
    { id },
  );
  return row ? { id: row.id, name: row.name, areaCode: row.code } : null;
}
