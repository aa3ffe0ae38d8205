/**
 * Every text of an SVG with the box it takes, measured with the charts' DejaVu Sans widths, in
 * the coordinates of the outermost document, through any nested `<svg>` (its x, y, size and
 * viewBox, scaled uniformly and centred as SVG's default preserveAspectRatio does), with the
 * viewport that clips it. So a test can say that no text is cut off: none runs out of the chart
 * or the panel it is drawn in, and none is shortened with an ellipsis.
 */
import { textWidth } from '../../src/charts/text.js';
import type { XmlElement } from './xml.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface TextBox extends Box {
  text: string;
  /** Font size as drawn (after scaling). */
  size: number;
  /** The viewport that clips the text: its own `<svg>`'s box. */
  viewport: Box;
  /** The nested chart's title, or null for the page's own text. */
  chart: string | null;
}

interface Transform {
  scale: number;
  dx: number;
  dy: number;
}

const apply = (t: Transform, x: number, y: number): [number, number] => [
  t.dx + x * t.scale,
  t.dy + y * t.scale,
];

function walk(
  e: XmlElement,
  t: Transform,
  viewport: Box,
  chart: string | null,
  out: TextBox[],
): void {
  for (const c of e.children) {
    if (c.name === 'svg') {
      const [x, y] = apply(t, Number(c.attrs.x ?? 0), Number(c.attrs.y ?? 0));
      const w = Number(c.attrs.width) * t.scale;
      const h = Number(c.attrs.height) * t.scale;
      const [vx = 0, vy = 0, vw = w, vh = h] = (c.attrs.viewBox ?? '').split(/\s+/).map(Number);
      const scale = Math.min(w / vw, h / vh);
      const inner: Transform = {
        scale,
        dx: x + (w - vw * scale) / 2 - vx * scale,
        dy: y + (h - vh * scale) / 2 - vy * scale,
      };
      const title = c.children.find((k) => k.name === 'title')?.text ?? '';
      walk(c, inner, { x0: x, y0: y, x1: x + w, y1: y + h }, title, out);
      continue;
    }
    if (c.name === 'text') {
      const size = Number(c.attrs['font-size']);
      const w = textWidth(c.text, size, c.attrs['font-weight'] === 'bold');
      const anchor = c.attrs['text-anchor'] ?? 'start';
      const x = Number(c.attrs.x);
      const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
      const [x0, y0] = apply(t, left, Number(c.attrs.y) - size * 0.76);
      const [x1, y1] = apply(t, left + w, Number(c.attrs.y) + size * 0.24);
      out.push({ text: c.text, size: size * t.scale, x0, y0, x1, y1, viewport, chart });
      continue;
    }
    walk(c, t, viewport, chart, out);
  }
}

/** The texts of a parsed SVG document, in its own coordinates. */
export function textBoxes(root: XmlElement): TextBox[] {
  const [, , w = Number(root.attrs.width), h = Number(root.attrs.height)] = (
    root.attrs.viewBox ?? ''
  )
    .split(/\s+/)
    .map(Number);
  const out: TextBox[] = [];
  walk(root, { scale: 1, dx: 0, dy: 0 }, { x0: 0, y0: 0, x1: w, y1: h }, null, out);
  return out;
}

/**
 * The texts that are cut: outside their viewport (more than `slack` px), or ending in "…". A
 * nested chart's text wholly above its viewport is not cut but cropped off on purpose (a page
 * that draws the chart's heading itself crops the chart's own off the top).
 */
export function cutTexts(root: XmlElement, slack = 0.5): string[] {
  return textBoxes(root)
    .filter((t) => t.chart === null || t.y1 > t.viewport.y0)
    .filter(
      (t) =>
        t.text.endsWith('…') ||
        t.x0 < t.viewport.x0 - slack ||
        t.x1 > t.viewport.x1 + slack ||
        t.y0 < t.viewport.y0 - slack ||
        t.y1 > t.viewport.y1 + slack,
    )
    .map(
      (t) =>
        `"${t.text}" at ${t.x0.toFixed(1)},${t.y0.toFixed(1)}${t.chart ? ` in ${t.chart}` : ''}`,
    );
}

/** Whether two boxes overlap by more than `slack` px each way. */
export function boxesOverlap(a: Box, b: Box, slack = 0): boolean {
  return (
    Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > slack &&
    Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > slack
  );
}
