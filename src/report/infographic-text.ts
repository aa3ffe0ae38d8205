/**
 * Words for the infographic: counts as the audience may see them (a public page never shows a
 * count from 1 to 4, only "fewer than 5"), periods in words ("January to December 2025"), the
 * change and whether it is significant in words (so nothing rests on an arrow's fill alone), and
 * text wrapped to a width in px, measured with the charts' DejaVu Sans advance widths and cut
 * with an ellipsis only when it runs out of lines.
 */
import { isMonth, monthFromIndex, monthIndex } from '../domain/month.js';
import { changeDirection } from '../charts/change-arrow.js';
import { MONTH_NAMES } from '../charts/months.js';
import { formatPercentChange, formatValue, textWidth, truncate } from '../charts/text.js';
import {
  changeShown as changeMayBeShown,
  isSmall as isSmallCount,
  SUPPRESSED,
} from './disclosure.js';

export type { Audience } from './report-data.js';
import type { Audience, ReportData } from './report-data.js';

/** The figure fields these helpers read (InfographicFigure has them). */
export interface FigureLike {
  count: number | null;
  previous: number | null;
  changePct: number | null;
  significant: boolean;
  /** A public total given as a range (report/public-data.ts): shown as such, with no change. */
  countRange?: readonly [number, number] | null;
  previousRange?: readonly [number, number] | null;
}

export const SMALL_COUNT = SUPPRESSED;
export const NOT_HELD = 'not held';

/** A count a public page must not show: more than none, fewer than five (report/disclosure.ts). */
export function isSmall(n: number | null, audience: Audience): boolean {
  return audience === 'public' && n !== null && Number.isFinite(n) && isSmallCount(n);
}

/** "8,701", "0", "not held", or "fewer than 5" for 1–4 on a public page. */
export function countText(n: number | null, audience: Audience): string {
  if (n === null || !Number.isFinite(n)) return NOT_HELD;
  if (isSmall(n, audience)) return SMALL_COUNT;
  return formatValue(n);
}

/** A figure's count or previous count: "2,344–2,356" where the public page gives a range. */
export function figureText(f: FigureLike, which: 'count' | 'previous', audience: Audience): string {
  const range = which === 'count' ? f.countRange : f.previousRange;
  if (range) return `${formatValue(range[0])}–${formatValue(range[1])}`;
  return countText(which === 'count' ? f.count : f.previous, audience);
}

/**
 * Whether the change may be shown: there is one, and the disclosure rules allow it (on a public
 * page neither count is 1–4: a percentage and one count would give the other away; nor is either
 * a total given as a range).
 */
export function changeShown(f: FigureLike, audience: Audience): boolean {
  return (
    f.changePct !== null &&
    !f.countRange &&
    !f.previousRange &&
    Number.isFinite(f.changePct) &&
    f.count !== null &&
    changeMayBeShown(f.count, f.previous, audience)
  );
}

/** "+6%", or null when the change is not shown. */
export function changeText(f: FigureLike, audience: Audience): string | null {
  return changeShown(f, audience) && f.changePct !== null ? formatPercentChange(f.changePct) : null;
}

/** "significant rise", "significant fall", "no significant change", or why there is no change. */
export function changeWords(f: FigureLike, audience: Audience): string {
  if (f.changePct === null || !Number.isFinite(f.changePct) || f.count === null) {
    return 'no earlier figure to compare';
  }
  if (!changeShown(f, audience)) return 'change not shown for small numbers';
  const direction = changeDirection(f.changePct);
  if (!f.significant || direction === 'flat' || direction === 'none') {
    return 'no significant change';
  }
  return direction === 'up' ? 'significant rise' : 'significant fall';
}

/** year × 12 + month − 1, or null when the text is not "YYYY-MM". */
export function monthNumber(month: string): number | null {
  return isMonth(month) ? monthIndex(month) : null;
}

function monthFrom(n: number): { name: string; year: number } {
  return { name: MONTH_NAMES[n % 12] ?? '', year: Math.floor(n / 12) };
}

/**
 * "January to December 2025", "April 2024 to March 2025", "March 2025"; months that are not
 * "YYYY-MM" are shown as given.
 */
export function periodInWords(period: { from: string; to: string }): string {
  const a = monthNumber(period.from);
  const b = monthNumber(period.to);
  if (a === null || b === null) {
    return period.from === period.to ? period.from : `${period.from} to ${period.to}`;
  }
  const from = monthFrom(a);
  const to = monthFrom(b);
  if (a === b) return `${to.name} ${to.year}`;
  if (from.year === to.year) return `${from.name} to ${to.name} ${to.year}`;
  return `${from.name} ${from.year} to ${to.name} ${to.year}`;
}

/**
 * Month spans written as the CLI writes them ("2020-03..2021-07", "from 2023-05") in words for a
 * reader: "March 2020 to July 2021", "from May 2023". Dates (2026-01-15) are left as they are.
 */
export function monthSpansInWords(text: string): string {
  return text
    .replace(/\b(\d{4}-\d{2})\.\.(\d{4}-\d{2})\b/gu, (_, from: string, to: string) =>
      periodInWords({ from, to }),
    )
    .replace(/\b(\d{4}-\d{2})\b(?!-\d)/gu, (m: string) => periodInWords({ from: m, to: m }));
}

/** "2024" for a calendar year, otherwise as periodInWords. */
export function shortPeriod(period: { from: string; to: string }): string {
  const a = monthNumber(period.from);
  const b = monthNumber(period.to);
  if (a !== null && b !== null && a % 12 === 0 && b === a + 11) return String(a / 12);
  return periodInWords(period);
}

/** The same months a year earlier (months that are not "YYYY-MM" are kept as given). */
export function yearEarlier(period: { from: string; to: string }): { from: string; to: string } {
  const shift = (m: string) => {
    const n = monthNumber(m);
    return n === null ? m : monthFromIndex(n - 12);
  };
  return { from: shift(period.from), to: shift(period.to) };
}

/**
 * Text broken into lines no wider than maxWidth px: greedily by words, a word too long for a line
 * on its own split where it must. Past maxLines, the last line takes the rest and is cut with an
 * ellipsis. Whitespace runs count as one space; empty text gives no lines.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  bold = false,
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const fits = (s: string) => textWidth(s, fontSize, bold) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = [...word];
    while (rest.length > 0 && !fits(rest.join(''))) {
      // As much of the word as fits, and at least one character, so this ends.
      let n = rest.length - 1;
      while (n > 1 && !fits(rest.slice(0, n).join(''))) n--;
      n = Math.max(1, n);
      lines.push(rest.slice(0, n).join(''));
      rest = rest.slice(n);
    }
    line = rest.join('');
  }
  if (line !== '') lines.push(line);
  const limit = Math.max(1, Math.floor(maxLines));
  if (lines.length <= limit) return lines;
  const kept = lines.slice(0, limit - 1);
  const last = `${lines.slice(limit - 1).join(' ')}…`;
  kept.push(fits(last) ? last : truncate(last.slice(0, -1), maxWidth, fontSize, bold));
  return kept;
}

/**
 * "2021, the latest earlier year held (4 years before)", "January to June 2024, the year before":
 * exactly the months the changes compare with, and never "the previous year" for one that is not.
 */
export function comparedWithWords(
  data: Pick<ReportData, 'comparison' | 'comparisonPeriod'>,
): string {
  const c = data.comparison;
  if (c)
    return c.basis === 'previous year'
      ? c.words
      : `${c.words}, the latest earlier year held (${c.yearsBack} years before)`;
  return data.comparisonPeriod ? periodInWords(data.comparisonPeriod) : 'no earlier period';
}
