/**
 * `compare` over a period of which only some months are held (QA on Merseyside): January 2019 of
 * the real Merseyside street file (test/fixtures/merseyside), compared for 2019. The heading gave
 * "Burglary, 2019-01..2019-12 … per 1,000 overall" and a column "per 1,000", a year's rate to read,
 * with the one month held said only in a footnote. Now the text says PARTIAL PERIOD at the top as
 * `trends` does and labels the rates over the months held; the JSON and the dashboard say it too.
 */
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { importMerseyside } from './helpers/merseyside.js';
import { testServer, type TestServer } from './helpers/server.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = join(dir.path, 'merseyside.duckdb');

beforeAll(async () => {
  emptyStoreCopy(dir.path, 'merseyside.duckdb');
  await importMerseyside(db);
}, 120_000);
afterAll(() => dir.remove());

const compare = ['compare', '--within', 'Merseyside', '--category', 'burglary'];

describe('compare over a period partly held', () => {
  it('says PARTIAL PERIOD at the top and gives the rates over the month held', async () => {
    const r = await run([...compare, '--period', '2019', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const [heading, partial, , columns] = r.stdout.split('\n');
    expect(heading).toMatch(
      /^Burglary, 2019-01\.\.2019-12, districts of Merseyside: \d+\.\d\d per 1,000 over the month held;/u,
    );
    expect(heading).not.toMatch(/overall/u);
    expect(partial).toBe(
      'PARTIAL PERIOD: 1 of 12 months held: January 2019, for every area. Counts and rates cover these months only, not the whole period.',
    );
    expect(columns).toMatch(/ per 1,000, month /u);
  });

  it('says so in the JSON: the months the rates are over, and the coverage', async () => {
    const r = await runJson<{
      reference: { rate: number; per: number; months: number };
      coverage: { months: number; held: number; partial: boolean; words: string };
    }>([...compare, '--period', '2019', '--db', db]);
    expect(r.json.reference).toMatchObject({ per: 1000, months: 1 });
    expect(r.json.coverage).toMatchObject({
      months: 12,
      held: 1,
      partial: true,
      words: '1 of 12 months held: January 2019',
    });
    // A period wholly held says nothing of the kind.
    const whole = await run([...compare, '--period', '2019-01', '--db', db]);
    expect(whole.stdout.split('\n')[0]).toMatch(/ per 1,000 overall;/u);
    expect(whole.stdout).not.toMatch(/PARTIAL PERIOD/u);
  });

  it('labels the dashboard’s Compare table over the month held too', async () => {
    let server: TestServer | null = null;
    try {
      server = await testServer(db);
      const response = await server.app.request(
        '/compare?area=Liverpool&category=burglary&period=2019',
      );
      expect(response.status).toBe(200);
      const body = (await response.text()).replace(/\s+/gu, ' ');
      expect(body).toContain(
        'Partial period: 1 of 12 months held: January 2019, for every district',
      );
      expect(body).toContain('<th scope="col" class="num">Per 1,000 over the month held</th>');
    } finally {
      server?.close();
    }
  });
});

describe('compare of a peer group one of whose areas holds no month of the period', () => {
  it('names that area and says it has no data for the period', async () => {
    // QA: the refusal said only that no month was held for every area, naming none of them.
    const groups = dir.writeLines('peer-groups.yaml', [
      'groups:',
      '  - name: mersey-and-herts',
      '    description: three Merseyside districts and Three Rivers, whose records are not held',
      '    areas: [Liverpool, Sefton, Wirral, Three Rivers]',
    ]);
    const r = await run([
      'compare',
      '--group',
      'mersey-and-herts',
      '--peer-groups',
      groups,
      '--category',
      'burglary',
      '--period',
      '2019',
      '--db',
      db,
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      'Three Rivers (E07000102) has no data for 2019-01..2019-12 (no month of it held): compare without it, or import its data.',
    );
    expect(r.stderr).not.toMatch(/Liverpool|Sefton|Wirral/u);
  });
});
