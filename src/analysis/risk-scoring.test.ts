import { describe, expect, it } from 'vitest';

import {
  band,
  bandSensitivity,
  rankIssues,
  scoreByThresholds,
  scoreIssue,
  type IssueEvidence,
  type RiskConfig,
} from './risk-scoring.js';

const config: RiskConfig = {
  scale: 5,
  bands: { high: 15, medium: 8 },
  adjustments: {
    significantRise: 1,
    significantFall: -1,
    lowReportingRate: 0.4,
    hiddenFigureHarm: 1,
    highConcernShare: 0.3,
    concernHarm: 1,
    vulnerableFrom: 4,
    vulnerabilityHarm: 1,
    highImpactFrom: 4,
    impactHarm: 1,
  },
  priority: { positionWeight: 0.5, confidence: { high: 1, medium: 0.9, low: 0.75 } },
};

const issue = (over: Partial<IssueEvidence>): IssueEvidence => ({
  key: 'x',
  harm: 3,
  likelihood: 3,
  trend: 'no significant change',
  reportingRate: null,
  concernShare: null,
  position: 3,
  confidence: 'high',
  ...over,
});

describe('risk scoring', () => {
  it('scores values by thresholds: 1 below the first, the scale at or above the last', () => {
    const t = [0.5, 0.8, 1.25, 2];
    expect([0.1, 0.5, 0.79, 1, 1.25, 1.99, 2, 9].map((v) => scoreByThresholds(v, t))).toEqual([
      1, 2, 2, 3, 4, 4, 5, 5,
    ]);
  });

  it('bands the risk: 15 and above High, 8 and above Medium', () => {
    expect([25, 15, 14, 8, 7, 1].map((r) => band(r, config))).toEqual([
      'High',
      'High',
      'Medium',
      'Medium',
      'Low',
      'Low',
    ]);
  });

  it('risk = harm × likelihood after adjustments, kept within the scale, each one said', () => {
    // Harm 3 + 1 (35% reported, under 40%) + 1 (32% concerned) = 5; likelihood 3 + 1 (rise) = 4;
    // risk 20, High. Position 3 is the middle of 1..5 and confidence high: priority = risk.
    const s = scoreIssue(
      issue({ trend: 'significant rise', reportingRate: 0.35, concernShare: 0.32 }),
      config,
    );
    expect(s).toMatchObject({ harm: 5, likelihood: 4, risk: 20, band: 'High', priority: 20 });
    expect(s.adjustments).toEqual([
      'likelihood +1 for a significant rise',
      'harm +1: under 40% reported (a large hidden figure)',
      'harm +1: 32% of residents concerned',
    ]);
    // Already at the top: harm 5 + 1 stays 5.
    expect(scoreIssue(issue({ harm: 5, reportingRate: 0.1 }), config).harm).toBe(5);
    // A fall at likelihood 1 stays 1.
    expect(scoreIssue(issue({ likelihood: 1, trend: 'significant fall' }), config).likelihood).toBe(
      1,
    );
  });

  it('raises harm for a vulnerable victim group (a manual score of 4 or more)', () => {
    expect(scoreIssue(issue({ vulnerability: 4 }), config)).toMatchObject({
      harm: 4,
      adjustments: ['harm +1: victim vulnerability 4'],
    });
    expect(scoreIssue(issue({ vulnerability: 3 }), config).harm).toBe(3);
  });

  it('raises harm for high community and environmental impact, and with vulnerability by two', () => {
    expect(scoreIssue(issue({ impact: 5 }), config)).toMatchObject({
      harm: 4,
      risk: 12,
      adjustments: ['harm +1: community and environmental impact 5'],
    });
    expect(scoreIssue(issue({ impact: 3 }), config).harm).toBe(3);
    // Both manual scores high: +2, but never above the scale.
    expect(scoreIssue(issue({ impact: 4, vulnerability: 4 }), config).harm).toBe(5);
    expect(scoreIssue(issue({ harm: 5, impact: 4, vulnerability: 4 }), config).harm).toBe(5);
  });

  it('shapes priority by position and confidence without changing risk', () => {
    // Risk 9. Position 5: 9 × (1 + 0.5 × (5 − 3)/5) = 9 × 1.2 = 10.8; low confidence × 0.75 = 8.1.
    const s = scoreIssue(issue({ position: 5, confidence: 'low' }), config);
    expect(s.risk).toBe(9);
    expect(s.priority).toBeCloseTo(8.1, 12);
  });

  it('ranks by priority, then risk, then key, the same every time', () => {
    const ranked = rankIssues(
      [
        issue({ key: 'b', harm: 4, likelihood: 4 }),
        issue({ key: 'a', harm: 4, likelihood: 4 }),
        issue({ key: 'c', harm: 5, likelihood: 5 }),
        issue({ key: 'd', harm: 1, likelihood: 2 }),
      ],
      config,
    );
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
      ['d', 4],
    ]);
  });

  it('shows which issues can change band when a manual score moves by one point', () => {
    // Harm 3 × likelihood 5 = 15 (High): harm 2 → 10 (Medium), harm 4 → 20 (High).
    // Harm 1 × likelihood 2 = 2 (Low): ±1 → 1..6, still Low.
    const s = bandSensitivity(
      [
        issue({ key: 'edge', harm: 3, likelihood: 5 }),
        issue({ key: 'safe', harm: 1, likelihood: 2 }),
      ],
      config,
      ['harm'],
    );
    expect(s.get('edge')).toEqual(['High', 'Medium']);
    expect(s.get('safe')).toEqual(['Low']);
    // Organisational position orders issues but never moves a band: it is not a sensitivity.
    const edge = issue({ key: 'edge', harm: 3, likelihood: 5 });
    const [low, high] = [1, 5].map((position) => scoreIssue({ ...edge, position }, config));
    expect([low!.band, high!.band]).toEqual(['High', 'High']);
    expect(high!.priority).toBeGreaterThan(low!.priority);
  });
});
