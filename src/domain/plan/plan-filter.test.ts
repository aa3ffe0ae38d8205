import { describe, expect, it } from 'vitest';

import { filterActions, isDueSoon, isOverdue, tallyBy, valuesOf } from './plan-filter.js';
import type { ActionRecord } from './plan-types.js';
import { viewAction, type ActionView } from './plan-view.js';

const TODAY = '2026-01-15';

function action(id: number, over: Partial<ActionRecord>): ActionView {
  const a: ActionRecord = {
    id,
    partnership: 'Three Rivers CSP',
    planId: 1,
    priorityId: null,
    objectiveId: null,
    meetingId: null,
    groupId: null,
    title: `Action ${id}`,
    description: null,
    owner: null,
    organisation: null,
    startDate: '2025-10-01',
    dueDate: null,
    status: 'not-started',
    progress: 0,
    ragOverride: null,
    ragReason: null,
    links: [],
    public: false,
    carriedFrom: null,
    createdAt: '2025-10-01T09:00:00Z',
    createdBy: 'Sam',
    updatedAt: '2025-10-01T09:00:00Z',
    updatedBy: 'Sam',
    version: 1,
    ...over,
  };
  return viewAction(a, TODAY, [], []);
}

const actions = [
  action(1, { owner: 'CSO', organisation: 'Three Rivers DC', dueDate: '2026-01-10' }),
  action(2, { owner: 'cso ', organisation: 'Three Rivers DC', dueDate: '2026-01-29' }),
  action(3, { owner: 'Sergeant Khan', organisation: 'Herts Police', dueDate: '2026-01-30' }),
  action(4, { owner: 'Sergeant Khan', dueDate: '2026-01-01', status: 'complete', progress: 100 }),
  action(5, { dueDate: '2026-01-15', ragOverride: 'green', ragReason: 'agreed' }),
];

describe('the plan page’s selections', () => {
  it('counts as overdue only open actions past their due date, and as due soon those due today to 14 days on', () => {
    expect(actions.filter(isOverdue).map((a) => a.id)).toEqual([1]);
    expect(actions.filter(isDueSoon).map((a) => a.id)).toEqual([2, 5]);
  });

  it('filters by owner and organisation ignoring case and spaces, by status, and by the RAG in force', () => {
    expect(filterActions(actions, { owner: 'CSO' }).map((a) => a.id)).toEqual([1, 2]);
    expect(filterActions(actions, { organisation: 'herts police' }).map((a) => a.id)).toEqual([3]);
    expect(filterActions(actions, { status: 'complete' }).map((a) => a.id)).toEqual([4]);
    // Action 5 is amber by the rules (due today, nothing done) but green by hand: green it is.
    expect(filterActions(actions, { rag: 'green' }).map((a) => a.id)).toContain(5);
    expect(filterActions(actions, { rag: 'amber' }).map((a) => a.id)).not.toContain(5);
  });

  it('sums the actions by owner, one row for names that differ only in case, none given last', () => {
    const rows = tallyBy(actions, 'owner');
    expect(rows.map((r) => [r.name, r.total, r.open, r.overdue, r.dueSoon, r.complete])).toEqual([
      ['CSO', 2, 2, 1, 1, 0],
      ['Sergeant Khan', 2, 1, 0, 0, 1],
      [null, 1, 1, 0, 1, 0],
    ]);
    expect(valuesOf(actions, 'organisation')).toEqual(['Herts Police', 'Three Rivers DC']);
  });
});
