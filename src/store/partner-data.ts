/**
 * Partner datasets in the store: loading one checked file atomically (its batch, the months and
 * districts it covers, its rows and its rejected rows, replacing what an older file held for the
 * same dataset, district and month; a file replaced whole loses its rejected rows too), and the
 * queries the trends engine and the hidden figure read. Rejected rows hold the line, the field
 * and the rule broken, never the row's values (migration 009 took them out of older stores).
 * Every read takes a Scope and checks the dataset and the areas against it.
 */
import type { Month } from '../domain/month.js';
import type { AccessNeed, Scope } from '../domain/scope.js';
import { mayReadDataset, mayReadDatasetFor, mayReadDatasetIn } from '../domain/scope.js';
import { ForbiddenError } from '../errors.js';
import { assertAreaAccess, assertDatasetInArea } from './area-access.js';
import { ancestorsOf } from './areas.js';
import { list, TEXT_LIST, type Db } from './db.js';
import type { AreaCategoryMonthCount } from './street-counts.js';

export interface PartnerRecordToStore {
  line: number;
  date: string | null;
  month: Month;
  areaCode: string | null;
  districtCode: string;
  lsoaCode: string | null;
  longitude: number | null;
  latitude: number | null;
  categories: readonly string[];
  attributes: Readonly<Record<string, unknown>>;
}

export interface PartnerCountToStore {
  line: number;
  month: Month;
  areaCode: string;
  districtCode: string;
  category: string;
  count: number;
  dimensions: Readonly<Record<string, unknown>>;
}

export interface PeriodCountToStore {
  line: number;
  from: Month;
  to: Month;
  areaCode: string;
  districtCode: string;
  category: string;
  count: number;
}

export interface ConcernToStore {
  line: number;
  month: Month;
  areaCode: string;
  districtCode: string;
  issue: string;
  shareConcerned: number | null;
  rank: number | null;
  respondents: number | null;
}

export interface PartnerBatchToLoad {
  dataset: string;
  fileName: string;
  contentHash: string;
  mapping: string | null;
  synthetic: boolean;
  /**
   * The (district, month) pairs the file covers, with the counts (categories) it does not give
   * there, if any: unknown, not zero.
   */
  coverage: readonly { district: string; month: Month; notGiven?: readonly string[] }[];
  records: readonly PartnerRecordToStore[];
  counts: readonly PartnerCountToStore[];
  concerns: readonly ConcernToStore[];
  /** Whole-period counts (DEFRA annual tables); they replace the same district and period. */
  periodCounts?: readonly PeriodCountToStore[];
  /** Rows not imported: the line, the field and the rule broken (never the row's values). */
  rejected: readonly { line: number; field: string | null; reason: string }[];
  /** Rows of the file accepted (an aggregate row may store several counts). */
  acceptedRows: number;
  startedAt: Date;
}

export interface LoadedPartnerBatch {
  batchId: number;
  accepted: number;
  replaced: number;
}

/**
 * The latest batch of this content, and whether the store still holds it whole: none of its
 * district-months replaced by a later file, and (a DEFRA table, which covers whole periods, not
 * months) all of its period counts still there. Content a later file replaced, even in part, is
 * not held: importing it again is a replacement like any other file's.
 */
export async function findPartnerBatch(
  db: Db,
  dataset: string,
  contentHash: string,
): Promise<{
  id: number;
  months: Month[];
  accepted: number;
  rejected: number;
  held: boolean;
} | null> {
  const rows = await db.query<{
    id: number;
    months: Month[];
    accepted: number;
    rejected: number;
    held: boolean;
  }>(
    `SELECT id, months, rows_accepted AS accepted, rows_rejected AS rejected,
       NOT EXISTS (SELECT 1 FROM partner_coverage c
                   WHERE c.batch_id = b.id AND c.replaced_by IS NOT NULL)
       AND (EXISTS (SELECT 1 FROM partner_coverage c WHERE c.batch_id = b.id)
            OR (SELECT count(DISTINCT line) FROM partner_period_count p WHERE p.batch_id = b.id)
               >= b.rows_accepted) AS held
     FROM partner_batch b
     WHERE dataset = $dataset AND content_hash = $hash
     ORDER BY id DESC LIMIT 1`,
    { dataset, hash: contentHash },
  );
  return rows[0] ?? null;
}

/** One transaction: all of the file, or (on any failure) nothing. */
export async function loadPartnerBatch(
  db: Db,
  batch: PartnerBatchToLoad,
): Promise<LoadedPartnerBatch> {
  return db.transaction(async () => {
    const [{ id }] = (await db.query<{ id: number }>(
      // Never a removed batch's id (migration 025): older months it replaced still name it.
      `SELECT greatest(
         (SELECT coalesce(max(id), 0) FROM partner_batch),
         (SELECT coalesce(max(batch_id), 0) FROM removed_import WHERE source = 'partner')) + 1 AS id`,
    )) as [{ id: number }];
    const months = [...new Set(batch.coverage.map((c) => c.month))].sort();
    const districts = [...new Set(batch.coverage.map((c) => c.district))].sort();
    const accepted = batch.acceptedRows;

    await db.run(
      'CREATE OR REPLACE TEMP TABLE coverage_in (district VARCHAR, month VARCHAR, not_given VARCHAR)',
    );
    await db.append(
      'coverage_in',
      batch.coverage.map((c) => [
        c.district,
        c.month,
        c.notGiven && c.notGiven.length > 0 ? JSON.stringify(c.notGiven) : null,
      ]),
    );
    const [{ replaced }] = (await db.query<{ replaced: number }>(
      `SELECT (SELECT count(*) FROM partner_record r WHERE r.dataset = $dataset
                 AND (r.district_code, r.month) IN (SELECT (district, month) FROM coverage_in))
            + (SELECT count(DISTINCT (r.batch_id, r.line)) FROM partner_count r WHERE r.dataset = $dataset
                 AND (r.district_code, r.month) IN (SELECT (district, month) FROM coverage_in))
            + (SELECT count(*) FROM community_concern r JOIN partner_batch b ON b.id = r.batch_id
               WHERE b.dataset = $dataset
                 AND (r.district_code, r.month) IN (SELECT (district, month) FROM coverage_in))
            AS replaced`,
      { dataset: batch.dataset },
    )) as [{ replaced: number }];
    const periodCounts = batch.periodCounts ?? [];
    let replacedPeriods = 0;
    if (periodCounts.length > 0) {
      await db.run(
        'CREATE OR REPLACE TEMP TABLE period_in (line VARCHAR, period_from VARCHAR, period_to VARCHAR, area_code VARCHAR, district_code VARCHAR, category VARCHAR, count VARCHAR)',
      );
      await db.append(
        'period_in',
        periodCounts.map((c) => [
          String(c.line),
          c.from,
          c.to,
          c.areaCode,
          c.districtCode,
          c.category,
          String(c.count),
        ]),
      );
      const same = `dataset = $dataset AND (district_code, period_from, period_to) IN
        (SELECT (district_code, period_from, period_to) FROM period_in)`;
      const [{ n }] = (await db.query<{ n: number }>(
        `SELECT count(DISTINCT (batch_id, line)) AS n FROM partner_period_count WHERE ${same}`,
        { dataset: batch.dataset },
      )) as [{ n: number }];
      replacedPeriods = n;
      await db.run(`DELETE FROM partner_period_count WHERE ${same}`, { dataset: batch.dataset });
      await db.run(
        `INSERT INTO partner_period_count SELECT $id, line::INTEGER, $dataset, period_from, period_to,
           area_code, district_code, category, count::INTEGER FROM period_in`,
        { id, dataset: batch.dataset },
      );
      await db.run('DROP TABLE period_in');
    }
    for (const table of ['partner_record', 'partner_count'])
      await db.run(
        `DELETE FROM ${table} WHERE dataset = $dataset
           AND (district_code, month) IN (SELECT (district, month) FROM coverage_in)`,
        { dataset: batch.dataset },
      );
    await db.run(
      `DELETE FROM community_concern WHERE batch_id IN (SELECT id FROM partner_batch WHERE dataset = $dataset)
         AND (district_code, month) IN (SELECT (district, month) FROM coverage_in)`,
      { dataset: batch.dataset },
    );
    await db.run(
      `UPDATE partner_coverage SET replaced_by = $id
       WHERE dataset = $dataset AND replaced_by IS NULL
         AND (district, month) IN (SELECT (district, month) FROM coverage_in)`,
      { id, dataset: batch.dataset },
    );
    await db.run(
      `UPDATE partner_batch SET status = 'replaced'
       WHERE dataset = $dataset AND status = 'imported' AND id NOT IN
         (SELECT batch_id FROM partner_coverage WHERE replaced_by IS NULL)`,
      { dataset: batch.dataset },
    );
    // A file replaced whole takes its rejected rows with it.
    await db.run(
      `DELETE FROM partner_rejected_row WHERE batch_id IN
         (SELECT id FROM partner_batch WHERE dataset = $dataset AND status = 'replaced')`,
      { dataset: batch.dataset },
    );
    await db.query(
      `INSERT INTO partner_batch VALUES ($id, $dataset, $file, $hash, $mapping, $synthetic,
         $months, $areas, $accepted, $rejected, $replaced, $started, now(), 'imported')`,
      {
        id,
        dataset: batch.dataset,
        file: batch.fileName,
        hash: batch.contentHash,
        mapping: batch.mapping,
        synthetic: batch.synthetic,
        months: list(months),
        areas: list(districts),
        accepted,
        rejected: batch.rejected.length,
        replaced: replaced + replacedPeriods,
        started: batch.startedAt.toISOString(),
      },
      { months: TEXT_LIST, areas: TEXT_LIST },
    );
    await db.run(
      `INSERT INTO partner_coverage SELECT $id, $dataset, district, month, NULL,
         from_json(not_given, '["VARCHAR"]') FROM coverage_in`,
      { id, dataset: batch.dataset },
    );
    await db.run('DROP TABLE coverage_in');

    // Rows are staged as text and typed by SQL: partner files are small (thousands of rows).
    const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
    if (batch.records.length > 0) {
      await db.run(
        `CREATE OR REPLACE TEMP TABLE record_in (line VARCHAR, record_date VARCHAR, month VARCHAR,
           area_code VARCHAR, district_code VARCHAR, lsoa_code VARCHAR, longitude VARCHAR,
           latitude VARCHAR, categories VARCHAR, attributes VARCHAR)`,
      );
      await db.append(
        'record_in',
        batch.records.map((r) => [
          String(r.line),
          r.date,
          r.month,
          r.areaCode,
          r.districtCode,
          r.lsoaCode,
          text(r.longitude),
          text(r.latitude),
          JSON.stringify(r.categories),
          JSON.stringify(r.attributes),
        ]),
      );
      await db.run(
        `INSERT INTO partner_record SELECT $id, line::INTEGER, $dataset, record_date::DATE, month,
           area_code, district_code, lsoa_code, longitude::DOUBLE, latitude::DOUBLE,
           from_json(categories, '["VARCHAR"]'), attributes::JSON FROM record_in`,
        { id, dataset: batch.dataset },
      );
      await db.run('DROP TABLE record_in');
    }
    if (batch.counts.length > 0) {
      await db.run(
        `CREATE OR REPLACE TEMP TABLE count_in (line VARCHAR, month VARCHAR, area_code VARCHAR,
           district_code VARCHAR, category VARCHAR, count VARCHAR, dimensions VARCHAR)`,
      );
      await db.append(
        'count_in',
        batch.counts.map((c) => [
          String(c.line),
          c.month,
          c.areaCode,
          c.districtCode,
          c.category,
          String(c.count),
          JSON.stringify(c.dimensions),
        ]),
      );
      await db.run(
        `INSERT INTO partner_count SELECT $id, line::INTEGER, $dataset, month, area_code,
           district_code, category, count::INTEGER, dimensions::JSON FROM count_in`,
        { id, dataset: batch.dataset },
      );
      await db.run('DROP TABLE count_in');
    }
    if (batch.concerns.length > 0) {
      await db.run(
        `CREATE OR REPLACE TEMP TABLE concern_in (line VARCHAR, month VARCHAR, area_code VARCHAR,
           district_code VARCHAR, issue VARCHAR, share VARCHAR, rank VARCHAR, respondents VARCHAR)`,
      );
      await db.append(
        'concern_in',
        batch.concerns.map((c) => [
          String(c.line),
          c.month,
          c.areaCode,
          c.districtCode,
          c.issue,
          text(c.shareConcerned),
          text(c.rank),
          text(c.respondents),
        ]),
      );
      await db.run(
        `INSERT INTO community_concern SELECT $id, line::INTEGER, month, area_code, district_code,
           issue, share::DOUBLE, rank::INTEGER, respondents::INTEGER FROM concern_in`,
        { id },
      );
      await db.run('DROP TABLE concern_in');
    }
    await db.append(
      'partner_rejected_row',
      batch.rejected.map((r) => [id, r.line, r.field, r.reason]),
    );
    return { batchId: id, accepted, replaced: replaced + replacedPeriods };
  });
}

export async function checkPartnerAccess(
  db: Db,
  scope: Scope,
  dataset: string,
  areaCodes: readonly string[],
  need: AccessNeed = 'detail',
): Promise<void> {
  if (!mayReadDatasetFor(scope, dataset, need))
    throw new ForbiddenError(`your access does not cover the ${dataset} dataset`);
  for (const code of areaCodes) {
    await assertAreaAccess(db, scope, code, need);
    await assertDatasetInArea(db, scope, dataset, code, need);
  }
}

/** The months each district has current data of the dataset for. */
export async function partnerObservedMonths(
  db: Db,
  scope: Scope,
  dataset: string,
  districts: readonly string[],
): Promise<Map<string, Month[]>> {
  return (await partnerObservedMonthsOf(db, scope, [dataset], districts)).get(dataset)!;
}

/** For each dataset, the months each district has current data of it for: one query for all. */
export async function partnerObservedMonthsOf(
  db: Db,
  scope: Scope,
  datasets: readonly string[],
  districts: readonly string[],
): Promise<Map<string, Map<string, Month[]>>> {
  return (await partnerCoverageOf(db, scope, datasets, districts)).observed;
}

export interface PartnerCoverage {
  /** For each dataset, the months each district has current data of it for. */
  observed: Map<string, Map<string, Month[]>>;
  /**
   * Counts (categories) of those months that the files did not give (an optional count column
   * a file lacks, or left blank): unknown there, not zero.
   */
  notGiven: { dataset: string; district: string; month: Month; category: string }[];
}

/** partnerObservedMonthsOf, with the counts the months held do not hold: one query for all. */
export async function partnerCoverageOf(
  db: Db,
  scope: Scope,
  datasets: readonly string[],
  districts: readonly string[],
): Promise<PartnerCoverage> {
  for (const dataset of datasets) await checkPartnerAccess(db, scope, dataset, districts, 'totals');
  const rows = await db.query<{
    dataset: string;
    district: string;
    month: Month;
    not_given: string[];
  }>(
    `SELECT dataset, district, month,
       list_distinct(flatten(list(coalesce(not_given, []::VARCHAR[])))) AS not_given
     FROM partner_coverage
     WHERE list_contains($datasets, dataset) AND replaced_by IS NULL
       AND list_contains($districts, district)
     GROUP BY ALL ORDER BY month`,
    { datasets: list(datasets), districts: list(districts) },
    { datasets: TEXT_LIST, districts: TEXT_LIST },
  );
  const observed = new Map(
    datasets.map((d) => [d, new Map<string, Month[]>(districts.map((x) => [x, []]))]),
  );
  const notGiven: PartnerCoverage['notGiven'] = [];
  for (const r of rows) {
    observed.get(r.dataset)?.get(r.district)?.push(r.month);
    for (const category of r.not_given)
      notGiven.push({ dataset: r.dataset, district: r.district, month: r.month, category });
  }
  return { observed, notGiven };
}

/**
 * Counts by district, category and month: incident records counted once per category they carry
 * (a hate crime with two strands counts under each), aggregate counts summed; `total` counts each
 * record once, under the category "total".
 */
export async function partnerCountsByDistrict(
  db: Db,
  scope: Scope,
  dataset: string,
  districts: readonly string[],
): Promise<AreaCategoryMonthCount[]> {
  return (await partnerCountsByDistrictOf(db, scope, [dataset], districts)).map(
    ({ dataset: _, ...count }) => count,
  );
}

/** partnerCountsByDistrict for several datasets in one query, each row naming its dataset. */
export async function partnerCountsByDistrictOf(
  db: Db,
  scope: Scope,
  datasets: readonly string[],
  districts: readonly string[],
): Promise<(AreaCategoryMonthCount & { dataset: string })[]> {
  for (const dataset of datasets) await checkPartnerAccess(db, scope, dataset, districts, 'totals');
  return db.query<AreaCategoryMonthCount & { dataset: string } & Record<string, unknown>>(
    `SELECT dataset, area, category, month, count(*) AS count FROM (
       SELECT dataset, district_code AS area, unnest(categories) AS category, month FROM partner_record
       WHERE list_contains($datasets, dataset) AND list_contains($districts, district_code))
     GROUP BY ALL
     UNION ALL
     SELECT dataset, district_code, 'total', month, count(*) FROM partner_record
     WHERE list_contains($datasets, dataset) AND list_contains($districts, district_code) GROUP BY ALL
     UNION ALL
     SELECT dataset, district_code, category, month, sum(count)::INTEGER FROM partner_count
     WHERE list_contains($datasets, dataset) AND list_contains($districts, district_code) GROUP BY ALL`,
    { datasets: list(datasets), districts: list(districts) },
    { datasets: TEXT_LIST, districts: TEXT_LIST },
  );
}

/** Whether any current data of the dataset for these districts is synthetic (demonstration). */
export async function partnerDataIsSynthetic(
  db: Db,
  dataset: string,
  districts: readonly string[],
): Promise<boolean> {
  return (await syntheticPartnerDatasets(db, [dataset], districts)).has(dataset);
}

/** Those of the datasets any current data of which for these districts is synthetic. */
export async function syntheticPartnerDatasets(
  db: Db,
  datasets: readonly string[],
  districts: readonly string[],
): Promise<Set<string>> {
  const rows = await db.query<{ dataset: string }>(
    `SELECT DISTINCT c.dataset FROM partner_coverage c JOIN partner_batch b ON b.id = c.batch_id
     WHERE list_contains($datasets, c.dataset) AND c.replaced_by IS NULL AND b.synthetic
       AND list_contains($districts, c.district)`,
    { datasets: list(datasets), districts: list(districts) },
    { datasets: TEXT_LIST, districts: TEXT_LIST },
  );
  return new Set(rows.map((r) => r.dataset));
}

export interface PartnerDatasetHeld {
  dataset: string;
  batches: number;
  rows: number;
  from: Month | null;
  to: Month | null;
  districts: string[];
  /** Whether any of it is synthetic (demonstration data). */
  synthetic: boolean;
  /** The districts of `districts` whose data is synthetic (all of them, or some: a real file beside the demo's). */
  syntheticDistricts: string[];
}

/**
 * The partner datasets held now, with their coverage: for a caller whose grants open a dataset in
 * some areas only, its batches, rows, months and districts in those areas alone (a count of rows
 * elsewhere is a count of records they may not read). Rows are those of the months held now, as
 * the files gave them (an aggregate row holding several counts is one row, as its import counted).
 */
export async function partnerDatasetsHeld(db: Db, scope: Scope): Promise<PartnerDatasetHeld[]> {
  const rows = await db.query<{
    dataset: string;
    district: string;
    batches: number[];
    rows: number;
    from: Month;
    to: Month;
    synthetic: boolean;
  }>(
    `WITH held AS (
       SELECT c.batch_id, c.dataset, c.district, c.month, b.synthetic
       FROM partner_coverage c JOIN partner_batch b ON b.id = c.batch_id
       WHERE c.replaced_by IS NULL),
     counted AS (
       SELECT batch_id, district_code AS district, month, count(*) AS n FROM partner_record
       GROUP BY ALL
       UNION ALL
       -- An aggregate row stores one count per count column: it is still one row of the file.
       SELECT batch_id, district_code, month, count(DISTINCT line) FROM partner_count GROUP BY ALL
       UNION ALL
       SELECT batch_id, district_code, month, count(*) FROM community_concern GROUP BY ALL)
     SELECT h.dataset, h.district, list(DISTINCT h.batch_id) AS batches,
            coalesce(sum(k.n), 0)::INTEGER AS rows, min(h.month) AS "from", max(h.month) AS "to",
            bool_or(h.synthetic) AS synthetic
     FROM held h LEFT JOIN counted k
       ON k.batch_id = h.batch_id AND k.district = h.district AND k.month = h.month
     GROUP BY h.dataset, h.district ORDER BY h.dataset, h.district`,
  );
  const open = async (dataset: string, district: string) =>
    scope.datasetAreas === undefined
      ? mayReadDataset(scope, dataset)
      : mayReadDatasetIn(scope, dataset, await ancestorsOf(db, district), 'detail');
  const byDataset = new Map<string, PartnerDatasetHeld & { batchIds: Set<number> }>();
  for (const r of rows) {
    if (!(await open(r.dataset, r.district))) continue;
    const h = byDataset.get(r.dataset) ?? {
      dataset: r.dataset,
      batches: 0,
      rows: 0,
      from: null,
      to: null,
      districts: [],
      synthetic: false,
      syntheticDistricts: [],
      batchIds: new Set<number>(),
    };
    for (const id of r.batches) h.batchIds.add(id);
    h.rows += r.rows;
    h.from = h.from === null || r.from < h.from ? r.from : h.from;
    h.to = h.to === null || r.to > h.to ? r.to : h.to;
    h.districts.push(r.district);
    h.synthetic ||= r.synthetic;
    if (r.synthetic) h.syntheticDistricts.push(r.district);
    byDataset.set(r.dataset, h);
  }
  return [...byDataset.values()].map(({ batchIds, ...h }) => ({ ...h, batches: batchIds.size }));
}

/** The districts each partner dataset held now covers (what partnerDatasetsHeld gives, alone). */
export async function partnerDatasetDistricts(
  db: Db,
  scope: Scope,
): Promise<{ dataset: string; districts: string[] }[]> {
  const rows = await db.query<{ dataset: string; districts: string[] }>(
    `SELECT dataset, list(DISTINCT district ORDER BY district) AS districts
     FROM partner_coverage WHERE replaced_by IS NULL GROUP BY dataset ORDER BY dataset`,
  );
  return rows.filter((r) => mayReadDataset(scope, r.dataset));
}

export interface PeriodCount {
  area: string;
  from: Month;
  to: Month;
  category: string;
  count: number;
}

/** Whole-period counts (DEFRA annual tables) of the districts, by period and category. */
export async function partnerPeriodCounts(
  db: Db,
  scope: Scope,
  dataset: string,
  districts: readonly string[],
): Promise<PeriodCount[]> {
  return (await partnerPeriodCountsOf(db, scope, [dataset], districts)).map(
    ({ dataset: _, ...count }) => count,
  );
}

/** partnerPeriodCounts for several datasets in one query, each row naming its dataset. */
export async function partnerPeriodCountsOf(
  db: Db,
  scope: Scope,
  datasets: readonly string[],
  districts: readonly string[],
): Promise<(PeriodCount & { dataset: string })[]> {
  for (const dataset of datasets) await checkPartnerAccess(db, scope, dataset, districts, 'totals');
  return db.query<PeriodCount & { dataset: string } & Record<string, unknown>>(
    `SELECT dataset, district_code AS area, period_from AS "from", period_to AS "to", category,
            sum(count)::INTEGER AS count
     FROM partner_period_count
     WHERE list_contains($datasets, dataset) AND list_contains($districts, district_code)
     GROUP BY ALL ORDER BY "from"`,
    { datasets: list(datasets), districts: list(districts) },
    { datasets: TEXT_LIST, districts: TEXT_LIST },
  );
}

/** The latest survey share concerned for each issue in a district, up to a month. */
export async function latestConcern(
  db: Db,
  scope: Scope,
  district: string,
  upTo: Month,
): Promise<
  { issue: string; share: number; month: Month; respondents: number | null; synthetic: boolean }[]
> {
  await checkPartnerAccess(db, scope, 'community-concern', [district]);
  return db.query(
    `SELECT c.issue, arg_max(c.share_concerned, c.month) AS share, max(c.month) AS month,
            arg_max(c.respondents, c.month) AS respondents, bool_or(b.synthetic) AS synthetic
     FROM community_concern c JOIN partner_batch b ON b.id = c.batch_id
     WHERE c.district_code = $district AND c.month <= $upTo AND c.share_concerned IS NOT NULL
     GROUP BY c.issue`,
    { district, upTo },
  );
}
