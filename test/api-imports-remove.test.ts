/**
 * Imports listed and removed over the HTTP API (GET /api/imports/held, POST
 * /api/imports/held/ID/remove), on a copy of the demo store: the same documents as `lantern
 * imports list/remove --json`, refused unless confirmed, the server's kept answers dropped (a
 * summary asked again shows the month missing), erasure sent to the command line, and the route
 * closed to viewers.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { addAccounts, signIn } from './helpers/accounts.js';
import { apiOn } from './helpers/api-server.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const SAME_ORIGIN = { Origin: 'http://localhost' };
const dir = tempDir();
afterAll(() => dir.remove());

function remove(fields: Record<string, string>) {
  return { method: 'POST', headers: SAME_ORIGIN, body: new URLSearchParams(fields) };
}

describe('imports over the HTTP API', () => {
  it('lists, refuses unconfirmed and erase, removes, and drops the answers it kept', async () => {
    const db = demoStoreCopy(dir.path, 'served.duckdb');
    const api = await apiOn(db);
    try {
      const listed = await api.app.request('/api/imports/held');
      expect(listed.status).toBe(200);
      const imports = (await listed.json()) as { id: string; monthsHeld: string[] }[];
      expect(imports.find((i) => i.id === 'police-43')?.monthsHeld).toEqual(['2025-12']);

      const summaryPath = '/api/summary?area=Three%20Rivers&period=2025-10..2025-12';
      const before = await (await api.app.request(summaryPath)).text();
      expect(before).not.toMatch(/missing/u);

      const unconfirmed = await api.app.request('/api/imports/held/police-43/remove', remove({}));
      expect(unconfirmed.status).toBe(400);
      expect(await unconfirmed.text()).toContain('Nothing was removed');
      const erase = await api.app.request(
        '/api/imports/held/police-43/remove',
        remove({ yes: 'true', erase: 'true' }),
      );
      expect(erase.status).toBe(400);
      expect(await erase.text()).toContain('lantern imports remove --id police-43 --erase --yes');
      const still = (await (await api.app.request('/api/imports/held')).json()) as { id: string }[];
      expect(still.map((i) => i.id)).toContain('police-43');

      const removed = await api.app.request(
        '/api/imports/held/police-43/remove',
        remove({ yes: 'true', reason: 'police.uk withdrew the month' }),
      );
      expect(removed.status).toBe(200);
      expect(await removed.json()).toMatchObject({ monthsNowMissing: ['2025-12'] });
      // The summary kept from before is not served again: the month is missing now.
      const after = await (await api.app.request(summaryPath)).text();
      expect(after).toMatch(/missing/u);
      const gone = await api.app.request(
        '/api/imports/held/police-43/remove',
        remove({ yes: 'true' }),
      );
      expect(gone.status).toBe(404);
    } finally {
      api.close();
    }
  });

  it('is closed to a viewer and open to an analyst', async () => {
    const db = demoStoreCopy(dir.path, 'accounts.duckdb');
    await addAccounts(db, [
      { name: 'Ada', role: 'admin' },
      { name: 'Vic', role: 'viewer', grants: [{ area: 'Three Rivers', sensitivity: 'partner' }] },
      { name: 'Ana', role: 'analyst', grants: [{ area: 'Three Rivers', sensitivity: 'partner' }] },
    ]);
    const api = await apiOn(db);
    try {
      const vic = await signIn(api.app, 'Vic');
      expect(
        (await api.app.request('/api/imports/held', { headers: { Cookie: vic } })).status,
      ).toBe(403);
      const refused = await api.app.request('/api/imports/held/partner-1/remove', {
        ...remove({ yes: 'true' }),
        headers: { ...SAME_ORIGIN, Cookie: vic },
      });
      expect(refused.status).toBe(403);

      const ana = await signIn(api.app, 'Ana');
      const listed = (await (
        await api.app.request('/api/imports/held', { headers: { Cookie: ana } })
      ).json()) as { id: string }[];
      expect(listed.map((i) => i.id)).toContain('partner-1');
      const removed = await api.app.request('/api/imports/held/partner-1/remove', {
        ...remove({ yes: 'true' }),
        headers: { ...SAME_ORIGIN, Cookie: ana },
      });
      expect(removed.status).toBe(200);
    } finally {
      api.close();
    }
  });
});
