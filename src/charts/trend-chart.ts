/**
 * Monthly counts as a line with points, over a shaded band for the expected range where one is
 * given. A month outside its band is marked with a triangle pointing the way it went (up above,
 * down below) as well as a colour, and its count is labelled when there is room. A month with no
 * count (null, or absent between the first and last month given) is a gap in the line and a grey
 * column, and the alt text names it: a missing month is unknown, not zero; six or more such months
 * in a row are compressed into an axis break (month-axis.ts). A month whose count is
 * held but not shown (`hidden`: a public report's small numbers) is a gap too, in an outlined
 * column, named apart from months with no data.
 *
 * A forecast of the months after the last one given runs on from the last count as a dashed line
 * through open points, over a fan of its prediction intervals (the 95% band lighter, the 80% band
 * darker within it); the month axis runs on to cover it, and the legend and the alt text say what
 * is forecast. Without a forecast the chart is exactly what it was before forecasts were drawn.
 */
import { max, min } from 'd3-array';
import { axisCaption, categoryAxis, valueAxis, zeroBasedTicks } from './axis.js';
import { heading, noDataChart, PAD } from './layout.js';
import { legend, lineSymbol, marker, swatchSymbol } from './marks.js';
import type { LegendItem, MarkerShape } from './marks.js';
import { breakMarks, inBreak, monthLayout, monthTicks } from './month-axis.js';
import { MONTH_NAMES, monthIndex, monthLong } from './months.js';
import { INK, ROLE } from './palette.js';
import { chartId, chartSize, el, FONT_SIZE, group, pathData, svgDocument, text } from './svg.js';
import type { Attrs } from './svg.js';
import { capitalise, formatNumber, formatValue, listJoin, plural, textWidth } from './text.js';

export interface TrendMonth {
  /** "YYYY-MM". */
  month: string;
  /** null: no data for the month, drawn as a gap. */
  count: number | null;
  expectedLow?: number | null;
  expectedHigh?: number | null;
  /** The count is held but not shown (disclosure control): a gap, named as such. */
  hidden?: boolean;
}

/** A month forecast: the expected count and its prediction intervals. */
export interface TrendForecastMonth {
  /** "YYYY-MM", after the last month given. */
  month: string;
  expected: number;
  /** The 80% prediction interval, drawn darker inside the 95% one when given. */
  low80?: number;
  high80?: number;
  low95: number;
  high95: number;
}

export interface TrendChartInput {
  id: string;
  title: string;
  months: readonly TrendMonth[];
  /** The months after the last one given, forecast: a dashed line over its intervals. */
  forecast?: readonly TrendForecastMonth[];
  width?: number;
  height?: number;
  /** What is counted, plural ("burglaries"): used in the axis caption and the alt text. */
  unit?: string;
}

type Position = 'above' | 'below' | 'within' | 'no-range';

interface Slot {
  index: number;
  count: number | null;
  hidden: boolean;
  band: { low: number; high: number } | null;
  position: Position;
}

/** A month after the last one given: its forecast, or null for one not forecast. */
interface FutureSlot {
  index: number;
  forecast: {
    expected: number;
    low95: number;
    high95: number;
    inner: { low: number; high: number } | null;
  } | null;
}

/** The slots after the last month given, up to the last forecast, checked. */
function toFuture(forecast: readonly TrendForecastMonth[], last: number): FutureSlot[] {
  const byIndex = new Map<number, FutureSlot['forecast']>();
  for (const f of forecast) {
    const i = monthIndex(f.month);
    const where = `forecast: ${f.month}`;
    if (i <= last) {
      throw new RangeError(`${where} is not after the last month given (${monthLong(last)})`);
    }
    if (byIndex.has(i)) throw new RangeError(`${where} appears more than once`);
    const values = [f.expected, f.low95, f.high95, f.low80, f.high80];
    if (values.some((v) => v !== undefined && !(Number.isFinite(v) && v >= 0))) {
      throw new RangeError(`${where}: the expected count and its limits must be numbers ≥ 0`);
    }
    if (!(f.low95 <= f.expected && f.expected <= f.high95)) {
      throw new RangeError(
        `${where}: expected ${f.expected} is not within its 95% interval ${f.low95} to ${f.high95}`,
      );
    }
    if ((f.low80 === undefined) !== (f.high80 === undefined)) {
      throw new RangeError(`${where}: the 80% interval needs both low80 and high80`);
    }
    let inner = null;
    if (f.low80 !== undefined && f.high80 !== undefined) {
      if (!(f.low95 <= f.low80 && f.low80 <= f.high80 && f.high80 <= f.high95)) {
        throw new RangeError(
          `${where}: the 80% interval ${f.low80} to ${f.high80} is not within the 95% interval`,
        );
      }
      inner = { low: f.low80, high: f.high80 };
    }
    byIndex.set(i, { expected: f.expected, low95: f.low95, high95: f.high95, inner });
  }
  const end = max([...byIndex.keys()]) ?? last;
  const out: FutureSlot[] = [];
  for (let index = last + 1; index <= end; index++) {
    out.push({ index, forecast: byIndex.get(index) ?? null });
  }
  return out;
}

function toSlots(months: readonly TrendMonth[]): Slot[] {
  const byIndex = new Map<number, TrendMonth>();
  for (const m of months) {
    const i = monthIndex(m.month);
    if (byIndex.has(i)) throw new RangeError(`months: ${m.month} appears more than once`);
    if (m.count !== null && !(Number.isFinite(m.count) && m.count >= 0)) {
      throw new RangeError(`months: ${m.month}: count must be a number ≥ 0, got ${m.count}`);
    }
    byIndex.set(i, m);
  }
  const indexes = [...byIndex.keys()];
  const first = min(indexes) as number;
  const last = max(indexes) as number;
  const slots: Slot[] = [];
  for (let index = first; index <= last; index++) {
    const m = byIndex.get(index);
    const hidden = m?.hidden === true;
    const count = hidden ? null : (m?.count ?? null);
    const band = bandOf(m);
    let position: Position = 'no-range';
    if (count !== null && band !== null) {
      position = count > band.high ? 'above' : count < band.low ? 'below' : 'within';
    }
    slots.push({ index, count, hidden, band, position });
  }
  return slots;
}

function bandOf(m: TrendMonth | undefined): Slot['band'] {
  const low = m?.expectedLow;
  const high = m?.expectedHigh;
  if (typeof low !== 'number' || typeof high !== 'number') return null;
  if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) {
    throw new RangeError(`months: ${m?.month}: expected range ${low} to ${high} is not a range`);
  }
  return { low, high };
}

/** Consecutive runs of slots that pass the test. */
function runs(slots: readonly Slot[], test: (s: Slot) => boolean): Slot[][] {
  const out: Slot[][] = [];
  let current: Slot[] = [];
  for (const s of slots) {
    if (test(s)) current.push(s);
    else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** A month held but not shown: an outlined column, told apart from the grey of no data. */
const HIDDEN_OUTLINE = { stroke: INK.muted, 'stroke-width': 1, 'stroke-dasharray': '3 2' };

const MARKER: Record<Position, { shape: MarkerShape; fill: string }> = {
  above: { shape: 'triangle-up', fill: ROLE.above },
  below: { shape: 'triangle-down', fill: ROLE.below },
  within: { shape: 'circle', fill: ROLE.series },
  'no-range': { shape: 'circle', fill: ROLE.series },
};

const long = (s: Slot) => monthLong(s.index);

/** "January 2025 to December 2025", or one month. */
function spanOf(slots: readonly Slot[]): string {
  const first = slots[0]?.index ?? 0;
  const last = slots[slots.length - 1]?.index ?? 0;
  return first === last ? monthLong(first) : `${monthLong(first)} to ${monthLong(last)}`;
}

function describe(title: string, slots: readonly Slot[], unit: string): string {
  const counted = slots.filter((s) => s.count !== null);
  const total = counted.reduce((n, s) => n + (s.count ?? 0), 0);
  const u = unit === '' ? '' : ` ${unit}`;
  const span = spanOf(slots);
  let sentence =
    counted.length === slots.length
      ? `${title}, ${span}: ${formatNumber(total)}${u}${slots.length > 1 ? ' in all' : ''}`
      : `${title}, ${span}: ${formatNumber(total)}${u} in the ${formatNumber(counted.length)} ${
          counted.length === 1 ? 'month' : 'months'
        } ${slots.some((s) => s.hidden) ? 'shown' : 'with data'}`;
  const withBand = counted.filter((s) => s.band !== null);
  const every = withBand.length === counted.length ? 'every month' : 'every month with a range';
  const above = withBand.filter((s) => s.position === 'above');
  const below = withBand.filter((s) => s.position === 'below');
  const outside = [...above, ...below].sort((a, b) => a.index - b.index);
  if (withBand.length > 0 && outside.length === 0) {
    sentence += `, within the expected range ${every}`;
  } else if (outside.length > 0 && outside.length <= 3) {
    const listed = outside.map((s) => `${monthLong(s.index)} (${s.position})`);
    sentence += `, within the expected range ${every} except ${listJoin(listed)}`;
  } else if (outside.length > 3) {
    const part = (set: Slot[], word: string) =>
      set.length === 0
        ? []
        : [`${word} it in ${plural(set.length, 'month')} (${listJoin(set.map(long))})`];
    sentence += `; outside the expected range in ${outside.length} months: ${listJoin([
      ...part(above, 'above'),
      ...part(below, 'below'),
    ])}`;
  } else if (counted.length > 1) {
    const max = counted.reduce((a, b) => ((b.count ?? 0) > (a.count ?? 0) ? b : a));
    const min = counted.reduce((a, b) => ((b.count ?? 0) < (a.count ?? 0) ? b : a));
    if (max.count !== min.count) {
      const at = (s: Slot) => `${long(s)} (${formatNumber(s.count ?? 0)})`;
      sentence += `, highest in ${at(max)} and lowest in ${at(min)}`;
    }
  }
  const named = (test: (s: Slot) => boolean) =>
    runs(slots, test).map((run) => {
      const a = run[0]?.index ?? 0;
      const b = run[run.length - 1]?.index ?? 0;
      return a === b ? monthLong(a) : `${monthLong(a)} to ${monthLong(b)}`;
    });
  const gaps = named((s) => s.count === null && !s.hidden);
  const hidden = named((s) => s.hidden);
  const missing =
    gaps.length > 0 ? ` No data for ${listJoin(gaps)}: the line has a gap there.` : '';
  const withheld =
    hidden.length > 0 ? ` Not shown for ${listJoin(hidden)} (to protect small numbers).` : '';
  return `${sentence}.${missing}${withheld}`;
}

/** A forecast's numbers in words: whole above 10, else to one decimal ("about 17", "2.4"). */
const about = (v: number) => (v >= 10 ? formatNumber(v) : formatValue(Math.round(v * 10) / 10));

/** "January to March 2026", "December 2025 to February 2026", or one month. */
function monthSpan(first: number, last: number): string {
  if (first === last) return monthLong(first);
  const sameYear = Math.floor(first / 12) === Math.floor(last / 12);
  return `${sameYear ? MONTH_NAMES[first % 12] : monthLong(first)} to ${monthLong(last)}`;
}

/** " Forecast for January to March 2026: about 17 a month, 95% range 5 to 33." */
function describeForecast(future: readonly FutureSlot[], unit: string): string {
  const known = future.flatMap((f) => (f.forecast === null ? [] : [{ ...f.forecast, i: f.index }]));
  const first = known[0];
  const last = known[known.length - 1];
  if (first === undefined || last === undefined) return '';
  const mean = known.reduce((n, f) => n + f.expected, 0) / known.length;
  const low = min(known, (f) => f.low95) ?? 0;
  const high = max(known, (f) => f.high95) ?? 0;
  const u = unit === '' ? '' : ` ${unit}`;
  const each = known.length > 1 ? ' a month' : '';
  const missing = future.length - known.length;
  const gaps = missing > 0 ? ` (not for ${plural(missing, 'month')} between)` : '';
  return (
    ` Forecast for ${monthSpan(first.i, last.i)}${gaps}: about ${about(mean)}${u}${each}, ` +
    `95% range ${about(low)} to ${about(high)}.`
  );
}

/** The forecast's colour: the series' own, its line dashed and its bands translucent. */
const FORECAST = {
  line: { stroke: ROLE.series, 'stroke-width': 2, 'stroke-dasharray': '5 4' },
  outer: { fill: ROLE.series, 'fill-opacity': 0.12 },
  inner: { fill: ROLE.series, 'fill-opacity': 0.22 },
} as const;

export function trendChart(input: TrendChartInput): string {
  const id = chartId(input.id);
  const { width, height } = chartSize(input.width, input.height, { width: 640, height: 320 });
  const unit = input.unit?.trim() ?? '';
  if (input.months.length === 0) {
    return noDataChart({ id, title: input.title, width, height, desc: `${input.title}: no data.` });
  }
  const slots = toSlots(input.months);
  if (slots.every((s) => s.count === null)) {
    const hidden = slots.some((s) => s.hidden);
    const desc = hidden
      ? `${input.title}, ${spanOf(slots)}: no month's count is shown (to protect small numbers).`
      : `${input.title}, ${spanOf(slots)}: no data for any month.`;
    const message = hidden ? 'Not shown (to protect small numbers)' : undefined;
    return noDataChart({
      id,
      title: input.title,
      width,
      height,
      desc,
      ...(message ? { message } : {}),
    });
  }

  const lastSlot = slots[slots.length - 1] as Slot;
  const future = input.forecast?.length ? toFuture(input.forecast, lastSlot.index) : [];
  const head = heading(input.title, width);
  const values = [
    ...slots.flatMap((s) => [s.count ?? 0, s.band?.high ?? 0]),
    ...future.map((f) => f.forecast?.high95 ?? 0),
  ];
  const ticks = zeroBasedTicks((max(values) ?? 0) * 1.05, true);
  const labelWidth = max(ticks.values, (v) => textWidth(formatNumber(v), FONT_SIZE)) ?? 0;
  const left = PAD + Math.max(labelWidth, 12) + 8;
  const right = width - PAD - 4;
  const top = head.bottom + 24;

  const hasBand = slots.some((s) => s.band !== null);
  const items: LegendItem[] = [
    {
      symbol: (cx, cy) =>
        lineSymbol(ROLE.series, 2)(cx, cy) +
        marker('circle', cx, cy, 6, { fill: ROLE.series, stroke: INK.background }),
      symbolWidth: 20,
      label: 'Monthly count',
    },
  ];
  const forecasts = future.flatMap((f) => (f.forecast === null ? [] : [f.forecast]));
  const has80 = forecasts.some((f) => f.inner !== null);
  if (forecasts.length > 0) {
    items.push({
      symbol: (cx, cy) =>
        el('rect', { x: cx - 12, y: cy - 7, width: 24, height: 14, ...FORECAST.outer }) +
        (has80
          ? el('rect', { x: cx - 12, y: cy - 4, width: 24, height: 8, ...FORECAST.inner })
          : '') +
        el('line', { x1: cx - 12, y1: cy, x2: cx + 12, y2: cy, ...FORECAST.line }),
      symbolWidth: 24,
      // Shorter on a narrow chart, so the legend's row holds it.
      label:
        (has80
          ? ['Forecast, 80% and 95% prediction intervals', 'Forecast, 80% and 95% intervals']
          : ['Forecast, 95% prediction interval', 'Forecast, 95% interval']
        ).find((l) => 30 + textWidth(l, FONT_SIZE) <= right - left) ?? 'Forecast',
    });
  }
  if (hasBand) {
    items.push({
      symbol: swatchSymbol(ROLE.band, { 'fill-opacity': 0.3, stroke: 'none' }),
      symbolWidth: 16,
      label: 'Expected range',
    });
  }
  for (const position of ['above', 'below'] as const) {
    if (slots.some((s) => s.position === position)) {
      items.push({
        symbol: (cx, cy) =>
          marker(MARKER[position].shape, cx, cy, 9, {
            fill: MARKER[position].fill,
            stroke: INK.background,
          }),
        symbolWidth: 12,
        label: `${capitalise(position)} expected range`,
      });
    }
  }
  if (slots.some((s) => s.count === null && !s.hidden)) {
    items.push({
      symbol: swatchSymbol(INK.missing, { stroke: 'none' }),
      symbolWidth: 16,
      label: 'No data',
    });
  }
  if (slots.some((s) => s.hidden)) {
    items.push({
      symbol: swatchSymbol(INK.background, HIDDEN_OUTLINE),
      symbolWidth: 16,
      label: 'Not shown (to protect small numbers)',
    });
  }
  const legendHeight = legend(items, left, 0, right - left).height;
  const bottom = height - PAD - legendHeight - 30;
  const plotWidth = right - left;
  // Long runs of months with no data are compressed into axis breaks (month-axis.ts).
  // The months forecast (and any between them not forecast) are never compressed into a break.
  const layout = monthLayout(
    [...slots.map((s) => s.count === null && !s.hidden), ...future.map(() => false)],
    left,
    plotWidth,
  );
  const step = layout.step;
  const x = (i: number) => layout.centre[i] ?? left;
  const broken = new Set(slots.filter((_, i) => inBreak(layout, i)));
  const y = (v: number) => bottom - (v / ticks.max) * (bottom - top);

  const gap = (run: Slot[], attrs: Record<string, string | number>) => {
    const i = slots.indexOf(run[0] as Slot);
    const j = i + run.length - 1;
    const x0 = layout.left[i] ?? left;
    return el('rect', {
      x: x0,
      y: top,
      width: (layout.right[j] ?? right) - x0,
      height: bottom - top,
      ...attrs,
    });
  };
  const missing = [
    ...runs(slots, (s) => s.count === null && !s.hidden && !broken.has(s)).map((run) =>
      gap(run, { fill: INK.missing }),
    ),
    ...runs(slots, (s) => s.hidden).map((run) =>
      gap(run, { fill: INK.background, ...HIDDEN_OUTLINE }),
    ),
  ];

  const bands = runs(slots, (s) => s.band !== null && !broken.has(s)).map((run) => {
    const i0 = slots.indexOf(run[0] as Slot);
    const attrs = { fill: ROLE.band, 'fill-opacity': 0.3 };
    if (run.length === 1) {
      const w = Math.min(step * 0.6, 16);
      const b = run[0]?.band ?? { low: 0, high: 0 };
      return el('rect', {
        x: x(i0) - w / 2,
        y: y(b.high),
        width: w,
        height: Math.max(1, y(b.low) - y(b.high)),
        ...attrs,
      });
    }
    const upper = run.map((s, k) => [x(i0 + k), y(s.band?.high ?? 0)] as const);
    const lower = run.map((s, k) => [x(i0 + k), y(s.band?.low ?? 0)] as const).reverse();
    return el('path', { d: pathData([...upper, ...lower], true), ...attrs });
  });

  const lines = runs(slots, (s) => s.count !== null)
    .filter((run) => run.length > 1)
    .map((run) => {
      const i0 = slots.indexOf(run[0] as Slot);
      return el('path', {
        d: pathData(run.map((s, k) => [x(i0 + k), y(s.count ?? 0)] as const)),
        fill: 'none',
        stroke: ROLE.series,
        'stroke-width': 2,
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
      });
    });

  const fan = forecastFan(future, slots.length, lastSlot, x, y, step);
  const caption = unit === '' ? 'Count per month' : `${capitalise(unit)} per month`;
  // Where the forecast starts: a dotted rule, named above the plot where the caption leaves room.
  const divider: string[] = [];
  if (fan.line.length > 0) {
    const xd = layout.left[slots.length] ?? right;
    divider.push(
      el('line', {
        x1: xd,
        y1: top,
        x2: xd,
        y2: bottom,
        stroke: INK.frame,
        'stroke-dasharray': '2 3',
      }),
    );
    const clear = PAD + textWidth(caption, FONT_SIZE) + 12;
    if (xd + 4 >= clear && xd + 4 + textWidth('Forecast', FONT_SIZE) <= width - PAD) {
      divider.push(text(xd + 4, top - 10, 'Forecast', { fill: INK.muted }));
    }
  }

  const size = Math.min(7, Math.max(4, step * 0.45));
  const points: string[] = [];
  const outlierLabels: string[] = [];
  slots.forEach((s, i) => {
    if (s.count === null) return;
    const m = MARKER[s.position];
    const out = s.position === 'above' || s.position === 'below';
    points.push(
      marker(m.shape, x(i), y(s.count), out ? size + 3 : size, {
        fill: m.fill,
        stroke: INK.background,
        'stroke-width': 1,
      }),
    );
    if (out && step >= 26) {
      const dy = s.position === 'above' ? -9 : 9 + FONT_SIZE * 0.8;
      outlierLabels.push(
        text(x(i), y(s.count) + dy, formatNumber(s.count), {
          'text-anchor': 'middle',
          'font-weight': 'bold',
        }),
      );
    }
  });

  return svgDocument({
    id,
    width,
    height,
    title: input.title,
    desc: describe(input.title, slots, unit) + describeForecast(future, unit),
    body: [
      head.markup,
      axisCaption(PAD, top - 10, caption),
      group({ 'data-layer': 'missing' }, missing),
      group({ 'data-layer': 'grid' }, valueAxis({ ticks, y, left, right })),
      group({ 'data-layer': 'band' }, bands),
      group({ 'data-layer': 'forecast-band' }, [...divider, ...fan.bands]),
      group(
        { 'data-layer': 'x-axis' },
        categoryAxis(
          monthTicks([...slots.map((s) => s.index), ...future.map((f) => f.index)], layout),
          bottom,
        ),
      ),
      ...breakMarks(layout, top, bottom),
      group({ 'data-layer': 'line' }, lines),
      group({ 'data-layer': 'forecast' }, fan.line),
      group({ 'data-layer': 'points' }, points),
      group({ 'data-layer': 'labels' }, outlierLabels),
      legend(items, left, height - PAD - legendHeight, right - left).markup,
    ],
  });
}

/**
 * The forecast drawn: its 95% band, the 80% band over it, and the dashed line through open points
 * at the expected counts. Where the first month forecast follows the last count, the line and
 * the bands start from that count's point, so the forecast fans out from what was last counted.
 */
function forecastFan(
  future: readonly FutureSlot[],
  offset: number,
  last: Slot,
  x: (i: number) => number,
  y: (v: number) => number,
  step: number,
): { bands: string[]; line: string[] } {
  type Known = { k: number; f: NonNullable<FutureSlot['forecast']> };
  const known: Known[] = future.flatMap((s, k) =>
    s.forecast === null ? [] : [{ k, f: s.forecast }],
  );
  if (known.length === 0) return { bands: [], line: [] };
  // Consecutive months forecast, each run in slot positions after the months given.
  const runsOf = (test: (f: Known) => boolean) => {
    const out: Known[][] = [];
    for (const item of known.filter(test)) {
      const run = out[out.length - 1];
      const prev = run?.[run.length - 1];
      if (run !== undefined && prev !== undefined && prev.k === item.k - 1) run.push(item);
      else out.push([item]);
    }
    return out;
  };
  const anchor = last.count === null ? null : ([x(offset - 1), y(last.count)] as const);
  const from = (run: Known[]) => (run[0]?.k === 0 ? anchor : null);
  const band = (run: Known[], lo: (f: Known) => number, hi: (f: Known) => number, attrs: Attrs) => {
    const start = from(run);
    if (run.length === 1 && start === null) {
      const only = run[0] as Known;
      const w = Math.min(step * 0.6, 16);
      return el('rect', {
        x: x(offset + only.k) - w / 2,
        y: y(hi(only)),
        width: w,
        height: Math.max(1, y(lo(only)) - y(hi(only))),
        ...attrs,
      });
    }
    const upper = run.map((r) => [x(offset + r.k), y(hi(r))] as const);
    const lower = run.map((r) => [x(offset + r.k), y(lo(r))] as const).reverse();
    return el('path', {
      d: pathData([...(start ? [start] : []), ...upper, ...lower], true),
      ...attrs,
    });
  };
  const bands = [
    ...runsOf(() => true).map((run) =>
      band(
        run,
        (r) => r.f.low95,
        (r) => r.f.high95,
        FORECAST.outer,
      ),
    ),
    ...runsOf((r) => r.f.inner !== null).map((run) =>
      band(
        run,
        (r) => r.f.inner?.low ?? 0,
        (r) => r.f.inner?.high ?? 0,
        FORECAST.inner,
      ),
    ),
  ];
  const line = runsOf(() => true).flatMap((run) => {
    const start = from(run);
    const points = [
      ...(start ? [start] : []),
      ...run.map((r) => [x(offset + r.k), y(r.f.expected)] as const),
    ];
    return points.length < 2
      ? []
      : [
          el('path', {
            d: pathData(points),
            fill: 'none',
            ...FORECAST.line,
            'stroke-linejoin': 'round',
          }),
        ];
  });
  const size = Math.min(6, Math.max(3.5, step * 0.4));
  const dots = known.map((r) =>
    marker('circle', x(offset + r.k), y(r.f.expected), size, {
      fill: INK.background,
      stroke: ROLE.series,
      'stroke-width': 1.5,
    }),
  );
  return { bands, line: [...line, ...dots] };
}
