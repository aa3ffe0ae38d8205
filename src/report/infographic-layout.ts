/**
 * The infographic's page: sizes per format (A4 portrait at 96 dpi, and a 4:5 social-media card),
 * its colours, and the drawing pieces every panel uses: lines and wrapped blocks of text, white
 * panels with a heading, band chips, and a chart's own SVG placed inside the page as a nested
 * `<svg>`. Presentation attributes only (no `<style>`: inline SVG styles leak into the page).
 */
import { INK, OKABE_ITO, ROLE } from '../charts/palette.js';
import { el, escapeXml, num } from '../charts/svg.js';
import { textWidth } from '../charts/text.js';
import { wrapText } from './infographic-text.js';

export type InfographicFormat = 'a4' | 'social';

/**
 * How many lines each kind of text may take before it is cut with an ellipsis. The page starts
 * with the first set and tightens to the next when the panels would not fit on it.
 */
export interface LineLimits {
  heading: number;
  /** Priority and trend labels, contacts' labels (never their details), tile subtitles. */
  label: number;
  /** The hidden-figure sentence. */
  note: number;
  source: number;
  caveats: number;
}

export const LINE_LIMITS: readonly LineLimits[] = [
  { heading: 2, label: 2, note: 7, source: 2, caveats: 3 },
  { heading: 2, label: 2, note: 4, source: 1, caveats: 2 },
  { heading: 1, label: 1, note: 3, source: 1, caveats: 1 },
];

/** Sizes in px for one format. Font sizes never fall below `small` (12 on A4, 18 on social). */
export interface Metrics {
  format: InfographicFormat;
  width: number;
  height: number;
  /** Page margin left and right of the panels, and below the footer. */
  margin: number;
  /** Space between panels. */
  gap: number;
  /** Space inside a panel. */
  pad: number;
  radius: number;
  headline: number;
  heading: number;
  body: number;
  small: number;
  big: number;
  /** Line height as a multiple of the font size. */
  leading: number;
  /** Arrow size in a big-number tile and in a trend row. */
  tileArrow: number;
  rowArrow: number;
  /** The hotspot map's share of the width of its row. */
  mapShare: number;
  /** Line limits in force (the first of LINE_LIMITS unless the page had to tighten them). */
  lines: LineLimits;
  /** Whether the map has its scale bar (it needs a taller map; the social card leaves it off). */
  mapScaleBar: boolean;
  /**
   * The map's least height as a share of its usual least height: below 1 when the page draws the
   * map smaller rather than cut a text (see pageBody).
   */
  mapMinShare?: number;
}

export const METRICS: Record<InfographicFormat, Metrics> = {
  a4: {
    format: 'a4',
    width: 794,
    height: 1123,
    margin: 36,
    gap: 16,
    pad: 20,
    radius: 6,
    headline: 30,
    heading: 17,
    body: 14,
    small: 12,
    big: 46,
    leading: 1.3,
    tileArrow: 28,
    rowArrow: 20,
    mapShare: 0.58,
    mapScaleBar: true,
    lines: LINE_LIMITS[0] as LineLimits,
  },
  social: {
    format: 'social',
    width: 1080,
    height: 1350,
    margin: 40,
    gap: 18,
    pad: 26,
    radius: 10,
    headline: 40,
    heading: 22,
    body: 20,
    small: 18,
    big: 56,
    leading: 1.25,
    tileArrow: 32,
    rowArrow: 28,
    mapShare: 0.58,
    mapScaleBar: false,
    lines: LINE_LIMITS[0] as LineLimits,
  },
};

export const COLOURS = {
  page: '#eef1f4',
  panel: '#ffffff',
  border: '#d6dce2',
  rule: '#e4e8ec',
  header: '#0f4a5f',
  headerText: '#ffffff',
  headerSoft: '#cfe6ee',
  accent: OKABE_ITO.skyBlue,
  heading: '#0f4a5f',
  text: INK.text,
  muted: INK.muted,
  high: ROLE.high,
  medium: ROLE.medium,
  low: ROLE.low,
  /** Text that warns (a partly held period): dark red, 7:1 on white. */
  warning: '#8a1c1c',
} as const;

export interface TextStyle {
  size: number;
  bold?: boolean;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  /** A data-field attribute, so tests can find counts and ranks. */
  field?: string;
}

/** One line of text, escaped, with its size, weight, colour and anchor written out. */
export function line(x: number, y: number, content: string, s: TextStyle): string {
  return el(
    'text',
    {
      x,
      y,
      'font-size': s.size,
      'font-weight': s.bold === true ? 'bold' : undefined,
      fill: s.fill ?? COLOURS.text,
      'text-anchor': s.anchor === undefined || s.anchor === 'start' ? undefined : s.anchor,
      'data-field': s.field,
    },
    escapeXml(content),
  );
}

/** The height a block of n lines takes. */
export function blockHeight(lines: number, size: number, m: Metrics): number {
  return lines <= 0 ? 0 : size + (lines - 1) * size * m.leading;
}

/**
 * Lines of text from `top` (the top of the first line's capitals, near enough), one `<text>` per
 * line so each can be measured; returns the markup and the height used.
 */
export function block(
  x: number,
  top: number,
  lines: readonly string[],
  s: TextStyle,
  m: Metrics,
): { markup: string; height: number } {
  const markup = lines
    .map((l, i) => line(x, top + s.size * 0.86 + i * s.size * m.leading, l, s))
    .join('\n');
  return { markup, height: blockHeight(lines.length, s.size, m) };
}

/** Text wrapped to a width and drawn as a block. */
export function wrapped(
  x: number,
  top: number,
  text: string,
  width: number,
  s: TextStyle,
  m: Metrics,
  maxLines?: number,
): { markup: string; height: number; lines: string[] } {
  const lines = wrapText(text, width, s.size, s.bold === true, maxLines);
  return { ...block(x, top, lines, s, m), lines };
}

/** The largest font size up to `max` at which the text fits the width. */
export function fitSize(text: string, width: number, max: number, bold = true): number {
  const w = textWidth(text, 1, bold);
  return w <= 0 ? max : Math.min(max, Math.floor((width / w) * 10) / 10);
}

/** A hairline across a panel, between rows. */
export function rule(x1: number, y: number, x2: number): string {
  return el('line', { x1, y1: y, x2, y2: y, stroke: COLOURS.rule, 'stroke-width': 1 });
}

/** A white panel with a hairline border. */
export function panel(x: number, y: number, w: number, h: number, m: Metrics): string {
  return el('rect', {
    x,
    y,
    width: w,
    height: h,
    rx: m.radius,
    fill: COLOURS.panel,
    stroke: COLOURS.border,
    'stroke-width': 1,
  });
}

/**
 * A panel's heading, wrapped to its width (two lines at most), marked by an accent bar on the
 * panel's left edge;
 * returns the markup and the y where content can start.
 */
export function panelHeading(
  x: number,
  y: number,
  w: number,
  title: string,
  m: Metrics,
): { markup: string; bottom: number } {
  const top = y + m.pad;
  const head = wrapped(
    x + m.pad,
    top,
    title,
    w - 2 * m.pad,
    { size: m.heading, bold: true, fill: COLOURS.heading },
    m,
    m.lines.heading,
  );
  const bar = el('rect', {
    x,
    y: top - m.heading * 0.2,
    width: Math.max(4, m.pad * 0.22),
    height: head.height + m.heading * 0.4,
    fill: COLOURS.accent,
  });
  return { markup: `${bar}\n${head.markup}`, bottom: top + head.height + m.heading * 0.7 };
}

/** A rounded chip with its band written in it ("High"), the width of the widest band. */
export function bandChip(
  right: number,
  midY: number,
  band: 'High' | 'Medium' | 'Low',
  size: number,
): string {
  const w = chipWidth(size);
  const h = size * 1.6;
  const fill = band === 'High' ? COLOURS.high : band === 'Medium' ? COLOURS.medium : COLOURS.low;
  return (
    el('rect', { x: right - w, y: midY - h / 2, width: w, height: h, rx: h / 2, fill }) +
    line(right - w / 2, midY + size * 0.36, band, {
      size,
      bold: true,
      anchor: 'middle',
      field: 'band',
    })
  );
}

export function chipWidth(size: number): number {
  return textWidth('Medium', size, true) + size * 1.4;
}

/**
 * A complete chart SVG placed at a box in the page: its root tag is replaced by one with the box
 * and a viewBox (its own unless given, e.g. to crop), keeping its font-family; its title and desc
 * stay inside as the chart's tooltip. The box should have the viewBox's aspect.
 */
export function nest(
  svg: string,
  box: { x: number; y: number; width: number; height: number },
  viewBox?: readonly [number, number, number, number],
): string {
  const open = /^\s*<svg\b([^>]*)>/.exec(svg);
  if (open === null) throw new Error('nest: not an SVG document');
  const own = /\sviewBox="([^"]*)"/.exec(open[1] ?? '')?.[1];
  const font = /\sfont-family="([^"]*)"/.exec(open[1] ?? '')?.[1];
  const vb = viewBox === undefined ? (own ?? '') : viewBox.map(num).join(' ');
  const attrs = [
    `x="${num(box.x)}"`,
    `y="${num(box.y)}"`,
    `width="${num(box.width)}"`,
    `height="${num(box.height)}"`,
    vb === '' ? '' : `viewBox="${vb}"`,
    font === undefined ? '' : `font-family="${font}"`,
  ].filter((a) => a !== '');
  const body = svg.slice(open[0].length).trim();
  return `<svg ${attrs.join(' ')}>\n${body}`;
}
