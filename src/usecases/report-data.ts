/**
 * The strategic assessment's data (report/report-data.ts) for a district or a force, from the same
 * use cases as the commands: the risk matrix (`assess`), each High priority's monthly history with
 * the range its seasonal model expects (`exceptions`), the districts of the force compared
 * (`compare`), its Gi* hotspots (`hotspots`) and its hidden figure (`hidden-figure`). So every
 * figure in the report equals what the matching command prints.
 *
 * The public audience gets only datasets whose sensitivity is public (report/audience.ts), and its
 * data go through report/public-data.ts, so that no count from 1 to 4 can be worked out from what
 * is published; the renderers then show each such count as "fewer than 5" (report/disclosure.ts).
 */
import { planDay } from '../domain/plan/plan-day.js';
import type { OutcomeCategories } from '../domain/outcome-groups.js';
import { trustData } from './report-trust.js';
import { compareAcross } from '../analysis/area-comparison.js';
import { exceptionsReport } from '../analysis/exception-report.js';
import { trendDocuments, type TrendDocument } from '../analysis/trend-table.js';
import { comparisonEvidence } from '../report/comparison-evidence.js';
import { trendEvidence } from '../report/trend-evidence.js';
import type { OwnSetting, Settings } from '../config/settings.js';
import { populationAt, type AreaCounts, type Measure } from '../domain/area-counts.js';
import type { AssessedIssue, Assessment } from '../domain/assessment.js';
import { ALL_CRIME, ASB, policeMeasure } from '../domain/categories.js';
import { findDataset, type DatasetDefinition } from '../domain/datasets.js';
import { forceAreaWord } from '../domain/forces.js';
import { ForbiddenError, InputError } from '../errors.js';
import { assessmentFor } from '../report/audience.js';
import { SMALL_NUMBER_LIMIT } from '../report/disclosure.js';
import { publicComparison, publicReportData, publicTrend } from '../report/public-data.js';
import { isRestrictedIssue } from '../analysis/restricted-issue.js';
import { publicPeriodProblem } from '../domain/disclosure/public-period.js';
import {
  isSmallCount,
  refuseUnsafePublicThreshold,
  type DisclosurePolicy,
} from '../domain/disclosure/table.js';
import {
  heldMonthsInWords,
  monthsInWords,
  periodCoverage,
  yearWithout,
} from '../domain/held-months.js';
import { monthsIn, type Month, type Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import type {
  Audience,
  CategoryRow,
  Figure,
  PartnerRow,
  PriorityEvidence,
  ReportData,
} from '../report/report-data.js';
import { districtAreasWithin } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { LANTERN_VERSION } from '../version.js';
import { listJoin } from '../charts/text.js';
import { assess, type AssessRequest, type AssessSettings } from './assess.js';
import { hiddenFigureTable } from './hidden-figure.js';
import { CommandReads } from './command-reads.js';
import { hotspotEvidence } from './hotspot-evidence.js';
import { repeatLocations } from './repeat-locations.js';
import { mapPlaces } from './map-places.js';
import { resolveAreaOnce, wardsOfLsoasOnce } from './place-reads.js';
import { distinctPlaceLabels } from '../report/place-labels.js';
import { PARTNER_THEMES } from './assess-area.js';
import { publicIssueHeldBack, reportMonthsHeld } from './report-months-held.js';
import { partnerBreakdowns } from './report-breakdowns.js';
import { issueMeasure } from './issue-measure.js';
import { partnerTotalsStatus } from './partner-totals-disclosure.js';
import { reportPlanReview } from './report-plan-review.js';
import { streetAreaCounts } from './street-area-counts.js';

/** The report's note when there is no previous action plan to review (and so no section). */
export const NO_PLAN_TO_REVIEW = 'No earlier action plan is held in Lantern to review.';

export interface ReportRequest extends Omit<AssessRequest, 'compareWith' | 'settings'> {
  audience?: Audience;
  /** The settings files, loaded at the edge: the assessment's, and the report's own wording. */
  settings: ReportSettingsFiles;
  /** The day to print as the report's date (default today in the UK: the command's clock gives it). */
  today?: string;
  /** At most this many High priorities get their own section (default 6). */
  maxPriorities?: number;
  /**
   * The police.uk outcome categories and their groups (config/police-outcomes.yaml, loaded at the
   * edge): with them the report gains its section on outcomes and stop and search.
   */
  outcomeCategories?: OutcomeCategories;
}

/** The settings a report is made with. */
export type ReportSettingsFiles = AssessSettings & Pick<Settings, 'reportSettings' | 'disclosure'>;

export async function reportData(
  db: Db,
  scope: Scope,
  request: ReportRequest,
): Promise<ReportData> {
  const audience = request.audience ?? 'partner';
  const settings = request.settings.reportSettings;
  const disclosure = request.settings.disclosure;
  if (audience === 'public') refuseUnsafePublicThreshold(disclosure, 'the public report');
  // The report's words and cells ("fewer than 5") follow the default threshold only, so far.
  if (audience === 'public' && disclosure.threshold !== SMALL_NUMBER_LIMIT)
    throw new InputError(
      `${disclosure.path}: threshold: the public report can so far suppress only counts from 1 to ${SMALL_NUMBER_LIMIT - 1} (threshold ${SMALL_NUMBER_LIMIT}); ${disclosure.threshold} is not yet supported by lantern report.`,
    );
  // A public report of a period no public output may cover is refused before any work: its
  // shape (whole years of one calendar), then the area's months held.
  const rule = disclosure.publicPeriod ?? 'calendar-year';
  const publicProblem = (held: Iterable<string>) => {
    const problem = publicPeriodProblem(request.period, rule, held);
    if (problem)
      throw new InputError(
        `--period ${request.period.from}..${request.period.to}: ${problem} (the partner version, --audience partner, may cover any period)`,
        {
          field: 'period',
        },
      );
  };
  // One set of reads for the whole report: the assessment's hotspots are the maps' too.
  const reads = new CommandReads();
  if (audience === 'public') {
    publicProblem(monthsIn(request.period));
    // The area's months held: read once, and used again by everything below.
    const named = await resolveAreaOnce(db, request.area, reads);
    const [own] = await streetAreaCounts(db, scope, [named], reads);
    if (own) publicProblem(own.observed);
  }
  const assessment = await assess(db, scope, { ...request, disclosure }, reads);
  const { area, force, period } = assessment;
  const byAudience = assessmentFor(assessment, audience);
  const { withheld } = byAudience;
  // A partner dataset read month by month under control by some reader whose grants differ from
  // the report maker's: no sum over a month their control could hold back (report-months-held.ts).
  const monthsHeld = await reportMonthsHeld(
    db,
    byAudience.shown.issues,
    area,
    audience,
    disclosure,
    reads,
  );
  const shown: Assessment = {
    ...byAudience.shown,
    issues: byAudience.shown.issues.map((i) => {
      const unsafe = monthsHeld.get(i.key);
      return unsafe && !isRestrictedIssue(i)
        ? publicIssueHeldBack(i, unsafe, period, disclosure)
        : i;
    }),
  };

  // The districts of the force (or the force's own districts), one scan for all of them.
  const groupArea = force ?? area;
  const districts = await districtAreasWithin(db, groupArea.code);
  const inputs = await streetAreaCounts(
    db,
    scope,
    [area, ...districts.filter((d) => d.code !== area.code)],
    reads,
  );
  const local = inputs[0] as AreaCounts;
  const year = Number(period.to.slice(0, 4));
  const population = populationAt(local.populations, year);

  const [crimeDoc, asbDoc] = trendDocuments(
    local,
    [policeMeasure(ALL_CRIME), policeMeasure(ASB)],
    period,
    { discontinuities: request.settings.discontinuities },
  );
  const categories: CategoryRow[] = shown.issues
    .filter((i) => i.source === 'police.uk')
    .map((i) => ({
      key: i.key,
      label: i.label,
      ...issueFigure(i),
      ratePer1000: i.evidence.ratePer1000,
      forceRatePer1000: i.evidence.forceRatePer1000,
    }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

  const partner: PartnerRow[] = shown.issues
    .filter((i) => i.source === 'partner')
    .map((i) => ({
      dataset: i.key,
      label: i.label,
      ...issueFigure(i),
      synthetic: i.synthetic,
      caveats: [...(findDataset(i.key)?.caveats ?? [])],
      comparedWith: baseWords(i.evidence.comparison),
    }));

  const hidden = await hiddenFigureTable(
    db,
    scope,
    {
      disclosure,
      area: area.code,
      period,
      rates: request.settings.reportingRates,
    },
    reads,
  );
  const high = shown.issues.filter((i) => i.band === 'High').slice(0, request.maxPriorities ?? 6);
  const priorities: PriorityEvidence[] = [];
  for (const issue of high) {
    const measure =
      issue.source === 'inputs'
        ? null
        : await issueMeasure(
            db,
            scope,
            issue.key,
            [area, ...districts.filter((d) => d.code !== area.code)],
            inputs,
            reads,
          );
    const trend = measure
      ? trendOf(
          measure.inputs[0] as AreaCounts,
          measure.measure,
          period,
          issue.evidence.comparedWith,
        )
      : null;
    const comparison =
      measure && area.type === 'district'
        ? comparisonOf(
            `districts of ${groupArea.name}`,
            measure.inputs,
            measure.measure,
            period,
            area.code,
          )
        : null;
    // The same reporting rate the assessment used: a theme's rate is of its own category.
    const theme = PARTNER_THEMES.find(([name]) => name === issue.key);
    const rateKey =
      issue.source === 'police.uk'
        ? `police:${issue.key}`
        : theme
          ? `dataset:${theme[0]}:${theme[1]}`
          : null;
    const row = hidden.rows.find((r) => r.key === rateKey);
    const evidence: PriorityEvidence = {
      key: issue.key,
      label: issue.label,
      rank: issue.rank,
      source: issue.source,
      synthetic: issue.synthetic,
      recorded: issue.source === 'inputs' ? null : issue.evidence.recorded,
      rationale: issue.rationale,
      trend,
      comparison,
      hotspot:
        issue.source === 'inputs' ? null : await hotspotOf(db, scope, area, issue, period, reads),
      places: issue.options.some((o) => o.analysis === 'repeat-locations')
        ? await placesOf(db, scope, area, issue, period, reads)
        : null,
      hiddenFigure:
        row?.figure && row.rate
          ? {
              recorded: row.figure.recorded,
              reportingRate: row.rate.estimate,
              estimate: row.figure.estimate,
              interval: row.figure.interval,
              survey: row.survey,
              verified: row.verified,
            }
          : null,
      options: issue.options,
    };
    const unsafe = monthsHeld.get(issue.key) ?? new Set<Month>();
    const restricted = isRestrictedIssue(issue);
    priorities.push(
      measure && (restricted || unsafe.size > 0)
        ? controlledPriority(
            evidence,
            issue,
            period,
            disclosure,
            restricted,
            new Set([
              ...unsafe,
              ...(restricted
                ? await monthsHeldBack(
                    db,
                    scope,
                    measure.inputs[0] as AreaCounts,
                    findDataset(issue.key)!,
                    measure.measure.key,
                    disclosure,
                    reads,
                  )
                : []),
            ]),
          )
        : evidence,
    );
  }

  const observed = new Set(local.observed);
  const coverage = periodCoverage(period, observed);
  const compared = crimeDoc?.comparison ?? null;
  const forcePopulation = force ? (a0(assessment)?.evidence.forcePopulation ?? null) : null;
  const populations = [
    ...(population ? [{ area: area.name, ...population }] : []),
    ...(force && forcePopulation ? [{ area: force.name, ...forcePopulation }] : []),
  ];
  const generated = request.today ?? planDay(new Date());
  const planReview = await reportPlanReview(db, scope, {
    area,
    period,
    street: local,
    audience,
    today: generated,
    disclosure,
  });
  const data: ReportData = {
    audience,
    area,
    force,
    period,
    comparisonPeriod: crimeDoc?.comparisonPeriod ?? null,
    coverage: {
      months: coverage.months,
      held: coverage.held,
      partial: coverage.partial,
      words: coverage.words,
    },
    comparison: compared
      ? {
          label: compared.label,
          words:
            compared.base.length === 4
              ? compared.base
              : (yearWithout(compared.previousMonths) ?? monthsInWords(compared.previousMonths)),
          base: compared.base,
          basis: compared.basis,
          yearsBack: compared.yearsBack,
          discontinuities: compared.discontinuities,
        }
      : null,
    populations,
    generated,
    lanternVersion: LANTERN_VERSION,
    populationYear: population?.year ?? null,
    monthsMissing: monthsIn(period).filter((m) => !observed.has(m)),
    totals: { crime: figureOf(crimeDoc as TrendDocument), asb: figureOf(asbDoc as TrendDocument) },
    assessment: shown,
    priorities,
    categories,
    partner,
    ...(audience === 'partner'
      ? {
          breakdowns: await partnerBreakdowns(
            db,
            scope,
            {
              areas: force ? [area, force] : [area],
              partner,
              period,
              discontinuities: request.settings.discontinuities,
              policy: disclosure,
            },
            reads,
          ),
        }
      : {}),
    withheld: [...new Set(withheld)],
    contacts: settings.contacts,
    places: priorities.some((p) => p.hotspot !== null) ? await mapPlaces(db, area, reads) : null,
    ...(request.outcomeCategories
      ? { trust: await trustData(db, scope, area, period, request.outcomeCategories, reads) }
      : {}),
    planReview,
    caveats: caveats({
      own: request.ownSettings ?? [],
      noPlan: planReview === null,
      audience,
      populations,
      assessment: shown,
      partial: coverage.partial ? coverage.words : null,
      held: { area: area.name, months: [...observed] },
      // What the harm weights of the issues scored by one stand in for (the harm weights file).
      harmNotes: shown.issues.flatMap((i) => {
        const note =
          i.evidence.harmWeight !== null ? request.settings.harmWeights.get(i.key)?.note : null;
        // "Drugs: possession of cannabis is …" (a note opening with an acronym keeps it).
        const lower = /^[A-Z][a-z]/u.test(note ?? '')
          ? note!.charAt(0).toLowerCase() + note!.slice(1)
          : note;
        return lower ? [`${i.label}: ${lower}`] : [];
      }),
      discontinuities: compared?.discontinuities ?? [],
      synthetic: shown.issues.some((i) => i.synthetic),
    }),
    forceWord: forceAreaWord((force ?? area).code),
    unconfirmed: [
      ...settings.examples.map((e) => e.what),
      ...(shown.alignment.plan.illustrative ? ['the Police and Crime Plan objectives'] : []),
      ...(shown.inputs?.example ? ['the manual scores'] : []),
    ],
  };
  return audience === 'public' ? publicReportData(data, disclosure) : data;
}

/** "2024", "2021 (the latest earlier year held)", or null when nothing is compared. */
function baseWords(c: AssessedIssue['evidence']['comparison']): string | null {
  if (!c) return null;
  return c.basis === 'previous year' ? c.base : `${c.base} (the latest earlier year held)`;
}

/** An assessed issue's count and change (significance after Holm's adjustment). */
function issueFigure(i: AssessedIssue): Figure {
  const p = i.evidence.pValueHolm;
  return {
    count: i.evidence.recorded,
    previous: i.evidence.previous,
    changePct: i.evidence.changePct,
    pValue: p,
    significant: p !== null && p < 0.05,
    ...(i.evidence.comparison?.current !== undefined &&
    i.evidence.comparison.current !== i.evidence.recorded
      ? { comparedCount: i.evidence.comparison.current }
      : {}),
    ...(i.evidence.disclosure ? { withheld: i.evidence.disclosure } : {}),
  };
}

/**
 * The months of a restricted dataset's measure that month-by-month control holds back beyond the
 * small ones (those "not shown" to protect another count of the month, or of the force's other
 * districts), as trends and the assessment hold them back (analysis/restricted-issue.ts): the same
 * whatever period is reported.
 */
async function monthsHeldBack(
  db: Db,
  scope: Scope,
  input: AreaCounts,
  dataset: DatasetDefinition,
  key: string,
  policy: DisclosurePolicy,
  reads: CommandReads,
): Promise<Set<string>> {
  const status = (
    await partnerTotalsStatus(db, scope, dataset, [input.area], input.observed, policy, reads)
  ).get(input.area.code)!;
  return new Set(
    input.observed.filter((m) => !['shown', 'primary'].includes(status.get(`${key}:${m}`) ?? '')),
  );
}

/**
 * A High priority of a restricted dataset, for every audience (issue 20 item 4), or of a public
 * dataset in the public version with months held across readers (report-months-held.ts): its
 * count as the assessment gives it (null where held back: a total is given only where every month
 * of it is shown), and its months, districts compared, hotspot cells and places as the public
 * version gives them (report/public-data.ts: the months each protected on its own, `heldBack` not
 * shown, those from 1 to 4 "fewer than 5"; the funnel without the small districts and drawn from
 * those shown; no cell or place under 5); no hidden figure where the count is held back or small
 * (the estimate and the rate give it back). The districts compared and the map are not given
 * where a month of the period is held back: each district's count, and the map's cells together,
 * are sums over it.
 */
function controlledPriority(
  p: PriorityEvidence,
  issue: AssessedIssue,
  period: Period,
  policy: DisclosurePolicy,
  restricted: boolean,
  heldBack: ReadonlySet<string>,
): PriorityEvidence {
  const e = issue.evidence;
  const held = e.disclosure?.recorded != null;
  const overHeld = monthsIn(period).some((m) => heldBack.has(m));
  const small = (n: number) => isSmallCount(n, policy);
  // The totals the report gives as counts are each their months' sum, every month of them shown.
  const totalOf = (within: Period) =>
    (p.trend?.months ?? [])
      .filter((m) => m.month >= within.from && m.month <= within.to)
      .reduce((sum, m) => sum + (m.count ?? 0), 0);
  const given = [
    ...(held ? [] : [period]),
    ...(e.comparedWith && e.disclosure?.previous == null ? [e.comparedWith] : []),
  ];
  const shown = publicTrend(
    p.trend,
    given.map((q) => ({ period: q, total: totalOf(q) })),
    policy,
  );
  // A month of the area's own from 1 to 4 stays "fewer than 5", as every reader is shown it.
  const hide = (m: { month: string; count: number | null }) =>
    heldBack.has(m.month) && !(m.count !== null && small(m.count));
  const hides = shown?.months.some((m) => hide(m) && !m.hidden) ?? false;
  const months = shown?.months.map((m) => (hide(m) ? { ...m, hidden: true } : m)) ?? [];
  // The seasonal model is fitted from every month, those not shown too: its expected range
  // beside the months shown would narrow a month not shown down to its count.
  const anyHidden = months.some((m) => m.hidden);
  const dropped = [p.comparison && 'the comparison of districts', p.hotspot && 'the map'].filter(
    (x): x is string => Boolean(x),
  );
  const trend = shown && {
    ...shown,
    exceptions: anyHidden ? [] : shown.exceptions,
    months: anyHidden
      ? months.map((m) => ({ ...m, expectedLow: null, expectedHigh: null }))
      : months,
    notes: [
      ...shown.notes,
      ...(hides
        ? [
            `A month is not shown where a count from 1 to ${policy.threshold - 1} was recorded in it, here or in another district of the force: with figures published elsewhere, it could give that count away. Each month is held back on its own, whatever period is reported.`,
          ]
        : []),
      ...(anyHidden
        ? [
            'The expected range is not drawn: the model behind it is fitted from the months not shown too.',
          ]
        : []),
      ...(overHeld && dropped.length > 0
        ? [
            `${listJoin(dropped).replace(/^t/u, 'T')} ${dropped.length > 1 ? 'are' : 'is'} not given: in a month of the period, a count from 1 to ${policy.threshold - 1} was recorded here or in another district of the force, and ${dropped.length > 1 ? 'each is a sum' : 'it is a sum'} over the months.`,
          ]
        : []),
    ],
  };
  return {
    ...p,
    ...(restricted ? { restricted: true } : {}),
    recorded: held ? null : e.recorded,
    trend: trend && {
      ...trend,
      notes: restricted
        ? trend.notes.map((n) => n.replace('in the public version', 'for a restricted dataset'))
        : trend.notes,
    },
    comparison: overHeld ? null : publicComparison(p.comparison),
    hotspot: overHeld
      ? null
      : p.hotspot && {
          ...p.hotspot,
          cells: p.hotspot.cells.filter((c) => !small(c.count)),
          top: held ? [] : p.hotspot.top.filter((t) => !small(t.count)),
          notes: [...p.hotspot.notes, `Cells with fewer than ${policy.threshold} are not shaded.`],
        },
    places: p.places && { ...p.places, top: p.places.top.filter((t) => !small(t.count)) },
    hiddenFigure: held || !p.hiddenFigure || small(p.hiddenFigure.recorded) ? null : p.hiddenFigure,
  };
}

/** The first police.uk issue of the assessment (all share the area's months and populations). */
const a0 = (a: Assessment) => a.issues.find((i) => i.source === 'police.uk');

function figureOf(doc: TrendDocument): Figure {
  return {
    count: doc.current,
    previous: doc.previous,
    changePct: doc.changePct,
    pValue: doc.pValue,
    significant: doc.pValue !== null && doc.pValue < 0.05,
    ...(doc.comparison && doc.comparison.current !== doc.current
      ? { comparedCount: doc.comparison.current }
      : {}),
  };
}

/** The history with the 99.8% range its model expects (report/trend-evidence.ts). */
function trendOf(
  input: AreaCounts,
  measure: Measure,
  period: Period,
  comparison: Period | null,
): PriorityEvidence['trend'] {
  return trendEvidence(exceptionsReport(input, measure), period, comparison);
}

function comparisonOf(
  group: string,
  inputs: readonly AreaCounts[],
  measure: Measure,
  period: Period,
  code: string,
): PriorityEvidence['comparison'] {
  return comparisonEvidence(compareAcross(group, inputs, measure, period), code);
}

/** The incidents of a priority in the area and period: its police.uk category or its dataset. */
function incidentRequest(area: ReportData['area'], issue: AssessedIssue, period: Period) {
  return issue.source === 'police.uk'
    ? { area: area.code, category: issue.key, period, top: 3 }
    : { area: area.code, dataset: issue.key, period, top: 3 };
}

/** No evidence where it cannot be computed for the area (an InputError, such as no boundaries)
 * or the scope does not allow it; any other failure is real. */
function noneWhereNotPossible(error: unknown): null {
  if (error instanceof InputError || error instanceof ForbiddenError) return null;
  throw error;
}

async function hotspotOf(
  db: Db,
  scope: Scope,
  area: ReportData['area'],
  issue: AssessedIssue,
  period: Period,
  reads: CommandReads,
): Promise<PriorityEvidence['hotspot']> {
  const request = incidentRequest(area, issue, period);
  const evidence = await hotspotEvidence(db, scope, area.code, request, reads).catch(
    noneWhereNotPossible,
  );
  if (!evidence) return null;
  return issue.synthetic
    ? { ...evidence, notes: ['SYNTHETIC demonstration data, not real records.'] }
    : evidence;
}

/**
 * The report's method and caveats, each said once, in words for its reader: no file, command or
 * option names (those are in the data folder's how-to-reproduce.txt).
 */
function caveats(c: {
  noPlan: boolean;
  audience: Audience;
  populations: NonNullable<ReportData['populations']>;
  assessment: Assessment;
  partial: string | null;
  /** The months of police.uk street data held for the area, at any time. */
  held: { area: string; months: Month[] };
  harmNotes: readonly string[];
  discontinuities: readonly string[];
  synthetic: boolean;
  /** The settings given as files other than Lantern's defaults. */
  own: readonly OwnSetting[];
}): string[] {
  const a = c.assessment;
  const ownHarm = c.own.find((o) => o.name === 'harmWeights');
  const others = c.own.filter((o) => o.name !== 'harmWeights');
  const { scale, bands } = a.matrix;
  const concernShared = findDataset('community-concern')?.sensitivity !== 'public';
  return [
    ...(c.partial
      ? [
          `PARTIAL PERIOD: ${c.partial}. Every count, rate and share covers these months only, and each change compares them with the same months of the earlier year.`,
        ]
      : []),
    ...discontinuitiesCaveat(c.discontinuities),
    'police.uk locations are approximate: each crime is snapped to the nearest of a set of anonymous map points, so a map shows where crime was recorded near, not the exact place.',
    `A month missing from the data is unknown, not zero; any missing months are listed and left out of the counts. ${heldMonthsInWords(c.held.months, `Months of police.uk street data held for ${c.held.area}`)}`,
    c.populations.length > 0
      ? `Rates per 1,000 residents use, for each area, the population of the year held nearest the period: ${c.populations
          .map((p) => `${p.area} ${p.year} (${p.count.toLocaleString('en-GB')}, ${p.source})`)
          .join('; ')}.`
      : 'No population is held for the area: rates are not given.',
    'Recorded crime is what is reported to the police and recorded: much is never reported (see the hidden figure of each priority), and changes in recording practice move the counts too.',
    'Anti-social behaviour is counted apart from crime: "all crime" excludes it.',
    STATISTICS_IN_WORDS,
    ...(c.synthetic
      ? ['Partner figures marked SYNTHETIC are generated demonstration data, not real records.']
      : []),
    `Each issue is scored 1 to ${scale} for harm and for likelihood from the evidence. ${
      a.area.type === 'force'
        ? `Likelihood for ${a.area.name} is its volume alone: no area above it is held to compare its rates with.`
        : `Likelihood is the mean of its volume and its rate against ${a.force?.name ?? 'the force'}.`
    } Risk is harm × likelihood (1 to ${scale * scale}): High from ${bands.high}, Medium from ${bands.medium}. Within a band, the priority score orders issues by organisational position and confidence; "could be" gives the bands an issue would fall in if its harm or likelihood moved one point.`,
    `The thresholds and bands are ${a.defaultMatrix === false ? "the partnership's own" : "Lantern's defaults"}: assumptions, modelled on MoRiLE but not it (MoRiLE's scales are not published).`,
    a.inputs
      ? `Manual scores (organisational position, victim vulnerability, community and environmental impact, and issues the data do not hold) were given by ${a.inputs.scoredBy} on ${a.inputs.date}; an issue with no organisational position scored takes the middle of the scale.`
      : 'No manual scores were given: organisational position is the middle of the scale for every issue.',
    c.audience === 'public' && concernShared
      ? 'Public concern comes from the manual scores; a survey shared only between partners also informs the scores, but its figures are not given in this public version.'
      : 'Public concern comes from the manual scores, else from the community concern survey where an issue matches.',
    [
      ownHarm
        ? `Harm weights are the partnership's own (${ownHarm.file}), not Lantern's defaults; categories without one take the default harm score.`
        : 'Harm weights are ONS Crime Severity Score figures from secondary sources, not yet verified; categories without one take the default harm score. Each is the weight of one offence used for a whole police.uk category, which mixes offences of very different severity: a simplification.',
      ...c.harmNotes.map((n) => (/[.!?]$/u.test(n) ? n : `${n}.`)),
    ].join(' '),
    ...(c.audience === 'public'
      ? [
          'Public version: counts from 1 to 4 are shown as "fewer than 5" so that no one can be identified, and nothing else given can work them out: rows with fewer than 5 follow the others in alphabetical order, with no rate, change or significance beside them; a total with such a part is given as a range; months that a period total would give away are not shown; the districts compared are measured against the rate of those shown.',
        ]
      : []),
    ...(others.length
      ? [`Not Lantern's defaults: ${others.map((o) => `${o.label} from ${o.file}`).join('; ')}.`]
      : []),
    ...(c.noPlan ? [NO_PLAN_TO_REVIEW] : []),
  ];
}

/**
 * The named methods behind the words "significant", "limits" and "hotspot", said once for both
 * audiences: the public version's text uses plain words and leaves the names to this.
 */
const STATISTICS_IN_WORDS =
  "A change is called significant when it is larger than chance would explain: an exact test of the two periods' counts (the conditional test for two Poisson counts), with Holm's adjustment for testing many categories at once. The test assumes counts vary no more than chance makes them; crime counts often vary more, so it is ready to call a change significant. Districts are compared on funnel plots: a rate inside the 95% limits is in line with the others. The limits allow for chance and, where enough districts are held to measure it, for the usual spread between districts' rates (Spiegelhalter's additive random effect for overdispersion). A hotspot is a map cell whose count, with its eight neighbours', is clearly above the average cell's (the Getis-Ord Gi* statistic, with Benjamini–Hochberg's adjustment for testing every cell).";

/**
 * The known discontinuities the changes span, in one caveat: each by its title and months, then
 * their sources once each (two COVID-19 periods share theirs).
 */
function discontinuitiesCaveat(texts: readonly string[]): string[] {
  if (texts.length === 0) return [];
  const parsed = texts.map((t) => {
    const m = /^(.*?) \(([^;]+); source: (.*?)(; dates not verified)?\)$/u.exec(t);
    return m
      ? {
          what: `${m[1]} (${m[2]}${m[4] ? ', dates not verified' : ''})`,
          sources: m[3]!.split('; '),
        }
      : { what: t, sources: [] };
  });
  const sources = [...new Set(parsed.flatMap((p) => p.sources))];
  return [
    `The changes span ${texts.length === 1 ? 'a known discontinuity' : 'known discontinuities'}: ${parsed.map((p) => p.what).join('; ')}. Read them with care.${sources.length > 0 ? ` Sources: ${sources.join('; ')}.` : ''}`,
  ];
}

/** The places where an issue recurs most (for the options that work on places). */
async function placesOf(
  db: Db,
  scope: Scope,
  area: ReportData['area'],
  issue: AssessedIssue,
  period: Period,
  reads: CommandReads,
): Promise<PriorityEvidence['places']> {
  const request = incidentRequest(area, issue, period);
  const report = await repeatLocations(db, scope, request, reads).catch(noneWhereNotPossible);
  if (!report || report.incidents === 0) return null;
  const top = report.topPlaces.flatMap((p) => (p.location ? [{ ...p, location: p.location }] : []));
  // A name several of them share is told apart by the place's ward (report/place-labels.ts).
  const shared = top.filter((p) => top.filter((q) => q.location === p.location).length > 1);
  const wards = await wardsOfLsoasOnce(
    db,
    shared.flatMap((p) => (p.lsoa ? [p.lsoa] : [])),
    reads,
  );
  const labels = distinctPlaceLabels(
    top.map((p) => ({
      location: p.location,
      ward: (p.lsoa && wards.get(p.lsoa)?.name) ?? null,
    })),
  );
  return {
    top: top.map((p, i) => ({ location: labels[i]!, count: p.count })),
    topFivePercentShare: report.top.find((t) => t.percent === 5)?.share ?? null,
  };
}
