/**
 * Loading one validated police.uk file into the store, atomically. One transaction records the
 * batch, deletes the rows that an earlier file holds for the same kind, force and months (a
 * republished month replaces the old one) and their counts, bulk-loads the staged rows with
 * DuckDB's CSV reader, counts the street records by district, category and month (the
 * street_count table the readers of counts use), and stores the rejected rows. The whole
 * transaction is sent as one script, so DuckDB runs it on its own threads while JavaScript reads
 * the next file. A crash at any point leaves the store as it was before the file: DuckDB's log
 * replays only committed transactions.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Month } from '../domain/month.js';
import { datasetOf, type PoliceKind } from '../domain/police-file.js';
import {
  STAGED_COLUMNS,
  STREET_AS_FILED,
  type StagedColumn,
  type StagedLayout,
  type StreetCount,
} from '../domain/police-records.js';
import { InputError } from '../errors.js';
import { quoteLiteral, type Db } from './db.js';
import { removeAbandonedFolders, scratchFolderSync } from '../scratch-folders.js';

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
  /** Accepted rows as CSV, laid out as `layout` says. */
  staged: Uint8Array | string;
  /**
   * 'lantern' (the default): the layout of domain/police-records.ts. 'as-filed' (street rows
   * only): line, ASB key, district code, district match and category, then the police.uk
   * street line as it is, its columns in POLICE_COLUMNS.street order (STREET_AS_FILED).
   */
  layout?: StagedLayout;
  stagedRows: number;
  /**
   * Street rows: their counts for the street_count table, worked out as they were checked. When
   * absent the store counts the rows it has just loaded (a read of them all back).
   */
  streetCounts?: readonly StreetCount[];
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

/**
 * The loader's scratch folders in the system's temporary folder: staged rows as files are added,
 * and each group's while it loads (src/scratch-folders.ts: those of a killed import are removed
 * by the next).
 */
const INCOMING_PREFIX = 'lantern-incoming-';
const STAGE_PREFIX = 'lantern-stage-';

const TABLE: Readonly<Record<PoliceKind, string>> = {
  street: 'crime',
  outcomes: 'outcome',
  'stop-and-search': 'stop_search',
};

/** The staged columns of a kind in a layout, and those of them the table stores. */
function stagedColumns(kind: PoliceKind, layout: StagedLayout) {
  if (layout === 'as-filed' && kind === 'street') {
    return {
      columns: STREET_AS_FILED,
      stored: STREET_AS_FILED.map((c) => c.name).filter((n) => n !== 'crime_type'),
    };
  }
  if (layout === 'as-filed') throw new Error(`no 'as-filed' staging for ${kind} rows`);
  return { columns: STAGED_COLUMNS[kind], stored: STAGED_COLUMNS[kind].map((c) => c.name) };
}

const REJECT_COLUMNS: readonly StagedColumn[] = [
  { name: 'line', type: 'INTEGER' },
  { name: 'field', type: 'VARCHAR' },
  { name: 'reason', type: 'VARCHAR' },
  { name: 'raw', type: 'VARCHAR' },
];

/**
 * The batch that imported each content the store still holds whole, by content hash. A batch any
 * of whose months a later file replaced is left out: its content is no longer what the store
 * holds, so importing it again is a replacement like any other file's (and may restore it).
 */
export async function importedContents(db: Db): Promise<Map<string, ExistingBatch>> {
  const rows = await db.query<ExistingBatch & { hash: string } & Record<string, unknown>>(
    `SELECT content_hash AS hash, id, kind, force, months, rows_accepted AS accepted,
       rows_rejected AS rejected, status
     FROM import_batch b
     WHERE status = 'imported' AND NOT EXISTS (
       SELECT 1 FROM batch_month m WHERE m.batch_id = b.id AND m.replaced_by IS NOT NULL)
     ORDER BY id`,
  );
  const byHash = new Map<string, ExistingBatch>();
  for (const { hash, ...batch } of rows) if (!byHash.has(hash)) byHash.set(hash, batch);
  return byHash;
}

/** Contents the store imported once and no longer holds whole (a later file replaced a month). */
export async function replacedContents(db: Db): Promise<Set<string>> {
  const rows = await db.query<{ hash: string }>(
    `SELECT DISTINCT content_hash AS hash FROM import_batch b
     WHERE status = 'replaced' OR EXISTS (
       SELECT 1 FROM batch_month m WHERE m.batch_id = b.id AND m.replaced_by IS NOT NULL)`,
  );
  return new Set(rows.map((r) => r.hash));
}

interface Holder {
  batchId: number;
  kind: string;
  force: string;
  month: string;
  area: string | null;
  rows: number;
}

/** What loading a batch does to the holders: the ones it replaces and how many rows they held. */
interface Plan {
  batch: BatchToLoad;
  id: number;
  months: Month[];
  area: string | null;
  replacedHolders: Holder[];
  replaced: number;
}

/** The outcome of one file: loaded, or refused with the reason (nothing of it stored). */
export type BatchOutcome = { ok: true; loaded: LoadedBatch } | { ok: false; error: unknown };

interface Queued {
  batch: BatchToLoad;
  resolve: (outcome: BatchOutcome) => void;
  /** The staged rows, being written to this file while DuckDB loads the files before them. */
  incoming: { path: string; written: Promise<unknown> };
}

/** The files of the open transaction, with the holders and next id as they will be once it commits. */
interface OpenGroup {
  /** Holds the group's staged files until the group ends (a failed group reloads them). */
  dir: string;
  begun: boolean;
  /** The transaction failed and was rolled back: the group's files load one by one. */
  failed: boolean;
  members: {
    plan: Plan;
    staged: string;
    rejects: string | null;
    counts: string | null;
    resolve: Queued['resolve'];
  }[];
  holders: Holder[];
  nextId: number;
}

/**
 * Loads files for one import command in groups, each group one transaction. It reads the next
 * batch id and which batch holds each (kind, force, month, area) once, then keeps both up to
 * date itself. Safe because a store file has one writer: DuckDB locks it. A force's whole file
 * replaces every holder of its months (whole-file or area); an area's batch (an API fetch)
 * replaces only the earlier batch of the same area.
 *
 * Files are added as they are checked; the files waiting when DuckDB is free go into the open
 * transaction together (one script), so DuckDB loads while JavaScript checks the next files.
 * `endGroup` commits. A group's rows are thus one transaction: DuckDB writes a large insert
 * straight into compressed blocks instead of its log, and the final checkpoint has little left
 * to do. If the transaction fails, nothing of the group is stored, and its files are loaded
 * again one by one, so that each file is imported or refused on its own, as if loaded alone.
 * A file that would replace a month held by a file of the open group starts a new group, so
 * replacement follows file order. Every call into DuckDB runs in order on one chain.
 */
export class PoliceBatchLoader {
  private readonly db: Db;
  private nextId: number;
  private holders: Holder[];
  private queue: Queued[] = [];
  private queuedRows = 0;
  /** The files whose outcome is not yet known. */
  private readonly unsettled = new Set<(outcome: BatchOutcome) => void>();
  private group: OpenGroup | null = null;
  private work: Promise<void> = Promise.resolve();
  /** Where staged rows are written as files are added, before they join a group's folder. */
  private incomingDir: string | null = null;
  private incomingCount = 0;
  /** Writes of staged rows not yet finished (each settles with its error, or null). */
  private readonly writing = new Set<Promise<unknown>>();
  /** DuckDB's settings as they were before the loader changed them; restored by `close`. */
  private readonly settings: ReadonlyMap<string, string>;

  private constructor(
    db: Db,
    nextId: number,
    holders: Holder[],
    settings: ReadonlyMap<string, string>,
  ) {
    this.db = db;
    this.nextId = nextId;
    this.holders = holders;
    this.settings = settings;
  }

  static async create(db: Db): Promise<PoliceBatchLoader> {
    const [{ next }] = (await db.query<{ next: number }>(
      // Never a removed batch's id (migration 025): older months it replaced still name it.
      `SELECT greatest(
         (SELECT COALESCE(max(id), 0) FROM import_batch),
         (SELECT COALESCE(max(batch_id), 0) FROM removed_import WHERE source = 'police')) + 1 AS next`,
    )) as [{ next: number }];
    const holders = await db.query<Holder & Record<string, unknown>>(
      `SELECT batch_id AS "batchId", kind, force, month, area_code AS area, row_count AS rows
       FROM batch_month WHERE replaced_by IS NULL`,
    );
    const settings = new Map<string, string>();
    try {
      for (const [name, value] of Object.entries(LOADING_SETTINGS)) {
        const before = await db.setting(name);
        if (before === String(value)) continue;
        await db.set(name, value);
        settings.set(name, before);
      }
    } catch (error) {
      for (const [name, value] of settings) await db.set(name, value).catch(() => undefined);
      throw error;
    }
    // A killed import's staged rows (tens of MB a file) are removed by the next import.
    for (const prefix of [INCOMING_PREFIX, STAGE_PREFIX]) await removeAbandonedFolders(prefix);
    return new PoliceBatchLoader(db, next, holders, settings);
  }

  /**
   * Adds a file to the open group. The promise settles once the group is committed (or the
   * file refused); it never rejects.
   */
  add(batch: BatchToLoad): Promise<BatchOutcome> {
    const outcome = new Promise<BatchOutcome>((resolve) => {
      const settle = (o: BatchOutcome) => {
        this.unsettled.delete(settle);
        resolve(o);
      };
      this.unsettled.add(settle);
      this.queue.push({ batch, resolve: settle, incoming: this.writeIncoming(batch) });
    });
    this.queuedRows += batch.stagedRows;
    this.enqueue(() => this.loadQueued()).catch(() => undefined); // the files say what failed
    return outcome;
  }

  /**
   * Starts writing a file's staged rows at once, off the main thread, so that the write overlaps
   * DuckDB's load of the files before it instead of delaying the next load. The promise settles
   * with the error, if any (never rejects); `loadQueued` throws it.
   */
  private writeIncoming(batch: BatchToLoad): Queued['incoming'] {
    let path = '';
    let written: Promise<unknown>;
    try {
      this.incomingDir ??= scratchFolderSync(INCOMING_PREFIX);
      path = join(this.incomingDir, `${++this.incomingCount}.csv`);
      written = writeFile(path, batch.staged).then(
        () => null,
        (error: unknown) => error ?? new Error(`${path}: could not be written`),
      );
    } catch (error) {
      written = Promise.resolve(error ?? new Error('the staged rows could not be written'));
    }
    this.writing.add(written);
    void written.then(() => this.writing.delete(written));
    return { path, written };
  }

  /** Commits the open group, with every file added so far. */
  endGroup(): Promise<void> {
    return this.enqueue(async () => {
      await this.loadQueued();
      await this.commit();
    });
  }

  /** Waits until at most `rows` staged rows wait for DuckDB (so checking cannot run far ahead). */
  async backlogBelow(rows: number): Promise<void> {
    while (this.queuedRows > rows) await this.work;
  }

  /**
   * Ends the loader's work and gives DuckDB back its settings; an unexpected failure (not a
   * file's refusal) rejects here.
   */
  async close(): Promise<void> {
    try {
      await this.endGroup();
    } finally {
      await Promise.all(this.writing);
      if (this.incomingDir !== null) rmSync(this.incomingDir, { recursive: true, force: true });
      for (const [name, value] of this.settings) await this.db.set(name, value);
    }
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.work.then(step).catch(async (error: unknown) => {
      // Not a file's refusal (those are caught where they happen) but, say, a temporary folder
      // that cannot be written: nothing of the open group is committed, and its files say why.
      await this.db.rollback();
      if (this.group) rmSync(this.group.dir, { recursive: true, force: true });
      this.group = null;
      for (const settle of [...this.unsettled]) settle({ ok: false, error });
      this.queue = [];
      this.queuedRows = 0;
      throw error;
    });
    this.work = next.catch(() => undefined);
    return next;
  }

  /** Sends every waiting file to DuckDB in one script, in the open group's transaction. */
  private async loadQueued(): Promise<void> {
    const taken = this.queue;
    this.queue = [];
    this.queuedRows = 0;
    let fresh: OpenGroup['members'] = [];
    for (const { batch, resolve, incoming } of taken) {
      const error = await incoming.written;
      if (error !== null) throw error;
      let group = this.openGroup();
      if (group.failed) {
        rmSync(incoming.path, { force: true });
        await this.loadAlone(batch, resolve);
        continue;
      }
      let plan: Plan;
      try {
        plan = planLoad(batch, group.holders, group.nextId);
        if (plan.replacedHolders.some((h) => h.batchId >= this.nextId)) {
          await this.send(fresh);
          fresh = [];
          await this.commit();
          group = this.openGroup();
          plan = planLoad(batch, group.holders, group.nextId);
        }
      } catch (error) {
        rmSync(incoming.path, { force: true });
        resolve({ ok: false, error });
        continue;
      }
      const staged = join(group.dir, `${plan.id}.csv`);
      renameSync(incoming.path, staged);
      let rejects: string | null = null;
      if (batch.rejected.length > 0) {
        rejects = join(group.dir, `${plan.id}-rejected.csv`);
        writeFileSync(rejects, rejectsCsv(batch.rejected));
      }
      const counts = writeStreetCounts(group.dir, plan);
      // The rows are on disk now: the batch keeps only what the report and the reload need.
      plan.batch = { ...batch, staged: '' };
      const member = { plan, staged, rejects, counts, resolve };
      group.members.push(member);
      group.holders = afterLoad(group.holders, plan);
      group.nextId++;
      fresh.push(member);
    }
    await this.send(fresh);
  }

  private openGroup(): OpenGroup {
    this.group ??= {
      dir: scratchFolderSync(STAGE_PREFIX),
      begun: false,
      failed: false,
      members: [],
      holders: this.holders,
      nextId: this.nextId,
    };
    return this.group;
  }

  /** Runs `members`' statements in the open transaction; on failure, falls back to one by one. */
  private async send(members: OpenGroup['members']): Promise<void> {
    const group = this.group;
    if (!group || members.length === 0 || group.failed) return;
    const statements = loadStatements(members);
    try {
      await this.db.script(group.begun ? statements : ['BEGIN TRANSACTION', ...statements]);
      group.begun = true;
    } catch {
      await this.fail(group);
    }
  }

  /** Commits the open group and settles its files; the next file opens a new group. */
  private async commit(): Promise<void> {
    const group = this.group;
    if (!group) return;
    try {
      if (group.begun && !group.failed) {
        try {
          await this.db.script(['COMMIT']);
        } catch {
          await this.fail(group);
        }
      }
      if (!group.failed) {
        this.holders = group.holders;
        this.nextId = group.nextId;
        for (const m of group.members) m.resolve(loadedOf(m.plan));
      }
    } finally {
      this.group = null;
      rmSync(group.dir, { recursive: true, force: true });
    }
  }

  /** The group's transaction failed: roll it back and load its files one by one. */
  private async fail(group: OpenGroup): Promise<void> {
    await this.db.rollback();
    group.failed = true;
    const members = group.members;
    group.members = [];
    for (const m of members) {
      const batch = { ...m.plan.batch, staged: readFileSync(m.staged) };
      await this.loadAlone(batch, m.resolve);
    }
  }

  /** One file in its own transaction (after its group failed). */
  private async loadAlone(batch: BatchToLoad, resolve: Queued['resolve']): Promise<void> {
    const group = this.openGroup();
    let plan: Plan;
    try {
      plan = planLoad(batch, this.holders, this.nextId);
    } catch (error) {
      resolve({ ok: false, error });
      return;
    }
    // Its own folder: the staged file's name is the batch id, which the group's may share.
    const dir = mkdtempSync(join(group.dir, 'alone-'));
    const staged = join(dir, `${plan.id}.csv`);
    const rejects = batch.rejected.length > 0 ? join(dir, `${plan.id}-rejected.csv`) : null;
    try {
      writeFileSync(staged, batch.staged);
      if (rejects !== null) writeFileSync(rejects, rejectsCsv(batch.rejected));
      const counts = writeStreetCounts(dir, plan);
      await this.db.transactionScript(loadStatements([{ plan, staged, rejects, counts }]));
    } catch (error) {
      resolve({ ok: false, error });
      return;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    this.holders = afterLoad(this.holders, plan);
    this.nextId = plan.id + 1;
    resolve(loadedOf(plan));
  }
}

/**
 * DuckDB's settings while files load. One thread: each load is one file or a few (about 9,000
 * rows each), which a second DuckDB thread made slower even alone (30 single-file loads: 0.69 s
 * against 0.49 s) while it took CPU from the thread checking the next files. One thread to the
 * end, too. The last loads, once every file was checked, used to get DuckDB's threads back, but
 * a parallel insert leaves part-filled row groups in the middle of the table, which the
 * checkpoint then merges by rewriting the row groups after them: 0.35-0.7 s of a 3 s import of
 * twelve 65,000-row files, against 0.02-0.03 s, for no gain in the loads themselves (four such
 * files in one insert on two threads took 0.6 s, one by one on one thread 0.65 s). Row groups:
 * written into compressed blocks as soon as each is full (DuckDB waits for 5 by default, which
 * this import's 2 or 3 never reach), so the compression runs while JavaScript checks the next
 * files instead of all at once in the commit (a commit compresses on one thread whatever the
 * setting: 1.1 s for twelve such files held back).
 *
 * Memory: DuckDB's allocator keeps what a load frees for the next load instead of handing it back
 * to the system after every statement (by default after any task that used more than 128 MiB, or
 * freed more than 512 MiB at once, which every load of a large file does), and purges on its own
 * thread what it keeps unused. Memory handed back is taken again at the next load one page at a
 * time, and each page's first touch is a fault that costs the system several microseconds on a
 * virtual machine: twelve 65,000-row files took about 140,000 such faults in DuckDB alone, 60,000
 * with these settings, and DuckDB's CPU for their loads fell by a fifth (docs/benchmarks.md,
 * seventeenth session). The settings are DuckDB's own and go back to what they were when the
 * loader closes.
 */
const LOADING_SETTINGS: Readonly<Record<string, number | string>> = {
  threads: 1,
  write_buffer_row_group_count: 1,
  allocator_flush_threshold: '8GiB',
  allocator_bulk_deallocation_flush_threshold: '8GiB',
  allocator_background_threads: 'true',
};

function loadedOf(plan: Plan): BatchOutcome {
  return {
    ok: true,
    loaded: { batchId: plan.id, accepted: plan.batch.stagedRows, replaced: plan.replaced },
  };
}

/** Which holders loading `batch` as batch `id` replaces; throws if an area's batch may not load. */
function planLoad(batch: BatchToLoad, holders: readonly Holder[], id: number): Plan {
  const months = [...batch.monthCounts.keys()].sort();
  const area = batch.areaCode ?? null;
  const same = (h: Holder) =>
    h.kind === batch.kind && h.force === batch.force && months.includes(h.month);
  if (area !== null) {
    const whole = holders.find((h) => same(h) && h.area === null);
    if (whole) {
      throw new InputError(
        `${batch.fileName}: ${whole.month} is already held from the force's own file (batch ${whole.batchId})`,
      );
    }
  }
  const replacedHolders = holders.filter((h) => same(h) && (area === null || h.area === area));
  const replaced = replacedHolders.reduce((n, h) => n + h.rows, 0);
  return { batch, id, months, area, replacedHolders, replaced };
}

/** The holders once `plan` is loaded. */
function afterLoad(holders: readonly Holder[], plan: Plan): Holder[] {
  const { batch, id, area } = plan;
  return [
    ...holders.filter((h) => !plan.replacedHolders.includes(h)),
    ...plan.months.map((m) => ({
      batchId: id,
      kind: batch.kind,
      force: batch.force,
      month: m,
      area,
      rows: batch.monthCounts.get(m) ?? 0,
    })),
  ];
}

/**
 * The statements that load `members` (consecutive batch ids): each file's batch, replacements
 * and rejected rows in file order, then one bulk insert per kind of every file's staged rows,
 * each row given its file's batch id by the staged file's name, and its force by the batch id.
 * No file replaces another of the same group, so the order of deletes and inserts cannot
 * matter. Values are ours or quoted, never spliced raw.
 */
function loadStatements(
  members: readonly { plan: Plan; staged: string; rejects: string | null; counts: string | null }[],
): string[] {
  const q = quoteLiteral;
  const statements: string[] = [];
  for (const { plan, rejects } of members) {
    const { batch, id, months, area, replaced, replacedHolders } = plan;
    const kind = q(batch.kind);
    const force = q(batch.force);
    const areaSql = area === null ? 'NULL' : q(area);
    const monthList = `[${months.map(q).join(', ')}]`;
    statements.push(
      `INSERT INTO import_batch (id, file_name, content_hash, kind, dataset, force, area_code, months,
         rows_accepted, rows_rejected, rows_replaced, started_at, finished_at, status)
       VALUES (${id}, ${q(batch.fileName)}, ${q(batch.contentHash)}, ${kind},
        ${q(datasetOf(batch.kind))}, ${force}, ${areaSql}, ${monthList}, ${batch.stagedRows},
        ${batch.rejected.length}, ${replaced}, ${q(batch.startedAt.toISOString())}, now(), 'imported')`,
    );
    const replacedIds = [...new Set(replacedHolders.map((h) => h.batchId))];
    if (replacedIds.length > 0) {
      const ids = replacedIds.join(', ');
      statements.push(
        `DELETE FROM ${TABLE[batch.kind]} WHERE batch_id IN (${ids}) AND list_contains(${monthList}, month)`,
        ...(batch.kind === 'street'
          ? [
              `DELETE FROM street_count WHERE batch_id IN (${ids}) AND list_contains(${monthList}, month)`,
            ]
          : []),
        `UPDATE batch_month SET replaced_by = ${id}
         WHERE batch_id IN (${ids}) AND list_contains(${monthList}, month) AND replaced_by IS NULL`,
        `UPDATE import_batch SET status = 'replaced' WHERE status = 'imported' AND id IN (
           SELECT batch_id FROM batch_month GROUP BY batch_id HAVING bool_and(replaced_by IS NOT NULL))`,
      );
    }
    statements.push(
      `INSERT INTO batch_month VALUES ${months
        .map(
          (m) =>
            `(${id}, ${kind}, ${force}, ${q(m)}, ${batch.monthCounts.get(m) ?? 0}, NULL, ${areaSql})`,
        )
        .join(', ')}`,
    );
    if (rejects !== null) {
      statements.push(
        `INSERT INTO rejected_row SELECT ${id}, line, field, reason, raw
         FROM ${readStaged([rejects], REJECT_COLUMNS)}`,
      );
    }
  }
  const first = (members[0] as { plan: Plan }).plan.id;
  const forces = `[${members.map((m) => q(m.plan.batch.force)).join(', ')}]`;
  // The batch id is the staged file's name; DuckDB works it out once per chunk of rows.
  const batchId = 'parse_filename(filename, true)::INTEGER';
  for (const kind of Object.keys(TABLE) as PoliceKind[]) {
    for (const layout of ['lantern', 'as-filed'] as const) {
      const ofKind = members.filter(
        (m) => m.plan.batch.kind === kind && (m.plan.batch.layout ?? 'lantern') === layout,
      );
      if (ofKind.length === 0) continue;
      const { columns, stored } = stagedColumns(kind, layout);
      statements.push(
        `INSERT INTO ${TABLE[kind]} (batch_id, force, ${stored.join(', ')})
         SELECT ${batchId}, ${forces}[${batchId} - ${first - 1}], ${stored.map((c) => `s.${c}`).join(', ')}
         FROM ${readStaged(
           ofKind.map((m) => m.staged),
           columns,
           true,
         )} s`,
      );
    }
  }
  const street = members.filter((m) => m.plan.batch.kind === 'street');
  if (street.length > 0) {
    // The group's records counted as the readers of counts by area and month want them
    // (migration 019): as the checking counted them (a few hundred rows a file), else read
    // back from the rows just inserted (their batch ids are new, so the scan skips every row
    // group of earlier imports by its ids' range). Reading them back took DuckDB 15-25 ms of
    // CPU for each 65,000-row file, on the thread every load waits for.
    const given = street.flatMap((m) => (m.counts === null ? [] : [m.counts]));
    const read = street.filter((m) => m.counts === null).map((m) => m.plan.id);
    const parts = [
      ...(given.length > 0 ? [`SELECT * FROM ${readStaged(given, COUNT_COLUMNS)}`] : []),
      ...(read.length > 0
        ? [
            `SELECT batch_id, force, month, district_code, district_match, category, count(*) FROM crime
             WHERE batch_id BETWEEN ${read[0]} AND ${read.at(-1)} AND batch_id IN (${read.join(', ')})
             GROUP BY ALL`,
          ]
        : []),
    ];
    statements.push(
      `INSERT INTO street_count ${parts.join(' UNION ALL ')}
       ORDER BY district_code, month, category, batch_id, district_match`,
    );
  }
  if (members.some((m) => m.plan.batch.kind === 'stop-and-search')) {
    // Searches come without a district: the import places them once this commits
    // (usecases/place-searches.ts); if it stops before, the next writing open does.
    statements.push(
      `INSERT INTO store_pending_task
       SELECT 'place-stop-searches', 'searches imported, not yet placed in districts'
       WHERE NOT EXISTS (SELECT 1 FROM store_pending_task WHERE task = 'place-stop-searches')`,
    );
  }
  return statements;
}

function readStaged(
  paths: readonly string[],
  columns: readonly StagedColumn[],
  filename = false,
): string {
  const spec = columns.map((c) => `${quoteLiteral(c.name)}: '${c.type}'`).join(', ');
  return `read_csv([${paths.map(quoteLiteral).join(', ')}], columns = {${spec}}, header = false,
    auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n',
    max_line_size = ${MAX_STAGED_LINE}${filename ? ', filename = true' : ''})`;
}

/** The columns of street_count, as a file's counts are staged for it. */
const COUNT_COLUMNS: readonly StagedColumn[] = [
  { name: 'batch_id', type: 'INTEGER' },
  { name: 'force', type: 'VARCHAR' },
  { name: 'month', type: 'VARCHAR' },
  { name: 'district_code', type: 'VARCHAR' },
  { name: 'district_match', type: 'VARCHAR' },
  { name: 'category', type: 'VARCHAR' },
  { name: 'records', type: 'INTEGER' },
];

/** Writes a street batch's counts (if it has them) beside its staged rows; the file, or null. */
function writeStreetCounts(dir: string, plan: Plan): string | null {
  const counts = plan.batch.kind === 'street' ? plan.batch.streetCounts : undefined;
  if (counts === undefined) return null;
  const path = join(dir, `${plan.id}-counts.csv`);
  const cell = (v: string | null) =>
    v === null || v === '' ? '' : '"' + v.replaceAll('"', '""') + '"';
  const force = cell(plan.batch.force);
  writeFileSync(
    path,
    counts
      .map(
        (c) =>
          `${plan.id},${force},${cell(c.month)},${cell(c.districtCode)},${cell(c.districtMatch)},${cell(c.category)},${c.records}\n`,
      )
      .join(''),
  );
  return path;
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
