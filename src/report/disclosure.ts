/**
 * Statistical disclosure control for the public version of a report: any count from 1 to 4 is
 * shown as "fewer than 5", and a change is not given when either count it compares is that small
 * (the change and one count would give the other away). Zero is shown: an absence identifies no
 * one. The partner audience sees every number.
 */
import type { RationaleWords } from '../analysis/issue-rationale.js';
import { formatNumber } from '../charts/text.js';
import type { Audience } from './report-data.js';

export const SMALL_NUMBER_LIMIT = 5;
export const SUPPRESSED = 'fewer than 5';

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
  const r = Math.round(changePct);
  return r === 0 ? '0%' : `${r > 0 ? '+' : '−'}${Math.abs(r)}%`;
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
