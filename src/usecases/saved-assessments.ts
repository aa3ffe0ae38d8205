/**
 * Saved assessments as a caller may see them. An assessment is saved with what its maker's access
 * showed: their partner datasets, their force beside the district. Another caller gets one only
 * where their own grants would let them make it (its area in detail), and without what their
 * grants do not open:
 * - the issues of partner datasets they may not read in that area (and those datasets' place in
 *   the plan alignment), the ranks of the others numbered again among what they see, so that a
 *   gap in the ranks does not show where a hidden theme stood;
 * - public concern from a survey they may not read;
 * - the force beside the district (its rates, the county's priorities and the alignment with them)
 *   unless they see the force in detail, as `assess` itself would leave it out.
 * Each issue's reasons are written again from what is left. A caller who sees everything gets the
 * assessment as saved.
 */
import { issueRationale } from '../analysis/issue-rationale.js';
import type {
  Assessment,
  AssessedIssue,
  RevisedSince,
  SavedAssessmentRecord,
  SavedAssessmentSummary,
} from '../domain/assessment.js';
import { settingFileName } from '../config/setting-file-name.js';
import { findDataset } from '../domain/datasets.js';
import { areaLevel, mayReadDatasetIn, type Scope } from '../domain/scope.js';
import { areasSeenInDetail, assertAreaAccess } from '../store/area-access.js';
import { ancestorsOf } from '../store/areas.js';
import { listAssessments, monthsRevisedSince, savedAssessment } from '../store/assessments.js';
import { forceCovering } from '../store/area-force.js';
import type { Db } from '../store/db.js';

/** A scope that sees every area and dataset in detail: the store's owner (the CLI's default). */
const seesEverything = (scope: Scope): boolean =>
  scope.areas === 'all' && scope.datasets === 'all' && scope.datasetAreas === undefined;

/**
 * The saved assessments of the areas the caller sees in detail, oldest first, each with the months
 * of its period imported again since it was saved (of the datasets the caller may read there).
 */
export async function savedAssessmentsRevised(
  db: Db,
  scope: Scope,
): Promise<(SavedAssessmentSummary & { revisedSince: RevisedSince[] })[]> {
  return Promise.all(
    (await savedAssessmentsFor(db, scope)).map(async (a) => ({
      ...a,
      revisedSince: await revisedFor(db, scope, a),
    })),
  );
}

/**
 * What was imported again since `a` was saved (QA, year 2: an assessment made before police.uk
 * revised a month was listed as if its figures were still the store's).
 */
export async function revisedFor(
  db: Db,
  scope: Scope,
  a: Pick<SavedAssessmentSummary, 'areaCode' | 'periodFrom' | 'periodTo' | 'savedAt'>,
): Promise<RevisedSince[]> {
  const force = await forceCovering(db, a.areaCode);
  const revised = await monthsRevisedSince(db, { ...a, force: force?.id ?? null });
  if (seesEverything(scope)) return revised;
  const chain = await ancestorsOf(db, a.areaCode);
  return revised.filter((r) => mayReadDatasetIn(scope, r.dataset, chain, 'detail'));
}

/** The saved assessments of the areas the caller sees in detail, oldest first. */
export async function savedAssessmentsFor(db: Db, scope: Scope): Promise<SavedAssessmentSummary[]> {
  // Settings files named without the path they were read from (config/setting-file-name.ts).
  const all = (await listAssessments(db)).map((a) => ({
    ...a,
    configFile: settingFileName(a.configFile),
    inputsFile: a.inputsFile === null ? null : settingFileName(a.inputsFile),
  }));
  if (scope.areas === 'all') return all;
  const seen = await areasSeenInDetail(
    db,
    scope,
    all.map((a) => a.areaCode),
  );
  return all.filter((a) => seen.has(a.areaCode));
}

export interface SavedAssessmentView {
  record: SavedAssessmentRecord;
  /** The assessment as the caller may see it. */
  assessment: Assessment;
}

/**
 * One saved assessment by id (or a unique prefix), as the caller may see it; refused
 * (ForbiddenError) unless the caller sees its area in detail. `option` names where the id was
 * given, for the message when none matches.
 */
export async function savedAssessmentFor(
  db: Db,
  scope: Scope,
  id: string,
  option: string,
): Promise<SavedAssessmentView> {
  const record = await savedAssessment(db, id, option);
  await assertAreaAccess(db, scope, record.areaCode, 'detail');
  const saved = JSON.parse(record.result) as Assessment;
  return { record, assessment: await asSeenBy(db, scope, saved) };
}

/**
 * The dataset an issue's figures come from: a partner theme's own (its key), police.uk's street
 * data for a category, none for an issue scored from the inputs file alone. A county issue
 * carries no source: its key says.
 */
function datasetOf(issue: { key: string; source?: string }): string | null {
  if (issue.source === 'inputs') return null;
  return findDataset(issue.key) ? issue.key : 'police-street';
}

/** Ranks numbered again 1, 2, … in their saved order (ties kept equal). */
function renumbered<T extends { rank: number }>(items: readonly T[]): T[] {
  const ranks = [...new Set(items.map((i) => i.rank))].sort((a, b) => a - b);
  const next = new Map(ranks.map((r, i) => [r, i + 1]));
  return items.map((i) => ({ ...i, rank: next.get(i.rank)! }));
}

async function asSeenBy(db: Db, scope: Scope, a: Assessment): Promise<Assessment> {
  if (seesEverything(scope)) return a;
  const chain = await ancestorsOf(db, a.area.code);
  const forceChain = a.force ? await ancestorsOf(db, a.force.code) : null;
  const forceSeen = forceChain !== null && areaLevel(scope, forceChain) === 'detail';
  const readable = (dataset: string | null, where: readonly string[]) =>
    dataset === null || mayReadDatasetIn(scope, dataset, where, 'detail');
  const shown = (i: { key: string; source: string }) => readable(datasetOf(i), chain);
  const hidden = new Set(a.issues.filter((i) => !shown(i)).map((i) => i.key));
  const keep = (key: string) => !hidden.has(key);

  const issues = renumbered(a.issues.filter(shown)).map((i): AssessedIssue => {
    const concern = i.evidence.concernDataset ?? null;
    const concernHidden = concern !== null && !readable(concern, chain);
    const evidence = {
      ...i.evidence,
      ...(forceSeen ? {} : { forceRatePer1000: null, forcePopulation: null }),
      ...(concernHidden
        ? { concernShare: null, concernSynthetic: false, concernDataset: null }
        : {}),
    };
    // "(1.3 × the force rate)" gives the force's rate back with the district's.
    const basis = forceSeen
      ? i.basis
      : { ...i.basis, likelihood: i.basis.likelihood.replace(/ \([\d.]+ × the force rate\)/u, '') };
    const issue = { ...i, evidence, basis };
    return { ...issue, rationale: issueRationale(issue) };
  });
  const county =
    forceSeen && a.county && forceChain
      ? {
          ...a.county,
          issues: renumbered(
            a.county.issues.filter((c) => keep(c.key) && readable(datasetOf(c), forceChain)),
          ),
        }
      : null;
  const alignment = a.alignment.county
    ? {
        district: a.alignment.county.district.filter((d) => keep(d.key)),
        countyOnly: a.alignment.county.countyOnly.filter((c) => keep(c.key)),
      }
    : null;
  const plan = a.alignment.plan;
  return {
    ...a,
    force: forceSeen ? a.force : null,
    ...(a.force && !forceSeen ? { forceLeftOut: a.force } : {}),
    notAssessed: a.notAssessed?.filter((n) => readable(datasetOf(n), chain)),
    issues,
    county,
    alignment: {
      county: forceSeen ? alignment : null,
      plan: {
        ...plan,
        objectives: plan.objectives.map((o) => ({
          ...o,
          high: o.high.filter(keep),
          covered: o.covered.filter(keep),
        })),
        unmapped: plan.unmapped.filter(keep),
      },
    },
    comparison: null,
    ...(hidden.size > 0 ? { notShown: [...hidden] } : {}),
  };
}
