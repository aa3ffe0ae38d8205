/**
 * The infographic's word panels and its map: the numbered priorities with their band chips, the
 * hotspot map (the charts' hotspotMap nested in the panel, its own heading cropped off because
 * the panel has one), the hidden-figure note and "How to report". Each returns its markup and the
 * height it needs; the map fills the height it is given.
 */
import { max } from 'd3-array';
import { hotspotMap, hotspotMapMinHeight, type HotspotMapInput } from '../charts/hotspot-map.js';
import { PAD } from '../charts/layout.js';
import { el, FONT_SIZE } from '../charts/svg.js';
import type { Drawn } from './infographic-figures.js';
import type { InfographicData } from './infographic-types.js';
import { cellsShown } from './disclosure.js';
import {
  bandChip,
  block,
  blockHeight,
  chipWidth,
  COLOURS,
  line,
  nest,
  panelHeading,
  wrapped,
  type Metrics,
} from './infographic-layout.js';
import { wrapText, type Audience } from './infographic-text.js';

type Priority = InfographicData['priorities'][number];

/** The numbered priorities, each with its band written in a chip. */
export function prioritiesPanel(
  priorities: readonly Priority[],
  x: number,
  y: number,
  w: number,
  m: Metrics,
  note: string | null = null,
): Drawn {
  const left = x + m.pad;
  const right = x + w - m.pad;
  const head = panelHeading(x, y, w, 'Top priorities', m);
  const parts = [head.markup];
  let top = head.bottom + m.body * 0.1;
  const r = m.body * 0.95;
  const chip = chipWidth(m.small);
  const labelX = left + 2 * r + m.body * 0.7;
  const labelW = right - chip - m.body * 0.8 - labelX;
  if (priorities.length === 0) {
    const none = wrapped(
      left,
      top,
      'No priorities set.',
      w - 2 * m.pad,
      {
        size: m.body,
        fill: COLOURS.muted,
      },
      m,
    );
    return { markup: [...parts, none.markup].join('\n'), height: top + none.height + m.pad - y };
  }
  for (const p of priorities) {
    const label = wrapped(
      labelX,
      top,
      p.label,
      labelW,
      { size: m.body, bold: true },
      m,
      m.lines.label,
    );
    const rowH = Math.max(label.height, 2 * r);
    const labelTop = top + (rowH - label.height) / 2;
    const mid = top + rowH / 2 - m.body * 0.07;
    parts.push(
      el('circle', { cx: left + r, cy: mid, r, fill: COLOURS.header }),
      line(left + r, mid + m.body * 0.36, String(p.rank), {
        size: m.body,
        bold: true,
        fill: COLOURS.headerText,
        anchor: 'middle',
        field: 'rank',
      }),
      labelTop === top
        ? label.markup
        : wrapped(labelX, labelTop, p.label, labelW, { size: m.body, bold: true }, m, m.lines.label)
            .markup,
      bandChip(right, mid, p.band, m.small),
    );
    top += rowH + m.body * 0.75;
  }
  if (note) {
    const said = wrapped(left, top, note, w - 2 * m.pad, { size: m.small, fill: COLOURS.muted }, m);
    parts.push(said.markup);
    top += said.height + m.body * 0.75;
  }
  return { markup: parts.join('\n'), height: top - m.body * 0.75 + m.pad - y };
}

/** The smallest map drawn, in the chart's own px: hotspotMap's own minimum width. */
const MAP_MIN_WIDTH = 360;

/**
 * The least height of map below the panel heading, in px: about 10 px chart labels on A4 (the
 * map shrinks to fit below the ideal size, and is left out below this), 11 px on the card.
 */
const MAP_AREA_MIN = { a4: 260, social: 240 } as const;
const NO_MAP = 'No map: locations are not available for this period.';
/**
 * A contact's number or address is never cut: a number missing its last digits is no number. It
 * wraps to the lines it needs, and the page finds the room (pageBody).
 */
const DETAIL_LINES = Number.POSITIVE_INFINITY;
const NO_ROOM = 'No room for the map on this page.';
const PUBLIC_NOTE = 'Cells with fewer than 5 incidents are not shaded.';

/** The panel around the map: where the map starts below y, and what goes under it. */
function mapFrame(hotspot: InfographicData['hotspot'], w: number, audience: Audience, m: Metrics) {
  const head = panelHeading(0, 0, w, hotspot?.title ?? 'Hotspot map', m);
  const note =
    hotspot !== null && audience === 'public'
      ? wrapText(PUBLIC_NOTE, w - 2 * m.pad, m.small, false, 2)
      : [];
  const noteH = note.length > 0 ? blockHeight(note.length, m.small, m) + m.small * 0.4 : 0;
  return { top: head.bottom - m.heading * 0.4, note, noteH, end: m.pad * 0.6 };
}

/** The heights the map panel needs at width w: to draw the map, and to say why it has none. */
export function mapPanelNeeds(
  hotspot: InfographicData['hotspot'],
  w: number,
  audience: Audience,
  m: Metrics,
): { map: number; message: number } {
  const f = mapFrame(hotspot, w, audience, m);
  const text = hotspot === null ? NO_MAP : NO_ROOM;
  const lines = wrapText(text, w - 4 * m.pad, m.body, false, 3).length;
  const message = f.top + blockHeight(lines, m.body, m) + m.pad * 1.4 + f.end;
  return {
    map:
      hotspot === null
        ? message
        : f.top + MAP_AREA_MIN[m.format] * (m.mapMinShare ?? 1) + f.noteH + f.end,
    message,
  };
}

/** A dashed box with a centred message, in place of the map. */
function mapMessage(x: number, top: number, w: number, h: number, text: string, m: Metrics) {
  const lines = wrapText(text, w - 2 * m.pad, m.body, false, 3);
  const textH = blockHeight(lines.length, m.body, m);
  return [
    el('rect', {
      x,
      y: top,
      width: w,
      height: h,
      rx: m.radius,
      fill: COLOURS.page,
      stroke: COLOURS.border,
      'stroke-dasharray': '5 4',
    }),
    block(
      x + w / 2,
      top + (h - textH) / 2,
      lines,
      { size: m.body, fill: COLOURS.muted, anchor: 'middle' },
      m,
    ).markup,
  ].join('\n');
}

/**
 * The hotspot panel, filling (x, y, w, h). The map is drawn at a size whose labels (11 px in the
 * chart) come out at the format's small size where the panel allows, smaller where it does not,
 * and not at all when even that leaves too little room (mapPanelNeeds says how much). A public
 * page shades no cell with 1–4 incidents, and says so.
 */
export function mapPanel(
  id: string,
  hotspot: InfographicData['hotspot'],
  x: number,
  y: number,
  w: number,
  h: number,
  audience: Audience,
  m: Metrics,
): string {
  const inner = w - 2 * m.pad;
  const f = mapFrame(hotspot, w, audience, m);
  const parts = [panelHeading(x, y, w, hotspot?.title ?? 'Hotspot map', m).markup];
  const top = y + f.top;
  if (hotspot === null || h < mapPanelNeeds(hotspot, w, audience, m).map) {
    const boxH = y + h - f.end - m.pad * 0.4 - top;
    parts.push(mapMessage(x + m.pad, top, inner, boxH, hotspot === null ? NO_MAP : NO_ROOM, m));
    return parts.join('\n');
  }
  const bottom = y + h - f.end - f.noteH;
  const input = {
    id: `${id}-hotspot`,
    title: hotspot.title,
    outline: hotspot.outline,
    cells: cellsShown(hotspot.cells, audience),
    places: hotspot.places ?? null,
    numbered: hotspot.numbered ?? null,
    // The panel has the heading, and the page's caveats say that locations are approximate.
    heading: false,
    footnote: false,
  };
  const { width: nw, height: nh, scale } = mapSize(input, w - m.pad, bottom - top, m);
  const svg = hotspotMap({ ...input, width: nw, height: nh });
  const boxW = nw * scale;
  const boxH = nh * scale;
  if (f.note.length > 0) {
    // One caption style: the public note in the muted colour at the small size, from the map's
    // left edge, just under it (or from the panel's edge when that wraps to more lines).
    const size = m.small;
    const mapLeft = x + (w - boxW) / 2 + PAD * scale;
    const aligned = wrapText(PUBLIC_NOTE, x + w - m.pad - mapLeft, size, false, 9);
    const [left, lines] =
      aligned.length <= f.note.length ? [mapLeft, aligned] : [x + m.pad, f.note];
    const style = { size, fill: COLOURS.muted };
    parts.push(block(left, top + boxH + size * 0.3, lines, style, m).markup);
  }
  parts.push(nest(svg, { x: x + (w - boxW) / 2, y: top, width: boxW, height: boxH }));
  return parts.join('\n');
}

/**
 * The map's size in its own px and the scale it is drawn at: the scale at which its labels (11 px
 * in the chart) come out at the format's small size, unless the panel is too short for the map's
 * whole key at that scale; then the scale that fits the key's height.
 */
function mapSize(input: HotspotMapInput, availW: number, availH: number, m: Metrics) {
  let scale = m.small / FONT_SIZE;
  for (let i = 0; i < 3; i++) {
    const width = Math.max(MAP_MIN_WIDTH, Math.floor(availW / scale));
    const need = hotspotMapMinHeight(input, width);
    scale = Math.min(scale, availW / width, availH / need);
  }
  const width = Math.max(MAP_MIN_WIDTH, Math.floor(availW / scale));
  scale = Math.min(scale, availW / width);
  return { width, height: Math.floor(availH / scale), scale };
}

/**
 * A short note panel: a heading and a wrapped paragraph, of up to the line limit's lines, or as
 * many as fill `height` when the panel is given one (its row's height, set by its neighbours).
 */
export function notePanel(
  title: string,
  text: string,
  x: number,
  y: number,
  w: number,
  m: Metrics,
  height = 0,
): Drawn {
  const head = panelHeading(x, y, w, title, m);
  const room = Math.floor((y + height - m.pad - head.bottom - m.body) / (m.body * m.leading)) + 1;
  const body = wrapped(
    x + m.pad,
    head.bottom,
    text,
    w - 2 * m.pad,
    { size: m.body },
    m,
    Math.max(m.lines.note, room),
  );
  return {
    markup: `${head.markup}\n${body.markup}`,
    height: head.bottom + body.height + m.pad - y,
  };
}

/** A contact still at its bundled example: "Not yet confirmed by the partnership" under it. */
function withUnconfirmed(
  c: InfographicData['contacts'][number],
  detail: Drawn,
  x: number,
  top: number,
  w: number,
  m: Metrics,
): Drawn {
  if (c.unconfirmed !== true) return detail;
  const gap = m.small * 0.3;
  const note = wrapped(
    x,
    top + detail.height + gap,
    `Not yet confirmed by the partnership`,
    w,
    { size: m.small, bold: true, fill: COLOURS.warning },
    m,
    3,
  );
  return { markup: `${detail.markup}\n${note.markup}`, height: detail.height + gap + note.height };
}

/** "How to report" with the contacts side by side, `columns` to a row (1: each label above its detail). */
export function contactsGrid(
  contacts: InfographicData['contacts'],
  columns: number,
  x: number,
  y: number,
  w: number,
  m: Metrics,
): Drawn {
  const head = panelHeading(x, y, w, 'How to report', m);
  const parts = [head.markup];
  const cols = Math.min(columns, Math.max(1, contacts.length));
  const colGap = m.body * 1.2;
  const colW = (w - 2 * m.pad - (cols - 1) * colGap) / cols;
  let top = head.bottom;
  for (let i = 0; i < contacts.length; i += cols) {
    const row = contacts.slice(i, i + cols);
    const muted = { size: m.small, fill: COLOURS.muted };
    const labels = row.map((c, j) =>
      wrapped(x + m.pad + j * (colW + colGap), top, c.label, colW, muted, m, m.lines.label),
    );
    const detailTop = top + (max(labels, (l) => l.height) ?? 0) + m.small * 0.35;
    const details = row.map((c, j) =>
      withUnconfirmed(
        c,
        wrapped(
          x + m.pad + j * (colW + colGap),
          detailTop,
          c.detail,
          colW,
          { size: m.body, bold: true },
          m,
          DETAIL_LINES,
        ),
        x + m.pad + j * (colW + colGap),
        detailTop,
        colW,
        m,
      ),
    );
    parts.push(...labels.map((l) => l.markup), ...details.map((d) => d.markup));
    top = detailTop + (max(details, (d) => d.height) ?? 0) + m.body * 0.85;
  }
  return { markup: parts.join('\n'), height: top - m.body * 0.85 + m.pad - y };
}

/** "How to report" as a two-column list, label beside detail: shorter than one above the other. */
export function contactsTable(
  contacts: InfographicData['contacts'],
  x: number,
  y: number,
  w: number,
  m: Metrics,
): Drawn {
  const inner = w - 2 * m.pad;
  const head = panelHeading(x, y, w, 'How to report', m);
  const parts = [head.markup];
  const labelW = inner * 0.45;
  const detailX = x + m.pad + labelW + m.body * 0.6;
  const detailW = x + w - m.pad - detailX;
  let top = head.bottom;
  for (const c of contacts) {
    const muted = { size: m.small, fill: COLOURS.muted };
    const labelTop = top + (m.body - m.small) * 0.86;
    const label = wrapped(x + m.pad, labelTop, c.label, labelW, muted, m, m.lines.label);
    const detail = withUnconfirmed(
      c,
      wrapped(detailX, top, c.detail, detailW, { size: m.body, bold: true }, m, DETAIL_LINES),
      detailX,
      top,
      detailW,
      m,
    );
    parts.push(label.markup, detail.markup);
    top += Math.max(label.height + labelTop - top, detail.height) + m.body * 0.75;
  }
  return { markup: parts.join('\n'), height: top - m.body * 0.75 + m.pad - y };
}
