/**
 * Start-up benchmark (`npm run bench:startup`; issue 17 item 4): how long the built `lantern`
 * takes to answer what needs no store — `lantern --help`, `lantern help import`, a usage error
 * its facts answer (`lantern trends --period nonsense`: --area left out) and a bad value of a kind
 * the facts record (`lantern trends --area "Three Rivers" --period nonsense`) — against
 * `node -e 0` (Node starting and exiting) in the same run. The runs alternate, so a busy machine
 * slows both sides alike; each figure is the median of N spawns (BENCH_RUNS, default 31).
 * BENCH_BEFORE=/path/to/other/bin/lantern.js (another build, e.g. of main) adds its runs of the
 * same commands, alternating with these, for a before/after in one run. Target: ratio ≤ 2.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 31);
const BIN = new URL('../bin/lantern.js', import.meta.url).pathname;
// A store that does not exist: none of these commands may open (or create) one.
const DB = join(tmpdir(), 'lantern-bench-startup-none.duckdb');

const LANTERN: [name: string, args: string[], exit: number][] = [
  ['lantern --help', ['--help'], 0],
  ['lantern help import', ['help', 'import'], 0],
  // Usage errors the command's facts answer: --area left out, a bad --period.
  ['lantern trends --period nonsense', ['trends', '--period', 'nonsense', '--db', DB], 2],
  [
    'lantern trends --area "Three Rivers" --period nonsense',
    ['trends', '--area', 'Three Rivers', '--period', 'nonsense', '--db', DB],
    2,
  ],
];
const BEFORE = process.env.BENCH_BEFORE;
const CASES: [name: string, args: string[], exit: number][] = [
  ['baseline: node -e 0', ['-e', '0'], 0],
  ...LANTERN.flatMap(([name, args, exit]): [string, string[], number][] => [
    ...(BEFORE
      ? [[`${name} (before)`, [BEFORE, ...args], exit] as [string, string[], number]]
      : []),
    [name, [BIN, ...args], exit],
  ]),
];

function once(args: string[], exit: number): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== exit) {
    throw new Error(
      `${args.join(' ')} exited ${result.status}, expected ${exit}:\n${result.stderr}`,
    );
  }
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const before = loadavg()[0] as number;
const times = CASES.map((): number[] => []);
// One warm-up round (file cache), not counted.
for (const [, args, exit] of CASES) once(args, exit);
for (let r = 0; r < RUNS; r++) {
  CASES.forEach(([, args, exit], i) => times[i]?.push(once(args, exit)));
}
const after = loadavg()[0] as number;

const base = median(times[0] as number[]);
console.log(
  `Start-up: median of ${RUNS} alternating spawns; ${cpus().length} cores; load average ${before.toFixed(2)} before, ${after.toFixed(2)} after`,
);
console.log('| command | median | ratio to node -e 0 | target |');
console.log('|---|---|---|---|');
CASES.forEach(([name], i) => {
  const m = median(times[i] as number[]);
  console.log(
    `| ${name} | ${(m / 1000).toFixed(3)} s | ${i === 0 ? '1' : (m / base).toFixed(2)} | ${i === 0 ? '' : '≤ 2'} |`,
  );
});
