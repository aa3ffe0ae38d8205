/**
 * A store with no accounts answers anyone who reaches it, so it answers only at localhost or an
 * IP address: a page of another site whose name is rebound to 127.0.0.1 (DNS rebinding) sends
 * Host: attacker.example, and read restricted partner counts and uploaded files through the
 * owner's browser (only /setup checked the Host). Once the store has accounts, such a request has
 * no session or token and is asked to sign in. (QA of the server, fault 4.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addAccounts } from '../helpers/accounts.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
const openDir = tempDir();
let open: TestServer;
let withAccounts: TestServer;
const EXPORT =
  '/api/export/partner-counts.csv?area=Three%20Rivers&dataset=domestic-abuse&period=2025';

beforeAll(async () => {
  open = await testServer(demoStoreCopy(openDir.path));
  const db = demoStoreCopy(dir.path);
  await addAccounts(db, [{ name: 'Alex', role: 'admin' }]);
  withAccounts = await testServer(db);
});
afterAll(() => {
  open.close();
  withAccounts.close();
  dir.remove();
  openDir.remove();
});

const at = (server: TestServer, host: string, path: string, init: RequestInit = {}) =>
  server.app.request(`http://${host}${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), Host: host },
  });

describe('a store with no accounts', () => {
  it('refuses a request to another name, restricted data included, and says why', async () => {
    const r = await at(open, 'attacker.example:8111', EXPORT);
    expect(r.status).toBe(403);
    const { error } = (await r.json()) as { error: { message: string } };
    expect(error.message).toContain('answers only at localhost or an IP address');
    expect(error.message).toContain('"attacker.example:8111"');
    expect((await at(open, 'attacker.example:8111', '/')).status).toBe(403);
  });

  it('refuses an upload from a rebound page before reading it', async () => {
    const body = new FormData();
    body.append('file', new File(['a,b\n1,2\n'], 'x.csv', { type: 'text/csv' }));
    const r = await at(open, 'attacker.example:8111', '/api/imports', {
      method: 'POST',
      headers: { Origin: 'http://attacker.example:8111' },
      body,
    });
    expect(r.status).toBe(403);
  });

  it('answers at localhost and at an address', async () => {
    for (const host of ['localhost:8111', '127.0.0.1:8111', '[::1]:8111', '192.168.1.5:8110'])
      expect((await at(open, host, EXPORT)).status, host).toBe(200);
  });
});

describe('a store with accounts', () => {
  it('asks a request to any name to sign in, as before', async () => {
    expect((await at(withAccounts, 'lantern.council.example', EXPORT)).status).toBe(401);
  });
});
