/**
 * What a funnel plot's reader sees, measured: each area named beside its marker or numbered in
 * the key, and no label over another, over a marker or across a limit line or the overall rate.
 * Boxes from the charts' DejaVu Sans widths.
 */
import { segmentCrossesBox, type Segment } from '../../src/charts/labels.js';
import { textWidth } from '../../src/charts/text.js';
import { boxesOverlap, type Box } from './text-boxes.js';
import { all, layer, pathPoints, texts, type XmlElement } from './xml.js';

/** The labels' texts with their boxes. */
export function labelBoxes(root: XmlElement): (Box & { text: string })[] {
  const labels = layer(root, 'labels');
  if (labels === undefined) return [];
  return all(labels, 'text').map((t) => {
    const size = Number(t.attrs['font-size']);
    const w = textWidth(t.text, size, t.attrs['font-weight'] === 'bold');
    const x = Number(t.attrs.x);
    const y = Number(t.attrs.y);
    const anchor = t.attrs['text-anchor'];
    const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    return { text: t.text, x0, y0: y - size * 0.76, x1: x0 + w, y1: y + size * 0.24 };
  });
}

/** The markers' boxes (circles and triangles). */
export function markerBoxes(root: XmlElement): Box[] {
  const points = layer(root, 'points');
  if (points === undefined) return [];
  const circles = all(points, 'circle').map((c) => {
    const [x, y, r] = [Number(c.attrs.cx), Number(c.attrs.cy), Number(c.attrs.r)];
    return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
  });
  const paths = all(points, 'path').map((p) => {
    const pts = pathPoints(p.attrs.d ?? '');
    const xs = pts.map((q) => q[0]);
    const ys = pts.map((q) => q[1]);
    return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  });
  return [...circles, ...paths];
}

/** The limit lines and the overall rate, as segments. */
export function lineSegments(root: XmlElement): Segment[] {
  const limits = layer(root, 'limits');
  if (limits === undefined) return [];
  const out: Segment[] = [];
  for (const p of all(limits, 'path')) {
    const pts = pathPoints(p.attrs.d ?? '');
    for (let i = 0; i + 1 < pts.length; i++)
      out.push([pts[i]![0], pts[i]![1], pts[i + 1]![0], pts[i + 1]![1]]);
  }
  for (const l of all(limits, 'line'))
    out.push([Number(l.attrs.x1), Number(l.attrs.y1), Number(l.attrs.x2), Number(l.attrs.y2)]);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What is wrong with the funnel's labels, in words (none: an empty list): an area neither named
 * nor numbered, a number in the key with no number on the plot, a label over another label, a
 * marker (by more than half a pixel) or a line.
 */
export function funnelLabelProblems(root: XmlElement, areas: readonly string[]): string[] {
  const problems: string[] = [];
  const labels = labelBoxes(root);
  const key = texts(layer(root, 'key')).join(' ');
  for (const name of areas) {
    const named = labels.some((l) => l.text === name);
    const numbered = new RegExp(`(\\d+) ${escape(name)}( ·|$)`).exec(key);
    if (!named && numbered === null) problems.push(`${name}: neither named nor numbered`);
    if (numbered && !labels.some((l) => l.text === numbered[1]))
      problems.push(`${name}: numbered ${numbered[1]} in the key but not on the plot`);
  }
  const markers = markerBoxes(root);
  const lines = lineSegments(root);
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1))
      if (boxesOverlap(a, b)) problems.push(`"${a.text}" over "${b.text}"`);
    if (markers.some((m) => boxesOverlap(a, m, 0.5))) problems.push(`"${a.text}" over a marker`);
    if (lines.some((s) => segmentCrossesBox(s, a))) problems.push(`"${a.text}" across a line`);
  }
  return problems;
}
