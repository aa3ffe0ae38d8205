/**
 * `lantern import PATH...`: every police.uk file named (directly, in folders or in zip archives)
 * is read, validated and loaded on its own, so one bad file never stops the others. The same
 * content twice is recognised by its SHA-256 and not imported again.
 */
import { createHash } from 'node:crypto';

import type { Month } from '../domain/month.js';
import { parsePoliceFileName, type PoliceKind } from '../domain/police-file.js';
import {
  implausibleMonth,
  POLICE_FIRST_MONTH,
  POLICE_FLOOR_TEXT,
} from '../domain/plausible-dates.js';
import {
  REIMPORTED_WARNING,
  shrinkRefusal,
  shrinksTooMuch,
  monthRevisions,
  type MonthRevision,
  type MonthShrink,
} from '../domain/replacement.js';
import { InputError, StorageError } from '../errors.js';
import type { CheckedPoliceFile } from '../ingest/police/parse-messages.js';
import { ParsePool } from '../ingest/police/parse-pool.js';
import type { PolygonIndex } from '../geo/polygon-index.js';
import { expandSources, type ExpandedSources, type Source } from '../ingest/sources.js';
import { storageFailure, type Db } from '../store/db.js';
import {
  importedContents,
  replacedContents,
  PoliceBatchLoader,
  type BatchOutcome,
  type BatchToLoad,
  type ExistingBatch,
} from '../store/police-batches.js';
import {
  heldStreetCounts,
  policeMonthsHeld,
  type MonthCategoryCount,
  type PoliceMonthHeld,
} from '../store/month-holders.js';
import { pendingTasks } from '../store/pending-tasks.js';
import { loadPlacementLookups } from '../store/placement-lookups.js';
import type { SearchPlacementWritten } from '../store/stop-search-placement.js';
import type { PlacementCounts } from '../domain/placement.js';
import { boundaryGaps, type BoundaryGap } from './boundary-gaps.js';
import { districtIndex, placeStoredSearches } from './place-searches.js';
import { searchForceRefusal } from './search-force-check.js';

export type FileStatus = 'imported' | 'already-imported' | 'refused';

export interface ImportFileReport {
  path: string;
  kind: PoliceKind | null;
  force: string | null;
  months: Month[];
  status: FileStatus;
  accepted: number;
  rejected: number;
  replaced: number;
  /** The first few rejected rows, with line, field and reason. */
  rejectedSample: { line: number; field: string | null; reason: string }[];
  warnings: string[];
  placement: PlacementCounts | null;
  /**
   * Street months this file replaced, each with the categories whose count it changed (none: the
   * same counts republished). Absent when it replaced nothing the store held before the command.
   */
  revisions?: MonthRevision[];
  error?: string;
}

export interface ImportReport {
  files: ImportFileReport[];
  /**
   * The files were imported, but the store's file could not then be written (disk full): the
   * import is kept in the store's log until the store is next opened with room to write.
   */
  storageError?: string;
  /**
   * The forces whose data the store now holds that lack LSOA boundaries in some district, with
   * the command that fetches them (given by `import` and `fetch archive`).
   */
  boundaryGaps?: BoundaryGap[];
  /**
   * Searches placed in districts by their points once the files were loaded (this import's, and
   * any an earlier version or a stopped import left unplaced); absent when there were none.
   */
  searchPlacement?: SearchPlacementWritten;
}

export type ImportProgress =
  | { phase: 'start'; total: number }
  | { phase: 'parsed'; index: number; path: string; rows: number }
  | { phase: 'done'; index: number; path: string; status: FileStatus };

export interface ImportOptions {
  /** The force of stop-and-search files whose name does not give it. */
  force?: string;
  /**
   * Let a file replace a month even when it holds far fewer rows than the store does now
   * (domain/replacement.ts); without it such a file is refused.
   */
  replace?: boolean;
  onProgress?: (event: ImportProgress) => void;
  /** Accepted rows per transaction (default GROUP_ROWS); the kill tests use small groups. */
  groupRows?: number;
  /** Today: a file of a later month is refused (domain/plausible-dates.ts). Default: now. */
  now?: Date;
}

const SAMPLE_SIZE = 5;
/** Files read and checked ahead of the one being loaded: keeps the parser busy without holding many files. */
const LOOKAHEAD = 3;
/**
 * Accepted rows per transaction (a group of files). DuckDB writes a transaction's rows straight
 * into compressed blocks once a table gets a full row group (122,880 rows) from it, instead of
 * writing them to its log and again at the checkpoint. An interrupted import loses at most the
 * group it was loading. `ImportOptions.groupRows` sets another size (the command reads it from
 * `LANTERN_IMPORT_GROUP_ROWS`, for the kill tests' small groups).
 */
export const GROUP_ROWS = 1_000_000;
/** Checked rows that may wait for DuckDB before checking pauses (bounds the memory they take). */
const BACKLOG_ROWS = 200_000;

export async function importPoliceData(
  db: Db,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report = await importPoliceSources(db, await expandSources(paths), options);
  if (report.storageError !== undefined) return report;
  return { ...report, boundaryGaps: await boundaryGaps(db) };
}

/** A source's place in the command's report, recorded once its group has been loaded. */
type Entry =
  | { type: 'report'; report: ImportFileReport }
  | {
      type: 'load';
      parsed: CheckedPoliceFile;
      outcome: Promise<BatchOutcome>;
      /** The street counts it replaces, by month and category, when it replaces any. */
      before: MonthCategoryCount[] | null;
    };

/** The import of sources already expanded (files, archive entries, or fetched data in memory). */
export async function importPoliceSources(
  db: Db,
  expanded: ExpandedSources,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const files: ImportFileReport[] = expanded.problems.map((p) => refused(p.path, p.error));
  const progress = options.onProgress ?? (() => undefined);
  const sources = expanded.sources;
  progress({ phase: 'start', total: sources.length });
  // The parse worker boots while the store reads the register's lookups. A single file is
  // checked on this thread: there is no next file to check while DuckDB loads it.
  const pool = new ParsePool(loadPlacementLookups(db), { thread: sources.length > 1 });
  let stored: Map<string, ExistingBatch>;
  let replacedHashes: Set<string>;
  let loader: PoliceBatchLoader;
  /** The outcome of each content imported by this command, for copies of it later in the command. */
  const loadedNow = new Map<string, ImportFileReport>();
  // The store's own start-up queries run while the worker boots, not after it.
  const contents = importedContents(db);
  const replacedBefore = contents.then(() => replacedContents(db));
  const heldNow = replacedBefore.then(() => policeMonthsHeld(db));
  const created = heldNow.then(() => PoliceBatchLoader.create(db));
  created.catch(() => undefined); // awaited below
  let held: MonthsHeld;
  try {
    await pool.ready;
    stored = await contents;
    replacedHashes = await replacedBefore;
    held = new MonthsHeld(await heldNow);
    loader = await created;
  } catch (error) {
    await created.then((l) => l.close()).catch(() => undefined);
    await pool.close();
    throw error;
  }
  const record = (report: ImportFileReport) => {
    files.push(report);
    progress({ phase: 'done', index: files.length - 1, path: report.path, status: report.status });
  };
  // A pipeline: files are read and checked ahead (on a worker thread when one is available)
  // and handed to the loader as they come, which sends the ones waiting to DuckDB while the
  // next are checked. Every GROUP_ROWS rows the loader commits its transaction; the group's
  // files are then reported, in order. Loads run strictly in order, so replacement follows
  // file order.
  let entries: Entry[] = [];
  let groupRows = 0;
  /** Hashes of the files not yet reported (loading, or waiting for their group to commit). */
  const pendingHashes = new Set<string>();
  let reported: Promise<void> = Promise.resolve();
  const endGroup = () => {
    const group = entries;
    entries = [];
    groupRows = 0;
    const committed = loader.endGroup();
    committed.catch(() => undefined); // awaited in turn below
    reported = reported.then(async () => {
      await committed;
      for (const entry of group) {
        if (entry.type === 'report') {
          record(entry.report);
          continue;
        }
        const report = withRevisions(reportOf(entry.parsed, await entry.outcome), entry);
        if (report.status === 'imported') loadedNow.set(entry.parsed.contentHash, report);
        pendingHashes.delete(entry.parsed.contentHash);
        record(report);
      }
    });
    reported.catch(() => undefined); // awaited below
  };
  // The districts' boundaries, for a stop-and-search file's check, read once when first needed.
  let districtBoundaries: Promise<PolygonIndex> | null = null;
  const districts = () => (districtBoundaries ??= districtIndex(db));
  const prepareAt = (i: number) => settled(prepare(sources[i] as Source, stored, pool, options));
  const ahead: Promise<Settled<Prepared>>[] = [];
  for (let i = 0; i < Math.min(LOOKAHEAD, sources.length); i++) ahead.push(prepareAt(i));
  try {
    for (let i = 0; i < sources.length; i++) {
      const prepared = unwrap(await (ahead.shift() as Promise<Settled<Prepared>>));
      if (i + LOOKAHEAD < sources.length) ahead.push(prepareAt(i + LOOKAHEAD));
      if (prepared.status === 'refused') {
        entries.push({ type: 'report', report: prepared.report });
        continue;
      }
      if (prepared.status === 'known') {
        const report = alreadyImported(prepared.path, stored.get(prepared.hash));
        entries.push({ type: 'report', report });
        continue;
      }
      const { parsed, startedAt, areaCode } = prepared;
      const hash = parsed.contentHash;
      if (pendingHashes.has(hash)) {
        // A copy of a file not yet committed: whether it is "already imported" depends on how
        // that file fares, so commit what is gathered first.
        endGroup();
        await reported;
      }
      const earlier = loadedNow.get(hash);
      if (earlier) {
        entries.push({ type: 'report', report: { ...earlier, ...copyOf(earlier, parsed.path) } });
        continue;
      }
      const impossible = impossibleMonth(parsed, options.now ?? new Date());
      if (impossible !== null) {
        const report = refused(parsed.path, impossible);
        entries.push({
          type: 'report',
          report: { ...report, kind: parsed.kind, force: parsed.force, months: parsed.months },
        });
        continue;
      }
      const elsewhere = parsed.searchPoints
        ? await searchForceRefusal(db, parsed.path, parsed.force, parsed.searchPoints, districts)
        : null;
      if (elsewhere !== null) {
        entries.push({
          type: 'report',
          report: {
            ...refused(parsed.path, elsewhere),
            kind: parsed.kind,
            force: parsed.force,
            months: parsed.months,
          },
        });
        continue;
      }
      const shrinks = options.replace ? [] : held.shrinks(parsed, areaCode ?? null);
      if (shrinks.length > 0) {
        const report = refused(parsed.path, shrinkRefusal(parsed.path, shrinks));
        entries.push({
          type: 'report',
          report: { ...report, kind: parsed.kind, force: parsed.force, months: parsed.months },
        });
        continue;
      }
      if (replacedHashes.has(hash)) parsed.warnings = [...parsed.warnings, REIMPORTED_WARNING];
      // What it replaces, to say what the revision changed (QA, year 2: "9,874 replaced" said
      // nothing of whether any figure moved). Only months the store held before this command:
      // a month an earlier file of the command loads may not be committed yet.
      const before =
        parsed.kind === 'street' && held.replacesStored(parsed, areaCode ?? null)
          ? await heldStreetCounts(db, parsed.force, parsed.months, areaCode ?? null)
          : null;
      // The months held once this file is loaded (if its load fails, the months it would have
      // replaced are compared with its rows instead: the safe side).
      held.replaceWith(parsed, areaCode ?? null);
      progress({ phase: 'parsed', index: i, path: parsed.path, rows: parsed.stagedRows });
      const outcome = loader.add(batchOf(parsed, startedAt, areaCode));
      // The staged rows now belong to the loader; the report needs the rest.
      entries.push({ type: 'load', parsed: { ...parsed, staged: EMPTY }, outcome, before });
      pendingHashes.add(hash);
      groupRows += parsed.stagedRows;
      if (groupRows >= (options.groupRows ?? GROUP_ROWS)) endGroup();
      if (i + 1 < sources.length) await loader.backlogBelow(BACKLOG_ROWS);
    }
    endGroup();
    await reported;
  } finally {
    await Promise.all(ahead);
    await loader.close().catch(() => undefined);
    await reported.catch(() => undefined);
    await pool.close();
    expanded.close();
  }
  // Searches come without a district: placed now by their points (the loader left a pending
  // task for them in the same transaction, so an import stopped here is finished on next open).
  const searchPlacement = (await pendingTasks(db)).has('place-stop-searches')
    ? await placeStoredSearches(db)
    : undefined;
  const placed = searchPlacement ? { searchPlacement } : {};
  if (files.some((f) => f.status === 'imported') || searchPlacement) {
    try {
      await db.checkpoint();
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      return { files, ...placed, storageError: error.message };
    }
  }
  return { files, ...placed };
}

const EMPTY = new Uint8Array(0);

/**
 * Why a checked file cannot be right because of its month (null when it can): a month after the
 * current one, or before police.uk began. Named with the first line of that month.
 */
function impossibleMonth(parsed: CheckedPoliceFile, now: Date): string | null {
  for (const month of parsed.months) {
    const why = implausibleMonth(month, now, POLICE_FIRST_MONTH, POLICE_FLOOR_TEXT);
    if (why === null) continue;
    const line = firstStagedLine(parsed.staged, month);
    return (
      `${parsed.path}${line === null ? '' : `:${line}`}: Month: ${why}, so no police.uk file ` +
      'can hold it: the file is mislabelled or damaged. Nothing imported from it'
    );
  }
  return null;
}

/** The file's line of the first staged row of `month` (each staged row starts with its line). */
function firstStagedLine(staged: Uint8Array, month: Month): number | null {
  const text = new TextDecoder().decode(staged);
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const row = text.slice(start, end === -1 ? text.length : end);
    if (row.includes(`,${month},`)) return Number(row.slice(0, row.indexOf(','))) || null;
    if (end === -1) break;
    start = end + 1;
  }
  return null;
}

/**
 * The rows held for each kind, force and month (by area), kept up to date as files are handed to
 * the loader: which months a file would shrink too much (domain/replacement.ts). A force's whole
 * file replaces every holder of its months; an area's file (an API fetch) only the same area's.
 */
class MonthsHeld {
  private readonly byKey = new Map<string, PoliceMonthHeld[]>();
  /** The holders that are files of this command. */
  private readonly loadedNow = new Set<PoliceMonthHeld>();

  constructor(rows: readonly PoliceMonthHeld[]) {
    for (const r of rows) this.holders(r.kind, r.force, r.month).push(r);
  }

  private holders(kind: string, force: string, month: string): PoliceMonthHeld[] {
    const key = `${kind}|${force}|${month}`;
    let list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, (list = []));
    return list;
  }

  private replacedBy(list: readonly PoliceMonthHeld[], area: string | null) {
    return list.filter((h) => area === null || h.area === area);
  }

  /**
   * Whether the file replaces rows of some month, every one of them held by the store before this
   * command (none loaded by an earlier file of it).
   */
  replacesStored(parsed: CheckedPoliceFile, area: string | null): boolean {
    const replaced = parsed.months.flatMap((month) =>
      this.replacedBy(this.holders(parsed.kind, parsed.force, month), area),
    );
    // Only records of the same extent: a force's file over one area fetched before extends the
    // month, it does not revise it ("Violence 300 → 5,000" would be the rest of the force).
    return (
      replaced.length > 0 &&
      replaced.every((h) => !this.loadedNow.has(h) && (h.area ?? null) === area)
    );
  }

  shrinks(parsed: CheckedPoliceFile, area: string | null): MonthShrink[] {
    const out: MonthShrink[] = [];
    for (const [month, incoming] of parsed.monthCounts) {
      const list = this.holders(parsed.kind, parsed.force, month);
      const rows = this.replacedBy(list, area).reduce((n, h) => n + h.rows, 0);
      if (shrinksTooMuch(rows, incoming)) out.push({ label: month, held: rows, incoming });
    }
    return out.sort((a, b) => a.label.localeCompare(b.label));
  }

  replaceWith(parsed: CheckedPoliceFile, area: string | null): void {
    const { kind, force } = parsed;
    for (const [month, rows] of parsed.monthCounts) {
      const list = this.holders(kind, force, month);
      const replaced = new Set(this.replacedBy(list, area));
      const kept = list.filter((h) => !replaced.has(h));
      const now = { kind, force, month, area, rows };
      this.loadedNow.add(now);
      kept.push(now);
      this.byKey.set(`${kind}|${force}|${month}`, kept);
    }
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise that never rejects, so work started ahead cannot become an unhandled rejection. */
function settled<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

function unwrap<T>(result: Settled<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

type Prepared =
  | { status: 'refused'; report: ImportFileReport }
  | { status: 'known'; path: string; hash: string }
  | { status: 'parsed'; parsed: CheckedPoliceFile; startedAt: Date; areaCode?: string };

/** Reads a source and, unless its content is already in the store, checks it. */
async function prepare(
  source: Source,
  stored: ReadonlyMap<string, unknown>,
  pool: ParsePool,
  options: ImportOptions,
): Promise<Prepared> {
  const startedAt = new Date();
  try {
    const bytes = await source.read();
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (stored.has(hash)) {
      // Content held already: still refused if --force contradicts its name or the force it
      // is held as, as it would be were it new (not "already imported" under another force).
      const clash = forceClash(
        source,
        stored.get(hash) as ExistingBatch | undefined,
        options.force,
      );
      if (clash !== null) return { status: 'refused', report: refused(source.path, clash) };
      return { status: 'known', path: source.path, hash };
    }
    const parsed = await pool.parse({
      path: source.path,
      baseName: source.baseName,
      bytes,
      hash,
      force: options.force,
    });
    return { status: 'parsed', parsed, startedAt, areaCode: source.areaCode };
  } catch (error) {
    if (error instanceof InputError) {
      return { status: 'refused', report: refused(source.path, error.message) };
    }
    throw error;
  }
}

/** Why --force cannot apply to content already held (its name or its held force says another). */
function forceClash(
  source: Source,
  existing: ExistingBatch | undefined,
  force: string | undefined,
): string | null {
  if (force === undefined) return null;
  const named = parsePoliceFileName(source.baseName)?.force ?? null;
  const says =
    named !== null && named !== force
      ? `the file name says force "${named}"`
      : existing && existing.force !== force
        ? `this content is held already as ${existing.force}'s`
        : null;
  return says === null
    ? null
    : `${source.path}: ${says} but --force says "${force}"; --force cannot make one force's records another's, so nothing is imported from it`;
}

/** The report of a second copy of content this command has just imported. */
function copyOf(earlier: ImportFileReport, path: string): ImportFileReport {
  return {
    ...empty(path),
    kind: earlier.kind,
    force: earlier.force,
    months: earlier.months,
    status: 'already-imported',
    warnings: [`the same content as ${earlier.path}, imported just before`],
  };
}

function alreadyImported(path: string, existing: ExistingBatch | undefined): ImportFileReport {
  return {
    ...empty(path),
    kind: existing?.kind ?? null,
    force: existing?.force ?? null,
    months: existing?.months ?? [],
    status: 'already-imported',
  };
}

function batchOf(
  parsed: CheckedPoliceFile,
  startedAt: Date,
  areaCode: string | undefined,
): BatchToLoad {
  return {
    fileName: parsed.path,
    contentHash: parsed.contentHash,
    kind: parsed.kind,
    force: parsed.force,
    monthCounts: parsed.monthCounts,
    areaCode: areaCode ?? null,
    staged: parsed.staged,
    layout: parsed.layout,
    stagedRows: parsed.stagedRows,
    ...(parsed.streetCounts ? { streetCounts: parsed.streetCounts } : {}),
    rejected: parsed.rejected,
    startedAt,
  };
}

function reportOf(parsed: CheckedPoliceFile, outcome: BatchOutcome): ImportFileReport {
  if (!outcome.ok) {
    // The file's transaction was rolled back: nothing of it is in the store. Report it on its
    // own and go on with the other files.
    const { error } = outcome;
    const full = storageFailure(error);
    if (full !== null) {
      return refused(
        parsed.path,
        `${parsed.path}: not imported: the store's file could not be written because ${full}; nothing of this file was stored`,
      );
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return refused(
      parsed.path,
      `${parsed.path}: the store could not load this file (${message}); nothing imported from it`,
    );
  }
  return {
    path: parsed.path,
    kind: parsed.kind,
    force: parsed.force,
    months: parsed.months,
    status: 'imported',
    accepted: outcome.loaded.accepted,
    rejected: parsed.rejected.length,
    replaced: outcome.loaded.replaced,
    rejectedSample: parsed.rejected
      .slice(0, SAMPLE_SIZE)
      .map(({ line, field, reason }) => ({ line, field, reason })),
    warnings: parsed.warnings,
    placement: parsed.placement,
  };
}

/** The report of a file that replaced street months, with what it changed in each. */
function withRevisions(
  report: ImportFileReport,
  entry: { parsed: CheckedPoliceFile; before: MonthCategoryCount[] | null },
): ImportFileReport {
  const after = entry.parsed.streetCounts;
  if (report.status !== 'imported' || entry.before === null || after === undefined) return report;
  return { ...report, revisions: monthRevisions(entry.before, after) };
}

function empty(path: string): ImportFileReport {
  return {
    path,
    kind: null,
    force: null,
    months: [],
    status: 'refused',
    accepted: 0,
    rejected: 0,
    replaced: 0,
    rejectedSample: [],
    warnings: [],
    placement: null,
  };
}

function refused(path: string, error: string): ImportFileReport {
  return { ...empty(path), error };
}
