/**
 * A form posted with a body that cannot be read (multipart without its boundary) is the sender's
 * mistake: 400 saying so, on every form route, as /api/imports already answered. Before, each
 * answered 500 "Something went wrong" and logged a stack. (QA of the server, fault 9.)
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { addAccounts, signIn } from '../helpers/accounts.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const ORIGIN = { Origin: 'http://localhost' };
const dir = tempDir();
const openDir = tempDir();
let server: TestServer;
let open: TestServer;
let alex: Record<string, string>;

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await addAccounts(db, [{ name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire' }] }]);
  server = await testServer(db);
  open = await testServer(demoStoreCopy(openDir.path));
  alex = { Cookie: await signIn(server.app, 'Alex'), ...ORIGIN };
});
afterAll(() => {
  server.close();
  open.close();
  dir.remove();
  openDir.remove();
});

/** The QA's request: multipart declared, without a boundary, and a urlencoded body. */
const malformed = (headers: Record<string, string>) => ({
  method: 'POST',
  headers: { ...headers, 'Content-Type': 'multipart/form-data' },
  body: 'who=a',
});

describe('a form whose body cannot be read', () => {
  it('is refused with 400 on every form route, saying what to send, with nothing logged', async () => {
    const logged = vi.spyOn(console, 'error');
    try {
      const answers = [
        await server.app.request('/sign-in', malformed(ORIGIN)),
        await server.app.request('/reset-password', malformed(ORIGIN)),
        await server.app.request('/admin/users', malformed(alex)),
        await server.app.request('/plan/actions/1', malformed(alex)),
        await open.app.request('/setup', malformed(ORIGIN), {
          incoming: { socket: { remoteAddress: '127.0.0.1' } },
        }),
      ];
      for (const r of answers) {
        expect(r.status, r.url).toBe(400);
        expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(
          /^The form sent could not be read \(Content-Type multipart\/form-data\)/u,
        );
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
