/**
 * The vocabulary of priorities: the bands and scores of the risk matrix, what moved between two
 * assessments, how a district's priorities line up with its county's and with the Police and
 * Crime Plan, and the tactical options offered. Types only; the arithmetic is in analysis/.
 */

export type Band = 'High' | 'Medium' | 'Low';

export interface IssueScore {
  key: string;
  harm: number;
  likelihood: number;
  risk: number;
  band: Band;
  priority: number;
  rank: number;
  /** What moved each score, in words. */
  adjustments: string[];
}

export interface ScoredIssue {
  key: string;
  label: string;
  rank: number;
  band: Band;
  harm: number;
  likelihood: number;
  risk: number;
  /** The count over the period, when the comparison may show it (null where it is held back). */
  recorded?: number | null;
}

export interface IssueMove {
  key: string;
  label: string;
  rank: { then: number | null; now: number | null };
  band: { then: Band | null; now: Band | null };
  risk: { then: number | null; now: number | null };
  /** The count over each assessment's period (null where not known or held back). */
  recorded: { then: number | null; now: number | null };
  /**
   * In words: "new", "no longer assessed", "up 3 places, Medium → High", "recorded 2,182 →
   * 2,162", "unchanged".
   */
  summary: string;
}

export interface RankedIssue {
  key: string;
  label: string;
  band: Band;
  rank: number;
}

export type AlignmentStatus = 'matches' | 'differs' | 'absent';

export interface CountyAlignment {
  district: {
    key: string;
    label: string;
    rank: number;
    county: Band | null;
    status: AlignmentStatus;
  }[];
  countyOnly: { key: string; label: string; countyRank: number; district: Band | null }[];
}

export interface Objective {
  id: string;
  title: string;
  issues: readonly string[];
}

export interface PlanAlignment {
  objectives: {
    id: string;
    title: string;
    high: string[];
    covered: string[];
    /** The public version: some issue it covers is left out (a partner dataset not published). */
    leftOut?: boolean;
  }[];
  /** High priorities no objective covers. */
  unmapped: string[];
}

/** A tactical option of the library (config/tactical-options.yaml). */
export interface TacticalOption {
  issue: string;
  four_p: 'pursue' | 'prevent' | 'protect' | 'prepare';
  triangle: 'offender' | 'victim' | 'place';
  option: string;
  /** Who or where it is for, in words, when no analysis can name places. */
  where?: string | undefined;
  /** What it works on: why it fits the problem. */
  why?: string | undefined;
  evidence: string;
  analysis: 'hotspots' | 'repeat-locations' | 'near-repeat' | 'cameras' | null;
}
