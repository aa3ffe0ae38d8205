/**
 * A choropleth map of small areas (LSOAs): each area shaded by its value (a rate, a count) in up
 * to five classes on the light-to-dark colour-blind-safe ramp, by natural breaks shown as
 * contiguous ranges (classes.ts, as the hotspot map's); an area with no value hatched grey and
 * keyed "No data", never shaded as if it were low. British National Grid metres, north up, the
 * same scale both ways (map-projection.ts); wards (or districts) outlined over the areas and named
 * as on the hotspot map (map-places.ts); a north arrow and a scale bar.
 *
 * Each area's path carries its code (`data-code`, for a page's script) and a `<title>` with its
 * name and value, which a browser shows on hover (and on focus, with `focusable`). The alt text
 * gives the range and names the highest areas.
 */
import { max, min } from 'd3-array';

import { footnote, heading, noDataChart, PAD } from './layout.js';
import { classIndex, rampClasses, rangeLabel } from './classes.js';
import type { RampClass } from './classes.js';
import { FURNITURE_HEIGHT, northAndScale } from './map-furniture.js';
import {
  keyAlone,
  placeNames,
  placeOutlines,
  placesKeyRow,
  stackKeyRows,
  type KeyRow,
  type MapPlaces,
  type PlaceStyle,
} from './map-places.js';
import { extendBounds, fitMap, type Bounds, type Ring } from './map-projection.js';
import { INK } from './palette.js';
import { chartId, chartSize, el, escapeXml, FONT_SIZE, group, svgDocument, text } from './svg.js';
import { capitalise, formatValue, listJoin, plural, wrapWords } from './text.js';

export interface ChoroplethArea {
  /** The area's code (an LSOA's "E01023780"): the path's data-code. */
  code: string;
  /** The area's name ("Three Rivers 012C"). */
  name: string;
  /** Rings of [east, north] points in metres; holes are drawn as holes (even-odd rule). */
  outline: readonly Ring[];
  /** null: no value for the area (hatched, keyed "No data"); never drawn as the lowest class. */
  value: number | null;
  /** Words after the name, in brackets, in its tooltip and the alt text (its ward, a street). */
  label?: string;
}

export interface ChoroplethMapInput {
  id: string;
  title: string;
  areas: readonly ChoroplethArea[];
  /** What the value is, plural, lower case: "crimes per 1,000 residents". */
  valueLabel: string;
  /** Wards (or districts) outlined and named over the areas. */
  places?: MapPlaces | null;
  width?: number;
  height?: number;
  /** Draw the title as a visible heading (default true; a page panel with its own may not). */
  heading?: boolean;
  /** A sentence of small print under the map (the source, the period); the places' note follows. */
  note?: string;
  /** Make each area focusable (tabindex 0), so a keyboard user can read its tooltip. */
  focusable?: boolean;
  /**
   * Points drawn over the areas (police.uk's anonymised map points, each with the records snapped
   * to it), in metres east and north, sized by their count; keyed with `pointsLabel`.
   */
  points?: readonly MapPoint[];
  /** What a point is, for the key and the alt text ("map points, sized by records"). */
  pointsLabel?: string;
  /**
   * Sites drawn over everything, numbered in order (suggested camera sites), each with the
   * circle it covers (`radius`, metres); keyed with `sitesLabel`.
   */
  sites?: readonly { x: number; y: number; radius: number }[];
  sitesLabel?: string;
  /** 'key': the map's key alone, for a page to show at text size (map-places.ts keyAlone). */
  part?: 'map' | 'key';
}

export interface MapPoint {
  x: number;
  y: number;
  count: number;
}

/** A point's radius in px: its area grows with its count. */
const pointRadius = (count: number) => 1.2 + 0.9 * Math.sqrt(Math.max(0, count));

const LEGEND_WIDTH = 150;
/** A point over the shades: dark, half see-through, with a white edge to part neighbours. */
/** A suggested site: vermillion, apart from the blues of the shades. */
const SITE_COLOUR = '#b23a00';
const POINT_STYLE = {
  fill: '#1a1a1a',
  'fill-opacity': 0.55,
  stroke: '#ffffff',
  'stroke-width': 0.5,
};
const ROW = 16;
/** The borders between areas: thin and white, so the shades read as one surface. */
const AREA_BORDER = { stroke: INK.background, 'stroke-width': 0.5, 'stroke-linejoin': 'round' };
/** Wards over the shades: dark on a white halo, to show on the lightest and the darkest alike. */
const WARD_STYLE: PlaceStyle = { stroke: INK.axis, width: 1.2 };
const WARD_HALO: PlaceStyle = { stroke: INK.background, width: 3 };
const HATCH = '#8a8a8a';

/** "Three Rivers 012C (South Oxhey)". */
const areaName = (a: ChoroplethArea) =>
  a.label !== undefined && a.label.trim() !== '' ? `${a.name} (${a.label.trim()})` : a.name;

function tooltip(a: ChoroplethArea, valueLabel: string): string {
  return a.value === null
    ? `${areaName(a)}: no data`
    : `${areaName(a)}: ${formatValue(a.value)} ${valueLabel}`.trimEnd();
}

function checked(areas: readonly ChoroplethArea[]): void {
  const codes = new Set<string>();
  for (const a of areas) {
    if (codes.has(a.code)) throw new RangeError(`areas: ${a.code} appears more than once`);
    codes.add(a.code);
    if (a.value !== null && !Number.isFinite(a.value)) {
      throw new RangeError(`areas: ${a.code}: value must be a number or null, got ${a.value}`);
    }
  }
}

function boundsOf(input: ChoroplethMapInput): Bounds | null {
  let b: Bounds | null = null;
  for (const a of input.areas)
    for (const ring of a.outline) for (const [x, y] of ring) b = extendBounds(b, x, y);
  if (b === null) return null;
  // The places too, where they reach beyond the areas (an approximate ward outline).
  for (const p of input.places?.places ?? [])
    for (const ring of p.outline) for (const [x, y] of ring) b = extendBounds(b, x, y);
  return b;
}

/** The highest three areas, highest first (ties by name, so the same every time). */
function highest(areas: readonly ChoroplethArea[]): ChoroplethArea[] {
  return areas
    .filter((a) => a.value !== null)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.name.localeCompare(b.name))
    .slice(0, 3);
}

function describe(input: ChoroplethMapInput): string {
  const valued = input.areas.filter((a) => a.value !== null);
  const missing = input.areas.length - valued.length;
  const places = input.places?.places.length
    ? ` ${capitalise(input.places.kind)} boundaries${input.places.approximate ? ' (approximate)' : ''} are drawn over the areas.`
    : '';
  if (valued.length === 0) {
    return `${input.title}: no data for any of the ${plural(input.areas.length, 'area')}.${places}`;
  }
  const values = valued.map((a) => a.value ?? 0);
  const low = min(values) ?? 0;
  const high = max(values) ?? 0;
  const what = input.valueLabel.trim() === '' ? '' : ` by ${input.valueLabel.trim()}`;
  const top = highest(input.areas).map((a) => `${formatValue(a.value ?? 0)} in ${areaName(a)}`);
  const range =
    low === high
      ? `, all ${formatValue(low)}`
      : `, from ${formatValue(low)} to ${formatValue(high)}`;
  const noData = missing > 0 ? ` No data for ${plural(missing, 'area')} (hatched grey).` : '';
  const points =
    input.points && input.points.length > 0
      ? ` ${plural(input.points.length, 'point')} drawn over them (${input.pointsLabel ?? 'sized by count'}).`
      : '';
  const sites =
    input.sites && input.sites.length > 0
      ? ` ${plural(input.sites.length, 'site')} numbered over them (${input.sitesLabel ?? 'sites'}).`
      : '';
  return (
    `${input.title}: ${plural(valued.length, 'area')} shaded${what}${range}. ` +
    `Highest: ${listJoin(top)}.${noData}${places}${points}${sites}`
  );
}

/** The hatching for "no data": grey diagonal lines on the grey of a missing month. */
function hatchPattern(patternId: string): string {
  return el(
    'defs',
    {},
    el(
      'pattern',
      {
        id: patternId,
        patternUnits: 'userSpaceOnUse',
        width: 6,
        height: 6,
        patternTransform: 'rotate(45)',
      },
      el('rect', { width: 6, height: 6, fill: INK.missing }),
      el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: HATCH, 'stroke-width': 1.5 }),
    ),
  );
}

/** The key's rows, top to bottom: the value's name, the classes highest first, no data, places. */
/** A key row of a marker (drawn centred at x, y) and its words, wrapped. */
function markerRow(label: string, marker: (x: number, y: number) => string): KeyRow {
  const words = wrapWords(capitalise(label), LEGEND_WIDTH - 26, FONT_SIZE, false, 3);
  return {
    height: Math.max(ROW, 4 + words.length * 13),
    draw: (x, y) => [
      marker(x + 9, y + 6),
      ...words.map((l, i) => text(x + 26, y + 10 + i * 13, l)),
    ],
  };
}

function keyRows(
  classes: readonly RampClass[],
  input: ChoroplethMapInput,
  noDataFill: string | null,
): KeyRow[] {
  const titleLines = wrapWords(
    capitalise(input.valueLabel.trim()),
    LEGEND_WIDTH,
    FONT_SIZE,
    true,
    3,
  );
  const rows: KeyRow[] = [
    {
      height: 6 + titleLines.length * 14,
      draw: (x, y) =>
        titleLines.map((l, i) => text(x, y + 10 + i * 14, l, { 'font-weight': 'bold' })),
    },
  ];
  for (const c of [...classes].reverse()) {
    rows.push({
      height: ROW,
      draw: (x, y) => [
        el('rect', { x, y, width: 18, height: 12, fill: c.colour, stroke: INK.frame }),
        text(x + 26, y + 10, rangeLabel(c)),
      ],
    });
  }
  if (noDataFill !== null) {
    rows.push({
      height: ROW,
      draw: (x, y) => [
        el('rect', { x, y, width: 18, height: 12, fill: noDataFill, stroke: INK.frame }),
        text(x + 26, y + 10, 'No data'),
      ],
    });
  }
  if (input.points && input.points.length > 0)
    rows.push(
      markerRow(input.pointsLabel ?? 'points, sized by count', (x, y) =>
        el('circle', { cx: x, cy: y, r: pointRadius(4), ...POINT_STYLE }),
      ),
    );
  if (input.sites && input.sites.length > 0)
    rows.push(
      markerRow(input.sitesLabel ?? 'sites, numbered', (x, y) =>
        el('circle', { cx: x, cy: y, r: 6, fill: SITE_COLOUR, stroke: '#ffffff' }),
      ),
    );
  const places = placesKeyRow(input.places, LEGEND_WIDTH, WARD_STYLE);
  if (places !== null) rows.push(places);
  return rows;
}

const keyHeight = (rows: readonly KeyRow[]) =>
  rows.reduce((h, r) => h + r.height, 0) + 4 + FURNITURE_HEIGHT;

const footnoteText = (input: ChoroplethMapInput) =>
  [input.note ?? '', input.places?.note ?? ''].filter((s) => s.trim() !== '').join(' ');

/**
 * The least height at which a map of this width draws its whole key above its footnote: a page
 * that fits the map to a panel draws it at least this tall (and scales it down).
 */
export function choroplethMapMinHeight(input: ChoroplethMapInput, width: number): number {
  const classes = rampClasses(input.areas.flatMap((a) => (a.value === null ? [] : [a.value])));
  const hasMissing = input.areas.some((a) => a.value === null);
  const head = input.heading === false ? PAD : heading(input.title, width).bottom + 6;
  const foot = footnote(footnoteText(input), width, 0).height;
  const rows = keyRows(classes, input, hasMissing ? 'none' : null);
  return Math.ceil(head + keyHeight(rows) + 6 + foot + PAD);
}

export function choroplethMap(input: ChoroplethMapInput): string {
  const id = chartId(input.id);
  const { width, height } = chartSize(
    input.width,
    input.height,
    { width: 640, height: 520 },
    { width: 360, height: 240 },
  );
  checked(input.areas);
  const b = boundsOf(input);
  if (b === null) {
    return noDataChart({ id, title: input.title, width, height, desc: `${input.title}: no data.` });
  }

  const head = input.heading === false ? null : heading(input.title, width);
  const foot = footnote(footnoteText(input), width, height);
  const frame = {
    x0: PAD,
    y0: head === null ? PAD : head.bottom + 6,
    x1: width - PAD - LEGEND_WIDTH - 12,
    y1: height - PAD - foot.height - (foot.height > 0 ? 10 : 0),
  };
  const { s, px, py, ringPath, toPx } = fitMap(b, frame);

  const classes = rampClasses(input.areas.flatMap((a) => (a.value === null ? [] : [a.value])));
  const keyOnly = input.part === 'key';
  const hatchId = `${id}${keyOnly ? '-key' : ''}-no-data`;
  const hasMissing = input.areas.some((a) => a.value === null);
  const areaPaths = input.areas.flatMap((a) => {
    const d = a.outline.map(ringPath).join('');
    if (d === '') return [];
    const fill =
      a.value === null
        ? `url(#${hatchId})`
        : (classes[classIndex(classes, a.value)]?.colour ?? INK.missing);
    return [
      el(
        'path',
        {
          d,
          fill,
          ...AREA_BORDER,
          'data-code': a.code,
          tabindex: input.focusable === true ? '0' : undefined,
        },
        el('title', {}, escapeXml(tooltip(a, input.valueLabel.trim()))),
      ),
    ];
  });

  const places = input.places?.places ?? [];
  const legendX = width - PAD - LEGEND_WIDTH;
  const rows = keyRows(classes, input, hasMissing ? `url(#${hatchId})` : null);
  const { parts: legendParts, bottom: ly } = stackKeyRows(rows, legendX, frame.y0);
  const keyTop = ly + 4 + FURNITURE_HEIGHT + 8;
  const names = placeNames(
    places,
    input.places?.kind ?? '',
    { hard: [], soft: () => 0 },
    input.areas.flatMap((a) => a.outline.map(toPx)),
    px,
    py,
    frame,
    { x: legendX, y: keyTop, width: LEGEND_WIDTH, height: frame.y1 - keyTop },
  );
  if (keyOnly)
    return keyAlone({
      id: `${id}-key`,
      title: `Key: ${input.title}`,
      x: legendX,
      width: LEGEND_WIDTH,
      top: frame.y0,
      rowsBottom: ly,
      rows: legendParts,
      placeKey: names.key,
      placeTop: keyTop,
      placeBottom: names.keyBottom,
      defs: hasMissing ? hatchPattern(hatchId) : '',
    });

  return svgDocument({
    id,
    width,
    height,
    title: input.title,
    desc: describe(input),
    body: [
      head?.markup ?? '',
      hasMissing ? hatchPattern(hatchId) : '',
      group({ 'data-layer': 'areas', 'fill-rule': 'evenodd' }, areaPaths),
      group({ 'data-layer': 'places', 'fill-rule': 'evenodd' }, [
        ...placeOutlines(places, ringPath, WARD_HALO),
        ...placeOutlines(places, ringPath, WARD_STYLE),
      ]),
      group(
        { 'data-layer': 'points' },
        (input.points ?? []).map((p) =>
          el('circle', { cx: px(p.x), cy: py(p.y), r: pointRadius(p.count), ...POINT_STYLE }),
        ),
      ),
      group({ 'data-layer': 'place-names' }, names.onMap),
      group({ 'data-layer': 'sites' }, siteMarks(input.sites ?? [], px, py, s, frame)),
      group({ 'data-layer': 'legend' }, legendParts),
      northAndScale(legendX, ly + 4, LEGEND_WIDTH, s),
      names.key.length > 0 ? group({ 'data-layer': 'place-key' }, names.key) : '',
      foot.markup,
    ],
  });
}

const SITE_R = 7;

/**
 * The sites: each one's circle of view, then its numbered badge, at the site, or where sites lie
 * closer than two badges, moved off it (the nearest free spot round it, inside the map's frame)
 * on a leader line from a dot at the site: every number legible (QA: sites 4 px apart hid one
 * another's numbers). Badges are drawn after every circle and leader, so none hides a number.
 */
function siteMarks(
  sites: readonly { x: number; y: number; radius: number }[],
  px: (x: number) => number,
  py: (y: number) => number,
  s: number,
  frame: { x0: number; y0: number; x1: number; y1: number },
): string[] {
  const at = sites.map((site) => ({ x: px(site.x), y: py(site.y), r: site.radius }));
  const apart = SITE_R * 2 + 2;
  const placed: { x: number; y: number }[] = [];
  const inside = (x: number, y: number) =>
    x - SITE_R >= frame.x0 &&
    x + SITE_R <= frame.x1 &&
    y - SITE_R >= frame.y0 &&
    y + SITE_R <= frame.y1;
  const free = (x: number, y: number) =>
    placed.every((p) => Math.hypot(x - p.x, y - p.y) >= apart) &&
    // Nor over another site's own point, where its leader starts.
    at.every((p) => (p.x === x && p.y === y) || Math.hypot(x - p.x, y - p.y) >= SITE_R + 2);
  const spots = at.map((site) => {
    const tries: [number, number][] = [[0, 0]];
    for (const d of [apart + 2, apart * 1.6, apart * 2.3, apart * 3])
      for (let k = 0; k < 12; k++) {
        const a = -Math.PI / 2 + (k * Math.PI) / 6;
        tries.push([d * Math.cos(a), d * Math.sin(a)]);
      }
    const [dx, dy] = tries.find(
      ([dx, dy]) => inside(site.x + dx, site.y + dy) && free(site.x + dx, site.y + dy),
    ) ??
      tries.find(([dx, dy]) => free(site.x + dx, site.y + dy)) ?? [0, 0];
    const spot = { x: site.x + dx, y: site.y + dy };
    placed.push(spot);
    return spot;
  });
  const circles = at.map((site) =>
    el('circle', {
      cx: site.x,
      cy: site.y,
      r: Math.max(3, site.r * s),
      fill: 'none',
      stroke: SITE_COLOUR,
      'stroke-width': 1.5,
    }),
  );
  const leaders = at.flatMap((site, i) => {
    const spot = spots[i]!;
    if (spot.x === site.x && spot.y === site.y) return [];
    const line = (stroke: string, w: number) =>
      el('line', { x1: site.x, y1: site.y, x2: spot.x, y2: spot.y, stroke, 'stroke-width': w });
    return [
      line('#ffffff', 3),
      line(SITE_COLOUR, 1.5),
      el('circle', { cx: site.x, cy: site.y, r: 2.5, fill: SITE_COLOUR, stroke: '#ffffff' }),
    ];
  });
  const badges = spots.flatMap((spot, i) => [
    el('circle', { cx: spot.x, cy: spot.y, r: SITE_R, fill: SITE_COLOUR, stroke: '#ffffff' }),
    text(spot.x, spot.y + 3.5, String(i + 1), {
      'font-size': 10,
      'font-weight': 'bold',
      fill: '#ffffff',
      'text-anchor': 'middle',
    }),
  ]);
  return [...circles, ...leaders, ...badges];
}
