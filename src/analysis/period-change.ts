/**
 * How a monthly count moved from one period to a later one (an action plan's base period, the
 * assessment it was built from, to the period of the next assessment), with the statistics
 * `lantern trends` gives: the change and the exact test of it (analysis/compare-counts.ts).
 *
 * Two periods of the same length are compared month by month, the i-th month of one against the
 * i-th of the other, only where both are held (one missing month costs that month, not the year),
 * so a base period the year before gives exactly the comparison `trends` makes. Periods of
 * different lengths are compared as counts per month held. The months not held on either side are
 * named: unknown, not zero, and counted on neither side.
 */
import { monthsIn, type Month, type Period } from '../domain/month.js';
import { compareCounts } from './compare-counts.js';

export interface PeriodChange {
  base: Period;
  period: Period;
  /** The count over the months compared of each period. */
  previous: number;
  current: number;
  changePct: number | null;
  /** Null where it is not given (the public version, beside a count from 1 to 4). */
  pValue: number | null;
  significant: boolean;
  /** `paired`: month by month; `per month`: periods of different lengths, as counts per month. */
  basis: 'paired' | 'per month';
  /** Months of either period not held (so on neither side of a paired comparison). */
  notHeld: { base: Month[]; period: Month[] };
  /** Months held whose counterpart is not, left out of a paired comparison. */
  unpaired: Month[];
}

/** Null when no month of one period or the other is held (nothing to compare). */
export function periodChange(
  series: ReadonlyMap<Month, number>,
  base: Period,
  period: Period,
): PeriodChange | null {
  const before = monthsIn(base);
  const after = monthsIn(period);
  const held = (m: Month) => series.has(m);
  const notHeld = { base: before.filter((m) => !held(m)), period: after.filter((m) => !held(m)) };
  const sum = (ms: readonly Month[]) => ms.reduce((n, m) => n + (series.get(m) ?? 0), 0);
  let previous: number;
  let current: number;
  let exposure: [number, number] = [1, 1];
  let unpaired: Month[] = [];
  let basis: PeriodChange['basis'];
  if (before.length === after.length) {
    const pairs = after.map((m, i) => [before[i] as Month, m] as const);
    const both = pairs.filter(([b, a]) => held(b) && held(a));
    if (both.length === 0) return null;
    unpaired = pairs
      .filter(([b, a]) => held(b) !== held(a))
      .map(([b, a]) => (held(b) ? b : a))
      .sort();
    previous = sum(both.map(([b]) => b));
    current = sum(both.map(([, a]) => a));
    basis = 'paired';
  } else {
    const heldBefore = before.filter(held);
    const heldAfter = after.filter(held);
    if (heldBefore.length === 0 || heldAfter.length === 0) return null;
    previous = sum(heldBefore);
    current = sum(heldAfter);
    exposure = [heldAfter.length, heldBefore.length];
    basis = 'per month';
  }
  const test = compareCounts(current, previous, exposure[0], exposure[1]);
  return {
    base,
    period,
    previous,
    current,
    changePct: test.changePct,
    pValue: test.pValue,
    significant: test.pValue < 0.05,
    basis,
    notHeld,
    unpaired,
  };
}
