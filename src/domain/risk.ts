/** The risk matrix's configuration, as the scoring uses it (read by config/risk-matrix.ts). */
export interface RiskConfig {
  scale: number;
  bands: { high: number; medium: number };
  adjustments: {
    significantRise: number;
    significantFall: number;
    /** Reporting rate below which the hidden figure raises harm. */
    lowReportingRate: number;
    hiddenFigureHarm: number;
    /** Share of residents concerned at or above which concern raises harm. */
    highConcernShare: number;
    concernHarm: number;
    /** Victim vulnerability (a manual score) at or above which harm rises by vulnerabilityHarm. */
    vulnerableFrom: number;
    vulnerabilityHarm: number;
    /** Community and environmental impact (a manual score) at or above which harm rises. */
    highImpactFrom: number;
    impactHarm: number;
  };
  priority: { positionWeight: number; confidence: Record<Confidence, number> };
}

export type Confidence = 'high' | 'medium' | 'low';
