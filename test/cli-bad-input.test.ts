/**
 * What a user sees when they give Lantern bad files: a clear message naming the file (and line
 * and field for rows), exit code 2, nothing imported from the bad file, the good files of the
 * same command still imported, and never a stack trace. The commands run in this process through
 * the binary's own entry (`lantern()`); test/cli-bad-input-process.test.ts checks the process
 * itself (its exit code, and stdout holding only the JSON document).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import { afterAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';

import { POLICE_COLUMNS } from '../src/domain/police-file.js';
import { openStore } from '../src/store/open-store.js';
import { run, runJson } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

const HEADER = POLICE_COLUMNS.street.join(',');
const ROW = (id: string, month = '2025-12') =>
  `${id},${month},Hertfordshire Constabulary,Hertfordshire Constabulary,-0.45,51.65,"On or near High Street, Rickmansworth",E01023819,Three Rivers 001A,Burglary,Under investigation,`;

function file(name: string, content: string | Buffer): string {
  const path = `${dir.path}/${name}`;
  writeFileSync(path, content);
  return path;
}

function zip(name: string, entries: Record<string, string>): Promise<string> {
  const path = `${dir.path}/${name}`;
  const z = new yazl.ZipFile();
  for (const [entry, content] of Object.entries(entries)) z.addBuffer(Buffer.from(content), entry);
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => {
      writeFileSync(path, Buffer.concat(chunks));
      resolve(path);
    });
    z.outputStream.on('error', reject);
  });
}

interface ImportJson {
  files: {
    path: string;
    kind: string | null;
    status: string;
    accepted: number;
    rejected: number;
    error?: string;
  }[];
}

async function rejectedRows(path: string) {
  const db = await openStore(path);
  try {
    return await db.query('SELECT line, field, reason, raw FROM rejected_row ORDER BY line');
  } finally {
    db.close();
  }
}

let stores = 0;
/** A new store of its own, holding no data. */
const freshDb = () => emptyStoreCopy(dir.path, `store-${++stores}.duckdb`);
/** A path where no store is (a usage error is answered before any store is opened). */
const noStore = () => `${dir.path}/none-${++stores}.duckdb`;

describe('lantern import with bad input', () => {
  it('refuses a file lacking required columns, names them, and still imports the other files', async () => {
    const db = freshDb();
    const bad = file(
      '2025-12-hertfordshire-street.csv',
      'Crime ID,Reported by,Falls within\nabc,x,y\n',
    );
    mkdirSync(`${dir.path}/good`);
    const good = file(
      'good/2025-11-hertfordshire-street.csv',
      `${HEADER}\n${ROW('a', '2025-11')}\n`,
    );
    const result = await runJson<ImportJson>(['import', bad, good, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.json.files.map((f) => f.status)).toEqual(['refused', 'imported']);
    expect(result.json.files[0]?.error).toMatch(/2025-12-hertfordshire-street\.csv: .*"Month"/);
    const areas = await runJson<{ areas: { name: string; crime: number }[] }>([
      'areas',
      '--db',
      db,
    ]);
    expect(areas.json.areas.find((a) => a.name === 'Three Rivers')?.crime).toBe(1);
  });

  it.each([
    ['an empty file', 'empty.csv', '', /empty\.csv: the file is empty/],
    [
      'a binary file',
      'picture.csv',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
      /picture\.csv: not a CSV file \(it contains binary data\)/,
    ],
    [
      'a CSV that is not police.uk data',
      'people.csv',
      'name,email\nAnn,a@b.c\n',
      /people\.csv: not a police\.uk street, outcomes or stop-and-search CSV/,
    ],
    [
      'a header with no rows',
      'header.csv',
      `${HEADER}\n`,
      /header\.csv: the file has a header but no rows/,
    ],
    [
      'a broken gzip file',
      'broken.csv.gz',
      Buffer.from('not gzip at all'),
      /broken\.csv\.gz: not a readable gzip file/,
    ],
  ])('refuses %s with a clear message and exit code 2', async (_what, name, content, message) => {
    const result = await run(['import', file(name, content), '--db', freshDb()]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(message);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses a zip with nothing importable, saying what it holds', async () => {
    const path = await zip('notes.zip', { 'readme.txt': 'hello', 'data/summary.pdf': '%PDF' });
    const result = await run(['import', path, '--db', freshDb()]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /notes\.zip: the archive holds no CSV files to import \(it holds readme\.txt, data\/summary\.pdf\)/,
    );
  });

  it('refuses a path that does not exist, and a file that is not a zip', async () => {
    const result = await runJson<ImportJson>([
      'import',
      `${dir.path}/nope.csv`,
      file('fake.zip', 'text'),
      '--db',
      freshDb(),
    ]);
    expect(result.code).toBe(2);
    expect(result.json.files.map((f) => f.error)).toEqual([
      expect.stringMatching(/nope\.csv: no such file or folder/),
      expect.stringMatching(/fake\.zip: not a readable zip archive/),
    ]);
  });

  it('imports a zip in place: UTF-8 BOM, CRLF, quoted commas and newlines, and gzip inside', async () => {
    const crlf = `\uFEFF${HEADER}\r\n${ROW('a')}\r\n${ROW('b').replace('High Street, Rickmansworth', 'High Street\r\nRickmansworth')}\r\n`;
    const path = await zip('archive.zip', {
      '2025-12/2025-12-hertfordshire-street.csv': crlf,
      'readme.txt': 'not imported',
    });
    const gz = file(
      '2025-11-hertfordshire-street.csv.gz',
      gzipSync(`${HEADER}\n${ROW('c', '2025-11')}\n`),
    );
    const db = freshDb();
    const result = await runJson<ImportJson>(['import', path, gz, '--db', db]);
    expect(result.code).toBe(0);
    expect(result.json.files.map((f) => [f.status, f.accepted, f.rejected])).toEqual([
      ['imported', 2, 0],
      ['imported', 1, 0],
    ]);
    const summary = await runJson<{ totals: { crime: number } }>([
      'summary',
      '--area',
      'Three Rivers',
      '--db',
      db,
    ]);
    expect(summary.json.totals.crime).toBe(3);
  });

  it('rejects bad rows one by one with line and reason, imports the rest, and stores the rejects', async () => {
    const rows = [
      HEADER,
      ROW('a'),
      ROW('b').replace('-0.45', '-45.0'),
      ROW('c').replace('Burglary', 'Arson'),
      ROW('d'),
    ];
    const db = freshDb();
    const result = await run([
      'import',
      file('2025-12-hertfordshire-street.csv', rows.join('\n')),
      '--db',
      db,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2 accepted, 2 rejected/);
    expect(result.stdout).toMatch(
      /line 3: Longitude\/Latitude: -45.0, 51.65 is outside Great Britain/,
    );
    expect(result.stdout).toMatch(/line 4: Crime type: "Arson" is not a police.uk crime type/);
    const stored = await rejectedRows(db);
    expect(stored).toEqual([
      {
        line: 3,
        field: 'Longitude/Latitude',
        reason: expect.stringMatching(/outside Great Britain/),
        raw: rows[2],
      },
      {
        line: 4,
        field: 'Crime type',
        reason: 'Crime type: "Arson" is not a police.uk crime type',
        raw: rows[3],
      },
    ]);
  });

  it('answers usage errors with exit code 2 and no stack trace', async () => {
    expect((await run(['import', '--db', noStore()])).code).toBe(2);
    expect((await run(['summary', '--db', noStore()])).stderr).toMatch(/--area AREA is required/);
    expect(
      (await run(['summary', '--area', 'Three Rivers', '--period', '2025-13', '--db', noStore()]))
        .stderr,
    ).toMatch(/--period: "2025-13" is not a month/);
    const missing = await run([
      'summary',
      '--area',
      'Three Rivers',
      '--db',
      `${dir.path}/typo.duckdb`,
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/typo\.duckdb: no store here/);
    const db = freshDb();
    expect((await run(['import', `${FIXTURES}police`, '--db', db])).code).toBe(0);
    expect((await run(['summary', '--area', 'Atlantis', '--db', db])).stderr).toMatch(
      /no area is called "Atlantis"/,
    );
    const county = await run(['areas', '--type', 'county', '--db', noStore()]);
    expect(county.code).toBe(2);
    expect(county.stderr).toMatch(/--type: "county" is not force, csp, district, ward or lsoa/);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['import', 'x.csv', '--colour'])).stderr).toMatch(
      /import has no option --colour; import takes --dataset/,
    );
  });
});
