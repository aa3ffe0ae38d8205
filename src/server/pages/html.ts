/** Building the dashboard's HTML as strings: every value escaped, nothing else. */
import { escapeXml } from '../../charts/index.js';
import { pValueText } from '../../analysis/reading.js';

/** Text for HTML: escaped. */
export const esc = (value: unknown): string => escapeXml(String(value ?? ''));

/** Markup already made safe (charts' SVG, other fragments): marked so it is not escaped again. */
export interface Safe {
  readonly html: string;
}

export const safe = (html: string): Safe => ({ html });

/**
 * A tagged template: `html\`<p>${name}</p>\`` escapes `name`; a Safe value (or an array of them)
 * goes in as it is.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Safe {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += piece(value) + (strings[i + 1] ?? '');
  });
  return safe(out);
}

function piece(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(piece).join('');
  if (typeof value === 'object' && 'html' in (value as object)) return (value as Safe).html;
  return esc(value);
}

/** A number as a person reads it: 1,234. */
export const count = (n: number | null | undefined): string =>
  n === null || n === undefined ? '–' : Math.round(n).toLocaleString('en-GB');

/** A signed percentage: +14%, −8%. */
export function pct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const r = Math.round(v);
  return r > 0 ? `+${r}%` : r < 0 ? `−${Math.abs(r)}%` : '0%';
}

/** A p-value in words a councillor can use. */
export function significance(p: number | null | undefined): string {
  if (p === null || p === undefined) return 'not tested';
  if (p < 0.001) return 'very unlikely to be chance (p < 0.001)';
  if (p < 0.05) return `unlikely to be chance (${pValueText(p, 0.05, 3)})`;
  return `could be chance (${pValueText(p, 0.05, 2)})`;
}
