/**
 * A briefing pack's content, worked out from plain values: the local figures of one theme (the
 * trend of its measure) with disclosure control, the hidden figure in plain words, the signs
 * and the services. Pure: the use case (usecases/briefing.ts) gathers the inputs.
 *
 * Disclosure control: the pack is printed and handed out, so every count from 1 to threshold − 1
 * is shown as "fewer than 5", whoever it is for. The period total and its quarters form one
 * relation (the total is the sum of the quarters held), protected with secondary suppression
 * (domain/disclosure/protect.ts) so that no small quarter can be worked out from the rest; the
 * earlier year's total is one more cell, and the change is given only when both totals are shown.
 */
import { discontinuityCaveat } from './discontinuity-caveat.js';
import type { TrendDocument } from '../analysis/trend-table.js';
import type { BriefingTheme, BriefingThemeText } from '../config/briefing-themes.js';
import type { ReportingRate } from '../config/reporting-rates.js';
import type { AreaSummary } from '../domain/area-counts.js';
import { protectTable } from '../domain/disclosure/protect.js';
import {
  comparedMonthsSafe,
  isShown,
  isSmallCount,
  type DisclosurePolicy,
} from '../domain/disclosure/table.js';
import { calendarYearOf, monthsIn, type Month, type Period } from '../domain/month.js';
import type { SupportService } from '../domain/support-service.js';
import { surveyInWords } from '../domain/survey-name.js';
import { formatNumber } from '../charts/text.js';

export type BriefingAudience = 'volunteers' | 'staff';

export interface ShownCount {
  /** The count, or null when it is not shown (suppressed or held back). */
  value: number | null;
  /** As printed: "1,234", "fewer than 5", "not shown", "not held". */
  text: string;
  status: 'shown' | 'suppressed' | 'withheld' | 'not held';
}

export interface BriefingFigures {
  what: string;
  label: string;
  period: Period;
  comparisonPeriod: Period | null;
  total: ShownCount;
  previous: ShownCount | null;
  /** Only when both totals are shown. */
  changePct: number | null;
  quarters: { label: string; count: ShownCount }[];
  monthsHeld: number;
  monthsInPeriod: number;
  /** One sentence in plain words about the change, or why there is none. */
  change: string;
  /** The report's caveat when the change given spans a known discontinuity (discontinuityCaveat). */
  breaks?: string | null;
  synthetic: boolean;
}

export interface BriefingHiddenFigure {
  /** The share reported, when a survey gives one. */
  rate: number | null;
  /** "About 1 in 5 victims tell the police." */
  sentence: string;
  survey: string;
  table: string;
  source: string;
  verified: boolean;
  current: boolean;
}

export interface BriefingPack {
  theme: BriefingTheme;
  audience: BriefingAudience;
  area: AreaSummary;
  made: string;
  text: BriefingThemeText;
  figures: BriefingFigures | null;
  /** Why there are no figures, when there are none. */
  noFigures: string | null;
  hiddenFigure: BriefingHiddenFigure | null;
  services: SupportService[];
  threshold: number;
}

function quarterLabel(months: readonly Month[]): string {
  const name = (m: Month) =>
    new Date(`${m}-01T00:00:00Z`).toLocaleString('en-GB', {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return months.length === 1 ? name(months[0]!) : `${name(months[0]!)} to ${name(months.at(-1)!)}`;
}

/** The period's months in runs of three from its start (the last run may be shorter). */
export function quartersOf(period: Period): Month[][] {
  const months = monthsIn(period);
  const out: Month[][] = [];
  for (let i = 0; i < months.length; i += 3) out.push(months.slice(i, i + 3));
  return out;
}

/** The trend's figures with disclosure control (see the module's comment). */
export function briefingFigures(
  trend: TrendDocument,
  what: string,
  policy: DisclosurePolicy,
  /**
   * Months no sum of which may be given (a restricted dataset's months where some district of the
   * force holds a small count: usecases/briefing.ts): a quarter holding one, the year and the
   * earlier year are "not shown", or they and a reader's months of the dataset, held back by
   * month-by-month control, would give a small count back.
   */
  unsafe: ReadonlySet<Month> = new Set(),
): BriefingFigures {
  const byMonth = new Map(trend.months.map((m) => [m.month, m.count]));
  const quarters = quartersOf(trend.period).map((months, i) => {
    const counts = months.map((m) => byMonth.get(m) ?? null);
    const held = counts.filter((c): c is number => c !== null);
    const heldMonths = months.filter((m) => byMonth.get(m) != null);
    return {
      id: `q${i}`,
      months,
      heldMonths,
      value: held.length ? held.reduce((a, b) => a + b, 0) : null,
    };
  });
  const heldQuarters = quarters.filter((q) => q.value !== null);
  const cells = [
    ...heldQuarters.map((q) => ({ id: q.id, value: q.value! })),
    { id: 'total', value: trend.current },
    ...(trend.previous !== null ? [{ id: 'previous', value: trend.previous }] : []),
  ];
  const protection = protectTable(
    {
      cells,
      relations: [{ id: 'period', total: 'total', parts: heldQuarters.map((q) => q.id) }],
    },
    policy,
  );
  const touches = (months: readonly Month[]) => months.some((m) => unsafe.has(m));
  const forced = new Set(heldQuarters.filter((q) => touches(q.heldMonths)).map((q) => q.id));
  // A quarter held back is the year less the others: the year goes with it.
  if (forced.size > 0 || touches(trend.months.map((m) => m.month))) forced.add('total');
  if (touches(trend.comparison?.previousMonths ?? [])) forced.add('previous');
  const visible = (id: string) => isShown(protection, id) && !forced.has(id);
  const shown = (id: string, value: number): ShownCount => {
    const status = protection.status.get(id) ?? 'shown';
    // A sum of months each shown elsewhere as "fewer than 5" is not "fewer than 5" itself: with
    // three months of at least 1 each, that would pin each to 1 or 2 (found by QA: Prevent).
    if (forced.has(id)) return { value: null, text: 'not shown', status: 'withheld' };
    if (status === 'primary')
      return { value: null, text: `fewer than ${policy.threshold}`, status: 'suppressed' };
    if (visible(id)) return { value, text: formatNumber(value), status: 'shown' };
    return { value: null, text: 'not shown', status: 'withheld' };
  };
  const total = shown('total', trend.current);
  const previous = trend.previous !== null ? shown('previous', trend.previous) : null;
  const bothShown =
    previous !== null &&
    visible('total') &&
    visible('previous') &&
    trend.changePct !== null &&
    comparedMonthsSafe(trend.current, trend.comparison?.current, (n) => isSmallCount(n, policy));
  const changePct = bothShown ? trend.changePct : null;
  const held = trend.months.filter((m) => m.count !== null).length;
  return {
    what,
    label: trend.label,
    period: trend.period,
    comparisonPeriod: trend.comparisonPeriod,
    total,
    previous,
    changePct,
    quarters: quarters.map((q) => ({
      // A quarter partly held is named by the months it counts, not the three asked for.
      // The last run of a period that is not whole quarters is shorter: said, or Newport's
      // "Nov 2018 to Jan 2019: 938" over "Feb 2019: 290" reads as a fall of 70%.
      label:
        q.heldMonths.length > 0 && q.heldMonths.length < q.months.length
          ? `${q.heldMonths.map((m) => quarterLabel([m])).join(' and ')} only`
          : q.months.length < 3
            ? `${quarterLabel(q.months)} (${q.months.length === 1 ? 'one month' : 'two months'} only)`
            : quarterLabel(q.months),
      count:
        q.value === null
          ? { value: null, text: 'not held', status: 'not held' as const }
          : shown(q.id, q.value),
    })),
    monthsHeld: held,
    monthsInPeriod: monthsIn(trend.period).length,
    change: changeSentence(trend, changePct, previous, total),
    breaks:
      changePct === null ? null : discontinuityCaveat(trend.comparison?.discontinuities ?? []),
    synthetic: trend.notes.some((n) => n.startsWith('SYNTHETIC DATA')),
  };
}

function changeSentence(
  trend: TrendDocument,
  changePct: number | null,
  previous: ShownCount | null,
  total: ShownCount,
): string {
  if (previous === null || trend.comparisonPeriod === null)
    return 'There is no earlier year to compare with.';
  const { from, to } = trend.comparisonPeriod;
  const month = (m: string) =>
    new Date(`${m}-01T00:00:00Z`).toLocaleString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  // The nearest earlier year held, which is not always the year before (months may be missing).
  const year = calendarYearOf(trend.comparisonPeriod);
  const before = year
    ? `in ${year}`
    : from === to
      ? `in ${month(from)}`
      : `from ${month(from)} to ${month(to)}`;
  if (changePct === null && (total.status === 'withheld' || previous.status === 'withheld'))
    return 'Some of these figures are held back, because with others they could give away a very small number, so the year is not compared with the one before.';
  if (changePct === null)
    return 'The numbers are too small to compare with the year before without risk of identifying someone.';
  const pct = Math.abs(Math.round(changePct));
  const chance = trend.pValue !== null && trend.pValue >= 0.05;
  if (pct === 0) return `The number is about the same as ${before}.`;
  const way = changePct > 0 ? 'higher' : 'lower';
  return chance
    ? `The number is ${pct}% ${way} than ${before}. A change this size can happen by chance.`
    : `The number is ${pct}% ${way} than ${before}. This is more than chance would explain.`;
}

/** "About 1 in 5": the share as a simple fraction a reader knows. */
export function oneIn(share: number): string {
  const n = Math.round(1 / share);
  if (n <= 1) return 'Most';
  if (share >= 0.35) return `About ${Math.round(share * 10)} in 10`;
  return `About 1 in ${n}`;
}

export function briefingHiddenFigure(
  rate: ReportingRate | undefined,
  theme: BriefingTheme,
): BriefingHiddenFigure | null {
  if (rate === undefined) return null;
  let sentence: string;
  if (rate.rate) {
    const pct = `${Math.round(rate.rate.estimate * 100)}%, ${surveyInWords(rate.survey)}`;
    sentence =
      theme === 'domestic-abuse'
        ? `${oneIn(rate.rate.estimate)} victims of partner abuse tell the police (${pct}).`
        : `${oneIn(rate.rate.estimate)} of these incidents reach the police (${pct}).`;
    if (/ILLUSTRATIVE/u.test(rate.measure))
      sentence += ' No survey measures this for this theme, so the share for all crime is used.';
    sentence += ' So the real number is likely to be much higher than the number recorded.';
  } else {
    sentence =
      'Nobody knows what share of it is reported: no survey measures it. What is recorded is only part of what happens.';
  }
  return {
    rate: rate.rate?.estimate ?? null,
    sentence,
    survey: rate.survey,
    table: rate.table,
    source: rate.source,
    verified: rate.verified,
    current: rate.current,
  };
}
