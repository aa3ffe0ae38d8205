/**
 * The store's records counted for export to a spreadsheet or Power BI: police.uk street records
 * and outcomes by LSOA, month and category (with the LSOA's ward and district named), and
 * stop-and-search by district (placed by its point), month, type, object and outcome. Only combinations with records appear;
 * the callers say which months are held, so that an absent month is not read as zero.
 */
import type { Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { ancestorsOf } from './areas.js';
import { list, TEXT_LIST, type Db } from './db.js';
import type { AreaRef } from './street-counts.js';
import { requireSearchAccess, searchCondition, type SearchArea } from './stop-search.js';
import { checkStreetAccess, streetAreaCondition } from './street-counts.js';

export interface LsoaMonthCount extends Record<string, unknown> {
  lsoa_code: string | null;
  lsoa_name: string | null;
  ward_code: string | null;
  ward_name: string | null;
  district_code: string | null;
  district_name: string | null;
  month: string;
  category: string;
  count: number;
}

/** The LSOA, ward and district of records (alias c), by name; for a SELECT joined on c. */
const PLACES = `
  LEFT JOIN area l ON l.code = c.lsoa_code AND l.type = 'lsoa'
  LEFT JOIN area w ON w.code = l.parent AND w.type = 'ward'
  LEFT JOIN area d ON d.code = c.district_code`;
const PLACE_COLUMNS = `c.lsoa_code, COALESCE(l.name, c.lsoa_name) AS lsoa_name,
  w.code AS ward_code, w.name AS ward_name, c.district_code, d.name AS district_name`;

/** Street records (crimes and ASB) of the area by LSOA, month and category. */
export async function streetRecordsByLsoa(
  db: Db,
  scope: Scope,
  area: AreaRef,
  period: Period,
): Promise<LsoaMonthCount[]> {
  await checkStreetAccess(db, scope, area);
  return db.query<LsoaMonthCount>(
    `SELECT ${PLACE_COLUMNS}, c.month, c.category, count(*) AS count
     FROM crime c ${PLACES}
     WHERE ${streetAreaCondition(area.type)} AND c.month BETWEEN $from AND $to
     GROUP BY ALL ORDER BY c.month, c.district_code, c.lsoa_code NULLS LAST, c.category`,
    { area: area.code, from: period.from, to: period.to },
  );
}

/** Outcomes (the outcomes files' rows) recorded in the area by LSOA, month and outcome. */
export async function outcomesByLsoa(
  db: Db,
  scope: Scope,
  area: AreaRef,
  period: Period,
): Promise<LsoaMonthCount[]> {
  await checkStreetAccess(db, scope, area);
  return db.query<LsoaMonthCount>(
    `SELECT ${PLACE_COLUMNS}, c.month, c.outcome_type AS category, count(*) AS count
     FROM outcome c ${PLACES}
     WHERE ${streetAreaCondition(area.type)} AND c.month BETWEEN $from AND $to
     GROUP BY ALL ORDER BY c.month, c.district_code, c.lsoa_code NULLS LAST, category`,
    { area: area.code, from: period.from, to: period.to },
  );
}

/** The months for which the store holds a current file of the kind for the police.uk force. */
export async function monthsHeldOf(
  db: Db,
  kind: 'outcomes' | 'stop-and-search',
  force: string,
): Promise<string[]> {
  const rows = await db.query<{ month: string }>(
    `SELECT DISTINCT month FROM batch_month WHERE kind = $kind AND force = $force
       AND replaced_by IS NULL ORDER BY month`,
    { kind, force },
  );
  return rows.map((r) => r.month);
}

export interface SearchMonthCount extends Record<string, unknown> {
  /** The district the search was placed in by its point; null when in none. */
  district_code: string | null;
  district_name: string | null;
  month: string;
  search_type: string;
  object_of_search: string;
  outcome: string;
  count: number;
}

/**
 * Stop-and-search records (a force's, or a district's or CSP's) by the district each was placed
 * in, publication month, type, object of search and outcome.
 */
export async function searchesByMonth(
  db: Db,
  scope: Scope,
  where: SearchArea,
  period: Period,
): Promise<SearchMonthCount[]> {
  await requireSearchAccess(db, scope, where);
  const c = searchCondition(where);
  return db.query<SearchMonthCount>(
    `SELECT s.district_code, d.name AS district_name, s.month, s.search_type,
            COALESCE(s.object_of_search, 'Not stated') AS object_of_search,
            COALESCE(s.outcome, 'Not stated') AS outcome, count(*) AS count
     FROM (SELECT * FROM stop_search WHERE ${c.sql} AND month BETWEEN $from AND $to) s
     LEFT JOIN area d ON d.code = s.district_code
     GROUP BY ALL ORDER BY s.month, s.district_code NULLS LAST, s.search_type, object_of_search, outcome`,
    { ...c.params, from: period.from, to: period.to },
  );
}

/** The police.uk force whose area holds the area (itself or one above it), or null. */
export async function forceOfArea(
  db: Db,
  code: string,
): Promise<{ id: string; name: string } | null> {
  const chain = await ancestorsOf(db, code);
  const [row] = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM police_force WHERE list_contains($chain, pfa_code) ORDER BY id LIMIT 1`,
    { chain: list(chain) },
    { chain: TEXT_LIST },
  );
  return row ?? null;
}
