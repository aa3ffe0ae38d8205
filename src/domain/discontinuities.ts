/**
 * Known breaks in a crime series (config/discontinuities.yaml): periods in which recorded crime
 * was not comparable with other periods (COVID-19 restrictions) and changes of recording practice.
 * A comparison with a month of such a period on either side is flagged, and the trend it gives is
 * weighed with less confidence. Pure.
 */
import type { Month } from './month.js';

export type Nation = 'England' | 'Wales';

export interface Discontinuity {
  id: string;
  title: string;
  nations: readonly Nation[];
  /**
   * `period`: the months from..to (inclusive) are not comparable with others; `change`: recording
   * practice changed from `from` on, so a comparison with months on both sides of it spans it.
   */
  kind: 'period' | 'change';
  from: Month;
  /** The last month affected (a period only). */
  to?: Month;
  verified: boolean;
  /** Police.uk category slugs affected; absent: every category. */
  categories?: readonly string[];
  source: string;
  note?: string;
}

/** England or Wales from an ONS area code (E… or W…); null for other codes. */
export function nationOf(areaCode: string): Nation | null {
  if (areaCode.startsWith('E')) return 'England';
  if (areaCode.startsWith('W')) return 'Wales';
  return null;
}

/**
 * The discontinuities of the area's nation that touch any of the months, for a measure summing
 * `includes` (a category filter). An area of neither nation is checked against both.
 */
export function discontinuitiesTouching(
  list: readonly Discontinuity[],
  areaCode: string,
  includes: (category: string) => boolean,
  months: readonly Month[],
): Discontinuity[] {
  const nation = nationOf(areaCode);
  return list.filter(
    (d) =>
      (nation === null || d.nations.includes(nation)) &&
      (!d.categories || d.categories.some(includes)) &&
      (d.kind === 'change'
        ? months.some((m) => m < d.from) && months.some((m) => m >= d.from)
        : months.some((m) => m >= d.from && m <= (d.to ?? d.from))),
  );
}

/**
 * "COVID-19 legal restrictions in England (2020-03..2021-07; source: …)", "… (from 2023-05;
 * source: …; dates not verified)".
 */
export function discontinuityText(d: Discontinuity): string {
  const span =
    d.kind === 'change'
      ? `from ${d.from}`
      : d.from === d.to || !d.to
        ? d.from
        : `${d.from}..${d.to}`;
  return `${d.title} (${span}; source: ${d.source}${d.verified ? '' : '; dates not verified'})`;
}
