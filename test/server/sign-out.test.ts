/**
 * Signing out ends the session the browser signed in with, whatever other cookies come with it:
 * the cookie was read with a pattern, so "x_lantern_session=junk; lantern_session=<real>" ended
 * nothing and left the real session live. (QA of the server, smaller faults.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addAccounts, signIn } from '../helpers/accounts.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const ORIGIN = { Origin: 'http://localhost' };
const dir = tempDir();
let server: TestServer;

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await addAccounts(db, [{ name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire' }] }]);
  server = await testServer(db);
});
afterAll(() => {
  server.close();
  dir.remove();
});

describe('signing out', () => {
  it('ends the session even when another cookie’s name ends in lantern_session', async () => {
    const session = await signIn(server.app, 'Alex');
    const cookie = `x_lantern_session=junk; ${session}`;
    const path = '/api/summary?area=Three%20Rivers&period=2025';
    expect((await server.app.request(path, { headers: { Cookie: cookie } })).status).toBe(200);
    const out = await server.app.request('/sign-out', {
      method: 'POST',
      headers: { Cookie: cookie, ...ORIGIN },
      body: new URLSearchParams({}),
    });
    expect(out.status).toBe(303);
    expect((await server.app.request(path, { headers: { Cookie: session } })).status).toBe(401);
  });

  it('signs out someone signed out already (in another tab) to the sign-in page, not a refusal', async () => {
    const session = await signIn(server.app, 'Alex');
    const signOut = () =>
      server.app.request('/sign-out', {
        method: 'POST',
        headers: { Cookie: session, ...ORIGIN },
        body: new URLSearchParams({}),
      });
    expect((await signOut()).status).toBe(303);
    const again = await signOut();
    expect(again.status).toBe(303);
    expect(again.headers.get('Location')).toBe('/sign-in');
  });
});
