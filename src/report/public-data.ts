/**
 * The public version of a report's data. Counts from 1 to 4 are suppressed cell by cell
 * (disclosure.ts); this module makes sure nothing else published gives them back. Someone holding
 * the whole public report (HTML, CSVs, SVG and PNG) and Lantern's code must not be able to pin a
 * suppressed count to one value by:
 *
 * - **order**: rows with a suppressed count come after the rows shown, in alphabetical order
 *   (categories, districts compared), never in the order of their counts or rates;
 * - **a rate, share, change, significance or rank beside it**: no rate per 1,000, no force rate
 *   (with the area's population it bounds the likelihood score's rate ratio), no change, no
 *   significance (the trend adjustment of the risk matrix included), no harm-weighted rank;
 * - **totals** (through domain/disclosure, the one disclosure module): all crime is the sum of its
 *   categories, so with any category suppressed the total is given as the range its shown
 *   categories allow (shown + 1 to 4 each), with no change; a priority's months sum to its period
 *   totals, so when any month of the period or of the earlier period it is compared with is
 *   suppressed, every month of that period is held back ("not shown"), which leaves any month
 *   able to take other values;
 * - **reference lines**: the funnel plot's overall rate is that of the districts shown (so the
 *   line cannot be multiplied back into a total), and so is the spread between districts its
 *   overdispersed limits allow for (their width would otherwise depend on the suppressed counts),
 *   the force rate of a category whose districts
 *   compared include a suppressed one is not given, and no expected range is drawn for a series
 *   with a suppressed month (the seasonal model is fitted from it);
 * - **outcomes and stop and search** (`publicTrust`): a group's share or rate is not given where
 *   its count (or the finds or arrests it is a share of) is from 1 to 4; since a breakdown's
 *   counts sum to a total that is shown, a breakdown with exactly one count suppressed holds back
 *   the next smallest too ("not shown"), and categories with fewer than 5 crimes are left out of
 *   the outcomes table, which then gives no crime total and no group count, shares only: the total
 *   less the categories shown would give the small ones back; and since the share charged of all crimes gives the crimes charged
 *   anyway, the charged counts by category are protected as parts of that total
 *   (`chargedHeldBack`: a category's count and share charged "not shown" beside a small one);
 *   and with a category of fewer than 5 crimes, the crimes are a range, which the shares of all
 *   crimes, as printed, must not pin (`shareDigitsOf`): whole percentages then, with no interval,
 *   or none where even those would narrow a small count;
 *   disproportionality is not given for a group with fewer than 5 searches; map squares with fewer
 *   than 5 searches are not shaded;
 * - **partner-only data**: issues from datasets shared only between partners are left out
 *   (report/audience.ts, which also numbers the rest 1..n with no gaps), and a concern share from
 *   a survey shared only between partners is not given (the harm point it added is named as
 *   partner evidence).
 *
 * Pure: the report's complete data in, the public's out.
 */
import {
  estimateOverdispersion,
  funnelFlag,
  funnelLimits,
  funnelLines,
} from '../analysis/funnel.js';
import { issueRationale } from '../analysis/issue-rationale.js';
import { adjustmentKind } from '../analysis/risk-scoring.js';
import { ASB } from '../domain/categories.js';
import { CONCERN_NOTE, type AssessedIssue } from '../domain/assessment.js';
import { findDataset } from '../domain/datasets.js';
import { protectTable } from '../domain/disclosure/protect.js';
import { safeShareDigits } from '../domain/disclosure/shares.js';
import {
  comparedMonthsSafe,
  DEFAULT_DISCLOSURE_POLICY,
  type DisclosureCell,
  type DisclosurePolicy,
  type LinearRelation,
} from '../domain/disclosure/table.js';
import type { Period } from '../domain/month.js';
import { beyond998 } from './comparison-evidence.js';
import { cellsShown, changeShown, isSmall, PUBLIC_WORDS } from './disclosure.js';
import { periodInWords } from './infographic-text.js';
import { countActions } from '../domain/plan/plan-review.js';
import type {
  CategoryRow,
  Figure,
  PartnerRow,
  PlanReviewData,
  PriorityEvidence,
  ReportData,
  SearchGroupRow,
  TrustData,
} from './report-data.js';

const PUBLIC_CONCERN_NOTE =
  'Public concern comes from the inputs file, else from a survey shared only between partners, whose figures this public version does not give.';

export function publicReportData(
  data: ReportData,
  policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY,
): ReportData {
  const issues = new Map(data.assessment.issues.map((i) => [i.key, i]));
  const review = data.planReview && publicPlanReview(data.planReview);
  const priorities = data.priorities.map((p) => {
    const e = issues.get(p.key)?.evidence;
    const moved = review?.priorities.find((r) => r.key === p.key)?.figures;
    const totals: PeriodTotal[] = [
      ...(e
        ? [
            { period: data.period, total: e.recorded },
            ...(e.comparedWith ? [{ period: e.comparedWith, total: e.previous }] : []),
          ]
        : []),
      // The plan review's counts are totals of the same months too.
      ...(moved
        ? [
            { period: moved.base, total: moved.previous },
            { period: moved.period, total: moved.current },
          ]
        : []),
    ];
    return {
      ...p,
      trend: publicTrend(p.trend, totals, policy),
      comparison: publicComparison(p.comparison),
      hotspot: p.hotspot && {
        ...p.hotspot,
        cells: cellsShown(p.hotspot.cells, 'public'),
        top: p.hotspot.top.filter((t) => !isSmall(t.count)),
        notes: [...p.hotspot.notes, 'Cells with fewer than 5 incidents are not shaded.'],
      },
      places: p.places && { ...p.places, top: p.places.top.filter((t) => !isSmall(t.count)) },
    };
  });
  // A force rate and a funnel with a suppressed district would give the district back.
  const noForceRate = new Set(
    priorities.filter((p) => p.comparison?.rateOf === 'areas shown').map((p) => p.key),
  );
  const harmRanks = !data.assessment.issues.some(
    (i) =>
      i.source === 'police.uk' && i.evidence.harmWeight !== null && isSmall(i.evidence.recorded),
  );
  const shownIssues = data.assessment.issues.map((i) => publicIssue(i, noForceRate, harmRanks));
  const rationale = new Map(shownIssues.map((i) => [i.key, i.rationale]));
  const crime = data.categories.filter((c) => c.key !== ASB);
  return {
    ...data,
    totals: {
      crime: totalOf(
        data.totals.crime,
        crime.map((c) => c.count),
        crime.map((c) => c.previous),
        policy,
      ),
      asb: figureOf(data.totals.asb),
    },
    assessment: {
      ...data.assessment,
      issues: shownIssues,
      notes: data.assessment.notes.map((n) =>
        n === CONCERN_NOTE && findDataset('community-concern')?.sensitivity !== 'public'
          ? PUBLIC_CONCERN_NOTE
          : n,
      ),
    },
    priorities: priorities.map((p) => ({ ...p, rationale: rationale.get(p.key) ?? p.rationale })),
    categories: inFixedOrder(
      data.categories.map((c) => categoryOf(c, noForceRate)),
      (c) => c.count,
      (c) => c.label,
    ),
    partner: data.partner.map((p): PartnerRow => ({ ...p, ...figureOf(p) })),
    ...(data.trust ? { trust: publicTrust(data.trust) } : {}),
    ...(review !== undefined ? { planReview: review } : {}),
  };
}

/**
 * The review of the previous action plan, for the public: only the actions marked public (counted
 * again from them), with no owner (an owner may be a person; the organisation is given), and no
 * priority of data shared only between partners. A change is not given beside a count from 1 to
 * 4; and where the two periods are not held for the same months the counts compared are of fewer
 * months than the period's (given elsewhere), which would give the months left out away, so no
 * figures are given.
 */
export function publicPlanReview(review: PlanReviewData): PlanReviewData {
  const partnerOnly = (key: string) => {
    const dataset = findDataset(key);
    return dataset !== undefined && dataset.sensitivity !== 'public';
  };
  return {
    ...review,
    withheld: [
      ...review.withheld,
      ...review.priorities.filter((p) => partnerOnly(p.key)).map((p) => p.label),
    ],
    priorities: review.priorities
      .filter((p) => !partnerOnly(p.key))
      .map((p) => {
        const items = p.items.filter((a) => a.public).map((a) => ({ ...a, owner: null }));
        const f = p.figures;
        const uneven = f !== null && f.unpaired.length > 0;
        return {
          ...p,
          items,
          actions: countActions(items),
          figures:
            f === null || uneven
              ? null
              : changeShown(f.current, f.previous, 'public')
                ? f
                : { ...f, pValue: null, significant: false },
          noFigures: uneven
            ? 'not given in this public version: the two periods are not held for the same months, and the months left out could be worked out'
            : p.noFigures,
        };
      }),
  };
}

/**
 * Which of a breakdown's counts to hold back: those from 1 to 4, and as many others as it takes
 * that none of them can be narrowed from the total, which is shown (domain/disclosure/protect.ts).
 * Holding back only the next smallest beside a lone small count left two small ones that sum to 2
 * each pinned to 1 (found by QA, from reading this code).
 */
function heldBack(counts: readonly number[]): Set<number> {
  const cells: DisclosureCell[] = [
    { id: 'total', value: counts.reduce((a, b) => a + b, 0), suppressible: false },
    ...counts.map((value, i) => ({ id: `p${i}`, value })),
  ];
  const relation: LinearRelation = {
    id: 'total',
    total: 'total',
    parts: counts.map((_, i) => `p${i}`),
  };
  const { status } = protectTable({ cells, relations: [relation] }, DEFAULT_DISCLOSURE_POLICY);
  return new Set(
    counts.flatMap((_, i) => ((status.get(`p${i}`) ?? 'shown') === 'shown' ? [] : [i])),
  );
}

/**
 * A breakdown's rows for the public: counts from 1 to 4 and those that would give one back held
 * back (heldBack), and with them their rates. The finds (and the arrests) of a breakdown's rows
 * also sum to a total the text gives (the find rate of all searches times the searches), so a
 * rate is not given where the finds (arrests) behind it are held back as a count would be: from 1
 * to 4, or beside one of those (QA: North Tyneside 2021, 22 arrests of all searches less Male's
 * 19 gave Female's, held back, as 3).
 */
function publicSearchRows<T extends SearchGroupRow>(rows: readonly T[]): T[] {
  const back = heldBack(rows.map((r) => r.searches));
  const hidden = (i: number) => back.has(i) || isSmall(rows[i]!.searches);
  const findsBack = heldBack(rows.map((r) => r.finds));
  const arrestsBack = heldBack(rows.map((r) => r.arrests));
  return rows.map((r, i) => {
    const withheld = back.has(i) && !isSmall(r.searches);
    const finds = hidden(i) || findsBack.has(i);
    const arrests = hidden(i) || arrestsBack.has(i);
    return {
      ...r,
      ...(withheld ? { withheld: true } : {}),
      findRate: finds ? null : r.findRate,
      findRateCi95: finds ? null : r.findRateCi95,
      arrestRate: arrests ? null : r.arrestRate,
      arrestRateCi95: arrests ? null : r.arrestRateCi95,
    };
  });
}

/**
 * Which categories' charged counts to hold back ("not shown", with their share charged) beside
 * those from 1 to 4. The charged counts sum to the crimes charged, which a reader has from the
 * share charged and the crimes (the category table's, the report's Table 1), so a relation with
 * that total, protected as any other (domain/disclosure/protect.ts). Found by QA: East
 * Hertfordshire's 6.1% of 8,053 less the charged counts shown gave theft from the person's
 * "fewer than 5" as 1; St Helens' three were 1 each. Categories left out of the table (fewer
 * than 5 crimes) are parts too, taken as known to the reader: more than they are.
 */
function chargedHeldBack(o: NonNullable<TrustData['outcomes']>): Set<number> {
  const cells: DisclosureCell[] = [
    { id: 'charged', value: o.charged, suppressible: false },
    ...o.categories.map((c, i) =>
      isSmall(c.crimes)
        ? { id: `c${i}`, value: c.charged, known: true }
        : { id: `c${i}`, value: c.charged },
    ),
  ];
  const relation: LinearRelation = {
    id: 'charged',
    total: 'charged',
    parts: o.categories.map((_, i) => `c${i}`),
  };
  const { status } = protectTable({ cells, relations: [relation] }, DEFAULT_DISCLOSURE_POLICY);
  return new Set(
    o.categories.flatMap((c, i) =>
      !isSmall(c.crimes) && ['secondary', 'withheld'].includes(status.get(`c${i}`) ?? '')
        ? [i]
        : [],
    ),
  );
}

/**
 * The decimals the shares of all crimes may be printed with (1, else whole, else none: null).
 * With a category of 1 to 4 crimes the crimes are given as a range, which the shares, rounded as
 * printed, must not narrow (domain/disclosure/shares.ts); otherwise the crimes are known and one
 * decimal gives nothing away.
 */
function shareDigitsOf(o: NonNullable<TrustData['outcomes']>, back: Set<number>): 1 | 0 | null {
  const small = o.categories.filter((c) => isSmall(c.crimes));
  if (small.length === 0) return 1;
  const shares = [
    ...o.groups.flatMap((g, i) => (back.has(i) || g.share === null ? [] : [g.share])),
    ...(o.chargeShare === null ? [] : [o.chargeShare]),
  ];
  const shown = o.categories.reduce((n, c) => n + (isSmall(c.crimes) ? 0 : c.crimes), 0);
  return safeShareDigits(
    shares,
    { shown, heldBack: small.length },
    DEFAULT_DISCLOSURE_POLICY.threshold,
  );
}

/** The public version of the report's outcomes and stop-and-search section (see the header). */
export function publicTrust(trust: TrustData): TrustData {
  const o = trust.outcomes;
  const s = trust.stopSearch;
  const back = o ? heldBack(o.groups.map((g) => g.count)) : new Set<number>();
  const charged = o ? chargedHeldBack(o) : new Set<number>();
  const digits = o ? shareDigitsOf(o, back) : 1;
  return {
    outcomes: o && {
      ...o,
      // The crimes are given as a range only where a category has 1 to 4: then the groups' counts,
      // which sum to them, are not given either. Otherwise every count is known from its share of
      // the crimes, so it is shown (QA: "not shown" beside a share that gave it exactly); the
      // charged counts by category are protected against the total charged (chargedHeldBack).
      ...(o.categories.some((c) => isSmall(c.crimes)) ? { countsWithheld: true } : {}),
      // A share's interval holds for fewer totals than the share does: not given when the crimes
      // are a range.
      ...(digits === 1 ? {} : { chargeShareCi95: null }),
      ...(digits === 0 ? { shareDigits: 0 as const } : {}),
      ...(digits === null
        ? { chargeShare: null, chargeShareCi95: null, sharesWithheld: true }
        : {}),
      groups: o.groups.map((g, i) => ({
        ...g,
        share: back.has(i) || digits === null ? null : g.share,
        ...(back.has(i) || digits === null ? { withheld: true } : {}),
      })),
      categories: o.categories.flatMap((c, i) =>
        isSmall(c.crimes)
          ? []
          : [
              charged.has(i)
                ? { ...c, chargeShare: null, chargedWithheld: true }
                : { ...c, chargeShare: isSmall(c.charged) ? null : c.chargeShare },
            ],
      ),
    },
    stopSearch: s && publicSearches(s),
  };
}

const RATES_HELD_BACK =
  'A find or arrest rate shown as – is not given in this public version: it would give away a number under 5, or one held back beside such a number.';

const TREND_HELD_BACK =
  'The change against the same months of an earlier year is not given in this public version: with so few searches it would give away a number under 5.';

/** "12 searches had no self-defined ethnicity stated …": the Not stated row's count, in words. */
const NOT_STATED_NOTE = /^[\d,]+ (searches had no self-defined ethnicity stated)/u;

function publicSearches(s: NonNullable<TrustData['stopSearch']>): TrustData['stopSearch'] {
  const byEthnicGroup = publicSearchRows(s.byEthnicGroup).map((r) =>
    r.withheld || isSmall(r.searches) ? { ...r, ratePer1000: null, ratio: null, ci95: null } : r,
  );
  const byAge = publicSearchRows(s.byAge);
  const byGender = publicSearchRows(s.byGender);
  // The notes count the searches with no self-defined ethnicity: the table's Not stated row. Where
  // that row is held back, the count in words would give it back, and with it the small groups
  // (QA: Three Rivers' 322 less White, Mixed, Asian and the 12 left Black and Other 1 each).
  const notStated = byEthnicGroup.find((r) => r.value === 'Not stated');
  const notStatedHidden =
    notStated !== undefined && (notStated.withheld || isSmall(notStated.searches));
  // The find and arrest rates of all searches give the finds and arrests: not where those are 1 to 4.
  const small = (rate: number | null) => rate !== null && isSmall(Math.round(rate * s.searches));
  const findsSmall = small(s.findRate);
  const arrestsSmall = small(s.arrestRate);
  // The trend's words give the earlier searches and those of the months compared (so the period's
  // less them gives the months left out): as for a priority's change, neither may be 1 to 4.
  const t = s.trendCounts;
  const trendSafe =
    !t ||
    (comparedMonthsSafe(t.current, t.compared, isSmall) &&
      changeShown(t.compared, t.previous, 'public'));
  const rows = [...byEthnicGroup, ...byAge, ...byGender];
  return {
    ...s,
    trend: trendSafe ? s.trend : TREND_HELD_BACK,
    trendCounts: null,
    ...(findsSmall ? { findRate: null, findRateCi95: null, findsSmall } : {}),
    ...(arrestsSmall ? { arrestRate: null, arrestRateCi95: null, arrestsSmall } : {}),
    byEthnicGroup,
    byAge,
    byGender,
    map: cellsShown(s.map, 'public'),
    notes: [
      ...(notStatedHidden ? s.notes.map((n) => n.replace(NOT_STATED_NOTE, 'Some $1')) : s.notes),
      // A rate left out is otherwise a bare "–" beside a count (QA: White's, beside 298 searches).
      ...(rows.some((r) => r.searches > 0 && (r.findRate === null || r.arrestRate === null))
        ? [RATES_HELD_BACK]
        : []),
    ],
  };
}

/** Rows with a shown count in the order given, then the suppressed ones by name. */
export function inFixedOrder<T>(
  rows: readonly T[],
  count: (row: T) => number,
  name: (row: T) => string,
): T[] {
  const suppressed = rows.filter((r) => isSmall(count(r)));
  return [
    ...rows.filter((r) => !isSmall(count(r))),
    ...suppressed.sort((a, b) => name(a).localeCompare(name(b), 'en-GB')),
  ];
}

/**
 * A figure whose change is not shown carries no significance either. Where some month held has no
 * counterpart, the change is of the months compared: with the previous count it gives their count,
 * and the period's count less that gives the months left out, so when either is 1 to 4 the change
 * is not given (comparedMonthsSafe).
 */
function figureOf<T extends Figure>(f: T): T {
  if (!comparedMonthsSafe(f.count, f.comparedCount, isSmall))
    return { ...f, changePct: null, pValue: null, significant: false, comparedCount: null };
  return changeShown(f.count, f.previous, 'public')
    ? f
    : { ...f, pValue: null, significant: false };
}

function categoryOf(c: CategoryRow, noForceRate: ReadonlySet<string>): CategoryRow {
  const small = isSmall(c.count);
  return {
    ...figureOf(c),
    ratePer1000: small ? null : c.ratePer1000,
    forceRatePer1000: small || noForceRate.has(c.key) ? null : c.forceRatePer1000,
  };
}

/**
 * A total of parts some of which are suppressed: given as the range its shown parts allow (each
 * suppressed part 1 to threshold − 1), which is all the parts say anyway (domain/disclosure: a
 * relation whose total is given as a range); its change and significance are not given.
 */
function totalOf(
  f: Figure,
  parts: readonly number[],
  previousParts: readonly (number | null)[],
  policy: DisclosurePolicy,
): Figure {
  const range = (total: number | null, of: readonly (number | null)[]) => {
    if (total === null) return null;
    const held = of.filter((n): n is number => n !== null);
    const cells: DisclosureCell[] = [
      { id: 'total', value: total, suppressible: false },
      ...held.map((value, i) => ({ id: `part ${i}`, value, suppressible: false })),
    ];
    const relation: LinearRelation = {
      id: 'all crime',
      total: 'total',
      parts: held.map((_, i) => `part ${i}`),
      totalAs: 'range',
    };
    const r = protectTable({ cells, relations: [relation] }, policy).ranges.get('total');
    return r ? ([r[0], r[1]] as [number, number]) : null;
  };
  const countRange = range(f.count, parts);
  const previousRange = range(f.previous, previousParts);
  if (!countRange && !previousRange) return figureOf(f);
  return { ...f, countRange, previousRange, pValue: null, significant: false };
}

/** A period whose total the report gives: a priority's count, or its count in the earlier period. */
export interface PeriodTotal {
  period: Period;
  total: number | null;
}

/**
 * The months of a priority's trend as the public may see them. The report gives the priority's
 * count for the period and for the period it is compared with, and each is the sum of its months:
 * when one of its months is small, every month of that period is held back ("not shown"; a
 * relation whose parts are withheld, domain/disclosure). Holding back only the fewest months
 * needed (secondary suppression) protects them within this report, but not against the quarterly
 * and yearly reports of the same area: their totals less the months shown give them back (the
 * exact attacker of test/helpers/disclosure-lp.ts recovered robbery in Three Rivers, September
 * 2025, that way), so whole periods are held back. The same holds where the months held do not
 * add up to the total (a month not held). No expected range is drawn when a month shown is
 * suppressed: the seasonal model behind it is fitted from the month's count.
 */
export function publicTrend(
  trend: PriorityEvidence['trend'],
  totals: readonly PeriodTotal[],
  policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY,
): PriorityEvidence['trend'] {
  if (!trend) return null;
  const small = (n: number | null) => n !== null && n > 0 && n < policy.threshold;
  const within = (month: string, p: Period) => month >= p.from && month <= p.to;
  const held = trend.months.filter((m) => m.count !== null);
  const cells: DisclosureCell[] = held.map((m) => ({ id: m.month, value: m.count! }));
  const relations: LinearRelation[] = [];
  const wholly = new Set<string>();
  totals.forEach(({ period, total }, i) => {
    const months = held.filter((m) => within(m.month, period));
    if (total === null || months.length === 0) return;
    if (months.reduce((s, m) => s + m.count!, 0) !== total) {
      if (months.some((m) => small(m.count))) for (const m of months) wholly.add(m.month);
      return;
    }
    cells.push({ id: `total ${i}`, value: total, suppressible: false });
    relations.push({
      id: `period ${i}`,
      total: `total ${i}`,
      parts: months.map((m) => m.month),
      partsAs: 'withheld',
    });
  });
  const status = protectTable({ cells, relations }, policy).status;
  const hidden = new Set([
    ...wholly,
    ...held
      .filter((m) => ['secondary', 'withheld'].includes(status.get(m.month) ?? ''))
      .map((m) => m.month),
  ]);
  const anySmall = trend.months.some((m) => small(m.count));
  const heldBack = totals.filter((t) =>
    trend.months.some((m) => hidden.has(m.month) && within(m.month, t.period)),
  );
  return {
    ...trend,
    exceptions: anySmall ? [] : trend.exceptions,
    months: trend.months.map((m) => ({
      ...m,
      ...(hidden.has(m.month) ? { hidden: true } : {}),
      expectedLow: anySmall ? null : (m.expectedLow ?? null),
      expectedHigh: anySmall ? null : (m.expectedHigh ?? null),
    })),
    notes: [
      ...trend.notes,
      ...(heldBack.length > 0
        ? [
            `The months of ${heldBack.map((t) => periodInWords(t.period)).join(' and ')} are not shown: with the total for ${heldBack.length > 1 ? 'those periods' : 'that period'}, they would give away the months with fewer than ${policy.threshold}.`,
          ]
        : []),
      ...(anySmall
        ? [
            `The expected range is not drawn in the public version: the model behind it is fitted from months with fewer than ${policy.threshold}.`,
          ]
        : []),
    ],
  };
}

/**
 * The districts compared, for the public: those with a suppressed count after the others, in
 * alphabetical order, and the overall rate (and the limits and flags drawn from it) that of the
 * districts shown, so the reference line cannot be turned back into the group's total. Not given
 * with fewer than two districts shown.
 */
export function publicComparison(
  c: PriorityEvidence['comparison'],
): PriorityEvidence['comparison'] {
  if (!c) return null;
  const shown = c.areas.filter((a) => !isSmall(a.count));
  if (shown.length === c.areas.length) return c;
  const population = shown.reduce((s, a) => s + a.population, 0);
  if (shown.length < 2 || population <= 0) return null;
  const rate = (shown.reduce((s, a) => s + a.count, 0) / population) * 1000;
  const local = shown.find((a) => a.highlight === true);
  // The spread between areas, like the rate, from the districts shown alone.
  const spread =
    c.limitsMethod === 'overdispersed'
      ? estimateOverdispersion(
          shown.map((a) => ({ count: a.count, expected: (rate / 1000) * a.population })),
        ).tau2
      : null;
  const limitsMethod = spread === null ? 'poisson' : 'overdispersed';
  const tau2 = spread ?? 0;
  const localLimits = local ? funnelLimits((rate / 1000) * local.population, tau2) : null;
  return {
    ...c,
    rate,
    rateOf: 'areas shown',
    areas: inFixedOrder(
      c.areas,
      (a) => a.count,
      (a) => a.name,
    ),
    limitsMethod,
    tau2,
    limits: funnelLines(
      rate,
      shown.map((a) => a.population),
      40,
      tau2,
    ),
    flag: local ? funnelFlag(local.count, localLimits!) : null,
    beyond998: local ? beyond998(local.count, localLimits!) : false,
    notes: [],
  };
}

const withoutCurrent = <T extends { current?: number }>(c: T): Omit<T, 'current'> => {
  const rest: T = { ...c };
  delete rest.current;
  return rest;
};

/**
 * A manual score's "who, when: why" (usecases/assess-area.ts scorer) without the why: the reason
 * is the partnership's internal note, left out of the public version.
 */
export const withoutReason = (scored: string): string =>
  scored.replace(/^([^:]*?, [^:]*?): .*$/su, '$1');

/** An issue as the public sees it: its rationale written again without what would give a count away. */
function publicIssue(
  issue: AssessedIssue,
  noForceRate: ReadonlySet<string>,
  harmRanks: boolean,
): AssessedIssue {
  const e = issue.evidence;
  const small = isSmall(e.recorded);
  // The months compared and those left out, as figureOf guards them.
  const comparedSafe = comparedMonthsSafe(e.recorded, e.comparison?.current, isSmall);
  const change = changeShown(e.recorded, e.previous, 'public') && comparedSafe;
  const concernWithheld =
    e.concernDataset != null && findDataset(e.concernDataset)?.sensitivity !== 'public';
  const shown: AssessedIssue = {
    ...issue,
    evidence: {
      ...e,
      ratePer1000: small ? null : e.ratePer1000,
      forceRatePer1000: small || noForceRate.has(issue.key) ? null : e.forceRatePer1000,
      volumeShare: small ? null : e.volumeShare,
      harmWeighted: harmRanks ? e.harmWeighted : null,
      pValueHolm: change ? e.pValueHolm : null,
      changePct: comparedSafe ? e.changePct : null,
      comparison: e.comparison && !comparedSafe ? withoutCurrent(e.comparison) : e.comparison,
      concernShare: concernWithheld ? null : e.concernShare,
      concernSynthetic: concernWithheld ? false : e.concernSynthetic,
      // The inputs file's reasons are the partnership's internal notes: who scored and when stay.
      position: {
        ...e.position,
        scoredBy: e.position.scoredBy && withoutReason(e.position.scoredBy),
      },
      vulnerability: e.vulnerability && {
        ...e.vulnerability,
        scoredBy: withoutReason(e.vulnerability.scoredBy),
      },
      impact: e.impact && { ...e.impact, scoredBy: withoutReason(e.impact.scoredBy) },
    },
    basis:
      issue.source === 'inputs'
        ? {
            ...issue.basis,
            harm: withoutReason(issue.basis.harm),
            likelihood: withoutReason(issue.basis.likelihood),
          }
        : issue.basis,
    adjustments: issue.adjustments.flatMap((a) => {
      const kind = adjustmentKind(a);
      if (kind === 'trend' && !change) return [];
      if (kind === 'concern' && concernWithheld)
        return [`${a.replace(/:.*$/u, '')} from evidence shared only between partners`];
      return [a];
    }),
  };
  return { ...shown, rationale: issueRationale(shown, PUBLIC_WORDS) };
}
