/**
 * Ingest benchmark (`npm run bench:ingest`): Lantern's import against DuckDB's own `read_csv`
 * of the same files into a plain table, in the same run, on the same machine, for four imports:
 *
 * - `bundled`: the 30 bundled months of Hertfordshire street data (263,351 rows);
 * - `one-file`: one of them (June 2025, 9,874 rows): the fixed cost of a small import;
 * - `one-month`: one month of all 43 forces of England and Wales, SYNTHETIC (the bundled
 *   June files relabelled as each force, in proportion to its population: bench/synthetic-police.ts);
 * - `big-force`: twelve months of the Metropolitan Police, SYNTHETIC the same way.
 *
 * Both sides read the same plain CSV files, written before any timing; each side gets a fresh
 * database file per round (Lantern's a copy of a store already created, since creating the
 * schema and register is not part of an import). Rounds alternate the order of the sides. Prints,
 * for each import, the median time and CPU time of each side and the ratio of the medians
 * (targets: at most 1.5 for the larger imports, at most 2 for one file).
 *
 * BENCH_ROUNDS (default 5) sets the rounds; BENCH_IMPORTS (e.g. "bundled,one-file") the imports.
 * BENCH_BASE_DIST (a copy of an earlier build's dist/ folder, inside this repository so that it
 * finds node_modules) adds that build's import as a fourth side, alternated with the others in
 * the same rounds: a change measured before and after on the same machine at the same time.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { DuckDBInstance } from '@duckdb/node-api';

import type * as Forces from '../src/domain/forces.js';
import type * as Zip from '../src/ingest/zip.js';
import type * as Store from '../src/store/open-store.js';
import type * as Boundaries from '../src/usecases/import-boundaries.js';
import type * as Import from '../src/usecases/import-police-data.js';
import { Relabeller, sameCalendarMonth, monthsFrom, type SourceMonth } from './synthetic-police.js';

// The compiled build, as the `lantern` command runs it (parsing on a worker thread), typed
// from the sources it was built from (`npm run bench:ingest` builds first).
const fromDist = <T>(module: string) =>
  import(new URL(`../dist/${module}`, import.meta.url).href) as Promise<T>;
const { openZipArchive } = await fromDist<typeof Zip>('ingest/zip.js');
const { openStore } = await fromDist<typeof Store>('store/open-store.js');
const { importPoliceData } = await fromDist<typeof Import>('usecases/import-police-data.js');
const BASE_DIST = process.env.BENCH_BASE_DIST;
const fromBase = <T>(module: string) =>
  import(pathToFileURL(join(BASE_DIST as string, module)).href) as Promise<T>;
const base = BASE_DIST
  ? {
      openStore: (await fromBase<typeof Store>('store/open-store.js')).openStore,
      importPoliceData: (await fromBase<typeof Import>('usecases/import-police-data.js'))
        .importPoliceData,
    }
  : null;
const { importBoundaries, BUNDLED_DISTRICT_BOUNDARIES } = await fromDist<typeof Boundaries>(
  'usecases/import-boundaries.js',
);
const { FORCES } = await fromDist<typeof Forces>('domain/forces.js');

// Five rounds: on this shared 2-core machine either side's time moves by 10–20 % from round to
// round, and the median of five moves less than the median of three.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const IMPORTS = (process.env.BENCH_IMPORTS ?? 'bundled,one-file,one-month,big-force').split(',');
const SAMPLE = new URL('../data/police/hertfordshire-sample.zip', import.meta.url).pathname;

async function bundledMonths(): Promise<SourceMonth[]> {
  const zip = await openZipArchive(SAMPLE);
  const months: SourceMonth[] = [];
  for (const entry of zip.entries.filter((e) => e.name.endsWith('-street.csv'))) {
    const name = entry.name.split('/').pop() as string;
    months.push({ month: name.slice(0, 7), bytes: await entry.read() });
  }
  zip.close();
  return months.sort((a, b) => a.month.localeCompare(b.month));
}

interface Timing {
  ms: number;
  cpuMs: number;
  rows: number;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timeDuckDb(files: string[], dbPath: string, allVarchar: boolean): Promise<Timing> {
  const instance = await DuckDBInstance.create(dbPath);
  const connection = await instance.connect();
  const list = files.map((f) => `'${f}'`).join(', ');
  const cpu = cpuNow();
  const started = performance.now();
  await connection.run(
    `CREATE TABLE plain AS SELECT * FROM read_csv([${list}]${allVarchar ? ', all_varchar = true' : ''})`,
  );
  await connection.run('CHECKPOINT');
  const ms = performance.now() - started;
  const cpuMs = cpuNow() - cpu;
  const rows = Number(
    (await connection.runAndReadAll('SELECT count(*) FROM plain')).getRows()[0]?.[0],
  );
  connection.closeSync();
  instance.closeSync();
  return { ms, cpuMs, rows };
}

async function timeLantern(
  dir: string,
  template: string,
  dbPath: string,
  build: { openStore: typeof openStore; importPoliceData: typeof importPoliceData } = {
    openStore,
    importPoliceData,
  },
): Promise<Timing> {
  await copyFile(template, dbPath); // schema and area register: not part of the import
  const db = await build.openStore(dbPath);
  const cpu = cpuNow();
  const started = performance.now();
  const report = await build.importPoliceData(db, [dir]);
  const ms = performance.now() - started;
  const cpuMs = cpuNow() - cpu;
  db.close();
  const rows = report.files.reduce((n, f) => n + f.accepted, 0);
  if (report.files.some((f) => f.status !== 'imported')) throw new Error('a file did not import');
  return { ms, cpuMs, rows };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const work = await mkdtemp(join(tmpdir(), 'lantern-bench-'));
try {
  // A store created once: each Lantern round imports into a copy of it.
  const template = join(work, 'template.duckdb');
  (await openStore(template)).close();
  // The earlier build's own (a store this build made may hold schema changes it does not know).
  const baseTemplate = join(work, 'base-template.duckdb');
  if (base) (await base.openStore(baseTemplate)).close();
  const sources = await bundledMonths();
  const synthetic = IMPORTS.some((i) => i === 'one-month' || i === 'big-force');
  let relabeller: Relabeller | null = null;
  if (synthetic) {
    // District centres for moving points come from the bundled boundaries.
    const setup = await openStore(join(work, 'setup.duckdb'));
    await importBoundaries(setup, {
      path: BUNDLED_DISTRICT_BOUNDARIES,
      type: 'district',
      vintage: '2013',
    });
    relabeller = await Relabeller.fromStore(setup, FORCES);
    setup.close();
  }
  const imports: { name: string; what: string; files: string[]; dir: string }[] = [];
  for (const name of IMPORTS) {
    const dir = join(work, name);
    await mkdir(dir);
    const files: string[] = [];
    const put = async (fileName: string, bytes: Buffer) => {
      const path = join(dir, fileName);
      await writeFile(path, bytes);
      files.push(path);
    };
    let what: string;
    if (name === 'bundled') {
      for (const s of sources) await put(`${s.month}-hertfordshire-street.csv`, s.bytes);
      what = `${sources.length} bundled months of Hertfordshire`;
    } else if (name === 'one-file') {
      const june = sources.find((s) => s.month === '2025-06') as SourceMonth;
      await put('2025-06-hertfordshire-street.csv', june.bytes);
      what = 'one bundled month (Hertfordshire, June 2025)';
    } else if (name === 'one-month' && relabeller) {
      for (const force of relabeller.forces) {
        const bytes = relabeller.relabel(force, '2025-06', sameCalendarMonth(sources, '2025-06'));
        await put(`2025-06-${force.id}-street.csv`, bytes);
      }
      what = `June 2025 of ${relabeller.forces.length} forces (SYNTHETIC: relabelled bundled months)`;
    } else if (name === 'big-force' && relabeller) {
      const met = relabeller.forces.find((f) => f.id === 'metropolitan');
      if (!met) throw new Error('no Metropolitan Police in the register');
      const months = monthsFrom('2024-01', 12);
      for (const [i, month] of months.entries()) {
        await put(
          `${month}-metropolitan-street.csv`,
          relabeller.relabel(met, month, sameCalendarMonth(sources, month, i)),
        );
      }
      what = `12 months of the Metropolitan Police (SYNTHETIC: ${met.scale.toFixed(1)} × Hertfordshire)`;
    } else {
      throw new Error(`unknown import "${name}" (bundled, one-file, one-month, big-force)`);
    }
    imports.push({ name, what, files, dir });
  }

  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
      `load ${loadavg()[0]?.toFixed(1)} at the start; median of ${ROUNDS} rounds`,
  );
  for (const { name, what, files, dir } of imports) {
    const times = {
      types: [] as Timing[],
      varchar: [] as Timing[],
      lantern: [] as Timing[],
      base: [] as Timing[],
    };
    for (let round = 0; round < ROUNDS; round++) {
      const sides = [
        async () =>
          times.types.push(await timeDuckDb(files, join(work, `t-${round}.duckdb`), false)),
        async () =>
          times.varchar.push(await timeDuckDb(files, join(work, `v-${round}.duckdb`), true)),
        async () =>
          times.lantern.push(await timeLantern(dir, template, join(work, `l-${round}.duckdb`))),
      ];
      if (base)
        sides.push(async () =>
          times.base.push(
            await timeLantern(dir, baseTemplate, join(work, `b-${round}.duckdb`), base),
          ),
        );
      // Alternate the order, so that neither side always runs on a warmer (or busier) machine.
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) await side();
      await rm(join(work, `t-${round}.duckdb`), { force: true });
      await rm(join(work, `v-${round}.duckdb`), { force: true });
      await rm(join(work, `l-${round}.duckdb`), { force: true });
      await rm(join(work, `b-${round}.duckdb`), { force: true });
    }
    const rows = times.lantern[0]?.rows ?? 0;
    const baseRows = times.types[0]?.rows ?? 0;
    if (rows !== baseRows) throw new Error(`${name}: read_csv ${baseRows} rows, Lantern ${rows}`);
    const ms = (ts: Timing[]) => median(ts.map((t) => t.ms));
    const cpu = (ts: Timing[]) => median(ts.map((t) => t.cpuMs));
    const line = (side: string, ts: Timing[]) =>
      `  ${side.padEnd(40)} ${(ms(ts) / 1000).toFixed(2).padStart(6)} s  ${Math.round(
        rows / (ms(ts) / 1000),
      )
        .toLocaleString('en-GB')
        .padStart(9)} rows/s  CPU ${(cpu(ts) / 1000).toFixed(2)} s`;
    const target = name === 'one-file' ? 2 : 1.5;
    const ratio = ms(times.lantern) / ms(times.types);
    console.log(`${name}: ${what}, ${files.length} files, ${rows.toLocaleString('en-GB')} rows`);
    console.log(line('DuckDB read_csv (types detected) → table', times.types));
    console.log(line('DuckDB read_csv (all VARCHAR) → table', times.varchar));
    console.log(line('Lantern import (validated, placed, traced)', times.lantern));
    console.log(
      `  ratio Lantern / read_csv (types detected): ${ratio.toFixed(2)} (target ≤ ${target}: ${ratio <= target ? 'met' : 'NOT met'}); ` +
        `all VARCHAR ${(ms(times.lantern) / ms(times.varchar)).toFixed(2)}; ` +
        `CPU ${(cpu(times.lantern) / cpu(times.types)).toFixed(2)}`,
    );
    if (base) {
      console.log(line(`base build (${BASE_DIST})`.slice(0, 40), times.base));
      console.log(
        `  ratio base build / read_csv (types detected): ${(ms(times.base) / ms(times.types)).toFixed(2)}; ` +
          `CPU ${(cpu(times.base) / cpu(times.types)).toFixed(2)}`,
      );
    }
  }
  console.log(`load ${loadavg()[0]?.toFixed(1)} at the end`);
} finally {
  await rm(work, { recursive: true, force: true });
}
