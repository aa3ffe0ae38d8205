/**
 * Ingest benchmark (`npm run bench:ingest`): Lantern's import of the 30 bundled months of
 * Hertfordshire street data against DuckDB's own `read_csv` of the same files into a plain
 * table, in the same run, on the same machine. Both read the same plain CSV files, extracted
 * from the bundled archive before any timing; each side gets a fresh database file per round.
 * Prints rows per second for each and the ratio of their median times (target: at most 1.5).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { DuckDBInstance } from '@duckdb/node-api';

import type * as Zip from '../src/ingest/zip.js';
import type * as Store from '../src/store/open-store.js';
import type * as Import from '../src/usecases/import-police-data.js';

// The compiled build, as the `lantern` command runs it (parsing on a worker thread), typed
// from the sources it was built from (`npm run bench:ingest` builds first).
const fromDist = <T>(module: string) =>
  import(new URL(`../dist/${module}`, import.meta.url).href) as Promise<T>;
const { openZipArchive } = await fromDist<typeof Zip>('ingest/zip.js');
const { openStore } = await fromDist<typeof Store>('store/open-store.js');
const { importPoliceData } = await fromDist<typeof Import>('usecases/import-police-data.js');

// Five rounds: on this shared 2-core machine either side's time moves by 10–20 % from round to
// round, and the median of five moves less than the median of three.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SAMPLE = new URL('../data/police/hertfordshire-sample.zip', import.meta.url).pathname;

async function extractStreetFiles(dir: string): Promise<string[]> {
  const zip = await openZipArchive(SAMPLE);
  const paths: string[] = [];
  for (const entry of zip.entries.filter((e) => e.name.endsWith('-street.csv'))) {
    const path = join(dir, entry.name.split('/').pop() as string);
    await writeFile(path, await entry.read());
    paths.push(path);
  }
  zip.close();
  return paths;
}

async function timeDuckDb(
  files: string[],
  dbPath: string,
  allVarchar: boolean,
): Promise<[number, number]> {
  const instance = await DuckDBInstance.create(dbPath);
  const connection = await instance.connect();
  const list = files.map((f) => `'${f}'`).join(', ');
  const started = performance.now();
  await connection.run(
    `CREATE TABLE plain AS SELECT * FROM read_csv([${list}]${allVarchar ? ', all_varchar = true' : ''})`,
  );
  await connection.run('CHECKPOINT');
  const ms = performance.now() - started;
  const rows = Number(
    (await connection.runAndReadAll('SELECT count(*) FROM plain')).getRows()[0]?.[0],
  );
  connection.closeSync();
  instance.closeSync();
  return [ms, rows];
}

async function timeLantern(dir: string, dbPath: string): Promise<[number, number]> {
  const db = await openStore(dbPath); // schema and area register: not part of the import
  const started = performance.now();
  const report = await importPoliceData(db, [dir]);
  const ms = performance.now() - started;
  db.close();
  const rows = report.files.reduce((n, f) => n + f.accepted, 0);
  if (report.files.some((f) => f.status !== 'imported')) throw new Error('a file did not import');
  return [ms, rows];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const work = await mkdtemp(join(tmpdir(), 'lantern-bench-'));
try {
  const csvDir = join(work, 'csv');
  await mkdir(csvDir);
  const files = await extractStreetFiles(csvDir);
  const times = { duckdb: [] as number[], duckdbVarchar: [] as number[], lantern: [] as number[] };
  let rows = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const [d, dRows] = await timeDuckDb(files, join(work, `plain-${round}.duckdb`), false);
    const [v] = await timeDuckDb(files, join(work, `varchar-${round}.duckdb`), true);
    const [l, lRows] = await timeLantern(csvDir, join(work, `lantern-${round}.duckdb`));
    if (dRows !== lRows) throw new Error(`row counts differ: read_csv ${dRows}, Lantern ${lRows}`);
    rows = lRows;
    times.duckdb.push(d);
    times.duckdbVarchar.push(v);
    times.lantern.push(l);
  }
  const line = (name: string, ms: number) =>
    `${name.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${Math.round(rows / (ms / 1000))
      .toLocaleString('en-GB')
      .padStart(9)} rows/s`;
  console.log(
    `ingest: ${files.length} files, ${rows.toLocaleString('en-GB')} rows, median of ${ROUNDS} rounds`,
  );
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(line('DuckDB read_csv (types detected) → table', median(times.duckdb)));
  console.log(line('DuckDB read_csv (all VARCHAR) → table', median(times.duckdbVarchar)));
  console.log(line('Lantern import (validated, placed, traced)', median(times.lantern)));
  const ratio = median(times.lantern) / median(times.duckdb);
  console.log(`ratio Lantern / read_csv (types detected): ${ratio.toFixed(2)} (target ≤ 1.5)`);
  console.log(
    `ratio Lantern / read_csv (all VARCHAR): ${(median(times.lantern) / median(times.duckdbVarchar)).toFixed(2)}`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
