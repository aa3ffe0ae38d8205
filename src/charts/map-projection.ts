/**
 * How a map puts British National Grid metres (x east, y north) on the page: north up, the same
 * scale both ways, the bounds fitted to a frame and centred in it. Rings become path data with
 * repeated points (after rounding to the SVG's tenth of a pixel) dropped.
 */
import type { PxRing } from './area-names.js';
import type { Box } from './labels.js';
import { num } from './svg.js';

/** A ring of [east, north] points in metres. */
export type Ring = readonly (readonly [number, number])[];

export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The bounds grown to hold (x, y); a point that is not finite is left out. */
export function extendBounds(b: Bounds | null, x: number, y: number): Bounds | null {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return b;
  if (b === null) return { x0: x, y0: y, x1: x, y1: y };
  b.x0 = Math.min(b.x0, x);
  b.y0 = Math.min(b.y0, y);
  b.x1 = Math.max(b.x1, x);
  b.y1 = Math.max(b.y1, y);
  return b;
}

export interface MapFit {
  /** px per metre. */
  s: number;
  px: (x: number) => number;
  py: (y: number) => number;
  /** A ring as closed path data ("M…L…Z"), or "" for a ring with no finite point. */
  ringPath: (ring: Ring) => string;
  /** A ring in chart px. */
  toPx: (ring: Ring) => PxRing;
}

/** The bounds fitted into the frame, north up, aspect kept, centred. */
export function fitMap(b: Bounds, frame: Box): MapFit {
  const dx = Math.max(b.x1 - b.x0, 1);
  const dy = Math.max(b.y1 - b.y0, 1);
  const s = Math.min((frame.x1 - frame.x0) / dx, (frame.y1 - frame.y0) / dy);
  const ox = frame.x0 + (frame.x1 - frame.x0 - dx * s) / 2;
  const oy = frame.y0 + (frame.y1 - frame.y0 - dy * s) / 2;
  const px = (x: number) => ox + (x - b.x0) * s;
  const py = (y: number) => oy + (b.y1 - y) * s;
  const ringPath = (ring: Ring) => {
    let d = '';
    let last = '';
    for (const [x, y] of ring) {
      const p = `${num(px(x))},${num(py(y))}`;
      if (p === last) continue;
      d += `${d === '' ? 'M' : 'L'}${p}`;
      last = p;
    }
    return d === '' ? '' : `${d}Z`;
  };
  const toPx = (ring: Ring) => ring.map(([x, y]) => [px(x), py(y)] as const);
  return { s, px, py, ringPath, toPx };
}
