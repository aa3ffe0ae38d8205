/**
 * The infographic's numbers: the two big-number tiles (all crime, anti-social behaviour) and the
 * key-trends table. Each figure shows its count as the audience may see it, the change, the
 * charts' change arrow (solid when significant) and the same in words, so nothing is said by the
 * arrow's fill or by colour alone.
 */
import { max } from 'd3-array';
import { changeArrow } from '../charts/change-arrow.js';
import { textWidth } from '../charts/text.js';
import type { InfographicFigure } from './infographic-types.js';
import {
  block,
  blockHeight,
  COLOURS,
  fitSize,
  line,
  nest,
  panelHeading,
  rule,
  wrapped,
  type Metrics,
} from './infographic-layout.js';
import {
  changeShown,
  changeText,
  changeWords,
  countText,
  figureText,
  wrapText,
  type Audience,
} from './infographic-text.js';

export interface Drawn {
  markup: string;
  height: number;
}

function arrow(id: string, f: InfographicFigure, x: number, y: number, size: number): string {
  const svg = changeArrow({ id, changePct: f.changePct, significant: f.significant, size });
  return nest(svg, { x, y, width: size, height: size });
}

export interface TileInput {
  id: string;
  title: string;
  /** The longest of these that fits on one line is shown (the last, wrapped, if none does). */
  subtitles: readonly string[];
  figure: InfographicFigure;
  /** "2024" or "January to June 2024", for the comparison line. */
  comparedWith: string;
  /** "6 of 12 months held: January to June 2025" when the period is partly held. */
  partial?: string | null;
  /**
   * Under the number, put the words on the arrow's line when they fit (the page asks this only
   * when they fit in every tile in the row, so the tiles match).
   */
  wordsBeside?: boolean;
}

/** The width of the arrow, the change and the words on one line. */
function changeLineWidth(t: TileInput, audience: Audience, m: Metrics): number {
  const pct = changeText(t.figure, audience);
  const words = textWidth(changeWords(t.figure, audience), m.body);
  if (pct === null) return words;
  return m.tileArrow + m.body * 0.4 + textWidth(pct, pctSize(m), true) + m.body * 0.6 + words;
}

const pctSize = (m: Metrics) => Math.round(m.body * 1.2);

/** Whether the tile draws its change under the number, and that fits on one line in width w. */
export function changeFitsOneLine(t: TileInput, w: number, audience: Audience, m: Metrics) {
  const inner = w - 2 * m.pad;
  return !inlineLayout(t, inner, audience, m) && changeLineWidth(t, audience, m) <= inner;
}

/** The number's size beside the change, or null when the change goes under the number. */
function inlineLayout(t: TileInput, inner: number, audience: Audience, m: Metrics) {
  const count = figureText(t.figure, 'count', audience);
  const size = fitSize(count, inner * 0.55, m.big);
  const blockW = inner - textWidth(count, size, true) - m.body * 1.4;
  return size >= m.big * 0.8 && blockW >= m.body * 8 ? { size, blockW } : null;
}

/** A big-number tile's content at (x, y), width w; the height is what it needs. */
export function tile(
  t: TileInput,
  x: number,
  y: number,
  w: number,
  audience: Audience,
  m: Metrics,
): Drawn {
  const inner = w - 2 * m.pad;
  const left = x + m.pad;
  const head = panelHeading(x, y, w, t.title, m);
  const parts = [head.markup];
  let top = head.bottom - m.heading * 0.45;
  const subtitle =
    t.subtitles.find((text) => textWidth(text, m.small) <= inner) ?? t.subtitles.at(-1) ?? '';
  const muted = { size: m.small, fill: COLOURS.muted };
  const sub = wrapped(left, top, subtitle, inner, muted, m, m.lines.label);
  parts.push(sub.markup);
  top += sub.height + m.big * 0.3;
  if (t.partial) {
    // A partly held period is said on the tile itself, where the number is read: with its months
    // when that fits on a line, else the count of months (the header gives the months).
    const warn = { size: m.small, bold: true, fill: COLOURS.warning };
    const short = t.partial.replace(/:.*$/u, '');
    const text = textWidth(t.partial, m.small, true) <= inner ? t.partial : short;
    const p = wrapped(left, top - m.big * 0.15, text, inner, warn, m, 2);
    parts.push(p.markup);
    top += p.height + m.big * 0.2;
  }

  const count = figureText(t.figure, 'count', audience);
  const inline = inlineLayout(t, inner, audience, m);
  if (inline !== null) {
    // The change beside the number, centred on it.
    const { size: inlineSize, blockW: inlineBlockW } = inline;
    const change = changeBlock(t, 0, 0, inlineBlockW, false, audience, m);
    const rowH = Math.max(inlineSize * 0.74, change.height);
    const base = top + (rowH + inlineSize * 0.74) / 2;
    parts.push(line(left, base, count, { size: inlineSize, bold: true, field: 'count' }));
    const bx = left + inner - inlineBlockW;
    parts.push(
      changeBlock(t, bx, top + (rowH - change.height) / 2, inlineBlockW, false, audience, m).markup,
    );
    top += rowH + m.big * 0.35;
  } else {
    // The change below the number.
    // Words in place of a number ("fewer than 5", "not held") a size down, so they do not shout.
    const max = /\d/.test(count.charAt(0)) ? m.big : Math.round(m.big * 0.7);
    const size = fitSize(count, inner, max);
    parts.push(line(left, top + size * 0.74, count, { size, bold: true, field: 'count' }));
    top += size * 0.74 + m.big * 0.3;
    const beside = t.wordsBeside === true && changeLineWidth(t, audience, m) <= inner;
    const change = changeBlock(t, left, top, inner, beside, audience, m);
    parts.push(change.markup);
    top += change.height + m.big * 0.3;
  }

  const same =
    t.figure.comparedCount != null
      ? ` (${countText(t.figure.comparedCount, audience)} in the same months)`
      : '';
  const previous = `In ${t.comparedWith}: ${figureText(t.figure, 'previous', audience)}${same}`;
  // What the change is against is never cut short: two lines at least.
  const prev = wrapped(left, top, previous, inner, muted, m, Math.max(2, m.lines.label));
  parts.push(prev.markup);
  top += prev.height + m.pad;
  return { markup: parts.join('\n'), height: top - y };
}

/**
 * The arrow and the change ("+6%"), with the words ("significant rise") after them on the same
 * line when `beside`, else below; on a public page with small numbers, the words alone.
 */
function changeBlock(
  t: TileInput,
  x: number,
  top: number,
  width: number,
  beside: boolean,
  audience: Audience,
  m: Metrics,
): Drawn {
  const pct = changeText(t.figure, audience);
  const size = pctSize(m);
  const withArrow = changeShown(t.figure, audience);
  const parts: string[] = [];
  let x0 = x;
  if (withArrow) {
    parts.push(arrow(`${t.id}-arrow`, t.figure, x0, top, m.tileArrow));
    x0 += m.tileArrow + m.body * 0.4;
  }
  if (pct !== null) {
    const base = top + m.tileArrow / 2 + size * 0.36;
    parts.push(line(x0, base, pct, { size, bold: true, field: 'change' }));
    x0 += textWidth(pct, size, true) + m.body * 0.6;
  }
  const firstH = withArrow || pct !== null ? m.tileArrow : 0;
  const words = changeWords(t.figure, audience);
  if (beside && firstH > 0) {
    const base = top + m.tileArrow / 2 + m.body * 0.36;
    parts.push(line(x0, base, words, { size: m.body }));
    return { markup: parts.join('\n'), height: firstH };
  }
  const below = firstH > 0 ? top + firstH + m.body * 0.35 : top;
  const lines = wrapText(words, width, m.body, false, m.lines.label + 1);
  parts.push(block(x, below, lines, { size: m.body }, m).markup);
  return { markup: parts.join('\n'), height: below - top + blockHeight(lines.length, m.body, m) };
}

export interface TrendRow extends InfographicFigure {
  label: string;
}

/**
 * A trend row's change column: the change with the arrow and whether it is significant; "not
 * shown" for small numbers on a public page; "no comparison" when there is no earlier figure.
 */
function rowChange(f: InfographicFigure, audience: Audience) {
  const pct = changeText(f, audience);
  if (pct !== null) {
    const words = changeWords(f, audience);
    return { pct, words: words.startsWith('significant') ? 'significant' : 'not significant' };
  }
  if (f.changePct === null || !Number.isFinite(f.changePct) || f.count === null) {
    return { pct: null, words: 'no comparison' };
  }
  return { pct: null, words: 'not shown (small numbers)' };
}

/**
 * Whether no row has an earlier figure to compare with (no month of the earlier period held):
 * the rows are then the High priorities' counts, not trends.
 */
export function noneCompared(rows: readonly InfographicFigure[], audience: Audience): boolean {
  return rows.length > 0 && rows.every((r) => rowChange(r, audience).words === 'no comparison');
}

/** The panel's heading: what it holds, trends or (none compared) the High priorities' counts. */
export function trendsHeading(rows: readonly InfographicFigure[], audience: Audience): string {
  return noneCompared(rows, audience) ? 'Counts of the High priorities' : 'Key trends';
}

/** The key-trends table: label, count, arrow and change, and whether the change is significant. */
export function trendsPanel(
  id: string,
  rows: readonly TrendRow[],
  comparedWith: string,
  x: number,
  y: number,
  w: number,
  audience: Audience,
  m: Metrics,
): Drawn {
  const inner = w - 2 * m.pad;
  const left = x + m.pad;
  // With no row compared (no month of the earlier period held), the panel says so rather than
  // "Compared with November 2017 to February 2018" above a column of "no comparison", and its
  // heading says it holds counts, not "Key trends".
  const none = noneCompared(rows, audience);
  const head = panelHeading(x, y, w, trendsHeading(rows, audience), m);
  const parts = [head.markup];
  let top = head.bottom - m.heading * 0.45;
  const changes = rows.map((r) => rowChange(r, audience));
  // "Change on 2024" heads the column; a longer comparison gets a line of its own.
  const year = /^\d{4}$/.test(comparedWith) && !none;
  const changeHead = year ? `Change on ${comparedWith}` : 'Change';
  if (!year) {
    const style = { size: m.small, fill: COLOURS.muted };
    const line = none
      ? `No figures are held for ${comparedWith}, so no change is given`
      : `Compared with ${comparedWith}`;
    const sub = wrapped(left, top, line, inner, style, m, 2);
    parts.push(sub.markup);
    top += sub.height + m.small * 0.6;
  }
  top += m.small * 0.45;
  if (rows.length === 0) {
    const none = wrapped(
      left,
      top,
      'No key trends.',
      inner,
      { size: m.body, fill: COLOURS.muted },
      m,
    );
    return { markup: [...parts, none.markup].join('\n'), height: top + none.height + m.pad - y };
  }

  const counts = rows.map((r) => countText(r.count, audience));
  const colGap = m.body * 0.9;
  // The change column fits its widest change; the count column its widest number, with words
  // ("fewer than 5") wrapped to a fifth of the width; the label takes the rest.
  const changeW = Math.max(
    textWidth(changeHead, m.small),
    max(changes, (c) =>
      c.pct === null
        ? Math.min(textWidth(c.words, m.small), inner * 0.3)
        : Math.max(
            m.rowArrow + m.body * 0.4 + textWidth(c.pct, m.body, true),
            textWidth(c.words, m.small),
          ),
    ) ?? 0,
  );
  const countCap = inner * 0.2;
  const longestWord = (t: string) =>
    max(t.split(' '), (word) => textWidth(word, m.body, true)) ?? 0;
  const countLines = counts.map((c) =>
    wrapText(c, Math.max(countCap, longestWord(c)), m.body, true, 2),
  );
  const countW = Math.max(
    textWidth('Count', m.small),
    max(countLines.flat(), (c) => textWidth(c, m.body, true)) ?? 0,
  );
  const changeX = left + inner - changeW;
  const countRight = changeX - colGap;
  const labelW = countRight - countW - colGap - left;

  parts.push(
    line(countRight, top + m.small * 0.86, 'Count', {
      size: m.small,
      fill: COLOURS.muted,
      anchor: 'end',
    }),
    line(changeX, top + m.small * 0.86, changeHead, { size: m.small, fill: COLOURS.muted }),
  );
  top += m.small * 1.6;

  rows.forEach((r, i) => {
    parts.push(rule(left, top, left + inner));
    top += m.body * 0.7;
    const label = wrapped(
      left,
      top,
      r.label,
      labelW,
      { size: m.body, bold: true },
      m,
      m.lines.label,
    );
    const count = countLines[i] ?? [];
    const countStyle = { size: m.body, bold: true, anchor: 'end', field: 'count' } as const;
    parts.push(label.markup, block(countRight, top, count, countStyle, m).markup);
    const change = changes[i] ?? { pct: null, words: '' };
    const first = top + m.body * 0.86;
    let changeH: number;
    if (change.pct !== null) {
      const arrowY = first - m.body * 0.36 - m.rowArrow / 2;
      parts.push(
        arrow(`${id}-${i}`, r, changeX, arrowY, m.rowArrow),
        line(changeX + m.rowArrow + m.body * 0.4, first, change.pct, {
          size: m.body,
          bold: true,
          field: 'change',
        }),
        line(changeX, first + m.body * 0.5 + m.small * 1.05, change.words, {
          size: m.small,
          fill: COLOURS.muted,
        }),
      );
      changeH = m.body * 0.5 + m.small * 1.3 + m.body * 0.86;
    } else {
      const words = wrapText(change.words, changeW, m.small, false, 2);
      const style = { size: m.small, fill: COLOURS.muted };
      parts.push(block(changeX, top + (m.body - m.small) * 0.86, words, style, m).markup);
      changeH = blockHeight(words.length, m.small, m);
    }
    const rowH = Math.max(label.height, blockHeight(count.length, m.body, m), changeH);
    top += rowH + m.body * 0.8;
  });
  top += m.pad - m.body * 0.8;
  return { markup: parts.join('\n'), height: top - y };
}
