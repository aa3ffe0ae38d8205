/**
 * Greedy label placement for point labels, with collision avoidance: each label tries eight spots
 * around its point, then eight farther out (joined to the point by a leader line), and takes the
 * first that stays inside the plot and overlaps no earlier label and no marker, and (unless it is
 * allowed to) crosses none of the lines given (a chart's reference lines: a label never sits on
 * one). A label with no such spot is not placed (null): the chart identifies that point another
 * way (a number and a key). Labels are placed in the order given, so put the important ones first.
 */
import { FONT_SIZE } from './svg.js';
import { textWidth } from './text.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A straight line from (x1, y1) to (x2, y2). */
export type Segment = readonly [number, number, number, number];

export interface LabelRequest {
  x: number;
  y: number;
  text: string;
  bold?: boolean;
  /** Radius of the marker the label must clear. */
  clearance: number;
  /**
   * The last resort that identifies a point in a crowd (a number): tried farther out than a
   * name, and placed even when no spot is free of other labels, markers and lines, where it
   * covers least (lines count too).
   */
  fallback?: boolean;
}

export interface PlacedLabel {
  /** Text position: x by anchor, y the baseline. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  text: string;
  bold: boolean;
  /** The box the text takes. */
  box: Box;
  /** From the point to the label, when the label sits farther out. */
  leader: Segment | null;
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

const insideBox = (a: Box, bounds: Box) =>
  a.x0 >= bounds.x0 && a.x1 <= bounds.x1 && a.y0 >= bounds.y0 && a.y1 <= bounds.y1;

/** Whether the segment passes through the box (Liang–Barsky clipping). */
export function segmentCrossesBox(s: Segment, b: Box): boolean {
  const [x1, y1, x2, y2] = s;
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const clips: [number, number][] = [
    [-dx, x1 - b.x0],
    [dx, b.x1 - x1],
    [-dy, y1 - b.y0],
    [dy, b.y1 - y1],
  ];
  for (const [p, q] of clips) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Segments joining the points of a polyline. */
export function polylineSegments(points: readonly (readonly [number, number])[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i] as readonly [number, number];
    const [bx, by] = points[i + 1] as readonly [number, number];
    out.push([ax, ay, bx, by]);
  }
  return out;
}

function candidates(c: number, ascent: number): [number, number, PlacedLabel['anchor']][] {
  const mid = FONT_SIZE * 0.35;
  return [
    [c, mid, 'start'],
    [-c, mid, 'end'],
    [0, -c - FONT_SIZE * 0.24, 'middle'],
    [0, c + ascent, 'middle'],
    [c * 0.8, -c * 0.8, 'start'],
    [c * 0.8, c * 0.8 + ascent, 'start'],
    [-c * 0.8, -c * 0.8, 'end'],
    [-c * 0.8, c * 0.8 + ascent, 'end'],
  ];
}

/**
 * Places each label where it fits, or gives null. `taken` starts with boxes no label may cover
 * beyond the markers (e.g. labels placed earlier); placed labels are added to it.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  bounds: Box,
  obstacles: readonly Box[],
  lines: readonly Segment[] = [],
  taken: Box[] = [],
): (PlacedLabel | null)[] {
  const ascent = FONT_SIZE * 0.76;
  const descent = FONT_SIZE * 0.24;
  return requests.map((r) => {
    const w = textWidth(r.text, FONT_SIZE, r.bold);
    const near = r.clearance + 3;
    // A name tries three rings; a short number (the fallback) goes farther out before failing.
    const rings =
      r.fallback === true
        ? [0, 8, 16, 26, 38, 52].map((d) => near + d)
        : [near, near + 16, near + 30];
    let least: { label: PlacedLabel; cost: number } | null = null;
    for (const [k, c] of rings.entries()) {
      for (const [dx, dy, anchor] of candidates(c, ascent)) {
        const x = r.x + dx;
        const y = r.y + dy;
        const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
        const box = { x0: x0 - 1, y0: y - ascent, x1: x0 + w + 1, y1: y + descent };
        if (!insideBox(box, bounds)) continue;
        if (r.fallback === true) {
          const cost =
            taken.reduce((n, t) => n + overlapArea(box, t) * 4, 0) +
            obstacles.reduce((n, o) => n + overlapArea(box, o), 0) +
            lines.filter((s) => segmentCrossesBox(s, box)).length * 20 +
            k;
          if (least === null || cost < least.cost) {
            const leader = k === 0 ? null : leaderTo(r.x, r.y, box, r.clearance);
            least = {
              label: { x, y, anchor, text: r.text, bold: r.bold ?? false, box, leader },
              cost,
            };
          }
        }
        if (taken.some((t) => overlapArea(box, t) > 0)) continue;
        if (obstacles.some((o) => overlapArea(box, o) > 0)) continue;
        if (lines.some((s) => segmentCrossesBox(s, box))) continue;
        const leader: Segment | null = k === 0 ? null : leaderTo(r.x, r.y, box, r.clearance);
        if (leader && taken.some((t) => segmentCrossesBox(leader, t))) continue;
        taken.push(box);
        return { x, y, anchor, text: r.text, bold: r.bold ?? false, box, leader };
      }
    }
    if (least !== null) taken.push(least.label.box);
    return least?.label ?? null;
  });
}

/** A leader from the marker's edge to the nearest point of the label's box. */
function leaderTo(x: number, y: number, box: Box, clearance: number): Segment {
  const tx = Math.max(box.x0, Math.min(x, box.x1));
  const ty = Math.max(box.y0, Math.min(y, box.y1));
  const d = Math.hypot(tx - x, ty - y) || 1;
  const start = clearance + 1;
  return [x + ((tx - x) / d) * start, y + ((ty - y) / d) * start, tx, ty];
}
