import { describe, expect, it } from 'vitest';

import type { Assessment } from '../assessment.js';
import type { ActionRecord } from './plan-types.js';
import { reviewPlan } from './plan-review.js';
import { viewAction, type PlanView } from './plan-view.js';

const assessment = (to: string, issues: [string, number, 'High' | 'Medium' | 'Low', number][]) =>
  ({
    period: { from: `${to.slice(0, 4)}-01`, to },
    issues: issues.map(([key, recorded, band, rank]) => ({
      key,
      band,
      rank,
      evidence: { recorded },
    })),
  }) as unknown as Assessment;

const priorities = [
  { id: 1, planId: 1, key: 'burglary', label: 'Burglary', band: 'High', rank: 1, version: 1 },
  { id: 2, planId: 1, key: 'robbery', label: 'Robbery', band: 'Medium', rank: 2, version: 1 },
];
const action = (id: number, priorityId: number, status: ActionRecord['status'], due: string) =>
  ({
    id,
    priorityId,
    status,
    dueDate: due,
    startDate: '2025-04-01',
    progress: status === 'complete' ? 100 : 10,
    title: `Action ${id}`,
    ragOverride: null,
    ragReason: null,
    links: [],
  }) as unknown as ActionRecord;

const today = '2026-04-15';
const view = {
  plan: { id: 1 },
  today,
  priorities: priorities.map((p) => ({ ...p, objectives: [] })),
  actions: [
    action(1, 1, 'complete', '2025-12-01'),
    action(2, 1, 'in-progress', '2026-03-31'),
    action(3, 2, 'cancelled', '2025-09-30'),
  ].map((a) => viewAction(a, today, priorities, [])),
  updates: [],
  counts: { red: 0, amber: 0, green: 0, blue: 0, grey: 0 },
} as unknown as PlanView;

describe('the review of a plan for the next assessment', () => {
  it('counts what was done for each priority and how its figures moved', () => {
    const then = assessment('2025-03', [
      ['burglary', 1200, 'High', 1],
      ['robbery', 80, 'Medium', 2],
    ]);
    const now = assessment('2026-03', [['burglary', 1056, 'Medium', 3]]);
    const [burglary, robbery] = reviewPlan(view, then, now, new Set(), (key) =>
      key === 'burglary'
        ? {
            basis: 'paired',
            previous: 1200,
            current: 1056,
            monthsThen: 3,
            monthsNow: 3,
            changePct: -12,
          }
        : null,
    );
    expect(burglary).toMatchObject({
      actions: { total: 2, complete: 1, open: 1, overdue: 1, cancelled: 0 },
      completed: ['Action 1'],
      stillOpen: ['Action 2'],
      changePct: -12,
      moved:
        'records down 12% (1,200 in 2025-01..2025-03 → 1,056 in 2026-01..2026-03); High → Medium',
    });
    expect(robbery).toMatchObject({
      actions: { total: 1, complete: 0, open: 0, cancelled: 1 },
      changePct: null,
      moved: 'records not comparable (not assessed in both); Medium → not assessed',
    });
  });

  it("gives no restricted dataset's total with a month of it held back", () => {
    const prevent = { id: 3, planId: 1, key: 'prevent', label: 'Prevent', band: 'High', rank: 1 };
    const withPrevent = {
      ...view,
      priorities: [{ ...prevent, version: 1, objectives: [] }],
      actions: [],
    } as unknown as PlanView;
    const of = (to: string, recorded: number, held: boolean) => {
      const a = assessment(to, [['prevent', recorded, 'High', 1]]);
      (a.issues[0] as { months: unknown }).months = [
        {
          month: `${to.slice(0, 4)}-01`,
          count: held ? null : 6,
          withheld: held ? 'fewer than' : undefined,
        },
        { month: `${to.slice(0, 4)}-02`, count: 9 },
      ].map((m) => (m.withheld ? m : { month: m.month, count: m.count }));
      return a;
    };
    // 12 with January held back (a month from 1 to 4 under it): the total is not given.
    const [review] = reviewPlan(withPrevent, of('2025-02', 12, true), of('2026-02', 15, false));
    expect(review!.then?.recorded).toBeNull();
    expect(review!.now?.recorded).toBe(15);
    expect(review!.moved).not.toContain('12');
  });

  it('gives a change over periods of different lengths per month, with both totals', () => {
    const then = assessment('2025-02', [['burglary', 1028, 'High', 1]]);
    const now = assessment('2026-03', [['burglary', 1545, 'High', 1]]);
    const [burglary] = reviewPlan(view, then, now, new Set(), () => ({
      basis: 'per month',
      previous: 1028,
      current: 1545,
      monthsThen: 2,
      monthsNow: 3,
      changePct: 0.19,
    }));
    expect(burglary).toMatchObject({
      changePct: 0,
      moved:
        'records per month unchanged (1,028 in 2 months, 2025-01..2025-02 → 1,545 in 3 months, 2026-01..2026-03: 514 → 515 a month); still High',
    });
  });

  it('says when there is no later assessment to compare with', () => {
    expect(reviewPlan(view, assessment('2025-03', []), null)[0]!.moved).toBe(
      'no later assessment to compare with',
    );
  });

  it('lists each action with its state in words, and counts those carried over into a later plan', () => {
    const [burglary, robbery] = reviewPlan(view, null, null, new Set([2, 3]));
    expect(burglary!.items.map((i) => [i.title, i.state, i.carriedOver])).toEqual([
      ['Action 1', 'done', false],
      ['Action 2', 'overdue', true],
    ]);
    expect(burglary!.actions).toMatchObject({ inProgress: 1, notStarted: 0, carriedOver: 1 });
    // A cancelled action is not open, so not carried over whatever the later plan holds.
    expect(robbery!.items[0]).toMatchObject({ state: 'cancelled', carriedOver: false });
    expect(robbery!.actions.carriedOver).toBe(0);
  });
});
