/**
 * Point markers and the legend. Shapes carry meaning that colour only repeats: a triangle up is
 * above a range, a triangle down below it, a circle within; filled is the stronger signal, outline
 * the weaker one.
 */
import { INK } from './palette.js';
import type { Attrs } from './svg.js';
import { el, FONT_SIZE, group, pathData, text } from './svg.js';
import { textWidth } from './text.js';

export type MarkerShape = 'circle' | 'triangle-up' | 'triangle-down' | 'diamond' | 'square';

/** A marker centred on (x, y), about `size` px across. */
export function marker(shape: MarkerShape, x: number, y: number, size: number, a: Attrs): string {
  const h = size / 2;
  switch (shape) {
    case 'circle':
      return el('circle', { cx: x, cy: y, r: h, ...a });
    case 'square':
      return el('rect', { x: x - h, y: y - h, width: size, height: size, ...a });
    case 'diamond': {
      const points = [
        [x, y - h * 1.2],
        [x + h * 1.2, y],
        [x, y + h * 1.2],
        [x - h * 1.2, y],
      ] as const;
      return el('path', { d: pathData(points, true), ...a });
    }
    case 'triangle-up': {
      const s = size * 1.15;
      const points = [
        [x, y - s * 0.6],
        [x + s * 0.58, y + s * 0.42],
        [x - s * 0.58, y + s * 0.42],
      ] as const;
      return el('path', { d: pathData(points, true), ...a });
    }
    case 'triangle-down': {
      const s = size * 1.15;
      const points = [
        [x, y + s * 0.6],
        [x - s * 0.58, y - s * 0.42],
        [x + s * 0.58, y - s * 0.42],
      ] as const;
      return el('path', { d: pathData(points, true), ...a });
    }
  }
}

export interface LegendItem {
  /** The key's symbol centred on (cx, cy). */
  symbol: (cx: number, cy: number) => string;
  symbolWidth: number;
  label: string;
}

const ROW = 18;
const GAP = 18;

/**
 * Items left to right from (x, y) (y is the top of the first row), wrapping at maxWidth.
 * Returns the markup and the height used.
 */
export function legend(
  items: readonly LegendItem[],
  x: number,
  y: number,
  maxWidth: number,
): { markup: string; height: number } {
  if (items.length === 0) return { markup: '', height: 0 };
  const parts: string[] = [];
  let cx = x;
  let row = 0;
  for (const item of items) {
    const w = item.symbolWidth + 6 + textWidth(item.label, FONT_SIZE);
    if (cx > x && cx + w > x + maxWidth) {
      cx = x;
      row += 1;
    }
    const mid = y + row * ROW + ROW / 2;
    parts.push(item.symbol(cx + item.symbolWidth / 2, mid));
    parts.push(text(cx + item.symbolWidth + 6, mid + FONT_SIZE * 0.35, item.label));
    cx += w + GAP;
  }
  return { markup: group({ 'data-layer': 'legend' }, parts), height: (row + 1) * ROW };
}

/** A legend symbol: a short line, optionally dashed. */
export function lineSymbol(stroke: string, width: number, dash?: string) {
  return (cx: number, cy: number) =>
    el('line', {
      x1: cx - 10,
      y1: cy,
      x2: cx + 10,
      y2: cy,
      stroke,
      'stroke-width': width,
      'stroke-dasharray': dash,
    });
}

/** A legend symbol: a filled swatch. */
export function swatchSymbol(fill: string, a: Attrs = {}) {
  return (cx: number, cy: number) =>
    el('rect', { x: cx - 8, y: cy - 6, width: 16, height: 12, fill, stroke: INK.frame, ...a });
}
