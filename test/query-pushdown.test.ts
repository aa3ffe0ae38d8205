/**
 * The store's counts filter and join the way DuckDB can do cheaply at the scale of the country
 * (issue 17, items 2 and 5; docs/benchmarks.md, "The country on one machine"), seen in the plan
 * DuckDB runs for each statement on a copy of the demo store (`EXPLAIN (ANALYZE, FORMAT json)`:
 * the operators and the rows each produced), never in timings:
 *  - the counts of a partnership's districts read the counts the import keeps by district,
 *    category and month (street_count, migration 019), never the records, and filter them with
 *    plain predicates in the table scan (a range of district codes that each row group's zone map
 *    can rule out), not a function applied to every row;
 *  - the register's counts (`lantern areas`) count the records (or, for districts and the areas
 *    made of them, the import's counts) by one of their own columns before any join: no join in
 *    that statement handles a row per record.
 * The answers are checked against plain counts of the same records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../src/domain/scope.js';
import type { Db, Params, ParamTypes } from '../src/store/db.js';
import { listAreas } from '../src/store/areas.js';
import { openStore } from '../src/store/open-store.js';
import { streetCountsByArea } from '../src/store/street-counts.js';
import { AREA_TYPES, type AreaType } from '../src/domain/area.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let path: string;
beforeAll(() => {
  path = demoStoreCopy(dir.path);
});
afterAll(() => dir.remove());

interface Statement {
  sql: string;
  params?: Params;
  types?: ParamTypes;
}

/** The store, with each statement it runs (and its parameters) kept. */
async function loggedStore(): Promise<{ db: Db; log: Statement[] }> {
  const db = await openStore(path);
  const log: Statement[] = [];
  const query = db.query.bind(db);
  db.query = (async (sql, params, types) => {
    log.push({ sql, params, types });
    return query(sql, params, types);
  }) as Db['query'];
  return { db, log };
}

interface PlanNode {
  operator_type?: string;
  operator_name?: string;
  operator_cardinality?: number;
  extra_info?: Record<string, unknown>;
  children?: PlanNode[];
}

/** Every operator of the plan DuckDB ran for the statement, with the rows each produced. */
async function operators(db: Db, s: Statement): Promise<PlanNode[]> {
  const [row] = await db.query<{ explain_value: string }>(
    `EXPLAIN (ANALYZE, FORMAT json) ${s.sql}`,
    s.params,
    s.types,
  );
  const plan = JSON.parse(row!.explain_value) as PlanNode | PlanNode[];
  const all: PlanNode[] = [];
  const walk = (n: PlanNode) => {
    all.push(n);
    n.children?.forEach(walk);
  };
  (Array.isArray(plan) ? plan : [plan]).forEach(walk);
  return all;
}

const kind = (n: PlanNode) => n.operator_type ?? n.operator_name ?? '';
/** A scan of the table (named `table`, or `db.schema.table`). */
const scanOf = (table: string) => (n: PlanNode) =>
  kind(n) === 'TABLE_SCAN' &&
  String(n.extra_info?.Table ?? '')
    .split('.')
    .at(-1) === table;
const isCrimeScan = scanOf('crime');
const isCountScan = (n: PlanNode) => scanOf('street_count')(n) || isCrimeScan(n);

/** Whether the records' scan feeds this operator without a grouping in between. */
function recordsUngrouped(n: PlanNode): boolean {
  if (isCountScan(n)) return true;
  if (/GROUP_BY|AGGREGATE/u.test(kind(n))) return false;
  return n.children?.some(recordsUngrouped) ?? false;
}

async function count(db: Db, sql: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql);
  return row!.n;
}

describe('counts at the scale of the country', () => {
  it('the counts of several districts read the import’s counts, filtered by a range of codes in the scan', async () => {
    const { db, log } = await loggedStore();
    try {
      const districts = ['E07000102', 'E07000103']; // Three Rivers, Watford
      const rows = await streetCountsByArea(
        db,
        FULL_SCOPE,
        districts.map((code) => ({ code, type: 'district' as AreaType })),
      );
      const read = [...log];
      for (const code of districts) {
        const counted = rows.filter((r) => r.area === code).reduce((s, r) => s + r.count, 0);
        expect(counted).toBe(
          await count(db, `SELECT count(*) AS n FROM crime WHERE district_code = '${code}'`),
        );
        expect(counted).toBeGreaterThan(0);
      }
      // No statement reads the records themselves.
      for (const s of read) expect((await operators(db, s)).filter(isCrimeScan), s.sql).toEqual([]);
      const [statement] = read.filter((s) => /FROM street_count c/u.test(s.sql));
      const plan = await operators(db, statement!);
      const scans = plan.filter(scanOf('street_count'));
      expect(scans).toHaveLength(1);
      const filters = JSON.stringify(scans[0]!.extra_info?.Filters ?? '');
      // A range DuckDB checks against each row group's smallest and largest code (zone maps)…
      expect(filters).toMatch(/district_code>='E07000102'/u);
      expect(filters).toMatch(/district_code<='E07000103'/u);
      // …and no function of each record (list_contains was one).
      expect(filters).not.toMatch(/list_contains/u);
    } finally {
      db.close();
    }
  });

  it('the register’s counts join areas to counts, never a record to the area table', async () => {
    const { db, log } = await loggedStore();
    try {
      for (const type of AREA_TYPES) {
        log.length = 0;
        const areas = await listAreas(db, FULL_SCOPE, { type, all: true });
        const [statement] = log.filter((s) => /FROM (crime|street_count) c/u.test(s.sql));
        const plan = await operators(db, statement!);
        // Districts and the areas made of them are counted from the import's counts.
        expect(plan.some(isCrimeScan), type).toBe(type === 'lsoa' || type === 'ward');
        const joins = plan.filter((n) => /JOIN/u.test(kind(n)));
        expect(joins.length, type).toBeGreaterThan(0);
        // The records reach a join only counted (through a grouping), never one by one.
        for (const join of joins)
          expect(join.children?.some(recordsUngrouped), `${type}: ${kind(join)}`).toBe(false);
        // The counts are those of the records placed in each area.
        const placed = areas.reduce((s, a) => s + a.crime + a.asb, 0);
        const expected = await count(
          db,
          type === 'lsoa'
            ? `SELECT count(*) AS n FROM crime WHERE lsoa_code IN (SELECT code FROM area WHERE type = 'lsoa')`
            : type === 'ward'
              ? `SELECT count(*) AS n FROM crime c JOIN area l ON l.code = c.lsoa_code
                 WHERE l.parent IN (SELECT code FROM area WHERE type = 'ward')`
              : type === 'district'
                ? `SELECT count(*) AS n FROM crime WHERE district_code IN (SELECT code FROM area WHERE type = 'district')`
                : type === 'csp'
                  ? `SELECT count(*) AS n FROM crime c JOIN area d ON d.code = c.district_code
                     WHERE d.parent IN (SELECT code FROM area WHERE type = 'csp')`
                  : `SELECT count(*) AS n FROM crime c JOIN area d ON d.code = c.district_code
                     JOIN area p ON p.code = d.parent
                     WHERE p.parent IN (SELECT code FROM area WHERE type = 'force')`,
        );
        expect(placed, type).toBe(expected);
      }
    } finally {
      db.close();
    }
  });
});
