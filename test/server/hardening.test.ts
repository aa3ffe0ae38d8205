/**
 * What a security test of `lantern serve` found, each checked over the server's routes in process:
 * bodies larger than any form refused before they are read, and passwords beyond 1,024
 * characters; a Content-Security-Policy and Cache-Control: no-store on the signed-in pages and the
 * API; an id too large for the store refused as bad input (not a 500); every kind of refusal
 * audited, a flood of them in one row a minute; no absolute path of the server in an answer; and
 * an admin taking access away (a user, a grant, a token) while the server runs.
 */
import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readAudit, type AuditRow } from '../../src/store/audit-log.js';
import { verifyPassword } from '../../src/usecases/password-hash.js';
import { addAccounts, TEST_PASSWORD } from '../helpers/accounts.js';
import { run, runJson } from '../helpers/cli.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { threeRiversPlan } from '../helpers/plan.js';
import { tempDir } from '../helpers/temp.js';

const ORIGIN = { Origin: 'http://localhost' };
const dir = tempDir();
let server: TestServer;
/** The server's clock, moved on by the tests that need a new minute. */
let now = new Date('2026-01-15T12:00:00Z');
const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
let revokedToken: string;
let liveToken: string;

/** What the Node server gives a request that came over a socket from this address. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
let nextAddress = 1;
const someone = () => from(`192.0.2.${nextAddress++}`);

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const sessions = new Map<string, string>();
async function as(who: string): Promise<Record<string, string>> {
  if (!sessions.has(who)) {
    const r = await server.app.request(
      '/sign-in',
      { method: 'POST', headers: ORIGIN, body: form({ who, password: TEST_PASSWORD, next: '/' }) },
      someone(),
    );
    expect(r.status, `${who} signs in`).toBe(303);
    sessions.set(who, /lantern_session=[^;]+/u.exec(r.headers.get('Set-Cookie') ?? '')![0]);
  }
  return { Cookie: sessions.get(who)!, ...ORIGIN };
}
const get = async (who: string, path: string) =>
  server.app.request(path, { headers: await as(who) });
const post = async (who: string, path: string, fields: Record<string, string>) =>
  server.app.request(path, { method: 'POST', headers: await as(who), body: form(fields) });

/** The audit log as the server's store holds it now, oldest first. */
async function audit(): Promise<AuditRow[]> {
  const db = await server.ctx.store.session();
  try {
    return await readAudit(db, {});
  } finally {
    db.close();
  }
}
/** The rows added while `act` ran. */
async function rowsOf(act: () => Promise<unknown>): Promise<AuditRow[]> {
  const before = (await audit()).length;
  await act();
  return (await audit()).slice(before);
}

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire' }] },
    {
      name: 'Priya',
      role: 'partner',
      organisation: 'Three Rivers DC',
      grants: [{ area: 'Three Rivers' }],
    },
    { name: 'Val', role: 'viewer', grants: [{ area: 'Three Rivers' }] },
    { name: 'Dee', role: 'analyst', grants: [{ area: 'Hertfordshire' }] },
    { name: 'Kim', role: 'partner', grants: [{ area: 'Watford' }] },
  ]);
  const token = async (user: string) =>
    (
      await runJson<{ token: string }>(
        [
          'tokens',
          'create',
          '--user',
          user,
          '--name',
          'script',
          '--expires',
          '300d',
          '--as',
          'Alex',
          '--db',
          db,
        ],
        {},
      )
    ).json.token;
  revokedToken = await token('Priya');
  liveToken = await token('Kim');
  const revoked = await run(
    ['tokens', 'revoke', '--token', revokedToken.slice(0, 12), '--as', 'Alex', '--db', db],
    {},
  );
  expect(revoked.code, revoked.stderr).toBe(0);
  // A plan with one action (number 1), for the ids.
  await threeRiversPlan(db);
  const action = await run(
    [
      'plan',
      'action',
      'add',
      '--priority',
      'burglary',
      '--title',
      'Visits',
      '--owner',
      'CSO',
      '--org',
      'Three Rivers DC',
      '--due',
      '2026-03-31',
      '--db',
      db,
    ],
    {},
  );
  expect(action.code, action.stderr).toBe(0);
  server = await testServer(db, { clock: () => now, env: { LANTERN_SECURE_COOKIES: '1' } });
});
afterAll(() => {
  server.close();
  dir.remove();
});

describe('bodies and passwords', () => {
  const big = 'x'.repeat(1024 * 1024);

  it('refuses a form body larger than 16 KiB before reading it, wherever it is posted', async () => {
    for (const [path, fields] of [
      ['/sign-in', { who: 'Alex', password: big, next: '/' }],
      ['/reset-password', { token: 'lrt_x', password: big, password2: big }],
      ['/setup', { name: 'Mallory', email: 'm@example.org', password: big, password2: big }],
    ] as const) {
      const r = await server.app.request(
        path,
        { method: 'POST', headers: ORIGIN, body: form(fields) },
        someone(),
      );
      expect(r.status, path).toBe(413);
      expect(await r.text()).toMatch(/larger than 16 KiB/u);
    }
    const admin = await post('Alex', '/admin/users', { name: 'Big', password: big });
    expect(admin.status).toBe(413);
  });

  it('refuses a password longer than 1,024 characters when one is set', async () => {
    const long = 'correct horse '.repeat(80); // 1,120 characters, 1.1 KiB: within the body limit
    const added = await post('Alex', '/admin/users', {
      name: 'Lee',
      email: 'lee@example.gov.uk',
      organisation: '',
      role: 'viewer',
      password: long,
      password2: long,
    });
    expect(added.status).toBe(400);
    expect(await added.text()).toContain('at most 1024 characters');
    const reset = await server.app.request(
      '/reset-password',
      {
        method: 'POST',
        headers: ORIGIN,
        body: form({ token: 'lrt_x', password: long, password2: long }),
      },
      someone(),
    );
    expect(reset.status).toBe(400);
    expect(await reset.text()).toContain('at most 1024 characters');
  });

  it('never matches a password that long at sign-in (it is not hashed at all)', async () => {
    const long = 'p'.repeat(1025);
    // A hash made of it elsewhere: even so, it is refused without being checked.
    expect(await verifyPassword(await hash(long), long)).toBe(false);
    expect(await verifyPassword(await hash('p'.repeat(1024)), 'p'.repeat(1024))).toBe(true);
    const r = await server.app.request(
      '/sign-in',
      { method: 'POST', headers: ORIGIN, body: form({ who: 'Alex', password: long, next: '/' }) },
      someone(),
    );
    expect(r.status).toBe(401);
  });
});

describe('headers', () => {
  it('sends a strict Content-Security-Policy with the signed-in pages and the sign-in pages', async () => {
    const pages = [
      await get('Alex', '/'),
      await get('Alex', '/admin'),
      await get('Alex', '/plan'),
      await server.app.request('/sign-in'),
      await server.app.request('/reset-password'),
    ];
    for (const page of pages) {
      const policy = page.headers.get('Content-Security-Policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(page.headers.get('Referrer-Policy')).toBe('same-origin');
    }
  });

  it('lets no browser or proxy keep a signed-in page or an API answer (a reset token is on /admin)', async () => {
    const answers = [
      await get('Alex', '/'),
      await get('Alex', '/admin'),
      await post('Alex', '/admin/reset', { user: 'Val' }),
      await get('Alex', '/api/summary?area=Three%20Rivers&period=2025'),
      await get('Alex', '/api/summary?area=Three%20Rivers&period=2025'), // an answer kept
      await get('Alex', '/api/openapi.json'),
      await get('Priya', '/api/summary?area=Watford&period=2025'), // refused
    ];
    for (const r of answers) expect(r.headers.get('Cache-Control')).toBe('no-store');
  });

  it('marks the session cookie Secure when told the server is reached over https (LANTERN_SECURE_COOKIES)', async () => {
    const r = await server.app.request(
      '/sign-in',
      {
        method: 'POST',
        headers: ORIGIN,
        body: form({ who: 'Val', password: TEST_PASSWORD, next: '/' }),
      },
      someone(),
    );
    expect(r.headers.get('Set-Cookie')).toMatch(/lantern_session=.*; Secure/u);
  });
});

describe('ids', () => {
  it('refuses an id too large to be one as bad input, not a failure of the server', async () => {
    const r = await get('Alex', '/api/plan/action/show?action=99999999999999999999');
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { message: string; field?: string } };
    expect(body.error.message).toContain('too large');
    expect(body.error.field).toBe('action');
    // The largest taken is no failure either: there is no such action.
    expect((await get('Alex', '/api/plan/action/show?action=9007199254740991')).status).toBe(404);
    expect((await get('Alex', '/api/plan/action/show?action=1')).status).toBe(200);
  });

  it('refuses a version too large to be one in the action’s form', async () => {
    const r = await post('Alex', '/plan/actions/1', {
      version: '99999999999999999999',
      status: 'in-progress',
      progress: '10',
      note: '',
    });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('did not say which version');
  });
});

describe('refusals in the audit log', () => {
  it('records a request for an area outside the caller’s grants, with who, what and why', async () => {
    later(120);
    const rows = await rowsOf(async () => {
      expect((await get('Priya', '/api/summary?area=Watford&period=2025')).status).toBe(403);
    });
    expect(rows).toEqual([
      expect.objectContaining({
        actor: 'Priya',
        action: 'view',
        area: 'Watford',
        outcome: 'refused',
      }),
    ]);
    expect(rows[0]?.detail).toMatch(/^grant: .*Watford.*; GET \/api\/summary/u);
  });

  it('records a restricted dataset refused, a refused export, and a page refused to a role', async () => {
    later(120);
    const rows = await rowsOf(async () => {
      expect(
        (await get('Priya', '/api/trends?area=Three%20Rivers&dataset=domestic-abuse')).status,
      ).toBe(403);
      expect((await get('Priya', '/api/export/summary.csv?area=Watford&period=2025')).status).toBe(
        403,
      );
      expect((await get('Val', '/admin')).status).toBe(403);
    });
    // (Val's sign-in, first of the test file, leaves its own row.)
    expect(rows.filter((r) => r.outcome === 'refused')).toEqual([
      expect.objectContaining({
        actor: 'Priya',
        action: 'view',
        dataset: 'domestic-abuse',
        outcome: 'refused',
      }),
      expect.objectContaining({
        actor: 'Priya',
        action: 'export',
        area: 'Watford',
        outcome: 'refused',
      }),
      expect.objectContaining({ actor: 'Val', action: 'admin', outcome: 'refused' }),
    ]);
    expect(rows.at(-1)?.detail).toMatch(/^role: /u);
  });

  it('records a revoked API token (by its id, never the token) and sign-ins refused as too many', async () => {
    later(120);
    const rows = await rowsOf(async () => {
      const r = await server.app.request('/api/summary?area=Three%20Rivers', {
        headers: { Authorization: `Bearer ${revokedToken}` },
      });
      expect(r.status).toBe(401);
      const address = someone();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const attempt = await server.app.request(
          '/sign-in',
          {
            method: 'POST',
            headers: ORIGIN,
            body: form({ who: 'Nobody', password: 'wrong wrong wrong', next: '/' }),
          },
          address,
        );
        statuses.push(attempt.status);
      }
      expect(statuses.slice(-2)).toEqual([429, 429]);
    });
    const refusals = rows.filter((r) => r.action !== 'sign-in' || r.detail?.startsWith('too-many'));
    expect(refusals).toEqual([
      expect.objectContaining({ actor: 'anonymous', action: 'view', outcome: 'refused' }),
      expect.objectContaining({ actor: 'anonymous', action: 'sign-in', outcome: 'refused' }),
    ]);
    expect(refusals[0]?.detail).toContain(`API token ${revokedToken.slice(4, 12)}`);
    expect(refusals[0]?.detail).not.toContain(revokedToken);
    expect(refusals[1]?.detail).toMatch(/too many failed sign-ins.*from 192\.0\.2\./u);
  });

  it('writes one row a minute for a flood of the same refusal, and then says how many it left out', async () => {
    later(120);
    const flood = await rowsOf(async () => {
      for (let i = 0; i < 30; i++)
        expect((await get('Priya', '/api/summary?area=Watford&period=2025')).status).toBe(403);
    });
    expect(flood).toHaveLength(1);
    later(61);
    const next = await rowsOf(() => get('Priya', '/api/summary?area=Watford&period=2025'));
    expect(next).toHaveLength(1);
    expect(next[0]?.detail).toContain('29 more refused like it in the minute before');
    // The chain of rows is whole.
    const db = await server.ctx.store.session();
    try {
      const { verifyAuditLog } = await import('../../src/store/audit-log.js');
      expect((await verifyAuditLog(db)).brokenAt).toBeNull();
    } finally {
      db.close();
    }
  });
});

describe('paths', () => {
  it('names the assessment’s settings file from Lantern’s folder, not the server’s absolute path', async () => {
    const r = await get('Alex', '/api/assess?area=Three%20Rivers&period=2025');
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).not.toContain(process.cwd());
    const body = JSON.parse(text) as { configFile: string };
    expect(body.configFile).toBe('config/risk-matrix.yaml');
  });
});

describe('taking access away while the server runs', () => {
  it('disables a user from /admin: their session stops working at once', async () => {
    expect((await get('Dee', '/api/summary?area=Watford&period=2025')).status).toBe(200);
    expect((await post('Val', '/admin/disable', { user: 'Dee' })).status).toBe(403);
    const done = await post('Alex', '/admin/disable', { user: 'Dee', disabled: 'yes' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Dee is disabled');
    expect((await get('Dee', '/api/summary?area=Watford&period=2025')).status).toBe(401);
    expect((await get('Dee', '/')).status).toBe(302);
    expect(await audit()).toContainEqual(
      expect.objectContaining({ actor: 'Alex', action: 'user.disable', detail: 'Dee' }),
    );
  });

  it('revokes an API token and a grant from /admin, each refused at the next request', async () => {
    const bearer = { Authorization: `Bearer ${liveToken}` };
    const watford = '/api/summary?area=Watford&period=2025';
    expect((await server.app.request(watford, { headers: bearer })).status).toBe(200);
    const id = liveToken.slice(4, 12);
    expect(await (await get('Alex', '/admin')).text()).toContain(`value="${id}"`);
    expect((await post('Alex', '/admin/revoke-token', { token: id })).status).toBe(200);
    expect((await server.app.request(watford, { headers: bearer })).status).toBe(401);

    expect((await get('Kim', watford)).status).toBe(200);
    const page = await (await get('Alex', '/admin')).text();
    const kim = page.slice(page.indexOf('>Kim<'));
    const grant = /name="grant" value="([^"]+)"/u.exec(kim)?.[1] ?? '';
    expect(grant).not.toBe('');
    expect((await post('Alex', '/admin/revoke-grant', { grant })).status).toBe(200);
    expect((await get('Kim', watford)).status).toBe(403);
    const actions = (await audit()).map((r) => r.action);
    expect(actions).toContain('token.revoke');
    expect(actions).toContain('grant.revoke');
  });
});
