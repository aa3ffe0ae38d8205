/**
 * Counts of street records by category and month for an area, and which months the store
 * holds for it. A month is observed for an area when the force covering it has a current file
 * for that month; otherwise it is missing, which is unknown, never zero.
 */
import type { AreaType } from '../domain/area.js';
import type { Month, Period } from '../domain/month.js';
import type { AccessNeed, Scope } from '../domain/scope.js';
import { datasetRefusal, mayReadDatasetFor } from '../domain/scope.js';
import { ForbiddenError } from '../errors.js';
import { assertAreaAccess, assertDatasetInArea } from './area-access.js';
import { ancestorChains } from './areas.js';
import { list, TEXT_LIST, type Db } from './db.js';

export interface AreaRef {
  code: string;
  type: AreaType;
}

export interface CategoryMonthCount {
  category: string;
  month: Month;
  count: number;
}

/** SQL condition selecting the street records of an area (alias c for crime). */
export function streetAreaCondition(type: AreaType): string {
  switch (type) {
    case 'lsoa':
      return 'c.lsoa_code = $area';
    case 'ward':
      return `c.lsoa_code IN (SELECT code FROM area WHERE type = 'lsoa' AND parent = $area)`;
    case 'district':
      return 'c.district_code = $area';
    case 'csp':
      return `c.district_code IN (SELECT code FROM area WHERE type = 'district' AND parent = $area)`;
    case 'force':
      return `c.district_code IN (SELECT d.code FROM area d JOIN area p ON p.code = d.parent
                                  WHERE d.type = 'district' AND p.parent = $area)`;
  }
}

/**
 * Refuses a read of the area's street records the scope does not allow: `detail` (the default:
 * records, points, breakdowns) or `totals` (counts by category and month, which aggregate grants
 * admit for a use case under disclosure control; store/area-access.ts).
 */
export async function checkStreetAccess(
  db: Db,
  scope: Scope,
  area: AreaRef,
  need: AccessNeed = 'detail',
): Promise<void> {
  if (!mayReadDatasetFor(scope, 'police-street', need)) {
    // The area first: one the caller does not see at all is refused as such, not as "totals only".
    await assertAreaAccess(db, scope, area.code, need);
    throw new ForbiddenError(datasetRefusal(scope, 'police-street', 'police.uk street data'));
  }
  await assertAreaAccess(db, scope, area.code, need);
  await assertDatasetInArea(db, scope, 'police-street', area.code, need);
}

/**
 * Where an area's records are counted, and how (alias c): a district or an area made of districts
 * from the counts the import keeps by district, category and month (street_count, migration 019:
 * a few thousand rows per force, however many records the store holds); a ward or an LSOA from
 * the records themselves (the counts hold no LSOA).
 */
export function countedRecords(type: AreaType): { from: string; count: string } {
  return type === 'ward' || type === 'lsoa'
    ? { from: 'crime c', count: 'count(*)' }
    : { from: 'street_count c', count: 'sum(c.records)::BIGINT' };
}

/** Records per category and month in the area over the period (months with none are absent). */
export async function streetCountsByCategoryMonth(
  db: Db,
  scope: Scope,
  area: AreaRef,
  period: Period,
): Promise<CategoryMonthCount[]> {
  await checkStreetAccess(db, scope, area, 'totals');
  const counted = countedRecords(area.type);
  return db.query<CategoryMonthCount & Record<string, unknown>>(
    `SELECT c.category, c.month, ${counted.count} AS count FROM ${counted.from}
     WHERE ${streetAreaCondition(area.type)} AND c.month BETWEEN $from AND $to
     GROUP BY ALL ORDER BY c.month, c.category`,
    { area: area.code, from: period.from, to: period.to },
  );
}

/**
 * The months in which the store holds street data covering each area: a current file of the
 * force covering it, or a current fetch of the area itself or of an area containing it. Three
 * queries, however many areas.
 */
export async function observedStreetMonthsByArea(
  db: Db,
  scope: Scope,
  areas: readonly AreaRef[],
): Promise<Map<string, Month[]>> {
  for (const area of areas) await checkStreetAccess(db, scope, area, 'totals');
  const chains = await ancestorChains(
    db,
    areas.map((a) => a.code),
    areas.some((a) => a.type === 'ward' || a.type === 'lsoa'),
  );
  return monthsHeldFrom(areas, chains, await currentStreetBatches(db));
}

/** A month of a current street file: its force, and the area it was fetched for (null: the force's file). */
export interface StreetBatchMonth {
  force: string;
  area: string | null;
  month: Month;
}

/**
 * Every month of every current street file (a few rows per force and month), in month order.
 * Callers check access first (checkStreetAccess); `monthsHeldFrom` turns them into each area's months.
 */
export async function currentStreetBatches(db: Db): Promise<StreetBatchMonth[]> {
  return db.query<StreetBatchMonth & Record<string, unknown>>(
    `SELECT DISTINCT f.pfa_code AS force, b.area_code AS area, b.month
     FROM batch_month b JOIN police_force f ON f.id = b.force
     WHERE b.kind = 'street' AND b.replaced_by IS NULL ORDER BY b.month`,
  );
}

/** The months held for each area, from the current files and each area's chain (areas.ts). */
export function monthsHeldFrom(
  areas: readonly AreaRef[],
  chains: ReadonlyMap<string, readonly { code: string; type: AreaType }[]>,
  batches: readonly StreetBatchMonth[],
): Map<string, Month[]> {
  const result = new Map<string, Month[]>();
  for (const area of areas) {
    const chain = chains.get(area.code) ?? [];
    const force = chain.find((c) => c.type === 'force')?.code;
    const within = new Set(chain.map((c) => c.code));
    const months = new Set<Month>();
    for (const b of batches)
      if (b.force === force && (b.area === null || within.has(b.area))) months.add(b.month);
    result.set(area.code, [...months]);
  }
  return result;
}

/** The months held for one area (see observedStreetMonthsByArea). */
export async function observedStreetMonths(db: Db, scope: Scope, area: AreaRef): Promise<Month[]> {
  return (await observedStreetMonthsByArea(db, scope, [area])).get(area.code) ?? [];
}

export interface AreaCategoryMonthCount extends CategoryMonthCount {
  area: string;
}

/**
 * Every street record of each area counted by category and month, over all months held, from the
 * counts the import keeps (street_count; a ward's or an LSOA's from the records): one aggregation
 * per force, which counts apart any of its districts asked for too (a district beside its force:
 * one read for both); one for any number of other districts; one query per area of another type.
 */
export async function streetCountsByArea(
  db: Db,
  scope: Scope,
  areas: readonly AreaRef[],
): Promise<AreaCategoryMonthCount[]> {
  for (const area of areas) await checkStreetAccess(db, scope, area, 'totals');
  const districts = new Set(areas.filter((a) => a.type === 'district').map((a) => a.code));
  const rows: AreaCategoryMonthCount[] = [];
  for (const force of new Set(areas.filter((a) => a.type === 'force').map((a) => a.code))) {
    // Records of the districts asked for are counted by district (the rest as one, null); a
    // force alone is counted as a whole.
    const split = districts.size > 0;
    const parts = await db.query<
      { district: string | null } & CategoryMonthCount & Record<string, unknown>
    >(
      `SELECT ${split ? 'CASE WHEN list_contains($districts, c.district_code) THEN c.district_code END' : 'NULL'}
                AS district, c.category, c.month, sum(c.records)::BIGINT AS count
       FROM street_count c WHERE ${streetAreaCondition('force')} GROUP BY ALL`,
      split ? { area: force, districts: list([...districts]) } : { area: force },
      split ? { districts: TEXT_LIST } : undefined,
    );
    const total = new Map<string, AreaCategoryMonthCount>();
    for (const r of parts) {
      const key = `${r.category}\u0000${r.month}`;
      const sum = total.get(key);
      if (sum) sum.count += r.count;
      else total.set(key, { area: force, category: r.category, month: r.month, count: r.count });
      if (r.district !== null)
        rows.push({ area: r.district, category: r.category, month: r.month, count: r.count });
    }
    rows.push(...total.values());
    // A district of the force is counted whole here: its records all lie in the force.
    for (const r of parts) if (r.district !== null) districts.delete(r.district);
  }
  if (districts.size > 0) {
    const among = districtsAmong([...districts]);
    rows.push(
      ...(await db.query<AreaCategoryMonthCount & Record<string, unknown>>(
        `SELECT c.district_code AS area, c.category, c.month, sum(c.records)::BIGINT AS count
         FROM street_count c WHERE ${among.sql} GROUP BY ALL`,
        among.params,
      )),
    );
  }
  for (const area of areas.filter((a) => a.type !== 'district' && a.type !== 'force')) {
    const counted = countedRecords(area.type);
    rows.push(
      ...(await db.query<AreaCategoryMonthCount & Record<string, unknown>>(
        `SELECT $area AS area, c.category, c.month, ${counted.count} AS count FROM ${counted.from}
         WHERE ${streetAreaCondition(area.type)} GROUP BY ALL`,
        { area: area.code },
      )),
    );
  }
  return rows;
}

/**
 * A plain filter on the district (alias c: the counts table, or the records), which DuckDB applies
 * inside the table scan: the codes as an `IN` list of parameters, and their range as a `BETWEEN`
 * the scan checks cheaply (and against each row group's smallest and largest code, its zone map:
 * a row group holding only other districts is skipped unread). `list_contains` was a function
 * called on every row.
 */
export function districtsAmong(codes: readonly string[]): {
  sql: string;
  params: Record<string, string>;
} {
  const sorted = [...new Set(codes)].sort();
  const params: Record<string, string> = {
    districtFirst: sorted[0] ?? '',
    districtLast: sorted.at(-1) ?? '',
  };
  sorted.forEach((code, i) => (params[`district${i}`] = code));
  const names = sorted.map((_, i) => `$district${i}`).join(', ');
  return {
    sql: `c.district_code IN (${names || 'NULL'}) AND c.district_code BETWEEN $districtFirst AND $districtLast`,
    params,
  };
}

export interface UncountedRecords {
  /** For a force: its records with no location, in districts outside it, or not placed. */
  noLocation: number;
  outsideArea: number;
  notPlaced: number;
  /** For a ward or LSOA: records of its district whose LSOA code the register lacks. */
  unlistedLsoa: number;
}

/**
 * Records that belong with an area's counts in some sense but are not in them, by reason; of
 * crimes only (ASB left out) with `crimesOnly`, as `outcomes` counts.
 */
export async function uncountedStreetRecords(
  db: Db,
  scope: Scope,
  area: AreaRef,
  period: Period,
  options: { crimesOnly?: boolean } = {},
): Promise<UncountedRecords> {
  await checkStreetAccess(db, scope, area, 'totals');
  const none = { noLocation: 0, outsideArea: 0, notPlaced: 0, unlistedLsoa: 0 };
  const params = { area: area.code, from: period.from, to: period.to };
  if (area.type === 'force') {
    // From the import's counts, which keep each record's force and how it was placed.
    const [row] = await db.query<Record<string, number>>(
      `SELECT coalesce(sum(c.records) FILTER (WHERE c.district_match = 'none'), 0)::BIGINT
                AS "noLocation",
              coalesce(sum(c.records) FILTER (WHERE c.district_match = 'unmatched'), 0)::BIGINT
                AS "notPlaced",
              coalesce(sum(c.records) FILTER (WHERE c.district_code IS NOT NULL AND c.district_code NOT IN
                (SELECT d.code FROM area d JOIN area p ON p.code = d.parent WHERE p.parent = $area)), 0)::BIGINT
                AS "outsideArea"
       FROM street_count c JOIN police_force f ON f.id = c.force
       WHERE f.pfa_code = $area AND c.month BETWEEN $from AND $to
         ${options.crimesOnly ? "AND c.category <> 'anti-social-behaviour'" : ''}`,
      params,
    );
    return { ...none, ...row };
  }
  if (area.type === 'ward' || area.type === 'lsoa') {
    const [row] = await db.query<{ n: number }>(
      `WITH RECURSIVE up(code, type) AS (
         SELECT code, type FROM area WHERE code = $area
         UNION ALL SELECT a.code, a.type FROM up JOIN area p ON p.code = up.code JOIN area a ON a.code = p.parent)
       SELECT coalesce(sum(c.records), 0)::BIGINT AS n FROM street_count c
       WHERE c.district_code = (SELECT code FROM up WHERE type = 'district')
         AND c.district_match = 'name' AND c.month BETWEEN $from AND $to`,
      params,
    );
    return { ...none, unlistedLsoa: row?.n ?? 0 };
  }
  return none;
}
