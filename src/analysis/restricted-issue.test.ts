import { describe, expect, it } from 'vitest';

import type { AssessedIssue } from '../domain/assessment.js';
import { discloseRestrictedIssue } from './restricted-issue.js';

const POLICY = { threshold: 5 };

/** A prevent issue of one quarter: months 6, 2 and 7 (15), against 11 the year before. */
function issue(counts: number[], previous: number, key = 'prevent'): AssessedIssue {
  const months = counts.map((count, i) => ({ month: `2025-0${i + 1}`, count }));
  const recorded = counts.reduce((s, n) => s + n, 0);
  return {
    key,
    label: 'Prevent referrals: referral',
    source: 'partner',
    synthetic: false,
    harm: 3,
    likelihood: 1,
    risk: 3,
    band: 'Low',
    priority: 2,
    rank: 1,
    adjustments: ['likelihood +1 for a significant rise'],
    hotspot: null,
    sensitivity: ['Low'],
    options: [],
    rationale: '',
    months,
    basis: {
      harm: 'no harm weight known: the default 3',
      likelihood: 'volume 1 (0.2% of all recorded crime and ASB); rate 2 (1.40 × the force rate)',
      trend: '+36% compared with 2024',
      confidence: `small numbers (${recorded})`,
    },
    evidence: {
      recorded,
      previous,
      changePct: ((recorded - previous) / previous) * 100,
      comparedWith: { from: '2024-01', to: '2024-03' },
      pValueHolm: 0.5,
      ratePer1000: 0.16,
      forceRatePer1000: 0.11,
      volumeShare: 0.002,
      harmWeight: null,
      harmWeighted: null,
      reportingRate: null,
      concernShare: null,
      concernSynthetic: false,
      position: { score: 3, scoredBy: null },
      vulnerability: null,
      impact: null,
      confidence: 'low',
    },
  } as AssessedIssue;
}

describe('a restricted issue', () => {
  it('a small month and the one that would give it back are held back; the total is kept', () => {
    const d = discloseRestrictedIssue(issue([6, 2, 7], 11), POLICY);
    // Held back with 6 shown, 7 leaves 2 at 1 to 4; with 7 shown, 6 would leave it at 1 to 3.
    expect(d.months.map((m) => m.withheld ?? m.count)).toEqual([6, 'fewer than', 'not shown']);
    expect(d.evidence.recorded).toBe(15);
    expect(d.evidence.disclosure).toMatchObject({ recorded: null, previous: null });
    // Both totals shown: the change, rate and share are given.
    expect(d.evidence.changePct).not.toBeNull();
    expect(d.evidence.ratePer1000).toBe(0.16);
    expect(d.rationale).toContain('15 recorded');
    expect(d.rationale).toContain('Restricted dataset');
  });

  it('a small total takes its change, rate, share, rate ratio and trend adjustment with it', () => {
    const d = discloseRestrictedIssue(issue([0, 3, 0], 11), POLICY);
    expect(d.evidence.disclosure?.recorded).toBe('fewer than');
    expect(d.evidence.previous).toBe(11);
    for (const v of [d.evidence.changePct, d.evidence.ratePer1000, d.evidence.volumeShare])
      expect(v).toBeNull();
    expect(d.basis.likelihood).toBe('volume 1; rate 2');
    expect(d.basis.confidence).toBe('small numbers (fewer than 5)');
    expect(d.adjustments).toEqual([]);
    expect(d.rationale).toContain('fewer than 5 recorded');
    expect(d.rationale).not.toMatch(/\b3\b recorded|significant rise/u);
  });

  it("the force's rate where the force's own count is small", () => {
    const d = discloseRestrictedIssue(issue([6, 8, 7], 11), POLICY, 4);
    expect(d.evidence.forceRatePer1000).toBeNull();
    expect(d.basis.likelihood).not.toContain('× the force rate');
  });

  it('a dataset that is not restricted, or a restricted one with nothing small, is untouched', () => {
    const open = issue([0, 3, 0], 11, 'fly-tipping');
    expect(discloseRestrictedIssue(open, POLICY)).toBe(open);
    const large = issue([6, 8, 7], 11);
    expect(discloseRestrictedIssue(large, POLICY)).toBe(large);
  });
});
