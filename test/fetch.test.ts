/**
 * `lantern fetch` against a local fake of data.police.uk built from the bundled real data
 * (test/helpers/fake-police-api.ts). No test touches the internet.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PoliceApi } from '../src/acquire/police-api.js';
import { SourceUnavailableError } from '../src/errors.js';
import { openStore } from '../src/store/open-store.js';
import { run, runCliAsync, runJson } from './helpers/cli.js';
import { startFakePoliceApi, type FakeApi } from './helpers/fake-police-api.js';
import { parseRaw, readZipEntries, type RawRow } from './helpers/raw-police.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = `${dir.path}/fetch.duckdb`;
let months: Map<string, RawRow[]>;
let fake: FakeApi;
let rawFiles: Map<string, Buffer>;

beforeAll(async () => {
  rawFiles = await readZipEntries(SAMPLE_ZIP, /2025-\d\d-hertfordshire-street\.csv$/);
  months = new Map([...rawFiles].map(([name, bytes]) => [name.slice(0, 7), parseRaw(bytes)]));
  // The store already holds 2025-01..09 from the files; the API is asked for the rest.
  mkdirSync(`${dir.path}/csv`);
  for (const [name, bytes] of rawFiles) {
    if (name < '2025-10') writeFileSync(`${dir.path}/csv/${name.split('/').pop()}`, bytes);
  }
  expect((await run(['import', `${dir.path}/csv`, '--db', db])).code).toBe(0);
  fake = await startFakePoliceApi({
    months,
    published: [...months.keys()].filter((m) => m !== '2025-11'), // a real gap in the source
    maxPerPolygon: 600, // forces the polygon to be split
    throttleFirst: 2, // the first requests are told to slow down
    archives: new Map([
      [
        '2025-12',
        {
          '2025-12/2025-12-hertfordshire-street.csv': rawFiles.get(
            '2025-12/2025-12-hertfordshire-street.csv',
          ) as Buffer,
          '2025-11/2025-11-hertfordshire-street.csv': rawFiles.get(
            '2025-11/2025-11-hertfordshire-street.csv',
          ) as Buffer,
          '2025-12/2025-12-kent-street.csv': Buffer.from(
            (rawFiles.get('2025-12/2025-12-hertfordshire-street.csv') as Buffer)
              .toString('utf8')
              .replaceAll('Hertfordshire Constabulary', 'Kent Police'),
          ),
        },
      ],
    ]),
  });
});
afterAll(async () => {
  await fake?.close();
  dir.remove();
});

interface FetchJson {
  months: {
    month: string;
    status: string;
    returned?: number;
    kept?: number;
    accepted?: number;
    splits?: number;
  }[];
  requests: number;
}

const fetchArgs = (extra: string[] = []) => [
  'fetch',
  '--area',
  'Three Rivers',
  '--from',
  '2025-08',
  '--to',
  '2025-12',
  '--api-url',
  fake.apiUrl,
  '--db',
  db,
  ...extra,
];

describe('lantern fetch --area (the police.uk API)', () => {
  it('--dry-run lists what it would fetch, what is present and what the source lacks', async () => {
    const { code, json } = await runJson<FetchJson & { sourceUpdated: string }>(
      fetchArgs(['--dry-run']),
    );
    expect(code).toBe(0);
    expect(json.sourceUpdated).toBe('2025-12');
    expect(json.months.map((m) => [m.month, m.status])).toEqual([
      ['2025-08', 'present'],
      ['2025-09', 'present'],
      ['2025-10', 'would-fetch'],
      ['2025-11', 'unavailable'],
      ['2025-12', 'would-fetch'],
    ]);
  });

  it('fetches the missing months through 429s and 503 splits, and stores only records in the area', async () => {
    const { code, json } = await runJson<FetchJson>(fetchArgs());
    expect(code).toBe(0);
    const byMonth = Object.fromEntries(json.months.map((m) => [m.month, m]));
    expect(byMonth['2025-11']?.status).toBe('unavailable');
    for (const month of ['2025-10', '2025-12']) {
      const m = byMonth[month]!;
      expect(m.status).toBe('fetched');
      expect(m.splits).toBeGreaterThan(0);
      expect(m.returned).toBeGreaterThan(m.kept!); // the hull reaches into neighbouring districts
      expect(m.accepted).toBe(m.kept);
    }
    expect(fake.log.filter((l) => l.status === 429)).toHaveLength(2);
    expect(fake.log.filter((l) => l.status === 503).length).toBeGreaterThan(0);
  });

  it('lands API records in the same LSOAs, and in the same numbers by category, as the CSV has them', async () => {
    const store = await openStore(db);
    const stored = await store.query<{ crime_id: string; lsoa_code: string; category: string }>(
      `SELECT crime_id, lsoa_code, category FROM crime WHERE month = '2025-12' AND crime_id IS NOT NULL`,
    );
    store.close();
    const csv = new Map((months.get('2025-12') ?? []).map((r) => [r['Crime ID'], r['LSOA code']]));
    const same = stored.filter((s) => csv.get(s.crime_id) === s.lsoa_code).length;
    expect(stored.length).toBeGreaterThan(300);
    expect(same / stored.length).toBeGreaterThan(0.99);
    const inThreeRivers = (months.get('2025-12') ?? []).filter(
      (r) => (r['LSOA name'] ?? '').startsWith('Three Rivers ') && r['Crime ID'] !== '',
    );
    expect(Math.abs(stored.length - inThreeRivers.length)).toBeLessThan(
      inThreeRivers.length * 0.02,
    );
  });

  it('marks fetched months observed for the area, not for its neighbours or the whole force', async () => {
    const threeRivers = await runJson<{ months: { month: string; status: string }[] }>([
      'summary',
      '--area',
      'Three Rivers',
      '--period',
      '2025-10..2025-12',
      '--db',
      db,
    ]);
    expect(threeRivers.json.months.map((m) => m.status)).toEqual([
      'observed',
      'missing',
      'observed',
    ]);
    // Watford holds none of these months: the period is refused, never shown as zeros.
    const watford = await runJson<Record<string, unknown>>([
      'summary',
      '--area',
      'Watford',
      '--period',
      '2025-10..2025-12',
      '--db',
      db,
    ]);
    expect(watford.code).toBe(2);
    expect(JSON.stringify(watford.json)).toMatch(/no month of it is held .*unknown, not zero/u);
  });

  it('resumes: a second run fetches nothing already held', async () => {
    const before = fake.log.length;
    const { json } = await runJson<FetchJson>(fetchArgs());
    expect(json.months.map((m) => m.status)).toEqual([
      'present',
      'present',
      'present',
      'unavailable',
      'present',
    ]);
    expect(fake.log.slice(before).map((l) => l.path)).toEqual([
      '/api/crimes-street-dates',
      '/api/crime-last-updated',
    ]);
  });

  it('says clearly when the source cannot be reached, without a stack trace', async () => {
    const result = await runCliAsync([
      'fetch',
      '--area',
      'Watford',
      '--from',
      '2025-10',
      '--to',
      '2025-10',
      '--api-url',
      `http://127.0.0.1:${await closedPort()}/api/`,
      '--db',
      db,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /crimes-street-dates: no answer \(last: ECONNREFUSED\)\. Check the network connection/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe('PoliceApi (retries, timeouts and broken answers)', () => {
  const quick = { backoffMs: 1, maxRetries: 2 };

  it('retries a broken body and succeeds', async () => {
    const server = await startFakePoliceApi({ months, brokenFirst: 1 });
    const api = new PoliceApi({ baseUrl: server.apiUrl, ...quick });
    const ring: [number, number][] = [
      [-0.5, 51.6],
      [-0.4, 51.6],
      [-0.4, 51.7],
      [-0.5, 51.7],
      [-0.5, 51.6],
    ];
    const answer = await api.streetCrimes(ring, '2025-12');
    expect(answer.ok && answer.crimes.length).toBeGreaterThan(0);
    expect(server.log.map((l) => l.status)).toEqual([200, 200]);
    await server.close();
  });

  it('gives up on a slow server after its timeout, saying so', async () => {
    const server = await startFakePoliceApi({ months, slowMs: 1000 });
    const api = new PoliceApi({ baseUrl: server.apiUrl, timeoutMs: 100, ...quick });
    await expect(
      api.streetCrimes(
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
        '2025-12',
      ),
    ).rejects.toThrow(/no answer \(last: no answer within 0.1 s\)/);
    await server.close();
  });

  it('reports a server that keeps failing with its status', async () => {
    const server = await startFakePoliceApi({ months, alwaysStatus: 500 });
    const api = new PoliceApi({ baseUrl: server.apiUrl, ...quick });
    await expect(api.availableMonths()).rejects.toThrow(SourceUnavailableError);
    await expect(api.availableMonths()).rejects.toThrow(/last: HTTP 500/);
    await server.close();
  });

  it('reports a 404 at once, without retrying', async () => {
    const server = await startFakePoliceApi({ months, alwaysStatus: 404 });
    const api = new PoliceApi({ baseUrl: server.apiUrl, ...quick });
    await expect(api.lastUpdated()).rejects.toThrow(/answered HTTP 404/);
    expect(server.log).toHaveLength(1);
    await server.close();
  });
});

describe('lantern fetch --archive (a monthly archive, streamed)', () => {
  it("imports only the chosen force's files, and a second run adds nothing", async () => {
    const store = `${dir.path}/archive.duckdb`;
    const first = await runJson<{
      files: { path: string; status: string; force: string }[];
      entriesInArchive: number;
    }>([
      'fetch',
      'archive',
      '--force',
      'hertfordshire',
      '--month',
      '2025-12',
      '--archive-url',
      fake.archiveUrl,
      '--db',
      store,
    ]);
    expect(first.code).toBe(0);
    expect(first.json.entriesInArchive).toBe(3);
    expect(first.json.files.map((f) => [f.path.split('!')[1], f.status, f.force])).toEqual([
      ['2025-11/2025-11-hertfordshire-street.csv', 'imported', 'hertfordshire'],
      ['2025-12/2025-12-hertfordshire-street.csv', 'imported', 'hertfordshire'],
    ]);
    const again = await runJson<{ files: { status: string }[] }>([
      'fetch',
      'archive',
      '--force',
      'hertfordshire',
      '--month',
      '2025-12',
      '--archive-url',
      fake.archiveUrl,
      '--db',
      store,
    ]);
    expect(again.json.files.map((f) => f.status)).toEqual(['already-imported', 'already-imported']);
  });

  it('says when the source has no archive for that month', async () => {
    const result = await run([
      'fetch',
      'archive',
      '--force',
      'hertfordshire',
      '--month',
      '2019-01',
      '--archive-url',
      fake.archiveUrl,
      '--db',
      `${dir.path}/none.duckdb`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2019-01\.zip: the source has no such archive \(HTTP 404\)/);
  });

  it('refuses a force police.uk does not have', async () => {
    const result = await run([
      'fetch',
      'archive',
      '--force',
      'borsetshire',
      '--month',
      '2025-12',
      '--db',
      `${dir.path}/none.duckdb`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"borsetshire" is not a force that publishes on police.uk/);
  });
});

/** A port on 127.0.0.1 with nothing listening. */
async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
