/**
 * `lantern plan action update` on the demo store's Three Rivers plan: what a change of status does
 * to the rest of the action. A RAG set by hand ends when the status changes (the update says so),
 * and a complete action counts as complete whatever was set by hand before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../src/domain/scope.js';
import { openStore } from '../src/store/open-store.js';
import { planView } from '../src/usecases/plan/plan-view.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { threeRiversPlan } from './helpers/plan.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = demoStoreCopy(dir.path);
const D = ['--db', db];
afterAll(() => dir.remove());

interface Shown {
  counts: Record<string, number>;
  actions: {
    id: number;
    status: string;
    progress: number;
    rag: { rag: string; override: unknown };
  }[];
}

/** 31 March five years on: a due date far enough ahead, and near enough to be meant. */
const LATER = `${new Date().getUTCFullYear() + 5}-03-31`;

/** `plan action add` of an action under burglary, due `due`. */
const addArgs = (title: string, due = LATER) => [
  'plan',
  'action',
  'add',
  ...D,
  '--priority',
  'burglary',
  '--title',
  title,
  '--owner',
  'Karen Watkin',
  '--due',
  due, // by default never overdue while the test runs
];
const add = async (title: string) => {
  const r = await runJson<{ id: number }>(addArgs(title));
  expect(r.code, r.stderr).toBe(0);
  return r.json.id;
};
const update = (id: number, ...args: string[]) =>
  run(['plan', 'action', 'update', String(id), ...D, ...args]);

beforeAll(async () => {
  await threeRiversPlan(db);
});

describe('a RAG set by hand, then a change of status', () => {
  it('ends with the change of status, saying so, and a complete action counts as complete', async () => {
    const id = await add('Licensing review of late bars');
    const red = await update(
      id,
      '--rag',
      'red',
      '--rag-reason',
      'No capacity',
      '--expect-version',
      '1',
    );
    expect(red.code, red.stderr).toBe(0);
    const done = await update(id, '--status', 'complete', '--expect-version', '2');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(
      'The RAG set by hand (red: No capacity) no longer applies now the status has changed',
    );
    const { json } = await runJson<Shown>(['plan', 'show', ...D]);
    const action = json.actions.find((a) => a.id === id)!;
    expect(action.rag).toMatchObject({ rag: 'blue', override: null });
    expect(json.counts).toMatchObject({ red: 0, blue: 1 });
  });

  it('keeps a RAG set by hand while the status stays, and one set again with the new status', async () => {
    const id = await add('Street lighting survey');
    await update(id, '--rag', 'amber', '--rag-reason', 'Contractor late', '--expect-version', '1');
    const progress = await update(id, '--progress', '30', '--expect-version', '2');
    expect(progress.stdout).not.toContain('no longer applies');
    const both = await update(
      id,
      '--status',
      'on-hold',
      '--rag',
      'red',
      '--rag-reason',
      'Funding withdrawn',
      '--expect-version',
      '3',
    );
    expect(both.code, both.stderr).toBe(0);
    const { json } = await runJson<Shown>(['plan', 'show', ...D]);
    expect(json.actions.find((a) => a.id === id)!.rag).toMatchObject({
      rag: 'red',
      override: { rag: 'red', reason: 'Funding withdrawn' },
    });
  });
});

describe('reopening a complete action', () => {
  it('needs to be told how far it now is, and refuses a not-started action with progress', async () => {
    const id = await add('Knife-crime workshops');
    expect((await update(id, '--status', 'complete', '--expect-version', '1')).code).toBe(0);
    const reopened = await update(id, '--status', 'not-started', '--expect-version', '2');
    expect(reopened.code).toBe(2);
    expect(reopened.stderr).toContain(
      'action ' +
        id +
        ' was complete (100% done): to make it not-started, say how far it now is with --progress (0 to 99)',
    );
    const contradictory = await update(
      id,
      '--status',
      'not-started',
      '--progress',
      '40',
      '--expect-version',
      '2',
    );
    expect(contradictory.code).toBe(2);
    expect(contradictory.stderr).toContain('a not-started action is 0% done, not 40%');
    const ok = await update(
      id,
      '--status',
      'in-progress',
      '--progress',
      '60',
      '--expect-version',
      '2',
    );
    expect(ok.code, ok.stderr).toBe(0);
    const { json } = await runJson<Shown>(['plan', 'show', ...D]);
    expect(json.actions.find((a) => a.id === id)).toMatchObject({
      status: 'in-progress',
      progress: 60,
    });
  });
});

describe('moving an action under a priority', () => {
  it('puts an action outside every priority under one, in its history and in the review', async () => {
    const r = await runJson<{ id: number }>([
      'plan',
      'action',
      'add',
      ...D,
      '--title',
      'Robbery patrols at the station',
      '--owner',
      'Andrew Palfreyman',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const id = r.json.id;
    const unknown = await update(id, '--priority', 'piracy', '--expect-version', '1');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no priority "piracy"');
    const moved = await update(id, '--priority', 'Burglary', '--expect-version', '1');
    expect(moved.code, moved.stderr).toBe(0);
    const detail = await runJson<{ action: { priority: string }; history: { change: string }[] }>([
      'plan',
      'action',
      'show',
      ...D,
      '--action',
      String(id),
    ]);
    expect(detail.json.action.priority).toBe('Burglary');
    expect(detail.json.history.at(-1)!.change).toBe('priority – → Burglary');
    const review = await runJson<{ priorities: { key: string; items: { id: number }[] }[] }>([
      'plan',
      'review',
      ...D,
    ]);
    const burglary = review.json.priorities.find((p) => p.key === 'burglary')!;
    expect(burglary.items.map((i) => i.id)).toContain(id);
  });
});

describe('the day the plan is read on', () => {
  it('is the date in the UK: at 00:30 BST on 1 July an action due on 30 June is overdue', async () => {
    const r = await runJson<{ id: number }>([
      'plan',
      'action',
      'add',
      ...D,
      '--title',
      'Q1 return to the PCC',
      '--owner',
      'Rebecca Young',
      '--due',
      '2026-06-30',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const store = await openStore(db);
    try {
      const view = await planView(store, FULL_SCOPE, {}, new Date('2026-06-30T23:30:00Z'));
      expect(view.today).toBe('2026-07-01');
      expect(view.actions.find((a) => a.id === r.json.id)!.rag.derived.reason).toBe(
        'overdue by 1 day',
      );
      const winter = await planView(store, FULL_SCOPE, {}, new Date('2026-01-15T23:30:00Z'));
      expect(winter.today).toBe('2026-01-15');
    } finally {
      store.close();
    }
  });
});

describe('a due date decades away', () => {
  it('is refused as a mistyped year, when added and when updated', async () => {
    const year = new Date().getUTCFullYear();
    const typo = await run(addArgs('Typed a century late', `${year + 100}-03-31`));
    expect(typo.code).toBe(2); // a bad option value, as "not a day" is
    expect(typo.stderr).toContain(`${year + 100}-03-31 is more than 10 years after today`);
    expect(typo.stderr).toContain('is the year mistyped?');

    const id = await add('Due in five years, then mistyped');
    const back = await update(id, '--due', `${year - 100}-03-31`, '--expect-version', '1');
    expect(back.code).toBe(2);
    expect(back.stderr).toContain(`${year - 100}-03-31 is more than 10 years before today`);
    // Nothing was changed by the refused update.
    const shown = await runJson(['plan', 'action', 'show', '--action', String(id), ...D]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.stringify(shown.json)).toContain(LATER);
  });
});

describe('plan action update --help', () => {
  it('names one action, as the command takes one', async () => {
    const help = await run(['plan', 'action', 'update', '--help']);
    expect(help.stdout).toContain('Usage: lantern plan action update ID [--status STATUS]');
    expect(help.stdout).not.toContain('ID...');
  });
});
