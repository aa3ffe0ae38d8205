/**
 * Hotspots at scale (issue 17, item 6), part of `npm run bench:hotspots`: what `lantern hotspots`
 * computes for a force's year of a million records, on synthetic points shaped as police.uk's
 * (records at anonymised map points), and the Knox test at 50,000 dated events.
 *
 * - A million records at 40,000 map points over a 50 km × 40 km box (a force the size of
 *   Hertfordshire): 70 towns, each map point spread normally around one (sd 1.5 km), a fifth of
 *   them anywhere; busier map points drawn more often (a map point's share ∝ u², u uniform).
 *   Timed: the default cell size (bounded, analysis/hotspot-grid.ts), the grid, the counts, the
 *   default bandwidth, the exact KDE (incidents per map point, then the quartic kernel from each
 *   map point, as usecases/hotspots.ts does) and Gi*: target under 3 s, and the memory they take.
 * - Baseline in the same run: the binned FFT approximation of the same density on the same grid
 *   (each record moved to its cell's centre, the kernel convolved by FFT, as KernSmooth's bkde2D
 *   does with simple binning). Target: the exact KDE within twice its time. Also timed: the
 *   exact KDE record by record (the cost without map points).
 * - The Knox test at 50,000 dated events over the same box and one year, 999 permutations:
 *   target under 30 s; baseline in the same run: 5,000 events over a box with the same density.
 */
import { cpus, totalmem } from 'node:os';

import type * as Grid from '../src/analysis/hotspot-grid.js';
import type * as Knox from '../src/analysis/knox.js';

const fromDist = <T>(module: string) =>
  import(new URL(`../dist/${module}`, import.meta.url).href) as Promise<T>;
const { giStar, kde, makeGrid, countPoints, defaultBandwidth, defaultCellSize } = await fromDist<
  typeof Grid
>('analysis/hotspot-grid.js');
const { knoxTest } = await fromDist<typeof Knox>('analysis/knox.js');

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
/**
 * Median wall time of `rounds` runs after a warm-up, and the CPU time of this thread in the same
 * runs (on a machine shared with other work the wall time grows; the CPU time much less).
 */
function time<T>(run: () => T, rounds = 5): { ms: number; cpuMs: number; value: T } {
  let value = run(); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    value = run();
    cpu.push(process.cpuUsage(c).user / 1000);
    times.push(performance.now() - t);
  }
  return { ms: median(times), cpuMs: median(cpu), value };
}

const rnd = random(17);
const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
const box = { minX: 500_000, minY: 190_000, maxX: 550_000, maxY: 230_000 };
const [W, H] = [box.maxX - box.minX, box.maxY - box.minY];
const inBox = (x: number, y: number) =>
  [
    Math.min(box.maxX - 1, Math.max(box.minX, Math.round(x))),
    Math.min(box.maxY - 1, Math.max(box.minY, Math.round(y))),
  ] as const;

// Map points, then records at them.
const PLACES = 40_000;
const RECORDS = 1_000_000;
const towns = Array.from({ length: 70 }, () => [box.minX + rnd() * W, box.minY + rnd() * H]);
const placeX = new Float64Array(PLACES);
const placeY = new Float64Array(PLACES);
for (let k = 0; k < PLACES; k++) {
  const town = towns[Math.floor(rnd() * towns.length)]!;
  const [x, y] =
    rnd() < 0.2
      ? inBox(box.minX + rnd() * W, box.minY + rnd() * H)
      : inBox(town[0]! + 1500 * normal(), town[1]! + 1500 * normal());
  placeX[k] = x;
  placeY[k] = y;
}
const place = new Int32Array(RECORDS);
const x = new Float64Array(RECORDS);
const y = new Float64Array(RECORDS);
for (let i = 0; i < RECORDS; i++) {
  const k = Math.floor(rnd() ** 2 * PLACES);
  place[i] = k;
  x[i] = placeX[k]!;
  y[i] = placeY[k]!;
}
const records = { x, y };

const peakBefore = process.resourceUsage().maxRSS * 1024;
const pipeline = () => {
  const cellSize = defaultCellSize(box);
  const grid = makeGrid(box, cellSize);
  const { counts } = countPoints(grid, records);
  const bandwidth = defaultBandwidth(records);
  const density = exactKde(grid, bandwidth);
  const gi = giStar(grid, counts);
  return { cellSize, grid, bandwidth, density, gi };
};
/** The exact density as usecases/hotspots.ts computes it: incidents per map point, then the kernel. */
const exactKde = (grid: Grid.Grid, bandwidth: number) => {
  const weight = new Float64Array(PLACES);
  for (let i = 0; i < RECORDS; i++) weight[place[i]!]! += 1;
  return kde(grid, { x: placeX, y: placeY, weight }, bandwidth);
};
const whole = time(pipeline);
const peakAfter = process.resourceUsage().maxRSS * 1024;
const { grid, bandwidth, cellSize, density } = whole.value;
const exact = time(() => exactKde(grid, bandwidth), 9);
const byRecord = time(() => kde(grid, records, bandwidth), 3);
const fft = time(() => binnedFftKde(grid, records, bandwidth), 9);
let worst = 0;
let worstFft = 0;
let peak = 0;
for (let i = 0; i < density.length; i++) peak = Math.max(peak, density[i]!);
for (let i = 0; i < density.length; i++) {
  worst = Math.max(worst, Math.abs(byRecord.value[i]! - density[i]!) / peak);
  worstFft = Math.max(worstFft, Math.abs(fft.value[i]! - density[i]!) / peak);
}

// Knox: 50,000 events over the box and one year (a force's burglaries over ten years, or its
// violence for one), and 5,000 over a box a tenth the area (the same density) as the baseline.
const knoxEvents = (n: number, scale: number) =>
  Array.from({ length: n }, () => {
    const town = towns[Math.floor(rnd() * towns.length)]!;
    const [ex, ey] =
      rnd() < 0.2
        ? [box.minX + rnd() * W, box.minY + rnd() * H]
        : [town[0]! + 1500 * normal(), town[1]! + 1500 * normal()];
    // Scaled about the box's corner: the same shape, `scale` times the area.
    return {
      x: box.minX + (ex - box.minX) * Math.sqrt(scale),
      y: box.minY + (ey - box.minY) * Math.sqrt(scale),
      day: Math.floor(rnd() * 365),
    };
  });
const knoxOptions = {
  distanceBands: [0, 100, 200, 400, 800],
  timeBands: [0, 7, 14, 21, 28],
  iterations: 999,
  seed: 1,
};
const small = knoxEvents(5_000, 0.1);
const large = knoxEvents(50_000, 1);
const knoxSmall = time(() => knoxTest(small, knoxOptions), 3);
const knoxLarge = time(() => knoxTest(large, knoxOptions), 1);
const cpu = (t: { cpuMs: number }) => `CPU ${(t.cpuMs / 1000).toFixed(2)} s`;

const s = (ms: number) => `${(ms / 1000).toFixed(3).padStart(7)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
console.log(
  [
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    `1,000,000 records at ${PLACES.toLocaleString('en-GB')} map points, 50 km × 40 km: ${grid.cells.length.toLocaleString('en-GB')} cells of ${cellSize} m, bandwidth ${Math.round(bandwidth)} m`,
    `  cell size, grid, counts, bandwidth, exact KDE and Gi*  ${s(whole.ms)}  (${cpu(whole)}; target < 3 s)`,
    `  memory: the process's peak RSS ${mib(peakBefore)} with the records generated, ${mib(peakAfter)} after six runs (the records' columns: ${mib(RECORDS * 20)}; beyond them the work holds one sorted copy of an axis for the bandwidth, 8 MiB, and arrays per cell and per map point)`,
    `  exact KDE (by map point)                                ${s(exact.ms)}  (${(exact.ms / fft.ms).toFixed(2)} × the FFT; target ≤ 2)`,
    `  baseline: binned FFT approximation, same grid           ${s(fft.ms)}  (largest error ${(worstFft * 100).toFixed(2)} % of the peak density)`,
    `  exact KDE record by record                              ${s(byRecord.ms)}  (differs from by map point by ${worst.toExponential(1)} of the peak)`,
    `Knox, 999 permutations: 50,000 events ${s(knoxLarge.ms)} (${cpu(knoxLarge)}; ${knoxLarge.value.closePairs.toLocaleString('en-GB')} close pairs; target < 30 s)`,
    `  baseline: 5,000 events at the same density ${s(knoxSmall.ms)} (${cpu(knoxSmall)}; ${knoxSmall.value.closePairs.toLocaleString('en-GB')} close pairs): ${(knoxLarge.ms / knoxSmall.ms).toFixed(1)} × the time for ${(knoxLarge.value.closePairs / knoxSmall.value.closePairs).toFixed(1)} × the pairs`,
  ].join('\n'),
);

/**
 * The binned approximation: each record counted in its cell, the counts convolved with the
 * quartic kernel sampled at whole-cell offsets, by a 2-D FFT with zero padding (no wrap-around).
 */
function binnedFftKde(
  g: Grid.Grid,
  points: { x: Float64Array; y: Float64Array },
  h: number,
): Float64Array {
  const { x0, y0, cellSize, cols, rows } = g.spec;
  const reach = Math.floor(h / cellSize);
  const size = (n: number) => 2 ** Math.ceil(Math.log2(n + 2 * reach + 1));
  const [nx, ny] = [size(cols), size(rows)];
  const re = new Float64Array(nx * ny);
  const im = new Float64Array(nx * ny);
  for (let i = 0; i < points.x.length; i++) {
    const col = Math.floor((points.x[i]! - x0) / cellSize);
    const row = Math.floor((points.y[i]! - y0) / cellSize);
    if (col >= 0 && col < cols && row >= 0 && row < rows) re[row * nx + col]! += 1;
  }
  const kre = new Float64Array(nx * ny);
  const kim = new Float64Array(nx * ny);
  const h2 = h * h;
  const norm = 3 / (Math.PI * h2);
  for (let dr = -reach; dr <= reach; dr++)
    for (let dc = -reach; dc <= reach; dc++) {
      const d2 = (dr * cellSize) ** 2 + (dc * cellSize) ** 2;
      if (d2 >= h2) continue;
      const u = 1 - d2 / h2;
      kre[((dr + ny) % ny) * nx + ((dc + nx) % nx)] = norm * u * u;
    }
  fft2(re, im, nx, ny, false);
  fft2(kre, kim, nx, ny, false);
  for (let i = 0; i < re.length; i++) {
    const [a, b] = [re[i]!, im[i]!];
    re[i] = a * kre[i]! - b * kim[i]!;
    im[i] = a * kim[i]! + b * kre[i]!;
  }
  fft2(re, im, nx, ny, true);
  const out = new Float64Array(g.cells.length);
  g.cells.forEach((c, k) => (out[k] = re[c.row * nx + c.col]!));
  return out;
}

/** An in-place 2-D complex FFT (radix 2, rows then columns); the inverse scales by 1/(nx·ny). */
function fft2(re: Float64Array, im: Float64Array, nx: number, ny: number, inverse: boolean): void {
  const rowRe = new Float64Array(Math.max(nx, ny));
  const rowIm = new Float64Array(Math.max(nx, ny));
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) [rowRe[c], rowIm[c]] = [re[r * nx + c]!, im[r * nx + c]!];
    fft1(rowRe, rowIm, nx, inverse);
    for (let c = 0; c < nx; c++) [re[r * nx + c], im[r * nx + c]] = [rowRe[c]!, rowIm[c]!];
  }
  for (let c = 0; c < nx; c++) {
    for (let r = 0; r < ny; r++) [rowRe[r], rowIm[r]] = [re[r * nx + c]!, im[r * nx + c]!];
    fft1(rowRe, rowIm, ny, inverse);
    for (let r = 0; r < ny; r++) [re[r * nx + c], im[r * nx + c]] = [rowRe[r]!, rowIm[r]!];
  }
  if (inverse) {
    const scale = 1 / (nx * ny);
    for (let i = 0; i < re.length; i++) {
      re[i]! *= scale;
      im[i]! *= scale;
    }
  }
}

function fft1(re: Float64Array, im: Float64Array, n: number, inverse: boolean): void {
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const angle = ((inverse ? 2 : -2) * Math.PI) / len;
    const [wr, wi] = [Math.cos(angle), Math.sin(angle)];
    for (let i = 0; i < n; i += len) {
      let [cr, ci] = [1, 0];
      for (let k = 0; k < len / 2; k++) {
        const [ar, ai] = [re[i + k]!, im[i + k]!];
        const [br, bi] = [re[i + k + len / 2]!, im[i + k + len / 2]!];
        const [tr, ti] = [br * cr - bi * ci, br * ci + bi * cr];
        re[i + k] = ar + tr;
        im[i + k] = ai + ti;
        re[i + k + len / 2] = ar - tr;
        im[i + k + len / 2] = ai - ti;
        [cr, ci] = [cr * wr - ci * wi, cr * wi + ci * wr];
      }
    }
  }
}
