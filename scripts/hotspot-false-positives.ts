/**
 * `npx tsx scripts/hotspot-false-positives.ts`: grids with no real hot spot, and the share of runs
 * in which Benjamini–Hochberg still calls some cell a hot spot (and a cold spot): with Gi*'s z read
 * on the normal curve (2Φ(−|z|)) and with its exact permutation p-value (analysis/hotspot-grid.ts,
 * whose header and docs/guide.md give the figures). On a 50 × 50 grid of 2,500 cells:
 * - random: N incidents placed uniformly at random, N = expected × n / 9;
 * - over-dispersed: each cell's count negative binomial (gamma–Poisson, size 0.5: variance
 *   μ + 2μ², as crime counts over places are), drawn independently, so their places are shuffled.
 * R=1000 runs at each expected count by default; seeded, so the figures repeat.
 */
import erfc from '@stdlib/math-base-special-erfc';

import { giStar, makeGrid } from '../src/analysis/hotspot-grid.js';
import { benjaminiHochbergOf } from '../src/analysis/multiple-testing.js';

let seed = 12345; // mulberry32
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const normal = (): number => {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
};
/** Marsaglia and Tsang's gamma(shape, 1). */
const gamma = (shape: number): number => {
  if (shape < 1) return gamma(shape + 1) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal();
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    if (Math.log(1 - random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
};
const poisson = (mean: number): number => {
  if (mean > 500) return poisson(mean / 2) + poisson(mean / 2);
  const limit = Math.exp(-mean);
  let k = 0;
  for (let product = random(); product > limit; product *= random()) k++;
  return k;
};
const SIZE = 0.5;

const side = 50;
const runs = Number(process.env['R'] ?? 1000);
const grid = makeGrid({ minX: 0, minY: 0, maxX: side * 10, maxY: side * 10 }, 10);
const n = grid.cells.length;
const percent = (k: number) => `${((100 * k) / runs).toFixed(1)}%`;
for (const kind of ['random', 'over-dispersed'] as const) {
  for (const expected of [1, 5, 20, 100]) {
    const incidents = Math.max(1, Math.round((expected * n) / 9));
    let normalHot = 0;
    let exactHot = 0;
    let exactCold = 0;
    let exactAny = 0;
    let ms = 0;
    for (let r = 0; r < runs; r++) {
      const counts = new Float64Array(n);
      if (kind === 'random')
        for (let i = 0; i < incidents; i++) counts[Math.floor(random() * n)]! += 1;
      else for (let i = 0; i < n; i++) counts[i] = poisson(((expected / 9) * gamma(SIZE)) / SIZE);
      const started = performance.now();
      const g = giStar(grid, counts);
      ms += performance.now() - started;
      const byNormal = benjaminiHochbergOf(g.z.map((z) => erfc(Math.abs(z) / Math.SQRT2)));
      let normalHere = 0;
      let hot = 0;
      let cold = 0;
      for (let i = 0; i < n; i++) {
        if (byNormal[i]! < 0.05 && g.z[i]! > 0) normalHere++;
        if (g.pAdjusted[i]! < 0.05) {
          if (g.z[i]! > 0) hot++;
          else cold++;
        }
      }
      if (normalHere) normalHot++;
      if (hot) exactHot++;
      if (cold) exactCold++;
      if (hot || cold) exactAny++;
    }
    console.log(
      `${kind}, ${n} cells, ${expected} expected per neighbourhood, ${runs} runs: ` +
        `some hot spot, normal ${percent(normalHot)}, exact ${percent(exactHot)}; ` +
        `exact cold ${percent(exactCold)}, hot or cold ${percent(exactAny)}; ` +
        `Gi* ${(ms / runs).toFixed(1)} ms a run`,
    );
  }
}
