/**
 * What every chart has around its plot: the visible heading (wrapped to two lines), a footnote
 * (wrapped, never cut), and the "No data" chart drawn in place of a plot when there is nothing to
 * show (a report page keeps its figure, and the alt text says why it is empty).
 */
import { INK } from './palette.js';
import { el, FONT_SIZE, svgDocument, text, TITLE_SIZE } from './svg.js';
import { wrapWords } from './text.js';

export const PAD = 12;
/** Line height of the footnote's small print. */
const FOOT_LINE = FONT_SIZE * 1.3;
const TITLE_LINE = TITLE_SIZE * 1.25;

/** The heading's markup and the y where content below it can start. */
export function heading(title: string, width: number): { markup: string; bottom: number } {
  const lines = wrapWords(title, width - 2 * PAD, TITLE_SIZE, true, 2);
  return {
    markup: lines
      .map((l, i) =>
        text(PAD, PAD + TITLE_SIZE + i * TITLE_LINE, l, {
          'font-size': TITLE_SIZE,
          'font-weight': 'bold',
        }),
      )
      .join('\n'),
    bottom: PAD + TITLE_SIZE + (Math.max(1, lines.length) - 1) * TITLE_LINE + 8,
  };
}

/**
 * Muted small print at the bottom left, wrapped to the width: its markup, drawn so its last line
 * sits at the chart's foot, and the height it takes above the bottom padding.
 */
export function footnote(
  note: string,
  width: number,
  height: number,
): { markup: string; height: number } {
  const lines = wrapWords(note, width - 2 * PAD, FONT_SIZE);
  const last = height - PAD + 2;
  return {
    markup: lines
      .map((l, i) => text(PAD, last - (lines.length - 1 - i) * FOOT_LINE, l, { fill: INK.muted }))
      .join('\n'),
    height: lines.length === 0 ? 0 : FONT_SIZE + (lines.length - 1) * FOOT_LINE,
  };
}

export interface NoDataOptions {
  id: string;
  title: string;
  width: number;
  height: number;
  desc: string;
  message?: string;
}

/** The heading, a light frame and a centred "No data" message. */
export function noDataChart(o: NoDataOptions): string {
  const head = heading(o.title, o.width);
  const top = head.bottom + 4;
  const frameHeight = Math.max(20, o.height - top - PAD);
  return svgDocument({
    id: o.id,
    width: o.width,
    height: o.height,
    title: o.title,
    desc: o.desc,
    body: [
      head.markup,
      el('rect', {
        x: PAD,
        y: top,
        width: o.width - 2 * PAD,
        height: frameHeight,
        fill: 'none',
        stroke: INK.frame,
        'stroke-dasharray': '4 3',
      }),
      text(o.width / 2, top + frameHeight / 2 + 5, o.message ?? 'No data', {
        'text-anchor': 'middle',
        'font-size': 14,
        fill: INK.muted,
      }),
    ],
  });
}
