/**
 * Issue 21 in the dashboard: the action plan by priority with its overdue and due-soon counts,
 * filters in the address, an action's page with its updates, history and update form (saved with
 * the version read; a second save from the old version is refused with HTTP 409 and who changed
 * what), who may see the form and post it, the meetings with their action logs, and text from
 * people (titles, notes) escaped. On the demo store with a plan made by the commands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readAudit } from '../../src/store/audit-log.js';
import { run, runJson } from '../helpers/cli.js';
import { addAccounts } from '../helpers/accounts.js';
import { threeRiversPlan } from '../helpers/plan.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const PW = { LANTERN_PASSWORD: 'correct horse battery staple' };
const ORIGIN = { Origin: 'http://localhost' };
const XSS = '<img src=x onerror=alert(1)>';
// The commands date what they add by the real clock: the server's day is today, fixed for the file.
const NOW = new Date();
const day = (offset: number) =>
  new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const MINUTE = NOW.toISOString().slice(0, 16).replace('T', ' ');
const dir = tempDir();
let server: TestServer;
let empty: TestServer;
let ids: { visits: number; patrols: number; leaflets: number };
let priorities: { key: string; label: string }[];

async function cli(args: string[], db: string) {
  const r = await run([...args, '--db', db], PW);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r;
}

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  priorities = await threeRiversPlan(db);
  const other = priorities.find((p) => p.key !== 'burglary')!.key;
  const add = async (args: string[]) =>
    (await runJson<{ id: number }>(['plan', 'action', 'add', ...args, '--db', db], PW)).json.id;
  ids = {
    // Due five days ago: overdue.
    visits: await add([
      '--priority',
      'burglary',
      '--title',
      'Target-hardening visits in the top hotspot',
      '--owner',
      'Community Safety Officer',
      '--org',
      'Three Rivers District Council',
      '--due',
      day(-5),
      '--link',
      '/trends?area=Three%20Rivers&category=burglary',
    ]),
    // Due in five days, nothing done: amber by the rules, green by hand.
    patrols: await add([
      '--priority',
      other,
      '--title',
      `Patrols ${XSS}`,
      '--owner',
      'Sergeant Khan',
      '--org',
      'Hertfordshire Constabulary',
      '--due',
      day(5),
      '--link',
      'https://www.hertfordshire.gov.uk/jsna',
    ]),
    leaflets: await add([
      '--priority',
      'burglary',
      '--title',
      'Leaflet drop',
      '--owner',
      'Priya',
      '--org',
      'Three Rivers DC',
      '--due',
      day(75),
    ]),
  };
  await cli(
    [
      'plan',
      'action',
      'update',
      String(ids.patrols),
      '--rag',
      'green',
      '--rag-reason',
      'Extra officers agreed for the week',
      '--expect-version',
      '1',
    ],
    db,
  );
  await cli(
    [
      'minutes',
      'import',
      'test/fixtures/minutes/cscg-2025-11-12.docx',
      '--meeting',
      'CSCG 2025-11-12',
      '--accept',
      'all',
    ],
    db,
  );
  const tr = { organisation: 'Three Rivers DC', grants: [{ area: 'Three Rivers' }] };
  await addAccounts(db, [
    { name: 'Alex', role: 'admin', organisation: 'Three Rivers DC' },
    { name: 'Sam', role: 'analyst', ...tr },
    { name: 'Priya', role: 'partner', ...tr },
    { name: 'Val', role: 'viewer', ...tr },
    {
      name: 'Wendy',
      role: 'analyst',
      organisation: 'Three Rivers DC',
      grants: [{ area: 'Watford' }],
    },
  ]);
  server = await testServer(db, { clock: () => NOW });
  empty = await testServer(demoStoreCopy(dir.path, 'empty.duckdb'));
});
afterAll(() => {
  server.close();
  empty.close();
  dir.remove();
});

const sessions = new Map<string, string>();
async function as(who: string): Promise<Record<string, string>> {
  if (!sessions.has(who)) {
    const r = await server.app.request('/sign-in', {
      method: 'POST',
      headers: ORIGIN,
      body: new URLSearchParams({ who, password: PW.LANTERN_PASSWORD, next: '/plan' }),
    });
    sessions.set(who, /lantern_session=[^;]+/u.exec(r.headers.get('Set-Cookie') ?? '')?.[0] ?? '');
  }
  return { Cookie: sessions.get(who)!, ...ORIGIN };
}
const get = async (path: string, who = 'Sam') =>
  server.app.request(path, { headers: await as(who) });
const post = async (path: string, fields: Record<string, string>, who = 'Sam') =>
  server.app.request(path, {
    method: 'POST',
    headers: await as(who),
    body: new URLSearchParams(fields),
  });
/** The visible text of a page, tags dropped and spaces collapsed. */
const words = (page: string) =>
  page
    .replace(/<[^>]+>/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/&#39;/gu, "'")
    .replace(/&quot;/gu, '"');

describe('the plan page', () => {
  it('shows each priority with its actions, their RAG (an override with its reason), and the overdue and due-soon counts', async () => {
    const r = await get('/plan');
    expect(r.status).toBe(200);
    const page = await r.text();
    const text = words(page);
    expect(text).toContain('Action plan: Three Rivers CSP 2025-26');
    for (const p of priorities) expect(text).toContain(p.label);
    // The counts at the top agree with the actions listed (those of the minutes are overdue too).
    const overdue = Number(/Overdue (\d+) Due within 14 days 1 /u.exec(text)?.[1]);
    expect(overdue).toBeGreaterThan(1);
    expect(text.match(/\d+ days? overdue/gu)?.length).toBe(overdue);
    expect(text).toContain('Target-hardening visits in the top hotspot');
    expect(text).toContain('5 days overdue');
    expect(page).toContain('<span class="rag rag-red">Red</span>');
    expect(text).toContain(
      'Green set by hand: Extra officers agreed for the week. Derived: Amber (due in 5 days and 0% done)',
    );
    expect(page).toContain('href="/trends?area=Three%20Rivers&amp;category=burglary"');
    expect(page).toContain('href="https://www.hertfordshire.gov.uk/jsna"');
    expect(page).toContain(`href="/plan/actions/${ids.visits}"`);
    expect(text).toContain('Actions by owner and organisation');
    // Sergeant Khan's patrols, and Andrew Palfreyman's action from the minutes (whose Present list
    // gives his organisation): no due date, so amber.
    expect(text).toMatch(/Hertfordshire Constabulary 2 2 0 1 0 0 1 1/u);
    expect(page).toMatch(/<a\s+href="\/plan\?[^"]*"\s+aria-current="page"\s*>Plan<\/a/u);
  });

  it('escapes what people typed: a title with markup is shown as text', async () => {
    const page = await (await get('/plan')).text();
    expect(page).not.toContain(XSS);
    expect(page).toContain('Patrols &lt;img src=x onerror=alert(1)&gt;');
  });

  it('filters by organisation, owner, status and RAG from the address', async () => {
    const police = words(
      await (await get('/plan?organisation=Hertfordshire%20Constabulary')).text(),
    );
    expect(police).toContain('Patrols');
    expect(police).not.toContain('Target-hardening visits');
    expect(police).toMatch(/Actions shown 2 of \d+/u);
    const red = words(await (await get('/plan?rag=red')).text());
    expect(red).toContain('Target-hardening visits');
    expect(red).not.toContain('Leaflet drop');
    const owner = words(await (await get('/plan?owner=Priya')).text());
    expect(owner).toContain('Leaflet drop');
    expect(owner).not.toContain('Patrols');
    const none = await get('/plan?status=cancelled');
    expect(words(await none.text())).toContain('No action matches these filters');
    const bad = await get('/plan?rag=purple');
    expect(bad.status).toBe(400);
    expect(words(await bad.text())).toContain('"purple"');
    const year = await get('/plan?year=2023-24');
    expect(year.status).toBe(404);
    expect(words(await year.text())).toContain('no action plan for Three Rivers CSP 2023-24');
  });

  it('says in plain words when there is no plan and no meeting yet', async () => {
    const plan = words(await (await empty.app.request('/plan')).text());
    expect(plan).toContain('No plan yet: an analyst creates it with lantern plan create');
    const meetings = words(await (await empty.app.request('/plan/meetings')).text());
    expect(meetings).toContain('No meetings yet');
  });

  it('sends someone not signed in to sign in first, and refuses their post', async () => {
    const r = await server.app.request('/plan?year=2025-26');
    expect(r.status).toBe(302);
    expect(r.headers.get('Location')).toBe('/sign-in?next=%2Fplan%3Fyear%3D2025-26');
    const p = await server.app.request(`/plan/actions/${ids.visits}`, {
      method: 'POST',
      headers: ORIGIN,
      body: new URLSearchParams({ version: '1', note: 'x' }),
    });
    expect(p.status).toBe(401);
    // A page that says nothing was saved and leads back, not the API's JSON (QA).
    expect(p.headers.get('Content-Type')).toMatch(/^text\/html/u);
    expect(words(await p.text())).toContain('You are signed out: nothing was saved');
  });
});

describe("an action's page", () => {
  it('saves an update from the form, then refuses a second one from the old version with 409 and who changed what', async () => {
    const before = await (await get(`/plan/actions/${ids.visits}`)).text();
    expect(before).toMatch(/<form\s+class="update-form"/u);
    expect(before).toContain('name="version" value="1"');
    const saved = await post(`/plan/actions/${ids.visits}`, {
      version: '1',
      status: 'in-progress',
      progress: '40',
      note: `Visits booked ${XSS}`,
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('Location')).toBe(`/plan/actions/${ids.visits}?saved=2`);
    const after = await (await get(saved.headers.get('Location')!)).text();
    const text = words(after);
    expect(text).toContain('Your update was saved: the action is now at version 2');
    expect(text).toContain('Sam · In progress · 40% done');
    expect(after).toContain('Visits booked &lt;img src=x onerror=alert(1)&gt;');
    expect(after).not.toContain(XSS);
    expect(text).toMatch(new RegExp(`2 ${MINUTE} Sam status not-started → in-progress`, 'u'));

    const stale = await post(`/plan/actions/${ids.visits}`, {
      version: '1',
      status: 'on-hold',
      progress: '40',
      note: 'Paused for the holidays',
    });
    expect(stale.status).toBe(409);
    const refused = await stale.text();
    const said = words(refused);
    expect(said).toContain(
      'was changed since you read it (you read version 1; it is now version 2), so your change was not saved',
    );
    expect(said).toContain(`version 2: Sam at ${MINUTE} UTC`);
    expect(said).toContain('repeat it with version 2');
    // The form again, at the current values, with the note typed kept.
    expect(refused).toContain('name="version" value="2"');
    expect(refused).toMatch(/<option value="in-progress"\s+selected/u);
    expect(refused).toContain('Paused for the holidays</textarea>');

    const db = await server.ctx.store.session();
    try {
      const audit = (await readAudit(db)).filter((a) => a.action === 'plan.action.update');
      expect(audit.map((a) => [a.actor, a.outcome])).toEqual(
        expect.arrayContaining([
          ['Sam', 'ok'],
          ['Sam', 'refused'],
        ]),
      );
    } finally {
      db.close();
    }
  });

  it('says what to change when the form asks for nothing or something impossible', async () => {
    const r = await get(`/plan/actions/${ids.leaflets}`);
    const version = /name="version" value="(\d+)"/u.exec(await r.text())![1]!;
    const nothing = await post(`/plan/actions/${ids.leaflets}`, {
      version,
      status: 'not-started',
      progress: '0',
    });
    expect(nothing.status).toBe(400);
    expect(words(await nothing.text())).toContain('Nothing to save');
    const wrong = await post(`/plan/actions/${ids.leaflets}`, {
      version,
      status: 'on-hold',
      progress: '140',
    });
    expect(wrong.status).toBe(400);
    const page = await wrong.text();
    expect(words(page)).toContain('progress "140" is not a whole percentage');
    // The form keeps what was typed, to be corrected.
    expect(page).toContain('value="140"');
    expect(page).toMatch(/<option value="on-hold"\s+selected/u);
    // The page's address echoes only a version number.
    const echoed = await (
      await get(`/plan/actions/${ids.leaflets}?saved=${encodeURIComponent(XSS)}`)
    ).text();
    expect(echoed).not.toContain('Your update was saved');
  });

  it('shows a viewer no form and refuses their post; a partner may update only their organisation’s actions', async () => {
    const page = await (await get(`/plan/actions/${ids.visits}`, 'Val')).text();
    expect(page).not.toContain('update-form');
    expect(words(page)).toContain('You may read this action but not change it');
    const viewer = await post(`/plan/actions/${ids.visits}`, { version: '2', note: 'x' }, 'Val');
    expect(viewer.status).toBe(403);
    expect(viewer.headers.get('X-Lantern-Refused')).toBe('role');

    const theirs = await (await get(`/plan/actions/${ids.visits}`, 'Priya')).text();
    expect(theirs).not.toContain('update-form');
    const refused = await post(`/plan/actions/${ids.visits}`, { version: '2', note: 'x' }, 'Priya');
    expect(refused.status).toBe(403);
    expect(words(await refused.text())).toContain(
      "a partner may change only their own organisation's actions",
    );
    const own = await (await get(`/plan/actions/${ids.leaflets}`, 'Priya')).text();
    expect(own).toContain('update-form');
    const ok = await post(
      `/plan/actions/${ids.leaflets}`,
      { version: '1', note: 'Leaflets printed' },
      'Priya',
    );
    expect(ok.status).toBe(303);
    const detail = words(await (await get(`/plan/actions/${ids.visits}`)).text());
    expect(detail).not.toContain('x</p>');
  });

  it('shows nothing of a plan to someone whose grants do not cover its area, and refuses their update', async () => {
    expect(words(await (await get('/plan', 'Wendy')).text())).toContain(
      'No plan you may see: the plans held are for areas your access does not cover',
    );
    const action = await get(`/plan/actions/${ids.visits}`, 'Wendy');
    expect(action.status).toBe(403);
    expect(words(await action.text())).toContain('your access does not cover Three Rivers');
    const update = await post(`/plan/actions/${ids.visits}`, { version: '9', note: 'x' }, 'Wendy');
    expect(update.status).toBe(403);
    expect(words(await (await get('/plan/meetings', 'Wendy')).text())).toContain(
      'No meeting you may see',
    );
    const list = await (await get('/plan/meetings')).text();
    const id = /href="\/plan\/meetings\/(\d+)"/u.exec(list)![1];
    expect((await get(`/plan/meetings/${id}`, 'Wendy')).status).toBe(403);
  });

  it('refuses a form posted from another site', async () => {
    const r = await server.app.request(`/plan/actions/${ids.leaflets}`, {
      method: 'POST',
      headers: { ...(await as('Sam')), Origin: 'https://evil.example' },
      body: new URLSearchParams({ version: '2', note: 'forged' }),
    });
    expect(r.status).toBe(403);
    expect(words(await (await get(`/plan/actions/${ids.leaflets}`)).text())).not.toContain(
      'forged',
    );
  });

  it('answers an unknown action in words', async () => {
    const r = await get('/plan/actions/999');
    expect(r.status).toBe(404);
    expect(words(await r.text())).toContain('there is no action 999');
  });
});

describe('the meetings', () => {
  it('lists each meeting with its date, attendees and actions raised, and shows its action log', async () => {
    const list = await (await get('/plan/meetings')).text();
    expect(words(list)).toContain('2025-11-12 CSCG 2025-11-12');
    const id = /href="\/plan\/meetings\/(\d+)"/u.exec(list)![1];
    const r = await get(`/plan/meetings/${id}`);
    expect(r.status).toBe(200);
    const text = words(await r.text());
    expect(text).toContain('Meeting: CSCG 2025-11-12');
    expect(text).toContain('Attendees');
    expect(text).toContain('Action log');
    expect(text).toContain('Michael Nadasdy');
    expect(text).toMatch(/overdue/u);
  });
});
