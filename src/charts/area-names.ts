/**
 * Names for the areas on a map (wards, or districts on a force's map), each placed inside its
 * area where it fits, away from what matters more: the largest areas are named first; a name
 * (on one line, or two) goes where it sits inside its area, covers the least of the shaded cells
 * and is farthest from the area's edge (a coarse pole of inaccessibility); failing that, centred
 * in its area and inside the map's outline. It never overlaps another name, the marked cells or
 * the map's edge, and an area whose name cannot be placed so is left unnamed: on a small map,
 * only the largest are named.
 * Pure geometry in the chart's px; the caller draws the names.
 */
import { max } from 'd3-array';

import type { Box } from './labels.js';
import { textWidth } from './text.js';

export type PxRing = readonly (readonly [number, number])[];

export interface AreaToName {
  name: string;
  /** Which area this is, when its name is not unique (e.g. a letter standing for it). */
  id?: string;
  /** The area's rings in chart px (holes as holes, even-odd). */
  rings: readonly PxRing[];
}

export interface PlacedName {
  name: string;
  /** The area's id, or its name. */
  id: string;
  /** The name on one line, or on two where that fits inside the area and one line does not. */
  lines: string[];
  /** The text's centre (anchor middle) and the first line's baseline. */
  x: number;
  y: number;
  /** The box the text takes, in chart px. */
  box: Box;
}

/** Line height of a name on two lines, as a multiple of the font size. */
export const NAME_LEADING = 1.1;

/** The name on one line, and split in two at the space nearest its middle. */
function layouts(name: string): string[][] {
  const words = name.split(' ');
  if (words.length < 2) return [[name]];
  let best = 1;
  for (let i = 1; i < words.length; i++) {
    const diff = (k: number) =>
      Math.abs(words.slice(0, k).join(' ').length - words.slice(k).join(' ').length);
    if (diff(i) < diff(best)) best = i;
  }
  return [[name], [words.slice(0, best).join(' '), words.slice(best).join(' ')]];
}

export interface NameObstacles {
  /** Never covered: the marked top cells and their badges. */
  hard: readonly Box[];
  /** Covered as little as possible, by weight (darker cells weigh more): box → weight. */
  soft: (box: Box) => number;
  /**
   * The whole map's outline: a name that fits inside no spot of its own area may cross into its
   * neighbours (its centre still in its own area), but stays inside this.
   */
  within?: readonly PxRing[];
}

/**
 * The rings' edges, flat, and indexed by horizontal band: a point's tests read only the edges
 * whose heights reach it, not every edge of a district's outline for every candidate spot. Made
 * once per rings array (placeAreaNames tries hundreds of spots in each area).
 */
interface EdgeIndex {
  /** Edge e runs from (xy[4e], xy[4e+1]) (the ring's point j) to (xy[4e+2], xy[4e+3]) (point i). */
  xy: Float64Array;
  y0: number;
  bandHeight: number;
  /** The edges whose heights overlap each band, by number. */
  bands: Uint32Array[];
}

const indexes = new WeakMap<readonly PxRing[], EdgeIndex>();

function edgeIndex(rings: readonly PxRing[]): EdgeIndex {
  const known = indexes.get(rings);
  if (known) return known;
  const count = rings.reduce((n, r) => n + r.length, 0);
  const xy = new Float64Array(count * 4);
  let e = 0;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as readonly [number, number];
      const [xj, yj] = ring[j] as readonly [number, number];
      xy.set([xj, yj, xi, yi], e * 4);
      e++;
      y0 = Math.min(y0, yi);
      y1 = Math.max(y1, yi);
    }
  }
  const n = Math.max(1, Math.min(4096, Math.ceil(count / 8)));
  const bandHeight = y1 > y0 ? (y1 - y0) / n : 1;
  const lists: number[][] = Array.from({ length: n + 1 }, () => []);
  const band = (y: number) => Math.floor((y - y0) / bandHeight);
  for (let k = 0; k < count; k++) {
    const ya = xy[k * 4 + 1] as number;
    const yb = xy[k * 4 + 3] as number;
    const last = Math.min(n, band(Math.max(ya, yb)));
    for (let b = Math.max(0, band(Math.min(ya, yb))); b <= last; b++) lists[b]!.push(k);
  }
  const index = { xy, y0, bandHeight, bands: lists.map((l) => Uint32Array.from(l)) };
  indexes.set(rings, index);
  return index;
}

/** The numbers of the bands that hold every edge reaching heights from lo to hi. */
function bandRange(index: EdgeIndex, lo: number, hi: number): [number, number] {
  const band = (y: number) => Math.floor((y - index.y0) / index.bandHeight);
  return [Math.max(0, band(lo)), Math.min(index.bands.length - 1, band(hi))];
}

/** Whether (x, y) is inside the rings by the even-odd rule. */
export function insideRings(rings: readonly PxRing[], x: number, y: number): boolean {
  const index = edgeIndex(rings);
  const band = Math.floor((y - index.y0) / index.bandHeight);
  const edges = index.bands[band]; // none above or below every edge
  if (edges === undefined) return false;
  const { xy } = index;
  let inside = false;
  for (const k of edges) {
    const xj = xy[k * 4] as number;
    const yj = xy[k * 4 + 1] as number;
    const xi = xy[k * 4 + 2] as number;
    const yi = xy[k * 4 + 3] as number;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance from (x, y) to edge k of the index. */
function edgeDistance(xy: Float64Array, k: number, x: number, y: number): number {
  const ax = xy[k * 4] as number;
  const ay = xy[k * 4 + 1] as number;
  const bx = xy[k * 4 + 2] as number;
  const by = xy[k * 4 + 3] as number;
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Distance from (x, y) to the nearest edge of the rings. */
export function distanceToEdge(rings: readonly PxRing[], x: number, y: number): number {
  const { xy } = edgeIndex(rings);
  let best = Infinity;
  for (let k = 0; k < xy.length / 4; k++) best = Math.min(best, edgeDistance(xy, k, x, y));
  return best;
}

/**
 * The distance from (x, y) to the nearest edge of the rings, or `cap` when none is nearer:
 * `Math.min(distanceToEdge(rings, x, y), cap)`, reading only the edges within `cap` of its height.
 */
export function distanceToEdgeUpTo(
  rings: readonly PxRing[],
  x: number,
  y: number,
  cap: number,
): number {
  const index = edgeIndex(rings);
  // A margin of 1 px: an edge in no band read is more than cap + 1 px away, whatever the rounding.
  const [from, to] = bandRange(index, y - cap - 1, y + cap + 1);
  let best = cap;
  for (let b = from; b <= to; b++) {
    for (const k of index.bands[b] as Uint32Array)
      best = Math.min(best, edgeDistance(index.xy, k, x, y));
  }
  return best;
}

/** The size names are placed by: the area of the largest ring (shoelace formula). */
function areaOf(rings: readonly PxRing[]): number {
  const areas = rings.map((ring) => {
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as readonly [number, number];
      const [xj, yj] = ring[j] as readonly [number, number];
      a += xj * yi - xi * yj;
    }
    return Math.abs(a) / 2;
  });
  return max(areas) ?? 0;
}

function boundsOf(rings: readonly PxRing[]): Box {
  let b: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const ring of rings)
    for (const [x, y] of ring)
      b = {
        x0: Math.min(b.x0, x),
        y0: Math.min(b.y0, y),
        x1: Math.max(b.x1, x),
        y1: Math.max(b.y1, y),
      };
  return b;
}

const overlaps = (a: Box, b: Box, margin = 0) =>
  a.x0 < b.x1 + margin && b.x0 < a.x1 + margin && a.y0 < b.y1 + margin && b.y0 < a.y1 + margin;

const within = (a: Box, b: Box) => a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;

/** How many candidate centres a grid over an area's bounds tries in each direction. */
const GRID = 14;

/** The share of the box's horizontal midline that lies inside the rings (9 points along it). */
function midlineShare(rings: readonly PxRing[], box: Box): number {
  const cy = (box.y0 + box.y1) / 2;
  let inside = 0;
  for (let i = 0; i <= 8; i++) {
    if (insideRings(rings, box.x0 + ((box.x1 - box.x0) * i) / 8, cy)) inside++;
  }
  return inside / 9;
}

/**
 * The names that fit, largest area first. `bounds` is the map's frame: a name stays inside it,
 * and inside its area (or else the map's outline) but for a corner a third of the font size over
 * the edge.
 */
export function placeAreaNames(
  areas: readonly AreaToName[],
  fontSize: number,
  bounds: Box,
  obstacles: NameObstacles,
  bold = false,
): PlacedName[] {
  const ascent = fontSize * 0.76;
  const descent = fontSize * 0.24;
  const slack = fontSize * 0.3;
  const placed: { box: Box; name: PlacedName }[] = [];
  const order = areas
    .map((a) => ({ a, size: areaOf(a.rings) }))
    .filter((o) => o.a.name.trim() !== '' && o.size > 0)
    .sort((p, q) => q.size - p.size || p.a.name.localeCompare(q.a.name));
  for (const { a } of order) {
    const b = boundsOf(a.rings);
    const step = Math.max(2, Math.max(b.x1 - b.x0, b.y1 - b.y0) / GRID);
    let best: { box: Box; name: PlacedName; score: number } | null = null;
    for (const [k, lines] of layouts(a.name.trim()).entries()) {
      const w = max(lines, (l) => textWidth(l, fontSize, bold)) ?? 0;
      const half = (ascent + descent + (lines.length - 1) * fontSize * NAME_LEADING) / 2;
      for (let cy = b.y0 + step / 2; cy < b.y1; cy += step) {
        for (let cx = b.x0 + step / 2; cx < b.x1; cx += step) {
          if (!insideRings(a.rings, cx, cy)) continue;
          const box = { x0: cx - w / 2 - 1, y0: cy - half, x1: cx + w / 2 + 1, y1: cy + half };
          if (!within(box, bounds)) continue;
          if (placed.some((p) => overlaps(p.box, box, 2))) continue;
          if (obstacles.hard.some((h) => overlaps(h, box))) continue;
          const corners: [number, number][] = [
            [box.x0, box.y0],
            [box.x1, box.y0],
            [box.x0, box.y1],
            [box.x1, box.y1],
            [cx, box.y0],
            [cx, box.y1],
            [box.x0, cy],
            [box.x1, cy],
          ];
          // Inside its area, but for a corner just over the edge (halo text reads across a line).
          const near = (rings: readonly PxRing[]) =>
            corners.every(
              ([x, y]) =>
                insideRings(rings, x, y) || distanceToEdgeUpTo(rings, x, y, slack + 1) <= slack,
            );
          const inside = near(a.rings);
          // A name crossing into its neighbours has its centre in its own area and at least half
          // its length (a letter, in a small area crowded by the numbered cells, its middle).
          if (!inside && !(obstacles.within !== undefined && near(obstacles.within))) continue;
          const letter = w < fontSize * 1.5;
          if (!inside && midlineShare(a.rings, box) < (letter ? 0.3 : 0.5)) continue;
          // Inside its own area first; one line before two; then the fewest dark cells covered;
          // then the farthest from the edge (up to its width, or three letters' for a short one).
          const reach = Math.max(w, fontSize * 3);
          const before = (inside ? 0 : 1e6) + k * 50 + obstacles.soft(box) * 4;
          // The farthest from the edge it could be does not beat the best: no need to measure.
          if (best !== null && before - reach >= best.score) continue;
          const score = before - distanceToEdgeUpTo(a.rings, cx, cy, reach);
          if (best === null || score < best.score) {
            const y = cy - half + ascent;
            best = { box, name: { name: a.name, id: a.id ?? a.name, lines, x: cx, y, box }, score };
          }
        }
      }
    }
    if (best !== null) placed.push(best);
  }
  return placed.map((p) => p.name);
}
