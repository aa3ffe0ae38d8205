/**
 * Issue 20 item 5: imports, exports and reads of restricted datasets leave a row in the audit log
 * — from the command line and from the server, refused and failed ones too — and the chain of
 * rows stays whole.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addAccounts, TEST_PASSWORD } from './helpers/accounts.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { testServer, type TestServer } from './helpers/server.js';
import { tempDir } from './helpers/temp.js';

const PW = { LANTERN_PASSWORD: TEST_PASSWORD };
const ORIGIN = { Origin: 'http://localhost' };
const MERSEYSIDE = 'test/fixtures/merseyside/2019-01-merseyside-street.csv.gz';

interface AuditRow {
  actor: string;
  action: string;
  area: string | null;
  dataset: string | null;
  outcome: string;
  detail: string | null;
}

async function auditOf(db: string): Promise<AuditRow[]> {
  const log = await runJson<{ rows: AuditRow[]; verified: { brokenAt: number | null } }>(
    ['audit', '--verify', '--db', db],
    {},
  );
  expect(log.json.verified.brokenAt).toBeNull();
  return log.json.rows;
}

describe('the command line', () => {
  const dir = tempDir();

  it('records an import, and a refused one, naming the files and who ran it', async () => {
    const db = join(dir.path, 'cli.duckdb');
    const ok = await run(['import', MERSEYSIDE, '--db', db], { USER: 'analyst1' });
    expect(ok.code).toBe(0);
    const bad = join(dir.path, '2019-02-merseyside-street.csv');
    writeFileSync(bad, 'Crime ID,Month\nabc,not a month\n');
    const refused = await run(['import', bad, '--db', db], { USER: 'analyst1' });
    expect(refused.code).toBe(2);
    const rows = (await auditOf(db)).filter((r) => r.action === 'import');
    expect(rows).toEqual([
      expect.objectContaining({
        actor: 'local:analyst1',
        action: 'import',
        area: null,
        dataset: 'police.uk',
        outcome: 'ok',
        detail: '2019-01-merseyside-street.csv.gz',
      }),
      expect.objectContaining({
        actor: 'local:analyst1',
        outcome: 'failed',
        detail: expect.stringMatching(/^2019-02-merseyside-street\.csv; /u),
      }),
    ]);
  });
});

describe('the server', () => {
  const dir = tempDir();
  let db: string;
  let server: TestServer;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    db = demoStoreCopy(dir.path);
    await addAccounts(db, [
      { name: 'Alex', role: 'admin' },
      {
        name: 'Sam',
        role: 'analyst',
        grants: [{ area: 'Hertfordshire', sensitivity: 'restricted' }],
      },
      { name: 'Priya', role: 'partner', grants: [{ area: 'Three Rivers' }] },
    ]);
    server = await testServer(db);
    for (const who of ['Sam', 'Priya']) {
      const r = await server.app.request('/sign-in', {
        method: 'POST',
        headers: ORIGIN,
        body: new URLSearchParams({ who, password: PW.LANTERN_PASSWORD, next: '/' }),
      });
      cookies.set(who, /lantern_session=[^;]+/u.exec(r.headers.get('Set-Cookie') ?? '')![0]);
    }
  });
  afterAll(() => server?.close());

  const get = (who: string, path: string) =>
    server.app.request(path, { headers: { Cookie: cookies.get(who)!, ...ORIGIN } });

  it('records every read of a restricted dataset, an answer kept included, and a refused one', async () => {
    const path = '/api/trends?area=Three%20Rivers&dataset=domestic-abuse';
    expect((await get('Sam', path)).status).toBe(200);
    expect((await get('Sam', path)).status).toBe(200); // served from the answers kept
    expect((await get('Priya', path)).status).toBe(403);
    // A public dataset's read leaves no row.
    expect((await get('Sam', '/api/trends?area=Three%20Rivers&category=burglary')).status).toBe(
      200,
    );
    server.close();
    try {
      const views = (await auditOf(db)).filter((r) => r.action === 'view');
      expect(views).toEqual([
        ...[1, 2].map(() =>
          expect.objectContaining({
            actor: 'Sam',
            action: 'view',
            area: 'Three Rivers',
            dataset: 'domestic-abuse',
            outcome: 'ok',
            detail: 'trends',
          }),
        ),
        expect.objectContaining({ actor: 'Priya', outcome: 'refused', dataset: 'domestic-abuse' }),
      ]);
    } finally {
      server = await testServer(db);
    }
  });

  it('records an export and an upload, with who made them', async () => {
    const exported = '/api/export/street-records.csv?area=Three%20Rivers&period=2025-12';
    // A HEAD (a download manager asking the file's name first) exports nothing: no row.
    const head = await server.app.request(exported, {
      method: 'HEAD',
      headers: { Cookie: cookies.get('Sam')!, ...ORIGIN },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-disposition')).toBe(
      'attachment; filename="street-records-three-rivers-2025-12.csv"',
    );
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const csv = await get('Sam', exported);
    expect(csv.status).toBe(200);
    const form = new FormData();
    const { readFileSync } = await import('node:fs');
    form.append('file', new File([readFileSync(MERSEYSIDE)], '2019-01-merseyside-street.csv.gz'));
    const upload = await server.app.request('/api/imports', {
      method: 'POST',
      headers: { Cookie: cookies.get('Sam')!, ...ORIGIN },
      body: form,
    });
    expect(upload.status).toBe(202);
    const { events } = (await upload.json()) as { events: string };
    const stream = await get('Sam', events);
    expect(await stream.text()).toContain('event: report');
    server.close();
    try {
      const rows = await auditOf(db);
      expect(rows.filter((r) => r.action === 'export')).toEqual([
        expect.objectContaining({
          actor: 'Sam',
          action: 'export',
          area: 'Three Rivers',
          dataset: 'street-records',
          outcome: 'ok',
          detail: 'street-records.csv',
        }),
      ]);
      expect(rows.filter((r) => r.action === 'import')).toEqual([
        expect.objectContaining({
          actor: 'Sam',
          action: 'import',
          area: null,
          dataset: 'police.uk',
          outcome: 'ok',
          detail: '2019-01-merseyside-street.csv.gz',
        }),
      ]);
    } finally {
      server = await testServer(db);
    }
  });
});
