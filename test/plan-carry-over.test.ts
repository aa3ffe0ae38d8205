/**
 * `lantern plan carry-over` on the demo store's Three Rivers plan: an open action carried into a
 * later year goes on in its copy only. The original is closed in its plan (grey, not overdue,
 * refusing updates with a pointer to the copy); carrying along a chain of years, or skipping a
 * year first, holds it once; the copy keeps its priority, objective, meeting and a RAG set by hand.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../src/domain/scope.js';
import { openStore } from '../src/store/open-store.js';
import { addAction } from '../src/usecases/plan/plan-actions.js';
import { carryOver } from '../src/usecases/plan/plan-carry-over.js';
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
  actions: {
    id: number;
    title: string;
    priority: string | null;
    objective: string | null;
    meetingId: number | null;
    carriedFrom: number | null;
    carriedTo: { id: number; year: string } | null;
    rag: { rag: string; derived: { reason: string }; override: { rag: string } | null };
  }[];
}
const show = async (year: string) =>
  (await runJson<Shown>(['plan', 'show', ...D, '--year', year])).json;
const carry = async (from: string, to: string) => {
  const r = await run(['plan', 'carry-over', ...D, '--from', from, '--to', to]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

beforeAll(async () => {
  await threeRiversPlan(db);
  const add = await run([
    'plan',
    'action',
    'add',
    ...D,
    '--priority',
    'burglary',
    '--objective',
    'Fewer repeat burglaries in South Oxhey',
    '--title',
    'Target-hardening visits',
    '--owner',
    'Karen Watkin',
    '--due',
    '2025-09-30',
  ]);
  expect(add.code, add.stderr).toBe(0);
  const minutes = join(dir.path, 'cscg-2025-10-08.txt');
  writeFileSync(
    minutes,
    [
      'Three Rivers CSCG minutes',
      'Minutes of the meeting held on Wednesday 8 October 2025',
      '',
      'Action – Rebecca Young to map the fly-tipping hotspots by 31 October 2025.',
    ].join('\n'),
  );
  const imported = await run(['minutes', 'import', minutes, '--accept', 'all', ...D]);
  expect(imported.code, imported.stderr).toBe(0);
  const mapped = (await show('2025-26')).actions.find((a) => a.title.includes('fly-tipping'))!;
  const hand = await run([
    'plan',
    'action',
    'update',
    String(mapped.id),
    ...D,
    '--rag',
    'amber',
    '--rag-reason',
    'Waiting for the council data',
    '--expect-version',
    '1',
  ]);
  expect(hand.code, hand.stderr).toBe(0);
});

describe('lantern plan carry-over', () => {
  it('carries each open action once along skipped and chained years, with its objective, meeting and RAG set by hand', async () => {
    await carry('2025-26', '2027-28');
    expect(await carry('2025-26', '2026-27')).toContain('Carried 0 open actions');
    await carry('2026-27', '2027-28');
    const later = await show('2027-28');
    const titles = later.actions.map((a) => a.title);
    expect(titles.filter((t) => t === 'Target-hardening visits')).toHaveLength(1);
    expect(new Set(titles).size).toBe(titles.length);
    const visits = later.actions.find((a) => a.title === 'Target-hardening visits')!;
    expect(visits).toMatchObject({
      priority: 'Burglary',
      objective: 'Fewer repeat burglaries in South Oxhey',
    });
    const mapped = later.actions.find((a) => a.title.includes('fly-tipping'))!;
    expect(mapped.meetingId).not.toBeNull();
    expect(mapped.rag.override).toMatchObject({ rag: 'amber' });
  });

  it('closes the original in its plan: grey, not overdue, and refusing updates with a pointer to the copy', async () => {
    const earlier = await show('2025-26');
    const visits = earlier.actions.find((a) => a.title === 'Target-hardening visits')!;
    const copy = (await show('2027-28')).actions.find((a) => a.carriedFrom === visits.id)!;
    expect(visits.carriedTo).toEqual({ id: copy.id, year: '2027-28' });
    expect(visits.rag).toMatchObject({
      rag: 'grey',
      derived: { reason: `carried over to the 2027-28 plan as action ${copy.id}` },
    });
    const overdue = await runJson<{ id: number }[] | { actions: { id: number }[] }>([
      'plan',
      'overdue',
      ...D,
      '--year',
      '2025-26',
    ]);
    expect(JSON.stringify(overdue.json)).not.toContain('Target-hardening visits');
    const update = await run([
      'plan',
      'action',
      'update',
      String(visits.id),
      ...D,
      '--progress',
      '50',
      '--expect-version',
      '1',
    ]);
    expect(update.code).toBe(2);
    expect(update.stderr).toContain(
      `action ${visits.id} was carried over to the 2027-28 plan as action ${copy.id}: update that one`,
    );
  });
});

describe('a carried action keeps the day it started', () => {
  // QA (year 2): an action added in January, due at the end of June and not started, was amber
  // ("behind schedule") on 10 April; its copy in the new year's plan started that day, so it
  // showed green ("on track") though nothing had been done.
  it('so its copy is as far behind schedule as the original was', async () => {
    const own = demoStoreCopy(dir.path, 'started.duckdb');
    await threeRiversPlan(own, { year: '2025-26' });
    const store = await openStore(own);
    try {
      const local = { name: 'local:qa', user: null };
      const added = await addAction(
        store,
        local,
        { year: '2025-26' },
        { title: 'Alley-gating scheme', priority: 'burglary', due: '2026-06-30' },
        new Date('2026-01-05T10:00:00Z'),
      );
      const april = new Date('2026-04-10T10:00:00Z');
      const before = await planView(store, FULL_SCOPE, { year: '2025-26' }, april);
      const original = before.actions.find((a) => a.id === added.id)!;
      expect(original.rag.rag).toBe('amber');
      const carried = await carryOver(store, local, { from: '2025-26', to: '2026-27' }, april);
      const copyId = carried.carried.find((c) => c.from === added.id)!.to;
      const after = await planView(store, FULL_SCOPE, { year: '2026-27' }, april);
      const copy = after.actions.find((a) => a.id === copyId)!;
      expect(copy.startDate).toBe('2026-01-05');
      expect(copy.rag).toMatchObject({ rag: 'amber', derived: original.rag.derived });
    } finally {
      store.close();
    }
  });
});
