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
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import type * as Assess from '../src/usecases/assess.js';
import type * as Hotspots from '../src/usecases/hotspots.js';
import type * as OpenStore from '../src/store/open-store.js';
import type * as ScopeModule from '../src/domain/scope.js';
import type * as SettingFiles from '../src/config/setting-files.js';
import type * as SettingsModule from '../src/config/settings.js';

const fromDist = <T>(module: string) =>
  import(new URL(`../dist/${module}`, import.meta.url).href) as Promise<T>;
const { assess } = await fromDist<typeof Assess>('usecases/assess.js');
const { hotspots } = await fromDist<typeof Hotspots>('usecases/hotspots.js');
const { openStore } = await fromDist<typeof OpenStore>('store/open-store.js');
const { FULL_SCOPE } = await fromDist<typeof ScopeModule>('domain/scope.js');
const { loadSettings } = await fromDist<typeof SettingsModule>('config/settings.js');
// The bundled settings, loaded once as a command loads them at the edge.
const { ASSESSMENT_SETTINGS } = await fromDist<typeof SettingFiles>('config/setting-files.js');
const settings = await loadSettings({}, ASSESSMENT_SETTINGS);

const dir = mkdtempSync(join(tmpdir(), 'lantern-bench-queries-'));
const path = join(dir, 'demo.duckdb');
execFileSync(
  process.execPath,
  [new URL('../bin/lantern.js', import.meta.url).pathname, 'demo', '--db', path],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
const db = await openStore(path);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/**
 * Median times of two runs alternated round by round, after one warm-up of each: wall-clock, and
 * the CPU time of the process (all its threads, DuckDB's included), which other work on a shared
 * machine disturbs less.
 */
async function paired(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  rounds = Number(process.env.BENCH_ROUNDS ?? 7),
): Promise<{ wall: [number, number]; cpu: [number, number] }> {
  await a();
  await b();
  const [ta, tb, ca, cb]: [number[], number[], number[], number[]] = [[], [], [], []];
  const timed = async (run: () => Promise<unknown>, times: number[], cpu: number[]) => {
    const c = process.cpuUsage();
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  };
  for (let i = 0; i < rounds; i++) {
    await timed(a, ta, ca);
    await timed(b, tb, cb);
  }
  return { wall: [median(ta), median(tb)], cpu: [median(ca), median(cb)] };
}

const period = { from: '2025-01', to: '2025-12' };
const assessed = await paired(
  () => assess(db, FULL_SCOPE, { area: 'Three Rivers', period, save: false, settings }),
  () => assess(db, FULL_SCOPE, { area: 'Hertfordshire', period, save: false, settings }),
);
const mapped = await paired(
  () => hotspots(db, FULL_SCOPE, { area: 'Three Rivers', category: 'burglary', period }),
  () => hotspots(db, FULL_SCOPE, { area: 'Three Rivers', category: 'all-crime', period }),
);
db.close();
rmSync(dir, { recursive: true, force: true });

const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const [district, force] = assessed.wall;
const [burglary, allCrime] = mapped.wall;
console.log(
  [
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    `assess Three Rivers ${s(district)}; baseline assess Hertfordshire ${s(force)}: ${(district / force).toFixed(2)} (target ≤ 1)`,
    `  CPU time: ${s(assessed.cpu[0])} against ${s(assessed.cpu[1])}: ${(assessed.cpu[0] / assessed.cpu[1]).toFixed(2)}`,
    `hotspots Three Rivers burglary ${s(burglary)}; baseline all crime ${s(allCrime)}: ${(burglary / allCrime).toFixed(2)}`,
  ].join('\n'),
);
