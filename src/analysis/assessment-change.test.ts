import { describe, expect, it } from 'vitest';

import { assessmentChanges, type ScoredIssue } from './assessment-change.js';

const s = (
  key: string,
  rank: number,
  band: ScoredIssue['band'],
  harm: number,
  likelihood: number,
): ScoredIssue => ({
  key,
  label: key,
  rank,
  band,
  harm,
  likelihood,
  risk: harm * likelihood,
});

describe('what moved between two assessments', () => {
  it('gives each issue its rank, band and risk then and now, in words', () => {
    const then = [
      s('burglary', 1, 'High', 5, 3),
      s('robbery', 2, 'Medium', 4, 3),
      s('drugs', 3, 'Low', 1, 2),
      s('arson', 4, 'Low', 2, 2),
    ];
    const now = [
      s('robbery', 1, 'High', 5, 3),
      s('burglary', 2, 'High', 5, 3),
      s('drugs', 3, 'Low', 1, 2),
      s('fly-tipping', 4, 'Medium', 3, 3),
    ];
    const moves = assessmentChanges(then, now);
    expect(moves.map((m) => [m.key, m.summary])).toEqual([
      ['robbery', 'up 1 place, Medium → High (raised), risk 12 → 15'],
      ['burglary', 'down 1 place'],
      ['drugs', 'unchanged'],
      ['fly-tipping', 'new'],
      ['arson', 'no longer assessed'],
    ]);
    expect(moves[0]).toMatchObject({
      rank: { then: 2, now: 1 },
      band: { then: 'Medium', now: 'High' },
      risk: { then: 12, now: 15 },
    });
    expect(moves[4]).toMatchObject({
      rank: { then: 4, now: null },
      band: { then: 'Low', now: null },
    });
  });

  it('says "lowered" and counts places in the plural', () => {
    const moves = assessmentChanges(
      [s('a', 1, 'High', 5, 3), s('b', 2, 'Low', 1, 1), s('c', 3, 'Low', 1, 1)],
      [s('b', 1, 'Low', 1, 1), s('c', 2, 'Low', 1, 1), s('a', 3, 'Medium', 3, 3)],
    );
    expect(moves.find((m) => m.key === 'a')!.summary).toBe(
      'down 2 places, High → Medium (lowered), risk 15 → 9',
    );
  });

  it('says a count that moved when nothing else did, and not one it does not know', () => {
    const moves = assessmentChanges(
      [
        { ...s('violence', 1, 'High', 5, 5), recorded: 2182 },
        { ...s('drugs', 2, 'Low', 1, 2), recorded: 151 },
        { ...s('prevent', 3, 'Low', 1, 1), recorded: null },
      ],
      [
        { ...s('violence', 1, 'High', 5, 5), recorded: 2162 },
        { ...s('drugs', 2, 'Low', 1, 2), recorded: 151 },
        { ...s('prevent', 3, 'Low', 1, 1), recorded: 3 },
      ],
    );
    expect(moves.map((m) => [m.key, m.summary, m.recorded])).toEqual([
      ['violence', 'recorded 2,182 → 2,162', { then: 2182, now: 2162 }],
      ['drugs', 'unchanged', { then: 151, now: 151 }],
      ['prevent', 'unchanged', { then: null, now: 3 }],
    ]);
  });
});
