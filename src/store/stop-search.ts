/** Stop-and-search records of a force over a period, counted by object of search and outcome. */
import type { Period } from '../domain/month.js';
import { mayReadDataset, type Scope } from '../domain/scope.js';
import { ForbiddenError } from '../errors.js';
import type { Db } from './db.js';

export interface SearchCount {
  object: string;
  outcome: string;
  linked: boolean | null;
  count: number;
}

export async function searchCounts(
  db: Db,
  scope: Scope,
  force: string,
  period: Period,
): Promise<SearchCount[]> {
  if (!mayReadDataset(scope, 'police-stop-and-search')) {
    throw new ForbiddenError('your access does not cover police.uk stop-and-search data');
  }
  return db.query<SearchCount & Record<string, unknown>>(
    `SELECT COALESCE(object_of_search, 'Not stated') AS object, COALESCE(outcome, 'Not stated') AS outcome,
            outcome_linked AS linked, count(*) AS count
     FROM stop_search WHERE force = $force AND month BETWEEN $from AND $to
     GROUP BY ALL ORDER BY count DESC`,
    { force, from: period.from, to: period.to },
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

function requireSearchAccess(scope: Scope): void {
  if (!mayReadDataset(scope, 'police-stop-and-search')) {
    throw new ForbiddenError('your access does not cover police.uk stop-and-search data');
  }
}

/** Searches, finds and arrests by each dimension's values (one scan, grouping sets). */
export async function searchBreakdown(
  db: Db,
  scope: Scope,
  force: string,
  period: Period,
): Promise<SearchGroupCount[]> {
  requireSearchAccess(scope);
  const dims = Object.entries(SEARCH_DIMENSIONS) as [SearchDimension, string][];
  const value = (col: string) => `COALESCE(NULLIF(trim(${col}), ''), 'Not stated')`;
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${dims.map(([k, col]) => `${value(col)} AS "${k}", grouping(${value(col)}) AS "g_${k}"`).join(', ')},
            count(*) AS searches,
            count(*) FILTER (WHERE outcome_linked AND outcome IS DISTINCT FROM $nfa) AS finds,
            count(*) FILTER (WHERE outcome = 'Arrest') AS arrests
     FROM stop_search WHERE force = $force AND month BETWEEN $from AND $to
     GROUP BY GROUPING SETS (${dims.map(([, col]) => `(${value(col)})`).join(', ')})`,
    { force, from: period.from, to: period.to, nfa: NO_FURTHER_ACTION },
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
  force: string,
): Promise<{ month: string; ethnicity: string | null; count: number }[]> {
  requireSearchAccess(scope);
  return db.query(
    `SELECT month, NULLIF(trim(self_defined_ethnicity), '') AS ethnicity, count(*) AS count
     FROM stop_search WHERE force = $force GROUP BY ALL ORDER BY month`,
    { force },
  );
}

/** Where searches took place (the points police.uk gives; searches without one are counted). */
export async function searchPoints(
  db: Db,
  scope: Scope,
  force: string,
  period: Period,
): Promise<{ points: { lon: number; lat: number }[]; unlocated: number }> {
  requireSearchAccess(scope);
  const rows = await db.query<{ lon: number | null; lat: number | null }>(
    `SELECT longitude AS lon, latitude AS lat FROM stop_search
     WHERE force = $force AND month BETWEEN $from AND $to`,
    { force, from: period.from, to: period.to },
  );
  const points = rows.filter(
    (r): r is { lon: number; lat: number } => r.lon !== null && r.lat !== null,
  );
  return { points, unlocated: rows.length - points.length };
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
  const byYear = new Map<number, EthnicPopulation>();
  for (const r of rows) {
    const entry = byYear.get(r.year) ?? { year: r.year, source: r.source, groups: {} };
    entry.groups[r.grp] = Number(r.people);
    byYear.set(r.year, entry);
  }
  return [...byYear.values()];
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
