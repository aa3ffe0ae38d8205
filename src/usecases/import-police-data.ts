/**
 * `lantern import PATH...`: every police.uk file named (directly, in folders or in zip archives)
 * is read, validated and loaded on its own, so one bad file never stops the others. The same
 * content twice is recognised by its SHA-256 and not imported again.
 */
import { createHash } from 'node:crypto';

import type { Month } from '../domain/month.js';
import type { PoliceKind } from '../domain/police-file.js';
import { InputError } from '../errors.js';
import type { CheckedPoliceFile } from '../ingest/police/parse-messages.js';
import { ParsePool } from '../ingest/police/parse-pool.js';
import { expandSources, type ExpandedSources, type Source } from '../ingest/sources.js';
import type { Db } from '../store/db.js';
import { findBatchByHash, importedHashes, PoliceBatchLoader } from '../store/police-batches.js';
import { loadPlacementLookups } from '../store/placement-lookups.js';
import type { PlacementCounts } from '../domain/placement.js';

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
  error?: string;
}

export interface ImportReport {
  files: ImportFileReport[];
}

export type ImportProgress =
  | { phase: 'start'; total: number }
  | { phase: 'parsed'; index: number; path: string; rows: number }
  | { phase: 'done'; index: number; path: string; status: FileStatus };

export interface ImportOptions {
  /** The force of stop-and-search files whose name does not give it. */
  force?: string;
  onProgress?: (event: ImportProgress) => void;
}

const SAMPLE_SIZE = 5;
/** Files read and checked ahead of the one being loaded: keeps the parser busy without holding many files. */
const LOOKAHEAD = 3;

export async function importPoliceData(
  db: Db,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  return importPoliceSources(db, await expandSources(paths), options);
}

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
  // The parse worker boots while the store reads the register's lookups.
  const pool = new ParsePool(loadPlacementLookups(db));
  let stored: Set<string>;
  let loader: PoliceBatchLoader;
  /** The outcome of each content imported by this command, for copies of it later in the command. */
  const loadedNow = new Map<string, ImportFileReport>();
  try {
    await pool.ready;
    stored = await importedHashes(db);
    loader = await PoliceBatchLoader.create(db);
  } catch (error) {
    await pool.close();
    throw error;
  }
  // A pipeline: while DuckDB loads file N, file N+1 is read and checked (on a worker thread
  // when one is available). Loads run strictly in order, so replacement follows file order.
  const prepareAt = (i: number) => settled(prepare(sources[i] as Source, stored, pool, options));
  const ahead: Promise<Settled<Prepared>>[] = [];
  for (let i = 0; i < Math.min(LOOKAHEAD, sources.length); i++) ahead.push(prepareAt(i));
  let loading: Promise<Settled<ImportFileReport> | null> = Promise.resolve(null);
  const finishLoad = async () => {
    const done = await loading;
    if (done && !done.ok) throw done.error;
    if (done?.ok) record(done.value);
  };
  const record = (report: ImportFileReport) => {
    files.push(report);
    progress({ phase: 'done', index: files.length - 1, path: report.path, status: report.status });
  };
  try {
    for (let i = 0; i < sources.length; i++) {
      const prepared = unwrap(await (ahead.shift() as Promise<Settled<Prepared>>));
      if (i + LOOKAHEAD < sources.length) ahead.push(prepareAt(i + LOOKAHEAD));
      await finishLoad();
      loading = Promise.resolve(null);
      const earlier =
        prepared.status === 'parsed' ? loadedNow.get(prepared.parsed.contentHash) : undefined;
      if (prepared.status === 'refused') record(prepared.report);
      else if (prepared.status === 'known')
        record(await alreadyImported(db, prepared.path, prepared.hash));
      else if (earlier) record({ ...earlier, ...copyOf(earlier, prepared.parsed.path) });
      else {
        progress({
          phase: 'parsed',
          index: i,
          path: prepared.parsed.path,
          rows: prepared.parsed.stagedRows,
        });
        const hash = prepared.parsed.contentHash;
        loading = settled(
          load(loader, prepared.parsed, prepared.startedAt, prepared.areaCode).then((report) => {
            if (report.status === 'imported') loadedNow.set(hash, report);
            return report;
          }),
        );
      }
    }
    await finishLoad();
  } finally {
    await loading;
    await Promise.all(ahead);
    await pool.close();
    expanded.close();
  }
  if (files.some((f) => f.status === 'imported')) await db.checkpoint();
  return { files };
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
  stored: ReadonlySet<string>,
  pool: ParsePool,
  options: ImportOptions,
): Promise<Prepared> {
  const startedAt = new Date();
  try {
    const bytes = await source.read();
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (stored.has(hash)) return { status: 'known', path: source.path, hash };
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

async function alreadyImported(db: Db, path: string, hash: string): Promise<ImportFileReport> {
  const existing = await findBatchByHash(db, hash);
  return {
    ...empty(path),
    kind: existing?.kind ?? null,
    force: existing?.force ?? null,
    months: existing?.months ?? [],
    status: 'already-imported',
  };
}

async function load(
  loader: PoliceBatchLoader,
  parsed: CheckedPoliceFile,
  startedAt: Date,
  areaCode: string | undefined,
): Promise<ImportFileReport> {
  let loaded;
  try {
    loaded = await loader.load({
      fileName: parsed.path,
      contentHash: parsed.contentHash,
      kind: parsed.kind,
      force: parsed.force,
      monthCounts: parsed.monthCounts,
      areaCode: areaCode ?? null,
      staged: parsed.staged,
      stagedRows: parsed.stagedRows,
      rejected: parsed.rejected,
      startedAt,
    });
  } catch (error) {
    // The file's transaction was rolled back: nothing of it is in the store. Report it on its
    // own and go on with the other files.
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
    accepted: loaded.accepted,
    rejected: parsed.rejected.length,
    replaced: loaded.replaced,
    rejectedSample: parsed.rejected
      .slice(0, SAMPLE_SIZE)
      .map(({ line, field, reason }) => ({ line, field, reason })),
    warnings: parsed.warnings,
    placement: parsed.placement,
  };
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
