/**
 * The reset page (/reset-password) is open to anyone. Before, it hashed the new password with
 * argon2 (19 MiB, a fifth of a second) before it looked at the token, with no limit: a made-up
 * token and a 1,024-character password, sent again and again, kept the server's cores busy
 * (sixteen at once took 2-3 s each). And a token refused left no trace in the audit log. Now a
 * token is looked up before the password is hashed, each one tried counts towards its address's
 * sign-in limit (429 after ten failures), and each one refused is audited with its address. (QA of access, qa-auth, fault 2.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ATTEMPTS_PER_WINDOW } from '../../src/server/sign-in-limit.js';
import { readAudit } from '../../src/store/audit-log.js';
import { addAccounts } from '../helpers/accounts.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let server: TestServer;
const LONG = `${'a'.repeat(1000)}-a long new passphrase`;

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await addAccounts(db, [{ name: 'Alex', role: 'admin' }]);
  server = await testServer(db);
});
afterAll(() => {
  server.close();
  dir.remove();
});

function reset(token: string, address: string): Promise<Response> {
  return Promise.resolve(
    server.app.request(
      '/reset-password',
      {
        method: 'POST',
        headers: { Origin: 'http://localhost' },
        body: new URLSearchParams({ token, password: LONG, password2: LONG }),
      },
      { incoming: { socket: { remoteAddress: address } } },
    ),
  );
}

async function resetRows() {
  const db = await server.ctx.store.session();
  try {
    return (await readAudit(db)).filter((r) => r.action === 'password.reset-complete');
  } finally {
    db.close();
  }
}

describe('a made-up reset token', () => {
  it('is audited, with the address it came from', async () => {
    await reset('lrt_not-a-token', '198.51.100.77');
    expect((await resetRows()).at(-1)).toMatchObject({
      actor: 'unknown',
      outcome: 'refused',
      detail: 'reset token not valid; from 198.51.100.77',
    });
  });

  it('counts towards the address’s limit: after ten, 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ATTEMPTS_PER_WINDOW + 2; i++)
      statuses.push((await reset(`lrt_guess-${i}`, '203.0.113.9')).status);
    expect(statuses).toEqual([...Array<number>(ATTEMPTS_PER_WINDOW).fill(400), 429, 429]);
  });
});
