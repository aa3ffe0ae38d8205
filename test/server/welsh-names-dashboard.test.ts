/**
 * The dashboard finds a principal area of Wales by its Welsh name in every view, and its area box
 * offers it so (QA, on Gwent): Compare alone refused "Casnewydd", and the area box, a list of
 * English names, took "Casnewydd" typed for Caerphilly and "Sir Fynwy" for Sefton.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run } from '../helpers/cli.js';
import { emptyStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { FIXTURES, tempDir } from '../helpers/temp.js';

const dir = tempDir();
let server: TestServer;
beforeAll(async () => {
  const db = emptyStoreCopy(dir.path, 'gwent.duckdb');
  const imported = await run([
    'import',
    `${FIXTURES}gwent/2019-01-gwent-street.csv.gz`,
    '--db',
    db,
  ]);
  expect(imported.code, imported.stderr).toBe(0);
  server = await testServer(db);
});
afterAll(() => {
  server.close();
  dir.remove();
});

async function page(path: string): Promise<string> {
  const response = await server.app.request(path);
  expect(response.status, path).toBe(200);
  return (await response.text()).replace(/\s+/gu, ' ');
}

describe('a Welsh name on the dashboard', () => {
  it('is compared as its English name is, within Gwent', async () => {
    const body = await page('/compare?area=Casnewydd&category=burglary&period=2019-01');
    expect(body).not.toContain('is not a district or force of the data held');
    expect(body).toMatch(/districts of Gwent/u);
    expect(body).toContain('Newport');
  });

  it('is offered in the area box, and chosen there when the address names it', async () => {
    const body = await page('/trends?area=Casnewydd&category=burglary&period=2019-01');
    const select = /<select name="area">(.*?)<\/select>/u.exec(body)?.[1] ?? '';
    expect(select).toMatch(/<option value="Newport"> Casnewydd \(Newport\) <\/option>/u);
    expect(select).toMatch(
      /<option value="Monmouthshire"> Sir Fynwy \(Monmouthshire\) <\/option>/u,
    );
    // Newport is the one selected, and no stray option of the name typed is added.
    expect(select).toMatch(/<option value="Newport" selected> Newport <\/option>/u);
    expect(select).not.toMatch(/<option selected>Casnewydd<\/option>/u);
  });
});
