import { describe, expect, it } from 'vitest';

import type { AssessedIssue } from '../domain/assessment.js';
import type { CellStatus } from '../domain/disclosure/table.js';
import { discloseRestrictedIssue, type IssueMonthControl } from './restricted-issue.js';

const POLICY = { threshold: 5 };

/**
 * Month-by-month control of the months given (each protected on its own: 1 to 4 held back as
 * "fewer than"), the months of the year before 6, 0 and 5 unless given.
 */
function control(
  counts: Record<string, number>,
  force: CellStatus | null = 'shown',
): IssueMonthControl {
  const all: Record<string, number> = { '2024-01': 6, '2024-02': 0, '2024-03': 5, ...counts };
  return {
    months: new Map(
      Object.entries(all).map(([m, n]): [string, CellStatus] => [
        m,
        n > 0 && n < 5 ? 'primary' : 'shown',
      ]),
    ),
    force,
  };
}

/** The control of a quarter's months as issue() numbers them. */
const quarter = (counts: number[], earlier: Record<string, number> = {}) =>
  control({ ...earlier, ...Object.fromEntries(counts.map((n, i) => [`2025-0${i + 1}`, n])) });

/** A prevent issue of the months given (from January 2025), against 11 the year before. */
function issue(counts: number[], previous: number, key = 'prevent'): AssessedIssue {
  const months = counts.map((count, i) => ({ month: `2025-0${i + 1}`, count }));
  const recorded = counts.reduce((s, n) => s + n, 0);
  const year = (y: number) => months.map((m) => `${y}${m.month.slice(4)}`);
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
      comparedWith: { from: '2024-01', to: `2024-0${counts.length}` },
      comparison: {
        currentMonths: year(2025),
        previousMonths: year(2024),
        label: `2024-01..2024-0${counts.length}`,
        base: '2024',
        basis: 'previous year',
        yearsBack: 1,
        current: recorded,
        discontinuities: [],
      },
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

describe('a restricted issue, month by month', () => {
  it('a small month is held back, and the total that would give it back with the others', () => {
    const d = discloseRestrictedIssue(issue([6, 2, 7], 11), POLICY, quarter([6, 2, 7]));
    expect(d.months.map((m) => m.withheld ?? m.count)).toEqual([6, 'fewer than', 7]);
    // The total less 6 and 7 would be February: not shown, nor anything worked from it.
    expect(d.evidence.disclosure).toMatchObject({ recorded: 'not shown', previous: null });
    expect(d.evidence.previous).toBe(11);
    for (const v of [d.evidence.changePct, d.evidence.ratePer1000, d.evidence.volumeShare])
      expect(v).toBeNull();
    expect(d.evidence.comparison?.current).toBeUndefined();
    expect(d.basis.likelihood).toBe('volume 1; rate 2');
    expect(d.basis.confidence).toBe('small numbers (not shown)');
    expect(d.rationale).not.toContain('15');
    expect(d.rationale).toContain('Restricted dataset');
  });

  it('two periods that differ by a small month: no totals to subtract', () => {
    const year = discloseRestrictedIssue(issue([3, 10, 12], 11), POLICY, quarter([3, 10, 12]));
    expect(year.evidence.disclosure?.recorded).toBe('not shown');
    // February and March alone are all shown: their total is their sum, and tells nothing more.
    const later = issue([10, 12], 11);
    later.months = [
      { month: '2025-02', count: 10 },
      { month: '2025-03', count: 12 },
    ];
    const d = discloseRestrictedIssue(later, POLICY, quarter([3, 10, 12]));
    expect(d.evidence.disclosure?.recorded ?? null).toBeNull();
    expect(d.evidence.recorded).toBe(22);
  });

  it("the earlier period's total, and the change, where one of its months is held back", () => {
    const d = discloseRestrictedIssue(
      issue([6, 8, 7], 11),
      POLICY,
      quarter([6, 8, 7], { '2024-02': 2, '2024-03': 3 }),
    );
    expect(d.evidence.disclosure).toMatchObject({ recorded: null, previous: 'not shown' });
    expect(d.evidence.previous).toBeNull();
    expect(d.evidence.changePct).toBeNull();
    expect(d.evidence.recorded).toBe(21);
    expect(d.evidence.ratePer1000).toBe(0.16);
  });

  it('a small total takes its change, rate, share, rate ratio and trend adjustment with it', () => {
    const d = discloseRestrictedIssue(issue([0, 3, 0], 11), POLICY, quarter([0, 3, 0]));
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

  it("the force's rate where the force's total is held back", () => {
    const months = { '2025-01': 6, '2025-02': 8, '2025-03': 7 };
    const d = discloseRestrictedIssue(issue([6, 8, 7], 11), POLICY, control(months, 'withheld'));
    expect(d.evidence.forceRatePer1000).toBeNull();
    expect(d.basis.likelihood).not.toContain('× the force rate');
    expect(d.evidence.recorded).toBe(21);
  });

  it('a dataset that is not restricted, or a restricted one with nothing small, is untouched', () => {
    const open = issue([0, 3, 0], 11, 'fly-tipping');
    expect(discloseRestrictedIssue(open, POLICY, quarter([0, 3, 0]))).toBe(open);
    const large = issue([6, 8, 7], 11);
    expect(discloseRestrictedIssue(large, POLICY, quarter([6, 8, 7]))).toBe(large);
  });
});
