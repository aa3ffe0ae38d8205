/**
 * The evidence of one area's assessment: every police.uk category and partner theme held, each
 * turned into base scores (harm, likelihood, trend, hidden figure, concern, confidence) with the
 * figures behind them. `assess` runs this for a district and for its force, so the county picture
 * and the alignment come from the same arithmetic.
 *
 * - Harm: the ONS Crime Severity Score weight by thresholds (config/harm-weights.yaml), else the
 *   default; raised by the adjustments (analysis/risk-scoring.ts).
 * - Likelihood: the mean of a volume score (the issue's share of all police-recorded crime and ASB
 *   in the area) and a rate score (the area's rate per 1,000 per month held ÷ its force's), rounded
 *   half up; a force has no higher area Lantern holds, so its likelihood is volume alone.
 * - Trend: the exact test, month by month against the same months of an earlier year where both
 *   are held, Holm-adjusted across issues.
 * - Confidence: low for small numbers, missing months or synthetic data; medium without a harm
 *   weight or a reporting rate; else high; lowered (config `confidence.discontinuityLowers`) when
 *   the trend's comparison touches a known discontinuity (config/discontinuities.yaml).
 * - An issue with no month held in the period is not banded: "not assessed (no data)".
 *
 * A restricted dataset's months (the area's, every month held, and the force's) are put through
 * month-by-month disclosure control here (`monthControl`), as trends puts them: `assess` shows its
 * issue's figures only as that allows (analysis/restricted-issue.ts).
 */
import {
  scoreByThresholds,
  type Confidence,
  type IssueEvidence,
} from '../analysis/risk-scoring.js';
import { fmtPct } from '../analysis/issue-rationale.js';
import { withMonthsHeldBack, type IssueMonthControl } from '../analysis/restricted-issue.js';
import { comparisonWords, trendDocuments, type TrendDocument } from '../analysis/trend-table.js';
import type { Population } from '../domain/area.js';
import type { AssessmentInputs, ManualScore } from '../config/assessment-inputs.js';
import type { HarmWeight } from '../config/harm-weights.js';
import type { ReportingRate } from '../config/reporting-rates.js';
import type { RiskMatrixFile } from '../config/risk-matrix.js';
import {
  measureInput,
  populationAt,
  type AreaCounts,
  type AreaSummary,
  type Measure,
} from '../domain/area-counts.js';
import { CURRENT_CATEGORIES, policeMeasure } from '../domain/categories.js';
import { findDataset, slug } from '../domain/datasets.js';
import type { Discontinuity } from '../domain/discontinuities.js';
import { totalStatus } from '../domain/disclosure/by-month.js';
import {
  DEFAULT_DISCLOSURE_POLICY,
  type CellStatus,
  type DisclosurePolicy,
} from '../domain/disclosure/table.js';
import type { Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { ForbiddenError } from '../errors.js';
import type { Db } from '../store/db.js';
import type { IssueDetail, NotAssessedIssue } from '../domain/assessment.js';
import { latestConcern, partnerDatasetDistricts } from '../store/partner-data.js';
import {
  datasetMeasures,
  partnerAreaCounts,
  prefetchPartnerAreaCounts,
} from './partner-area-counts.js';
import {
  monthsWithSmallCounts,
  partnerTotalsStatus,
  prefetchPartnerFamilies,
} from './partner-totals-disclosure.js';
import { streetAreaCounts } from './street-area-counts.js';
import { allSettled, CommandReads, scopeKey } from './command-reads.js';

export interface AreaEvidence {
  area: AreaSummary;
  evidence: IssueEvidence[];
  details: Map<string, IssueDetail>;
  notAssessed: NotAssessedIssue[];
  /** Each restricted dataset's issue, by key: what month-by-month control allows of its data. */
  monthControl: Map<string, IssueMonthControl>;
}

export interface AssessmentSettings {
  matrix: RiskMatrixFile;
  weights: ReadonlyMap<string, HarmWeight>;
  rates: ReadonlyMap<string, ReportingRate>;
  inputs: AssessmentInputs | null;
  period: Period;
  discontinuities: readonly Discontinuity[];
  /** The disclosure threshold a restricted dataset's months are protected with (default 5). */
  disclosure?: DisclosurePolicy;
}

/** Partner themes the assessment scores, with the category of each that stands for the theme. */
export const PARTNER_THEMES: readonly [string, string][] = [
  ['fly-tipping', 'total'],
  ['hate-crime', 'total'],
  ['domestic-abuse', 'incidents'],
  ['prevent', 'referral'],
];

export const scorer = (s: ManualScore) => `${s.scoredBy}, ${s.on}: ${s.reason}`;

/**
 * One area's issues with their base scores. `force` is the area above (null for a force).
 * `policeScored` is given the police.uk issues' evidence as soon as it is complete, before the
 * partner themes are read: an issue's band is its own harm × likelihood, so the police.uk issues'
 * bands are known then (the assessment starts mapping its High priorities while the themes are
 * read).
 */
export async function areaEvidence(
  db: Db,
  scope: Scope,
  area: AreaSummary,
  force: AreaSummary | null,
  settings: AssessmentSettings,
  reads: CommandReads = new CommandReads(),
  policeScored?: (evidence: readonly IssueEvidence[]) => void,
): Promise<AreaEvidence> {
  const { matrix, weights, rates, inputs, period, discontinuities } = settings;
  const cfg = matrix.config;
  const mid = Math.round((cfg.scale + 1) / 2);
  const year = Number(period.to.slice(0, 4));
  const [local, county] = await streetAreaCounts(db, scope, force ? [area, force] : [area], reads);
  const measures = CURRENT_CATEGORIES.map((c) => policeMeasure(c));
  // Each area's police.uk trends are worked out once per command: the force's beside a district
  // serve again as the county's own.
  const documents = (counts: AreaCounts) =>
    reads.once(
      `police-trends-without-interval:${scopeKey(scope)}:${counts.area.code}:${period.from}..${period.to}:${JSON.stringify(discontinuities)}`,
      async () => trendDocuments(counts, measures, period, { discontinuities, interval: false }),
    );
  const docs = await documents(local as AreaCounts);
  const forceDocs = county ? await documents(county) : [];
  const allRecorded = docs.reduce((s, d) => s + d.current, 0);
  // The concern survey is of districts: an area above one has none. A scope without the survey
  // assesses without it; any other failure is real.
  const concern =
    area.type !== 'district'
      ? []
      : await latestConcern(db, scope, area.code, period.to).catch((error: unknown) => {
          if (error instanceof ForbiddenError) return [];
          throw error;
        });
  const concernOf = (key: string, label: string) =>
    concern.find((c) => slug(c.issue) === key || slug(c.issue) === slug(label)) ?? null;

  const weighted = measures
    .map((m, i) => ({ key: m.key, w: weights.get(m.key)?.weight ?? null, n: docs[i]!.current }))
    .filter((x): x is { key: string; w: number; n: number } => x.w !== null)
    .map((x) => ({ key: x.key, value: x.w * x.n }))
    .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));

  const evidence: IssueEvidence[] = [];
  const details = new Map<string, IssueDetail>();
  const notAssessed: NotAssessedIssue[] = [];
  const monthControl = new Map<string, IssueMonthControl>();
  const add = (
    key: string,
    issueKey: string,
    doc: TrendDocument,
    forceDoc: TrendDocument | undefined,
    forcePopulation: Population | null,
    source: 'police.uk' | 'partner',
    synthetic: boolean,
  ) => {
    if (doc.coverage.held === 0) {
      notAssessed.push({
        key: issueKey,
        label: doc.label.replace(/: all$/u, ''),
        source,
        status: 'not assessed (no data)',
        reason: `no month of ${period.from}..${period.to} is held for it`,
      });
      return;
    }
    const w = source === 'police.uk' ? weights.get(key) : undefined;
    const weight = w?.weight ?? null;
    const harm =
      weight === null
        ? matrix.harm.unknown
        : scoreByThresholds(weight, matrix.harm.weightThresholds);
    const forceRate = forceDoc ? rateOf(forceDoc.current, forcePopulation?.count ?? null) : null;
    // Per month held on each side, so an area and its force held for different months compare.
    const forceRatePerMonth =
      forceRate !== null && forceDoc && forceDoc.coverage.held > 0
        ? forceRate / forceDoc.coverage.held
        : null;
    const ratio =
      doc.ratePer1000PerMonth !== null && forceRatePerMonth
        ? doc.ratePer1000PerMonth / forceRatePerMonth
        : null;
    const share = allRecorded > 0 ? doc.current / allRecorded : null;
    const rateScore =
      ratio === null ? null : scoreByThresholds(ratio, matrix.likelihood.rateRatioThresholds);
    const volumeScore =
      share === null ? null : scoreByThresholds(share, matrix.likelihood.volumeShareThresholds);
    const likelihood =
      rateScore !== null && volumeScore !== null
        ? Math.floor((rateScore + volumeScore) / 2 + 0.5)
        : (volumeScore ?? rateScore ?? matrix.likelihood.unknown);
    const p = doc.pValueAdjusted ?? null;
    const trend: IssueEvidence['trend'] =
      doc.pValue === null
        ? 'unknown'
        : p !== null && p < 0.05
          ? (doc.change ?? 0) > 0
            ? 'significant rise'
            : 'significant fall'
          : 'no significant change';
    const reportingRate =
      rates.get(source === 'police.uk' ? `police:${key}` : `dataset:${key}`)?.rate?.estimate ??
      null;
    const given = inputs?.issues.get(issueKey);
    const survey = concernOf(issueKey, doc.label);
    const c = given?.concern
      ? { share: given.concern.share, synthetic: false }
      : survey
        ? { share: survey.share, synthetic: survey.synthetic }
        : null;
    const small = doc.current < matrix.confidence.smallNumbers;
    const missing = doc.months.some((m) => m.count === null);
    const breaks = doc.comparison?.discontinuities ?? [];
    const base: Confidence =
      small || missing || synthetic
        ? 'low'
        : (source === 'police.uk' && weight === null) || reportingRate === null
          ? 'medium'
          : 'high';
    const confidence =
      breaks.length > 0 ? lower(base, matrix.confidence.discontinuityLowers) : base;
    evidence.push({
      key: issueKey,
      harm,
      likelihood,
      trend,
      reportingRate,
      concernShare: c?.share ?? null,
      vulnerability: given?.vulnerability?.score ?? null,
      impact: given?.impact?.score ?? null,
      position: given?.position?.score ?? mid,
      confidence,
    });
    const hw = weighted.findIndex((x) => x.key === key);
    details.set(issueKey, {
      // A theme counted as a whole reads "Fly-tipping incidents", not "…: all".
      label: doc.label.replace(/: all$/u, ''),
      source,
      synthetic,
      evidence: {
        recorded: doc.current,
        previous: doc.previous,
        changePct: doc.changePct,
        comparedWith: doc.comparisonPeriod,
        comparison: doc.comparison
          ? {
              currentMonths: doc.comparison.currentMonths,
              previousMonths: doc.comparison.previousMonths,
              label: doc.comparison.label,
              base: doc.comparison.base,
              basis: doc.comparison.basis,
              yearsBack: doc.comparison.yearsBack,
              current: doc.comparison.current,
              discontinuities: doc.comparison.discontinuities,
            }
          : null,
        population: doc.population,
        forcePopulation: forceDoc ? forcePopulation : null,
        pValueHolm: p,
        ratePer1000: doc.ratePer1000,
        forceRatePer1000: forceRate,
        volumeShare: share,
        harmWeight: weight,
        harmWeighted:
          hw >= 0 ? { value: weighted[hw]!.value, rank: hw + 1, of: weighted.length } : null,
        reportingRate,
        concernShare: c?.share ?? null,
        concernSynthetic: c?.synthetic ?? false,
        concernDataset: c && !given?.concern ? 'community-concern' : null,
        position: given?.position
          ? { score: given.position.score, scoredBy: scorer(given.position) }
          : { score: mid, scoredBy: null },
        vulnerability: given?.vulnerability
          ? { score: given.vulnerability.score, scoredBy: scorer(given.vulnerability) }
          : null,
        impact: given?.impact
          ? { score: given.impact.score, scoredBy: scorer(given.impact) }
          : null,
        confidence,
      },
      basis: {
        harm:
          weight === null
            ? `no harm weight known: the default ${matrix.harm.unknown}`
            : `harm weight ${weight} (${harmWeightWords(w)})`,
        likelihood: [
          volumeScore === null
            ? null
            : `volume ${volumeScore} (${pct(share)} of all recorded crime and ASB)`,
          rateScore === null
            ? force
              ? 'no force rate to compare with'
              : 'no higher area to compare the rate with: volume alone'
            : `rate ${rateScore} (${ratio!.toFixed(2)} × the force rate)`,
          rateScore !== null && volumeScore !== null ? `mean ${likelihood}` : null,
        ]
          .filter(Boolean)
          .join('; '),
        trend:
          doc.pValue === null || !doc.comparison
            ? 'no earlier period held to compare with'
            : `${fmtPct(doc.changePct)} ${comparisonWords(doc.comparison)}, months compared: ${doc.comparison.label} (Holm p ${p === null ? '–' : p < 0.001 ? '<0.001' : p.toFixed(3)})` +
              (breaks.length > 0 ? `; spans ${breaks.join('; ')}` : ''),
        confidence:
          [
            small ? `small numbers (${doc.current})` : null,
            missing ? `months missing (${doc.coverage.words})` : null,
            breaks.length > 0
              ? `the comparison spans a known discontinuity (confidence lowered ${matrix.confidence.discontinuityLowers} level${matrix.confidence.discontinuityLowers === 1 ? '' : 's'})`
              : null,
            synthetic ? 'synthetic demonstration data' : null,
            source === 'police.uk' && weight === null ? 'no harm weight' : null,
            reportingRate === null ? 'no reporting rate' : null,
          ]
            .filter(Boolean)
            .join(', ') || 'complete data, sourced weights and rates',
      },
      months: doc.months,
    });
  };

  const forcePopulation = county ? populationAt(county.populations, year) : null;
  for (const [i, m] of measures.entries())
    add(m.key, m.key, docs[i]!, forceDocs[i], forcePopulation, 'police.uk', false);
  policeScored?.([...evidence]);

  const held = new Map(
    (
      await reads.once(`partner-dataset-districts:${scopeKey(scope)}`, () =>
        partnerDatasetDistricts(db, scope),
      )
    ).map((h) => [h.dataset, new Set(h.districts)]),
  );
  // The themes held for the area, read together (one round of queries for them all).
  const themes = PARTNER_THEMES.flatMap(([name, category]) => {
    const dataset = findDataset(name);
    const districts = held.get(name);
    if (!dataset || !districts) return [];
    if (area.type === 'district' && !districts.has(area.code)) return [];
    return [{ name, category, dataset }];
  });
  const areas = force ? [area, force] : [area];
  prefetchPartnerAreaCounts(
    db,
    scope,
    themes.map((t) => t.dataset),
    areas,
    reads,
  );
  // A restricted theme is protected with the force's other districts: their counts are read in
  // one round for all such themes (partner-totals-disclosure.ts).
  await prefetchPartnerFamilies(
    db,
    scope,
    themes.filter((t) => t.dataset.sensitivity === 'restricted').map((t) => t.dataset),
    area,
    reads,
  );
  // Every theme's read settled before any is used (a failure is thrown once none is running).
  const counted = await allSettled(
    themes.map((t) => partnerAreaCounts(db, scope, t.dataset, areas, reads)),
  );
  for (const [i, { name, category, dataset }] of themes.entries()) {
    const { inputs: counts, synthetic } = counted[i]!;
    const [measure] = datasetMeasures(dataset, category, synthetic) as [Measure];
    // The months the theme's count is held (a partner file may not give it: unknown, not zero).
    const input = measureInput(counts[0] as AreaCounts, measure);
    if (!input.observed.some((m) => m >= period.from && m <= period.to)) {
      notAssessed.push({
        key: name,
        label: dataset.label,
        source: 'partner',
        status: 'not assessed (no data)',
        reason: `${dataset.name} data are held for ${area.name}, but for no month of ${period.from}..${period.to}`,
      });
      continue;
    }
    const [doc] = trendDocuments(input, [measure], period, {
      discontinuities,
      interval: false,
    }) as [TrendDocument];
    const forceInput = counts[1] && measureInput(counts[1], measure);
    const forceDoc =
      forceInput && forceInput.observed.some((m) => m >= period.from && m <= period.to)
        ? trendDocuments(forceInput, [measure], period, { discontinuities, interval: false })[0]
        : undefined;
    const forcePop = forceInput ? populationAt(forceInput.populations, year) : null;
    add(`${name}:${category}`, name, doc, forceDoc, forcePop, 'partner', synthetic);
    if (dataset.sensitivity === 'restricted' && details.has(name)) {
      const policy = settings.disclosure ?? DEFAULT_DISCLOSURE_POLICY;
      // Every month held, the area's and the force's, protected together with the force's other
      // districts, as trends protects them (usecases/partner-totals-disclosure.ts).
      const held = [...new Set([...input.observed, ...(forceInput?.observed ?? [])])].sort();
      // And no sum over a month some reader's control (whatever their grants) may hold back: an
      // assessment is saved and read by others (analysis/restricted-issue.ts withMonthsHeldBack).
      const statuses = await partnerTotalsStatus(db, scope, dataset, areas, held, policy, reads);
      const unsafe = await monthsWithSmallCounts(db, dataset, area, measure.key, policy, reads);
      const ofArea = (code: string) => {
        const status = statuses.get(code);
        return status && withMonthsHeldBack(status, unsafe, measure.key);
      };
      monthControl.set(
        name,
        restrictedControl(
          { input, forceDoc },
          ofArea(area.code)!,
          force ? ofArea(force.code) : undefined,
          measure.key,
          details.get(name)!.evidence.forceRatePer1000 !== null,
          policy,
        ),
      );
    }
  }
  return { area, evidence, details, notAssessed, monthControl };
}

/**
 * A restricted dataset's months as trends protects them (`status`, `forceStatus`: every category of
 * the dataset, each month on its own, its total as their sum, with the force's other districts),
 * whatever period is assessed; and the force's total over the period, given only where each of its
 * months is shown, when the force's rate is worked out.
 */
function restrictedControl(
  data: {
    input: AreaCounts;
    forceDoc: TrendDocument | undefined;
  },
  status: ReadonlyMap<string, CellStatus>,
  forceStatus: ReadonlyMap<string, CellStatus> | undefined,
  key: string,
  forceRate: boolean,
  policy: DisclosurePolicy,
): IssueMonthControl {
  const months = new Map(data.input.observed.map((m) => [m, status.get(`${key}:${m}`) ?? 'shown']));
  const { forceDoc } = data;
  if (!forceRate || !forceStatus || !forceDoc) return { months, force: null };
  const held = forceDoc.months.filter((m) => m.count !== null).map((m) => `${key}:${m.month}`);
  return { months, force: totalStatus(forceDoc.current, held, forceStatus, policy) };
}

const LEVELS: readonly Confidence[] = ['high', 'medium', 'low'];
const lower = (c: Confidence, by: number): Confidence =>
  LEVELS[Math.min(LEVELS.length - 1, LEVELS.indexOf(c) + by)] as Confidence;

const rateOf = (count: number, population: number | null) =>
  population && population > 0 ? (count / population) * 1000 : null;

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

/**
 * Whose weight a category's is, for the reader: one offence's Crime Severity Score weight used for
 * the whole category ("that of violence with injury, used for the whole category; unverified").
 */
function harmWeightWords(w: HarmWeight | undefined): string {
  if (!w) return 'from the harm weights file';
  const offence = w.offence.charAt(0).toLowerCase() + w.offence.slice(1);
  return `that of ${offence}, used for the whole category${w.verified ? '' : '; unverified'}`;
}
