/**
 * The month axis of a trend chart, with long gaps compressed: a run of six or more months with
 * no data takes a narrow column of its own (grey, saying "No data" and how many months), marked
 * on the baseline with an axis break (two slashes), so years not held do not squeeze the months
 * that are into a strip. Every other month has the same width. Tick labels ("Jan 25") fall on
 * calendar months every n months, n chosen so they do not collide, and on the months either side
 * of a break, so the reader sees where the series stops and resumes.
 */
import type { CategoryTick } from './axis.js';
import { monthShort } from './months.js';
import { INK } from './palette.js';
import { el, FONT_SIZE, group, text } from './svg.js';
import { textWidth } from './text.js';

/** The shortest run of months with no data that is compressed into a break. */
export const MIN_BREAK = 6;

export interface AxisBreak {
  /** First and last slot position in the break. */
  from: number;
  to: number;
  /** Left and right edge, px. */
  x0: number;
  x1: number;
}

export interface MonthLayout {
  /** Centre, left and right edge of each slot, px (a slot in a break spans the break). */
  centre: number[];
  left: number[];
  right: number[];
  /** The width of one month outside the breaks. */
  step: number;
  breaks: AxisBreak[];
}

const monthsWords = (n: number) => `${n} months`;

/** Width of a break: its two lines of words and a margin. */
function breakWidth(months: number): number {
  return Math.max(textWidth('No data', FONT_SIZE), textWidth(monthsWords(months), FONT_SIZE)) + 12;
}

/** Lays out the slots (true: no data) across `width` px from `left`. */
export function monthLayout(noData: readonly boolean[], left: number, width: number): MonthLayout {
  const runs: { from: number; to: number }[] = [];
  for (let i = 0; i < noData.length; i++) {
    if (!noData[i]) continue;
    let j = i;
    while (j + 1 < noData.length && noData[j + 1]) j++;
    if (j - i + 1 >= MIN_BREAK) runs.push({ from: i, to: j });
    i = j;
  }
  const inBreaks = runs.reduce((n, r) => n + r.to - r.from + 1, 0);
  const breakPx = runs.reduce((n, r) => n + breakWidth(r.to - r.from + 1), 0);
  const ordinary = noData.length - inBreaks;
  const step = ordinary > 0 ? Math.max(1, (width - breakPx) / ordinary) : width;
  const centre: number[] = [];
  const lefts: number[] = [];
  const rights: number[] = [];
  const breaks: AxisBreak[] = [];
  let cursor = left;
  for (let i = 0; i < noData.length; i++) {
    const run = runs.find((r) => r.from === i);
    if (run) {
      const w = breakWidth(run.to - run.from + 1);
      for (let k = run.from; k <= run.to; k++) {
        centre.push(cursor + w / 2);
        lefts.push(cursor);
        rights.push(cursor + w);
      }
      breaks.push({ from: run.from, to: run.to, x0: cursor, x1: cursor + w });
      cursor += w;
      i = run.to;
      continue;
    }
    centre.push(cursor + step / 2);
    lefts.push(cursor);
    rights.push(cursor + step);
    cursor += step;
  }
  return { centre, left: lefts, right: rights, step, breaks };
}

/** Whether slot i lies in a break. */
export function inBreak(layout: MonthLayout, i: number): boolean {
  return layout.breaks.some((b) => i >= b.from && i <= b.to);
}

/**
 * Tick marks for the months outside the breaks, labelled every n months (aligned to the
 * calendar) and beside each break, never two labels closer than a label's width.
 */
export function monthTicks(indexes: readonly number[], layout: MonthLayout): CategoryTick[] {
  const labelWidth = textWidth('May 25', FONT_SIZE) + 8;
  const every = [1, 2, 3, 6, 12, 24, 60, 120].find((n) => n * layout.step >= labelWidth) ?? 120;
  const shown = indexes.map((_, i) => i).filter((i) => !inBreak(layout, i));
  const beside = new Set<number>();
  for (const b of layout.breaks) {
    if (b.from > 0) beside.add(b.from - 1);
    if (b.to + 1 < indexes.length) beside.add(b.to + 1);
  }
  const labelled: number[] = [];
  const free = (i: number) =>
    labelled.every(
      (j) => Math.abs((layout.centre[i] ?? 0) - (layout.centre[j] ?? 0)) >= labelWidth,
    );
  for (const i of shown) if (beside.has(i) && free(i)) labelled.push(i);
  for (const i of shown) {
    if (((indexes[i] ?? 0) % every === 0 || (shown.length < every && i === shown[0])) && free(i))
      labelled.push(i);
  }
  const marks = shown.length <= 120 ? shown : labelled;
  return marks.map((i) => ({
    x: layout.centre[i] ?? 0,
    label: labelled.includes(i) ? monthShort(indexes[i] ?? 0) : '',
  }));
}

/**
 * Each break drawn over the grid: the grey column with "No data" and its months in words, and
 * the axis-break slashes across the baseline at both its edges.
 */
export function breakMarks(layout: MonthLayout, top: number, bottom: number): string[] {
  return layout.breaks.map((b) => {
    const mid = (b.x0 + b.x1) / 2;
    const cy = (top + bottom) / 2;
    const slash = (x: number) =>
      el('line', {
        x1: x - 3,
        y1: bottom + 5,
        x2: x + 3,
        y2: bottom - 5,
        stroke: INK.axis,
        'stroke-width': 1.2,
      });
    return group({ 'data-layer': 'axis-break' }, [
      el('rect', {
        x: b.x0,
        y: top,
        width: b.x1 - b.x0,
        height: bottom - top + 1,
        fill: INK.missing,
      }),
      // The baseline is broken between the slashes.
      el('rect', {
        x: b.x0 + 1,
        y: bottom - 2,
        width: b.x1 - b.x0 - 2,
        height: 4,
        fill: INK.background,
      }),
      slash(b.x0 + 1),
      slash(b.x1 - 1),
      text(mid, cy - 2, 'No data', { 'text-anchor': 'middle', fill: INK.muted }),
      text(mid, cy + FONT_SIZE + 1, monthsWords(b.to - b.from + 1), {
        'text-anchor': 'middle',
        fill: INK.muted,
      }),
    ]);
  });
}
