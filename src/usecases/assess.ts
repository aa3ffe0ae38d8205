/**
 * `lantern assess` (issue 7): every police.uk category and partner theme of an area scored on the
 * risk matrix from the evidence the store holds (usecases/assess-area.ts), with the manual scores
 * of an inputs file, ranked and banded, each score explained; the tactical options for the High
 * priorities; for a district, the county's assessment beside it and how the two line up; the
 * Police and Crime Plan objectives the priorities serve; the sensitivity of each band to a
 * one-point move of its harm or likelihood. Each assessment is saved (unless asked not to) with the
 * inputs and configuration it was made with, so a later one can say what moved.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

import { assessmentChanges } from '../analysis/assessment-change.js';
import { issueRationale } from '../analysis/issue-rationale.js';
import { discloseRestrictedIssue } from '../analysis/restricted-issue.js';
import { alignWithCounty, alignWithPlan } from '../analysis/priority-alignment.js';
import { bandSensitivity, rankIssues, type IssueEvidence } from '../analysis/risk-scoring.js';
import type { ASSESSMENT_SETTINGS } from '../config/setting-files.js';
import type { AssessmentInputsSetting, OwnSetting, Settings } from '../config/settings.js';
import { comparisonWords } from '../analysis/trend-table.js';
import { requireMostMonthsHeld, type PeriodCoverage } from '../domain/held-months.js';
import { DEFAULT_RISK_MATRIX_FILE } from '../config/risk-matrix.js';
import { settingFileName } from '../config/setting-file-name.js';
import type { TacticalOption } from '../config/tactical-options.js';
import type { AreaSummary } from '../domain/area-counts.js';
import {
  assessmentOutput,
  CONCERN_NOTE,
  type AssessedIssue,
  type Assessment,
  type CountyIssue,
  type IssueDetail,
  type ProposedOption,
  type RevisedSince,
  type SavedAssessmentRecord,
  type SavedAssessmentSummary,
} from '../domain/assessment.js';
import type { IssueMove, ScoredIssue } from '../domain/priority.js';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../domain/disclosure/table.js';
import type { Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { InputError } from '../errors.js';
import { saveAssessment } from '../store/assessments.js';
import { areaAccessLevel } from '../store/area-access.js';
import { chainsFrom, upperAreas } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { LANTERN_VERSION } from '../version.js';
import { areaEvidence, scorer, type AreaEvidence, type AssessmentSettings } from './assess-area.js';
import { allSettled, CommandReads } from './command-reads.js';
import { busiestHotspots, type BusiestHotspot } from './hotspots.js';
import { prefetchStreetIncidents } from './incident-points.js';
import { resolveAreaOnce } from './place-reads.js';
import {
  savedAssessmentFor,
  savedAssessmentsRevised,
  type SavedAssessmentView,
} from './saved-assessments.js';
import { heldStreetMonths } from './street-area-counts.js';

export type { AssessedIssue, Assessment, ProposedOption } from '../domain/assessment.js';

export interface AssessRequest {
  area: string;
  period: Period;
  /** The settings files, loaded at the edge (config/settings.ts). */
  settings: AssessSettings;
  /** Manual scores with their reasons, loaded at the edge against the risk matrix's scale. */
  inputs?: AssessmentInputsSetting | null;
  /** Save the assessment in the store (default true). */
  save?: boolean;
  compareWith?: string;
  /** Assess a period with fewer than three quarters of its months held (every page marked). */
  allowPartial?: boolean;
  /**
   * The disclosure threshold (config/disclosure.yaml): a restricted dataset's counts below it are
   * held back for every caller (analysis/restricted-issue.ts). Default 5.
   */
  disclosure?: DisclosurePolicy;
  /**
   * The settings given as a file other than Lantern's default (the risk matrix and the Police and
   * Crime Plan aside: the assessment names their files anyway); its notes name each.
   */
  ownSettings?: readonly OwnSetting[];
}

/** The settings an assessment is made with. */
export type AssessSettings = Pick<Settings, (typeof ASSESSMENT_SETTINGS)[number]>;

/**
 * `reads`: what the command has read already (a report passes its own, so that the assessment's
 * points and hotspots serve its maps too).
 */
export async function assess(
  db: Db,
  scope: Scope,
  request: AssessRequest,
  reads: CommandReads = new CommandReads(),
): Promise<Assessment> {
  // An unknown id is refused before anything is assessed or saved.
  // Another's assessment is compared as the caller may see it (usecases/saved-assessments.ts).
  const earlier = request.compareWith
    ? await savedAssessmentFor(db, scope, request.compareWith, '⟨compareWith⟩')
    : null;
  const matrix = request.settings.riskMatrix;
  const cfg = matrix.config;
  const inputs = request.inputs ?? null;
  const library = request.settings.tacticalOptions;
  const plan = request.settings.policeCrimePlan;
  const settings: AssessmentSettings = {
    matrix,
    weights: request.settings.harmWeights,
    rates: new Map(request.settings.reportingRates.map((r) => [r.key, r])),
    inputs,
    period: request.period,
    discontinuities: request.settings.discontinuities,
    disclosure: request.disclosure ?? DEFAULT_DISCLOSURE_POLICY,
  };
  const period = request.period;
  const found = await resolveAreaOnce(db, request.area, reads);
  // The area as the command's later reads (its hotspots' points) look it up, by code.
  reads.remember(`area:${found.code}`, Promise.resolve(found));
  if (found.type !== 'district' && found.type !== 'force')
    throw new InputError(
      `assess: ${found.name} is a ${found.type}; assess a district (with its county or force area beside it) or a force area`,
    );
  // No figure for months not held: refused unless most of the period is held, or asked for.
  const coverage = requireMostMonthsHeld(
    period,
    await heldStreetMonths(db, scope, { code: found.code, type: found.type }, reads),
    `police.uk street data of ${found.name}`,
    request.allowPartial === true,
  );
  const area: AreaSummary = { code: found.code, name: found.name, type: found.type };
  let force: AreaSummary | null = null;
  if (area.type === 'district') {
    // The register's upper areas were read for the months held: the force is found in them.
    const upper = await reads.once('upper-areas', () => upperAreas(db));
    const chain = chainsFrom(upper, [area.code]).get(area.code) ?? [];
    const code = chain.find((c) => c.type === 'force')?.code;
    const f = upper.find((a) => a.code === code);
    force = f ? { code: f.code, name: f.name, type: f.type } : null;
  }
  // A caller who does not see the force in detail (a district partner with the county in
  // aggregate, or without it) has the district assessed without it: the rate against the force, and the county's own
  // priorities, are worked from the force's counts as they are, not under disclosure control.
  let forceLeftOut: AreaSummary | null = null;
  if (force && (await areaAccessLevel(db, scope, force.code)) !== 'detail') {
    forceLeftOut = force;
    force = null;
  }

  // Each High police.uk priority of a district is mapped: their records are read in one query,
  // their busiest cells named together. An issue's band is its own, so the police.uk issues' bands
  // are known before the partner themes are read: the maps are started then, and worked out while
  // the themes are read, their statements on a connection of their own (a session of the store,
  // seeing what is committed, as the command does: it writes nothing before they end) so that
  // DuckDB runs them beside the themes' rather than after.
  let mapped: string[] = [];
  let maps: Promise<(BusiestHotspot | null)[]> = Promise.resolve([]);
  const startMaps = (police: readonly IssueEvidence[]) => {
    mapped = rankIssues(police, cfg)
      .filter((s) => s.band === 'High')
      .map((s) => s.key);
    if (mapped.length === 0) return;
    maps = db.session().then(async (aside) => {
      try {
        prefetchStreetIncidents(aside, scope, { area: area.code, period }, mapped, reads);
        return await busiestHotspots(
          aside,
          scope,
          mapped.map((category) => ({ area: area.code, category, period, top: 3 })),
          reads,
        );
      } finally {
        aside.close();
      }
    });
    // Awaited below, or settled before any failure is thrown.
    maps.catch(() => undefined);
  };
  let local: AreaEvidence;
  try {
    local = await areaEvidence(
      db,
      scope,
      area,
      force,
      settings,
      reads,
      area.type === 'district' ? startMaps : undefined,
    );
    addInputIssues(local, inputs, cfg);
  } catch (error) {
    // No failure is thrown with a read of the store still running.
    await maps.catch(() => undefined);
    throw error;
  }

  const ranked = rankIssues(local.evidence, cfg);
  const sensitivity = bandSensitivity(local.evidence, cfg, ['harm', 'likelihood']);
  const issues: AssessedIssue[] = [];
  // The county's evidence (its counts and trends read already with the district's) is worked out
  // while the maps are.
  const [tops, theirs] = await allSettled<unknown>([
    maps,
    force
      ? areaEvidence(db, scope, force, null, { ...settings, inputs: null }, reads)
      : Promise.resolve(null),
  ]).then(([t, e]) => [t as (BusiestHotspot | null)[], e as AreaEvidence | null] as const);
  const spots = new Map(
    tops.map((top, i) => [
      mapped[i]!,
      top ? { location: top.name, count: top.count, lon: top.lon, lat: top.lat } : null,
    ]),
  );
  for (const s of ranked) {
    const d = local.details.get(s.key)!;
    const spot = spots.get(s.key) ?? null;
    const issue: AssessedIssue = {
      ...s,
      ...d,
      hotspot: spot,
      sensitivity: sensitivity.get(s.key) ?? [s.band],
      rationale: issueRationale({ ...s, ...d, hotspot: spot }),
      options:
        s.band === 'High'
          ? library
              .filter((o) => o.issue === s.key)
              .map((o) => propose(o, d.source, s.key, area.name, period))
          : [],
    };
    // A restricted dataset's small counts are held back for every caller (issue 20 item 4), its
    // months protected each on its own and a total given only where every month of it is shown,
    // so that no two assessments of different periods can be subtracted.
    const control = local.monthControl.get(s.key);
    issues.push(
      control
        ? discloseRestrictedIssue(issue, request.disclosure ?? DEFAULT_DISCLOSURE_POLICY, control)
        : issue,
    );
  }

  // The force's counts were read with the district's: the county's evidence reuses them.
  const county: Assessment['county'] =
    force && theirs ? { area: force, issues: countyIssues(theirs, cfg) } : null;
  const planAlignment = alignWithPlan(issues, plan.objectives);
  const result: Assessment = {
    id: null,
    area,
    force,
    ...(forceLeftOut ? { forceLeftOut } : {}),
    period,
    configFile: settingFileName(matrix.path),
    matrix: { scale: cfg.scale, bands: cfg.bands },
    inputsFile: inputs ? settingFileName(inputs.path) : null,
    inputs: inputs
      ? { scoredBy: inputs.scoredBy, date: inputs.date, example: inputs.examples.length > 0 }
      : null,
    defaultMatrix: resolve(matrix.path) === resolve(DEFAULT_RISK_MATRIX_FILE),
    coverage: {
      months: coverage.months,
      held: coverage.held,
      partial: coverage.partial,
      words: coverage.words,
    },
    notAssessed: local.notAssessed,
    issues,
    county,
    alignment: {
      county: county ? alignWithCounty(issues, county.issues) : null,
      plan: {
        ...planAlignment,
        plan: plan.plan,
        file: settingFileName(plan.path),
        illustrative: plan.illustrative,
      },
    },
    comparison: null,
    // A partial period is said first; the base, discontinuities and populations after the method.
    notes: (() => {
      const [first, ...rest] = periodNotes(coverage, local, period);
      const method = notes(cfg, inputs, area, force, plan, forceLeftOut, request.ownSettings);
      return coverage.partial
        ? [first as string, ...method, ...rest]
        : [...method, ...(first ? [first] : []), ...rest];
    })(),
  };

  const configText = matrix.text;
  const configSha256 = createHash('sha256').update(configText).digest('hex');
  const inputsText = inputs?.text ?? null;
  if (request.save !== false) {
    // Saved as it is printed: a restricted dataset's count held back is not kept in the store.
    const json = JSON.stringify(assessmentOutput(result));
    const id = createHash('sha256')
      .update(
        [
          area.code,
          period.from,
          period.to,
          configText,
          inputsText ?? '',
          LANTERN_VERSION,
          json,
        ].join('\u0000'),
      )
      .digest('hex')
      .slice(0, 12);
    result.id = id;
    await saveAssessment(db, {
      id,
      areaCode: area.code,
      areaName: area.name,
      periodFrom: period.from,
      periodTo: period.to,
      inputsFile: inputs ? settingFileName(inputs.path) : null,
      inputsText,
      configFile: settingFileName(matrix.path),
      configSha256,
      lanternVersion: LANTERN_VERSION,
      result: JSON.stringify(assessmentOutput(result)),
    });
  }
  if (earlier) result.comparison = comparedWith(earlier, result, configSha256, inputsText);
  return result;
}

/** The saved assessments of the areas the caller sees in detail. */
export async function savedAssessments(
  db: Db,
  scope: Scope,
): Promise<(SavedAssessmentSummary & { revisedSince: RevisedSince[] })[]> {
  return savedAssessmentsRevised(db, scope);
}

/** What moved since a saved assessment; the configuration and inputs are compared by content. */
function comparedWith(
  earlier: SavedAssessmentView,
  now: Assessment,
  configSha256: string,
  inputsText: string | null,
): NonNullable<Assessment['comparison']> {
  const { record: saved, assessment: then } = earlier;
  // An assessment saved before files were named so may hold the absolute path it was made with.
  const savedConfig = settingFileName(saved.configFile);
  const savedInputs = saved.inputsFile === null ? null : settingFileName(saved.inputsFile);
  const summary: SavedAssessmentSummary = {
    id: saved.id,
    areaCode: saved.areaCode,
    areaName: saved.areaName,
    periodFrom: saved.periodFrom,
    periodTo: saved.periodTo,
    inputsFile: savedInputs,
    configFile: savedConfig,
    configSha256: saved.configSha256,
    lanternVersion: saved.lanternVersion,
    savedAt: saved.savedAt,
  };
  const differences = [
    saved.areaCode !== now.area.code
      ? `It assessed ${saved.areaName}, not ${now.area.name}: the comparison is between areas.`
      : null,
    saved.configSha256 !== configSha256
      ? `It used another risk-matrix configuration (${savedConfig}, as it then read): some moves come from the method, not the evidence.`
      : null,
    (saved.inputsText ?? null) !== inputsText
      ? `Its manual scores came from ${savedInputs ?? 'no inputs file'}; these from ${now.inputsFile ?? 'no inputs file'}${savedInputs === now.inputsFile ? ', changed since' : ''}.`
      : null,
  ].filter((x): x is string => x !== null);
  const moves = assessmentChanges(counted(then), counted(assessmentOutput(now)));
  return {
    with: summary,
    notes: [
      `Compared with assessment ${saved.id} of ${saved.areaName}, ${saved.periodFrom}..${saved.periodTo} (saved ${saved.savedAt}).`,
      ...differences,
      ...revisedSince(saved, then.coverage, now, moves),
    ],
    moves,
  };
}

/** Each issue scored, with its count over the period where the output shows it (null held back). */
function counted(a: {
  issues: readonly (ScoredIssue & { evidence: { recorded: number | null } })[];
}) {
  return a.issues.map((i): ScoredIssue => ({
    key: i.key,
    label: i.label,
    rank: i.rank,
    band: i.band,
    harm: i.harm,
    likelihood: i.likelihood,
    risk: i.risk,
    recorded: i.evidence.recorded,
  }));
}

/**
 * The same area and months, counted again with other totals: the store's records of the period
 * changed since the assessment was saved (a month police.uk revised and republished, a partner's
 * file imported again). Said, with the counts that moved, so that a move is not read as new
 * evidence (QA, year 2: every issue read "unchanged" over a revised month).
 */
export function revisedSince(
  saved: SavedAssessmentRecord,
  heldThen: Assessment['coverage'],
  now: Assessment,
  moves: readonly IssueMove[],
): string[] {
  if (
    saved.areaCode !== now.area.code ||
    saved.periodFrom !== now.period.from ||
    saved.periodTo !== now.period.to
  )
    return [];
  const moved = moves.filter(
    (m) =>
      m.recorded.then !== null && m.recorded.now !== null && m.recorded.then !== m.recorded.now,
  );
  if (moved.length === 0) return [];
  const n = (x: number) => x.toLocaleString('en-GB');
  const counts = moved.map((m) => `${m.label} ${n(m.recorded.then!)} → ${n(m.recorded.now!)}`);
  // Revised figures only when the months held are the months held then: a month imported since
  // (an assessment saved with --allow-partial) moves the counts as new records, not revisions.
  const sameMonths =
    heldThen !== undefined && now.coverage !== undefined && heldThen.held === now.coverage.held;
  // Fewer months held now: an import was taken out (lantern imports remove), not added to.
  const fewer =
    heldThen !== undefined && now.coverage !== undefined && now.coverage.held < heldThen.held;
  return [
    sameMonths
      ? `The records of the same months have changed since it was saved (months imported again: a file police.uk revised, or a partner's file replaced), so what moved comes from revised figures, not from new months: ${counts.join('; ')}.`
      : `The records of the period differ from when it was saved (${heldThen ? `${heldThen.held} of its ${heldThen.months} months held then, ${now.coverage?.held ?? 'not known'} now` : 'the months held then were not recorded'}: ${fewer ? 'months removed since (lantern imports remove), now missing' : 'months imported since, or imported again'}): ${counts.join('; ')}.`,
  ];
}

/**
 * The inputs file's extra issues added to the evidence (each at the middle of the scale where it
 * gives no position); any issue it scores that the assessment does not hold refused.
 */
function addInputIssues(
  local: AreaEvidence,
  inputs: AssessmentSettings['inputs'],
  cfg: AssessmentSettings['matrix']['config'],
): void {
  const mid = Math.round((cfg.scale + 1) / 2);
  for (const [key, x] of inputs?.extra ?? []) {
    if (local.details.has(key))
      throw new InputError(
        `${inputs?.where(['extra', key])}: ${key} is already an issue of this assessment`,
      );
    local.evidence.push({
      key,
      harm: x.harm.score,
      likelihood: x.likelihood.score,
      trend: 'unknown',
      reportingRate: null,
      concernShare: null,
      position: x.position?.score ?? mid,
      confidence: 'low',
    });
    local.details.set(key, inputsOnlyDetail(x, mid));
  }
  for (const key of inputs?.issues.keys() ?? [])
    if (!local.details.has(key) && !local.notAssessed.some((n) => n.key === key))
      throw new InputError(
        `${inputs?.where(['issues', key])}: no such issue in this assessment (issues: ${[...local.details.keys()].join(', ')})`,
      );
}

function countyIssues(e: AreaEvidence, cfg: AssessmentSettings['matrix']['config']): CountyIssue[] {
  return rankIssues(e.evidence, cfg).map((s) => ({
    key: s.key,
    label: e.details.get(s.key)!.label,
    rank: s.rank,
    band: s.band,
    harm: s.harm,
    likelihood: s.likelihood,
    risk: s.risk,
  }));
}

function inputsOnlyDetail(
  x: NonNullable<AssessmentSettings['inputs']>['extra'] extends Map<string, infer V> ? V : never,
  mid: number,
): IssueDetail {
  return {
    label: x.label,
    source: 'inputs',
    synthetic: false,
    evidence: {
      recorded: 0,
      previous: null,
      changePct: null,
      comparedWith: null,
      pValueHolm: null,
      ratePer1000: null,
      forceRatePer1000: null,
      volumeShare: null,
      harmWeight: null,
      harmWeighted: null,
      reportingRate: null,
      concernShare: null,
      concernSynthetic: false,
      position: x.position
        ? { score: x.position.score, scoredBy: scorer(x.position) }
        : { score: mid, scoredBy: null },
      vulnerability: null,
      impact: null,
      confidence: 'low',
    },
    basis: {
      harm: `scored ${x.harm.score} by ${scorer(x.harm)}`,
      likelihood: `scored ${x.likelihood.score} by ${scorer(x.likelihood)}`,
      trend: 'no data held',
      confidence: 'manual scores only',
    },
    months: [],
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

/**
 * What the period and its comparison are: partial or whole, the base of the changes (said when it
 * is not the year before), the discontinuities it spans, the populations' years.
 */
function periodNotes(coverage: PeriodCoverage, local: AreaEvidence, period: Period): string[] {
  const out: string[] = [];
  if (coverage.partial)
    out.push(
      `PARTIAL PERIOD: ${coverage.words} of ${period.from}..${period.to}. Counts, rates and shares cover these months only; changes compare the same months.`,
    );
  const police = [...local.details.values()].filter((d) => d.source === 'police.uk');
  const c = police.find((d) => d.evidence.comparison)?.evidence.comparison;
  if (c) {
    out.push(`Changes are ${comparisonWords(c)}: months compared ${c.label}.`);
    const breaks = [
      ...new Set(police.flatMap((d) => d.evidence.comparison?.discontinuities ?? [])),
    ];
    for (const b of breaks)
      out.push(
        `Comparisons span a known discontinuity: ${b}; the trends it touches carry less confidence.`,
      );
  } else out.push('No earlier period is held to compare with: no change is measured.');
  const pop = police[0]?.evidence.population;
  const forcePop = police[0]?.evidence.forcePopulation;
  if (pop)
    out.push(
      `Rates use ${local.area.name}'s ${pop.year} population (${pop.count.toLocaleString('en-GB')}, ${pop.source})` +
        (forcePop
          ? ` and the force's ${forcePop.year} population (${forcePop.count.toLocaleString('en-GB')}, ${forcePop.source})`
          : '') +
        ': the years held nearest the period.',
    );
  for (const n of local.notAssessed) out.push(`${n.label}: ${n.status}: ${n.reason}.`);
  return out;
}

function notes(
  cfg: AssessmentSettings['matrix']['config'],
  inputs: AssessmentSettings['inputs'],
  area: AreaSummary,
  force: AreaSummary | null,
  plan: { plan: string; path: string; illustrative: boolean },
  forceLeftOut: AreaSummary | null = null,
  own: readonly OwnSetting[] = [],
): string[] {
  const ownHarm = own.find((o) => o.name === 'harmWeights');
  const others = own.filter((o) => o.name !== 'harmWeights');
  return [
    'Not MoRiLE: its scales are not published. Thresholds and bands are assumptions of the configuration file named above.',
    inputs
      ? `Manual scores from ${settingFileName(inputs.path)} (${inputs.scoredBy}, ${inputs.date}); organisational position not scored there is neutral (the middle of the scale), shown as such.`
      : 'Organisational position is neutral (the middle of the scale) for every issue: no inputs file (⟨inputs⟩) scores it.',
    CONCERN_NOTE,
    ownHarm
      ? `Harm weights from ${ownHarm.file}, not Lantern's defaults; issues without one take the default harm score.`
      : 'Harm weights are ONS Crime Severity Score figures from secondary sources, unverified; issues without one take the default harm score.',
    ...(others.length
      ? [`Not Lantern's defaults: ${others.map((o) => `${o.label} from ${o.file}`).join('; ')}.`]
      : []),
    area.type === 'force'
      ? `Likelihood for ${area.name} is volume alone: Lantern holds no area above the force to compare its rates with.`
      : forceLeftOut
        ? `Likelihood for ${area.name} is volume alone: your access does not show ${forceLeftOut.name} in detail, so its rates are not compared with here and its own priorities are not shown (an analyst's assessment, with the force, may band some issues differently).`
        : `Likelihood is the mean of volume and the rate against ${force?.name ?? 'the force'}.`,
    `Risk = harm × likelihood (1..${cfg.scale * cfg.scale}); High from ${cfg.bands.high}, Medium from ${cfg.bands.medium}. Priority shapes risk by position and confidence.`,
    'Sensitivity: the bands an issue could fall in if its harm or likelihood moved one point (organisational position orders issues but never changes a band).',
    `Police and Crime Plan objectives from ${settingFileName(plan.path)}` +
      (plan.illustrative
        ? ': an ILLUSTRATIVE placeholder, not the Commissioner’s plan; replace it (⟨policeCrimePlan⟩ FILE).'
        : '.'),
    'Recorded crime is what is reported and recorded: police.uk locations are approximate (snapped to anonymised map points) and much crime goes unreported.',
  ];
}
