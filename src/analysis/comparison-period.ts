/**
 * Which earlier months to compare a period with: the same calendar months a year before; where
 * any of those is missing (police.uk series have gaps), the same months two, three… years before,
 * the nearest complete set; none when the data do not go back far enough. Only the months of the
 * current period that are themselves observed are compared, so both sides cover equal months.
 */
import { min } from 'd3-array';
import { monthFromIndex, monthIndex, monthsIn, type Month, type Period } from '../domain/month.js';

export interface ComparisonChoice {
  /** The observed months of the current period, and their counterparts years back. */
  currentMonths: Month[];
  previousMonths: Month[];
  period: Period;
  yearsBack: number;
}

export function chooseComparison(
  period: Period,
  observed: ReadonlySet<Month>,
): ComparisonChoice | null {
  const currentMonths = monthsIn(period).filter((m) => observed.has(m));
  if (currentMonths.length === 0 || observed.size === 0) return null;
  const earliest = min(observed, monthIndex) as number;
  for (let years = 1; ; years++) {
    const previousMonths = currentMonths.map((m) => monthFromIndex(monthIndex(m) - 12 * years));
    if (monthIndex(previousMonths[0] as Month) < earliest) return null;
    if (previousMonths.every((m) => observed.has(m))) {
      const shift = (m: Month) => monthFromIndex(monthIndex(m) - 12 * years);
      return {
        currentMonths,
        previousMonths,
        period: { from: shift(period.from), to: shift(period.to) },
        yearsBack: years,
      };
    }
  }
}
