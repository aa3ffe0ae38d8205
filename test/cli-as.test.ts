/**
 * Issue 20: the CLI acts as a named local user. `--as USER` (or LANTERN_AS) makes a data command
 * read with that user's grants, as the dashboard does for them once signed in; without it the
 * owner of the store's file reads everything.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { addAccounts } from './helpers/accounts.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;

beforeAll(async () => {
  db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire' }] },
    {
      name: 'Priya',
      role: 'partner',
      organisation: 'Three Rivers DC',
      grants: [{ area: 'Three Rivers' }],
    },
    {
      name: 'Pat',
      role: 'partner',
      organisation: 'Three Rivers DC',
      grants: [{ area: 'Three Rivers' }, { area: 'Hertfordshire', level: 'aggregate' }],
    },
  ]);
});

const trends = (area: string, ...extra: string[]) =>
  runJson<{ current: number }>(
    ['trends', '--area', area, '--category', 'burglary', '--period', '2025', '--db', db, ...extra],
    {},
  );

describe('--as: a command run as a named user reads with their grants', () => {
  it("reads the partner's own district as the owner sees it", async () => {
    const owner = await trends('Three Rivers');
    const priya = await trends('Three Rivers', '--as', 'Priya');
    expect(priya.code).toBe(0);
    expect(priya.json).toEqual(owner.json);
  });

  it('refuses a district the partner is not granted, naming it; the owner still reads it', async () => {
    expect((await trends('Watford')).code).toBe(0);
    const priya = await run(
      ['trends', '--area', 'Watford', '--category', 'burglary', '--as', 'Priya', '--db', db],
      {},
    );
    expect(priya.code).not.toBe(0);
    expect(priya.stderr).toContain('Watford');
  });

  it('takes the user from LANTERN_AS, and --as over it', async () => {
    const viaEnv = await run(
      ['trends', '--area', 'Watford', '--category', 'burglary', '--db', db],
      { LANTERN_AS: 'priya@example.gov.uk' },
    );
    expect(viaEnv.code).not.toBe(0);
    expect(viaEnv.stderr).toContain('Watford');
    const overridden = await run(
      ['trends', '--area', 'Watford', '--category', 'burglary', '--as', 'Alex', '--db', db],
      { LANTERN_AS: 'Priya' },
    );
    expect(overridden.code).toBe(0);
  });

  it('refuses a user who does not exist, or an empty name, rather than reading as the owner', async () => {
    const nobody = await run(
      ['trends', '--area', 'Three Rivers', '--category', 'burglary', '--as', 'Nobody', '--db', db],
      {},
    );
    expect(nobody.code).not.toBe(0);
    expect(nobody.stderr).toContain('no user is called "Nobody"');
    const empty = await run(
      ['trends', '--area', 'Three Rivers', '--category', 'burglary', '--as', ' ', '--db', db],
      {},
    );
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--as needs the name or email of a user');
  });

  it('is listed in the help of a command that reads', async () => {
    const help = await run(['trends', '--help'], {});
    expect(help.stdout).toContain('--as USER');
  });
});

describe('--as: the strategic assessment report of a partner with the county as totals only', () => {
  it('is made for their district from what they may read, with no other district in it', async () => {
    const out = join(dir.path, 'pat-report');
    const r = await run(
      [
        'report',
        '--area',
        'Three Rivers',
        '--period',
        '2025',
        '--draft',
        '--no-pdf',
        '--no-save',
        '--out',
        out,
        '--as',
        'Pat',
        '--db',
        db,
      ],
      {},
    );
    expect(r.code, r.stderr).toBe(0);
    // Domestic abuse (restricted, not granted to Pat) was read for the hidden-figure table and
    // refused the whole report; it is now left out of that table with a note saying why.
    const html = readFileSync(join(out, 'assessment.html'), 'utf8');
    expect(html).toContain('Three Rivers');
    // No other district, and no county figure, is read or printed.
    const data = readdirSync(join(out, 'data'))
      .map((f) => readFileSync(join(out, 'data', f), 'utf8'))
      .join('\n');
    for (const other of ['Watford', 'Dacorum', 'St Albans', 'Hertsmere'])
      expect(html + data, other).not.toContain(other);
  });
});
