/**
 * The risk matrix's arithmetic (used by `lantern assess`). Every number
 * here comes from a configuration (config/risk-matrix.yaml); nothing is called MoRiLE, whose
 * scales and formula are not published (shared reference domain-notes §2.1).
 *
 * - Each dimension is a score from 1 to `scale`. Measured evidence becomes a score by thresholds:
 *   a value below the first threshold scores 1, below the second 2, …, at or above the last
 *   `scale` (so `scale − 1` increasing thresholds).
 * - Risk = harm × likelihood, a cell of a scale × scale matrix (the 5 × 5 variant of Fife CSP's
 *   4 × 4 impact × likelihood grid, §2.2), after adjustments: a significant rise or fall moves
 *   likelihood; a low reporting rate (a large hidden figure), high public concern, high victim
 *   vulnerability and high community or environmental impact move harm;
 *   each adjustment is a whole point and scores stay within 1..scale.
 * - Band: High, Medium or Low by thresholds on the risk score.
 * - Priority: the risk score shaped by organisational position and confidence, which never change
 *   the risk itself: priority = risk × (1 + positionWeight × (position − mid) / scale) ×
 *   confidenceFactor, ranking issues of equal risk by what the partnership can act on and how sure
 *   the evidence is.
 */
import type { Band, IssueScore } from '../domain/priority.js';
import type { Confidence, RiskConfig } from '../domain/risk.js';

export type { Band, Confidence, IssueScore, RiskConfig };

export interface IssueEvidence {
  key: string;
  /** Harm before adjustment, 1..scale. */
  harm: number;
  /** Likelihood before adjustment, 1..scale. */
  likelihood: number;
  trend: 'significant rise' | 'significant fall' | 'no significant change' | 'unknown';
  reportingRate: number | null;
  concernShare: number | null;
  /** Victim vulnerability, a manual score 1..scale; null when not scored. */
  vulnerability?: number | null;
  /** Community and environmental impact, a manual score 1..scale; null when not scored. */
  impact?: number | null;
  /** Organisational position (capacity, capability, current activity), 1..scale. */
  position: number;
  confidence: Confidence;
}

/** The score of a value against increasing thresholds: 1 below the first, … `scale` at the top. */
export function scoreByThresholds(value: number, thresholds: readonly number[]): number {
  let score = 1;
  for (const t of thresholds) if (value >= t) score += 1;
  return score;
}

export function band(risk: number, config: RiskConfig): Band {
  return risk >= config.bands.high ? 'High' : risk >= config.bands.medium ? 'Medium' : 'Low';
}

const clamp = (v: number, scale: number) => Math.min(scale, Math.max(1, v));

export function scoreIssue(e: IssueEvidence, config: RiskConfig): Omit<IssueScore, 'rank'> {
  const a = config.adjustments;
  const adjustments: string[] = [];
  let likelihood = e.likelihood;
  let harm = e.harm;
  if (e.trend === 'significant rise' && a.significantRise !== 0) {
    likelihood += a.significantRise;
    adjustments.push(`likelihood ${signed(a.significantRise)} ${ADJUSTMENT_WORDS.rise}`);
  }
  if (e.trend === 'significant fall' && a.significantFall !== 0) {
    likelihood += a.significantFall;
    adjustments.push(`likelihood ${signed(a.significantFall)} ${ADJUSTMENT_WORDS.fall}`);
  }
  if (e.reportingRate !== null && e.reportingRate < a.lowReportingRate && a.hiddenFigureHarm) {
    harm += a.hiddenFigureHarm;
    adjustments.push(
      `harm ${signed(a.hiddenFigureHarm)}: under ${Math.round(a.lowReportingRate * 100)}% reported (a large hidden figure)`,
    );
  }
  if (e.concernShare !== null && e.concernShare >= a.highConcernShare && a.concernHarm) {
    harm += a.concernHarm;
    adjustments.push(
      `harm ${signed(a.concernHarm)}: ${Math.round(e.concernShare * 100)}% ${ADJUSTMENT_WORDS.concern}`,
    );
  }
  if (e.vulnerability != null && e.vulnerability >= a.vulnerableFrom && a.vulnerabilityHarm) {
    harm += a.vulnerabilityHarm;
    adjustments.push(
      `harm ${signed(a.vulnerabilityHarm)}: victim vulnerability ${e.vulnerability}`,
    );
  }
  if (e.impact != null && e.impact >= a.highImpactFrom && a.impactHarm) {
    harm += a.impactHarm;
    adjustments.push(
      `harm ${signed(a.impactHarm)}: community and environmental impact ${e.impact}`,
    );
  }
  harm = clamp(harm, config.scale);
  likelihood = clamp(likelihood, config.scale);
  const risk = harm * likelihood;
  const mid = (config.scale + 1) / 2;
  const priority =
    risk *
    (1 + (config.priority.positionWeight * (e.position - mid)) / config.scale) *
    config.priority.confidence[e.confidence];
  return { key: e.key, harm, likelihood, risk, band: band(risk, config), priority, adjustments };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The words that end the adjustments a report may need to reword (report/public-data.ts). */
const ADJUSTMENT_WORDS = {
  rise: 'for a significant rise',
  fall: 'for a significant fall',
  concern: 'of residents concerned',
} as const;

/** Which evidence an adjustment (as scoreIssue words it) rests on: a trend, public concern, or other. */
export function adjustmentKind(adjustment: string): 'trend' | 'concern' | 'other' {
  if (adjustment.endsWith(ADJUSTMENT_WORDS.rise) || adjustment.endsWith(ADJUSTMENT_WORDS.fall))
    return 'trend';
  return adjustment.endsWith(ADJUSTMENT_WORDS.concern) ? 'concern' : 'other';
}

/** Scores and ranks issues: by priority, then risk, then key (deterministic). */
export function rankIssues(evidence: readonly IssueEvidence[], config: RiskConfig): IssueScore[] {
  return evidence
    .map((e) => scoreIssue(e, config))
    .sort((x, y) => y.priority - x.priority || y.risk - x.risk || x.key.localeCompare(y.key))
    .map((s, i) => ({ ...s, rank: i + 1 }));
}

/**
 * Sensitivity: for each issue, the bands it could fall in if its harm or its likelihood (`moved`)
 * moved by one point either way. Organisational position is not among them: it orders issues
 * (priority) but never changes a band, which is harm × likelihood alone.
 */
export function bandSensitivity(
  evidence: readonly IssueEvidence[],
  config: RiskConfig,
  moved: readonly ('harm' | 'likelihood')[],
): Map<string, Band[]> {
  const out = new Map<string, Band[]>();
  for (const e of evidence) {
    const bands = new Set<Band>([scoreIssue(e, config).band]);
    for (const field of moved)
      for (const step of [-1, 1]) {
        const moved = { ...e, [field]: clamp(e[field] + step, config.scale) };
        bands.add(scoreIssue(moved, config).band);
      }
    out.set(
      e.key,
      (['High', 'Medium', 'Low'] as Band[]).filter((b) => bands.has(b)),
    );
  }
  return out;
}
