/**
 * Everything the strategic assessment and its infographic show, as plain data: the use case
 * (usecases/report-data.ts) fills it from the store, the renderers in this folder turn it into
 * HTML, SVG and CSV without touching the store or the file system.
 */
import type {
  FunnelArea,
  FunnelLimit,
  HotspotCell,
  MapPlaces,
  TrendMonth,
} from '../charts/index.js';
import type { AreaSummary } from '../domain/area-counts.js';
import type { Month, Period } from '../domain/month.js';
import type { Assessment, IssueDisclosure, WithheldCount } from '../domain/assessment.js';
import type { ForceAreaWord } from '../domain/forces.js';
import type { PeriodChange } from '../analysis/period-change.js';
import type { ActionCounts, ReviewedAction } from '../domain/plan/plan-review.js';

export type Audience = 'partner' | 'public';

/** How a value still at its bundled example is printed in a draft report. */
export const UNCONFIRMED = 'not yet confirmed by the partnership';

export interface Figure {
  count: number;
  previous: number | null;
  changePct: number | null;
  pValue: number | null;
  significant: boolean;
  /**
   * Public version: a total with suppressed parts is shown as the range its shown parts allow
   * (report/public-data.ts), never as the exact count, which would give the small parts back.
   */
  countRange?: [number, number] | null;
  previousRange?: [number, number] | null;
  /**
   * The count over the months compared, where some month held has no counterpart and so this
   * differs from `count` (the change is of this against `previous`); absent otherwise.
   */
  comparedCount?: number | null;
  /**
   * A restricted dataset's counts held back (analysis/restricted-issue.ts), for every audience:
   * the renderers give "fewer than 5" or "not shown" instead of `count` or `previous`.
   */
  withheld?: IssueDisclosure;
}

export interface CategoryRow extends Figure {
  key: string;
  label: string;
  ratePer1000: number | null;
  forceRatePer1000: number | null;
}

export interface PartnerRow extends Figure {
  dataset: string;
  label: string;
  synthetic: boolean;
  caveats: string[];
  /** What its change is against, in words ("2024"): each dataset has its own earlier year. */
  comparedWith?: string | null;
}

/**
 * A partner dataset's count by its own categories (hate crime by strand, fly-tipping by waste
 * type): partner version only (usecases/report-breakdowns.ts).
 */
export interface PartnerBreakdown {
  dataset: string;
  /** The dataset's name for readers ("Hate crime offences"). */
  label: string;
  /** What a category is, in words ("strand", "waste type"); null for a dataset's own counts. */
  by: string | null;
  comparedWith: string | null;
  synthetic: boolean;
  /** Largest first; a category with no record in either period is left out. */
  rows: {
    label: string;
    /** Null where a restricted dataset's count is held back (`withheld`). */
    count: number | null;
    previous: number | null;
    changePct: number | null;
    /** Whether the change is significant after Holm's adjustment over the categories. */
    significant: boolean | null;
    /** A restricted dataset's count held back (its number is then null). */
    withheld?: { count: WithheldCount | null; previous: WithheldCount | null };
  }[];
  /** What a reader must know to read it ("strand totals add up to more than …"). */
  notes: string[];
}

export interface PriorityEvidence {
  key: string;
  label: string;
  rank: number;
  source: 'police.uk' | 'partner' | 'inputs';
  synthetic: boolean;
  /**
   * The count over the period (null for an issue scored from the inputs alone, or where a
   * restricted dataset holds it back).
   */
  recorded?: number | null;
  /**
   * Of a restricted dataset: its counts are shown as the public's are ("fewer than 5"), and what
   * would give one back is held back as in the public version (report/public-data.ts).
   */
  restricted?: boolean;
  rationale: string;
  /**
   * Monthly counts over the history held, with the range expected from the seasonal model. A month
   * `hidden` is held but not shown (public version); `notes` say what the public version leaves out.
   */
  trend: {
    months: TrendMonth[];
    method: string | null;
    exceptions: Month[];
    notes: string[];
  } | null;
  /** The districts of the force compared (funnel plot). */
  comparison: {
    group: string;
    /** The overall rate the limits are drawn around: of every area, or (public) of those shown. */
    rate: number;
    rateOf: 'every area' | 'areas shown';
    /** Limits allowing for the spread between areas beyond chance (τ², square-root scale), or Poisson. */
    limitsMethod: 'overdispersed' | 'poisson';
    tau2: number;
    areas: FunnelArea[];
    limits: FunnelLimit[];
    flag: 'above' | 'within' | 'below' | null;
    /** Beyond the 99.8% limits too (the funnel's filled marker), so the text says which. */
    beyond998?: boolean;
    notes: string[];
  } | null;
  hotspot: {
    cellSize: number;
    outline: [number, number][][];
    cells: HotspotCell[];
    /**
     * Whether the analysis found any significant hotspot at all: `top` may be empty when it did
     * (a hotspot too small to name in the public version), so the tactical options read this
     * before saying that none stood out. Absent: not known.
     */
    found?: boolean;
    /**
     * The busiest significant hotspots, busiest first: the places the text lists and the map
     * numbers, in this one order; each with its cell's lower-left corner (absent: not numbered).
     */
    top: { location: string; count: number; x?: number; y?: number }[];
    notes: string[];
  } | null;
  hiddenFigure: {
    recorded: number;
    reportingRate: number;
    estimate: number;
    interval: [number, number];
    survey: string;
    verified: boolean;
  } | null;
  options: Assessment['issues'][number]['options'];
  /**
   * Where it recurs: the map points with most incidents (police.uk's anonymous points, or the
   * partner records' own), and the share of it at the busiest 5% of places. Null when not found.
   */
  places?: {
    top: { location: string; count: number }[];
    topFivePercentShare: number | null;
  } | null;
}

export interface ReportData {
  audience: Audience;
  area: AreaSummary;
  force: AreaSummary | null;
  period: Period;
  comparisonPeriod: Period | null;
  /** How much of the period is held ("6 of 12 months held: January to June 2025"). */
  coverage?: { months: number; held: number; partial: boolean; words: string | null };
  /**
   * What the changes compare with: exactly the months ("2021-01..2021-06"), in words ("January to
   * June 2021"), whether it is the year before, and the known discontinuities it spans.
   */
  comparison?: {
    label: string;
    words: string;
    base: string;
    basis: 'previous year' | 'latest earlier year held';
    yearsBack: number;
    discontinuities: string[];
  } | null;
  /** The population each rate uses, per area: its year and source. */
  populations?: { area: string; count: number; year: number; source: string }[];
  /** The day the report was made (YYYY-MM-DD). */
  generated: string;
  lanternVersion: string;
  populationYear: number | null;
  monthsMissing: Month[];
  totals: { crime: Figure; asb: Figure };
  assessment: Assessment;
  priorities: PriorityEvidence[];
  categories: CategoryRow[];
  partner: PartnerRow[];
  /** The partner datasets' counts by category (partner version; absent in the public one). */
  breakdowns?: PartnerBreakdown[];
  /** Datasets left out of this audience's report, by label. */
  withheld: string[];
  /** `unconfirmed`: still the bundled example (a draft report prints it marked so). */
  contacts: { label: string; detail: string; unconfirmed?: boolean }[];
  caveats: string[];
  /** What the report calls the force's area: "county" only for a county force. */
  forceWord?: ForceAreaWord;
  /**
   * Values still at their bundled example, in words ("the Police and Crime Plan objectives"): a
   * report with any is a draft, and says on every page that they are not yet confirmed.
   */
  unconfirmed?: string[];
  /**
   * What the hotspot maps outline and name, so a reader can tell where a hotspot is: the wards of
   * a district, the districts of a force (British National Grid metres); null when none is held.
   */
  places?: MapPlaces | null;
  /**
   * Outcomes of crimes and the force's stop and search, for the section written for a scrutiny
   * panel; absent when not asked for.
   */
  trust?: TrustData;
  /**
   * The review of the previous action plan (usecases/report-plan-review.ts): null when the store
   * holds none for the area (the report then says so in one line); absent when not looked for.
   */
  planReview?: PlanReviewData | null;
}

/** What was done for each priority of the previous action plan, and how its figures moved. */
export interface PlanReviewData {
  partnership: string;
  /** "2024-25". */
  year: string;
  /** The day the plan was made, YYYY-MM-DD. */
  made: string;
  /** The period of the assessment the plan was built from (its figures' base), or null. */
  base: Period | null;
  /** The day each action's state is given for (the report's date), YYYY-MM-DD. */
  asOf: string;
  priorities: PlanReviewPriority[];
  /** Public version: priorities left out, by label (their data are shared only between partners). */
  withheld: string[];
}

export interface PlanReviewPriority {
  key: string;
  label: string;
  actions: ActionCounts;
  /** The public version holds only actions marked public, with no owner (people are not named). */
  items: ReviewedAction[];
  /** Its count in the base period against the report's period; null with `noFigures` saying why. */
  figures: PeriodChange | null;
  noFigures: string | null;
  synthetic: boolean;
}

/** A group's searches, finds and arrests with their rates and exact 95% intervals. */
export interface SearchGroupRow {
  value: string;
  searches: number;
  /** The public version holds this count back although it is not small (it would give one away). */
  withheld?: boolean;
  finds: number;
  /** null where the public version holds it back (the finds would be a small number). */
  findRate: number | null;
  findRateCi95: [number, number] | null;
  arrests: number;
  arrestRate: number | null;
  arrestRateCi95: [number, number] | null;
}

export interface TrustData {
  outcomes: {
    /** Months of the period whose crimes are counted, when not all ("11 of 12 months held: …"). */
    coverage: string | null;
    crimes: number;
    /**
     * The public version gives no crime count here when a category has fewer than 5 crimes: the
     * total, or the groups' counts that sum to it, less the categories shown would give it away.
     */
    countsWithheld?: boolean;
    charged: number;
    chargeShare: number | null;
    chargeShareCi95: [number, number] | null;
    /**
     * Decimals of the shares of all crimes as printed (default 1). The public version gives them
     * whole, or not at all (`sharesWithheld`), where a category is under 5 and the shares to one
     * decimal would pin the crimes, given only as a range (domain/disclosure/shares.ts).
     */
    shareDigits?: 0 | 1;
    /** The public version gives no share of all crimes (the charge share and the groups'). */
    sharesWithheld?: boolean;
    /** `withheld`: the public version gives neither count nor share (see report/public-data.ts). */
    groups: { label: string; count: number; share: number | null; withheld?: boolean }[];
    categories: {
      label: string;
      crimes: number;
      charged: number;
      chargeShare: number | null;
      /** The public version's charged count held back beside a small one (public-data.ts). */
      chargedWithheld?: boolean;
    }[];
    tiedCrimes: number;
    notes: string[];
  } | null;
  stopSearch: {
    force: string;
    /**
     * The district or CSP whose searches these are (placed by their points); null when they are
     * the force's as a whole (the area is a force, or no district's searches could be read).
     */
    area: string | null;
    /** Why there is nothing to show (no data of the force held for the period), else null. */
    missing: string | null;
    coverage: string | null;
    searches: number;
    findRate: number | null;
    findRateCi95: [number, number] | null;
    arrestRate: number | null;
    arrestRateCi95: [number, number] | null;
    /** The public version: the finds (arrests) of all searches are 1 to 4, so no rate is given. */
    findsSmall?: boolean;
    arrestsSmall?: boolean;
    population: { year: number; source: string } | null;
    byEthnicGroup: (SearchGroupRow & {
      residents: number | null;
      ratePer1000: number | null;
      ratio: number | null;
      ci95: [number, number | null] | null;
    })[];
    byAge: SearchGroupRow[];
    byGender: SearchGroupRow[];
    /** The trend in words (the exact test `trends` uses), or null when nothing earlier is held. */
    trend: string | null;
    /**
     * The counts behind the trend: the period's searches, those of the months compared (the
     * same as the period's unless some months held have no counterpart) and the earlier ones.
     * The public version checks them and then gives none (public-data.ts).
     */
    trendCounts?: { current: number; compared: number; previous: number } | null;
    map: { x: number; y: number; size: number; count: number }[];
    notes: string[];
  } | null;
}
