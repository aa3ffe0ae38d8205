/**
 * Minutes whose deadlines are worded in ways no rule resolves to one day ("by the end of Q3", "by
 * mid-February"): imported into the plan, each action keeps the wording in its description and is
 * amber "no due date set", not green "on track"; those that name one day get it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { threeRiversPlan } from './helpers/plan.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = demoStoreCopy(dir.path);
const D = ['--db', db];
const MINUTES = 'test/fixtures/minutes/relative-dues-2026-01.txt';
afterAll(() => dir.remove());

beforeAll(async () => {
  await threeRiversPlan(db);
});

interface Shown {
  actions: {
    title: string;
    organisation: string | null;
    dueDate: string | null;
    description: string | null;
    rag: { rag: string; derived: { reason: string } };
  }[];
}

describe('lantern minutes import of deadlines worded loosely', () => {
  it('keeps the wording of each deadline it cannot resolve, and shows the action as having no due date', async () => {
    const saved = await run(['minutes', 'import', MINUTES, '--accept', 'all', ...D]);
    expect(saved.code, saved.stderr).toBe(0);
    const { json } = await runJson<Shown>(['plan', 'show', ...D]);
    const byTitle = (start: string) => json.actions.find((a) => a.title.includes(start))!;
    const q3 = byTitle('CCTV options');
    expect(q3.dueDate).toBeNull();
    expect(q3.description).toContain('due: by the end of Q3');
    expect(q3.rag).toMatchObject({ rag: 'amber', derived: { reason: 'no due date set' } });
    expect(byTitle('Prevent training').description).toContain('due: End of Q3');
    expect(byTitle('brief councillors').description).toContain('due: by mid-February');
    expect(byTitle('patrol funding').dueDate).toBe('2026-02-28');
    // The owner's organisation from the Present list, so a partner of it may update the action.
    expect(q3.organisation).toBe('Herts Police');
    const undated = json.actions.filter((a) => a.dueDate === null);
    expect(undated.length).toBe(7);
    for (const a of undated) expect(a.rag.rag, a.title).toBe('amber');
  });

  it('gives "by 29 February" no date in a year without one, saying so in the action', async () => {
    const file = join(dir.path, 'leap.txt');
    writeFileSync(
      file,
      [
        'Three Rivers CSP – ASB Action Group',
        'Minutes of the meeting held on Thursday 26 March 2026',
        '',
        'Action – Rebecca Young to provide the hate crime JSNA by 29 February.',
      ].join('\n'),
    );
    const saved = await run(['minutes', 'import', file, '--accept', 'all', ...D]);
    expect(saved.code, saved.stderr).toBe(0);
    const { json } = await runJson<Shown>(['plan', 'show', ...D]);
    const jsna = json.actions.find((a) => a.title.includes('hate crime JSNA'))!;
    expect(jsna.dueDate).toBeNull();
    expect(jsna.description).toContain('due: by 29 February (2027 has no 29 February)');
  });

  it('refuses --due 2026-02-29 saying 2026 has no 29 February', async () => {
    const r = await run([
      'plan',
      'action',
      'add',
      ...D,
      '--priority',
      'burglary',
      '--title',
      'Leap day leaflet drop',
      '--due',
      '2026-02-29',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"2026-02-29" is not a day: 2026 has no 29 February');
  });
});
