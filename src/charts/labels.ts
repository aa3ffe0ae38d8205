/**
 * Greedy label placement for point labels: each label tries eight spots around its point, takes
 * the first that overlaps no earlier label, no marker and stays inside the plot, or else the spot
 * that overlaps least. Labels are placed in the order given, so put the important ones first.
 */
import { FONT_SIZE } from './svg.js';
import { textWidth } from './text.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelRequest {
  x: number;
  y: number;
  text: string;
  bold?: boolean;
  /** Radius of the marker the label must clear. */
  clearance: number;
}

export interface PlacedLabel {
  /** Text position: x by anchor, y the baseline. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  text: string;
  bold: boolean;
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

function outside(a: Box, bounds: Box): number {
  const w = a.x1 - a.x0;
  const h = a.y1 - a.y0;
  const inW = Math.max(0, Math.min(a.x1, bounds.x1) - Math.max(a.x0, bounds.x0));
  const inH = Math.max(0, Math.min(a.y1, bounds.y1) - Math.max(a.y0, bounds.y0));
  return w * h - inW * inH;
}

export function placeLabels(
  requests: readonly LabelRequest[],
  bounds: Box,
  obstacles: readonly Box[],
): PlacedLabel[] {
  const taken: Box[] = [];
  const ascent = FONT_SIZE * 0.76;
  const descent = FONT_SIZE * 0.24;
  return requests.map((r) => {
    const w = textWidth(r.text, FONT_SIZE, r.bold);
    const c = r.clearance + 3;
    const mid = FONT_SIZE * 0.35;
    const candidates: [number, number, PlacedLabel['anchor']][] = [
      [c, mid, 'start'],
      [-c, mid, 'end'],
      [0, -c - descent, 'middle'],
      [0, c + ascent, 'middle'],
      [c * 0.8, -c * 0.8, 'start'],
      [c * 0.8, c * 0.8 + ascent, 'start'],
      [-c * 0.8, -c * 0.8, 'end'],
      [-c * 0.8, c * 0.8 + ascent, 'end'],
    ];
    let best: { box: Box; label: PlacedLabel; score: number } | undefined;
    for (const [dx, dy, anchor] of candidates) {
      const x = r.x + dx;
      const y = r.y + dy;
      const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      const box = { x0: x0 - 1, y0: y - ascent, x1: x0 + w + 1, y1: y + descent };
      let score = outside(box, bounds) * 10;
      for (const t of taken) score += overlap(box, t) * 4;
      for (const o of obstacles) score += overlap(box, o);
      if (best === undefined || score < best.score) {
        best = { box, label: { x, y, anchor, text: r.text, bold: r.bold ?? false }, score };
      }
      if (score === 0) break;
    }
    // candidates is never empty, so best is set.
    const chosen = best as { box: Box; label: PlacedLabel };
    taken.push(chosen.box);
    return chosen.label;
  });
}
