/**
 * The shape of a risk-matrix assessment (`lantern assess`), shared by the use case that builds it,
 * the store that saves it and the report that publishes it.
 */
import type {
  Band,
  CountyAlignment,
  IssueMove,
  IssueScore,
  PlanAlignment,
  ScoredIssue,
  TacticalOption,
} from './priority.js';
import type { Confidence } from './risk.js';
import type { AreaSummary } from './area-counts.js';
import type { Period } from './month.js';

export type IssueSource = 'police.uk' | 'partner' | 'inputs';

/** The assessment's note on where public concern comes from (a public report rewords it). */
export const CONCERN_NOTE =
  'Public concern comes from the inputs file, else from the community-concern survey where an issue matches.';

/** How a held-back count is shown: "fewer than 5" (small) or "not shown" (would give one away). */
export type WithheldCount = 'fewer than' | 'not shown';

/**
 * A restricted dataset's issue after disclosure control (analysis/restricted-issue.ts): how its
 * period total and earlier total are held back, if they are. Its months held back carry
 * `withheld`; its change, rate and share are null where they would give a count back.
 */
export interface IssueDisclosure {
  /**
   * Why: a restricted dataset's counts, or (`public version`) a public dataset's in the public
   * report, whose sums leave out every month a reader's control could hold back.
   */
  reason: 'restricted dataset' | 'public version';
  threshold: number;
  recorded: WithheldCount | null;
  previous: WithheldCount | null;
}

export interface IssueFigures {
  /**
   * The count over the period. Where `disclosure.recorded` holds it back it is kept here only for
   * the scores worked from it: every output gives the words instead (`assessmentOutput` nulls it).
   */
  recorded: number;
  previous: number | null;
  changePct: number | null;
  /** The months the change is measured against (the same months of the latest complete earlier year held). */
  comparedWith: Period | null;
  /**
   * Exactly the months compared, pairwise; the base in words ("2021", or the months); whether it
   * is the year before; known discontinuities it touches. Null when there is no comparison.
   */
  comparison?: {
    currentMonths: string[];
    previousMonths: string[];
    label: string;
    base: string;
    basis: 'previous year' | 'latest earlier year held';
    yearsBack: number;
    /**
     * The count over the current months compared (what `previous` is compared with); left out of
     * a public report where it would give away a small count of the months not compared.
     */
    current?: number;
    discontinuities: string[];
  } | null;
  /** The population the rate uses (its year and source). */
  population?: { count: number; year: number; source: string } | null;
  forcePopulation?: { count: number; year: number; source: string } | null;
  pValueHolm: number | null;
  ratePer1000: number | null;
  forceRatePer1000: number | null;
  /** The issue's share of all police-recorded crime and ASB in the area over the period. */
  volumeShare: number | null;
  harmWeight: number | null;
  /** Count × harm weight, and its rank among the issues with a weight (1 = most harm). */
  harmWeighted: { value: number; rank: number; of: number } | null;
  reportingRate: number | null;
  concernShare: number | null;
  /** The survey the concern share comes from is synthetic demonstration data. */
  concernSynthetic: boolean;
  /** The partner dataset the concern share comes from (null: from the inputs file, or none). */
  concernDataset?: string | null;
  /** Organisational position: scored in the inputs file (by whom, when, why), or neutral. */
  position: { score: number; scoredBy: string | null };
  vulnerability: { score: number; scoredBy: string } | null;
  impact: { score: number; scoredBy: string } | null;
  confidence: Confidence;
  /** Present when a restricted dataset's counts were held back (analysis/restricted-issue.ts). */
  disclosure?: IssueDisclosure;
}

export interface IssueDetail {
  label: string;
  source: IssueSource;
  synthetic: boolean;
  evidence: IssueFigures;
  /** How each base score was reached. */
  basis: { harm: string; likelihood: string; trend: string; confidence: string };
  /** The monthly counts behind the trend (empty for issues scored from the inputs alone). */
  months: { month: string; count: number | null; withheld?: WithheldCount }[];
}

export interface SavedAssessmentRecord {
  id: string;
  areaCode: string;
  areaName: string;
  periodFrom: string;
  periodTo: string;
  inputsFile: string | null;
  inputsText: string | null;
  configFile: string;
  configSha256: string;
  lanternVersion: string;
  /** The assessment as JSON. */
  result: string;
  savedAt: string;
}

export type SavedAssessmentSummary = Omit<SavedAssessmentRecord, 'result' | 'inputsText'>;

/**
 * Months of a saved assessment's period whose data were imported again after it was saved,
 * replacing what it counted (a month police.uk revised, a partner's file replaced), by dataset:
 * its figures are no longer the store's, and an assessment made again may differ.
 */
export interface RevisedSince {
  dataset: string;
  months: string[];
  /** The months' import was removed since (lantern imports remove): they are missing now. */
  removed?: true;
}

export interface AssessedIssue extends IssueScore, IssueDetail {
  /** The busiest hotspot of a High police.uk priority (Getis-Ord Gi*), where one is significant. */
  hotspot: { location: string; count: number; lon: number; lat: number } | null;
  rationale: string;
  /** The bands the issue could fall in if one of its scores moved by one point. */
  sensitivity: Band[];
  /** For High issues: options from the tactical library, each with the analysis behind it. */
  options: ProposedOption[];
}

export interface ProposedOption extends TacticalOption {
  /** The command that shows where the option would apply; null when none can for this data. */
  run: string | null;
  note: string | null;
}

/** An issue with no month held in the period: never banded. */
export interface NotAssessedIssue {
  key: string;
  label: string;
  source: IssueSource;
  /** "not assessed (no data)". */
  status: string;
  reason: string;
}

/** An issue of the county's assessment, as the comparison of two assessments reads it too. */
export type CountyIssue = ScoredIssue;

export interface Assessment {
  /** The id it is saved under (null when not saved). */
  id: string | null;
  area: AreaSummary;
  force: AreaSummary | null;
  /**
   * A district's force left out of its assessment because the caller does not see it in detail (totals only, or not at all)
   * (`force` is then null: likelihood is volume alone). Absent otherwise.
   */
  forceLeftOut?: AreaSummary;
  period: Period;
  configFile: string;
  /** The matrix the issues are placed on: its scale and band thresholds (risk = harm × likelihood). */
  matrix: { scale: number; bands: { high: number; medium: number } };
  inputsFile: string | null;
  /** Who gave the manual scores and when; `example`: the inputs file is an illustration. */
  inputs?: { scoredBy: string; date: string; example: boolean } | null;
  /** The thresholds and bands are Lantern's defaults (config/risk-matrix.yaml), not the partnership's. */
  defaultMatrix?: boolean;
  /** How much of the period is held for the area's police.uk data. */
  coverage?: { months: number; held: number; partial: boolean; words: string | null };
  /** Issues with no month held in the period: not banded. */
  notAssessed?: NotAssessedIssue[];
  issues: AssessedIssue[];
  /** For a district: its force's assessment from the same data and configuration. */
  county: { area: AreaSummary; issues: CountyIssue[] } | null;
  alignment: {
    county: CountyAlignment | null;
    plan: PlanAlignment & { plan: string; file: string; illustrative: boolean };
  };
  comparison: { with: SavedAssessmentSummary; notes: string[]; moves: IssueMove[] } | null;
  notes: string[];
  /**
   * A saved assessment read by a caller whose grants do not open every dataset it drew on: the
   * keys of the issues left out for them (usecases/saved-assessments.ts). Absent otherwise.
   */
  notShown?: string[];
}

/** An assessment as it is printed, served and saved: a count held back is null, never the number. */
export type AssessmentOutput = Omit<Assessment, 'issues'> & {
  issues: (Omit<AssessedIssue, 'evidence'> & {
    evidence: Omit<IssueFigures, 'recorded'> & { recorded: number | null };
  })[];
};

/** The assessment with each count a restricted dataset holds back (its total) as null. */
export function assessmentOutput(a: Assessment): AssessmentOutput {
  return {
    ...a,
    issues: a.issues.map((i) =>
      i.evidence.disclosure?.recorded ? { ...i, evidence: { ...i.evidence, recorded: null } } : i,
    ),
  };
}
