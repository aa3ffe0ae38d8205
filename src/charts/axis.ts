/**
 * Axes: tick values from d3's "nice" linear scale (integers only for counts), grid lines with
 * right-aligned labels for the value axis, and tick marks with centred labels for the category or
 * population axis. Every function returns markup lines; the chart decides where they go.
 */
import { scaleLinear } from 'd3-scale';

import { INK } from './palette.js';
import { el, FONT_SIZE, text } from './svg.js';
import { formatNumber } from './text.js';

export interface Ticks {
  /** The ends of the axis: the data range widened to nice values. */
  min: number;
  max: number;
  values: number[];
  /** Decimals the labels need (0 for whole numbers). */
  decimals: number;
}

/** Ticks over [min, max] widened to nice values; with `integer`, whole-number ticks only. */
export function niceTicks(min: number, max: number, integer: boolean, count = 5): Ticks {
  const scale = scaleLinear().domain([min, max]).nice(count);
  const [lo = min, hi = max] = scale.domain();
  let values = scale.ticks(count);
  if (integer) values = values.filter((v) => Number.isInteger(v));
  const step = values.length > 1 ? (values[1] ?? 0) - (values[0] ?? 0) : 1;
  const decimals = integer ? 0 : Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  return { min: lo, max: hi, values, decimals };
}

/**
 * Ticks inside [min, max] without widening the ends to nice values: an axis that spans its data
 * (a funnel's populations), labelled at the nice values within it.
 */
export function spanTicks(min: number, max: number, integer: boolean, count = 5): Ticks {
  const nice = niceTicks(min, max, integer, count);
  const values = nice.values.filter((v) => v >= min && v <= max);
  return { ...nice, min, max, values };
}

/**
 * Ticks from 0 to at least max. With `integer`, only whole-number ticks, and at least 0 to 4 so a
 * series of zeros and ones does not fill the chart with 0.2 steps.
 */
export function zeroBasedTicks(max: number, integer: boolean, count = 5): Ticks {
  const floor = integer ? 4 : 1;
  const top = Number.isFinite(max) && max > 0 ? Math.max(max, integer ? floor : 0) : floor;
  return niceTicks(0, top, integer, count);
}

/** Where a value falls on an axis of these ticks, from `from` (at min) to `to` (at max). */
export function position(ticks: Ticks, value: number, from: number, to: number): number {
  const span = ticks.max - ticks.min || 1;
  return from + ((value - ticks.min) / span) * (to - from);
}

/** A tick's label: thousands separated, to the decimals the ticks need. */
export function tickLabel(value: number, decimals: number): string {
  return formatNumber(value, decimals);
}

export interface ValueAxisOptions {
  ticks: Ticks;
  y: (value: number) => number;
  left: number;
  right: number;
}

/** Horizontal grid lines, labels at the left, and the bottom line darker as the baseline. */
export function valueAxis(o: ValueAxisOptions): string[] {
  const out: string[] = [];
  for (const v of o.ticks.values) {
    const y = o.y(v);
    out.push(
      el('line', {
        x1: o.left,
        y1: y,
        x2: o.right,
        y2: y,
        stroke: v === o.ticks.min ? INK.axis : INK.grid,
        'stroke-width': 1,
      }),
      text(o.left - 6, y + FONT_SIZE * 0.35, tickLabel(v, o.ticks.decimals), {
        'text-anchor': 'end',
        fill: INK.muted,
      }),
    );
  }
  return out;
}

export interface CategoryTick {
  x: number;
  /** Empty for a tick mark without a label. */
  label: string;
}

/** The baseline's tick marks and their labels below it. */
export function categoryAxis(ticks: readonly CategoryTick[], y: number): string[] {
  const out: string[] = [];
  for (const t of ticks) {
    const long = t.label !== '';
    out.push(el('line', { x1: t.x, y1: y, x2: t.x, y2: y + (long ? 5 : 3), stroke: INK.axis }));
    if (long) {
      out.push(text(t.x, y + 8 + FONT_SIZE, t.label, { 'text-anchor': 'middle', fill: INK.muted }));
    }
  }
  return out;
}

/**
 * A value axis along the bottom (bar chart, funnel plot): labels below, with vertical grid lines
 * up to `top`, or with tick marks only when `grid` is false.
 */
export function horizontalValueAxis(o: {
  ticks: Ticks;
  x: (value: number) => number;
  top: number;
  bottom: number;
  grid?: boolean;
}): string[] {
  const out: string[] = [];
  const grid = o.grid ?? true;
  for (const v of o.ticks.values) {
    const x = o.x(v);
    out.push(
      grid
        ? el('line', {
            x1: x,
            y1: o.top,
            x2: x,
            y2: o.bottom,
            stroke: v === o.ticks.min ? INK.axis : INK.grid,
          })
        : el('line', { x1: x, y1: o.bottom, x2: x, y2: o.bottom + 5, stroke: INK.axis }),
      text(x, o.bottom + 6 + FONT_SIZE, tickLabel(v, o.ticks.decimals), {
        'text-anchor': 'middle',
        fill: INK.muted,
      }),
    );
  }
  return out;
}

/** An axis title in the muted grey. */
export function axisCaption(
  x: number,
  y: number,
  caption: string,
  anchor: 'start' | 'middle' | 'end' = 'start',
): string {
  return text(x, y, caption, { 'text-anchor': anchor, fill: INK.muted });
}
