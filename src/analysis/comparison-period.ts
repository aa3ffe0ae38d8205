/**
 * Which earlier months to compare a period with, month by month: each observed month of the
 * period against the same calendar month a whole number of years before, only where both are
 * held (police.uk series have gaps: one missing month costs that month, not the year). The
 * earlier year is the nearest one in which at least three quarters of the period's observed months
 * have their counterpart held; failing that, the one with the most pairs (the nearest on ties).
 * The earlier months lie wholly before the period: a period over twelve months is compared with
 * the same months at least as many whole years back as it spans (2019-01..2021-06 with
 * 2016-01..2018-06 or earlier), never with months of its own. None when no earlier month pairs
 * with any month of the period.
 *
 * The choice names exactly the months compared on each side, so a label never names a month that
 * was not counted, and says whether the base is the immediately preceding year.
 */
import { min } from 'd3-array';
import { monthRunsText } from '../domain/held-months.js';
import { monthFromIndex, monthIndex, monthsIn, type Month, type Period } from '../domain/month.js';

export interface ComparisonChoice {
  /** The months of the current period compared (observed, with their counterpart observed). */
  currentMonths: Month[];
  /** Their counterparts, `yearsBack` years earlier, in the same order. */
  previousMonths: Month[];
  /** The span of the months compared on the earlier side (first to last). */
  period: Period;
  yearsBack: number;
  /** Whether the earlier months are the span just before the period (the year before, for a year or less). */
  adjacent: boolean;
  /** The earlier months as runs: "2021-01..2021-02, 2021-04..2021-12". */
  label: string;
  /** Observed months of the current period left out of the comparison: no counterpart held. */
  unpaired: Month[];
}

/** At least this share of the period's observed months paired makes a year the base. */
const ENOUGH_PAIRED = 0.75;

export function chooseComparison(
  period: Period,
  observed: ReadonlySet<Month>,
): ComparisonChoice | null {
  const held = monthsIn(period).filter((m) => observed.has(m));
  if (held.length === 0 || observed.size === 0) return null;
  const earliest = min(observed, monthIndex) as number;
  let best: { years: number; pairs: Month[] } | null = null;
  // The fewest whole years back that put the period's last month before its first.
  const fewest = Math.ceil(monthsIn(period).length / 12);
  for (
    let years = fewest;
    monthIndex(held[held.length - 1] as Month) - 12 * years >= earliest;
    years++
  ) {
    const pairs = held.filter((m) => observed.has(monthFromIndex(monthIndex(m) - 12 * years)));
    if (pairs.length >= ENOUGH_PAIRED * held.length) {
      best = { years, pairs };
      break;
    }
    if (pairs.length > (best?.pairs.length ?? 0)) best = { years, pairs };
  }
  if (!best) return null;
  const years = best.years;
  const previousMonths = best.pairs.map((m) => monthFromIndex(monthIndex(m) - 12 * years));
  return {
    currentMonths: best.pairs,
    previousMonths,
    period: {
      from: previousMonths[0] as Month,
      to: previousMonths[previousMonths.length - 1] as Month,
    },
    yearsBack: years,
    adjacent: years === fewest,
    label: monthRunsText(previousMonths),
    unpaired: held.filter((m) => !best.pairs.includes(m)),
  };
}
