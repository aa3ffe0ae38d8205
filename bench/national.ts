/**
 * The country on one machine (`npm run bench:national`, issue 17 item 5): a store of every force
 * of England and Wales for five years, SYNTHETIC (the bundled Hertfordshire months relabelled as
 * each force and month, in proportion to its population: bench/synthetic-police.ts), built in a
 * temporary folder and never committed. Records the import's time, rows per second and peak
 * memory, the store's size on disk, and the time and peak memory of `summary`, `overview`,
 * `trends --all`, `compare`, `hotspots` and `assess` for a district, a force and England and
 * Wales, each run as the `lantern` command a user would type (a process of its own, timed with
 * /usr/bin/time). Baseline in the same run: a process that only opens the store (`lantern assess
 * --list`), so that start-up is seen apart from each command's own work.
 *
 * Targets: every command under 2 s for a district and under 5 s for a force at that size; peak
 * memory under 4 GiB.
 *
 * Scale (flags after `npm run bench:national --`, or the environment variable in brackets):
 *   --forces N|all|a,b  [BENCH_FORCES]  all (default: the full size, about 30M rows), a number
 *                  (the first N forces, with the chosen district's and force's always among
 *                  them) or a list of police.uk force ids
 *   --years N      [BENCH_YEARS]  years of months, ending December 2025 (default 5)
 *   --dir PATH     [BENCH_DIR]  where to build (default a new temporary folder, removed at the
 *                  end unless --keep [BENCH_KEEP=1]); a folder holding a store built with the same
 *                  scale is reused (only the commands are timed again)
 *   --district D   [BENCH_DISTRICT]  the district (default Leeds); --force F [BENCH_FORCE] the
 *                  force (default metropolitan)
 *   --rounds N     [BENCH_ROUNDS]  runs of each command (default 3; the median is shown, and
 *                  the highest memory). Rounds go over every command in turn, the baseline run
 *                  next to each command, before it in one round and after it in the next.
 *   --no-duckdb    skip the baseline of the import (DuckDB's own read_csv of the same files in a
 *                  process of its own, run before Lantern's import)
 *   --before DIR   [BENCH_BEFORE]  a built copy of Lantern to compare with (DIR/bin/lantern.js,
 *                  e.g. the main branch's checkout after `npm run build`): each command is run by
 *                  it too, next to this one's run in every round (the order of the three runs
 *                  turning from round to round), and the table gives both, with the ratio of this
 *                  build to the other (median of the paired ratios). `--rounds 0` only builds.
 *
 * Example: `npm run bench:national -- --forces 12 --years 2 --keep --dir /tmp/national`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import type * as Forces from '../src/domain/forces.js';
import type * as Zip from '../src/ingest/zip.js';
import type * as Store from '../src/store/open-store.js';
import type * as Boundaries from '../src/usecases/import-boundaries.js';
import { monthsFrom, Relabeller, sameCalendarMonth, type SourceMonth } from './synthetic-police.js';

const fromDist = <T>(module: string) =>
  import(new URL(`../dist/${module}`, import.meta.url).href) as Promise<T>;
const { openZipArchive } = await fromDist<typeof Zip>('ingest/zip.js');
const { openStore } = await fromDist<typeof Store>('store/open-store.js');
const { BUNDLED_DISTRICT_BOUNDARIES, importBoundaries } = await fromDist<typeof Boundaries>(
  'usecases/import-boundaries.js',
);
const { FORCES, forceById } = await fromDist<typeof Forces>('domain/forces.js');

const BIN = new URL('../bin/lantern.js', import.meta.url).pathname;
const ROOT = new URL('..', import.meta.url).pathname;
const SAMPLE = new URL('../data/police/hertfordshire-sample.zip', import.meta.url).pathname;
const { values: flags } = parseArgs({
  options: {
    forces: { type: 'string', default: process.env.BENCH_FORCES ?? 'all' },
    years: { type: 'string', default: process.env.BENCH_YEARS ?? '5' },
    dir: { type: 'string', ...(process.env.BENCH_DIR ? { default: process.env.BENCH_DIR } : {}) },
    keep: { type: 'boolean', default: process.env.BENCH_KEEP === '1' },
    district: { type: 'string', default: process.env.BENCH_DISTRICT ?? 'Leeds' },
    force: { type: 'string', default: process.env.BENCH_FORCE ?? 'metropolitan' },
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '3' },
    'no-duckdb': { type: 'boolean', default: false },
    before: {
      type: 'string',
      ...(process.env.BENCH_BEFORE ? { default: process.env.BENCH_BEFORE } : {}),
    },
  },
});
const YEARS = Number(flags.years);
const ROUNDS = Number(flags.rounds);
const DISTRICT = flags.district;
const FORCE = flags.force;
const MONTHS = monthsFrom(`${2026 - YEARS}-01`, YEARS * 12);
const PERIOD = '2025-01..2025-12';
const GiB = 2 ** 30;
/** The force (police.uk id) of the districts a benchmark may choose, for overview and compare. */
const FORCE_OF_DISTRICT: Record<string, string> = {
  Leeds: 'west-yorkshire',
  Birmingham: 'west-midlands',
  'Three Rivers': 'hertfordshire',
};

interface Command {
  level: string;
  name: string;
  args: string[];
}

interface Measured {
  ms: number;
  /** Peak resident memory of the process, bytes. */
  rss: number;
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node ARGS` under /usr/bin/time: wall time and peak memory of that process. */
function timed(args: readonly string[]): Measured {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    maxBuffer: 1024 * 2 ** 20,
    env: { ...process.env, TZ: 'UTC' },
  });
  const ms = performance.now() - started;
  const lines = result.stderr.trimEnd().split('\n');
  const kib = Number(lines.pop());
  return {
    ms,
    rss: kib * 1024,
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: lines.join('\n'),
  };
}

/** `lantern ARGS`, as a user would type it (or the `--before` build's). */
const lantern = (args: readonly string[], bin = BIN) => timed([bin, ...args]);
const BEFORE = flags.before ? join(flags.before, 'bin', 'lantern.js') : null;
if (BEFORE && !existsSync(BEFORE))
  throw new Error(`--before: no ${BEFORE} (build that copy first)`);

/**
 * The import's baseline: DuckDB's own `read_csv` (types detected) of the same files into a
 * plain table, then a checkpoint, as bench/ingest.ts does, in a process of its own.
 */
function duckdbReadCsv(folder: string, dbPath: string): Measured {
  const script = [
    "import { DuckDBInstance } from '@duckdb/node-api';",
    'const [db, glob] = process.argv.slice(-2);',
    'const instance = await DuckDBInstance.create(db);',
    'const c = await instance.connect();',
    "await c.run(`CREATE TABLE plain AS SELECT * FROM read_csv('${glob}')`);",
    "await c.run('CHECKPOINT');",
    "const n = (await c.runAndReadAll('SELECT count(*) FROM plain')).getRows()[0][0];",
    'process.stdout.write(String(n));',
  ].join('\n');
  return timed(['--input-type=module', '-e', script, dbPath, join(folder, '*', '*.csv')]);
}

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

function chosenForces(relabeller: Relabeller): Relabeller['forces'] {
  const setting = flags.forces;
  const all = relabeller.forces;
  if (setting === 'all') return all;
  const must = new Set(['hertfordshire', FORCE, FORCE_OF_DISTRICT[DISTRICT] ?? FORCE]);
  const list = /^\d+$/u.test(setting)
    ? all.filter((f, i) => i < Number(setting) || must.has(f.id))
    : all.filter((f) => setting.split(',').includes(f.id) || must.has(f.id));
  return list;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const gib = (bytes: number) => `${(bytes / GiB).toFixed(2)} GiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const dir = flags.dir ?? (await mkdtemp(join(tmpdir(), 'lantern-bench-national-')));
const keep = flags.keep || flags.dir !== undefined;
mkdirSync(dir, { recursive: true });
const store = join(dir, 'national.duckdb');
const settingsFile = join(dir, 'settings.json');
const settings = JSON.stringify({ forces: flags.forces, years: YEARS });
const log = (line: string) => console.log(line);

try {
  log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / GiB)} GiB, ` +
      `Node ${process.version}; load ${loadavg()[0]?.toFixed(1)} at the start; ${new Date().toISOString()}`,
  );
  const reuse =
    existsSync(store) &&
    existsSync(settingsFile) &&
    readFileSync(settingsFile, 'utf8') === settings;
  let baselineMs = 0;
  if (!reuse) {
    rmSync(store, { force: true });
    rmSync(`${store}.wal`, { force: true });
    // The register and the bundled district boundaries (as `lantern demo` imports them).
    const db = await openStore(store);
    await importBoundaries(db, {
      path: BUNDLED_DISTRICT_BOUNDARIES,
      type: 'district',
      vintage: '2013',
    });
    const relabeller = await Relabeller.fromStore(db, FORCES);
    db.close();
    const forces = chosenForces(relabeller);
    const sources = await bundledMonths();
    const police = join(dir, 'police');
    rmSync(police, { recursive: true, force: true });
    const t = performance.now();
    let bytes = 0;
    for (const [m, month] of MONTHS.entries()) {
      const folder = join(police, month);
      mkdirSync(folder, { recursive: true });
      for (const [f, force] of forces.entries()) {
        const offset = Math.floor(m / 12) + f;
        const csv = relabeller.relabel(force, month, sameCalendarMonth(sources, month, offset));
        writeFileSync(join(folder, `${month}-${force.id}-street.csv`), csv);
        bytes += csv.length;
      }
    }
    log(
      `SYNTHETIC data: ${forces.length} forces × ${MONTHS.length} months (${MONTHS[0]}..${MONTHS.at(-1)}), ` +
        `${forces.length * MONTHS.length} files, ${gib(bytes)} of CSV, written in ${s(performance.now() - t)}`,
    );
    if (!flags['no-duckdb']) {
      const plain = join(dir, 'plain.duckdb');
      const baseline = duckdbReadCsv(police, plain);
      if (baseline.code !== 0) throw new Error(`DuckDB read_csv failed: ${baseline.stderr}`);
      const n = Number(baseline.stdout);
      log(
        `baseline, DuckDB read_csv (types detected) → table: ${n.toLocaleString('en-GB')} rows in ${s(baseline.ms)} ` +
          `(${Math.round(n / (baseline.ms / 1000)).toLocaleString('en-GB')} rows/s), peak memory ${gib(baseline.rss)}, ` +
          `table ${gib(statSync(plain).size)} on disk`,
      );
      rmSync(plain, { force: true });
      baselineMs = baseline.ms;
    }
    const imported = lantern(['import', police, '--db', store, '--json']);
    if (imported.code !== 0)
      throw new Error(`import failed (${imported.code}): ${imported.stderr}`);
    const report = JSON.parse(imported.stdout) as { files: { accepted: number; status: string }[] };
    const rows = report.files.reduce((n, f) => n + f.accepted, 0);
    const size =
      statSync(store).size + (existsSync(`${store}.wal`) ? statSync(`${store}.wal`).size : 0);
    log(
      `import: ${rows.toLocaleString('en-GB')} rows in ${s(imported.ms)} ` +
        `(${Math.round(rows / (imported.ms / 1000)).toLocaleString('en-GB')} rows/s), peak memory ${gib(imported.rss)}; ` +
        `store ${gib(size)} on disk (${(size / rows).toFixed(0)} bytes a row)` +
        (baselineMs ? `; ratio to DuckDB's read_csv ${(imported.ms / baselineMs).toFixed(2)}` : ''),
    );
    rmSync(police, { recursive: true, force: true });
    writeFileSync(settingsFile, settings);
  } else {
    log(`reusing the store in ${dir}`);
  }
  const held = await (async () => {
    const db = await openStore(store);
    try {
      const [row] = await db.query<{ rows: number }>('SELECT count(*) AS rows FROM crime');
      return row?.rows ?? 0;
    } finally {
      db.close();
    }
  })();
  const size = statSync(store).size;
  log(`store: ${held.toLocaleString('en-GB')} street records, ${gib(size)}`);

  const force = forceById(FORCE);
  if (!force) throw new Error(`BENCH_FORCE: no force "${FORCE}"`);
  const db = ['--db', store, '--json'];
  const commands: Command[] = [
    { level: 'baseline: open the store', name: 'assess list', args: ['assess', 'list'] },
  ];
  const area = (level: string, a: string, within: string) => {
    commands.push(
      { level, name: 'summary', args: ['summary', '--area', a] },
      { level, name: 'overview', args: ['overview', '--within', within, '--period', PERIOD] },
      { level, name: 'trends --all', args: ['trends', '--area', a, '--all', '--period', PERIOD] },
      {
        level,
        name: 'compare',
        args: ['compare', '--within', within, '--category', 'burglary', '--period', PERIOD],
      },
      {
        level,
        name: 'hotspots',
        args: ['hotspots', '--area', a, '--category', 'burglary', '--period', PERIOD],
      },
      { level, name: 'assess', args: ['assess', '--area', a, '--period', PERIOD, '--no-save'] },
    );
  };
  // A district's overview and compare are those of its partnership's and force's districts.
  area(`district (${DISTRICT})`, DISTRICT, FORCE_OF_DISTRICT[DISTRICT] ?? FORCE);
  area(`force (${force.name})`, FORCE, FORCE);
  commands.push(
    {
      level: 'England and Wales',
      name: 'areas (every force, with counts)',
      args: ['areas', '--type', 'force'],
    },
    {
      level: 'England and Wales',
      name: 'areas (every district, with counts)',
      args: ['areas', '--type', 'district'],
    },
  );
  // Rounds go over every command in turn (so a busy spell of the machine touches them all alike),
  // each next to a run of the baseline, before it in one round and after it in the next.
  const [baseline, ...timedCommands] = commands as [Command, ...Command[]];
  const runs = timedCommands.map(() => ({
    ms: [] as number[],
    base: [] as number[],
    rss: [] as number[],
    /** The `--before` build's runs, each paired with the run of this build in its round. */
    before: [] as number[],
    beforeRss: [] as number[],
    error: '',
  }));
  const write = () =>
    writeFileSync(
      join(dir, 'results.json'),
      JSON.stringify({ settings, held, size, commands: timedCommands, runs }, null, 2),
    );
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, c] of timedCommands.entries()) {
      // Which run is which: 0 the baseline, 1 this build, 2 the --before build.
      const sides = BEFORE ? [0, 1, 2] : [0, 1];
      const order = sides.map((_, k) => sides[(k + r) % sides.length] as number);
      if (r % 2 === 1) order.reverse();
      const got: Measured[] = [];
      for (const side of order)
        got[side] =
          side === 0
            ? lantern([...baseline.args, ...db])
            : lantern([...c.args, ...db], side === 2 ? (BEFORE as string) : BIN);
      const [base, run, before] = got as [Measured, Measured, Measured | undefined];
      const into = runs[i] as (typeof runs)[number];
      into.ms.push(run.ms);
      into.base.push(base.ms);
      into.rss.push(run.rss);
      if (before) {
        into.before.push(before.ms);
        into.beforeRss.push(before.rss);
      }
      if (run.code !== 0) into.error = run.stderr.split('\n').slice(-3).join(' ');
      if (before && before.code !== 0)
        into.error ||= `before: ${before.stderr.split('\n').slice(-3).join(' ')}`;
      log(
        `round ${r + 1}: ${c.level} ${c.name}: ${s(run.ms)}, ${gib(run.rss)} (baseline ${s(base.ms)}` +
          (before ? `; before ${s(before.ms)}, ${gib(before.rss)}` : '') +
          ')' +
          (into.error ? `  FAILED: ${into.error}` : ''),
      );
      write();
    }
  }
  if (ROUNDS === 0) {
    log('--rounds 0: the store is built, no command timed');
    process.exitCode = 0;
  } else {
    log('');
    log(
      `${'level'.padEnd(36)} ${'command'.padEnd(36)} ${'median'.padStart(8)} ${'baseline'.padStart(9)} ` +
        `${'own work'.padStart(9)} ${'ratio'.padStart(6)} ${'peak memory'.padStart(12)}  target`,
    );
    for (const [i, c] of timedCommands.entries()) {
      const into = runs[i] as (typeof runs)[number];
      const ms = median(into.ms);
      const limit = c.level.startsWith('district')
        ? 2000
        : c.level.startsWith('force')
          ? 5000
          : null;
      const rss = Math.max(...into.rss);
      // Paired with the baseline run next to it: the command's own work beyond opening the store.
      const own = median(into.ms.map((m, k) => m - (into.base[k] as number)));
      const ratio = median(into.ms.map((m, k) => m / (into.base[k] as number)));
      const verdict =
        limit === null
          ? '—'
          : `${ms < limit && rss < 4 * GiB ? 'met' : 'NOT met'} (< ${limit / 1000} s, < 4 GiB)`;
      log(
        `${c.level.padEnd(36)} ${c.name.padEnd(36)} ${s(ms).padStart(8)} ${s(median(into.base)).padStart(9)} ` +
          `${s(own).padStart(9)} ${ratio.toFixed(2).padStart(6)} ${gib(rss).padStart(12)}  ${into.error ? `FAILED: ${into.error}` : verdict}`,
      );
    }
    if (BEFORE) {
      log('');
      log(`against the --before build (${flags.before}), paired run by run:`);
      log(
        `${'level'.padEnd(36)} ${'command'.padEnd(36)} ${'before'.padStart(8)} ${'after'.padStart(8)} ` +
          `${'after/before'.padStart(13)} ${'memory before'.padStart(14)} ${'after'.padStart(9)}`,
      );
      for (const [i, c] of timedCommands.entries()) {
        const into = runs[i] as (typeof runs)[number];
        const ratio = median(into.ms.map((m, k) => m / (into.before[k] as number)));
        log(
          `${c.level.padEnd(36)} ${c.name.padEnd(36)} ${s(median(into.before)).padStart(8)} ${s(median(into.ms)).padStart(8)} ` +
            `${ratio.toFixed(2).padStart(13)} ${gib(Math.max(...into.beforeRss)).padStart(14)} ${gib(Math.max(...into.rss)).padStart(9)}`,
        );
      }
    }
  }
  log(`load ${loadavg()[0]?.toFixed(1)} at the end`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
