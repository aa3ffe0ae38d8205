/**
 * Hotspot benchmark (`npm run bench:hotspots`): the sizes issue 6 names, on synthetic random
 * points (the timings depend on sizes, not on where the points are):
 * - KDE of 100,000 points on a 100 m grid (a 20 km square: 40,000 cells, bandwidth 500 m);
 * - Gi* on 20,000 cells;
 * - Knox with 5,000 dated events and 999 permutations;
 * - cameras: K = 10 from 2,000 candidates over 20,000 incidents, radius 100 m;
 * - cameras solved exactly (HiGHS, issue 15): the same instance, and 20,000 incidents in
 *   clusters (as crime is) with the grid's own candidates, K = 10, 100 m; each with whether the
 *   optimum was proven within the default 10 s limit.
 * Each is the median of 5 runs of the compiled code (the exact solves: 3, after one to load and
 * warm the solver); targets 1 s, 1 s, 10 s and 2 s (the exact solve: its 10 s limit).
 */
import type { Highs } from 'highs';
import { cpus, totalmem } from 'node:os';

import type * as CoveringExact from '../src/analysis/covering-exact.js';
import type * as Covering from '../src/analysis/covering.js';
import type * as Grid from '../src/analysis/hotspot-grid.js';
import type * as Knox from '../src/analysis/knox.js';

const fromDist = <T>(module: string) =>
  import(new URL(`../dist/${module}`, import.meta.url).href) as Promise<T>;
const { giStar, kde, makeGrid, countPoints } = await fromDist<typeof Grid>(
  'analysis/hotspot-grid.js',
);
const knox = await fromDist<typeof Knox>('analysis/knox.js');
const covering = await fromDist<typeof Covering>('analysis/covering.js');
const exact = await fromDist<typeof CoveringExact>('analysis/covering-exact.js');
const highs = await (
  (await import('highs')) as unknown as { default: () => Promise<Highs> }
).default();

// A small deterministic generator (mulberry32), so every run times the same points.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
function time(run: () => unknown, rounds = 5): number {
  run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return median(times);
}

const rnd = random(1);
const side = 20_000;
const points = Array.from({ length: 100_000 }, () => ({ x: rnd() * side, y: rnd() * side }));
const grid100 = makeGrid({ minX: 0, minY: 0, maxX: side, maxY: side }, 100);
const kdeMs = time(() => kde(grid100, points, 500));

const cells = makeGrid({ minX: 0, minY: 0, maxX: 14_100, maxY: 14_200 }, 100); // ≈ 20,000 cells
const values = countPoints(cells, points.slice(0, 20_000)).counts;
const giMs = time(() => giStar(cells, values));

// Knox: 5,000 events over a 10 km square and one year, the default bands, 999 permutations.
const events = Array.from({ length: 5_000 }, () => ({
  x: rnd() * 10_000,
  y: rnd() * 10_000,
  day: Math.floor(rnd() * 365),
}));
const knoxMs = time(
  () =>
    knox.knoxTest(events, {
      distanceBands: [0, 100, 200, 400, 800],
      timeBands: [0, 7, 14, 21, 28],
      iterations: 999,
      seed: 1,
    }),
  3,
);

// Cameras: K = 10 of 2,000 candidates over 20,000 incidents, radius 100 m, on a 10 km square.
const incidents = Array.from({ length: 20_000 }, () => ({ x: rnd() * 10_000, y: rnd() * 10_000 }));
const candidates = Array.from({ length: 2_000 }, () => ({ x: rnd() * 10_000, y: rnd() * 10_000 }));
const camerasMs = time(() => covering.solveCovering({ incidents, candidates, k: 10, radius: 100 }));
const uniform = { incidents, candidates, k: 10, radius: 100 };
const uniformStatus = exact.solveCoveringExact(uniform, highs).optimality;
const uniformExactMs = time(() => exact.solveCoveringExact(uniform, highs), 3);
// Clusters: 200 centres, each incident within a normal spread of 150 m of one (Box–Muller).
const centres = Array.from({ length: 200 }, () => ({ x: rnd() * 10_000, y: rnd() * 10_000 }));
const clustered = Array.from({ length: 20_000 }, () => {
  const c = centres[Math.floor(rnd() * centres.length)] as { x: number; y: number };
  const r = 150 * Math.sqrt(-2 * Math.log(1 - rnd()));
  const a = 2 * Math.PI * rnd();
  return { x: Math.round(c.x + r * Math.cos(a)), y: Math.round(c.y + r * Math.sin(a)) };
});
const clusteredProblem = { incidents: clustered, k: 10, radius: 100 };
const clusteredStatus = exact.solveCoveringExact(clusteredProblem, highs).optimality;
const clusteredExactMs = time(() => exact.solveCoveringExact(clusteredProblem, highs), 3);

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
const line = (what: string, ms: number, target: number) =>
  console.log(`${what.padEnd(64)} ${(ms / 1000).toFixed(3).padStart(7)} s  (target < ${target} s)`);
line(
  `KDE: 100,000 points, ${grid100.cells.length.toLocaleString('en-GB')} cells of 100 m`,
  kdeMs,
  1,
);
line(`Gi*: ${cells.cells.length.toLocaleString('en-GB')} cells`, giMs, 1);
line('Knox: 5,000 events, 999 permutations (median of 3)', knoxMs, 10);
line('cameras: K = 10 of 2,000 candidates, 20,000 incidents, 100 m', camerasMs, 2);
const verdict = (o: Covering.CoveringOptimality) =>
  o.status === 'optimal'
    ? `optimal (${o.boundFrom}${o.solver ? `, ${o.solver.model.candidates} candidates after reduction` : ''})`
    : `heuristic, within ${o.gap} (${(o.gapShare * 100).toFixed(1)}%), solver ${o.solver?.outcome ?? 'not run'}`;
line('cameras exact: the same instance', uniformExactMs, 10);
console.log(`  ${verdict(uniformStatus)}`);
line('cameras exact: 20,000 clustered incidents, grid candidates', clusteredExactMs, 10);
console.log(`  ${verdict(clusteredStatus)}`);
