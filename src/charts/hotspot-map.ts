/**
 * A hotspot map: grid cells shaded by their count over the area's outline, in British National
 * Grid metres (x east, y north), fitted to the view with north up and the aspect kept. Up to five
 * classes on a light-to-dark colour-blind-safe ramp (natural breaks, shown as contiguous ranges:
 * see classes.ts); the cells the text lists numbered in its order (`numbered`), else the three
 * highest, ties by name, then north to south and west to east (`busiestFirst`); the places within the area (wards, or a
 * force's districts) outlined and named where their names fit without covering the marked cells;
 * a north arrow and a scale bar on every map. Cells with no incidents are left unshaded.
 *
 * Police.uk snaps each crime to one of a fixed set of anonymised map points, so a cell's count is
 * where those points fall, not exactly where the crimes happened: the footnote and the alt text
 * say so. No text is cut: the footnote wraps, and the map leaves it room.
 */
import { classIndex, rampClasses, rangeLabel } from './classes.js';
import type { RampClass } from './classes.js';
import type { Box } from './labels.js';
import { footnote, heading, noDataChart, PAD } from './layout.js';
import { badge, BADGE_R, FURNITURE_HEIGHT, kmLabel, northAndScale } from './map-furniture.js';
import {
  keyAlone,
  placeNames,
  placeOutlines,
  placesKeyRow,
  stackKeyRows,
  type KeyRow,
  type MapPlaces,
} from './map-places.js';
import { extendBounds, fitMap, type Bounds, type Ring } from './map-projection.js';
import { INK, MAP_FILL, SEQUENTIAL_5 } from './palette.js';
import { chartId, chartSize, el, FONT_SIZE, group, svgDocument, text } from './svg.js';
import { formatNumber, formatValue, listJoin, plural, wrapWords } from './text.js';

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

export type { MapPlace, MapPlaces } from './map-places.js';

export interface HotspotMapInput {
  id: string;
  title: string;
  /** Rings of [east, north] points in metres; holes are drawn as holes (even-odd rule). */
  outline: readonly Ring[];
  cells: readonly HotspotCell[];
  /** Wards (or districts) outlined and named over the cells. */
  places?: MapPlaces | null;
  width?: number;
  height?: number;
  /** Draw the title as a visible heading (default true; a page panel with its own may not). */
  heading?: boolean;
  /**
   * Draw the footnote that locations are approximate (default true; a page whose own caveats
   * say so may leave it off).
   */
  footnote?: boolean;
  /** What the cells count, plural, lower case (default "incidents"; stop and search: "searches"). */
  counting?: string;
  /**
   * The cells to number, in order: the places the text beside the map lists (the busiest
   * significant hotspots), so that its "1" is the map's "1". Each is found by its lower-left
   * corner among `cells`; an empty list numbers none. Absent: the three highest cells
   * (`busiestFirst`).
   */
  numbered?: readonly { x: number; y: number }[] | null;
  /** 'key': the map's key alone, for a page to show at text size (map-places.ts keyAlone). */
  part?: 'map' | 'key';
}

/**
 * The one order of cells by how busy they are: most first, ties by name (a named cell before an
 * unnamed one), then north to south, then west to east, so that the same cells always come in the
 * same order.
 */
export function busiestFirst(a: HotspotCell, b: HotspotCell): number {
  const named = (c: HotspotCell) => (c.label !== undefined && c.label !== '' ? c.label : null);
  const la = named(a);
  const lb = named(b);
  const byName =
    la !== null && lb !== null
      ? la.localeCompare(lb, 'en-GB')
      : la !== null
        ? -1
        : lb !== null
          ? 1
          : 0;
  return b.count - a.count || byName || b.y - a.y || a.x - b.x;
}

/** The cells to number, each with its number: those listed (`numbered`), else the highest three. */
function numberedCells(
  input: HotspotMapInput,
  shaded: readonly HotspotCell[],
): { cell: HotspotCell; n: number }[] {
  if (input.numbered == null)
    return [...shaded]
      .sort(busiestFirst)
      .slice(0, 3)
      .map((cell, i) => ({ cell, n: i + 1 }));
  return input.numbered.flatMap((at, i) => {
    const cell = shaded.find((c) => c.x === at.x && c.y === at.y);
    return cell ? [{ cell, n: i + 1 }] : [];
  });
}

export const APPROXIMATE_NOTE =
  'Locations are approximate: police.uk moves each crime to an anonymised map point nearby.';

const LEGEND_WIDTH = 150;
const ROW = 16;

function boundsOf(input: HotspotMapInput): Bounds | null {
  let b: Bounds | null = null;
  for (const ring of input.outline) for (const [x, y] of ring) b = extendBounds(b, x, y);
  // The places drawn too: with no outline (none held for some wards), they may reach past the cells.
  for (const place of input.places?.places ?? [])
    for (const ring of place.outline) for (const [x, y] of ring) b = extendBounds(b, x, y);
  for (const c of input.cells) {
    b = extendBounds(b, c.x, c.y);
    b = extendBounds(b, c.x + c.size, c.y + c.size);
  }
  return b;
}

export type HotspotClass = RampClass;

/**
 * Up to five classes over the cells with incidents (classes.ts): every count in exactly one
 * class; cells with none are left unshaded.
 */
export function hotspotClasses(counts: readonly number[]): HotspotClass[] {
  return rampClasses(counts.filter((c) => c > 0));
}

/** The most common cell size, when every cell has it. */
function commonSize(cells: readonly HotspotCell[]): number | null {
  const first = cells[0]?.size;
  return first !== undefined && cells.every((c) => c.size === first) ? first : null;
}

function describe(title: string, input: HotspotMapInput) {
  const withIncidents = input.cells.filter((c) => c.count > 0);
  const top = [...withIncidents].sort(busiestFirst).slice(0, 3);
  const total = withIncidents.reduce((n, c) => n + c.count, 0);
  const size = commonSize(input.cells);
  const of = size === null ? '' : ` of ${formatNumber(size)} m`;
  const first = top[0];
  let sentence: string;
  if (first === undefined) {
    const cells = plural(input.cells.length, 'grid cell');
    sentence = `${title}: no ${counting(input)} in any of the ${cells}${of}.`;
  } else {
    const where = (c: HotspotCell) =>
      c.label !== undefined && c.label !== '' ? ` (${c.label})` : '';
    const next = top.slice(1).map((c) => `${formatValue(c.count)}${where(c)}`);
    sentence =
      `${title}: ${formatValue(total)} ${counting(input)} in ` +
      `${plural(withIncidents.length, 'grid cell')}${of}` +
      `; the highest count in one cell is ${formatValue(first.count)}${where(first)}` +
      (next.length > 0 ? `, then ${listJoin(next)}.` : '.');
  }
  const places = input.places?.places.length
    ? ` ${capitalFirst(input.places.kind)} boundaries${input.places.approximate ? ' (approximate)' : ''} are drawn over the cells.`
    : '';
  return `${sentence}${places} Police.uk locations are approximate (snapped to anonymised map points).`;
}

const capitalFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const counting = (input: HotspotMapInput) => input.counting ?? 'incidents';

/** The key's rows, top to bottom, each with its height; the caller draws them from a top. */
function keyRows(
  classes: readonly HotspotClass[],
  input: HotspotMapInput,
  topCount: number,
): KeyRow[] {
  const size = commonSize(input.cells);
  const what = capitalFirst(counting(input));
  const title = size === null ? `${what} per cell` : `${what} per ${kmLabel(size / 1000)} cell`;
  const titleLines = wrapWords(title, LEGEND_WIDTH, FONT_SIZE, true, 2);
  const rows: KeyRow[] = [
    {
      height: 6 + titleLines.length * 14,
      draw: (x, y) =>
        titleLines.map((l, i) => text(x, y + 10 + i * 14, l, { 'font-weight': 'bold' })),
    },
  ];
  if (classes.length === 0) {
    rows.push({
      height: ROW,
      draw: (x, y) => [text(x, y + 10, 'None in any cell', { fill: INK.muted })],
    });
  }
  for (const c of [...classes].reverse()) {
    rows.push({
      height: ROW,
      draw: (x, y) => [
        el('rect', { x, y, width: 18, height: 12, fill: c.colour, stroke: INK.frame }),
        text(x + 26, y + 10, rangeLabel(c)),
      ],
    });
  }
  if (topCount > 0) {
    rows.push({
      height: 24,
      draw: (x, y) => [
        badge(x + 9, y + 13, '1'),
        text(
          x + 26,
          y + 17,
          input.numbered != null
            ? // The text's list: significant hotspots, so a darker cell alone may go unnumbered.
              topCount === 1
              ? 'Significant hotspot'
              : `${topCount} significant hotspots`
            : topCount === 1
              ? 'Highest cell'
              : `Highest ${topCount} cells`,
        ),
      ],
    });
  }
  const places = placesKeyRow(input.places, LEGEND_WIDTH);
  if (places !== null) rows.push(places);
  return rows;
}

/** The legend's height for these inputs: its rows, then the north arrow and scale bar. */
function keyHeight(rows: readonly { height: number }[]): number {
  return rows.reduce((h, r) => h + r.height, 0) + 4 + FURNITURE_HEIGHT;
}

const footnoteText = (input: HotspotMapInput) =>
  input.footnote === false
    ? ''
    : [
        input.counting
          ? `Locations are approximate: police.uk moves each of the ${input.counting} to an anonymised map point nearby.`
          : APPROXIMATE_NOTE,
        input.places?.note ?? '',
      ]
        .filter((s) => s !== '')
        .join(' ');

/**
 * The least height at which a map of this width draws its whole key above its footnote: a page
 * that fits the map to a panel draws it at least this tall (and scales it down).
 */
export function hotspotMapMinHeight(input: HotspotMapInput, width: number): number {
  const classes = hotspotClasses(input.cells.map((c) => c.count));
  const top = numberedCells(
    input,
    input.cells.filter((c) => c.count > 0),
  ).length;
  const head = input.heading === false ? PAD : heading(input.title, width).bottom + 6;
  const foot = footnote(footnoteText(input), width, 0).height;
  return Math.ceil(head + keyHeight(keyRows(classes, input, top)) + 6 + foot + PAD);
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

  const head = input.heading === false ? null : heading(input.title, width);
  const foot = footnote(footnoteText(input), width, height);
  const mapLeft = PAD;
  const mapRight = width - PAD - LEGEND_WIDTH - 12;
  const mapTop = head === null ? PAD : head.bottom + 6;
  const mapBottom = height - PAD - foot.height - 10;
  const frame = { x0: mapLeft, y0: mapTop, x1: mapRight, y1: mapBottom };
  const { s, px, py, ringPath, toPx } = fitMap(b, frame);
  const outlineD = input.outline.map(ringPath).join('');

  const classes = hotspotClasses(input.cells.map((c) => c.count));
  const shaded = input.cells.filter((c) => c.count > 0);
  const cells = shaded.map((c) =>
    el('rect', {
      x: px(c.x),
      y: py(c.y + c.size),
      width: c.size * s,
      height: c.size * s,
      fill: classes[classIndex(classes, c.count)]?.colour ?? SEQUENTIAL_5[4],
    }),
  );

  const top = numberedCells(input, shaded);
  const badges = topBadges(top, px, py, s);

  const places = input.places?.places ?? [];
  const placeLines = placeOutlines(places, ringPath);
  const within = input.outline.map(toPx);
  const legendX = width - PAD - LEGEND_WIDTH;
  const rows = keyRows(classes, input, top.length);
  const { parts: legendParts, bottom: ly } = stackKeyRows(rows, legendX, mapTop);
  const keyTop = ly + 4 + FURNITURE_HEIGHT + 8;
  const names = placeNames(
    places,
    input.places?.kind ?? '',
    { hard: badges.boxes, soft: cellWeight(shaded, classes, px, py, s) },
    within,
    px,
    py,
    frame,
    { x: legendX, y: keyTop, width: LEGEND_WIDTH, height: mapBottom - keyTop },
  );
  if (input.part === 'key')
    return keyAlone({
      id: `${id}-key`,
      title: `Key: ${input.title}`,
      x: legendX,
      width: LEGEND_WIDTH,
      top: mapTop,
      rowsBottom: ly,
      rows: legendParts,
      placeKey: names.key,
      placeTop: keyTop,
      placeBottom: names.keyBottom,
    });

  return svgDocument({
    id,
    width,
    height,
    title: input.title,
    desc: describe(input.title, input),
    body: [
      head?.markup ?? '',
      outlineD === ''
        ? ''
        : el('path', { d: outlineD, fill: MAP_FILL, stroke: 'none', 'fill-rule': 'evenodd' }),
      group({ 'data-layer': 'cells', 'shape-rendering': 'crispEdges' }, cells),
      group({ 'data-layer': 'places', 'fill-rule': 'evenodd' }, placeLines),
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
      group({ 'data-layer': 'place-names' }, names.onMap),
      group({ 'data-layer': 'top-cells' }, badges.markup),
      group({ 'data-layer': 'legend' }, legendParts),
      northAndScale(legendX, ly + 4, LEGEND_WIDTH, s),
      names.key.length > 0 ? group({ 'data-layer': 'place-key' }, names.key) : '',
      foot.markup,
    ],
  });
}

/**
 * How much a name's box would cover of the shaded cells: each cell it touches by the square of
 * its class (1 for the lightest), so names keep off the darkest cells first.
 */
function cellWeight(
  shaded: readonly HotspotCell[],
  classes: readonly HotspotClass[],
  px: (x: number) => number,
  py: (y: number) => number,
  s: number,
): (box: Box) => number {
  const size = commonSize(shaded);
  // Shaded cells by grid position, weighted by class (1 for the lightest), for quick look-ups.
  const weights = new Map<string, number>();
  const origin = shaded[0];
  if (size !== null && origin !== undefined) {
    for (const c of shaded) {
      const key = `${Math.round((c.x - origin.x) / size)},${Math.round((c.y - origin.y) / size)}`;
      weights.set(key, classIndex(classes, c.count) + 1);
    }
  }
  return (box: Box) => {
    if (size === null || origin === undefined) return 0;
    const toX = (v: number) => (v - px(origin.x)) / (size * s);
    const toY = (v: number) => (py(origin.y) - v) / (size * s);
    let total = 0;
    for (let i = Math.floor(toX(box.x0)); i <= Math.floor(toX(box.x1)); i++) {
      for (let j = Math.floor(toY(box.y1)); j <= Math.floor(toY(box.y0)); j++) {
        const w = weights.get(`${i},${j}`);
        if (w !== undefined) total += w * w;
      }
    }
    return total;
  };
}

/**
 * The top cells outlined, each with a numbered badge beside it on a short leader, so the badge
 * does not hide the cell's shade; a badge that would cover an earlier one tries the next spot.
 * Returns the markup and the boxes of the badges and cells (which no name may cover).
 */
function topBadges(
  top: readonly { cell: HotspotCell; n: number }[],
  px: (x: number) => number,
  py: (y: number) => number,
  s: number,
): { markup: string[]; boxes: Box[] } {
  const placed: [number, number][] = [];
  const boxes: Box[] = [];
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
  const markup = top.map(({ cell: c, n }) => {
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
    boxes.push(
      { x0: bx - BADGE_R - 1, y0: by - BADGE_R - 1, x1: bx + BADGE_R + 1, y1: by + BADGE_R + 1 },
      { x0: cx - half - 1, y0: cy - half - 1, x1: cx + half + 1, y1: cy + half + 1 },
    );
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
    return mark + badge(bx, by, String(n));
  });
  return { markup, boxes };
}
