/**
 * A grant given to an organisation holds for its members whatever the case and spacing of its
 * name as each was typed ("Herts Prevent" and "herts  prevent"), as the action plan's edit rights
 * match organisations (found by QA: grants alone matched them exactly).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addAccounts, TEST_PASSWORD } from './helpers/accounts.js';
import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
beforeAll(async () => {
  db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire' }] },
    { name: 'Kim', role: 'partner', organisation: 'Herts Prevent' },
    { name: 'Pat', role: 'partner', organisation: 'herts  prevent' },
    { name: 'Sam', role: 'partner', organisation: 'Herts Police' },
  ]);
  const grant = await run(
    [
      ...['users', 'grant', '--org', 'Herts Prevent', '--area', 'Three Rivers'],
      ...['--level', 'detail', '--as', 'Alex', '--db', db],
    ],
    { LANTERN_PASSWORD: TEST_PASSWORD },
  );
  expect(grant.code, grant.stderr).toBe(0);
});
afterAll(() => dir.remove());

const summary = (who: string) =>
  run(['summary', '--area', 'Three Rivers', '--period', '2025', '--as', who, '--db', db], {
    LANTERN_PASSWORD: TEST_PASSWORD,
  });

describe("an organisation's grant", () => {
  it('holds for a member whose organisation is the same name in other case and spacing', async () => {
    expect((await summary('Kim')).code).toBe(0);
    const r = await summary('Pat');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Three Rivers \(district E07000102\), 2025-01\.\.2025-12/u);
  });

  it('holds for no member of another organisation', async () => {
    const r = await summary('Sam');
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/does not cover Three Rivers/u);
  });
});
