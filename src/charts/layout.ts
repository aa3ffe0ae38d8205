/**
 * What every chart has around its plot: the visible heading, a footnote, and the "No data" chart
 * drawn in place of a plot when there is nothing to show (a report page keeps its figure, and the
 * alt text says why it is empty).
 */
import { INK } from './palette.js';
import { el, FONT_SIZE, svgDocument, text, TITLE_SIZE } from './svg.js';
import { truncate } from './text.js';

export const PAD = 12;

/** The heading's markup and the y where content below it can start. */
export function heading(title: string, width: number): { markup: string; bottom: number } {
  const shown = truncate(title, width - 2 * PAD, TITLE_SIZE, true);
  return {
    markup: text(PAD, PAD + TITLE_SIZE, shown, { 'font-size': TITLE_SIZE, 'font-weight': 'bold' }),
    bottom: PAD + TITLE_SIZE + 8,
  };
}

/** A muted line of small print at the bottom left, truncated to the width. */
export function footnote(note: string, width: number, height: number): string {
  return text(PAD, height - PAD + 2, truncate(note, width - 2 * PAD, FONT_SIZE), {
    fill: INK.muted,
  });
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
