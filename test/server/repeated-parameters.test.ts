/**
 * A parameter that takes one value, given twice, is refused: before, the command used the last
 * (so Dan, a Dacorum partner, asking for area=Dacorum&area=Three Rivers was refused Three Rivers)
 * while the audit row read the first ("Dan | view | Dacorum | refused"). Now no grant, answer or
 * audit row is ever of a different value than another. (QA of the server, fault 5.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readAudit } from '../../src/store/audit-log.js';
import { createApiToken } from '../../src/usecases/api-tokens.js';
import { addAccounts } from '../helpers/accounts.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let server: TestServer;
let dan: Record<string, string>;

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin' },
    { name: 'Dan', role: 'partner', organisation: 'Dacorum BC', grants: [{ area: 'Dacorum' }] },
  ]);
  server = await testServer(db);
  const session = await server.ctx.store.session();
  try {
    const made = await createApiToken(
      session,
      { name: 'owner', user: null },
      { user: 'Dan', name: 'script', expiresInMs: 86_400_000 },
      server.ctx.clock(),
    );
    dan = { Authorization: `Bearer ${made.token}` };
  } finally {
    session.close();
  }
});
afterAll(() => {
  server.close();
  dir.remove();
});

describe('a parameter given twice', () => {
  it('is refused with 400, naming it and its values, and nothing is read or refused by grant', async () => {
    const before = (await auditOf()).length;
    for (const areas of [
      ['Dacorum', 'Three%20Rivers'],
      ['Three%20Rivers', 'Dacorum'],
    ]) {
      const r = await server.app.request(
        `/api/hotspots?area=${areas[0]}&area=${areas[1]}&category=burglary&period=2025`,
        { headers: dan },
      );
      expect(r.status).toBe(400);
      const { error } = (await r.json()) as { error: { message: string; field: string } };
      expect(error.field).toBe('area');
      expect(error.message).toMatch(
        /^'area' is given 2 times \('.+', '.+'\); hotspots takes one area: give it once$/u,
      );
    }
    const export_ = await server.app.request(
      '/api/export/trends.csv?area=Dacorum&area=Three%20Rivers&category=burglary',
      { headers: dan },
    );
    expect(export_.status).toBe(400);
    expect(((await export_.json()) as { error: { field: string } }).error.field).toBe('area');
    expect((await auditOf()).slice(before).filter((r) => r.outcome === 'refused')).toEqual([]);
  });

  it('is answered once, and refused under the area asked for', async () => {
    expect(
      (await server.app.request('/api/summary?area=Dacorum&period=2025', { headers: dan })).status,
    ).toBe(200);
    const r = await server.app.request('/api/summary?area=Three%20Rivers&period=2025', {
      headers: dan,
    });
    expect(r.status).toBe(403);
    const refused = (await auditOf()).filter((row) => row.outcome === 'refused');
    expect(refused.at(-1)?.area).toBe('Three Rivers');
  });
});

async function auditOf() {
  const db = await server.ctx.store.session();
  try {
    return await readAudit(db);
  } finally {
    db.close();
  }
}
