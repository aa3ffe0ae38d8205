/**
 * Issue 21: the partnership's action plan on the demo store, built from its saved assessment:
 * commands as a person runs them (create, add, update with a conflict, carry-over, the outputs),
 * then in process: who may edit, the history and audit rows of each change, and a meeting saved
 * with its actions as `minutes import` will.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Actor } from '../src/domain/access.js';
import { ConflictError, ForbiddenError } from '../src/errors.js';
import { readAudit, verifyAuditLog } from '../src/store/audit-log.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { problemOf } from '../src/server/http-errors.js';
import { historyOf } from '../src/store/plan-history.js';
import { grantAccess } from '../src/usecases/grants.js';
import { addAction, updateAction } from '../src/usecases/plan/plan-actions.js';
import { actionDetail, planView } from '../src/usecases/plan/plan-view.js';
import { previewMeeting, saveMeeting } from '../src/usecases/plan/save-meeting.js';
import { setGroup } from '../src/usecases/plan/plan-groups.js';
import { addOrganisationNamed, addUser } from '../src/usecases/users.js';
import { FULL_SCOPE } from '../src/domain/scope.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { run, runJson } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = demoStoreCopy(dir.path);
const D = ['--db', db];
afterAll(() => dir.remove());

interface ShownAction {
  id: number;
  version: number;
  title: string;
  status: string;
  progress: number;
  rag: { rag: string; derived: { rag: string; reason: string }; override: unknown };
}

beforeAll(async () => {
  const saved = await run(['assess', ...D, '--area', 'Three Rivers', '--period', '2025']);
  expect(saved.code, saved.stderr).toBe(0);
});

describe('lantern plan, as a person runs it', () => {
  it('builds the 2025-26 plan from the latest saved assessment, its High and Medium issues as priorities', async () => {
    const { code, json, stderr } = await runJson<{
      plan: { year: string; assessmentId: string; areaCode: string };
      priorities: { key: string; band: string }[];
    }>([
      'plan',
      'create',
      ...D,
      '--partnership',
      'Three Rivers CSP',
      '--year',
      '2025-26',
      '--from-assessment',
      'latest',
    ]);
    expect(code, stderr).toBe(0);
    expect(json.plan).toMatchObject({ year: '2025-26', areaCode: 'E07000102' });
    const list = await runJson<{ id: string }[]>(['assess', 'list', ...D]);
    expect(list.json.length).toBeGreaterThan(0);
    expect(json.plan.assessmentId).toBe(list.json.at(-1)!.id);
    expect(json.priorities.map((p) => p.key)).toContain('burglary');
    expect(new Set(json.priorities.map((p) => p.band))).toEqual(new Set(['High', 'Medium']));

    const again = await run([
      'plan',
      'create',
      ...D,
      '--partnership',
      'Three Rivers CSP',
      '--year',
      '2025/26',
      '--from-assessment',
      'latest',
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/Three Rivers CSP already has a 2025-26 plan/u);
  });

  it('adds actions under a priority, refusing an unknown priority, a bad date or an unsafe link', async () => {
    const add = (extra: string[]) =>
      run([
        'plan',
        'action',
        'add',
        ...D,
        '--owner',
        'Community Safety Officer',
        '--org',
        'Three Rivers District Council',
        ...extra,
      ]);
    const ok = await add([
      '--priority',
      'burglary',
      '--title',
      'Target-hardening visits in the top hotspot',
      '--due',
      '2026-01-31',
      '--link',
      '/trends?area=E07000102&category=burglary',
      '--public',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Added action 1 \(version 1\)/u);
    const formula = await add([
      '--priority',
      'anti-social-behaviour',
      '--title',
      '=HYPERLINK("http://evil.example","Click")',
      '--due',
      '2030-06-30',
    ]);
    expect(formula.code, formula.stderr).toBe(0);

    const unknown = await add(['--priority', 'piracy', '--title', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no priority "piracy"; its priorities are .*burglary/u);
    const badDay = await add(['--priority', 'burglary', '--title', 'x', '--due', '2026-02-30']);
    expect(badDay.stderr).toContain('"2026-02-30" is not a day: February 2026 has 28 days');
    const badLink = await add([
      '--priority',
      'burglary',
      '--title',
      'x',
      '--link',
      'javascript:alert(1)',
    ]);
    expect(badLink.code).toBe(2);
    expect(badLink.stderr).toMatch(/not a link Lantern keeps/u);
    const shown = await runJson<{ actions: ShownAction[] }>(['plan', 'show', ...D]);
    expect(shown.json.actions).toHaveLength(2);
  });

  it('refuses the second of two updates made from the same version, saying who changed what, when', async () => {
    const first = await run([
      'plan',
      'action',
      'update',
      '1',
      ...D,
      '--status',
      'in-progress',
      '--progress',
      '40',
      '--note',
      'Visits booked',
      '--expect-version',
      '1',
    ]);
    expect(first.code, first.stderr).toBe(0);
    const second = await run([
      'plan',
      'action',
      'update',
      '1',
      ...D,
      '--progress',
      '60',
      '--expect-version',
      '1',
    ]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(
      /Action 1 \("Target-hardening visits in the top hotspot"\) was changed since you read it \(you read version 1; it is now version 2\), so your change was not saved/u,
    );
    expect(second.stderr).toMatch(
      /version 2: local:\S+ at \d{4}-\d\d-\d\d \d\d:\d\d UTC: status not-started → in-progress; progress 0 → 40; note: Visits booked/u,
    );
    expect(second.stderr).toMatch(/repeat it with --expect-version 2/u);
    const { json } = await runJson<{ action: ShownAction }>([
      'plan',
      'action',
      'show',
      ...D,
      '--action',
      '1',
    ]);
    expect(json.action).toMatchObject({ version: 2, progress: 40 });
  });

  it('keeps a RAG set by hand only with a reason, and shows the derived one beside it', async () => {
    const bare = await run([
      'plan',
      'action',
      'update',
      '1',
      ...D,
      '--rag',
      'green',
      '--expect-version',
      '2',
    ]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/a RAG set by hand needs a reason/u);
    const ok = await run([
      'plan',
      'action',
      'update',
      '1',
      ...D,
      '--rag',
      'amber',
      '--rag-reason',
      'Extension agreed at CSCG',
      '--expect-version',
      '2',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const { json } = await runJson<{ actions: ShownAction[] }>(['plan', 'show', ...D]);
    // Due 2026-01-31, so overdue on any day these tests run from 2026-02 on.
    expect(json.actions[0]!.rag).toMatchObject({
      rag: 'amber',
      override: { rag: 'amber', reason: 'Extension agreed at CSCG' },
      derived: { rag: 'red' },
    });
    const overdue = await runJson<{ overdue: ShownAction[] }>(['plan', 'overdue', ...D]);
    expect(overdue.json.overdue.map((a) => a.id)).toEqual([1]);
  });

  it('writes the plan as XLSX that opens and holds the rows', async () => {
    const out = join(dir.path, 'plan.xlsx');
    const r = await run([
      'plan',
      'report',
      ...D,
      '--year',
      '2025-26',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'README',
      'actions',
      'updates',
      'priorities',
    ]);
    const sheet = book.getWorksheet('actions')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = (n: number) =>
      Object.fromEntries(header.map((h, i) => [h, sheet.getRow(n).getCell(i + 1).value]));
    expect(sheet.rowCount).toBe(3);
    expect(row(2)).toMatchObject({
      id: 1,
      priority: 'Burglary',
      status: 'in-progress',
      'progress %': 40,
      RAG: 'amber',
      'RAG derived': 'red',
      'RAG set by hand because': 'Extension agreed at CSCG',
      links: '/trends?area=E07000102&category=burglary',
      version: 3,
    });
    // A title that looks like a formula is a string cell, not a formula.
    expect(row(3).title).toBe('=HYPERLINK("http://evil.example","Click")');
    // Start and due dates are date cells shown as YYYY-MM-DD, as a month is a date in the exports:
    // Excel filters and sorts them as dates and takes one from another (QA: they were text).
    const due = sheet.getRow(2).getCell(header.indexOf('due') + 1);
    expect(due.value).toEqual(new Date('2026-01-31T00:00:00Z'));
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect(row(2).start).toBeInstanceOf(Date);
    expect((book.getWorksheet('README')!.getColumn(1).values as unknown[]).join(' ')).toContain(
      'Days (YYYY-MM-DD) are dates here',
    );
    const updates = book.getWorksheet('updates')!;
    expect(updates.getRow(2).getCell(6).value).toBe('Visits booked');
  });

  it('writes CSV a spreadsheet opens without running a formula typed into an action', async () => {
    const out = join(dir.path, 'plan.csv');
    expect((await run(['plan', 'report', ...D, '--format', 'csv', '--out', out])).code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(out, 'utf8').replace(/^\uFEFF/u, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(rows).toHaveLength(2);
    expect(rows[1]!.title).toBe('\'=HYPERLINK("http://evil.example","Click")');
    expect(rows.every((r) => !/^[=+\-@]/u.test(Object.values(r).join('')))).toBe(true);
  });

  it('writes HTML with every typed text escaped, and a calendar of due dates', async () => {
    const html = join(dir.path, 'plan.html');
    expect((await run(['plan', 'report', ...D, '--format', 'html', '--out', html])).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('Three Rivers CSP action plan 2025-26');
    expect(page).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;Click&quot;)');
    expect(page).toContain('set by hand: Extension agreed at CSCG');
    // Action 1 is overdue: listed under Overdue as a pointer to its row, its row shown once.
    expect(page.match(/<tr id="action-1">/gu)).toHaveLength(1);
    expect(page).toMatch(/<h2>Overdue<\/h2><ul class="overdue"><li><a href="#action-1">1<\/a>/u);
    // Printed with a browser's defaults (no background graphics), the badges keep their colour.
    expect(page).toContain('print-color-adjust:exact');
    const ics = join(dir.path, 'plan.ics');
    expect(
      (await run(['plan', 'report', ...D, '--format', 'ics', '--out', ics, '--public'])).code,
    ).toBe(0);
    const cal = readFileSync(ics, 'utf8');
    expect(cal.match(/BEGIN:VEVENT/gu)).toHaveLength(1);
    expect(cal).toContain('DTSTART;VALUE=DATE:20260131');
    // Read back by Mozilla's iCalendar parser (the one Thunderbird uses), as a calendar would.
    const calendar = new ICAL.Component(ICAL.parse(cal));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(1);
    expect(events[0]!.startDate.toString()).toBe('2026-01-31');
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[0]!.uid).toMatch(/@/u);
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/Lantern/u);
  });
});

describe('lantern plan review', () => {
  it('reviews each priority of the year, with no later assessment to compare with on the demo store', async () => {
    const { code, json, stderr } = await runJson<{
      then: { id: string } | null;
      now: unknown;
      priorities: { key: string; actions: { total: number; open: number }; moved: string }[];
    }>(['plan', 'review', ...D, '--year', '2025-26']);
    expect(code, stderr).toBe(0);
    expect(json.then).not.toBeNull();
    expect(json.now).toBeNull();
    const burglary = json.priorities.find((p) => p.key === 'burglary')!;
    expect(burglary).toMatchObject({
      actions: { total: 1, open: 1 },
      moved: 'no later assessment to compare with',
    });
  });
});

describe('who may change the plan, and what each change leaves behind', () => {
  let store: Db;
  const local: Actor = { name: 'local:test', user: null };
  const now = new Date('2026-01-20T10:00:00Z');
  const actorFor = async (name: string): Promise<Actor> => {
    const { resolveActor } = await import('../src/usecases/access-actor.js');
    return resolveActor(store, name, 'test');
  };
  const PW = 'a long enough pass phrase';

  beforeAll(async () => {
    store = await openStore(db);
    await addUser(
      store,
      local,
      { name: 'Alex', email: 'alex@herts.gov.uk', organisation: null, role: 'admin', password: PW },
      now,
    );
    for (const org of ['Three Rivers District Council', 'Hertfordshire Constabulary'])
      await addOrganisationNamed(store, local, org, now);
    const users = [
      ['Sam', 'analyst', 'Three Rivers District Council'],
      ['Ana', 'analyst', 'Hertfordshire Constabulary'],
      ['Priya', 'partner', 'Three Rivers District Council'],
      ['Val', 'viewer', 'Three Rivers District Council'],
    ] as const;
    for (const [name, role, organisation] of users)
      await addUser(
        store,
        local,
        { name, email: `${name}@x.gov.uk`, organisation, role, password: PW },
        now,
      );
    for (const user of ['Sam', 'Priya', 'Val'])
      await grantAccess(store, local, { user, area: 'E07000102', level: 'detail' }, now);
    await grantAccess(store, local, { user: 'Ana', area: 'E07000098', level: 'detail' }, now);
  });
  afterAll(() => store.close());

  it('lets an analyst with a grant edit; refuses a viewer, an analyst without a grant and a partner outside their organisation, recording each refusal', async () => {
    const plan = { year: '2025-26' };
    const added = await addAction(
      store,
      await actorFor('Sam'),
      plan,
      {
        priority: 'burglary',
        title: 'Cocooning after each burglary',
        owner: 'PCSO team',
        organisation: 'Hertfordshire Constabulary',
        due: '2026-03-31',
      },
      now,
    );
    expect(added.version).toBe(1);
    await expect(
      updateAction(store, await actorFor('Val'), added.id, 1, { progress: 10 }, now),
    ).rejects.toThrow(/a viewer may not change the action plan/u);
    await expect(
      updateAction(store, await actorFor('Ana'), added.id, 1, { progress: 10 }, now),
    ).rejects.toThrow(/no grant of Ana's covers Three Rivers CSP's area \(E07000102\)/u);
    await expect(
      updateAction(store, await actorFor('Priya'), added.id, 1, { progress: 10 }, now),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      updateAction(
        store,
        await actorFor('Priya'),
        1,
        3,
        { organisation: 'Hertfordshire Constabulary' },
        now,
      ),
    ).rejects.toThrow(
      /only their own organisation's actions \(Three Rivers District Council\), and this one is Hertfordshire Constabulary/u,
    );
    await expect(
      updateAction(
        store,
        await actorFor('Priya'),
        1,
        3,
        { progress: 50, note: 'Half the visits made' },
        now,
      ),
    ).resolves.toMatchObject({ version: 4, progress: 50 });
    const refused = (await readAudit(store)).filter(
      (r) => r.outcome === 'refused' && r.action === 'plan.action.update',
    );
    expect(refused.map((r) => r.actor)).toEqual(expect.arrayContaining(['Val', 'Ana', 'Priya']));
  });

  it('keeps each change in the history (before and after) and the hash-chained audit log', async () => {
    const history = await historyOf(store, 'action', 1);
    expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4]);
    expect(history[0]!.before).toBeNull();
    expect(history[1]).toMatchObject({
      before: { status: 'not-started', progress: 0 },
      after: { status: 'in-progress', progress: 40 },
    });
    expect(history[3]).toMatchObject({
      author: 'Priya',
      after: { progress: 50, updatedBy: 'Priya' },
    });
    const audit = (await readAudit(store)).filter(
      (r) => r.action.startsWith('plan.') && r.outcome === 'ok',
    );
    expect(audit.filter((r) => r.detail?.startsWith('action 1 '))).toHaveLength(4);
    expect(await verifyAuditLog(store)).toMatchObject({ brokenAt: null });
    const detail = await actionDetail(store, FULL_SCOPE, 1, now);
    expect(detail.updates.map((u) => u.note)).toEqual(
      expect.arrayContaining(['Visits booked', 'Half the visits made']),
    );
  });

  it('refuses the slower of two edits from the same version, in process too', async () => {
    const sam = await actorFor('Sam');
    await updateAction(store, sam, 1, 4, { note: 'Checked with the PCSOs' }, now);
    const late = updateAction(store, await actorFor('Priya'), 1, 4, { progress: 70 }, now);
    await expect(late).rejects.toThrow(ConflictError);
    expect((await actionDetail(store, FULL_SCOPE, 1, now)).action).toMatchObject({
      version: 5,
      progress: 50,
    });
    await expect(late).rejects.toThrow(
      /it is now version 5[\s\S]*version 5: Sam at 2026-01-20 10:00 UTC: note: Checked with the PCSOs/u,
    );
  });

  it('shows the plan only to a caller whose grants cover its area; a conflict is HTTP 409', async () => {
    const watford = { areas: ['E07000103'], datasets: 'all' as const };
    await expect(planView(store, watford, { year: '2025-26' }, now)).rejects.toThrow(
      /your access does not cover Three Rivers \(E07000102\), whose plan this is/u,
    );
    const hertfordshire = { areas: ['E23000027'], datasets: 'all' as const };
    await expect(planView(store, hertfordshire, { year: '2025-26' }, now)).resolves.toBeDefined();
    expect(problemOf(new ConflictError('changed')).status).toBe(409);
  });

  it('saves exactly one of two edits from the same version sent at the same moment (two sessions)', async () => {
    const [a, b] = [await store.session(), await store.session()];
    try {
      const sam = await actorFor('Sam');
      const { version } = (await actionDetail(store, FULL_SCOPE, 1, now)).action;
      const results = await Promise.allSettled([
        updateAction(a, sam, 1, version, { progress: 80 }, now),
        updateAction(b, sam, 1, version, { progress: 90 }, now),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      const after = (await actionDetail(store, FULL_SCOPE, 1, now)).action;
      expect(after.version).toBe(version + 1);
      expect((await historyOf(store, 'action', 1)).map((h) => h.version)).toContain(version + 1);
    } finally {
      a.close();
      b.close();
    }
  });

  it("sets a group's members, and replaces them only from the version read", async () => {
    const sam = await actorFor('Sam');
    const group = {
      partnership: 'Three Rivers CSP',
      name: 'ASB Action Group',
      members: [
        'Jemma Duffell (Three Rivers District Council)',
        'Andrew Palfreyman (Hertfordshire Constabulary)',
      ],
    };
    const first = await setGroup(store, sam, group, now);
    expect(first.members).toEqual([
      { name: 'Jemma Duffell', organisation: 'Three Rivers District Council', role: null },
      { name: 'Andrew Palfreyman', organisation: 'Hertfordshire Constabulary', role: null },
    ]);
    await expect(
      setGroup(store, sam, { ...group, members: ['Rebecca Young'] }, now),
    ).rejects.toThrow(/has members already \(version 2\)/u);
    const second = await setGroup(
      store,
      sam,
      { ...group, members: ['Rebecca Young'] },
      now,
      first.version,
    );
    expect(second).toMatchObject({
      version: 3,
      members: [{ name: 'Rebecca Young', organisation: null }],
    });
    await expect(setGroup(store, await actorFor('Val'), group, now, 3)).rejects.toThrow(
      ForbiddenError,
    );
    const history = await historyOf(store, 'group', second.id);
    expect(history.at(-1)).toMatchObject({
      before: { members: group.members },
      after: { members: ['Rebecca Young'] },
    });
  });

  it('saves a meeting with the actions it raised, once, as minutes import will', async () => {
    const sam = await actorFor('Sam');
    const meeting = {
      partnership: 'Three Rivers CSP',
      title: 'CSCG 2025-11-12',
      date: '2025-11-12',
      group: 'Community Safety Coordinating Group',
      attendees: ['Andrew Palfreyman', 'Shivani Davé'],
      agenda: ['Local Crime Trends and Strategic Priorities 2025-2026'],
      decisions: [],
      source: 'minutes.txt',
    };
    const actions = [
      {
        title: 'Shivani Davé to provide the link to the Hate crime JSNA',
        owner: 'Shivani Davé',
        priority: 'hate-crime',
      },
    ];
    expect(await previewMeeting(store, meeting, actions)).toMatchObject({
      held: null,
      plan: { year: '2025-26' },
      toAdd: [actions[0]!.title],
      kept: [],
    });
    const saved = await saveMeeting(store, sam, meeting, actions, now);
    expect(
      await previewMeeting(store, meeting, [
        ...actions,
        { title: 'Arrange a session for volunteers' },
      ]),
    ).toMatchObject({
      held: { version: 1 },
      toAdd: ['Arrange a session for volunteers'],
      kept: [actions[0]!.title],
    });
    expect(saved).toMatchObject({
      created: true,
      meeting: { version: 1 },
      plan: { year: '2025-26' },
    });
    expect(saved.added.map((a) => [a.meetingId, a.owner])).toEqual([
      [saved.meeting.id, 'Shivani Davé'],
    ]);
    await expect(saveMeeting(store, sam, meeting, actions, now)).rejects.toThrow(
      /is saved already \(version 1\)/u,
    );
    const again = await saveMeeting(store, sam, meeting, actions, now, 1);
    expect(again).toMatchObject({
      created: false,
      added: [],
      kept: [actions[0]!.title],
      meeting: { version: 2 },
    });
    const view = await planView(store, FULL_SCOPE, { year: '2025-26' }, now);
    expect(view.actions.filter((a) => a.meetingId === saved.meeting.id)).toHaveLength(1);
  });
});

// Last: once carried over, the 2025-26 actions are closed there (the tests above edit them).
describe('lantern plan carry-over', () => {
  it("carries the year's open actions into the next, once", async () => {
    const first = await runJson<{ carried: { from: number; to: number }[]; planCreated: boolean }>([
      'plan',
      'carry-over',
      ...D,
      '--from',
      '2025-26',
      '--to',
      '2026-27',
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json.planCreated).toBe(true);
    const open = (
      await runJson<{ actions: ShownAction[] }>(['plan', 'show', ...D, '--year', '2025-26'])
    ).json.actions
      .filter((a) => a.status !== 'complete' && a.status !== 'cancelled')
      .map((a) => a.id);
    expect(first.json.carried.map((c) => c.from)).toEqual(open);
    const again = await runJson<{ carried: unknown[]; alreadyCarried: number }>([
      'plan',
      'carry-over',
      ...D,
      '--from',
      '2025-26',
      '--to',
      '2026-27',
    ]);
    expect(again.json).toMatchObject({ carried: [], alreadyCarried: open.length });
    const next = await runJson<{ actions: (ShownAction & { carriedFrom: number })[] }>([
      'plan',
      'show',
      ...D,
      '--year',
      '2026-27',
    ]);
    const before = (
      await runJson<{ actions: ShownAction[] }>(['plan', 'show', ...D, '--year', '2025-26'])
    ).json.actions;
    expect(next.json.actions.map((a) => [a.carriedFrom, a.status, a.progress])).toEqual(
      open.map((id) => {
        const a = before.find((b) => b.id === id)!;
        return [id, a.status, a.progress];
      }),
    );
  });
});
