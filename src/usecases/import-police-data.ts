/**
 * `lantern import PATH...`: every police.uk file named (directly, in folders or in zip archives)
 * is read, validated and loaded on its own, so one bad file never stops the others. The same
 * content twice is recognised by its SHA-256 and not imported again.
 */
import { createHash } from 'node:crypto';

import type { Month } from '../domain/month.js';
import type { PoliceKind } from '../domain/police-file.js';
import { InputError } from '../errors.js';
import { parsePoliceFile, type ParsedPoliceFile } from '../ingest/police/parse-police-file.js';
import { expandSources, type Source } from '../ingest/sources.js';
import type { Db } from '../store/db.js';
import { findBatchByHash, importedHashes, PoliceBatchLoader } from '../store/police-batches.js';
import { loadPlacementLookups } from '../store/placement-lookups.js';
import type { PlacementCounts, PlacementLookups } from '../domain/placement.js';

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

export async function importPoliceData(
  db: Db,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const expanded = await expandSources(paths);
  const files: ImportFileReport[] = expanded.problems.map((p) => refused(p.path, p.error));
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: 'start', total: expanded.sources.length });
  const known = await importedHashes(db);
  const lookups = await loadPlacementLookups(db);
  const loader = await PoliceBatchLoader.create(db);
  // Reading and checking file N+1 (JavaScript) overlaps loading file N (DuckDB's threads).
  let loading: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const settle = async () => {
    await loading;
    if (failure !== null) throw failure;
  };
  try {
    for (const [index, source] of expanded.sources.entries()) {
      const prepared = await prepare(source, known, lookups, options);
      await settle();
      const finish = (report: ImportFileReport) => {
        files.push(report);
        progress({ phase: 'done', index, path: source.path, status: report.status });
      };
      if (prepared.status === 'refused') {
        finish(prepared.report);
      } else if (prepared.status === 'known') {
        finish(await alreadyImported(db, source.path, prepared.hash));
      } else {
        known.add(prepared.parsed.contentHash);
        progress({ phase: 'parsed', index, path: source.path, rows: prepared.parsed.staged.rows });
        loading = load(loader, prepared.parsed, prepared.startedAt).then(
          finish,
          (error: unknown) => {
            failure = error;
          },
        );
      }
    }
    await settle();
  } finally {
    await loading;
    expanded.close();
  }
  if (files.some((f) => f.status === 'imported')) await db.checkpoint();
  return { files };
}

type Prepared =
  | { status: 'refused'; report: ImportFileReport }
  | { status: 'known'; hash: string }
  | { status: 'parsed'; parsed: ParsedPoliceFile; startedAt: Date };

/** Reads a source and, unless its content is already in the store, parses and checks it. */
async function prepare(
  source: Source,
  known: ReadonlySet<string>,
  lookups: PlacementLookups,
  options: ImportOptions,
): Promise<Prepared> {
  const startedAt = new Date();
  try {
    const bytes = await source.read();
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (known.has(hash)) return { status: 'known', hash };
    const parsed = parsePoliceFile(source.path, source.baseName, bytes, hash, {
      force: options.force,
      lookups,
    });
    return { status: 'parsed', parsed, startedAt };
  } catch (error) {
    if (error instanceof InputError) {
      return { status: 'refused', report: refused(source.path, error.message) };
    }
    throw error;
  }
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
  parsed: ParsedPoliceFile,
  startedAt: Date,
): Promise<ImportFileReport> {
  const loaded = await loader.load({
    fileName: parsed.path,
    contentHash: parsed.contentHash,
    kind: parsed.kind,
    force: parsed.force,
    monthCounts: parsed.monthCounts,
    stagedCsv: parsed.staged.text(),
    stagedRows: parsed.staged.rows,
    rejected: parsed.rejected,
    startedAt,
  });
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
