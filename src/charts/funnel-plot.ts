/**
 * A funnel plot: each area's rate per 1,000 against its population, with the overall rate and the
 * 95% (dashed) and 99.8% (solid) control limits around it, which narrow as population grows. An
 * area outside a limit has a rate that chance (and, with `overdispersed` limits, the usual spread
 * between areas) rarely gives at the overall rate; it does not say why. The legend and the alt
 * text say which kind of limit is drawn. Shapes say which side: a triangle up above, down below, filled beyond 99.8%, outline
 * beyond 95% only, a circle within. The highlighted area and every area beyond 99.8% are labelled.
 */
import { max, min } from 'd3-array';
import {
  axisCaption,
  horizontalValueAxis,
  niceTicks,
  position,
  valueAxis,
  zeroBasedTicks,
} from './axis.js';
import { heading, noDataChart, PAD } from './layout.js';
import type { Box, LabelRequest } from './labels.js';
import { placeLabels } from './labels.js';
import { legend, lineSymbol, marker } from './marks.js';
import type { LegendItem, MarkerShape } from './marks.js';
import { INK, ROLE } from './palette.js';
import { chartId, chartSize, el, FONT_SIZE, group, pathData, svgDocument, text } from './svg.js';
import { formatNumber, listJoin, plural, textWidth, truncate } from './text.js';

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
      ? ' allowing for the usual spread between areas (overdispersion)'
      : input.limitsKind === 'poisson'
        ? ' for chance alone (Poisson)'
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
  const xTicks = zeroBasedTicks(
    maxPop * 1.05,
    true,
    Math.max(2, Math.min(6, Math.floor(width / 100))),
  );
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
        ? ' (overdispersed)'
        : input.limitsKind === 'poisson'
          ? ' (Poisson)'
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
  const bottom = height - PAD - legendHeight - 44;
  const x = (p: number) => left + (p / xTicks.max) * (right - left);
  const y = (r: number) => position(yTicks, r, bottom, top);

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
  const order = [...plotted].sort(
    (a, b) => Number(a.flag !== 'within') - Number(b.flag !== 'within'),
  );
  const size = 8;
  const points = order.map((p) => {
    const s = STYLE[p.flag];
    const cx = x(p.area.population);
    const cy = y(p.rate);
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

  const obstacles: Box[] = plotted.map((p) => {
    const cx = x(p.area.population);
    const cy = y(p.rate);
    return { x0: cx - size / 2, y0: cy - size / 2, x1: cx + size / 2, y1: cy + size / 2 };
  });
  const labelled = [
    ...plotted.filter((p) => p.area.highlight === true),
    ...plotted
      .filter((p) => p.area.highlight !== true && (p.flag === 'above998' || p.flag === 'below998'))
      .sort((a, b) => Math.abs(b.rate - input.rate) - Math.abs(a.rate - input.rate)),
  ];
  const requests: LabelRequest[] = labelled.map((p) => ({
    x: x(p.area.population),
    y: y(p.rate),
    text: truncate(p.area.name, 160, FONT_SIZE, p.area.highlight === true),
    bold: p.area.highlight === true,
    clearance: p.area.highlight === true ? size : size / 2 + 1,
  }));
  const labels = placeLabels(requests, { x0: left, y0: top, x1: right, y1: bottom }, obstacles).map(
    (l) =>
      text(l.x, l.y, l.text, {
        'text-anchor': l.anchor,
        'font-weight': l.bold ? 'bold' : undefined,
        stroke: INK.background,
        'stroke-width': 3,
        'stroke-linejoin': 'round',
        'paint-order': 'stroke',
      }),
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
      legend(items, left, height - PAD - legendHeight, right - left).markup,
    ],
  });
}
