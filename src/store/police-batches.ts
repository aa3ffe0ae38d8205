/**
 * Loading one validated police.uk file into the store, atomically. One transaction records the
 * batch, deletes the rows that an earlier file holds for the same kind, force and months (a
 * republished month replaces the old one), bulk-loads the staged rows with DuckDB's CSV reader,
 * and stores the rejected rows. The whole transaction is sent as one script, so DuckDB runs it on
 * its own threads while JavaScript reads the next file. A crash at any point leaves the store as
 * it was before the file: DuckDB's log replays only committed transactions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Month } from '../domain/month.js';
import { datasetOf, type PoliceKind } from '../domain/police-file.js';
import { STAGED_COLUMNS, type StagedColumn } from '../domain/police-records.js';
import { InputError } from '../errors.js';
import { quoteLiteral, type Db } from './db.js';

export interface RejectedRowToStore {
  line: number;
  field: string | null;
  reason: string;
  raw: string;
}

export interface BatchToLoad {
  fileName: string;
  contentHash: string;
  kind: PoliceKind;
  force: string;
  /** Accepted rows per month. */
  monthCounts: ReadonlyMap<Month, number>;
  /** The area an API fetch covered; absent for a force's whole file. */
  areaCode?: string | null;
  /** Accepted rows in the layout of domain/police-records.ts, as CSV. */
  staged: Uint8Array | string;
  stagedRows: number;
  rejected: readonly RejectedRowToStore[];
  startedAt: Date;
}

export interface LoadedBatch {
  batchId: number;
  accepted: number;
  replaced: number;
}

export interface ExistingBatch {
  id: number;
  kind: PoliceKind;
  force: string;
  months: Month[];
  accepted: number;
  rejected: number;
  status: string;
}

const TABLE: Readonly<Record<PoliceKind, string>> = {
  street: 'crime',
  outcomes: 'outcome',
  'stop-and-search': 'stop_search',
};

const REJECT_COLUMNS: readonly StagedColumn[] = [
  { name: 'line', type: 'INTEGER' },
  { name: 'field', type: 'VARCHAR' },
  { name: 'reason', type: 'VARCHAR' },
  { name: 'raw', type: 'VARCHAR' },
];

/** The batch that imported a file with this content, if any. */
export async function findBatchByHash(db: Db, contentHash: string): Promise<ExistingBatch | null> {
  const rows = await db.query<ExistingBatch & Record<string, unknown>>(
    `SELECT id, kind, force, months, rows_accepted AS accepted, rows_rejected AS rejected, status
     FROM import_batch WHERE content_hash = $h ORDER BY id LIMIT 1`,
    { h: contentHash },
  );
  return rows[0] ?? null;
}

/** The content hashes of every file the store has imported. */
export async function importedHashes(db: Db): Promise<Set<string>> {
  const rows = await db.query<{ h: string }>('SELECT DISTINCT content_hash AS h FROM import_batch');
  return new Set(rows.map((r) => r.h));
}

interface Holder {
  batchId: number;
  kind: string;
  force: string;
  month: string;
  area: string | null;
  rows: number;
}

/**
 * Loads files one after another for one import command. It reads the next batch id and which
 * batch holds each (kind, force, month, area) once, then keeps both up to date itself, so each
 * file is a single call into DuckDB. Safe because a store file has one writer: DuckDB locks it.
 * A force's whole file replaces every holder of its months (whole-file or area); an area's
 * batch (an API fetch) replaces only the earlier batch of the same area.
 */
export class PoliceBatchLoader {
  private readonly db: Db;
  private nextId: number;
  private holders: Holder[];

  private constructor(db: Db, nextId: number, holders: Holder[]) {
    this.db = db;
    this.nextId = nextId;
    this.holders = holders;
  }

  static async create(db: Db): Promise<PoliceBatchLoader> {
    const [{ next }] = (await db.query<{ next: number }>(
      'SELECT COALESCE(max(id), 0) + 1 AS next FROM import_batch',
    )) as [{ next: number }];
    const holders = await db.query<Holder & Record<string, unknown>>(
      `SELECT batch_id AS "batchId", kind, force, month, area_code AS area, row_count AS rows
       FROM batch_month WHERE replaced_by IS NULL`,
    );
    return new PoliceBatchLoader(db, next, holders);
  }

  async load(batch: BatchToLoad): Promise<LoadedBatch> {
    const months = [...batch.monthCounts.keys()].sort();
    const area = batch.areaCode ?? null;
    const same = (h: Holder) =>
      h.kind === batch.kind && h.force === batch.force && months.includes(h.month);
    if (area !== null) {
      const whole = this.holders.find((h) => same(h) && h.area === null);
      if (whole) {
        throw new InputError(
          `${batch.fileName}: ${whole.month} is already held from the force's own file (batch ${whole.batchId})`,
        );
      }
    }
    const replacedHolders = this.holders.filter(
      (h) => same(h) && (area === null || h.area === area),
    );
    const replaced = replacedHolders.reduce((n, h) => n + h.rows, 0);
    const id = this.nextId;
    const dir = mkdtempSync(join(tmpdir(), 'lantern-stage-'));
    try {
      const rowsPath = join(dir, 'rows.csv');
      const rejectsPath = join(dir, 'rejects.csv');
      writeFileSync(rowsPath, batch.staged);
      writeFileSync(rejectsPath, rejectsCsv(batch.rejected));
      const replacedIds = [...new Set(replacedHolders.map((h) => h.batchId))];
      await this.db.transactionScript(
        loadScript({ batch, id, months, area, replaced, replacedIds, rowsPath, rejectsPath }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    this.nextId = id + 1;
    this.holders = this.holders.filter((h) => !replacedHolders.includes(h));
    for (const m of months) {
      this.holders.push({
        batchId: id,
        kind: batch.kind,
        force: batch.force,
        month: m,
        area,
        rows: batch.monthCounts.get(m) ?? 0,
      });
    }
    return { batchId: id, accepted: batch.stagedRows, replaced };
  }
}

interface ScriptInput {
  batch: BatchToLoad;
  id: number;
  months: readonly Month[];
  area: string | null;
  replaced: number;
  replacedIds: readonly number[];
  rowsPath: string;
  rejectsPath: string;
}

/** The statements of one file's transaction. Values are ours or quoted, never spliced raw. */
function loadScript(input: ScriptInput): string[] {
  const { batch, id, months, area, replaced, replacedIds, rowsPath, rejectsPath } = input;
  const q = quoteLiteral;
  const kind = q(batch.kind);
  const force = q(batch.force);
  const areaSql = area === null ? 'NULL' : q(area);
  const monthList = `[${months.map(q).join(', ')}]`;
  const statements = [
    `INSERT INTO import_batch (id, file_name, content_hash, kind, dataset, force, area_code, months,
       rows_accepted, rows_rejected, rows_replaced, started_at, finished_at, status)
     VALUES (${id}, ${q(batch.fileName)}, ${q(batch.contentHash)}, ${kind},
      ${q(datasetOf(batch.kind))}, ${force}, ${areaSql}, ${monthList}, ${batch.stagedRows},
      ${batch.rejected.length}, ${replaced}, ${q(batch.startedAt.toISOString())}, now(), 'imported')`,
  ];
  if (replacedIds.length > 0) {
    const ids = replacedIds.join(', ');
    statements.push(
      `DELETE FROM ${TABLE[batch.kind]} WHERE batch_id IN (${ids}) AND list_contains(${monthList}, month)`,
      `UPDATE batch_month SET replaced_by = ${id}
       WHERE batch_id IN (${ids}) AND list_contains(${monthList}, month) AND replaced_by IS NULL`,
      `UPDATE import_batch SET status = 'replaced' WHERE status = 'imported' AND id IN (
         SELECT batch_id FROM batch_month GROUP BY batch_id HAVING bool_and(replaced_by IS NOT NULL))`,
    );
  }
  const staged = STAGED_COLUMNS[batch.kind].map((c) => c.name);
  statements.push(
    `INSERT INTO ${TABLE[batch.kind]} (batch_id, force, ${staged.join(', ')})
     SELECT ${id}, ${force}, ${staged.map((c) => `s.${c}`).join(', ')}
     FROM ${readStaged(rowsPath, STAGED_COLUMNS[batch.kind])} s`,
    `INSERT INTO batch_month VALUES ${months
      .map(
        (m) =>
          `(${id}, ${kind}, ${force}, ${q(m)}, ${batch.monthCounts.get(m) ?? 0}, NULL, ${areaSql})`,
      )
      .join(', ')}`,
  );
  if (batch.rejected.length > 0) {
    statements.push(
      `INSERT INTO rejected_row SELECT ${id}, line, field, reason, raw
       FROM ${readStaged(rejectsPath, REJECT_COLUMNS)}`,
    );
  }
  return statements;
}

function readStaged(path: string, columns: readonly StagedColumn[]): string {
  const spec = columns.map((c) => `${quoteLiteral(c.name)}: '${c.type}'`).join(', ');
  return `read_csv(${quoteLiteral(path)}, columns = {${spec}}, header = false,
    auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n',
    max_line_size = ${MAX_STAGED_LINE})`;
}

/** Longest staged line DuckDB will read (a police.uk row is a few hundred bytes). */
const MAX_STAGED_LINE = 64 * 1024 * 1024;
/** Raw text kept for a rejected row: enough to recognise it; a runaway row is cut. */
const MAX_RAW = 2000;

function rejectsCsv(rows: readonly RejectedRowToStore[]): string {
  const cell = (v: string | null) =>
    v === null || v === '' ? '' : '"' + v.replaceAll('"', '""') + '"';
  const cut = (v: string) =>
    v.length > MAX_RAW ? `${v.slice(0, MAX_RAW)}… (${v.length} characters)` : v;
  return rows
    .map((r) => `${r.line},${cell(r.field)},${cell(cut(r.reason))},${cell(cut(r.raw))}`)
    .join('\n');
}
