/**
 * Hotspot surfaces on a regular grid in metres (British National Grid), the methods analysts
 * know from sfhotspot, CrimeStat and ArcGIS, named the same way:
 *
 * - Grid: square cells over the area's bounding box, kept when the cell's centre lies inside the
 *   area. Cell size by default as sfhotspot's rule: the shorter side of the box / 50, floored to a
 *   multiple of 100 m (unless that is 0, then to a multiple of 10 m, never below 10 m); enlarged,
 *   in the same steps, until the box holds at most MAX_DEFAULT_CELLS cells. sfhotspot's rule
 *   bounds only the shorter side (50 to 100 cells): a long, thin area, or a box stretched by a
 *   stray point, would otherwise make any number of cells. Below the bound (every box up to
 *   about 2:1) the rule is sfhotspot's exactly. For police.uk records never below
 *   POLICE_UK_MIN_CELL (50 m), the spacing of its anonymous map points (see there).
 * - Count: incidents per cell.
 * - KDE: a quartic (biweight) kernel, K(d) = 3/(π h²) · (1 − d²/h²)² for d < h, evaluated at each
 *   cell's centre and summed over incidents: incidents per square metre (each incident's kernel
 *   integrates to 1, so density × cell area summed over the grid is the number of incidents, less
 *   what falls outside it). Bandwidth h by default from MASS's `bandwidth.nrd` rule on each axis,
 *   4 × 1.06 × min(sd, IQR/1.34) × n^(−1/5), averaged over x and y (sfhotspot, through an R quirk,
 *   uses the x axis alone; we use both deliberately). A bandwidth smaller than a cell is warned
 *   about: the surface then misses incidents between cell centres.
 * - Getis-Ord Gi*: for each cell, its count and its 8 neighbours' (binary weights, self included,
 *   the queen's neighbourhood: sfhotspot's default distance of cell × √2), as a z-score:
 *   G*ᵢ = (Σⱼ wᵢⱼxⱼ − x̄ Σⱼ wᵢⱼ) / (S √((n Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²) / (n − 1))), with x̄ and S the mean
 *   and standard deviation of all n cells' counts; p = 2Φ(−|z|), adjusted for the number of cells
 *   by Benjamini–Hochberg (the false discovery rate, as ArcGIS does; sfhotspot adjusts nothing by
 *   default). Assumes counts comparable across cells: areas with no one living there pull x̄ down.
 * - When Gi*'s z is read at all (giStarHolds): its p-value reads z on the normal curve. With N
 *   incidents placed at random over n cells, a cell's neighbourhood (itself and its 8 neighbours)
 *   holds about Poisson(λ) incidents, λ = 9N/n the expected count per neighbourhood, whose
 *   skewness is 1/√λ; the normal curve has none. We read z only where that skewness is at most 1,
 *   the usual bound past which a distribution is called highly skewed (Bulmer, Principles of
 *   Statistics, 1979): λ ≥ 1, at least one incident expected in each neighbourhood. Then a
 *   neighbourhood holding one incident is at or below what it expects (z ≤ 0), so one incident
 *   is never a hotspot. Below it most neighbourhoods hold none and one incident sits far out on
 *   the curve: 2 burglaries on 2,601 cells of 10 m (λ = 0.007) gave each cell holding one z 12,
 *   p < 0.001, where 1 neighbourhood in 145 holds one by chance. Where λ < 1, z is still given
 *   but no cell is called a hot or cold spot. Above it the p-values stay approximate, as in
 *   sfhotspot and ArcGIS: crime counts are skewed however many there are (a few busy places).
 */
import erfc from '@stdlib/math-base-special-erfc';

import { benjaminiHochbergOf } from './multiple-testing.js';

export interface GridSpec {
  /** Lower-left corner of the grid, metres. */
  x0: number;
  y0: number;
  cellSize: number;
  cols: number;
  rows: number;
}

export interface Cell {
  /** Index in the grid: row × cols + col. */
  index: number;
  col: number;
  row: number;
  /** Centre, metres. */
  x: number;
  y: number;
}

export interface Grid {
  spec: GridSpec;
  /** The cells kept (centre inside the area), in index order. */
  cells: Cell[];
  /** Position in `cells` of each grid index, or -1 when the cell was not kept. */
  position: Int32Array;
}

/**
 * Points in National Grid metres: objects, or columns (typed arrays, for many points: a force's
 * records, or a benchmark's million), each with an optional weight (default 1).
 */
export type Points =
  | readonly { x: number; y: number; weight?: number }[]
  | { x: ArrayLike<number>; y: ArrayLike<number>; weight?: ArrayLike<number> };

interface Columns {
  n: number;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  weight: ArrayLike<number> | null;
}

function columnsOf(points: Points): Columns {
  if (!Array.isArray(points)) {
    const c = points as Exclude<Points, readonly unknown[]>;
    return { n: c.x.length, x: c.x, y: c.y, weight: c.weight ?? null };
  }
  const list = points as readonly { x: number; y: number; weight?: number }[];
  const n = list.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let weight: Float64Array | null = null;
  for (let i = 0; i < n; i++) {
    const p = list[i]!;
    x[i] = p.x;
    y[i] = p.y;
    if (p.weight !== undefined) (weight ??= new Float64Array(n).fill(1))[i] = p.weight;
  }
  return { n, x, y, weight };
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The most cells a default grid makes over an area's box (a cell given by the user may make more). */
export const MAX_DEFAULT_CELLS = 20_000;

/**
 * The smallest default cell for police.uk records, metres. police.uk moves every record to the
 * nearest of its anonymous map points (the centre of a street or a public place, each covering at
 * least eight addresses or none; domain-notes §1.4), so a record is placed no more finely than
 * the spacing of those points. In the Merseyside and Gwent data of 2018-11..2019-02 a quarter of
 * the map points have another within 54 m and 65 m, half within 77 m and 92 m. A cell much smaller
 * than that holds one map point with empty cells all round it, and its Gi* neighbourhood (three
 * cells across) reaches no other map point: a 10 m grid tests whether a map point is there, not
 * whether incidents cluster. At 50 m a neighbourhood is 150 m across and takes in a map point's
 * nearest neighbours. sfhotspot's rule alone gives 10–40 m for an LSOA or a small ward.
 */
export const POLICE_UK_MIN_CELL = 50;

/**
 * The default cell size for a bounding box (metres): sfhotspot's rule, at least `floor` (10 m;
 * POLICE_UK_MIN_CELL for police.uk records) unless the box's shorter side is under three such
 * cells, enlarged when that would make more than MAX_DEFAULT_CELLS cells over the box (see the
 * header).
 */
export function defaultCellSize(box: Box, floor = 10): number {
  const side = Math.min(box.maxX - box.minX, box.maxY - box.minY);
  const shorter = side / 50;
  const hundreds = Math.floor(shorter / 100) * 100;
  let size = hundreds > 0 ? hundreds : Math.max(10, Math.floor(shorter / 10) * 10);
  // A box too small for three cells of `floor` keeps the rule's size: Gi* needs a cell and its
  // neighbours within the area.
  if (size < floor && side >= 3 * floor) size = floor;
  if (cellsOver(box, size) <= MAX_DEFAULT_CELLS) return size;
  // The smallest size in the rule's steps (10 m below 100 m, then 100 m) within the bound.
  const step = (s: number) => (s < 100 ? 10 : 100);
  const area = (box.maxX - box.minX) * (box.maxY - box.minY);
  const least = Math.sqrt(area / MAX_DEFAULT_CELLS);
  size = Math.max(size, Math.ceil(least / step(least)) * step(least));
  while (cellsOver(box, size) > MAX_DEFAULT_CELLS) size += step(size);
  return size;
}

/** How many cells makeGrid lays over a box (before keeping those inside the area). */
export function cellsOver(box: Box, cellSize: number): number {
  const x0 = Math.floor(box.minX / cellSize) * cellSize;
  const y0 = Math.floor(box.minY / cellSize) * cellSize;
  const cols = Math.max(1, Math.ceil((box.maxX - x0) / cellSize));
  const rows = Math.max(1, Math.ceil((box.maxY - y0) / cellSize));
  return cols * rows;
}

/**
 * Which of a row's cell centres (one y, the xs ascending) lie in the area (non-zero: inside): the
 * same answer as `inside` for each, worked out a row at a time (geo/polygon-index.ts).
 */
export type RowInside = (y: number, xs: Float64Array) => ArrayLike<number>;

export function makeGrid(
  box: Box,
  cellSize: number,
  inside: (x: number, y: number) => boolean = () => true,
  insideRow?: RowInside,
): Grid {
  if (!(cellSize > 0)) throw new RangeError(`cell size must be > 0 m, got ${cellSize}`);
  const x0 = Math.floor(box.minX / cellSize) * cellSize;
  const y0 = Math.floor(box.minY / cellSize) * cellSize;
  const cols = Math.max(1, Math.ceil((box.maxX - x0) / cellSize));
  const rows = Math.max(1, Math.ceil((box.maxY - y0) / cellSize));
  const position = new Int32Array(cols * rows).fill(-1);
  const cells: Cell[] = [];
  const xs = new Float64Array(cols);
  for (let col = 0; col < cols; col++) xs[col] = x0 + (col + 0.5) * cellSize;
  for (let row = 0; row < rows; row++) {
    const y = y0 + (row + 0.5) * cellSize;
    const kept = insideRow ? insideRow(y, xs) : null;
    for (let col = 0; col < cols; col++) {
      const x = xs[col]!;
      if (kept ? !kept[col] : !inside(x, y)) continue;
      const index = row * cols + col;
      position[index] = cells.length;
      cells.push({ index, col, row, x, y });
    }
  }
  return { spec: { x0, y0, cellSize, cols, rows }, cells, position };
}

/** The kept cell holding a point, or -1 (outside the grid or in a cell not kept). */
export function cellOf(grid: Grid, x: number, y: number): number {
  const { x0, y0, cellSize, cols, rows } = grid.spec;
  const col = Math.floor((x - x0) / cellSize);
  const row = Math.floor((y - y0) / cellSize);
  if (col < 0 || row < 0 || col >= cols || row >= rows) return -1;
  return grid.position[row * cols + col] as number;
}

/** Incidents per kept cell; points outside every kept cell are counted apart. */
export function countPoints(grid: Grid, points: Points): { counts: Float64Array; outside: number } {
  const { n, x, y } = columnsOf(points);
  const counts = new Float64Array(grid.cells.length);
  let outside = 0;
  for (let i = 0; i < n; i++) {
    const c = cellOf(grid, x[i]!, y[i]!);
    if (c < 0) outside++;
    else counts[c]! += 1;
  }
  return { counts, outside };
}

const quantile = (sorted: ArrayLike<number>, q: number) => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
};

/** MASS::bandwidth.nrd for one axis: 4 × 1.06 × min(sd, IQR/1.34) × n^(−1/5). */
export function bandwidthNrd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  const sorted = Float64Array.from(values).sort();
  const iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
  const spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
  return 4 * 1.06 * spread * n ** -0.2;
}

/** The default bandwidth: the mean of the x and y axes' `bandwidth.nrd`. */
export function defaultBandwidth(points: Points): number {
  const { x, y } = columnsOf(points);
  return (bandwidthNrd(x) + bandwidthNrd(y)) / 2;
}

/**
 * Quartic-kernel density at each kept cell's centre, incidents per square metre. Each incident
 * visits only the cells within one bandwidth of it.
 */
export function kde(grid: Grid, points: Points, bandwidth: number): Float64Array {
  const out = new Float64Array(grid.cells.length);
  if (!(bandwidth > 0)) return out;
  const { n, x, y, weight } = columnsOf(points);
  const { x0, y0, cellSize, cols, rows } = grid.spec;
  const h2 = bandwidth * bandwidth;
  const norm = 3 / (Math.PI * h2);
  // Cell centres, computed once (the same arithmetic as per point, so the same values).
  const cx = new Float64Array(cols);
  for (let col = 0; col < cols; col++) cx[col] = x0 + (col + 0.5) * cellSize;
  const cy = new Float64Array(rows);
  for (let row = 0; row < rows; row++) cy[row] = y0 + (row + 0.5) * cellSize;
  const position = grid.position;
  for (let i = 0; i < n; i++) {
    const px = x[i]!;
    const py = y[i]!;
    const w = weight ? weight[i]! : 1;
    const c0 = Math.max(0, Math.floor((px - bandwidth - x0) / cellSize));
    const c1 = Math.min(cols - 1, Math.floor((px + bandwidth - x0) / cellSize));
    const r0 = Math.max(0, Math.floor((py - bandwidth - y0) / cellSize));
    const r1 = Math.min(rows - 1, Math.floor((py + bandwidth - y0) / cellSize));
    for (let row = r0; row <= r1; row++) {
      const dy = cy[row]! - py;
      const dy2 = dy * dy;
      if (dy2 >= h2) continue;
      const base = row * cols;
      for (let col = c0; col <= c1; col++) {
        const k = position[base + col]!;
        if (k < 0) continue;
        const dx = cx[col]! - px;
        const d2 = dx * dx + dy2;
        if (d2 >= h2) continue;
        const u = 1 - d2 / h2;
        out[k]! += w * norm * u * u;
      }
    }
  }
  return out;
}

export interface GiStar {
  z: Float64Array;
  p: Float64Array;
  /** Benjamini–Hochberg adjusted p-values over the cells. */
  pAdjusted: Float64Array;
}

/** Getis-Ord Gi* over the kept cells with queen neighbours (self included). */
export function giStar(grid: Grid, values: Float64Array): GiStar {
  const n = grid.cells.length;
  const z = new Float64Array(n);
  const p = new Float64Array(n).fill(1);
  if (n < 2) return { z, p, pAdjusted: p.slice() };
  let sum = 0;
  let sumSq = 0;
  for (const v of values) {
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  const s = Math.sqrt(Math.max(sumSq / n - mean * mean, 0));
  const { cols, rows } = grid.spec;
  for (let i = 0; i < n; i++) {
    const cell = grid.cells[i] as Cell;
    let local = 0;
    let w = 0;
    for (let dr = -1; dr <= 1; dr++) {
      const row = cell.row + dr;
      if (row < 0 || row >= rows) continue;
      for (let dc = -1; dc <= 1; dc++) {
        const col = cell.col + dc;
        if (col < 0 || col >= cols) continue;
        const j = grid.position[row * cols + col] as number;
        if (j < 0) continue;
        local += values[j] as number;
        w += 1; // binary weights: Σw = Σw² = number of neighbours (self included)
      }
    }
    const denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
    const zi = denominator > 0 ? (local - mean * w) / denominator : 0;
    z[i] = zi;
    p[i] = erfc(Math.abs(zi) / Math.SQRT2); // 2Φ(−|z|)
  }
  return { z, p, pAdjusted: benjaminiHochbergOf(p) };
}

/** The expected count per neighbourhood from which Gi*'s z is read on the normal curve (header). */
export const GISTAR_MIN_EXPECTED = 1;

/** Incidents a full neighbourhood (a cell and its 8 neighbours) expects on average: 9N/n. */
export function expectedPerNeighbourhood(cells: number, incidents: number): number {
  return cells > 0 ? (9 * incidents) / cells : 0;
}

/**
 * The fewest cells on which Gi* marks anything: on a grid of fewer, a neighbourhood (nine cells)
 * is most of the grid, so nothing can stand out from it; and with at least this many, one incident
 * alone never reaches GISTAR_MIN_EXPECTED (9 × 1 / 10 < 1). QA: one theft in Torfaen, on a grid of
 * 2 cells of 10 m (no outline held, so the grid covered the incidents only), read as 4.5 expected
 * per neighbourhood and was tested.
 */
export const GISTAR_MIN_CELLS = 10;

/** Whether Gi*'s normal p-values may mark hot and cold spots on a grid (see the header). */
export function giStarHolds(cells: number, incidents: number): boolean {
  return (
    cells >= GISTAR_MIN_CELLS && expectedPerNeighbourhood(cells, incidents) >= GISTAR_MIN_EXPECTED
  );
}
