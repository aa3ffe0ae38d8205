/**
 * An API token only reads. It lives in a script or a Power BI file, where it is easier to copy
 * than a password: an admin's token must not add admins or start password resets, an analyst's
 * must not import, a partner's must not change the plan. The audit log names a token's requests
 * by the token's id, and a completed password reset revokes the user's tokens as it ends their
 * sessions. (QA of the server, fault 1.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readAudit } from '../../src/store/audit-log.js';
import { declaredPermissions } from '../../src/server/permissions.js';
import { createApiToken } from '../../src/usecases/api-tokens.js';
import { addAccounts, TEST_PASSWORD } from '../helpers/accounts.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const ORIGIN = { Origin: 'http://localhost' };
const dir = tempDir();
let server: TestServer;
const tokens = new Map<string, { id: string; token: string }>();

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire' }] },
    { name: 'Sam', role: 'analyst', grants: [{ area: 'Hertfordshire' }] },
    {
      name: 'Priya',
      role: 'partner',
      organisation: 'Three Rivers DC',
      grants: [{ area: 'Three Rivers' }],
    },
  ]);
  server = await testServer(db);
  const session = await server.ctx.store.session();
  try {
    for (const user of ['Alex', 'Sam', 'Priya']) {
      const made = await createApiToken(
        session,
        { name: 'owner', user: null },
        { user, name: 'Power BI', expiresInMs: 30 * 86_400_000 },
        server.ctx.clock(),
      );
      tokens.set(user, made);
    }
  } finally {
    session.close();
  }
});
afterAll(() => {
  server.close();
  dir.remove();
});

const bearer = (who: string) => ({ Authorization: `Bearer ${tokens.get(who)!.token}`, ...ORIGIN });

async function auditRows() {
  const db = await server.ctx.store.session();
  try {
    return await readAudit(db);
  } finally {
    db.close();
  }
}

describe('an API token', () => {
  it('reads what its grants allow', async () => {
    const r = await server.app.request('/api/summary?area=Three%20Rivers&period=2025', {
      headers: bearer('Alex'),
    });
    expect(r.status).toBe(200);
  });

  it('is refused every route that changes the store, whatever its owner’s role', async () => {
    const routes = [...declaredPermissions(server.app)].filter(
      ([, permission]) => permission !== 'public' && permission !== 'read',
    );
    expect(routes.map(([r]) => r)).toEqual(
      expect.arrayContaining(['POST /admin/users', 'POST /admin/reset', 'POST /api/imports']),
    );
    for (const [methodPath] of routes) {
      const [method, path] = methodPath.split(' ') as [string, string];
      const r = await server.app.request(path.replace(/:[a-z]+/gu, '1'), {
        method,
        headers: bearer('Alex'),
        ...(method === 'POST' ? { body: new URLSearchParams({ user: 'Sam' }) } : {}),
      });
      expect(r.status, methodPath).toBe(403);
      expect(r.headers.get('X-Lantern-Refused'), methodPath).toBe('role');
    }
  });

  it('cannot add an admin with an admin’s token, and says a token only reads', async () => {
    const r = await server.app.request('/admin/users', {
      method: 'POST',
      headers: bearer('Alex'),
      body: new URLSearchParams({
        name: 'Mallory',
        email: 'mallory@example.com',
        role: 'admin',
        organisation: 'Three Rivers DC',
      }),
    });
    expect(r.status).toBe(403);
    expect(await r.text()).toMatch(/An API token only reads/u);
    expect((await auditRows()).some((row) => row.detail?.includes('Mallory'))).toBe(false);
  });

  it('cannot import with an analyst’s token, nor change the plan with a partner’s', async () => {
    const upload = new FormData();
    upload.append('file', new File(['a,b\n1,2\n'], 'x.csv', { type: 'text/csv' }));
    const imported = await server.app.request('/api/imports', {
      method: 'POST',
      headers: bearer('Sam'),
      body: upload,
    });
    expect(imported.status).toBe(403);
    const planned = await server.app.request('/plan/actions/1', {
      method: 'POST',
      headers: bearer('Priya'),
      body: new URLSearchParams({ status: 'done' }),
    });
    expect(planned.status).toBe(403);
  });

  it('is named by its id in the audit log', async () => {
    const id = tokens.get('Priya')!.id;
    const r = await server.app.request('/api/summary?area=Watford&period=2025', {
      headers: bearer('Priya'),
    });
    expect(r.status).toBe(403);
    const refused = (await auditRows()).filter((row) => row.outcome === 'refused');
    expect(refused.map((row) => row.actor)).toContain(`Priya (API token ${id})`);
  });

  it('is revoked when its owner sets a new password after a reset', async () => {
    const signedIn = await server.app.request(
      '/sign-in',
      {
        method: 'POST',
        headers: ORIGIN,
        body: new URLSearchParams({ who: 'Alex', password: TEST_PASSWORD, next: '/' }),
      },
      { incoming: { socket: { remoteAddress: '192.0.2.7' } } },
    );
    const cookie = /lantern_session=[^;]+/u.exec(signedIn.headers.get('Set-Cookie') ?? '')?.[0];
    const reset = await server.app.request('/admin/reset', {
      method: 'POST',
      headers: { Cookie: cookie!, ...ORIGIN },
      body: new URLSearchParams({ user: 'Priya' }),
    });
    const resetToken = /lrt_[A-Za-z0-9_-]+/u.exec(await reset.text())?.[0];
    expect(resetToken).toBeDefined();
    const path = '/api/summary?area=Three%20Rivers&period=2025';
    expect((await server.app.request(path, { headers: bearer('Priya') })).status).toBe(200);
    const fresh = 'a new and longer passphrase';
    const set = await server.app.request('/reset-password', {
      method: 'POST',
      headers: ORIGIN,
      body: new URLSearchParams({ token: resetToken!, password: fresh, password2: fresh }),
    });
    expect(set.status).toBe(303);
    expect((await server.app.request(path, { headers: bearer('Priya') })).status).toBe(401);
    // Only Priya's: Alex's token still reads.
    expect((await server.app.request(path, { headers: bearer('Alex') })).status).toBe(200);
    const revoked = (await auditRows()).find(
      (row) => row.action === 'token.revoke' && row.detail?.includes('password reset'),
    );
    expect(revoked?.detail).toContain(tokens.get('Priya')!.id);
  });
});
