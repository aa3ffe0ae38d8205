/**
 * Issue 20's pages for people who run Lantern, in process: the first-run set-up page (only while
 * the store has no account, only from this computer, only from this server's own form), and the
 * administration pages (admins only): users with their grants, lockout and last sign-in, adding a
 * user, an admin-driven password reset and an unlock through the page, and the audit log with its
 * hash chain checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const PASSWORD = 'correct horse battery staple';
const ORIGIN = { Origin: 'http://localhost' };
const dir = tempDir();
let server: TestServer;

beforeAll(async () => {
  server = await testServer(demoStoreCopy(dir.path));
});
afterAll(() => {
  server.close();
  dir.remove();
});

/** What the Node server gives a request that came over a socket from this address. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
const LOCAL = from('127.0.0.1');
let nextAddress = 1;
/** A fresh address for each sign-in, so the per-address limit of sign-ins does not interfere. */
const someone = () => from(`192.0.2.${nextAddress++}`);

const text = async (r: Response) => (await r.text()).replace(/\s+/gu, ' ');
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

async function signIn(who: string, password = PASSWORD): Promise<Response> {
  return server.app.request(
    '/sign-in',
    { method: 'POST', headers: ORIGIN, body: form({ who, password, next: '/' }) },
    someone(),
  );
}
async function as(who: string, password = PASSWORD): Promise<Record<string, string>> {
  const r = await signIn(who, password);
  expect(r.status, `${who} signs in`).toBe(303);
  const cookie = /lantern_session=[^;]+/u.exec(r.headers.get('Set-Cookie') ?? '')?.[0] ?? '';
  return { Cookie: cookie, ...ORIGIN };
}
const post = async (
  path: string,
  headers: Record<string, string>,
  fields: Record<string, string>,
) => server.app.request(path, { method: 'POST', headers, body: form(fields) });

const ALEX = {
  name: 'Alex',
  email: 'alex@example.gov.uk',
  organisation: 'Three Rivers DC',
  password: PASSWORD,
  password2: PASSWORD,
};

describe('the first-run set-up page', () => {
  it('is open only from this computer', async () => {
    expect((await server.app.request('/setup', {}, someone())).status).toBe(403);
    // No socket at all (nothing says where it came from): refused too.
    expect((await server.app.request('/setup')).status).toBe(403);
    // A name that is not this computer's, though the address is (a site rebinding its name here).
    const rebound = await server.app.request(
      'http://evil.example/setup',
      { headers: { Host: 'evil.example' } },
      LOCAL,
    );
    expect(rebound.status).toBe(403);
    const page = await server.app.request('/setup', {}, LOCAL);
    expect(page.status).toBe(200);
    expect(await text(page)).toContain('Create the administrator');
    const refused = await server.app.request(
      '/setup',
      { method: 'POST', headers: ORIGIN, body: form(ALEX) },
      someone(),
    );
    expect(refused.status).toBe(403);
  });

  it('refuses a form from another site, and two passwords that differ', async () => {
    const forged = await server.app.request(
      '/setup',
      { method: 'POST', headers: { Origin: 'http://evil.example' }, body: form(ALEX) },
      LOCAL,
    );
    expect(forged.status).toBe(403);
    const differ = await server.app.request(
      '/setup',
      { method: 'POST', headers: ORIGIN, body: form({ ...ALEX, password2: `${PASSWORD}!` }) },
      LOCAL,
    );
    expect(differ.status).toBe(400);
    const body = await text(differ);
    expect(body).toContain('The two passwords are not the same');
    expect(body).toContain('value="alex@example.gov.uk"');
  });

  it('creates the first admin once, then closes', async () => {
    const made = await server.app.request(
      '/setup',
      { method: 'POST', headers: ORIGIN, body: form(ALEX) },
      LOCAL,
    );
    expect(made.status).toBe(303);
    expect(made.headers.get('Location')).toBe('/sign-in?next=%2Fadmin');
    expect((await server.app.request('/setup', {}, LOCAL)).status).toBe(404);
    const again = await server.app.request(
      '/setup',
      {
        method: 'POST',
        headers: ORIGIN,
        body: form({ ...ALEX, name: 'Mallory', email: 'm@example.org' }),
      },
      LOCAL,
    );
    expect(again.status).toBe(404);
    // The store now has an account: the dashboard asks for a sign-in.
    expect((await server.app.request('/', {}, LOCAL)).status).toBe(302);
    await as('Alex');
  });
});

describe('the administration pages', () => {
  beforeAll(async () => {
    const alex = await as('Alex');
    for (const [name, role] of [
      ['Priya', 'partner'],
      ['Sam', 'analyst'],
      ['Val', 'viewer'],
    ] as const) {
      const r = await post('/admin/users', alex, {
        name,
        email: `${name.toLowerCase()}@example.gov.uk`,
        organisation: 'Three Rivers DC',
        role,
        password: PASSWORD,
        password2: PASSWORD,
      });
      expect(r.status, name).toBe(200);
      expect(await text(r)).toContain(`${name} was added as ${role}`);
    }
  });

  it('lets an admin in, refuses the other roles, and sends anyone else to sign in', async () => {
    const page = await server.app.request('/admin', { headers: await as('Alex') });
    expect(page.status).toBe(200);
    const body = await text(page);
    for (const name of ['Alex', 'Priya', 'Sam', 'Val']) expect(body).toContain(`>${name}<`);
    expect(body).toContain('none: sees nothing');
    // The dashboard links an admin, and only an admin, to these pages.
    const dashboard = async (who: string) =>
      text(await server.app.request('/data', { headers: await as(who) }));
    expect(await dashboard('Alex')).toContain('<a href="/admin">Administration</a>');
    expect(await dashboard('Sam')).not.toContain('href="/admin"');
    for (const who of ['Priya', 'Sam', 'Val'])
      for (const path of ['/admin', '/admin/audit']) {
        const r = await server.app.request(path, { headers: await as(who) });
        expect(r.status, `${who} ${path}`).toBe(403);
      }
    const refused = await post('/admin/unlock', await as('Sam'), { user: 'Priya' });
    expect(refused.status).toBe(403);
    const anonymous = await server.app.request('/admin/audit');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toBe('/sign-in?next=%2Fadmin%2Faudit');
  });

  it('refuses a user the page cannot add, saying why', async () => {
    const r = await post('/admin/users', await as('Alex'), {
      name: 'Priya',
      email: 'priya2@example.gov.uk',
      role: 'partner',
      password: PASSWORD,
      password2: PASSWORD,
    });
    expect(r.status).toBe(400);
    expect(await text(r)).toContain('already exists');
  });

  it('unlocks an account locked by failed sign-ins', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signIn('Priya', 'wrong password!!')).status).toBe(401);
    expect((await signIn('Priya')).status).toBe(401);
    const alex = await as('Alex');
    const locked = await text(await server.app.request('/admin', { headers: alex }));
    expect(locked).toMatch(/locked until 2026-01-15 12:15 UTC/u);
    // Each row's buttons say whose they are to a screen reader, as "Disable Priya" does: a list
    // of the page's buttons gave "Reset password" once for each user (QA).
    expect(locked).toContain('aria-label="Unlock Priya"');
    expect(locked).toContain('aria-label="Reset password of Priya"');
    expect(locked).toContain('aria-label="Reset password of Alex"');
    const r = await post('/admin/unlock', alex, { user: 'Priya' });
    expect(r.status).toBe(200);
    expect(await text(r)).toContain('Priya is unlocked');
    expect((await signIn('Priya')).status).toBe(303);
  });

  it('resets a password: the admin gets a one-time token, the person sets a new password with it', async () => {
    const r = await post('/admin/reset', await as('Alex'), { user: 'Val' });
    expect(r.status).toBe(200);
    const token = /lrt_[A-Za-z0-9_-]+/u.exec(await text(r))?.[0];
    expect(token).toBeDefined();
    const fresh = 'a new and longer passphrase';
    const set = await post('/reset-password', ORIGIN, {
      token: token!,
      password: fresh,
      password2: fresh,
    });
    expect(set.status).toBe(303);
    expect((await signIn('Val')).status).toBe(401);
    expect((await signIn('Val', fresh)).status).toBe(303);
    // Used once only.
    const reused = await post('/reset-password', ORIGIN, {
      token: token!,
      password: PASSWORD,
      password2: PASSWORD,
    });
    expect(reused.status).toBe(400);
  });

  it('shows the audit log newest first, with the chain checked, and finds an edited row', async () => {
    const alex = await as('Alex');
    const page = await text(await server.app.request('/admin/audit', { headers: alex }));
    expect(page).toContain('The hash chain is intact');
    const seqs = [...page.matchAll(/<td class="num">(\d+)<\/td>/gu)].map((m) => Number(m[1]));
    expect(seqs.length).toBeGreaterThan(10);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    for (const action of [
      'user.add-first-admin',
      'user.add',
      'user.unlock',
      'password.reset-start',
      'password.reset-complete',
    ])
      expect(page).toContain(`<td>${action}</td>`);
    // Paged: 50 to a page, older rows on the next.
    const total = Number(/\((\d+) rows\)/u.exec(page)?.[1]);
    if (total > 50) expect(page).toContain('href="/admin/audit?page=2"');
    // A row edited behind Lantern's back is found.
    const db = await server.ctx.store.session();
    try {
      await db.run(`UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 2`);
    } finally {
      db.close();
    }
    const broken = await text(await server.app.request('/admin/audit', { headers: alex }));
    expect(broken).toContain('The hash chain is broken at row 2');
  });
});
