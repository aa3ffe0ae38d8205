/**
 * Issue 21 item 3: a meeting's minutes into the plan. The actions found are shown for
 * confirmation (--dry-run saves nothing), then only those a person accepts are saved, with the
 * meeting, into the plan of the year it falls in; importing again adds nothing twice.
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
const DOCX = 'test/fixtures/minutes/cscg-2025-11-12.docx';
const MEETING = ['--meeting', 'CSCG 2025-11-12'];
afterAll(() => dir.remove());

interface PlanShown {
  actions: { id: number; title: string; owner: string | null; dueDate: string | null }[];
}
const planActions = async () =>
  (await runJson<PlanShown>(['plan', 'show', ...D])).json.actions.map((a) => a.title);

beforeAll(async () => {
  await threeRiversPlan(db);
});

describe('lantern minutes import', () => {
  it('shows the proposed actions on a dry run and saves nothing', async () => {
    const before = await planActions();
    const dry = await run(['minutes', 'import', DOCX, ...MEETING, '--dry-run', ...D]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('7 proposed actions for CSCG on 12 November 2025');
    expect(dry.stdout).toContain('Michael Nadasdy');
    expect(dry.stdout).toContain(
      'Dry run: nothing saved. Saving would add the meeting "CSCG 2025-11-12" of Three Rivers CSP and 7 actions, into the 2025-26 plan.',
    );
    expect(await planActions()).toEqual(before);
  });

  it('refuses a meeting decades ago, on a dry run too, saying where its date came from', async () => {
    const given = await run([
      'minutes',
      'import',
      DOCX,
      '--meeting',
      'CSCG 2013-11-12',
      '--dry-run',
      ...D,
    ]);
    expect(given.code).toBe(2);
    expect(given.stderr).toMatch(
      /^lantern: --meeting: 2013-11-12 is more than 10 years before today \(\d{4}-\d{2}-\d{2}\): is the year mistyped\?\n$/u,
    );
    const stated = join(dir.path, 'old-minutes.txt');
    writeFileSync(
      stated,
      'CSCG meeting held on 12 November 2013\n\nThe council to review CCTV by 31 January.\n',
    );
    const read = await run(['minutes', 'import', stated, '--dry-run', ...D]);
    expect(read.code).toBe(2);
    expect(read.stderr).toContain(
      `lantern: ${stated}: the meeting's date the minutes state: 2013-11-12 is more than 10 years before today`,
    );
    expect(read.stderr).toContain('If so, give the meeting as --meeting "CSCG YYYY-MM-DD"');
  });

  it('refuses to save until a person says which actions to save', async () => {
    const r = await run(['minutes', 'import', DOCX, ...MEETING, ...D]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--accept all, or --accept 1,3');
    const wrong = await run(['minutes', 'import', DOCX, ...MEETING, '--accept', '9', ...D]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('no proposed action is numbered 9: the proposals are 1 to 7');
  });

  it('saves the meeting with the actions accepted, each with its owner, due date and source line', async () => {
    const before = await planActions();
    const dry = await runJson<{ extraction: { proposals: { number: number; title: string }[] } }>([
      'minutes',
      'import',
      DOCX,
      ...MEETING,
      '--dry-run',
      ...D,
    ]);
    const [first, second] = dry.json.extraction.proposals;
    const saved = await run(['minutes', 'import', DOCX, ...MEETING, '--accept', '1,2', ...D]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain('Added 2 actions');
    const after = (await runJson<PlanShown>(['plan', 'show', ...D])).json.actions;
    const added = after.filter((a) => !before.includes(a.title));
    expect(added.map((a) => a.title)).toEqual([first!.title, second!.title]);
    const michael = added.find((a) => a.owner === 'Michael Nadasdy');
    expect(michael?.dueDate).toBe('2025-11-14');
    const audit = await runJson<{ rows: { action: string }[] }>(['audit', ...D]);
    expect(audit.json.rows.map((r) => r.action)).toContain('plan.meeting.save');
  });

  it('importing again needs the version read, and adds only the actions not held already', async () => {
    const again = await run(['minutes', 'import', DOCX, ...MEETING, '--accept', 'all', ...D]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('is saved already (version 1)');
    const before = await planActions();
    const ok = await run([
      'minutes',
      'import',
      DOCX,
      ...MEETING,
      '--accept',
      'all',
      '--expect-version',
      '1',
      ...D,
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Added 5 actions');
    expect(ok.stdout).toContain('Held already for this meeting, not added again');
    expect((await planActions()).length).toBe(before.length + 5);
  });

  it('keeps the actions of a meeting whose year has no plan with the meeting, and the plan made afterwards takes them in', async () => {
    const file = join(dir.path, 'cscg-2026-05-13.txt');
    writeFileSync(
      file,
      [
        'Three Rivers Community Safety Coordinating Group',
        'Minutes of the meeting held on Wednesday 13 May 2026',
        '',
        'Action – Rebecca Young to book the summer diversionary sessions by 30 June 2026.',
        'Action – Karen Watkin to circulate the ASB figures by 31 May 2026.',
      ].join('\n'),
    );
    const saved = await run(['minutes', 'import', file, '--accept', 'all', ...D]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain('into no 2026-27 plan yet');
    const created = await runJson<{ adopted: { id: number; planId: number; title: string }[] }>([
      'plan',
      'create',
      ...D,
      '--partnership',
      'Three Rivers CSP',
      '--year',
      '2026-27',
      '--area',
      'Three Rivers',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.json.adopted.map((a) => a.title)).toEqual([
      'Rebecca Young to book the summer diversionary sessions by 30 June 2026',
      'Karen Watkin to circulate the ASB figures by 31 May 2026',
    ]);
    const shown = await runJson<PlanShown>(['plan', 'show', ...D, '--year', '2026-27']);
    expect(shown.json.actions.map((a) => a.title)).toEqual(
      created.json.adopted.map((a) => a.title),
    );
    const human = await run([
      'plan',
      'create',
      ...D,
      '--partnership',
      'Three Rivers CSP',
      '--year',
      '2027-28',
      '--area',
      'Three Rivers',
    ]);
    expect(human.stdout).not.toContain('Took in');
    const history = await runJson<{ rows: { action: string; change: string }[] }>(['audit', ...D]);
    expect(history.json.rows.map((r) => r.action)).toContain('plan.action.update');
  });

  it('recognises the same minutes under another meeting name: the dry run and the import say which meeting holds them, and add nothing', async () => {
    const before = await planActions();
    const held = await run(['minutes', 'import', DOCX, ...MEETING, '--dry-run', ...D]);
    expect(held.stdout).toContain(
      'The meeting "CSCG 2025-11-12" of Three Rivers CSP is saved already (version 2): saving again (--expect-version 2) would add 0 actions (7 held already, not added again)',
    );
    const renamed = ['--meeting', 'Safer Three Rivers 2025-11-12'];
    const dry = await run(['minutes', 'import', DOCX, ...renamed, '--dry-run', ...D]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      'Saving would be refused: these minutes are of the meeting "CSCG 2025-11-12" of Three Rivers CSP on 2025-11-12, saved already (version 2, from cscg-2025-11-12.docx)',
    );
    const saved = await run(['minutes', 'import', DOCX, ...renamed, '--accept', 'all', ...D]);
    expect(saved.code).toBe(2);
    expect(saved.stderr).toContain('these minutes are of the meeting "CSCG 2025-11-12"');
    const dateOnly = await run([
      'minutes',
      'import',
      DOCX,
      '--meeting',
      '2025-11-12',
      '--accept',
      'all',
      ...D,
    ]);
    expect(dateOnly.code).toBe(2);
    expect(await planActions()).toEqual(before);
  });
});
