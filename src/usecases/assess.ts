/**
 * `lantern assess` (issue 7, first cut): every police.uk category and partner theme of an area
 * scored on the risk matrix from the evidence the store holds, ranked and banded, each score
 * explained. Harm from ONS Crime Severity Score weights (config/harm-weights.yaml), likelihood
 * from the area's rate against the force's, trend from the exact tests (Holm-adjusted), hidden
 * figure from the reporting rates, concern from the community-concern survey, confidence from data
 * quality. Organisational position is neutral until an inputs file scores it (not built yet).
 */
import {
  bandSensitivity,
  rankIssues,
  scoreByThresholds,
  type Band,
  type Confidence,
  type IssueEvidence,
  type IssueScore,
} from '../analysis/risk-scoring.js';
import { trendDocuments, type TrendDocument } from '../analysis/trend-table.js';
import { loadHarmWeights } from '../config/harm-weights.js';
import { loadReportingRates } from '../config/reporting-rates.js';
import { loadAssessmentInputs, type ManualScore } from '../config/assessment-inputs.js';
import { loadRiskMatrix } from '../config/risk-matrix.js';
import { loadTacticalOptions, type TacticalOption } from '../config/tactical-options.js';
import {
  populationAt,
  type AreaCounts,
  type AreaSummary,
  type Measure,
} from '../domain/area-counts.js';
import { ALL_CRIME, CURRENT_CATEGORIES, policeMeasure } from '../domain/categories.js';
import { findDataset, slug } from '../domain/datasets.js';
import type { Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { InputError } from '../errors.js';
import { ancestorChains, areasByCode, resolveArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { latestConcern, partnerDatasetsHeld } from '../store/partner-data.js';
import { datasetMeasures, partnerAreaCounts } from './partner-area-counts.js';
import { streetAreaCounts } from './street-area-counts.js';

export interface AssessedIssue extends IssueScore {
  label: string;
  source: 'police.uk' | 'partner' | 'inputs';
  synthetic: boolean;
  evidence: {
    recorded: number;
    previous: number | null;
    changePct: number | null;
    pValueHolm: number | null;
    ratePer1000: number | null;
    forceRatePer1000: number | null;
    harmWeight: number | null;
    reportingRate: number | null;
    concernShare: number | null;
    /** The survey the concern share comes from is synthetic demonstration data. */
    concernSynthetic: boolean;
    /** Organisational position: scored in the inputs file (by whom, when, why), or neutral. */
    position: { score: number; scoredBy: string | null };
    vulnerability: { score: number; scoredBy: string } | null;
    confidence: Confidence;
  };
  /** How each base score was reached. */
  basis: { harm: string; likelihood: string; trend: string; confidence: string };
  rationale: string;
  /** The bands the issue could fall in if its harm or likelihood moved by one point. */
  sensitivity: Band[];
  /** For High issues: options from the tactical library, each with the analysis behind it. */
  options: ProposedOption[];
}

export interface ProposedOption extends TacticalOption {
  /** The command that shows where the option would apply; null when none can for this data. */
  run: string | null;
  note: string | null;
}

export interface Assessment {
  area: AreaSummary;
  force: AreaSummary | null;
  period: Period;
  configFile: string;
  issues: AssessedIssue[];
  notes: string[];
}

const PARTNER_THEMES: readonly [string, string | undefined][] = [
  ['fly-tipping', 'total'],
  ['hate-crime', 'total'],
  ['domestic-abuse', 'incidents'],
  ['prevent', 'referral'],
];

export async function assess(
  db: Db,
  scope: Scope,
  request: { area: string; period: Period; config?: string; inputs?: string; options?: string },
): Promise<Assessment> {
  const matrix = await loadRiskMatrix(request.config);
  const inputs = request.inputs
    ? await loadAssessmentInputs(request.inputs, matrix.config.scale)
    : null;
  const weights = await loadHarmWeights();
  const library = await loadTacticalOptions(request.options);
  const rates = new Map((await loadReportingRates()).map((r) => [r.key, r]));
  const area = await resolveArea(db, request.area);
  if (area.type !== 'district')
    throw new InputError(
      `assess: ${area.name} is a ${area.type}; this first cut assesses districts`,
    );
  const chain = (await ancestorChains(db, [area.code], false)).get(area.code) ?? [];
  const forceCode = chain.find((c) => c.type === 'force')?.code;
  const [force] = forceCode ? await areasByCode(db, [forceCode]) : [];
  const [local, county] = await streetAreaCounts(db, scope, force ? [area, force] : [area]);
  const period = request.period;
  const year = Number(period.to.slice(0, 4));
  const measures = CURRENT_CATEGORIES.map((c) => policeMeasure(c));
  const docs = trendDocuments(local as AreaCounts, measures, period, {
    notTested: (m) => m.key === ALL_CRIME,
  });
  const forceDocs = county ? trendDocuments(county, measures, period) : [];
  const concern = await latestConcern(db, scope, area.code, period.to).catch(() => []);
  const concernOf = (key: string, label: string) =>
    concern.find((c) => slug(c.issue) === key || slug(c.issue) === slug(label)) ?? null;
  const cfg = matrix.config;
  const evidence: IssueEvidence[] = [];
  const details = new Map<
    string,
    Omit<AssessedIssue, keyof IssueScore | 'sensitivity' | 'options'>
  >();

  const add = (
    key: string,
    doc: TrendDocument,
    forceDoc: TrendDocument | undefined,
    source: 'police.uk' | 'partner',
    synthetic: boolean,
  ) => {
    const weight = source === 'police.uk' ? (weights.get(key)?.weight ?? null) : null;
    const harm =
      weight === null
        ? matrix.harm.unknown
        : scoreByThresholds(weight, matrix.harm.weightThresholds);
    const forceRate =
      forceDoc && county
        ? rateOf(forceDoc.current, populationAt(county.populations, year)?.count ?? null)
        : null;
    const ratio = doc.ratePer1000 !== null && forceRate ? doc.ratePer1000 / forceRate : null;
    const likelihood =
      ratio === null
        ? matrix.likelihood.unknown
        : scoreByThresholds(ratio, matrix.likelihood.rateRatioThresholds);
    const p = doc.pValueAdjusted ?? null;
    const trend: IssueEvidence['trend'] =
      doc.pValue === null
        ? 'unknown'
        : p !== null && p < 0.05
          ? (doc.change ?? 0) > 0
            ? 'significant rise'
            : 'significant fall'
          : 'no significant change';
    const rateKey = source === 'police.uk' ? `police:${key}` : `dataset:${key}`;
    const reportingRate = rates.get(rateKey)?.rate?.estimate ?? null;
    const issueKey = source === 'police.uk' ? key : (key.split(':')[0] as string);
    const given = inputs?.issues.get(issueKey);
    const survey = concernOf(issueKey, doc.label);
    const c = given?.concern
      ? { share: given.concern.share, synthetic: false, reason: given.concern.reason }
      : survey
        ? { ...survey, reason: null }
        : null;
    const position = given?.position ?? null;
    const missing = doc.months.some((m) => m.count === null);
    const confidence: Confidence =
      doc.current < (matrix.confidence.smallNumbers ?? 20) || missing || synthetic
        ? 'low'
        : weight === null || reportingRate === null
          ? 'medium'
          : 'high';
    evidence.push({
      key: issueKey,
      harm,
      likelihood,
      trend,
      reportingRate,
      concernShare: c?.share ?? null,
      vulnerability: given?.vulnerability?.score ?? null,
      position: position?.score ?? Math.round((cfg.scale + 1) / 2),
      confidence,
    });
    const w = weights.get(key);
    details.set(issueKey, {
      label: doc.label,
      source,
      synthetic,
      evidence: {
        recorded: doc.current,
        previous: doc.previous,
        changePct: doc.changePct,
        pValueHolm: p,
        ratePer1000: doc.ratePer1000,
        forceRatePer1000: forceRate,
        harmWeight: weight,
        reportingRate,
        concernShare: c?.share ?? null,
        concernSynthetic: c?.synthetic ?? false,
        position: position
          ? { score: position.score, scoredBy: scorer(position) }
          : { score: Math.round((cfg.scale + 1) / 2), scoredBy: null },
        vulnerability: given?.vulnerability
          ? { score: given.vulnerability.score, scoredBy: scorer(given.vulnerability) }
          : null,
        confidence,
      },
      basis: {
        harm:
          weight === null
            ? `no harm weight known: the default ${matrix.harm.unknown}`
            : `ONS CSS weight ${weight} (${w?.offence}${w?.verified ? '' : ', unverified'})`,
        likelihood:
          ratio === null
            ? `no force rate to compare with: the default ${matrix.likelihood.unknown}`
            : `${ratio.toFixed(2)} × the force rate`,
        trend:
          doc.pValue === null
            ? 'no earlier complete period to compare with'
            : `${fmtPct(doc.changePct)} against ${doc.comparisonPeriod?.from}..${doc.comparisonPeriod?.to} (Holm p ${p === null ? '–' : p < 0.001 ? '<0.001' : p.toFixed(3)})`,
        confidence:
          [
            doc.current < (matrix.confidence.smallNumbers ?? 20)
              ? `small numbers (${doc.current})`
              : null,
            missing ? 'months missing' : null,
            synthetic ? 'synthetic demonstration data' : null,
            weight === null ? 'no harm weight' : null,
            reportingRate === null ? 'no reporting rate' : null,
          ]
            .filter(Boolean)
            .join(', ') || 'complete data, sourced weights and rates',
      },
      rationale: '',
    });
  };

  for (const [i, m] of measures.entries())
    add(m.key, docs[i] as TrendDocument, forceDocs[i], 'police.uk', false);

  const held = new Set(
    (await partnerDatasetsHeld(db, scope))
      .filter((h) => h.districts.includes(area.code))
      .map((h) => h.dataset),
  );
  for (const [name, category] of PARTNER_THEMES) {
    const dataset = findDataset(name);
    if (!dataset || !held.has(name)) continue;
    const { inputs, synthetic } = await partnerAreaCounts(db, scope, dataset, [area]);
    const input = inputs[0] as AreaCounts;
    const [measure] = datasetMeasures(dataset, category, synthetic) as [Measure];
    if (!input.observed.some((m) => m >= period.from && m <= period.to)) continue;
    const [doc] = trendDocuments(input, [measure], period);
    add(`${name}:${category}`, doc as TrendDocument, undefined, 'partner', synthetic);
  }

  for (const [key, x] of inputs?.extra ?? []) {
    if (details.has(key))
      throw new InputError(
        `${inputs?.path}: extra.${key}: ${key} is already an issue of this assessment`,
      );
    evidence.push({
      key,
      harm: x.harm.score,
      likelihood: x.likelihood.score,
      trend: 'unknown',
      reportingRate: null,
      concernShare: null,
      position: x.position?.score ?? Math.round((cfg.scale + 1) / 2),
      confidence: 'low',
    });
    details.set(key, {
      label: x.label,
      source: 'inputs',
      synthetic: false,
      evidence: {
        recorded: 0,
        previous: null,
        changePct: null,
        pValueHolm: null,
        ratePer1000: null,
        forceRatePer1000: null,
        harmWeight: null,
        reportingRate: null,
        concernShare: null,
        concernSynthetic: false,
        position: x.position
          ? { score: x.position.score, scoredBy: scorer(x.position) }
          : { score: Math.round((cfg.scale + 1) / 2), scoredBy: null },
        vulnerability: null,
        confidence: 'low',
      },
      basis: {
        harm: `scored ${x.harm.score} by ${scorer(x.harm)}`,
        likelihood: `scored ${x.likelihood.score} by ${scorer(x.likelihood)}`,
        trend: 'no data held',
        confidence: 'manual scores only',
      },
      rationale: '',
    });
  }
  for (const key of inputs?.issues.keys() ?? [])
    if (!details.has(key))
      throw new InputError(
        `${inputs?.path}: issues.${key}: no such issue in this assessment (issues: ${[...details.keys()].join(', ')})`,
      );

  const ranked = rankIssues(evidence, cfg);
  const sensitivity = bandSensitivity(evidence, cfg, ['harm', 'likelihood']);
  const issues = ranked.map((s): AssessedIssue => {
    const d = details.get(s.key)!;
    const options =
      s.band === 'High'
        ? library
            .filter((o) => o.issue === s.key)
            .map((o) => propose(o, d.source, s.key, area.name, period))
        : [];
    return {
      ...s,
      ...d,
      sensitivity: sensitivity.get(s.key) ?? [s.band],
      rationale: rationale(s, d),
      options,
    };
  });
  return {
    area: { code: area.code, name: area.name, type: area.type },
    force: force ? { code: force.code, name: force.name, type: force.type } : null,
    period,
    configFile: matrix.path,
    issues,
    notes: [
      'Not MoRiLE: its scales are not published. Thresholds and bands are assumptions of the configuration file named above.',
      inputs
        ? `Manual scores from ${inputs.path} (${inputs.scoredBy}, ${inputs.date}); organisational position not scored there is neutral (the middle of the scale), shown as such.`
        : 'Organisational position is neutral (the middle of the scale) for every issue: no inputs file (--inputs) scores it.',
      'Public concern comes from the inputs file, else from the community-concern survey where an issue matches.',
      'Harm weights are ONS Crime Severity Score figures from secondary sources, unverified; issues without one take the default harm score.',
      `Risk = harm × likelihood (1..${cfg.scale * cfg.scale}); High from ${cfg.bands.high}, Medium from ${cfg.bands.medium}. Priority shapes risk by position and confidence.`,
    ],
  };
}

/** The option with the command that would show where it applies, for this issue's data. */
function propose(
  o: TacticalOption,
  source: AssessedIssue['source'],
  key: string,
  areaName: string,
  period: Period,
): ProposedOption {
  if (!o.analysis || source === 'inputs') return { ...o, run: null, note: null };
  if (o.analysis === 'near-repeat' && source === 'police.uk')
    return {
      ...o,
      run: null,
      note: 'near-repeat needs the day of each crime, which police.uk does not give (months only)',
    };
  const what = source === 'police.uk' ? `--category ${key}` : `--dataset ${key}`;
  const extra = o.analysis === 'cameras' ? ' --cameras 5 --radius 75' : '';
  return {
    ...o,
    run: `lantern ${o.analysis} --area "${areaName}" ${what} --period ${period.from}..${period.to}${extra}`,
    note: null,
  };
}

const scorer = (s: ManualScore) => `${s.scoredBy}, ${s.on}: ${s.reason}`;

const rateOf = (count: number, population: number | null) =>
  population && population > 0 ? (count / population) * 1000 : null;

const fmtPct = (v: number | null) => (v === null ? '–' : `${v >= 0 ? '+' : ''}${v.toFixed(0)}%`);

function rationale(
  s: IssueScore,
  d: Omit<AssessedIssue, keyof IssueScore | 'sensitivity' | 'options'>,
): string {
  const e = d.evidence;
  const parts = [
    d.source === 'inputs'
      ? `${d.label}: no data held; harm ${d.basis.harm}; likelihood ${d.basis.likelihood}`
      : `${d.label}: ${e.recorded.toLocaleString('en-GB')} recorded`,
    e.ratePer1000 !== null && e.forceRatePer1000 !== null
      ? `${e.ratePer1000.toFixed(1)} per 1,000 against ${e.forceRatePer1000.toFixed(1)} for the force`
      : null,
    e.changePct !== null
      ? `${fmtPct(e.changePct)} on ${e.previous?.toLocaleString('en-GB')}` +
        (e.pValueHolm !== null && e.pValueHolm < 0.05 ? ' (significant)' : ' (could be chance)')
      : null,
    d.source === 'inputs'
      ? null
      : d.basis.harm.startsWith('ONS')
        ? `harm weight ${e.harmWeight}`
        : 'no harm weight known',
    e.position.scoredBy
      ? `organisational position ${e.position.score} (${e.position.scoredBy})`
      : null,
    ...s.adjustments,
    e.concernShare !== null && e.concernSynthetic ? 'concern from a SYNTHETIC survey' : null,
    d.synthetic ? 'SYNTHETIC demonstration data' : null,
  ].filter(Boolean);
  return `${parts.join('; ')}. Risk ${s.harm} × ${s.likelihood} = ${s.risk} (${s.band}); confidence ${e.confidence}.`;
}
