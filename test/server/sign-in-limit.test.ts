/**
 * The per-address limit counts failed sign-ins only, and behind a trusted reverse proxy it counts
 * them per client, not per proxy. Before, every sign-in counted (eleven people signing in from one
 * office in five minutes: the eleventh refused), and the address was the socket's, so behind the
 * TLS proxy the guide recommends everyone shared one: one bad script locked everyone out, and the
 * audit rows' "from" named the proxy. (QA of the server, fault 3.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createApp } from '../../src/server/app.js';
import { ATTEMPTS_PER_WINDOW } from '../../src/server/sign-in-limit.js';
import { readAudit } from '../../src/store/audit-log.js';
import { addAccounts, TEST_PASSWORD } from '../helpers/accounts.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const ORIGIN = { Origin: 'http://localhost' };
const PROXY = '127.0.0.1';
const dir = tempDir();
let server: TestServer;
let now = new Date('2026-01-15T12:00:00Z');
/** Moves the clock on past the audit log's minute of refusals of one kind (refusal-audit.ts). */
const later = () => (now = new Date(now.getTime() + 2 * 60_000));

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin' },
    { name: 'Ann', role: 'analyst' },
  ]);
  server = await testServer(db, {
    env: { LANTERN_TRUSTED_PROXY: `${PROXY},::1` },
    clock: () => now,
  });
});
afterAll(() => {
  server.close();
  dir.remove();
});

/** A sign-in over a socket from `socket`, with X-Forwarded-For when given. */
function signIn(who: string, password: string, socket: string, forwardedFor?: string) {
  return server.app.request(
    '/sign-in',
    {
      method: 'POST',
      headers: { ...ORIGIN, ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) },
      body: new URLSearchParams({ who, password, next: '/' }),
    },
    { incoming: { socket: { remoteAddress: socket } } },
  );
}

describe('the per-address sign-in limit', () => {
  it('does not count sign-ins that succeed: a meeting can all sign in from one address', async () => {
    for (let i = 0; i < ATTEMPTS_PER_WINDOW + 5; i++)
      expect((await signIn(i % 2 ? 'Alex' : 'Ann', TEST_PASSWORD, '192.0.2.10')).status).toBe(303);
  });

  it('refuses an address after its failed sign-ins, even the right password, and only that address', async () => {
    for (let i = 0; i < ATTEMPTS_PER_WINDOW; i++)
      expect((await signIn('Nobody', 'not the password at all', '192.0.2.20')).status).toBe(401);
    const refused = await signIn('Ann', TEST_PASSWORD, '192.0.2.20');
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Too many failed sign-ins from this address');
    expect((await signIn('Ann', TEST_PASSWORD, '192.0.2.21')).status).toBe(303);
  });

  it('behind a trusted proxy, counts each client by the address the proxy forwarded', async () => {
    later();
    for (let i = 0; i < ATTEMPTS_PER_WINDOW; i++)
      expect(
        (await signIn('Nobody', 'not the password at all', PROXY, '198.51.100.7')).status,
      ).toBe(401);
    expect((await signIn('Ann', TEST_PASSWORD, PROXY, '198.51.100.7')).status).toBe(429);
    // Another user behind the same proxy is not locked out by that script.
    expect((await signIn('Ann', TEST_PASSWORD, PROXY, '198.51.100.8')).status).toBe(303);
    // A forwarded address added by the client before the proxy's is not believed.
    expect((await signIn('Ann', TEST_PASSWORD, PROXY, '198.51.100.8, 198.51.100.7')).status).toBe(
      429,
    );
    // The refusal's audit row names the client, not the proxy.
    const db = await server.ctx.store.session();
    const rows = await readAudit(db).finally(() => db.close());
    const tooMany = rows.filter((r) => r.detail?.startsWith('too-many-sign-ins'));
    expect(tooMany.at(-1)?.detail).toContain('from 198.51.100.7');
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    for (let i = 0; i < ATTEMPTS_PER_WINDOW; i++)
      await signIn('Nobody', 'not the password at all', '192.0.2.30', `203.0.113.${i}`);
    expect((await signIn('Ann', TEST_PASSWORD, '192.0.2.30', '203.0.113.99')).status).toBe(429);
  });

  it('refuses to start with a trusted proxy that is not an address, naming the setting', () => {
    expect(() =>
      createApp({ ...server.ctx, env: { LANTERN_TRUSTED_PROXY: 'proxy.local' } }),
    ).toThrow(/LANTERN_TRUSTED_PROXY: "proxy\.local" is not an IP address/u);
  });

  /**
   * QA of access (qa-auth), fault 5: each refused sign-in's row said what was wrong but not where
   * it came from (only the 429's did), so an admin could not tell a guesser from an office.
   */
  it('records where each refused sign-in came from: the client behind the proxy', async () => {
    later();
    await signIn('Ann', 'not the password at all', '192.0.2.60');
    await signIn('nobody at all', 'not the password at all', PROXY, '198.51.100.61');
    const db = await server.ctx.store.session();
    const rows = await readAudit(db).finally(() => db.close());
    expect(rows.slice(-2).map((r) => [r.actor, r.detail])).toEqual([
      ['Ann', 'wrong password; from 192.0.2.60'],
      ['unknown', 'unknown name; from 198.51.100.61'],
    ]);
  });
});
