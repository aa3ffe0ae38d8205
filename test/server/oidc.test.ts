/**
 * Issue 20: single sign-on with OpenID Connect, against a real provider (oidc-provider) started
 * here on 127.0.0.1. The test plays the browser: it follows the redirects itself, keeps each
 * site's cookies, and fills in the provider's sign-in and consent forms; Lantern is the app
 * in-process, so its address is http://localhost. A sign-in links only to a user an admin added.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readAudit, verifyAuditLog } from '../../src/store/audit-log.js';
import { countUsers } from '../../src/store/users.js';
import { addAccounts } from '../helpers/accounts.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const LANTERN = 'http://localhost';
const CALLBACK = `${LANTERN}/sign-in/oidc/callback`;
const CLIENT = { id: 'lantern', secret: 'a-test-client-secret-of-some-length' };

/** The provider's people: their id there (the `sub`) and what it says about them. */
const accounts: Record<string, { email?: string; email_verified?: boolean; name: string }> = {
  'entra-priya': { email: 'priya@example.gov.uk', email_verified: true, name: 'Priya P' },
  'entra-stranger': { email: 'stranger@example.gov.uk', email_verified: true, name: 'A Stranger' },
  // Val's address, but the provider does not vouch for it: anyone could have typed it.
  'entra-fake-val': { email: 'val@example.gov.uk', email_verified: false, name: 'Not Val' },
};

const dir = tempDir();
let server: TestServer;
let idp: Server;
let issuer: string;
/**
 * Lantern's clock: each sign-in through the provider starts 6 minutes after the last, so the limit
 * on sign-in attempts per address (5 minutes' window) never counts the file's sign-ins together.
 */
let now = new Date('2026-01-15T12:00:00Z');

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin', organisation: 'Three Rivers DC' },
    {
      name: 'Priya',
      role: 'partner',
      organisation: 'Three Rivers DC',
      grants: [{ area: 'Three Rivers' }],
    },
    { name: 'Val', role: 'viewer', organisation: 'Three Rivers DC' },
  ]);

  // The provider, on a port of its own: its issuer must name the port, so it listens first.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_q, s) => s.end();
  idp = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims in the ID token itself, as Entra ID sends them (its optional claims).
    conformIdTokenClaims: false,
    cookies: { keys: ['a test key for the provider’s cookies'] },
    findAccount: (_ctx, id) =>
      accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...accounts[id] }) } : undefined,
  });
  const answer = provider.callback();
  handle = (req, res) => void answer(req, res);

  server = await testServer(db, {
    clock: () => now,
    env: {
      LANTERN_OIDC_ISSUER: issuer,
      LANTERN_OIDC_CLIENT_ID: CLIENT.id,
      LANTERN_OIDC_CLIENT_SECRET: CLIENT.secret,
      LANTERN_OIDC_REDIRECT_URL: CALLBACK,
      LANTERN_OIDC_NAME: 'Test Council',
    },
  });
});
afterAll(async () => {
  server.close();
  await new Promise((resolve) => idp.close(resolve));
  dir.remove();
});

/** One site's cookies, as a browser keeps them (paths aside: each site here is one app). */
class Jar {
  readonly cookies = new Map<string, string>();
  take(r: Response): void {
    for (const line of r.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const gone = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/iu.test(a));
      if (gone || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** A request to Lantern (in-process) as the browser makes it, its cookies kept. */
async function atLantern(url: string, jar: Jar): Promise<Response> {
  const r = await server.app.request(url, { headers: { Cookie: jar.header() } });
  jar.take(r);
  return r;
}

/**
 * Starts single sign-on at Lantern and signs in at the provider as `account`, filling in its
 * forms; returns the address the provider sends the browser back to, not yet visited.
 */
async function throughProvider(account: string, lantern = new Jar(), cancel = false) {
  now = new Date(now.getTime() + 6 * 60_000);
  const start = await atLantern(
    `${LANTERN}/sign-in/oidc?next=${encodeURIComponent('/trends?area=Three Rivers')}`,
    lantern,
  );
  expect(start.status).toBe(302);
  const jar = new Jar();
  let at = new URL(start.headers.get('Location')!);
  expect(at.origin).toBe(issuer);
  for (let step = 0; step < 12; step++) {
    let r = await fetch(at, { redirect: 'manual', headers: { Cookie: jar.header() } });
    jar.take(r);
    if (r.status === 200 && at.pathname.startsWith('/interaction/')) {
      // The provider's own page: sign in (any password: it is the provider's development form),
      // then consent to Lantern reading the email.
      const page = await r.text();
      if (cancel) {
        // The provider's "Cancel": it sends the person back with access_denied.
        r = await fetch(new URL(`${at.pathname}/abort`, at), {
          redirect: 'manual',
          headers: { Cookie: jar.header() },
        });
        const back = new URL(r.headers.get('Location')!, at);
        if (back.href.startsWith(CALLBACK)) return { callback: back.href, lantern };
        at = back;
        continue;
      }
      const prompt = /name="prompt" value="(\w+)"/u.exec(page)?.[1] ?? '';
      const action = /<form[^>]*action="([^"]+)"/u.exec(page)?.[1];
      expect(prompt, page).toMatch(/^(login|consent)$/u);
      r = await fetch(new URL(action!, at), {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: jar.header() },
        body: new URLSearchParams(
          prompt === 'login' ? { prompt, login: account, password: 'anything' } : { prompt },
        ),
      });
      jar.take(r);
    }
    expect([302, 303], await r.clone().text()).toContain(r.status);
    const next = new URL(r.headers.get('Location')!, at);
    if (next.href.startsWith(CALLBACK)) return { callback: next.href, lantern };
    at = next;
  }
  throw new Error('the provider never sent the browser back to Lantern');
}

const sessionCookie = (r: Response) =>
  r.headers.getSetCookie().find((c) => c.startsWith('lantern_session='));

async function auditRows() {
  const db = await server.ctx.store.session();
  try {
    return (await readAudit(db)).filter((r) => r.action === 'sign-in');
  } finally {
    db.close();
  }
}

const alertOf = async (r: Response) =>
  (/role="alert"><p>([^<]*)/u.exec((await r.text()).replace(/\s+/gu, ' '))?.[1] ?? '').replace(
    /&#39;/gu,
    "'",
  );

describe('single sign-on', () => {
  it('offers "Sign in with" the provider beside the password form', async () => {
    const page = await (await server.app.request('/sign-in?next=/map')).text();
    expect(page).toContain('Sign in with Test Council');
    expect(page).toMatch(/<form method="get" action="\/sign-in\/oidc">/u);
    expect(page).toContain('name="password"');
  });

  it('signs in a user an admin added, by the email the provider vouches for, with their grants', async () => {
    const planted = new Jar();
    planted.cookies.set('lantern_session', 'a-session-id-chosen-by-someone-else');
    const { callback, lantern } = await throughProvider('entra-priya', planted);
    const back = await atLantern(callback, lantern);
    expect(back.status).toBe(200);
    // A new session in the same cookie as a password gives; the one the browser brought is gone.
    expect(sessionCookie(back)).toMatch(
      /^lantern_session=[^;]+; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict$/u,
    );
    expect(lantern.cookies.get('lantern_session')).not.toBe('a-session-id-chosen-by-someone-else');
    expect(lantern.cookies.has('lantern_oidc')).toBe(false);
    const page = await back.text();
    expect(page).toContain('Signed in as Priya');
    expect(page).toContain(
      '<meta http-equiv="refresh" content="0;url=/trends?area=Three%20Rivers" />',
    );

    const headers = { Cookie: `lantern_session=${lantern.cookies.get('lantern_session')}` };
    const mine = await server.app.request('/api/summary?area=Three%20Rivers&period=2025', {
      headers,
    });
    expect(mine.status).toBe(200);
    const watford = await server.app.request('/api/summary?area=Watford&period=2025', {
      headers,
    });
    expect(watford.status).toBe(403);
    const imports = await server.app.request('/api/imports', {
      method: 'POST',
      headers: { ...headers, Origin: LANTERN },
      body: new FormData(),
    });
    expect(imports.status).toBe(403);
  });

  it('goes on by the provider’s identity once linked, whatever the email becomes', async () => {
    const before = accounts['entra-priya']!;
    accounts['entra-priya'] = {
      name: 'Priya P',
      email: 'p.p@elsewhere.example',
      email_verified: true,
    };
    try {
      const { callback, lantern } = await throughProvider('entra-priya');
      const back = await atLantern(callback, lantern);
      expect(back.status).toBe(200);
      expect(await back.text()).toContain('Signed in as Priya');
    } finally {
      accounts['entra-priya'] = before;
    }
  });

  it('refuses an identity no admin added, and makes no account for it', async () => {
    const db = await server.ctx.store.session();
    const users = await countUsers(db).finally(() => db.close());
    const { callback, lantern } = await throughProvider('entra-stranger');
    const back = await atLantern(callback, lantern);
    expect(back.status).toBe(403);
    expect(sessionCookie(back)).toBeUndefined();
    expect(await alertOf(back)).toBe(
      "You are signed in at Test Council as stranger@example.gov.uk, but no Lantern account has that email. Lantern never makes accounts by itself: ask your partnership's Lantern administrator to add you (with this email), then sign in again.",
    );
    const after = await server.ctx.store.session();
    expect(await countUsers(after).finally(() => after.close())).toBe(users);
  });

  it('refuses an email the provider does not vouch for, even one a user has', async () => {
    const { callback, lantern } = await throughProvider('entra-fake-val');
    const back = await atLantern(callback, lantern);
    expect(back.status).toBe(403);
    expect(sessionCookie(back)).toBeUndefined();
    expect(await alertOf(back)).toMatch(/does not vouch that val@example\.gov\.uk is yours/u);
  });

  it('says so when the person cancels at the provider', async () => {
    const { callback, lantern } = await throughProvider('entra-priya', new Jar(), true);
    const back = await atLantern(callback, lantern);
    expect(back.status).toBe(403);
    expect(sessionCookie(back)).toBeUndefined();
    expect(await alertOf(back)).toBe(
      'Test Council did not sign you in (End-User aborted interaction): start again, or sign in with your password.',
    );
  });

  it('refuses an answer whose state was tampered with', async () => {
    const { callback, lantern } = await throughProvider('entra-priya');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    const back = await atLantern(tampered.href, lantern);
    expect(back.status).toBe(400);
    expect(sessionCookie(back)).toBeUndefined();
    expect(await alertOf(back)).toMatch(/could not be checked, so Lantern did not sign you in/u);
  });

  it('refuses the callback replayed, and one from a browser that did not start it', async () => {
    const { callback, lantern } = await throughProvider('entra-priya');
    const handle = lantern.cookies.get('lantern_oidc')!;
    expect((await atLantern(callback, lantern)).status).toBe(200);
    // The same answer again, with the cookie the browser had for it.
    const again = new Jar();
    again.cookies.set('lantern_oidc', handle);
    const replayed = await atLantern(callback, again);
    expect(replayed.status).toBe(400);
    expect(sessionCookie(replayed)).toBeUndefined();
    expect(await alertOf(replayed)).toBe(
      'This sign-in with Test Council has expired or was already used: start again.',
    );
    // Someone else's answer, opened in another browser (a forged sign-in).
    const { callback: theirs } = await throughProvider('entra-priya');
    const elsewhere = await atLantern(theirs, new Jar());
    expect(elsewhere.status).toBe(400);
    expect(sessionCookie(elsewhere)).toBeUndefined();
  });

  it('writes every single sign-on, and every refusal with its reason, to the audit log', async () => {
    const rows = (await auditRows()).filter((r) => r.detail?.includes('Test Council'));
    const said = rows.map((r) => [r.actor, r.outcome, r.detail]);
    expect(said).toContainEqual([
      'Priya',
      'ok',
      'single sign-on (Test Council); linked by verified email',
    ]);
    expect(said).toContainEqual(['Priya', 'ok', 'single sign-on (Test Council)']);
    expect(said).toContainEqual([
      'unknown',
      'refused',
      'single sign-on (Test Council): no Lantern user has the email stranger@example.gov.uk (subject entra-stranger)',
    ]);
    expect(said).toContainEqual([
      'unknown',
      'refused',
      'single sign-on (Test Council): email val@example.gov.uk not verified by the provider',
    ]);
    expect(said).toContainEqual([
      'unknown',
      'refused',
      'single sign-on (Test Council): sign-in expired or already used',
    ]);
    expect(said).toContainEqual([
      'unknown',
      'refused',
      'single sign-on (Test Council): the provider refused: access_denied: End-User aborted interaction',
    ]);
    expect(said).toContainEqual([
      'unknown',
      'refused',
      'single sign-on (Test Council): no sign-in in progress in this browser',
    ]);
    expect(
      said.some(
        ([, outcome, detail]) =>
          outcome === 'refused' && /answer failed its checks: .*state/iu.test(detail ?? ''),
      ),
      JSON.stringify(said),
    ).toBe(true);
    const db = await server.ctx.store.session();
    expect(await verifyAuditLog(db).finally(() => db.close())).toMatchObject({ brokenAt: null });
  });

  it('limits attempts per address as the password form does, the form’s and single sign-on’s together', async () => {
    now = new Date(now.getTime() + 6 * 60_000);
    // Callbacks without a sign-in in progress (someone trying codes), from one address.
    for (let i = 0; i < 10; i++)
      expect((await atLantern(`${CALLBACK}?code=guess${i}&state=x`, new Jar())).status).toBe(400);
    const limited = await atLantern(`${CALLBACK}?code=guess&state=x`, new Jar());
    expect(limited.status).toBe(429);
    expect(await alertOf(limited)).toBe(
      'Too many failed sign-ins from this address: wait 5 minutes and try again.',
    );
    expect((await atLantern(`${LANTERN}/sign-in/oidc`, new Jar())).status).toBe(429);
    const password = await server.app.request('/sign-in', {
      method: 'POST',
      headers: { Origin: LANTERN },
      body: new URLSearchParams({ who: 'Priya', password: 'not the password at all' }),
    });
    expect(password.status).toBe(429);
    // Once the window has passed, the address may try again.
    now = new Date(now.getTime() + 6 * 60_000);
    expect((await atLantern(`${LANTERN}/sign-in/oidc`, new Jar())).status).toBe(302);
  });
});
