/**
 * Words and numbers for charts: text width estimated from DejaVu Sans's advance widths (the
 * widest of the fonts in the stack, so text that fits in it fits in Arial too), truncation with an
 * ellipsis, locale-free number formatting (the same bytes in every browser and on the server) and
 * "a, b and c" lists for the descriptions.
 */

// Advance widths of ASCII 32–126 in hundredths of an em, measured from DejaVu Sans (Book, Bold).
const REGULAR =
  '32,40,46,84,64,95,78,27,39,39,50,84,32,36,32,34,64,64,64,64,64,64,64,64,64,64,34,34,84,84,84,' +
  '53,100,71,69,70,77,63,58,77,75,29,29,66,56,86,75,79,60,79,69,63,59,73,68,99,69,61,69,39,34,39,' +
  '84,50,50,61,63,55,63,62,34,63,63,28,28,58,28,97,63,61,63,63,39,52,39,63,59,82,59,59,52,64,34,' +
  '64,84';
const BOLD =
  '35,46,52,84,70,100,87,31,46,46,52,84,38,42,38,37,70,70,70,70,70,70,70,70,70,70,40,40,84,84,84,' +
  '58,100,77,76,73,83,68,68,82,84,37,37,77,64,100,84,85,73,85,77,68,70,81,77,110,77,72,73,46,37,' +
  '46,84,50,50,67,72,59,72,68,41,72,71,34,34,67,34,104,71,69,72,72,49,60,48,71,65,92,65,65,58,71,' +
  '37,71,84';
const regular = REGULAR.split(',').map(Number);
const bold = BOLD.split(',').map(Number);

/** Estimated width in px of text at a font size, in DejaVu Sans. */
export function textWidth(text: string, fontSize: number, isBold = false): number {
  const table = isBold ? bold : regular;
  let hundredths = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const w = code >= 32 && code <= 126 ? table[code - 32] : undefined;
    // Outside ASCII: accented letters are about 0.62 em, CJK and symbols about one em.
    hundredths += w ?? (code < 0x2e80 ? (isBold ? 70 : 64) : 100);
  }
  return (hundredths / 100) * fontSize;
}

/** The text, cut to fit maxWidth px with an ellipsis when it is too long. */
export function truncate(text: string, maxWidth: number, fontSize: number, isBold = false): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (textWidth(flat, fontSize, isBold) <= maxWidth) return flat;
  const chars = [...flat];
  while (chars.length > 0) {
    chars.pop();
    const candidate = `${chars.join('').trimEnd()}…`;
    if (textWidth(candidate, fontSize, isBold) <= maxWidth) return candidate;
  }
  return '…';
}

/**
 * Words wrapped to lines no wider than maxWidth px, at most maxLines of them (the last cut with
 * an ellipsis only when the words do not fit in that many); a word wider than a line is cut.
 */
export function wrapWords(
  text: string,
  maxWidth: number,
  fontSize: number,
  isBold = false,
  maxLines = Infinity,
): string[] {
  const words = text
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const joined = current === '' ? word : `${current} ${word}`;
    if (textWidth(joined, fontSize, isBold) <= maxWidth || current === '') current = joined;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  const fitted = lines.map((l) => truncate(l, maxWidth, fontSize, isBold));
  if (fitted.length <= maxLines) return fitted;
  const kept = fitted.slice(0, Math.max(1, maxLines));
  const rest = lines.slice(kept.length - 1).join(' ');
  // The rest is wider than a line (it holds the next line's words too), so this ends in "…".
  kept[kept.length - 1] = truncate(rest, maxWidth, fontSize, isBold);
  return kept;
}

/** Thousands separated by commas, to `decimals` places, without the locale (so: deterministic). */
export function formatNumber(n: number, decimals = 0): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = n < 0 && Number(fixed) !== 0 ? '−' : '';
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** A count, or any value: whole numbers as they are, others to one decimal. */
export function formatValue(n: number): string {
  return formatNumber(n, Number.isInteger(n) ? 0 : 1);
}

/**
 * A percentage change as "+12%", "−8.5%" or "0%": the report's one rounding rule
 * (domain/rounding.ts), so a chart and the text beside it agree.
 */
export { formatChangePct as formatPercentChange } from '../domain/rounding.js';

/** A change under half a percent either way counts as level (no arrow up or down). */
export function isLevel(pct: number): boolean {
  return Math.abs(pct) < 0.5;
}

/** "a", "a and b", "a, b and c". */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 area", "3 areas". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** First letter upper case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A day in words, as a reader writes it: "6 December 2026" for 2026-12-06. */
export function dayInWords(iso: string): string {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
