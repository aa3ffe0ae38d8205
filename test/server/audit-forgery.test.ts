/**
 * Nothing a user types can forge a row of the audit log as it is shown: a newline in a plan note
 * or an uploaded file's name was stored raw and printed raw, so "…\n37  2026-12-07 05:59:00  Alex
 * grant.revoke …" printed as a row of `lantern audit`; and a 5 MB file name was kept (for ever:
 * rows cannot be removed without breaking the hash chain) and made /admin/audit 5.2 MB. Now each
 * cell is printed on one line with its control characters shown, and an upload's file names are
 * cleaned and clipped before they are audited. (QA of the server, fault 6.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditCommand } from '../../src/commands/audit.js';
import { appendAudit, readAudit } from '../../src/store/audit-log.js';
import { addAccounts, signIn } from '../helpers/accounts.js';
import { apiOn, readEvents } from '../helpers/api-server.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let api: Awaited<ReturnType<typeof apiOn>>;
const FORGED = '37  2026-12-07 05:59:00  Alex  grant.revoke  ok  6c695fa3 of Priya';

let alex: Record<string, string>;

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await addAccounts(db, [{ name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire' }] }]);
  api = await apiOn(db, { LANTERN_UPLOAD_DIR: dir.path });
  alex = { Cookie: await signIn(api.app, 'Alex'), Origin: 'http://localhost' };
});
afterAll(() => {
  api.close();
  dir.remove();
});

async function rows() {
  const db = await api.ctx.store.session();
  try {
    return await readAudit(db);
  } finally {
    db.close();
  }
}

describe('an upload’s file name in the audit log', () => {
  it('is kept on one line and clipped, whatever the client sent', async () => {
    const name = `fly-tipping.csv\n${FORGED}\r${'A'.repeat(5_000_000)}.csv`;
    const body = new FormData();
    body.append('file', new File(['not,a,known,file\n1,2,3,4\n'], name));
    const answer = await api.app.request('/api/imports', {
      method: 'POST',
      body,
      headers: alex,
    });
    expect(answer.status).toBe(202);
    const { events } = (await answer.json()) as { events: string };
    await readEvents(await api.app.request(events, { headers: alex }));
    const row = (await rows()).filter((r) => r.action === 'import').at(-1);
    expect(row).toBeDefined();
    expect(row!.detail).not.toMatch(/[\n\r]/u);
    expect(row!.detail).toContain(`fly-tipping.csv␊${FORGED}␍AAA`);
    expect(row!.detail!.length).toBeLessThan(1_000);
  });
});

describe('printing the audit log', () => {
  it('shows a newline in any cell as ␊, on the row it belongs to (the CLI and /admin/audit)', async () => {
    const db = await api.ctx.store.session();
    try {
      await appendAudit(
        db,
        {
          actor: 'Priya',
          action: 'plan.update',
          outcome: 'ok',
          detail: `action 1: note "leaflets ordered\n${FORGED}"`,
        },
        api.ctx.clock(),
      );
    } finally {
      db.close();
    }
    const all = await rows();
    const text = auditCommand.text!({ rows: all }, {} as never);
    const lines = text.split('\n');
    // One header, one rule, one line per row: nothing more.
    expect(lines).toHaveLength(all.length + 2);
    expect(lines.filter((l) => /^\s*37\s+2026-12-07/u.test(l))).toEqual([]);
    expect(lines.at(-1)).toContain(`leaflets ordered␊${FORGED}`);

    const page = await (await api.app.request('/admin/audit', { headers: alex })).text();
    expect(page).toContain(`leaflets ordered␊${FORGED}`);
  });
});
