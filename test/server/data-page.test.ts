/**
 * The Data page says what the caller's access shows, and offers the upload only to those who may
 * import. Before, a dataset held but not open to the caller read "none held" (Vic, a viewer, was
 * told fly-tipping was "none held" while Trends showed it him; Priya, domestic abuse), and viewers
 * and partners were offered "Import a file", then refused after uploading. (Dashboard QA.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addAccounts, signIn } from '../helpers/accounts.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let server: TestServer;
const pages = new Map<string, string>();
const cookies = new Map<string, string>();
const dataPage = async (who: string) =>
  (
    await (await server.app.request('/data', { headers: { Cookie: cookies.get(who)! } })).text()
  ).replace(/\s+/gu, ' ');

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire', sensitivity: 'restricted' }] },
    { name: 'Ann', role: 'analyst', grants: [{ area: 'Three Rivers', sensitivity: 'partner' }] },
    {
      name: 'Priya',
      role: 'partner',
      organisation: 'Three Rivers DC',
      grants: [{ area: 'Three Rivers', sensitivity: 'partner' }],
    },
    { name: 'Vic', role: 'viewer', grants: [{ area: 'Three Rivers' }] },
  ]);
  server = await testServer(db);
  for (const who of ['Alex', 'Ann', 'Priya', 'Vic']) {
    cookies.set(who, await signIn(server.app, who));
    pages.set(who, await dataPage(who));
  }
});
afterAll(() => {
  server.close();
  dir.remove();
});

/** The Records and Months cells of a dataset's row on the caller's page. */
function row(who: string, label: string): string {
  const found = new RegExp(`<th scope="row"> ?${label}.*?</th>(.*?)</tr>`, 'u').exec(
    pages.get(who)!,
  );
  expect(found, `${who}: ${label}`).not.toBeNull();
  return found![1]!;
}

describe('the Data page', () => {
  it('says a dataset seen as totals only is so, not that none is held', () => {
    expect(row('Vic', 'Fly-tipping incidents')).toContain(
      'totals only for your access: see Trends',
    );
    expect(row('Vic', 'Fly-tipping incidents')).not.toContain('none held');
  });

  it('says a dataset not open to the caller is so, not that none is held', () => {
    expect(row('Priya', 'Domestic abuse')).toContain('not open to your access');
    expect(row('Priya', 'Domestic abuse')).not.toContain('none held');
    // What is open to her is shown as held.
    expect(row('Priya', 'Fly-tipping incidents')).toMatch(/\d{4}-\d{2} to \d{4}-\d{2}/u);
  });

  it('offers the upload only to those who may import', () => {
    for (const who of ['Alex', 'Ann']) expect(pages.get(who)).toContain('id="upload-form"');
    for (const who of ['Priya', 'Vic']) {
      expect(pages.get(who)).not.toContain('id="upload-form"');
      expect(pages.get(who)).not.toContain('Import a file');
    }
  });

  it('offers to import only the datasets the caller’s grants open', () => {
    // QA: an analyst whose grants do not open domestic abuse was offered it, then refused.
    const options = (who: string) =>
      [
        ...(/<select name="dataset">(.*?)<\/select>/u.exec(pages.get(who)!)?.[1] ?? '').matchAll(
          /<option value="([^"]*)">/gu,
        ),
      ].map((m) => m[1]);
    expect(options('Ann')).toContain('fly-tipping');
    expect(options('Ann')).not.toContain('domestic-abuse');
    expect(options('Ann')).not.toContain('prevent');
    expect(options('Alex')).toEqual(expect.arrayContaining(['domestic-abuse', 'prevent']));
  });

  it('offers in the Category box only the partner datasets the caller’s grants open', async () => {
    // QA: an analyst without domestic abuse was offered it there, and refused on choosing it.
    const trends = async (who: string) =>
      (
        await (
          await server.app.request('/trends?area=Three%20Rivers', {
            headers: { Cookie: cookies.get(who)! },
          })
        ).text()
      ).replace(/\s+/gu, ' ');
    const ann = /<select name="category">(.*?)<\/select>/u.exec(await trends('Ann'))?.[1] ?? '';
    expect(ann).toContain('Fly-tipping incidents');
    expect(ann).not.toContain('Domestic abuse');
    expect(ann).not.toContain('Prevent');
    const alex = /<select name="category">(.*?)<\/select>/u.exec(await trends('Alex'))?.[1] ?? '';
    expect(alex).toContain('Domestic abuse');
  });

  it('names a running upload’s files only to its uploader and admins', async () => {
    const slot = server.ctx.writer.take('ward-list-2026.csv', server.ctx.clock(), 'another-id');
    try {
      expect('busy' in slot).toBe(false);
      expect(await dataPage('Alex')).toContain('An import is running now (ward-list-2026.csv');
      const ann = await dataPage('Ann');
      expect(ann).toContain('An import is running now (another user&#39;s upload');
      expect(ann).not.toContain('ward-list-2026.csv');
    } finally {
      server.ctx.writer.release();
    }
  });
});
