/**
 * The public page of a district, as plain data: its priorities in plain words, its headline
 * trends with disclosure control, the partnership's public actions, "You said, we did", how to
 * report and where to get help, and what the numbers cannot tell. Pure: the use case
 * (usecases/public-page.ts) gathers the inputs.
 *
 * Disclosure control, as the public report's categories table does it (report/public-data.ts,
 * domain/disclosure/): each category's count for the year published (the latest whole year the
 * rule of domain/disclosure/public-period.ts allows, so that no two pages overlap) and for the year it is
 * compared with is a cell; all crime is the sum of the categories but ASB, in each period (a
 * relation whose total is given as the range its shown parts allow when one is small). Counts
 * from 1 to 4 are "fewer than 5"; a change is given only beside two counts shown, and not when
 * the months left out of the comparison (held, with no month a year before) are 1 to 4, since the
 * change gives their count back. The rows are in the fixed order of the categories, never by
 * count. Nothing is read from partner datasets.
 */
import { discontinuityCaveat } from './discontinuity-caveat.js';
import { oneIn } from './briefing-data.js';
import { hiddenFigure } from '../analysis/hidden-figure.js';
import type { TrendDocument } from '../analysis/trend-table.js';
import type { PublicContact, YouSaidWeDid } from '../config/public-page.js';
import type { ReportingRate } from '../config/reporting-rates.js';
import { formatNumber } from '../charts/text.js';
import type { Assessment } from '../domain/assessment.js';
import { ALL_CRIME, ASB } from '../domain/categories.js';
import { protectTable } from '../domain/disclosure/protect.js';
import {
  comparedMonthsSafe,
  type DisclosureCell,
  type DisclosurePolicy,
  type LinearRelation,
} from '../domain/disclosure/table.js';
import { monthsInWords } from '../domain/held-months.js';
import { monthsIn, type Period } from '../domain/month.js';
import type { SupportService } from '../domain/support-service.js';
import { assessmentFor } from './audience.js';

/** One action of the partnership's plan that is marked public. */
export interface PublicAction {
  /** The priority it serves, as the plan names it. */
  priority: string;
  title: string;
  status: string;
  /** When it is due (a date or month), if the plan gives one. */
  due: string | null;
}

/** A count as the public sees it. */
export interface PublicCount {
  /** The count, or null when it is not shown. */
  value: number | null;
  /** As printed: "1,234", "fewer than 5", "not shown", "1,230 to 1,242". */
  text: string;
  status: 'shown' | 'suppressed' | 'withheld' | 'range';
}

export interface HeadlineRow {
  key: string;
  label: string;
  current: PublicCount;
  previous: PublicCount | null;
  /** Only beside two counts shown. */
  changePct: number | null;
  /** "up 12%", "down 3%", "about the same", "not given". */
  change: string;
  /** Whether the change is more than chance would explain (null when no change is given). */
  clear: boolean | null;
}

export interface HeadlineTrends {
  period: Period;
  comparisonPeriod: Period | null;
  /** "the same months a year before", or the earlier months compared, in words. */
  comparedWith: string | null;
  rows: HeadlineRow[];
  /** The months of the period not held, in words; null when all are held (for the analyst: the page names the months held). */
  notHeld: string | null;
  /** The months of the period held, in words, when some are not; null when all are held. */
  held: string | null;
  /** The earlier months not compared (no count for them), in words; null when none. */
  notCompared: string | null;
  /** The report's caveat when a change given spans a known discontinuity (discontinuityCaveat). */
  breaks?: string | null;
}

export interface PublicPriorities {
  period: Period;
  savedAt: string;
  /**
   * The priorities of the partnership's plan: the High issues first ("top priority"), in rank
   * order, then the Medium ones ("also a priority"), as `plan create` made them its priorities.
   */
  items: { label: string; band: 'High' | 'Medium' }[];
}

export interface PublicHiddenFigure {
  /** "About 4 in 10 crimes are reported to the police." */
  share: string;
  survey: string;
  table: string;
  current: boolean;
  verified: boolean;
  /** The estimate of all crime in the area, when all crime is shown exactly. */
  estimate: { low: number; high: number } | null;
}

export interface PublicPage {
  area: { code: string; name: string; slug: string };
  made: string;
  /** Null until the partnership has published priorities fit for the public (`unpublished` says why). */
  priorities: PublicPriorities | null;
  /** For the analyst (never on the page): why no priorities are shown. */
  unpublished?: string;
  trends: HeadlineTrends | null;
  /** Why there are no trends, when there are none. */
  noTrends: string | null;
  actions: PublicAction[];
  /** The partnership's action plan of the area is held (its public actions may still be none). */
  planHeld?: boolean;
  /**
   * The plan year of the plan shown ("2026-27") and the plan year of the page's day: they differ
   * when this year's plan is not yet made and the page shows the one before (in April, most years).
   */
  planYear?: { shown: string; today: string };
  youSaidWeDid: YouSaidWeDid[];
  contacts: PublicContact[];
  services: SupportService[];
  hidden: PublicHiddenFigure | null;
  threshold: number;
}

/** "three-rivers": a district's name as a web address part. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/&/gu, ' and ')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/**
 * Why an assessment is not fit to give the public the partnership's priorities, or null when it
 * is: it must cover a whole year (12 months), hold every month of it, and its manual scores
 * must be the partnership's own or none (the evidence alone, as the report says), never the
 * bundled example (what a report would print as "not yet confirmed by the partnership"). A few
 * months' figures, or an analyst's trial run, are not what the partnership chose to focus on for
 * the year; a plan made from an assessment (`plan create --from-assessment`) is that choice.
 */
export function unfitToPublish(assessment: Assessment): string | null {
  const { period, coverage } = assessment;
  const months = monthsIn(period).length;
  if (months !== 12)
    return `it covers ${period.from}..${period.to} (${months} month${months === 1 ? '' : 's'}), not a whole year`;
  if (coverage && (coverage.partial || coverage.held < coverage.months))
    return `it holds ${coverage.held} of the ${coverage.months} months of ${period.from}..${period.to}`;
  if (assessment.inputs?.example === true)
    return "its manual scores are the bundled example, not the partnership's";
  return null;
}

/**
 * The priorities of the partnership's plan the public may see, in plain words: the assessment's
 * High and Medium issues, which `plan create --from-assessment` made the plan's priorities
 * (usecases/plan/plan-create.ts, PLAN_BANDS), partner-only issues left out. Only for an
 * assessment fit to publish (`unfitToPublish`).
 */
export function publicPriorities(assessment: Assessment, savedAt: string): PublicPriorities {
  const { shown } = assessmentFor(assessment, 'public');
  const ranked = [...shown.issues].sort((a, b) => a.rank - b.rank);
  const items = (['High', 'Medium'] as const).flatMap((band) =>
    ranked
      .filter((i) => i.band === band)
      .map((i) => ({ label: i.label.replace(/: .*$/u, ''), band })),
  );
  return { period: assessment.period, savedAt, items };
}

function changeWords(pct: number | null): string {
  if (pct === null) return 'not given';
  const r = Math.round(pct);
  if (r === 0) return 'about the same';
  return r > 0 ? `up ${r}%` : `down ${Math.abs(r)}%`;
}

/**
 * All crime and each category, the year published against the year compared, with
 * disclosure control (see the module's comment). `trends` are `trends --all`'s documents: every
 * category, then all crime.
 */
export function headlineTrends(
  trends: readonly TrendDocument[],
  policy: DisclosurePolicy,
): HeadlineTrends | null {
  const all = trends.find((t) => t.category === ALL_CRIME);
  if (!all) return null;
  const categories = trends.filter((t) => t.category !== ALL_CRIME);
  const crime = categories.filter((t) => t.category !== ASB);
  const cells: DisclosureCell[] = [];
  for (const t of trends) {
    const fixed = t.category === ALL_CRIME ? { suppressible: false } : {};
    cells.push({ id: `${t.category} now`, value: t.current, ...fixed });
    if (t.previous !== null)
      cells.push({ id: `${t.category} before`, value: t.previous, ...fixed });
  }
  const relations: LinearRelation[] = [
    {
      id: 'all crime now',
      total: `${ALL_CRIME} now`,
      parts: crime.map((t) => `${t.category} now`),
      totalAs: 'range',
    },
  ];
  if (all.previous !== null)
    relations.push({
      id: 'all crime before',
      total: `${ALL_CRIME} before`,
      parts: crime.filter((t) => t.previous !== null).map((t) => `${t.category} before`),
      totalAs: 'range',
    });
  const p = protectTable({ cells, relations }, policy);
  const shown = (id: string, value: number): PublicCount => {
    const status = p.status.get(id) ?? 'shown';
    if (status === 'shown') return { value, text: formatNumber(value), status: 'shown' };
    if (status === 'primary')
      return { value: null, text: `fewer than ${policy.threshold}`, status: 'suppressed' };
    if (status === 'range') {
      const [lo, hi] = p.ranges.get(id) ?? [0, Infinity];
      return {
        value: null,
        text: Number.isFinite(hi)
          ? `${formatNumber(lo)} to ${formatNumber(hi)}`
          : `at least ${formatNumber(lo)}`,
        status: 'range',
      };
    }
    return { value: null, text: 'not shown', status: 'withheld' };
  };
  const small = (n: number) => n > 0 && n < policy.threshold;
  const row = (t: TrendDocument): HeadlineRow => {
    const current = shown(`${t.category} now`, t.current);
    const previous = t.previous === null ? null : shown(`${t.category} before`, t.previous);
    const given =
      current.status === 'shown' &&
      previous?.status === 'shown' &&
      comparedMonthsSafe(t.current, t.comparison?.current, small);
    const changePct = given ? t.changePct : null;
    const p = t.pValueAdjusted ?? t.pValue;
    return {
      key: t.category,
      label: t.label,
      current,
      previous,
      changePct,
      change: changeWords(changePct),
      clear: changePct === null || p === null ? null : p < 0.05,
    };
  };
  const rows = [all, ...categories].map((doc) => ({ doc, row: row(doc) }));
  const missing = all.months.filter((m) => m.count === null).map((m) => m.month);
  const unpaired = all.comparison?.unpaired ?? [];
  return {
    period: all.period,
    comparisonPeriod: all.comparisonPeriod,
    comparedWith: all.comparison
      ? all.comparison.basis === 'previous year'
        ? 'the same months a year before'
        : `the same months of ${all.comparison.base}, the latest earlier year held`
      : null,
    rows: rows.map((r) => r.row),
    notHeld: missing.length > 0 ? monthsInWords(missing) : null,
    held:
      missing.length > 0
        ? monthsInWords(all.months.filter((m) => m.count !== null).map((m) => m.month))
        : null,
    notCompared: unpaired.length > 0 ? monthsInWords(unpaired) : null,
    breaks: discontinuityCaveat(
      rows
        .filter((r) => r.row.changePct !== null)
        .flatMap((r) => r.doc.comparison?.discontinuities ?? []),
    ),
  };
}

/** Round to a figure a reader takes as an estimate: tens below 1,000, else hundreds. */
const roughly = (n: number) => (n < 1000 ? Math.round(n / 10) * 10 : Math.round(n / 100) * 100);

/** The share of crime reported, in words, from the reporting rate of all crime. */
export function publicHiddenFigure(
  rate: ReportingRate | undefined,
  trends: HeadlineTrends | null,
): PublicHiddenFigure | null {
  if (!rate?.rate) return null;
  const all = trends?.rows[0];
  const estimate =
    all?.current.status === 'shown' && all.current.value !== null && all.current.value > 0
      ? hiddenFigure(all.current.value, rate.rate).interval
      : null;
  return {
    share: `${oneIn(rate.rate.estimate)} crimes are reported to the police.`,
    survey: rate.survey,
    table: rate.table,
    current: rate.current,
    verified: rate.verified,
    estimate: estimate && { low: roughly(estimate[0]), high: roughly(estimate[1]) },
  };
}
