/**
 * Statistical disclosure control for the public version of a report, cell by cell: any count from
 * 1 to 4 is shown as "fewer than 5", and a change is not given when either count it compares is
 * that small (the change and one count would give the other away). Zero is shown: an absence
 * identifies no one. The partner audience sees every number but a restricted dataset's (prevent,
 * domestic-abuse), whose counts from 1 to 4 are held back for everyone (analysis/restricted-issue.ts;
 * a priority of one is shown as the public's, `restricted`). What else the public version holds
 * back so that no suppressed count can be worked out from the rest (totals, orders, reference
 * lines, rates) is in report/public-data.ts.
 */
import type { RationaleWords } from '../analysis/issue-rationale.js';
import { formatNumber } from '../charts/text.js';
import { formatChangePct } from '../domain/rounding.js';
import type { Audience, Figure } from './report-data.js';

export const SMALL_NUMBER_LIMIT = 5;
export const SUPPRESSED = 'fewer than 5';
/** A count held back although it is not small, because it would give a small one away. */
export const WITHHELD = 'not shown';

export const isSmall = (n: number | null | undefined): boolean =>
  n != null && n > 0 && n < SMALL_NUMBER_LIMIT;

/** A count for display: en-GB thousands, "fewer than 5" for the public, "not held" for null. */
export function showCount(n: number | null | undefined, audience: Audience): string {
  if (n == null) return 'not held';
  if (audience === 'public' && isSmall(n)) return SUPPRESSED;
  return formatNumber(Math.round(n));
}

/** A count as a CSV cell: the number, or "fewer than 5" for the public, or empty for null. */
export function csvCount(n: number | null | undefined, audience: Audience): string | number {
  if (n == null) return '';
  return audience === 'public' && isSmall(n) ? SUPPRESSED : n;
}

/** A total shown as the range its shown parts allow: "2,344 to 2,356". */
export function showRange([low, high]: readonly [number, number]): string {
  return `${formatNumber(low)} to ${formatNumber(high)}`;
}

/** "fewer than 5" or "not shown": a restricted dataset's count held back, if it is. */
function heldBack(f: Figure, which: 'count' | 'previous'): string | null {
  const as = f.withheld?.[which === 'count' ? 'recorded' : 'previous'];
  if (!as) return null;
  return as === 'fewer than' ? `fewer than ${f.withheld!.threshold}` : WITHHELD;
}

/** A figure's count (or previous count) as a CSV cell: as `csvCount`, or held back in words. */
export function csvFigure(
  f: Figure,
  which: 'count' | 'previous',
  audience: Audience,
): string | number {
  return heldBack(f, which) ?? csvCount(which === 'count' ? f.count : f.previous, audience);
}

/**
 * A figure's count (or previous count) as shown: a range where the public version gives one, the
 * words where a restricted dataset holds it back.
 */
export function showFigure(f: Figure, which: 'count' | 'previous', audience: Audience): string {
  const held = heldBack(f, which);
  if (held) return held;
  const range = which === 'count' ? f.countRange : f.previousRange;
  return range ? showRange(range) : showCount(which === 'count' ? f.count : f.previous, audience);
}

/** Whether a figure's change may be shown: never beside a small count or a total given as a range. */
export function figureChangeShown(f: Figure, audience: Audience): boolean {
  return (
    f.changePct !== null &&
    !f.countRange &&
    !f.previousRange &&
    changeShown(f.count, f.previous, audience)
  );
}

/** Whether a change between two counts may be shown to this audience. */
export function changeShown(
  current: number | null | undefined,
  previous: number | null | undefined,
  audience: Audience,
): boolean {
  return audience === 'partner' || (!isSmall(current) && !isSmall(previous));
}

export function showChange(
  changePct: number | null,
  current: number | null,
  previous: number | null,
  audience: Audience,
): string {
  if (changePct === null) return '–';
  if (!changeShown(current, previous, audience)) return 'not shown (small numbers)';
  return formatChangePct(changePct);
}

/** The words of an issue's rationale for the public (analysis/issue-rationale.ts). */
export const PUBLIC_WORDS: RationaleWords = {
  count: (n) => showCount(n, 'public'),
  changeShown: (current, previous) => changeShown(current, previous, 'public'),
};

/** The cells of a hotspot map an audience may see: the public sees none of 1 to 4. */
export function cellsShown<T extends { count: number }>(
  cells: readonly T[],
  audience: Audience,
): T[] {
  return audience === 'public' ? cells.filter((c) => !isSmall(c.count)) : [...cells];
}
