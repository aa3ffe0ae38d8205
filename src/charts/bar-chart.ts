/**
 * Horizontal bars in the order given (the caller sorts), labelled at the left (long labels cut
 * with an ellipsis) and valued at their ends. With a previous value, the change follows the value:
 * a triangle up or down (a short bar for no change) and the signed percentage, so the direction
 * reads from the shape and the text, not from a colour. Arrows are neutral ink: whether a rise is
 * good depends on what is counted.
 */
import { max } from 'd3-array';
import { axisCaption, horizontalValueAxis, zeroBasedTicks } from './axis.js';
import { heading, noDataChart, PAD } from './layout.js';
import { marker } from './marks.js';
import { INK, ROLE } from './palette.js';
import { chartId, el, FONT_SIZE, group, svgDocument, text } from './svg.js';
import {
  capitalise,
  formatPercentChange,
  formatValue,
  isLevel,
  listJoin,
  textWidth,
  truncate,
} from './text.js';

export interface Bar {
  label: string;
  value: number;
  previous?: number | null;
  /** A short note after the value ("provisional"). */
  note?: string;
}

export interface BarChartInput {
  id: string;
  title: string;
  bars: readonly Bar[];
  /** What the values are ("incidents", "per 1,000"): the axis caption and the alt text. */
  unit?: string;
  width?: number;
  /** Default: 28 px a bar plus the heading and axis. */
  height?: number;
}

export type BarChange = { kind: 'up' | 'down' | 'flat'; text: string; pct: number | null } | null;

/** The change from previous, or null when there is no previous value. */
export function barChange(value: number, previous: number | null | undefined): BarChange {
  if (previous === null || previous === undefined || !Number.isFinite(previous)) return null;
  if (previous === 0) {
    return value === 0
      ? { kind: 'flat', text: '0%', pct: 0 }
      : { kind: 'up', text: 'from 0', pct: null };
  }
  const pct = ((value - previous) / previous) * 100;
  const shown = formatPercentChange(pct);
  return { kind: isLevel(pct) ? 'flat' : pct > 0 ? 'up' : 'down', text: shown, pct };
}

function endText(bar: Bar, noteMax: number): { width: number; change: BarChange; note: string } {
  const change = barChange(bar.value, bar.previous);
  const note = bar.note === undefined ? '' : truncate(bar.note, noteMax, FONT_SIZE);
  let width = textWidth(formatValue(bar.value), FONT_SIZE, true);
  if (change !== null) width += 8 + 10 + 4 + textWidth(change.text, FONT_SIZE);
  if (note !== '') width += 8 + textWidth(note, FONT_SIZE);
  return { width, change, note };
}

function describe(input: BarChartInput): string {
  const bars = input.bars;
  const u = input.unit === undefined || input.unit === '' ? '' : ` (${input.unit})`;
  const max = bars.reduce((a, b) => (b.value > a.value ? b : a));
  const min = bars.reduce((a, b) => (b.value < a.value ? b : a));
  let first = `${input.title}${u}: ${bars.length} ${bars.length === 1 ? 'bar' : 'bars'}`;
  first +=
    bars.length === 1
      ? `, ${max.label} at ${formatValue(max.value)}.`
      : max.value === min.value
        ? `, all at ${formatValue(max.value)}.`
        : `; highest ${max.label} (${formatValue(max.value)}), ` +
          `lowest ${min.label} (${formatValue(min.value)}).`;
  const changes = bars
    .map((b) => ({ bar: b, change: barChange(b.value, b.previous) }))
    .filter((c) => c.change !== null);
  if (changes.length === 0) return first;
  const count = (kind: 'up' | 'down' | 'flat') =>
    changes.filter((c) => c.change?.kind === kind).length;
  const parts = [`${count('up')} up`, `${count('down')} down`, `${count('flat')} unchanged`].filter(
    (p) => !p.startsWith('0 '),
  );
  const withPct = changes.filter((c) => c.change?.pct !== null && c.change?.pct !== undefined);
  const rise = withPct.reduce<(typeof withPct)[number] | undefined>(
    (a, c) => ((c.change?.pct ?? 0) > (a?.change?.pct ?? 0) ? c : a),
    undefined,
  );
  const fall = withPct.reduce<(typeof withPct)[number] | undefined>(
    (a, c) => ((c.change?.pct ?? 0) < (a?.change?.pct ?? 0) ? c : a),
    undefined,
  );
  const extremes = [
    ...(rise !== undefined && rise.change?.kind === 'up'
      ? [`largest rise ${rise.bar.label} (${rise.change.text})`]
      : []),
    ...(fall !== undefined && fall.change?.kind === 'down'
      ? [`largest fall ${fall.bar.label} (${fall.change.text})`]
      : []),
  ];
  return `${first} Against the previous values: ${listJoin(parts)}${
    extremes.length > 0 ? `; ${extremes.join(', ')}` : ''
  }.`;
}

export function barChart(input: BarChartInput): string {
  const id = chartId(input.id);
  const width = Math.max(240, Math.round(input.width ?? 640));
  for (const b of input.bars) {
    if (!(Number.isFinite(b.value) && b.value >= 0)) {
      throw new RangeError(`bars: ${b.label}: value must be a number ≥ 0, got ${b.value}`);
    }
  }
  const n = input.bars.length;
  const autoHeight = 34 + 24 + n * 28 + 50;
  const height = Math.max(120, Math.round(input.height ?? autoHeight));
  if (n === 0) {
    return noDataChart({ id, title: input.title, width, height, desc: `${input.title}: no data.` });
  }

  const head = heading(input.title, width);
  const ends = input.bars.map((b) => endText(b, Math.min(140, width * 0.2)));
  const reserve = (max(ends, (e) => e.width) as number) + 8;
  const labels = input.bars.map((b) => truncate(b.label, width * 0.32, FONT_SIZE));
  const labelWidth = max(labels, (l) => textWidth(l, FONT_SIZE)) as number;
  const barLeft = PAD + labelWidth + 10;
  const barRight = Math.max(barLeft + 60, width - PAD - reserve);
  const top = head.bottom + 10;
  const caption = input.unit === undefined || input.unit === '' ? '' : input.unit;
  const bottom = height - PAD - (caption === '' ? 26 : 44);
  const row = (bottom - top) / n;
  const thickness = Math.min(20, row * 0.68);
  const ticks = zeroBasedTicks(
    max(input.bars, (b) => b.value) as number,
    input.bars.every((b) => Number.isInteger(b.value)),
    Math.max(2, Math.min(6, Math.floor((barRight - barLeft) / 60))),
  );
  const x = (v: number) => barLeft + (v / ticks.max) * (barRight - barLeft);

  const bars: string[] = [];
  const values: string[] = [];
  input.bars.forEach((b, i) => {
    const mid = top + (i + 0.5) * row;
    const baseline = mid + FONT_SIZE * 0.35;
    bars.push(
      el('rect', {
        x: barLeft,
        y: mid - thickness / 2,
        width: Math.max(0, x(b.value) - barLeft),
        height: thickness,
        fill: ROLE.series,
      }),
    );
    values.push(text(barLeft - 10, baseline, labels[i] ?? '', { 'text-anchor': 'end' }));
    let tx = x(b.value) + 6;
    const valueText = formatValue(b.value);
    values.push(text(tx, baseline, valueText, { 'font-weight': 'bold' }));
    tx += textWidth(valueText, FONT_SIZE, true) + 8;
    const e = ends[i];
    if (e?.change) {
      const c = e.change;
      values.push(
        c.kind === 'flat'
          ? el('rect', { x: tx + 1, y: mid - 1.25, width: 8, height: 2.5, fill: INK.text })
          : marker(c.kind === 'up' ? 'triangle-up' : 'triangle-down', tx + 5, mid, 8, {
              fill: INK.text,
            }),
        text(tx + 14, baseline, c.text, { fill: INK.text }),
      );
      tx += 14 + textWidth(c.text, FONT_SIZE) + 8;
    }
    if (e !== undefined && e.note !== '') {
      values.push(text(tx, baseline, e.note, { fill: INK.muted, 'font-style': 'italic' }));
    }
  });

  return svgDocument({
    id,
    width,
    height,
    title: input.title,
    desc: describe(input),
    body: [
      head.markup,
      group({ 'data-layer': 'grid' }, horizontalValueAxis({ ticks, x, top: top - 4, bottom })),
      group({ 'data-layer': 'bars' }, bars),
      group({ 'data-layer': 'values' }, values),
      caption === ''
        ? ''
        : axisCaption((barLeft + barRight) / 2, bottom + 36, capitalise(caption), 'middle'),
    ],
  });
}
