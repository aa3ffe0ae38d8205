/**
 * A hotspot map: grid cells shaded by their count over the area's outline, in British National
 * Grid metres (x east, y north), fitted to the view with north up and the aspect kept. Up to five
 * classes on a light-to-dark colour-blind-safe ramp (natural breaks, shown as contiguous ranges:
 * see classes.ts); the three highest cells numbered 1–3; the places within the area (wards, or a
 * force's districts) outlined and named where their names fit without covering the marked cells;
 * a north arrow and a scale bar on every map. Cells with no incidents are left unshaded.
 *
 * Police.uk snaps each crime to one of a fixed set of anonymised map points, so a cell's count is
 * where those points fall, not exactly where the crimes happened: the footnote and the alt text
 * say so. No text is cut: the footnote wraps, and the map leaves it room.
 */
import { extent } from 'd3-array';

import {
  distanceToEdge,
  insideRings,
  NAME_LEADING,
  placeAreaNames,
  type AreaToName,
  type PlacedName,
  type PxRing,
} from './area-names.js';
import { contiguousClasses, naturalBreaks } from './classes.js';
import type { ValueClass } from './classes.js';
import type { Box } from './labels.js';
import { footnote, heading, noDataChart, PAD } from './layout.js';
import { badge, BADGE_R, FURNITURE_HEIGHT, kmLabel, northAndScale } from './map-furniture.js';
import { INK, SEQUENTIAL_5 } from './palette.js';
import { chartId, chartSize, el, FONT_SIZE, group, num, svgDocument, text } from './svg.js';
import { formatNumber, formatValue, listJoin, plural, textWidth, wrapWords } from './text.js';

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

type Ring = readonly (readonly [number, number])[];

/** A named place drawn on the map: its outline in metres (holes as holes). */
export interface MapPlace {
  name: string;
  outline: readonly Ring[];
}

export interface MapPlaces {
  /** What each place is, singular: "ward", "district". */
  kind: string;
  places: readonly MapPlace[];
  /** The outlines are approximate (e.g. LSOAs grouped by their best-fit ward): said in the key. */
  approximate?: boolean;
  /** A sentence for the footnote saying where the outlines come from. */
  note?: string;
}

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
}

export const APPROXIMATE_NOTE =
  'Locations are approximate: police.uk moves each crime to an anonymised map point nearby.';

const LEGEND_WIDTH = 150;
const ROW = 16;
/** The places' outlines: a mid grey, lighter than the area's own outline. */
const PLACE_STROKE = '#6f6f6f';

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
 * there are five or fewer), shown as contiguous ranges from the smallest count to the largest
 * (1–3, 4–8, 9–14, …: every count in exactly one class). Fewer than five classes take colours
 * spread over the ramp, keeping the darkest for the top class.
 */
export function hotspotClasses(counts: readonly number[]): HotspotClass[] {
  const shown = counts.filter((c) => c > 0);
  const classes = contiguousClasses(
    naturalBreaks(shown, 5),
    shown.every((c) => Number.isInteger(c)),
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

function classIndex(classes: readonly HotspotClass[], count: number): number {
  const i = classes.findIndex((c) => count <= c.max);
  return i < 0 ? classes.length - 1 : i;
}

const rangeLabel = (c: HotspotClass) =>
  c.min === c.max ? formatValue(c.min) : `${formatValue(c.min)}–${formatValue(c.max)}`;

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
): { height: number; draw: (x: number, y: number) => string[] }[] {
  const size = commonSize(input.cells);
  const what = capitalFirst(counting(input));
  const title = size === null ? `${what} per cell` : `${what} per ${kmLabel(size / 1000)} cell`;
  const titleLines = wrapWords(title, LEGEND_WIDTH, FONT_SIZE, true, 2);
  const rows: { height: number; draw: (x: number, y: number) => string[] }[] = [
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
        text(x + 26, y + 17, topCount === 1 ? 'Highest cell' : `Highest ${topCount} cells`),
      ],
    });
  }
  const places = input.places;
  if (places && places.places.length > 0) {
    const label = `${capitalFirst(places.kind)}s${places.approximate ? ' (approximate)' : ''}`;
    const lines = wrapWords(label, LEGEND_WIDTH - 26, FONT_SIZE);
    rows.push({
      height: 6 + lines.length * 14,
      draw: (x, y) => [
        el('line', {
          x1: x,
          y1: y + 13,
          x2: x + 18,
          y2: y + 13,
          stroke: PLACE_STROKE,
          'stroke-width': 1,
        }),
        ...lines.map((l, i) => text(x + 26, y + 17 + i * 14, l)),
      ],
    });
  }
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
  const top = Math.min(3, input.cells.filter((c) => c.count > 0).length);
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
  const dx = Math.max(b.x1 - b.x0, 1);
  const dy = Math.max(b.y1 - b.y0, 1);
  const s = Math.min((mapRight - mapLeft) / dx, (mapBottom - mapTop) / dy);
  const ox = mapLeft + (mapRight - mapLeft - dx * s) / 2;
  const oy = mapTop + (mapBottom - mapTop - dy * s) / 2;
  const px = (x: number) => ox + (x - b.x0) * s;
  const py = (y: number) => oy + (b.y1 - y) * s;

  const ringPath = (ring: Ring) => {
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
      fill: classes[classIndex(classes, c.count)]?.colour ?? SEQUENTIAL_5[4],
    }),
  );

  const top = [...shaded].sort((a, c) => c.count - a.count || c.y - a.y || a.x - c.x).slice(0, 3);
  const badges = topBadges(top, px, py, s);

  const places = input.places?.places ?? [];
  const placeLines = places.map((p) =>
    el('path', {
      d: p.outline.map(ringPath).join(''),
      fill: 'none',
      stroke: PLACE_STROKE,
      'stroke-width': 0.8,
      'stroke-linejoin': 'round',
    }),
  );
  const within = input.outline.map((ring) => ring.map(([x, y]) => [px(x), py(y)] as const));
  const legendX = width - PAD - LEGEND_WIDTH;
  const rows = keyRows(classes, input, top.length);
  const legendParts: string[] = [];
  let ly = mapTop;
  for (const r of rows) {
    legendParts.push(...r.draw(legendX, ly));
    ly += r.height;
  }
  const keyTop = ly + 4 + FURNITURE_HEIGHT + 8;
  const names = placeNames(
    places,
    input.places?.kind ?? '',
    shaded,
    classes,
    badges.boxes,
    within,
    px,
    py,
    s,
    { x0: mapLeft, y0: mapTop, x1: mapRight, y1: mapBottom },
    { x: legendX, y: keyTop, height: mapBottom - keyTop },
  );

  return svgDocument({
    id,
    width,
    height,
    title: input.title,
    desc: describe(input.title, input, top),
    body: [
      head?.markup ?? '',
      outlineD === ''
        ? ''
        : el('path', { d: outlineD, fill: '#fafafa', stroke: 'none', 'fill-rule': 'evenodd' }),
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
 * The places' names, in halo text, where they fit: never over the numbered cells or another
 * name, covering as few shaded cells as they can (the darker, the more it counts). A place whose
 * name does not fit gets a letter in its place (A, B, … in the order of the names), keyed below
 * the scale bar, when the key has room for all of them: so every place is identified and a
 * reader can find a ward the text names. On a map too small for that key, only the names that
 * fit are drawn (the largest places first), and no letter.
 */
function placeNames(
  places: readonly MapPlace[],
  kind: string,
  shaded: readonly HotspotCell[],
  classes: readonly HotspotClass[],
  hard: readonly Box[],
  within: readonly PxRing[],
  px: (x: number) => number,
  py: (y: number) => number,
  s: number,
  frame: Box,
  keyRoom: { x: number; y: number; height: number },
): { onMap: string[]; key: string[] } {
  if (places.length === 0) return { onMap: [], key: [] };
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
  const soft = (box: Box) => {
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
  const areas: AreaToName[] = places.map((p) => ({
    name: p.name,
    rings: p.outline.map((ring) => ring.map(([x, y]) => [px(x), py(y)] as const)),
  }));
  const halo = {
    fill: INK.axis,
    stroke: INK.background,
    'stroke-width': 3,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
  };
  const draw = (n: PlacedName) =>
    n.lines.map((line, i) =>
      text(n.x, n.y + i * FONT_SIZE * NAME_LEADING, line, { 'text-anchor': 'middle', ...halo }),
    );
  const unnamed = (done: readonly PlacedName[]) => {
    const ids = new Set(done.map((n) => n.id));
    return areas.filter((a) => !ids.has(a.name) && a.name.trim() !== '');
  };
  // Names inside their own areas first; then, for an area with no room inside, a name centred
  // well inside it that crosses into its neighbours, within the map's outline.
  const inside = placeAreaNames(areas, FONT_SIZE, frame, { hard, soft });
  const crossing = placeAreaNames(unnamed(inside), FONT_SIZE, frame, {
    hard: [...hard, ...inside.map((n) => n.box)],
    soft,
    within,
  });
  const named = [...inside, ...crossing];
  const onMap = named.flatMap(draw);
  const taken = named.map((n) => n.box);
  const rest = unnamed(named).sort((a, b) => a.name.localeCompare(b.name));

  // The rest lettered in the order of their names, when the key below the scale bar holds them
  // all (a letter that fits nowhere, under a numbered cell, is left out).
  const heading = wrapWords(`${capitalFirst(kind)}s lettered on the map`, LEGEND_WIDTH, FONT_SIZE);
  const rowCount = rest.reduce(
    (n, a) => n + wrapWords(a.name, LEGEND_WIDTH - 18, FONT_SIZE).length,
    heading.length,
  );
  const key: string[] = [];
  if (rest.length > 0 && rest.length <= 26 && rowCount * 14 <= keyRoom.height) {
    // Placed as the widest letter, so any letter fits where one was placed.
    const spots = placeAreaNames(
      rest.map((a) => ({ name: 'W', id: a.name, rings: a.rings })),
      FONT_SIZE,
      frame,
      { hard: [...hard, ...taken], soft, within },
      true,
    );
    const at = new Map<string, { x: number; y: number; leader: string[] }>(
      spots.map((p) => [p.id, { x: p.x, y: p.y, leader: [] }]),
    );
    // An area too crowded for its letter (a small one under the numbered cells) has it beside
    // it, on a short leader from the point farthest inside it.
    const letterBoxes = spots.map((p) => p.box);
    for (const a of rest.filter((r) => !at.has(r.name))) {
      const beside = letterBeside(a.rings, frame, [...hard, ...taken, ...letterBoxes]);
      if (beside === null) continue;
      letterBoxes.push(beside.box);
      at.set(a.name, beside);
    }
    const lettered = rest.filter((a) => at.has(a.name));
    if (lettered.length > 0) {
      key.push(
        ...heading.map((l, i) => text(keyRoom.x, keyRoom.y + 10 + i * 14, l, { fill: INK.muted })),
      );
    }
    let y = keyRoom.y + 10 + heading.length * 14;
    for (const [i, a] of lettered.entries()) {
      const letter = String.fromCharCode(65 + i);
      const spot = at.get(a.name)!;
      onMap.push(
        ...spot.leader,
        text(spot.x, spot.y, letter, { 'text-anchor': 'middle', 'font-weight': 'bold', ...halo }),
      );
      key.push(text(keyRoom.x, y, letter, { 'font-weight': 'bold' }));
      const lines = wrapWords(a.name, LEGEND_WIDTH - 18, FONT_SIZE);
      for (const [j, line] of lines.entries()) key.push(text(keyRoom.x + 18, y + j * 14, line));
      y += lines.length * 14;
    }
  }
  return { onMap, key };
}

/**
 * A letter's place beside a small area: 16 to 40 px from the point farthest inside it, in one of
 * eight directions, clear of the obstacles and inside the frame; with its leader (a grey line on
 * a white halo) from that point to the letter's box. Null when there is none.
 */
function letterBeside(
  rings: readonly PxRing[],
  frame: Box,
  obstacles: readonly Box[],
): { x: number; y: number; box: Box; leader: string[] } | null {
  const points = rings.flat();
  const [x0, x1] = extent(points, (p) => p[0]);
  const [y0, y1] = extent(points, (p) => p[1]);
  if (x0 === undefined || x1 === undefined || y0 === undefined || y1 === undefined) return null;
  let pole: [number, number] | null = null;
  let deepest = -1;
  for (let i = 0; i <= 14; i++) {
    for (let j = 0; j <= 14; j++) {
      const [x, y] = [x0 + ((x1 - x0) * i) / 14, y0 + ((y1 - y0) * j) / 14];
      if (!insideRings(rings, x, y)) continue;
      const d = distanceToEdge(rings, x, y);
      if (d > deepest) [pole, deepest] = [[x, y], d];
    }
  }
  if (pole === null) return null;
  const [px0, py0] = pole;
  const w = textWidth('W', FONT_SIZE, true) + 2;
  const h = FONT_SIZE;
  for (const d of [16, 24, 32, 40]) {
    for (let k = 0; k < 8; k++) {
      const angle = -Math.PI / 2 + (k * Math.PI) / 4;
      const cx = px0 + d * Math.cos(angle);
      const cy = py0 + d * Math.sin(angle);
      const box = { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 };
      if (box.x0 < frame.x0 || box.x1 > frame.x1 || box.y0 < frame.y0 || box.y1 > frame.y1)
        continue;
      if (obstacles.some((o) => o.x0 < box.x1 && box.x0 < o.x1 && o.y0 < box.y1 && box.y0 < o.y1))
        continue;
      // The leader ends at the box's edge, towards the point.
      const t = Math.min(w / 2 / Math.abs(cx - px0 || 1e-9), h / 2 / Math.abs(cy - py0 || 1e-9));
      const ex = cx + (px0 - cx) * Math.min(1, t);
      const ey = cy + (py0 - cy) * Math.min(1, t);
      const line = (stroke: string, width: number) =>
        el('line', { x1: px0, y1: py0, x2: ex, y2: ey, stroke, 'stroke-width': width });
      return {
        x: cx,
        y: cy - h / 2 + FONT_SIZE * 0.76,
        box,
        leader: [line(INK.background, 3), line(INK.axis, 1)],
      };
    }
  }
  return null;
}

/**
 * The top cells outlined, each with a numbered badge beside it on a short leader, so the badge
 * does not hide the cell's shade; a badge that would cover an earlier one tries the next spot.
 * Returns the markup and the boxes of the badges and cells (which no name may cover).
 */
function topBadges(
  top: readonly HotspotCell[],
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
  const markup = top.map((c, i) => {
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
    return mark + badge(bx, by, String(i + 1));
  });
  return { markup, boxes };
}
