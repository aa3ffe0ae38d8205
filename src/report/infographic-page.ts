/**
 * The infographic's grid for each format. A4, top to bottom: the header band; the two big
 * numbers; the priorities beside the key trends; the hotspot map beside the hidden-figure note
 * over "How to report"; the source and caveats. The social card is squarer and its text larger,
 * so the big numbers stack beside the map, and the note sits beside "How to report" below the
 * priorities and trends. Panels in a row share a height; the map takes whatever height is left,
 * so the page never runs over.
 */
import { max } from 'd3-array';
import {
  changeFitsOneLine,
  tile,
  trendsPanel,
  type Drawn,
  type TileInput,
} from './infographic-figures.js';
import type { InfographicData } from './infographic-types.js';
import {
  footer,
  header,
  MAX_CONTACTS,
  MAX_TRENDS,
  NOTE_TITLE,
  topPriorities,
} from './infographic-chrome.js';
import { LINE_LIMITS, panel, type Metrics } from './infographic-layout.js';
import {
  contactsGrid,
  contactsTable,
  mapPanel,
  mapPanelNeeds,
  notePanel,
  prioritiesPanel,
} from './infographic-panels.js';
import { shortPeriod, yearEarlier } from './infographic-text.js';

interface Page {
  data: InfographicData;
  id: string;
  m: Metrics;
  /** "2024": what the changes compare with. */
  compared: string;
  note: string;
  left: number;
  inner: number;
}

/** What a big-number tile shows. */
function bigNumberInput(p: Page, which: 'crime' | 'asb', wordsBeside: boolean): TileInput {
  const crime = which === 'crime';
  return {
    id: `${p.id}-${which}`,
    title: crime ? 'Recorded crime' : 'Anti-social behaviour',
    subtitles: crime
      ? ['All crime, excluding anti-social behaviour', 'Excluding anti-social behaviour']
      : ['Incidents reported to the police', 'Reported to the police'],
    figure: p.data.totals[which],
    comparedWith: p.compared,
    partial: p.data.partial ?? null,
    wordsBeside,
  };
}

/** The priorities beside the key trends, at y; returns the markup and the row's height. */
function prioritiesAndTrends(p: Page, y: number): Drawn {
  const { m, left, inner } = p;
  const half = (inner - m.gap) / 2;
  const right = left + half + m.gap;
  const priorities = prioritiesPanel(
    topPriorities(p.data),
    left,
    y,
    half,
    m,
    p.data.prioritiesNote ?? null,
  );
  const trends = trendsPanel(
    `${p.id}-trend`,
    p.data.trends.slice(0, MAX_TRENDS),
    p.compared,
    right,
    y,
    half,
    p.data.audience,
    m,
  );
  const h = Math.max(priorities.height, trends.height);
  return {
    markup: [
      panel(left, y, half, h, m),
      priorities.markup,
      panel(right, y, half, h, m),
      trends.markup,
    ].join('\n'),
    height: h,
  };
}

/**
 * The map's panel, drawn only when asked for, and once: pageBody tries many layouts, and most
 * are given up on for their text before their map would be used (drawing it places every area's
 * name, the page's most costly part).
 */
class Later {
  private drawn: string | null = null;
  private readonly draw: () => string;
  constructor(draw: () => string) {
    this.draw = draw;
  }
  get markup(): string {
    this.drawn ??= this.draw();
    return this.drawn;
  }
}

/** A page's markup: text, or a map drawn when needed. */
type Markup = string | Later;

function mapWithPanel(p: Page, x: number, y: number, w: number, h: number): Later {
  return new Later(() => {
    const map = mapPanel(p.id, p.data.hotspot, x, y, w, h, p.data.audience, p.m);
    return `${panel(x, y, w, h, p.m)}\n${map}`;
  });
}

/** Markup, and whether it fitted: everything in its panel, and the map drawn (or "no map"). */
interface Laid {
  markup: Markup[];
  fits: boolean;
  mapShown: boolean;
}

/**
 * The map row, from y to rowBottom: beside the map, the note (if any) over "How to report" with
 * each contact's label above its detail, or beside it when that is too tall; failing both, the
 * note beside the map and "How to report" across the page below; failing that, the same with
 * "no room for the map" in the map's place.
 */
function mapRow(p: Page, y: number, rowBottom: number): Laid {
  const { m, left, inner } = p;
  const a = p.data.audience;
  const contacts = p.data.contacts.slice(0, MAX_CONTACTS);
  const mapW = Math.round(inner * m.mapShare);
  const sideX = left + mapW + m.gap;
  const sideW = inner - mapW - m.gap;
  const hidden = p.note === '' ? null : notePanel(NOTE_TITLE, p.note, sideX, y, sideW, m);
  const out: Markup[] = [];
  const contactsY = hidden === null ? y : y + hidden.height + m.gap;
  const needs = mapPanelNeeds(p.data.hotspot, mapW, a, m);
  const oneColumn: typeof contactsTable = (c, x, y, w, m) => contactsGrid(c, 1, x, y, w, m);
  for (const layout of [oneColumn, contactsTable]) {
    const side = layout(contacts, sideX, contactsY, sideW, m);
    if (rowBottom - y >= needs.map && contactsY + side.height <= rowBottom) {
      if (hidden !== null) out.push(panel(sideX, y, sideW, hidden.height, m), hidden.markup);
      out.push(panel(sideX, contactsY, sideW, rowBottom - contactsY, m), side.markup);
      out.push(mapWithPanel(p, left, y, mapW, rowBottom - y));
      return { markup: out, fits: true, mapShown: true };
    }
  }
  const stripH = contactsGrid(contacts, 4, left, 0, inner, m).height;
  const stripY = rowBottom - stripH;
  out.push(
    panel(left, stripY, inner, stripH, m),
    contactsGrid(contacts, 4, left, stripY, inner, m).markup,
  );
  const mapBottom = stripY - m.gap;
  const mapWidth = hidden === null ? inner : mapW;
  if (hidden !== null) out.push(panel(sideX, y, sideW, mapBottom - y, m), hidden.markup);
  out.push(mapWithPanel(p, left, y, mapWidth, mapBottom - y));
  const room = mapBottom - y;
  const wide = mapPanelNeeds(p.data.hotspot, mapWidth, a, m);
  return {
    markup: out,
    fits: room >= wide.message && (hidden === null || room >= hidden.height),
    mapShown: room >= wide.map,
  };
}

function body(p: Page, top: number, footTop: number): Laid {
  const { m, left, inner } = p;
  const out: Markup[] = [];
  let y = top;
  // The social card has the room for the note beside the big numbers, not beside the map.
  const noteWithTiles = m.format === 'social' && p.note !== '';
  // Two tiles, or two a little wider than the note beside them.
  const widths = noteWithTiles
    ? [0.35, 0.35, 0.3].map((f) => f * (inner - 2 * m.gap))
    : [0.5, 0.5].map((f) => f * (inner - m.gap));
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b + m.gap, 0));
  const at = (i: number) => ({ x: xs[i] ?? left, w: widths[i] ?? 0 });
  const kinds = ['crime', 'asb'] as const;
  const beside = kinds.every((k, i) =>
    changeFitsOneLine(bigNumberInput(p, k, true), at(i).w, p.data.audience, m),
  );
  const tiles = kinds.map((k, i) =>
    tile(bigNumberInput(p, k, beside), at(i).x, y, at(i).w, p.data.audience, m),
  );
  let tileH = max(tiles, (t) => t.height) ?? 0;
  if (noteWithTiles) {
    const note = notePanel(NOTE_TITLE, p.note, at(2).x, y, at(2).w, m, tileH);
    tiles.push(note);
    tileH = Math.max(tileH, note.height);
  }
  tiles.forEach((t, i) => out.push(panel(at(i).x, y, at(i).w, tileH, m), t.markup));
  y += tileH + m.gap;
  const middle = prioritiesAndTrends(p, y);
  out.push(middle.markup);
  y += middle.height + m.gap;
  const row = mapRow(noteWithTiles ? { ...p, note: '' } : p, y, footTop - m.gap);
  return { ...row, markup: [...out, ...row.markup] };
}

/**
 * Whether any text on the page was cut short (wrapText ends a cut text with an ellipsis): the
 * text first, the map (drawn now if not yet) only when no text was.
 */
const cutShort = (markup: readonly Markup[]) =>
  markup.some((m) => typeof m === 'string' && m.includes('…</text>')) ||
  markup.some((m) => m instanceof Later && m.markup.includes('…</text>'));

const drawn = (markup: readonly Markup[]): string[] =>
  markup.map((m) => (typeof m === 'string' ? m : m.markup));

/**
 * The ways the page may make room, in the order it tries them, before it tightens a line limit:
 * the map's least height as a share of its usual one (drawn smaller rather than cut a text); the
 * space between and inside panels, as a share of the usual; and how much narrower than its usual
 * share of its row the map is drawn, to widen the note and "How to report" beside it.
 */
const ROOM = {
  mapMinShare: [1, 0.8, 0.65],
  spacing: [1, 0.8],
  mapNarrower: [0, 0.06, 0.12],
} as const;

/** The metrics to try, in order: the usual first, then each way of making room, then tighter lines. */
function candidates(format: Metrics): Metrics[] {
  return ROOM.mapMinShare.flatMap((mapMinShare) =>
    ROOM.spacing.flatMap((spacing) =>
      ROOM.mapNarrower.flatMap((narrower) =>
        LINE_LIMITS.map((lines) => ({
          ...format,
          lines,
          mapMinShare,
          gap: format.gap * spacing,
          pad: format.pad * spacing,
          mapShare: format.mapShare - narrower,
        })),
      ),
    ),
  );
}

/**
 * Everything on the page after the root element's title and description: laid out with the
 * first candidate metrics that fit with the map drawn and no text cut short (the usual sizes and
 * line limits, then a smaller map, tighter spacing, a narrower map, tighter line limits); failing
 * all, the first at the usual sizes that fit with the map drawn (some text cut), or failing that
 * the first that fit at all.
 */
export function pageBody(
  data: InfographicData,
  id: string,
  period: string,
  format: Metrics,
): string[] {
  let withMap: Markup[] | null = null;
  let fallback: Markup[] | null = null;
  let last: Markup[] = [];
  for (const m of candidates(format)) {
    const p: Page = {
      data,
      id,
      m,
      compared: data.comparedWords ?? shortPeriod(data.comparedWith ?? yearEarlier(data.period)),
      note: data.hiddenFigure?.trim() ?? '',
      left: m.margin,
      inner: m.width - 2 * m.margin,
    };
    const head = header(data, period, m);
    const foot = footer(data, m);
    const footTop = m.height - m.margin * 0.7 - foot.height;
    const laid = body(p, head.height + m.gap * 1.25, footTop);
    const page = [head.markup, ...laid.markup, foot.draw(footTop)];
    if (laid.fits && laid.mapShown && !cutShort(page)) return drawn(page);
    const usual = m.mapMinShare === 1 && m.gap === format.gap && m.mapShare === format.mapShare;
    if (!usual) continue;
    if (laid.fits && laid.mapShown) withMap ??= page;
    if (laid.fits) fallback ??= page;
    last = page;
  }
  return drawn(withMap ?? fallback ?? last);
}
