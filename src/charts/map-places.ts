/**
 * The places a map outlines and names over its data (wards, or a force's districts): their
 * outlines, the key's row for them, and their names placed where they fit (area-names.ts), with
 * letters keyed beside the map for those that do not. Shared by the hotspot map and the
 * choropleth, so a ward looks and is named the same on both.
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
import type { Box } from './labels.js';
import type { Ring } from './map-projection.js';
import { INK } from './palette.js';
import { el, FONT_SIZE, group, svgDocument, text } from './svg.js';
import { capitalise, textWidth, wrapWords } from './text.js';

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

/** A row of a map's key: its height, and its markup drawn from a top-left corner. */
export interface KeyRow {
  height: number;
  draw: (x: number, y: number) => string[];
}

/** The key's rows drawn one under another from (x, y): their markup, and where they end. */
export function stackKeyRows(
  rows: readonly KeyRow[],
  x: number,
  y: number,
): { parts: string[]; bottom: number } {
  const parts: string[] = [];
  let bottom = y;
  for (const r of rows) {
    parts.push(...r.draw(x, bottom));
    bottom += r.height;
  }
  return { parts, bottom };
}

/** How the places' outlines are drawn. */
export interface PlaceStyle {
  stroke: string;
  width: number;
}

/** Over a hotspot map's cells: a mid grey, lighter than the area's own outline. */
export const PLACE_STYLE: PlaceStyle = { stroke: '#6f6f6f', width: 0.8 };

/** Each place's outline, unfilled. */
export function placeOutlines(
  places: readonly MapPlace[],
  ringPath: (ring: Ring) => string,
  style: PlaceStyle = PLACE_STYLE,
): string[] {
  return places.map((p) =>
    el('path', {
      d: p.outline.map(ringPath).join(''),
      fill: 'none',
      stroke: style.stroke,
      'stroke-width': style.width,
      'stroke-linejoin': 'round',
    }),
  );
}

/** The key's row for the places ("Wards (approximate)" beside a line), or null for none. */
export function placesKeyRow(
  places: MapPlaces | null | undefined,
  width: number,
  style: PlaceStyle = PLACE_STYLE,
): KeyRow | null {
  if (!places || places.places.length === 0) return null;
  const label = `${capitalise(places.kind)}s${places.approximate ? ' (approximate)' : ''}`;
  const lines = wrapWords(label, width - 26, FONT_SIZE);
  return {
    height: 6 + lines.length * 14,
    draw: (x, y) => [
      el('line', {
        x1: x,
        y1: y + 13,
        x2: x + 18,
        y2: y + 13,
        stroke: style.stroke,
        'stroke-width': Math.max(1, style.width),
      }),
      ...lines.map((l, i) => text(x + 26, y + 17 + i * 14, l)),
    ],
  };
}

/**
 * The places' names, in halo text, where they fit: never over what the map marks (`hard`:
 * numbered cells) or another name, covering as little of what it shades as they can (`soft`).
 * A place whose name does not fit gets a letter in its place (A, B, … in the order of the names), keyed below
 * the scale bar, when the key has room for all of them: so every place is identified and a
 * reader can find a ward the text names. On a map too small for that key, only the names that
 * fit are drawn (the largest places first), and no letter.
 */
export function placeNames(
  places: readonly MapPlace[],
  kind: string,
  obstacles: { hard: readonly Box[]; soft: (box: Box) => number },
  within: readonly PxRing[],
  px: (x: number) => number,
  py: (y: number) => number,
  frame: Box,
  keyRoom: { x: number; y: number; width: number; height: number },
): { onMap: string[]; key: string[]; keyBottom: number } {
  if (places.length === 0) return { onMap: [], key: [], keyBottom: keyRoom.y };
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
  const { hard, soft } = obstacles;
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
  const heading = wrapWords(`${capitalise(kind)}s lettered on the map`, keyRoom.width, FONT_SIZE);
  const rowCount = rest.reduce(
    (n, a) => n + wrapWords(a.name, keyRoom.width - 18, FONT_SIZE).length,
    heading.length,
  );
  const key: string[] = [];
  let keyBottom = keyRoom.y;
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
    keyBottom = lettered.length > 0 ? y : keyRoom.y;
    for (const [i, a] of lettered.entries()) {
      const letter = String.fromCharCode(65 + i);
      const spot = at.get(a.name)!;
      onMap.push(
        ...spot.leader,
        text(spot.x, spot.y, letter, { 'text-anchor': 'middle', 'font-weight': 'bold', ...halo }),
      );
      key.push(text(keyRoom.x, y, letter, { 'font-weight': 'bold' }));
      const lines = wrapWords(a.name, keyRoom.width - 18, FONT_SIZE);
      for (const [j, line] of lines.entries()) key.push(text(keyRoom.x + 18, y + j * 14, line));
      y += lines.length * 14;
      keyBottom = y - 10;
    }
  }
  return { onMap, key, keyBottom };
}

/**
 * A map's key on its own, for a page to show at the size of its text where the map itself is
 * drawn small (a phone's width, a page zoomed): the key's rows and the places' letters as the map
 * draws them (`rows`, from its top at `top`; `placeKey` from `placeTop`, drawn under the rows
 * here, as the north arrow and scale bar belong to the map's own scale), in an SVG cropped to
 * them, its font size FONT_SIZE units.
 */
export function keyAlone(o: {
  id: string;
  title: string;
  x: number;
  width: number;
  top: number;
  rowsBottom: number;
  rows: readonly string[];
  placeKey: readonly string[];
  placeTop: number;
  placeBottom: number;
  defs?: string;
}): string {
  const lift = o.placeTop - (o.rowsBottom + 6);
  const bottom = o.placeKey.length > 0 ? o.placeBottom - lift + 4 : o.rowsBottom;
  const pad = 4;
  return svgDocument({
    id: o.id,
    width: o.width + 2 * pad,
    height: bottom - o.top + 2 * pad,
    origin: { x: o.x - pad, y: o.top - pad },
    title: o.title,
    desc: `The key to the map, drawn at the size of the page's text.`,
    body: [
      o.defs ?? '',
      group({ 'data-layer': 'legend' }, o.rows),
      o.placeKey.length > 0
        ? group({ 'data-layer': 'place-key', transform: `translate(0 ${-lift})` }, o.placeKey)
        : '',
    ],
  });
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
