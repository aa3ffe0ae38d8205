/**
 * A funnel plot: each area's rate per 1,000 against its population, with the overall rate and the
 * 95% (dashed) and 99.8% (solid) control limits around it, which narrow as population grows. An
 * area outside a limit has a rate that chance (and, with `overdispersed` limits, the usual spread
 * between areas) rarely gives at the overall rate; it does not say why. The legend and the alt
 * text say which kind of limit is drawn. Shapes say which side: a triangle up above, down below, filled beyond 99.8%, outline
 * beyond 95% only, a circle within. Every area is named beside its point where the name fits
 * without touching another name, a marker or a limit line (labels.ts); an area whose name does
 * not fit is numbered, and the numbers are keyed under the legend. The population axis spans the
 * areas rather than starting at 0, so districts of similar size are not squeezed together, and
 * markers shrink where points would still overlap.
 */
import { max, min } from 'd3-array';
import {
  axisCaption,
  horizontalValueAxis,
  niceTicks,
  position,
  spanTicks,
  valueAxis,
  zeroBasedTicks,
} from './axis.js';
import { heading, noDataChart, PAD } from './layout.js';
import type { Box, PlacedLabel, Segment } from './labels.js';
import { placeLabels, polylineSegments } from './labels.js';
import { legend, lineSymbol, marker } from './marks.js';
import type { LegendItem, MarkerShape } from './marks.js';
import { INK, ROLE } from './palette.js';
import { chartId, chartSize, el, FONT_SIZE, group, pathData, svgDocument, text } from './svg.js';
import { formatNumber, listJoin, plural, textWidth, truncate, wrapWords } from './text.js';

export interface FunnelArea {
  name: string;
  count: number;
  population: number;
  highlight?: boolean;
}

/** Control limits at one population, as rates per 1,000. */
export interface FunnelLimit {
  population: number;
  low95: number;
  high95: number;
  low998: number;
  high998: number;
}

export interface FunnelPlotInput {
  id: string;
  title: string;
  areas: readonly FunnelArea[];
  /** The overall rate per 1,000 the limits are drawn around. */
  rate: number;
  /** Limits along the population axis; drawn as lines through these points. */
  limits: readonly FunnelLimit[];
  /**
   * Whether the limits allow for the spread between areas beyond chance (overdispersion) or are
   * Poisson (chance alone); said in the legend and the alt text when given.
   */
  limitsKind?: 'overdispersed' | 'poisson';
  width?: number;
  height?: number;
}

type Flag = 'above998' | 'above95' | 'within' | 'below95' | 'below998';

interface Plotted {
  area: FunnelArea;
  rate: number;
  flag: Flag;
}

type LimitKey = 'low95' | 'high95' | 'low998' | 'high998';

/** Limits at a population, by linear interpolation between the points given (clamped at ends). */
function limitsAt(limits: readonly FunnelLimit[], population: number): FunnelLimit | null {
  const first = limits[0];
  const last = limits[limits.length - 1];
  if (first === undefined || last === undefined) return null;
  if (population <= first.population) return first;
  if (population >= last.population) return last;
  const k = limits.findIndex((l) => l.population >= population);
  const b = limits[k] as FunnelLimit;
  const a = limits[k - 1] as FunnelLimit;
  const t = (population - a.population) / (b.population - a.population || 1);
  const at = (key: LimitKey) => a[key] + (b[key] - a[key]) * t;
  return {
    population,
    low95: at('low95'),
    high95: at('high95'),
    low998: at('low998'),
    high998: at('high998'),
  };
}

function flagOf(rate: number, l: FunnelLimit | null): Flag {
  if (l === null) return 'within';
  if (rate > l.high998) return 'above998';
  if (rate > l.high95) return 'above95';
  if (rate < l.low998) return 'below998';
  if (rate < l.low95) return 'below95';
  return 'within';
}

const STYLE: Record<Flag, { shape: MarkerShape; fill: string; stroke: string; label: string }> = {
  above998: {
    shape: 'triangle-up',
    fill: ROLE.above,
    stroke: ROLE.above,
    label: 'Above 99.8% limit',
  },
  above95: {
    shape: 'triangle-up',
    fill: INK.background,
    stroke: ROLE.above,
    label: 'Above 95% limit',
  },
  within: { shape: 'circle', fill: ROLE.series, stroke: INK.background, label: 'Within limits' },
  below95: {
    shape: 'triangle-down',
    fill: INK.background,
    stroke: ROLE.below,
    label: 'Below 95% limit',
  },
  below998: {
    shape: 'triangle-down',
    fill: ROLE.below,
    stroke: ROLE.below,
    label: 'Below 99.8% limit',
  },
};

const rate1 = (r: number) => formatNumber(r, 1);

function describe(
  title: string,
  plotted: readonly Plotted[],
  input: FunnelPlotInput,
  left: number,
) {
  const named = (flag: Flag) =>
    plotted.filter((p) => p.flag === flag).map((p) => `${p.area.name} (${rate1(p.rate)})`);
  let first = `${title}: rates per 1,000 for ${plural(plotted.length, 'area')} against population`;
  const kind =
    input.limitsKind === 'overdispersed'
      ? ' allowing for chance and the usual spread between areas'
      : input.limitsKind === 'poisson'
        ? ' for chance alone'
        : '';
  first +=
    input.limits.length > 0
      ? `, with 95% and 99.8% control limits${kind} around the overall rate of ${rate1(input.rate)}.`
      : `; overall rate ${rate1(input.rate)}.`;
  const parts: string[] = [];
  const phrase: [Flag, string][] = [
    ['above998', 'above the 99.8% upper limit'],
    ['above95', 'above the 95% upper limit only'],
    ['below95', 'below the 95% lower limit only'],
    ['below998', 'below the 99.8% lower limit'],
  ];
  for (const [flag, words] of phrase) {
    const names = named(flag);
    if (names.length > 0) parts.push(`${words}: ${listJoin(names)}`);
  }
  let second = '';
  if (input.limits.length > 0) {
    const within = plotted.filter((p) => p.flag === 'within').length;
    second =
      parts.length === 0
        ? ` All areas are within the 95% limits.`
        : ` ${parts.join('; ')}; ${within === 0 ? 'none' : formatNumber(within)} within.`;
    second = second.replace(/^ (\w)/, (_, c: string) => ` ${c.toUpperCase()}`);
  }
  const highlighted = plotted.filter((p) => p.area.highlight === true);
  const high = highlighted
    .map((p) => {
      const where = p.flag === 'within' ? 'within the limits' : STYLE[p.flag].label.toLowerCase();
      return ` ${p.area.name} (highlighted) is ${rate1(p.rate)} per 1,000, ${where}.`;
    })
    .join('');
  const skipped =
    left > 0
      ? ` ${plural(left, 'area')} with no population ${left === 1 ? 'is' : 'are'} left out.`
      : '';
  return `${first}${second}${high}${skipped}`;
}

export function funnelPlot(input: FunnelPlotInput): string {
  const id = chartId(input.id);
  const { width, height } = chartSize(input.width, input.height, { width: 640, height: 400 });
  for (const a of input.areas) {
    if (!(Number.isFinite(a.count) && a.count >= 0)) {
      throw new RangeError(`areas: ${a.name}: count must be a number ≥ 0, got ${a.count}`);
    }
    if (!(Number.isFinite(a.population) && a.population >= 0)) {
      throw new RangeError(
        `areas: ${a.name}: population must be a number ≥ 0, got ${a.population}`,
      );
    }
  }
  const limits = [...input.limits]
    .filter((l) => Number.isFinite(l.population) && l.population > 0)
    .sort((a, b) => a.population - b.population);
  const usable = input.areas.filter((a) => a.population > 0);
  const plotted: Plotted[] = usable.map((area) => {
    const rate = (area.count / area.population) * 1000;
    return { area, rate, flag: flagOf(rate, limitsAt(limits, area.population)) };
  });
  const leftOut = input.areas.length - usable.length;
  if (plotted.length === 0) {
    const desc = `${input.title}: no areas with a population to plot.`;
    return noDataChart({ id, title: input.title, width, height, desc });
  }

  const head = heading(input.title, width);
  const maxPop = max(plotted, (p) => p.area.population) as number;
  const minPop = min(plotted, (p) => p.area.population) as number;
  // The limits explode towards zero population; the y axis follows the areas and the limits
  // where there are areas, and the lines are clipped to the plot.
  // The y axis need not start at 0: rates cluster around the overall one.
  const shown = limits.filter((l) => l.population >= minPop * 0.8);
  const atMin = limitsAt(limits, minPop);
  if (atMin !== null) shown.push(atMin);
  const rates = plotted.map((p) => p.rate).concat(input.rate);
  const hi = Math.max(max(rates) as number, max(shown, (l) => l.high998) ?? -Infinity);
  const lo = Math.min(min(rates) as number, min(shown, (l) => l.low998) ?? Infinity);
  const pad = (hi - lo) * 0.05 || Math.max(hi * 0.1, 0.5);
  const yTicks = niceTicks(Math.max(0, lo - pad), hi + pad, false);
  // The population axis spans the areas (from 0 only when they reach down near it), so districts
  // of similar size are not squeezed into a corner.
  const xCount = Math.max(2, Math.min(6, Math.floor(width / 100)));
  const spread = maxPop - minPop || maxPop * 0.2;
  const xLow = minPop - spread * 0.08 < maxPop * 0.25 ? 0 : minPop - spread * 0.08;
  const xTicks =
    xLow === 0
      ? zeroBasedTicks(maxPop * 1.05, true, xCount)
      : spanTicks(xLow, maxPop + spread * 0.08, true, xCount);
  const labelWidth =
    max(yTicks.values, (v) => textWidth(formatNumber(v, yTicks.decimals), FONT_SIZE)) ?? 0;
  const left = PAD + labelWidth + 8;
  const lastX = xTicks.values[xTicks.values.length - 1] ?? 0;
  const right = width - PAD - Math.max(4, textWidth(formatNumber(lastX), FONT_SIZE) / 2 - 4);
  const top = head.bottom + 24;

  const flags = (['above998', 'above95', 'within', 'below95', 'below998'] as const).filter((f) =>
    plotted.some((p) => p.flag === f),
  );
  const items: LegendItem[] = [
    { symbol: lineSymbol(INK.text, 1.5), symbolWidth: 20, label: 'Overall rate' },
  ];
  if (limits.length > 0) {
    const kind =
      input.limitsKind === 'overdispersed'
        ? ' (chance and usual spread)'
        : input.limitsKind === 'poisson'
          ? ' (chance alone)'
          : '';
    items.push(
      { symbol: lineSymbol(INK.muted, 1.2, '5 3'), symbolWidth: 20, label: `95% limits${kind}` },
      { symbol: lineSymbol(INK.muted, 1.2), symbolWidth: 20, label: `99.8% limits${kind}` },
    );
  }
  for (const f of flags) {
    const s = STYLE[f];
    items.push({
      symbol: (cx, cy) =>
        marker(s.shape, cx, cy, 8, { fill: s.fill, stroke: s.stroke, 'stroke-width': 1.2 }),
      symbolWidth: 12,
      label: s.label,
    });
  }
  const legendHeight = legend(items, left, 0, right - left).height;

  // Every point is named where its name fits; the rest are numbered, with a key under the legend.
  // The key's lines take room from the plot, which can change what fits: laid out again until
  // the room kept for the key is enough.
  let keyRoom = 0;
  let plot = layoutPlot(0);
  for (let i = 0; i < plotted.length && plot.key.length > keyRoom; i++) {
    keyRoom = plot.key.length;
    plot = layoutPlot(keyRoom);
  }

  function layoutPlot(keyLines: number) {
    const keyH = keyLines * KEY_LINE;
    const bottom = height - PAD - legendHeight - keyH - 44;
    const x = (p: number) => position(xTicks, p, left, right);
    const y = (r: number) => position(yTicks, r, bottom, top);
    const pts = plotted.map((p) => ({ p, cx: x(p.area.population), cy: y(p.rate) }));
    // Markers shrink (to 5 px) where points would overlap.
    let nearest = Infinity;
    for (const [i, a] of pts.entries())
      for (const b of pts.slice(i + 1))
        nearest = Math.min(nearest, Math.hypot(a.cx - b.cx, a.cy - b.cy));
    const size = Math.max(5, Math.min(8, nearest - 1));
    const limitPoints = (key: LimitKey) => limits.map((l) => [x(l.population), y(l[key])] as const);
    const lines: Segment[] = [
      ...(limits.length > 1
        ? (['high95', 'low95', 'high998', 'low998'] as const).flatMap((k) =>
            polylineSegments(limitPoints(k)),
          )
        : []),
      [left, y(input.rate), right, y(input.rate)],
    ];
    const obstacles: Box[] = pts.map(({ cx, cy }) => ({
      x0: cx - size / 2 - 1,
      y0: cy - size / 2 - 1,
      x1: cx + size / 2 + 1,
      y1: cy + size / 2 + 1,
    }));
    const order = [
      ...pts.filter((q) => q.p.area.highlight === true),
      ...pts
        .filter((q) => q.p.area.highlight !== true && q.p.flag !== 'within')
        .sort((a, b) => Math.abs(b.p.rate - input.rate) - Math.abs(a.p.rate - input.rate)),
      ...pts
        .filter((q) => q.p.area.highlight !== true && q.p.flag === 'within')
        .sort((a, b) => a.cx - b.cx || a.p.area.name.localeCompare(b.p.area.name)),
    ];
    const bounds = { x0: left, y0: top, x1: right, y1: bottom };
    const taken: Box[] = [];
    const clearance = (q: (typeof pts)[number]) =>
      q.p.area.highlight === true ? size : size / 2 + 1;
    const named = placeLabels(
      order.map((q) => ({
        x: q.cx,
        y: q.cy,
        text: truncate(q.p.area.name, 160, FONT_SIZE, q.p.area.highlight === true),
        bold: q.p.area.highlight === true,
        clearance: clearance(q),
      })),
      bounds,
      obstacles,
      lines,
      taken,
    );
    // Numbered left to right, so the key reads in the order of the points.
    const unnamed = order
      .filter((_, i) => named[i] === null)
      .sort((a, b) => a.cx - b.cx || a.cy - b.cy);
    const numbered = placeLabels(
      unnamed.map((q, i) => ({
        x: q.cx,
        y: q.cy,
        text: String(i + 1),
        bold: true,
        clearance: clearance(q),
        fallback: true,
      })),
      bounds,
      obstacles,
      lines,
      taken,
    );
    const labels = [...named, ...numbered].filter((l): l is PlacedLabel => l !== null);
    const keyItems = unnamed.map((q, i) => `${i + 1} ${q.p.area.name}`);
    const key =
      keyItems.length === 0
        ? []
        : wrapWords(`Numbered: ${keyItems.join(' · ')}`, right - left, FONT_SIZE);
    return { bottom, x, y, size, pts, labels, key };
  }

  const { bottom, x, y, size, pts, labels: placed, key } = plot;
  const clip = `${id}-clip`;
  const limitLines: string[] = [];
  const lineFor = (key: LimitKey, dash?: string) =>
    el('path', {
      d: pathData(limits.map((l) => [x(l.population), y(l[key])] as const)),
      fill: 'none',
      stroke: INK.muted,
      'stroke-width': 1.2,
      'stroke-dasharray': dash,
    });
  if (limits.length > 1) {
    limitLines.push(
      lineFor('high95', '5 3'),
      lineFor('low95', '5 3'),
      lineFor('high998'),
      lineFor('low998'),
    );
  }
  limitLines.push(
    el('line', {
      x1: left,
      y1: y(input.rate),
      x2: right,
      y2: y(input.rate),
      stroke: INK.text,
      'stroke-width': 1.5,
    }),
  );

  // Within first, so the flagged areas are drawn on top.
  const order = [...pts].sort(
    (a, b) => Number(a.p.flag !== 'within') - Number(b.p.flag !== 'within'),
  );
  const points = order.map(({ p, cx, cy }) => {
    const s = STYLE[p.flag];
    const dot = marker(s.shape, cx, cy, size, {
      fill: s.fill,
      stroke: s.stroke,
      'stroke-width': p.flag === 'within' ? 0.8 : 1.5,
      'fill-opacity': p.flag === 'within' ? 0.85 : undefined,
    });
    const ring =
      p.area.highlight === true
        ? el('circle', {
            cx,
            cy,
            r: size,
            fill: 'none',
            stroke: ROLE.highlight,
            'stroke-width': 1.5,
          })
        : '';
    return dot + ring;
  });

  const labels = placed.map(
    (l) =>
      (l.leader === null
        ? ''
        : el('line', {
            x1: l.leader[0],
            y1: l.leader[1],
            x2: l.leader[2],
            y2: l.leader[3],
            stroke: INK.muted,
            'stroke-width': 0.8,
          })) +
      text(l.x, l.y, l.text, {
        'text-anchor': l.anchor,
        'font-weight': l.bold ? 'bold' : undefined,
        stroke: INK.background,
        'stroke-width': 3,
        'stroke-linejoin': 'round',
        'paint-order': 'stroke',
      }),
  );
  const legendTop = height - PAD - legendHeight - key.length * KEY_LINE;
  const keyMarkup = key.map((line, i) =>
    text(left, legendTop + legendHeight + FONT_SIZE + i * KEY_LINE, line),
  );

  return svgDocument({
    id,
    width,
    height,
    title: input.title,
    desc: describe(input.title, plotted, { ...input, limits }, leftOut),
    body: [
      el(
        'defs',
        {},
        el(
          'clipPath',
          { id: clip },
          el('rect', { x: left, y: top, width: right - left, height: bottom - top }),
        ),
      ),
      head.markup,
      axisCaption(PAD, top - 10, 'Rate per 1,000'),
      group({ 'data-layer': 'grid' }, valueAxis({ ticks: yTicks, y, left, right })),
      group(
        { 'data-layer': 'x-axis' },
        horizontalValueAxis({ ticks: xTicks, x, top, bottom, grid: false }),
      ),
      axisCaption((left + right) / 2, bottom + 36, 'Population', 'middle'),
      group({ 'data-layer': 'limits', 'clip-path': `url(#${clip})` }, limitLines),
      group({ 'data-layer': 'points' }, points),
      group({ 'data-layer': 'labels' }, labels),
      legend(items, left, legendTop, right - left).markup,
      group({ 'data-layer': 'key' }, keyMarkup),
    ],
  });
}

/** Line height of the numbered key. */
const KEY_LINE = FONT_SIZE * 1.35;
