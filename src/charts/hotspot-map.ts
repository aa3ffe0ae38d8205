/**
 * A hotspot map: grid cells shaded by their count over the area's outline, in British National
 * Grid metres (x east, y north), fitted to the view with north up and the aspect kept. Five
 * classes on a light-to-dark colour-blind-safe ramp, each class labelled with the counts it holds;
 * the three highest cells numbered 1–3; a north arrow and a scale bar in km. Cells with no
 * incidents are left unshaded.
 *
 * Police.uk snaps each crime to one of a fixed set of anonymised map points, so a cell's count is
 * where those points fall, not exactly where the crimes happened: the footnote and the alt text
 * say so.
 */
import { naturalBreaks } from './classes.js';
import type { ValueClass } from './classes.js';
import { footnote, heading, noDataChart, PAD } from './layout.js';
import { INK, SEQUENTIAL_5 } from './palette.js';
import { chartId, chartSize, el, FONT_SIZE, group, num, svgDocument, text } from './svg.js';
import { formatNumber, formatValue, listJoin, plural } from './text.js';

export interface HotspotCell {
  /** Lower-left corner, metres east and north. */
  x: number;
  y: number;
  /** Side of the square cell, metres. */
  size: number;
  count: number;
  /** A place name for the cell (a street), used in the alt text for the top cells. */
  label?: string;
}

export interface HotspotMapInput {
  id: string;
  title: string;
  /** Rings of [east, north] points in metres; holes are drawn as holes (even-odd rule). */
  outline: readonly (readonly (readonly [number, number])[])[];
  cells: readonly HotspotCell[];
  width?: number;
  height?: number;
  /** Draw the scale bar (default true). */
  scaleBar?: boolean;
}

export const APPROXIMATE_NOTE =
  'Locations are approximate: police.uk moves each crime to an anonymised map point nearby.';

const LEGEND_WIDTH = 150;

interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boundsOf(input: HotspotMapInput): Bounds | null {
  let b: Bounds | null = null;
  const add = (x: number, y: number) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (b === null) b = { x0: x, y0: y, x1: x, y1: y };
    else {
      b.x0 = Math.min(b.x0, x);
      b.y0 = Math.min(b.y0, y);
      b.x1 = Math.max(b.x1, x);
      b.y1 = Math.max(b.y1, y);
    }
  };
  for (const ring of input.outline) for (const [x, y] of ring) add(x, y);
  for (const c of input.cells) {
    add(c.x, c.y);
    add(c.x + c.size, c.y + c.size);
  }
  return b;
}

export interface HotspotClass extends ValueClass {
  colour: string;
}

/**
 * Up to five classes over the cells with incidents, by natural breaks (one per distinct count when
 * there are five or fewer). Each class is labelled by the counts it actually holds, so the legend
 * never claims a count no cell has. Fewer than five classes take colours spread over the ramp,
 * keeping the darkest for the top class.
 */
export function hotspotClasses(counts: readonly number[]): HotspotClass[] {
  const classes = naturalBreaks(
    counts.filter((c) => c > 0),
    5,
  );
  const picks = PICKS[classes.length] ?? PICKS[5];
  return classes.map((c, i) => ({
    ...c,
    colour: SEQUENTIAL_5[picks?.[i] ?? 4] ?? SEQUENTIAL_5[4],
  }));
}

/** Which ramp colours k classes use, by k. */
const PICKS: Record<number, readonly number[]> = {
  1: [3],
  2: [1, 4],
  3: [0, 2, 4],
  4: [0, 2, 3, 4],
  5: [0, 1, 2, 3, 4],
};

function classOf(classes: readonly HotspotClass[], count: number): HotspotClass | undefined {
  return classes.find((c) => count <= c.max);
}

const rangeLabel = (c: HotspotClass) =>
  c.min === c.max ? formatValue(c.min) : `${formatValue(c.min)}–${formatValue(c.max)}`;

/** A scale bar length in km: a 1-2-2.5-5 step no longer than maxKm. */
function niceKm(maxKm: number): number {
  const steps = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500];
  return steps.filter((s) => s <= maxKm).pop() ?? 0.1;
}

const kmLabel = (km: number) => (km < 1 ? `${formatNumber(km * 1000)} m` : `${km} km`);

/** The most common cell size, when every cell has it. */
function commonSize(cells: readonly HotspotCell[]): number | null {
  const first = cells[0]?.size;
  return first !== undefined && cells.every((c) => c.size === first) ? first : null;
}

function describe(title: string, input: HotspotMapInput, top: readonly HotspotCell[]) {
  const withIncidents = input.cells.filter((c) => c.count > 0);
  const total = withIncidents.reduce((n, c) => n + c.count, 0);
  const size = commonSize(input.cells);
  const of = size === null ? '' : ` of ${formatNumber(size)} m`;
  const first = top[0];
  let sentence: string;
  if (first === undefined) {
    const cells = plural(input.cells.length, 'grid cell');
    sentence = `${title}: no incidents in any of the ${cells}${of}.`;
  } else {
    const where = (c: HotspotCell) =>
      c.label !== undefined && c.label !== '' ? ` (${c.label})` : '';
    const next = top.slice(1).map((c) => `${formatValue(c.count)}${where(c)}`);
    sentence =
      `${title}: ${formatValue(total)} incidents in ` +
      `${plural(withIncidents.length, 'grid cell')}${of}` +
      `; the highest count in one cell is ${formatValue(first.count)}${where(first)}` +
      (next.length > 0 ? `, then ${listJoin(next)}.` : '.');
  }
  return `${sentence} Police.uk locations are approximate (snapped to anonymised map points).`;
}

export function hotspotMap(input: HotspotMapInput): string {
  const id = chartId(input.id);
  const { width, height } = chartSize(
    input.width,
    input.height,
    { width: 640, height: 480 },
    { width: 360, height: 240 },
  );
  for (const c of input.cells) {
    if (!(Number.isFinite(c.count) && c.count >= 0)) {
      throw new RangeError(`cells: cell at ${c.x}, ${c.y}: count must be ≥ 0, got ${c.count}`);
    }
    if (!(Number.isFinite(c.size) && c.size > 0)) {
      throw new RangeError(`cells: cell at ${c.x}, ${c.y}: size must be > 0, got ${c.size}`);
    }
  }
  const b = boundsOf(input);
  if (b === null || (input.cells.length === 0 && b.x1 - b.x0 <= 0)) {
    return noDataChart({ id, title: input.title, width, height, desc: `${input.title}: no data.` });
  }

  const head = heading(input.title, width);
  const mapLeft = PAD;
  const mapRight = width - PAD - LEGEND_WIDTH - 12;
  const mapTop = head.bottom + 6;
  const mapBottom = height - PAD - 20;
  const dx = Math.max(b.x1 - b.x0, 1);
  const dy = Math.max(b.y1 - b.y0, 1);
  const s = Math.min((mapRight - mapLeft) / dx, (mapBottom - mapTop) / dy);
  const ox = mapLeft + (mapRight - mapLeft - dx * s) / 2;
  const oy = mapTop + (mapBottom - mapTop - dy * s) / 2;
  const px = (x: number) => ox + (x - b.x0) * s;
  const py = (y: number) => oy + (b.y1 - y) * s;

  const ringPath = (ring: readonly (readonly [number, number])[]) => {
    let d = '';
    let last = '';
    for (const [x, y] of ring) {
      const p = `${num(px(x))},${num(py(y))}`;
      if (p === last) continue;
      d += `${d === '' ? 'M' : 'L'}${p}`;
      last = p;
    }
    return d === '' ? '' : `${d}Z`;
  };
  const outlineD = input.outline.map(ringPath).join('');

  const classes = hotspotClasses(input.cells.map((c) => c.count));
  const shaded = input.cells.filter((c) => c.count > 0);
  const cells = shaded.map((c) =>
    el('rect', {
      x: px(c.x),
      y: py(c.y + c.size),
      width: c.size * s,
      height: c.size * s,
      fill: classOf(classes, c.count)?.colour ?? SEQUENTIAL_5[4],
    }),
  );

  const top = [...shaded].sort((a, c) => c.count - a.count || c.y - a.y || a.x - c.x).slice(0, 3);
  const badges = topBadges(top, px, py, s);

  const legendX = width - PAD - LEGEND_WIDTH;
  const legendParts: string[] = [
    text(legendX, mapTop + 12, 'Incidents per cell', { 'font-weight': 'bold' }),
  ];
  let ly = mapTop + 24;
  if (classes.length === 0) {
    legendParts.push(text(legendX, ly + 10, 'None in any cell', { fill: INK.muted }));
    ly += 18;
  }
  for (const c of [...classes].reverse()) {
    legendParts.push(
      el('rect', { x: legendX, y: ly, width: 18, height: 13, fill: c.colour, stroke: INK.frame }),
      text(legendX + 26, ly + 10.5, rangeLabel(c)),
    );
    ly += 18;
  }
  const size = commonSize(input.cells);
  if (size !== null) {
    legendParts.push(
      text(legendX, ly + 12, `Cells ${kmLabel(size / 1000)} square`, { fill: INK.muted }),
    );
    ly += 18;
  }
  if (top.length > 0) {
    ly += 6;
    legendParts.push(
      badge(legendX + 9, ly + 9, '1'),
      text(
        legendX + 26,
        ly + 13,
        top.length === 1 ? 'Highest cell' : `Highest ${top.length} cells`,
      ),
    );
    ly += 26;
  }

  const north = northArrow(legendX + 14, ly + 30);
  const scale =
    input.scaleBar === false
      ? ''
      : scaleBar(legendX, ly + 58, niceKm((LEGEND_WIDTH - 30) / s / 1000), s);

  return svgDocument({
    id,
    width,
    height,
    title: input.title,
    desc: describe(input.title, input, top),
    body: [
      head.markup,
      outlineD === ''
        ? ''
        : el('path', { d: outlineD, fill: '#fafafa', stroke: 'none', 'fill-rule': 'evenodd' }),
      group({ 'data-layer': 'cells', 'shape-rendering': 'crispEdges' }, cells),
      outlineD === ''
        ? ''
        : el('path', {
            d: outlineD,
            fill: 'none',
            stroke: INK.axis,
            'stroke-width': 1.2,
            'stroke-linejoin': 'round',
            'data-layer': 'outline',
          }),
      group({ 'data-layer': 'top-cells' }, badges),
      group({ 'data-layer': 'legend' }, legendParts),
      north,
      scale,
      footnote(APPROXIMATE_NOTE, width, height),
    ],
  });
}

const BADGE_R = 9;

function badge(cx: number, cy: number, label: string): string {
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

/**
 * The top cells outlined, each with a numbered badge beside it on a short leader, so the badge
 * does not hide the cell's shade; a badge that would cover an earlier one tries the next spot.
 */
function topBadges(
  top: readonly HotspotCell[],
  px: (x: number) => number,
  py: (y: number) => number,
  s: number,
): string[] {
  const placed: [number, number][] = [];
  const offsets: [number, number][] = [];
  for (const [ox, oy] of [
    [1, -1],
    [-1, -1],
    [1, 1],
    [-1, 1],
    [0, -1.4],
    [1.4, 0],
    [0, 1.4],
    [-1.4, 0],
  ] as const) {
    offsets.push([ox * BADGE_R * 1.8, oy * BADGE_R * 1.8]);
  }
  return top.map((c, i) => {
    const cx = px(c.x + c.size / 2);
    const cy = py(c.y + c.size / 2);
    // A cell big enough to hold its badge keeps it at its centre, with no leader.
    const roomy = c.size * s >= BADGE_R * 3;
    const free = (roomy ? [[0, 0] as [number, number], ...offsets] : offsets).find(([dx, dy]) =>
      placed.every(([x, y]) => Math.hypot(cx + dx - x, cy + dy - y) >= BADGE_R * 2 + 2),
    ) ?? [BADGE_R * 1.8, -BADGE_R * 1.8];
    const bx = cx + free[0];
    const by = cy + free[1];
    placed.push([bx, by]);
    const half = Math.max(1.5, (c.size * s) / 2);
    // Black on a white halo, to show on the darkest and the lightest cells alike.
    const outlined = (stroke: string, w: number) =>
      (bx === cx && by === cy
        ? ''
        : el('line', { x1: cx, y1: cy, x2: bx, y2: by, stroke, 'stroke-width': w })) +
      el('rect', {
        x: cx - half,
        y: cy - half,
        width: half * 2,
        height: half * 2,
        fill: 'none',
        stroke,
        'stroke-width': w,
      });
    const mark = outlined(INK.background, 3.5) + outlined(INK.text, 1.5);
    return mark + badge(bx, by, String(i + 1));
  });
}

function northArrow(cx: number, cy: number): string {
  return group({ 'data-layer': 'north-arrow' }, [
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
    text(cx + 14, cy + 4, 'N', { 'font-weight': 'bold' }),
  ]);
}

function scaleBar(x: number, y: number, km: number, s: number): string {
  const w = km * 1000 * s;
  return group({ 'data-layer': 'scale-bar' }, [
    el('rect', { x, y, width: w / 2, height: 5, fill: INK.text, stroke: INK.text }),
    el('rect', {
      x: x + w / 2,
      y,
      width: w / 2,
      height: 5,
      fill: INK.background,
      stroke: INK.text,
    }),
    text(x, y + 18, '0', { 'text-anchor': 'middle', fill: INK.muted }),
    text(x + w, y + 18, kmLabel(km), { 'text-anchor': 'middle', fill: INK.muted }),
  ]);
}
