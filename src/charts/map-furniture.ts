/**
 * What every map carries besides its data: a north arrow beside a scale bar (a 1-2-2.5-5 length
 * in m or km, half black, half white), and the numbered badge that marks a cell.
 */
import { INK } from './palette.js';
import { el, FONT_SIZE, group, num, text } from './svg.js';
import { formatNumber, textWidth } from './text.js';

export const BADGE_R = 9;

/** A numbered badge: black on white, to show on the darkest and the lightest cells alike. */
export function badge(cx: number, cy: number, label: string): string {
  return (
    el('circle', {
      cx,
      cy,
      r: BADGE_R,
      fill: INK.background,
      stroke: INK.text,
      'stroke-width': 1.5,
    }) + text(cx, cy + FONT_SIZE * 0.36, label, { 'text-anchor': 'middle', 'font-weight': 'bold' })
  );
}

/** A scale bar length in km: a 1-2-2.5-5 step no longer than maxKm. */
export function niceKm(maxKm: number): number {
  const steps = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500];
  return steps.filter((s) => s <= maxKm).pop() ?? 0.1;
}

export const kmLabel = (km: number) => (km < 1 ? `${formatNumber(km * 1000)} m` : `${km} km`);

/** Height of the north arrow and scale bar row. */
export const FURNITURE_HEIGHT = 36;
const ARROW_W = 34;

/**
 * The north arrow at (x, top) and a scale bar to its right, within `width` px; `s` is px per
 * metre. The scale bar's end label is kept inside the width.
 */
export function northAndScale(x: number, top: number, width: number, s: number): string {
  const cx = x + 8;
  const cy = top + 18;
  const arrow = group({ 'data-layer': 'north-arrow' }, [
    el('path', {
      d: `M${num(cx)},${num(cy - 14)}L${num(cx + 7)},${num(cy + 8)}L${num(cx)},${num(cy + 3)}Z`,
      fill: INK.text,
    }),
    el('path', {
      d: `M${num(cx)},${num(cy - 14)}L${num(cx - 7)},${num(cy + 8)}L${num(cx)},${num(cy + 3)}Z`,
      fill: INK.background,
      stroke: INK.text,
      'stroke-width': 1,
      'stroke-linejoin': 'round',
    }),
    text(cx + 11, cy + 4, 'N', { 'font-weight': 'bold' }),
  ]);
  const bx = x + ARROW_W + 4;
  const overhang = textWidth('2.5 km', FONT_SIZE) / 2;
  const km = niceKm((width - ARROW_W - 4 - overhang) / s / 1000);
  const w = km * 1000 * s;
  const y = top + 10;
  const scale = group({ 'data-layer': 'scale-bar' }, [
    el('rect', { x: bx, y, width: w / 2, height: 5, fill: INK.text, stroke: INK.text }),
    el('rect', {
      x: bx + w / 2,
      y,
      width: w / 2,
      height: 5,
      fill: INK.background,
      stroke: INK.text,
    }),
    text(bx, y + 18, '0', { 'text-anchor': 'middle', fill: INK.muted }),
    text(bx + w, y + 18, kmLabel(km), { 'text-anchor': 'middle', fill: INK.muted }),
  ]);
  return `${arrow}\n${scale}`;
}
