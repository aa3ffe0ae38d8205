/**
 * The store's invariants, checked and repaired.
 *
 * Every record belongs to an import batch, and a batch holds exactly the rows it recorded. DuckDB
 * keeps that true while Lantern runs (a batch and its rows are one transaction), but not always
 * after a crash: DuckDB 1.5 writes a large insert's rows to the database file before the commit
 * (optimistic writes) and, when the process dies while the commit's log is half written, replays
 * those rows without the rest of the transaction (duckdb/duckdb#25931, open). The store then
 * holds records whose batch was never committed. Their batch ids are above every committed batch
 * id (a transaction that never committed cannot be followed by one that did, since the next
 * command removes them on open), so they are found through the column's min/max statistics
 * without reading the table, and removed on open (`removeInterruptedRows`). Left there, they
 * were counted by `areas`, and adopted by the next import, which reused their batch id and so
 * held every record twice.
 *
 * `checkStore` is the full check behind `lantern check`: records without a batch at any id,
 * batches whose records per month differ from what they recorded, months held twice, rejected
 * rows that do not match. `repairStore` removes what cannot be trusted: a damaged batch goes
 * whole (its months become missing), and the check names the files to import again.
 */
import type { Db } from './db.js';
import { storeTables } from './store-tables.js';

/** The tables whose rows belong to an import batch, by the table of batches they belong to. */
export const OWNED_TABLES: Readonly<Record<'import_batch' | 'partner_batch', readonly string[]>> = {
  import_batch: ['crime', 'outcome', 'stop_search', 'rejected_row', 'batch_month', 'street_count'],
  partner_batch: [
    'partner_record',
    'partner_count',
    'community_concern',
    'partner_period_count',
    'partner_rejected_row',
    'partner_coverage',
  ],
};

/** The police.uk record tables, by the kind of file that fills them. */
const POLICE_TABLES: Readonly<Record<string, string>> = {
  street: 'crime',
  outcomes: 'outcome',
  'stop-and-search': 'stop_search',
};

/** What `removeInterruptedRows` removed: rows per table. */
export interface InterruptedRows {
  rows: { table: string; rows: number }[];
  total: number;
}

/**
 * The rows an interrupted import left without their batch (see the header), by table, with the
 * batch id above which they lie; empty when there are none. Only reads (a few min/max lookups).
 */
export async function findInterruptedRows(
  db: Db,
): Promise<{ table: string; rows: number; above: number }[]> {
  // A table a migration not yet applied creates (a store opened for reading before its upgrade).
  const existing = await storeTables(db);
  // One statement for every table (every command opens the store: a statement each took about
  // 9 ms of a 33 ms open).
  const parts = Object.entries(OWNED_TABLES).flatMap(([batches, tables]) =>
    existing.has(batches)
      ? tables
          .filter((table) => existing.has(table))
          .map(
            (table) =>
              `SELECT '${table}' AS "table", count(*) AS rows, any_value(m.id) AS above
               FROM ${table}, (SELECT coalesce(max(id), 0) AS id FROM ${batches}) m
               WHERE batch_id > m.id`,
          )
      : [],
  );
  if (parts.length === 0) return [];
  const rows = await db.query<{ table: string; rows: number; above: number | null }>(
    parts.join('\nUNION ALL\n'),
  );
  return rows
    .filter((r) => r.rows > 0)
    .map((r) => ({ table: r.table, rows: r.rows, above: Number(r.above) }));
}

/**
 * Removes the rows an interrupted import left without their batch (see the header), in one
 * transaction, and writes the store file so the torn log is gone. Returns what it removed, or
 * null when there was nothing to remove (the usual case: a few min/max lookups).
 */
export async function removeInterruptedRows(db: Db): Promise<InterruptedRows | null> {
  const found = await findInterruptedRows(db);
  if (found.length === 0) return null;
  await db.transaction(async () => {
    for (const { table, above } of found) {
      await db.run(`DELETE FROM ${table} WHERE batch_id > ${above}`);
    }
  });
  await db.checkpoint();
  return {
    rows: found.map(({ table, rows }) => ({ table, rows })),
    total: found.reduce((n, f) => n + f.rows, 0),
  };
}

/** The reader's account of `removeInterruptedRows`' work. */
export function describeInterruptedRows(path: string, removed: InterruptedRows): string {
  const parts = removed.rows.map((r) => `${r.rows.toLocaleString('en-GB')} in ${r.table}`);
  return (
    `${path}: an import was stopped while it was being saved, and left ` +
    `${removed.total.toLocaleString('en-GB')} rows without their import record (${parts.join(', ')}). ` +
    'They have been removed, so the store holds only complete imports; run that import again to finish it.'
  );
}

export type ProblemKind =
  | 'orphan-rows'
  | 'batch-rows'
  | 'batch-rejected-rows'
  | 'month-held-twice'
  | 'replaced-rows'
  | 'street-counts';

export interface StoreProblem {
  kind: ProblemKind;
  /** The batch table ('import_batch' or 'partner_batch') and batch concerned, if any. */
  batches: 'import_batch' | 'partner_batch';
  batchId: number | null;
  /** The file the batch was imported from, to import again after a repair. */
  fileName: string | null;
  message: string;
}

export interface StoreCheck {
  /** Batches and rows looked at. */
  batches: number;
  rows: number;
  problems: StoreProblem[];
}

/** Checks every invariant of the store (reads every record once per table). */
export async function checkStore(db: Db): Promise<StoreCheck> {
  const problems: StoreProblem[] = [];
  const files = new Map<string, string>();
  for (const batches of Object.keys(OWNED_TABLES) as (keyof typeof OWNED_TABLES)[]) {
    for (const row of await db.query<{ id: number; file: string }>(
      `SELECT id, file_name AS file FROM ${batches}`,
    )) {
      files.set(`${batches}:${row.id}`, row.file);
    }
  }
  const fileOf = (batches: string, id: number | null) =>
    id === null ? null : (files.get(`${batches}:${id}`) ?? null);
  const problem = (
    kind: ProblemKind,
    batches: 'import_batch' | 'partner_batch',
    batchId: number | null,
    message: string,
  ) => problems.push({ kind, batches, batchId, fileName: fileOf(batches, batchId), message });

  // Rows whose batch does not exist, at any id.
  let rows = 0;
  for (const [batches, tables] of Object.entries(OWNED_TABLES) as [
    'import_batch' | 'partner_batch',
    readonly string[],
  ][]) {
    for (const table of tables) {
      const counts = await db.query<{ batch: number; n: number; known: boolean }>(
        `SELECT t.batch_id AS batch, count(*) AS n, bool_or(b.id IS NOT NULL) AS known
         FROM ${table} t LEFT JOIN ${batches} b ON b.id = t.batch_id
         GROUP BY t.batch_id ORDER BY t.batch_id`,
      );
      for (const { batch, n, known } of counts) {
        rows += n;
        if (!known) {
          problem(
            'orphan-rows',
            batches,
            null,
            `${n.toLocaleString('en-GB')} row(s) of ${table} belong to batch ${batch}, which does not exist (left by an interrupted import)`,
          );
        }
      }
    }
  }

  // Each police.uk batch holds, month by month, the rows it recorded for the months it still holds.
  for (const [kind, table] of Object.entries(POLICE_TABLES)) {
    const mismatches = await db.query<{
      batch: number;
      month: string;
      stored: number;
      recorded: number;
    }>(
      `WITH stored AS (
         SELECT batch_id, month, count(*) AS n FROM ${table} GROUP BY ALL),
       recorded AS (
         SELECT batch_id, month, row_count AS n FROM batch_month
         WHERE kind = $kind AND replaced_by IS NULL)
       SELECT coalesce(s.batch_id, r.batch_id) AS batch, coalesce(s.month, r.month) AS month,
         coalesce(s.n, 0) AS stored, coalesce(r.n, 0) AS recorded
       FROM stored s FULL JOIN recorded r ON s.batch_id = r.batch_id AND s.month = r.month
       WHERE coalesce(s.n, 0) <> coalesce(r.n, 0)
         AND coalesce(s.batch_id, r.batch_id) IN (SELECT id FROM import_batch)
       ORDER BY batch, month`,
      { kind },
    );
    for (const m of mismatches) {
      problem(
        m.recorded === 0 ? 'replaced-rows' : 'batch-rows',
        'import_batch',
        m.batch,
        `batch ${m.batch} holds ${m.stored.toLocaleString('en-GB')} ${kind} row(s) for ${m.month}; ` +
          (m.recorded === 0
            ? 'it does not hold that month (a newer file replaced it, or it never had it)'
            : `it recorded ${m.recorded.toLocaleString('en-GB')}`),
      );
    }
  }

  // Each street batch's counts (migration 019) are those of its records. A batch whose records
  // are already found wrong is named once: the repair removes it whole, counts and all.
  const damaged = new Set(problems.map((p) => p.batchId));
  for (const c of await db.query<{ batch: number; month: string }>(
    `WITH counted AS (
       SELECT batch_id, force, month, district_code, district_match, category, count(*) AS n
       FROM crime GROUP BY ALL)
     SELECT DISTINCT coalesce(c.batch_id, s.batch_id) AS batch, coalesce(c.month, s.month) AS month
     FROM counted c FULL JOIN street_count s ON s.batch_id = c.batch_id AND s.month = c.month
       AND s.force = c.force AND s.district_code IS NOT DISTINCT FROM c.district_code
       AND s.district_match = c.district_match AND s.category = c.category
     WHERE coalesce(c.n, 0) <> coalesce(s.records, 0)
       AND coalesce(c.batch_id, s.batch_id) IN (SELECT id FROM import_batch)
     ORDER BY batch, month`,
  )) {
    if (damaged.has(c.batch)) continue;
    problem(
      'street-counts',
      'import_batch',
      c.batch,
      `batch ${c.batch}'s counts of street records for ${c.month} differ from its records`,
    );
  }

  for (const r of await db.query<{ batch: number; stored: number; recorded: number }>(
    `SELECT b.id AS batch, b.rows_rejected AS recorded, count(r.batch_id) AS stored
     FROM import_batch b LEFT JOIN rejected_row r ON r.batch_id = b.id
     GROUP BY b.id, b.rows_rejected HAVING count(r.batch_id) <> b.rows_rejected ORDER BY b.id`,
  )) {
    problem(
      'batch-rejected-rows',
      'import_batch',
      r.batch,
      `batch ${r.batch} holds ${r.stored} rejected row(s); it recorded ${r.recorded}`,
    );
  }

  for (const d of await db.query<{
    kind: string;
    force: string;
    month: string;
    area: string | null;
    ids: number[];
  }>(
    `SELECT kind, force, month, area_code AS area, list(batch_id ORDER BY batch_id) AS ids
     FROM batch_month WHERE replaced_by IS NULL GROUP BY ALL HAVING count(*) > 1 ORDER BY ALL`,
  )) {
    problem(
      'month-held-twice',
      'import_batch',
      d.ids.at(-1) ?? null,
      `${d.kind} ${d.force} ${d.month}${d.area ? ` (${d.area})` : ''} is held by batches ${d.ids.join(', ')} at once`,
    );
  }
  for (const d of await db.query<{
    dataset: string;
    district: string;
    month: string;
    ids: number[];
  }>(
    `SELECT dataset, district, month, list(batch_id ORDER BY batch_id) AS ids
     FROM partner_coverage WHERE replaced_by IS NULL GROUP BY ALL HAVING count(*) > 1 ORDER BY ALL`,
  )) {
    problem(
      'month-held-twice',
      'partner_batch',
      d.ids.at(-1) ?? null,
      `${d.dataset} ${d.district} ${d.month} is held by partner batches ${d.ids.join(', ')} at once`,
    );
  }

  // Partner records may only sit in the months their batch still holds.
  for (const table of ['partner_record', 'partner_count', 'community_concern']) {
    for (const r of await db.query<{ batch: number; n: number }>(
      `SELECT t.batch_id AS batch, count(*) AS n
       FROM ${table} t JOIN partner_batch b ON b.id = t.batch_id
       WHERE NOT EXISTS (
         SELECT 1 FROM partner_coverage c
         WHERE c.batch_id = t.batch_id AND c.district = t.district_code AND c.month = t.month
           AND c.replaced_by IS NULL)
       GROUP BY t.batch_id ORDER BY t.batch_id`,
    )) {
      problem(
        'replaced-rows',
        'partner_batch',
        r.batch,
        `partner batch ${r.batch} holds ${r.n} row(s) of ${table} in months it does not hold`,
      );
    }
  }

  const [{ n: batchCount } = { n: 0 }] = await db.query<{ n: number }>(
    'SELECT (SELECT count(*) FROM import_batch) + (SELECT count(*) FROM partner_batch) AS n',
  );
  return { batches: batchCount, rows, problems };
}

export interface StoreRepair {
  orphanRows: number;
  /** The batches removed whole, with the file each came from (to import again). */
  removed: { batches: 'import_batch' | 'partner_batch'; batchId: number; fileName: string }[];
}

/**
 * Repairs what `checkStore` found, in one transaction: rows without a batch are removed, and each
 * damaged batch is removed whole (records, months held, rejected rows and the batch itself), so
 * its months become missing until its file is imported again. Nothing that is consistent is
 * touched.
 */
export async function repairStore(db: Db, check: StoreCheck): Promise<StoreRepair> {
  const damaged = new Map<string, { batches: 'import_batch' | 'partner_batch'; batchId: number }>();
  for (const p of check.problems) {
    if (p.batchId !== null) {
      damaged.set(`${p.batches}:${p.batchId}`, { batches: p.batches, batchId: p.batchId });
    }
  }
  let orphanRows = 0;
  const removed: StoreRepair['removed'] = [];
  await db.transaction(async () => {
    for (const [batches, tables] of Object.entries(OWNED_TABLES)) {
      for (const table of tables) {
        const [row] = await db.query<{ n: number }>(
          `SELECT count(*) AS n FROM ${table} WHERE batch_id NOT IN (SELECT id FROM ${batches})`,
        );
        orphanRows += row?.n ?? 0;
        await db.run(`DELETE FROM ${table} WHERE batch_id NOT IN (SELECT id FROM ${batches})`);
      }
    }
    for (const { batches, batchId } of damaged.values()) {
      const [batch] = await db.query<{ file: string }>(
        `SELECT file_name AS file FROM ${batches} WHERE id = $id`,
        { id: batchId },
      );
      if (!batch) continue;
      // Recorded as removed (migration 025), so that its id is never given to a later import
      // and the saved assessments that used its months say they went.
      await db.run(recordRemovalSql(batches), { id: batchId });
      for (const table of OWNED_TABLES[batches]) {
        await db.run(`DELETE FROM ${table} WHERE batch_id = $id`, { id: batchId });
      }
      await db.run(`DELETE FROM ${batches} WHERE id = $id`, { id: batchId });
      removed.push({ batches, batchId, fileName: batch.file });
    }
  });
  await db.checkpoint();
  return { orphanRows, removed };
}

/** The `removed_import` row of a damaged batch `repairStore` removes ($id). */
function recordRemovalSql(batches: 'import_batch' | 'partner_batch'): string {
  const file =
    "regexp_extract(split_part(b.file_name, '!', 1), '[^/\\\\]+$') || CASE WHEN contains(b.file_name, '!') THEN '!' || split_part(b.file_name, '!', 2) ELSE '' END";
  return batches === 'import_batch'
    ? `INSERT INTO removed_import
       SELECT 'police', b.id, b.dataset, b.force,
         CASE WHEN b.area_code IS NULL THEN []::VARCHAR[] ELSE [b.area_code] END,
         coalesce((SELECT list(m.month ORDER BY m.month) FROM batch_month m
                   WHERE m.batch_id = b.id AND m.replaced_by IS NULL), []),
         ${file},
         coalesce((SELECT sum(m.row_count) FROM batch_month m
                   WHERE m.batch_id = b.id AND m.replaced_by IS NULL), 0),
         b.finished_at, now(), 'lantern check --repair', 'damaged: removed whole', false
       FROM import_batch b WHERE b.id = $id`
    : `INSERT INTO removed_import
       SELECT 'partner', b.id, b.dataset, NULL, b.areas,
         coalesce((SELECT list(DISTINCT c.month ORDER BY c.month) FROM partner_coverage c
                   WHERE c.batch_id = b.id AND c.replaced_by IS NULL), []),
         ${file}, b.rows_accepted, b.finished_at, now(), 'lantern check --repair',
         'damaged: removed whole', false
       FROM partner_batch b WHERE b.id = $id`;
}
