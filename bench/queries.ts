/**
 * Query benchmark (`npm run bench:queries`, issue 17 item 2): what a command reads, on the demo
 * store (the bundled Hertfordshire data), in one process with the store open, as the use cases
 * run (median of 7 rounds after a warm-up, the two sides alternated round by round; wall-clock, and
 * the process's CPU time, steadier on a shared machine):
 * - `assess` of a district (Three Rivers) against `assess` of its force (Hertfordshire), the
 *   baseline: a district's assessment reads its force's evidence too, and maps its High
 *   priorities. Target: the district no slower than its force (ratio ≤ 1).
 * - `hotspots` of one category (burglary) in a district against `hotspots` of all crime there:
 *   a command's cost should follow the records it uses (ratio well below 1).
 *
 * BENCH_ROUNDS: rounds (default 7). BENCH_BASE_DIST: a copy of an earlier build's dist/ (inside
 * this repository, so that its imports resolve), whose assessments are timed too, on the demo
 * store that build makes, each round alternated with this build's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type * as Assess from '../src/usecases/assess.js';
import type * as Hotspots from '../src/usecases/hotspots.js';
import type * as OpenStore from '../src/store/open-store.js';
import type * as ScopeModule from '../src/domain/scope.js';
import type * as SettingFiles from '../src/config/setting-files.js';
import type * as SettingsModule from '../src/config/settings.js';

const THIS_DIST = new URL('../dist/', import.meta.url).pathname;
const fromDist = <T>(module: string, dist = THIS_DIST) =>
  import(pathToFileURL(join(dist, module)).href) as Promise<T>;
const { hotspots } = await fromDist<typeof Hotspots>('usecases/hotspots.js');
const { openStore } = await fromDist<typeof OpenStore>('store/open-store.js');
const { FULL_SCOPE } = await fromDist<typeof ScopeModule>('domain/scope.js');

/** A build's `assess`, with the bundled settings loaded once as a command loads them at the edge. */
async function assessOf(dist: string) {
  const { assess } = await fromDist<typeof Assess>('usecases/assess.js', dist);
  const { loadSettings } = await fromDist<typeof SettingsModule>('config/settings.js', dist);
  const { ASSESSMENT_SETTINGS } = await fromDist<typeof SettingFiles>(
    'config/setting-files.js',
    dist,
  );
  const settings = await loadSettings({}, ASSESSMENT_SETTINGS);
  return (db: Parameters<typeof assess>[0], area: string) =>
    assess(db, FULL_SCOPE, { area, period, save: false, settings });
}

const dir = mkdtempSync(join(tmpdir(), 'lantern-bench-queries-'));
const path = join(dir, 'demo.duckdb');
execFileSync(
  process.execPath,
  [new URL('../bin/lantern.js', import.meta.url).pathname, 'demo', '--db', path],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
const db = await openStore(path);
const period = { from: '2025-01', to: '2025-12' };
const assess = await assessOf(THIS_DIST);
// The build before, on a copy of the store (its own instance), when asked for.
const BASE_DIST = process.env.BENCH_BASE_DIST;
let base: { db: Awaited<ReturnType<typeof openStore>>; assess: typeof assess } | null = null;
if (BASE_DIST) {
  const { openStore: openBase } = await fromDist<typeof OpenStore>(
    'store/open-store.js',
    BASE_DIST,
  );
  // Its own demo store, built by its own `demo` (a store this build made may hold schema changes
  // the earlier build refuses).
  execFileSync(
    process.execPath,
    [join(BASE_DIST, 'cli/main.js'), 'demo', '--db', join(dir, 'base.duckdb')],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  base = { db: await openBase(join(dir, 'base.duckdb')), assess: await assessOf(BASE_DIST) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/**
 * Median times of runs alternated round by round (the order reversed every other round), after
 * one warm-up of each: wall-clock, and the CPU time of the process (all its threads, DuckDB's
 * included), which other work on a shared machine disturbs less.
 */
async function paired(
  runs: readonly (() => Promise<unknown>)[],
  rounds = Number(process.env.BENCH_ROUNDS ?? 7),
): Promise<{ wall: number[]; cpu: number[] }> {
  for (const run of runs) await run();
  const wall = runs.map((): number[] => []);
  const cpu = runs.map((): number[] => []);
  for (let i = 0; i < rounds; i++) {
    const order = runs.map((_, j) => j);
    if (i % 2 === 1) order.reverse();
    for (const j of order) {
      const c = process.cpuUsage();
      const t = performance.now();
      await runs[j]!();
      wall[j]!.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu[j]!.push((used.user + used.system) / 1000);
    }
  }
  return { wall: wall.map(median), cpu: cpu.map(median) };
}

const assessed = await paired([
  () => assess(db, 'Three Rivers'),
  () => assess(db, 'Hertfordshire'),
  ...(base
    ? [() => base.assess(base.db, 'Three Rivers'), () => base.assess(base.db, 'Hertfordshire')]
    : []),
]);
const mapped = await paired([
  () => hotspots(db, FULL_SCOPE, { area: 'Three Rivers', category: 'burglary', period }),
  () => hotspots(db, FULL_SCOPE, { area: 'Three Rivers', category: 'all-crime', period }),
]);
db.close();
base?.db.close();
rmSync(dir, { recursive: true, force: true });

const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const [district, force, baseDistrict, baseForce] = assessed.wall as [
  number,
  number,
  number?,
  number?,
];
const [districtCpu, forceCpu, baseDistrictCpu, baseForceCpu] = assessed.cpu as [
  number,
  number,
  number?,
  number?,
];
const [burglary, allCrime] = mapped.wall as [number, number];
console.log(
  [
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    `assess Three Rivers ${s(district)}; baseline assess Hertfordshire ${s(force)}: ${(district / force).toFixed(2)} (target ≤ 1)`,
    `  CPU time: ${s(districtCpu)} against ${s(forceCpu)}: ${(districtCpu / forceCpu).toFixed(2)}`,
    ...(baseDistrict !== undefined && baseForce !== undefined
      ? [
          `base (${BASE_DIST}): assess Three Rivers ${s(baseDistrict)}; Hertfordshire ${s(baseForce)}: ${(baseDistrict / baseForce).toFixed(2)}`,
          `  CPU time: ${s(baseDistrictCpu!)} against ${s(baseForceCpu!)}: ${(baseDistrictCpu! / baseForceCpu!).toFixed(2)}`,
        ]
      : []),
    `hotspots Three Rivers burglary ${s(burglary)}; baseline all crime ${s(allCrime)}: ${(burglary / allCrime).toFixed(2)}`,
  ].join('\n'),
);
