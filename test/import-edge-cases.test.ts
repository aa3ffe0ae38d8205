/**
 * Import edge cases found in review: folders with one broken entry, copies of the same content
 * in one command, text that must be stored exactly, and the LSOA-name fallback for districts
 * whose register name differs from the name police.uk uses ("Bristol, City of" / "Bristol 065A").
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { POLICE_COLUMNS } from '../src/domain/police-file.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { importPoliceData } from '../src/usecases/import-police-data.js';
import { runJson } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

const HEADER = POLICE_COLUMNS.street.join(',');
const row = (id: string, month: string, location = 'On or near High Street', context = '') =>
  `${id},${month},Hertfordshire Constabulary,Hertfordshire Constabulary,-0.45,51.65,${location},E01023819,Three Rivers 001A,Burglary,Under investigation,${context}`;

interface ImportJson {
  files: { path: string; status: string; accepted: number; error?: string; warnings: string[] }[];
}

describe('a folder with one broken entry', () => {
  it('imports the good files and reports the broken zip and the dangling link on their own', async () => {
    const folder = `${dir.path}/mixed`;
    mkdirSync(folder);
    writeFileSync(`${folder}/a-broken.zip`, 'not a zip');
    symlinkSync(`${folder}/missing.csv`, `${folder}/b-dangling.csv`);
    writeFileSync(
      `${folder}/2025-11-hertfordshire-street.csv`,
      `${HEADER}\n${row('x1', '2025-11')}\n`,
    );
    writeFileSync(
      `${folder}/2025-12-hertfordshire-street.csv`,
      `${HEADER}\n${row('x2', '2025-12')}\n`,
    );
    const { code, json, stderr } = await runJson<ImportJson>([
      'import',
      folder,
      '--db',
      emptyStoreCopy(dir.path, 'mixed.duckdb'),
    ]);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/unexpected failure/);
    const byStatus = (s: string) =>
      json.files.filter((f) => f.status === s).map((f) => f.path.split('/').pop());
    expect(byStatus('imported')).toEqual([
      '2025-11-hertfordshire-street.csv',
      '2025-12-hertfordshire-street.csv',
    ]);
    expect(byStatus('refused')).toEqual(['a-broken.zip', 'b-dangling.csv']);
    expect(json.files.find((f) => f.path.endsWith('b-dangling.csv'))?.error).toMatch(
      /no such file or folder \(or a broken link\)/,
    );
  });
});

describe('copies of the same content in one command', () => {
  it('imports the first and reports the second as already imported', async () => {
    writeFileSync(`${dir.path}/one.csv`, `${HEADER}\n${row('d1', '2025-10')}\n`);
    writeFileSync(`${dir.path}/two.csv`, `${HEADER}\n${row('d1', '2025-10')}\n`);
    const { json } = await runJson<ImportJson>([
      'import',
      `${dir.path}/one.csv`,
      `${dir.path}/two.csv`,
      '--db',
      emptyStoreCopy(dir.path, 'dup.duckdb'),
    ]);
    expect(json.files.map((f) => [f.status, f.accepted])).toEqual([
      ['imported', 1],
      ['already-imported', 0],
    ]);
    expect(json.files[1]?.warnings[0]).toMatch(/the same content as .*one\.csv/);
  });

  it('refuses both copies of a bad file on their own merits, never "already imported"', async () => {
    writeFileSync(`${dir.path}/h1.csv`, `${HEADER}\n`);
    writeFileSync(`${dir.path}/h2.csv`, `${HEADER}\n`);
    const { json } = await runJson<ImportJson>([
      'import',
      `${dir.path}/h1.csv`,
      `${dir.path}/h2.csv`,
      '--db',
      emptyStoreCopy(dir.path, 'dup2.duckdb'),
    ]);
    expect(json.files.map((f) => f.status)).toEqual(['refused', 'refused']);
    expect(json.files[1]?.error).toMatch(/h2\.csv: the file has a header but no rows/);
  });
});

describe('stored text', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openStore(emptyStoreCopy(dir.path, 'text.duckdb'));
  });
  afterAll(() => db?.close());

  it('keeps quotes, commas, line breaks and non-ASCII text exactly, with their lines', async () => {
    const tricky = [
      ['q1', 'On or near "The Crescent"', 'said "no", then left'],
      ['q2', 'On or near Hill Road, Rickmansworth', 'two\r\nlines'],
      ['q3', 'On or near Église Street — ünïcödé 🚲', 'back\\slash, NULL'],
    ];
    const csv = [
      HEADER,
      ...tricky.map(([id, loc, note]) =>
        row(
          id as string,
          '2025-09',
          `"${(loc as string).replaceAll('"', '""')}"`,
          `"${(note as string).replaceAll('"', '""')}"`,
        ),
      ),
      row('q4', '2025-09'),
    ].join('\r\n');
    writeFileSync(`${dir.path}/2025-09-hertfordshire-street.csv`, csv);
    const report = await importPoliceData(db, [`${dir.path}/2025-09-hertfordshire-street.csv`]);
    expect(report.files[0]?.accepted).toBe(4);
    const stored = await db.query<{
      crime_id: string;
      location: string;
      context: string | null;
      line: number;
    }>('SELECT crime_id, location, context, line FROM crime ORDER BY line');
    expect(stored).toEqual([
      { crime_id: 'q1', location: tricky[0]![1], context: tricky[0]![2], line: 2 },
      { crime_id: 'q2', location: tricky[1]![1], context: tricky[1]![2], line: 3 },
      { crime_id: 'q3', location: tricky[2]![1], context: tricky[2]![2], line: 5 },
      { crime_id: 'q4', location: 'On or near High Street', context: null, line: 6 },
    ]);
  });
});

describe('line ends, impossible dates and runaway quotes', () => {
  it('reads a file whose lines end in CRLF here and LF there without running lines together', async () => {
    const text = `${HEADER}\r\n${row('m1', '2025-07')}\r\n${[2, 3, 4, 5].map((i) => row(`m${i}`, '2025-07')).join('\n')}\n`;
    writeFileSync(`${dir.path}/2025-07-hertfordshire-street.csv`, text);
    const { json } = await runJson<ImportJson>([
      'import',
      `${dir.path}/2025-07-hertfordshire-street.csv`,
      '--db',
      emptyStoreCopy(dir.path, 'mixed-ends.duckdb'),
    ]);
    expect(json.files[0]).toMatchObject({ status: 'imported', accepted: 5 });
  });

  it('rejects a stop-and-search date that is not on the calendar, and imports the rest', async () => {
    const header = POLICE_COLUMNS['stop-and-search'].join(',');
    const search = (date: string) =>
      `Person search,${date},,,55.0,-1.6,Male,18-24,White,White,Misuse of Drugs Act 1971 (section 23),Controlled drugs,Arrest,True,False`;
    const text = [
      header,
      search('2020-04-30T10:00:00+00:00'),
      search('2020-04-31T10:00:00+00:00'),
      search('2020-04-01T24:30:00+00:00'),
    ].join('\n');
    writeFileSync(`${dir.path}/2020-04-northumbria-stop-and-search.csv`, text);
    const { code, json } = await runJson<{
      files: {
        status: string;
        accepted: number;
        rejectedSample: { line: number; reason: string }[];
      }[];
    }>([
      'import',
      `${dir.path}/2020-04-northumbria-stop-and-search.csv`,
      '--db',
      emptyStoreCopy(dir.path, 'dates.duckdb'),
    ]);
    expect(code).toBe(0);
    expect(json.files[0]).toMatchObject({ status: 'imported', accepted: 1 });
    expect(json.files[0]?.rejectedSample.map((r) => r.line)).toEqual([3, 4]);
    expect(json.files[0]?.rejectedSample[0]?.reason).toMatch(
      /"2020-04-31T10:00:00\+00:00" is not a real ISO 8601 date/,
    );
  });

  it('rejects the rows a stray quote runs together as one, saying so, and stores a bounded raw text', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => row(`r${i}`, '2025-06'));
    const text = [
      HEADER,
      row('ok1', '2025-06'),
      row('bad', '2025-06', '"On or near Open Street'),
      ...many,
      row('ok2', '2025-06', '"On or near ""Quoted"" Close"'),
    ].join('\n');
    expect(text.length).toBeGreaterThan(2_000_000);
    writeFileSync(`${dir.path}/2025-06-hertfordshire-street.csv`, text);
    const path = emptyStoreCopy(dir.path, 'quote.duckdb');
    const { code, json } = await runJson<{
      files: {
        status: string;
        accepted: number;
        rejected: number;
        rejectedSample: { line: number; reason: string }[];
      }[];
    }>(['import', `${dir.path}/2025-06-hertfordshire-street.csv`, '--db', path]);
    expect(code).toBe(0);
    expect(json.files[0]).toMatchObject({ status: 'imported', accepted: 1, rejected: 1 });
    expect(json.files[0]?.rejectedSample[0]?.line).toBe(3);
    expect(json.files[0]?.rejectedSample[0]?.reason).toMatch(
      /runs over 20002 lines: a quote opened in it and closed only later/,
    );
    const store = await openStore(path);
    const [stored] = await store.query<{ n: number }>('SELECT length(raw) AS n FROM rejected_row');
    store.close();
    expect(stored?.n).toBeLessThan(2100);
  });
});

describe('placing a new LSOA code by the district in its name', () => {
  it('finds "Bristol, City of" from an LSOA called "Bristol 065A"', async () => {
    const bristol = [
      HEADER,
      'b1,2025-08,Avon and Somerset Constabulary,Avon and Somerset Constabulary,-2.59,51.45,On or near Park Street,E01099999,Bristol 065A,Burglary,,',
    ].join('\n');
    writeFileSync(`${dir.path}/2025-08-avon-and-somerset-street.csv`, bristol);
    const db = emptyStoreCopy(dir.path, 'bristol.duckdb');
    const imported = await runJson<{
      files: { placement: { byLsoaName: number; unmatched: number } }[];
    }>(['import', `${dir.path}/2025-08-avon-and-somerset-street.csv`, '--db', db]);
    expect(imported.json.files[0]?.placement).toMatchObject({ byLsoaName: 1, unmatched: 0 });
    const check = await runJson<{
      unlistedLsoas: { code: string; district: { name: string } | null }[];
    }>(['areas', 'check', '--db', db]);
    expect(check.json.unlistedLsoas).toEqual([
      {
        code: 'E01099999',
        name: 'Bristol 065A',
        records: 1,
        district: { code: 'E06000023', name: 'Bristol, City of' },
      },
    ]);
  });
});

describe('a file joined to itself', () => {
  const gwent = gunzipSync(readFileSync(`${FIXTURES}gwent/2019-01-gwent-street.csv.gz`)).toString();
  const [header, ...rows] = gwent.trimEnd().split('\n');
  const imported = async (name: string, text: string) => {
    const folder = `${dir.path}/joined-${name}`;
    mkdirSync(folder);
    writeFileSync(`${folder}/2019-01-gwent-street.csv`, text);
    return runJson<ImportJson>([
      'import',
      folder,
      '--db',
      emptyStoreCopy(dir.path, `joined-${name}.duckdb`),
    ]);
  };

  it('is refused, read fast or field by field, naming the first repeat; one repeat too few is kept', async () => {
    const twice = `${header}\n${rows.join('\n')}\n${rows.join('\n')}\n`;
    // A quoted header makes the file not plain: every row is read field by field.
    const quoted = twice.replace(/^Crime ID,/u, '"Crime ID",');
    for (const [name, text] of [
      ['fast', twice],
      ['fields', quoted],
    ] as const) {
      const r = await imported(name, text);
      expect(r.code).toBe(2);
      expect(r.json.files[0]?.status).toBe('refused');
      expect(r.json.files[0]?.error).toMatch(
        new RegExp(
          `2019-01-gwent-street\\.csv:${rows.length + 2}: 3,867 of its 7,734 crimes repeat the Crime ID of an earlier row \\(line ${rows.length + 2} repeats line 2's\\): police\\.uk lists each crime once`,
          'u',
        ),
      );
    }
    // Nine crimes repeated: fewer than a file joined to itself, kept as police.uk may publish.
    const crimes = rows.filter((r) => !r.startsWith(','));
    const some = await imported(
      'nine',
      `${header}\n${rows.join('\n')}\n${crimes.slice(0, 9).join('\n')}\n`,
    );
    expect(some.code, some.stderr).toBe(0);
    expect(some.json.files[0]?.accepted).toBe(rows.length + 9);
  });
});
