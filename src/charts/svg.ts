/**
 * The SVG writer every chart shares: escaping, coordinates rounded to one decimal, elements with
 * their attributes in the order written, and the document wrapper with its accessible title and
 * description. Pure string building (no DOM, no Node APIs), so the same code renders on the server
 * and in a browser, and the same input always gives the same bytes.
 *
 * Styling is by presentation attributes only: a `<style>` in an inline SVG applies to the whole
 * HTML page, so two charts in one report would restyle each other.
 */
import { INK } from './palette.js';

export const FONT_FAMILY = 'DejaVu Sans, Arial, Helvetica, sans-serif';

/** Base font size for labels, px. */
export const FONT_SIZE = 11;
export const TITLE_SIZE = 14;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for XML content and attribute values, and drops the control characters XML 1.0
 * does not allow at all (a stray one in a CSV label would make the whole SVG unreadable).
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u{20}-\u{d7ff}\u{e000}-\u{fffd}\u{10000}-\u{10ffff}]/gu, '')
    .replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A coordinate or length rounded to one decimal, without a trailing ".0" or a "-0". */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`chart coordinate is not a finite number: ${n}`);
  const r = Math.round(n * 10) / 10;
  return r === 0 ? '0' : String(r);
}

export type AttrValue = string | number | null | undefined | false;
export type Attrs = Record<string, AttrValue>;

function attrs(a: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(a)) {
    if (value === null || value === undefined || value === false) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** An element; children are markup (already escaped). No children gives a self-closing tag. */
export function el(name: string, a: Attrs = {}, ...children: string[]): string {
  const inner = children.join('');
  return inner === '' ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${inner}</${name}>`;
}

/** A group of elements, one per line so snapshots diff line by line. */
export function group(a: Attrs, children: readonly string[]): string {
  const kept = children.filter((c) => c !== '');
  if (kept.length === 0) return '';
  return `<g${attrs(a)}>\n${kept.join('\n')}\n</g>`;
}

/** A text element; the content is escaped here. */
export function text(x: number, y: number, content: string, a: Attrs = {}): string {
  return el('text', { x, y, 'font-size': FONT_SIZE, fill: INK.text, ...a }, escapeXml(content));
}

/** Path data from points: "M1,2L3,4" (closed with Z when asked). */
export function pathData(points: readonly (readonly [number, number])[], close = false): string {
  const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${num(x)},${num(y)}`).join('');
  return close && d !== '' ? `${d}Z` : d;
}

/**
 * A chart id made safe for XML ids and for aria-labelledby (a space would split it in two): other
 * characters become "-", and an id not starting with a letter gets a "c-" in front.
 */
export function chartId(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(clean) ? clean : `c-${clean}`;
}

export interface SvgDocumentOptions {
  /** Already passed through chartId. */
  id: string;
  width: number;
  height: number;
  /** The accessible name, and the visible heading when it is drawn. */
  title: string;
  /** The alt text: one or two plain-English sentences saying what the chart shows. */
  desc: string;
  body: readonly string[];
  /** Paint the background: white (true, the default), none (false: an inline icon), or a colour. */
  background?: boolean | string;
  /** The viewBox's top-left corner (default 0, 0): a part of a drawing cropped. */
  origin?: { x: number; y: number };
}

/** The complete `<svg>`: namespace, viewBox, size, role, labelled by its own title and desc. */
export function svgDocument(o: SvgDocumentOptions): string {
  const root = attrs({
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `${num(o.origin?.x ?? 0)} ${num(o.origin?.y ?? 0)} ${num(o.width)} ${num(o.height)}`,
    width: o.width,
    height: o.height,
    role: 'img',
    'aria-labelledby': `${o.id}-title ${o.id}-desc`,
    'font-family': FONT_FAMILY,
  });
  return [
    `<svg${root}>`,
    el('title', { id: `${o.id}-title` }, escapeXml(o.title)),
    el('desc', { id: `${o.id}-desc` }, escapeXml(o.desc)),
    o.background === false
      ? ''
      : el('rect', {
          ...(o.origin ? { x: o.origin.x, y: o.origin.y } : {}),
          width: o.width,
          height: o.height,
          fill: typeof o.background === 'string' ? o.background : INK.background,
        }),
    ...o.body,
    '</svg>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

/** Chart size from the options, with defaults, never below a usable minimum. */
export function chartSize(
  width: number | undefined,
  height: number | undefined,
  defaults: { width: number; height: number },
  min: { width: number; height: number } = { width: 200, height: 120 },
): { width: number; height: number } {
  const pick = (v: number | undefined, d: number, m: number) =>
    v !== undefined && Number.isFinite(v) ? Math.max(m, Math.round(v)) : d;
  return {
    width: pick(width, defaults.width, min.width),
    height: pick(height, defaults.height, min.height),
  };
}
