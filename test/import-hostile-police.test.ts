/**
 * Careless and hostile police.uk files, each made here from a bundled real file (the
 * Hertfordshire sample's 2025-12 street file, the Northumbria 2020-06 stop-and-search fixture):
 * a --force that contradicts the file or names no force, searches of another month, a force
 * police.uk does not know, a repeated column, a NUL byte deep in a file, and a zip entry whose
 * bytes fail its CRC-32 must each refuse the file with the file, the line and the field, leaving
 * the store exactly as it was (a copy of the demo store, which holds the Hertfordshire sample).
 * A coordinate in hexadecimal or binary, or a Gender or Age range police.uk does not publish,
 * rejects its row (with line and field) as other bad values do. The real files still import whole.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PlacementLookups } from '../src/domain/placement.js';
import { parsePoliceFile } from '../src/ingest/police/parse-police-file.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { importPoliceData, type ImportOptions } from '../src/usecases/import-police-data.js';
import { runJson } from './helpers/cli.js';
import { demoStoreCopy, emptyStoreCopy } from './helpers/demo-store.js';
import { readZipEntries } from './helpers/raw-police.js';
import { storeFingerprint, type Fingerprint } from './helpers/store-fingerprint.js';
import { FIXTURES, SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
let storePath: string;
let db: Db;
let baseline: Fingerprint;

const STREET_NAME = '2025-12-hertfordshire-street.csv';
const SEARCH_NAME = '2020-06-northumbria-stop-and-search.csv';
/** The bundled 2025-12 Hertfordshire street file: its text, header and rows. */
let STREET: string;
let HEADER: string;
let ROWS: string[];
/** The Northumbria 2020-06 stop-and-search file (real, from police.uk): text, header and rows. */
let SEARCHES: string;
let SEARCH_HEADER: string;
let SEARCH_ROWS: string[];

beforeAll(async () => {
  const raw = await readZipEntries(SAMPLE_ZIP, /2025-12-hertfordshire-street\.csv$/);
  STREET = (raw.get(`2025-12/${STREET_NAME}`) as Buffer).toString('utf8');
  [HEADER, ...ROWS] = STREET.trimEnd().split('\n') as [string, ...string[]];
  SEARCHES = gunzipSync(readFileSync(join(FIXTURES, `police/${SEARCH_NAME}.gz`))).toString('utf8');
  [SEARCH_HEADER, ...SEARCH_ROWS] = SEARCHES.trimEnd().split('\n') as [string, ...string[]];
  storePath = demoStoreCopy(dir.path, 'hostile.duckdb');
  db = await openStore(storePath);
  baseline = await storeFingerprint(db);
});
afterAll(() => {
  db?.close();
  dir.remove();
});

let cases = 0;
/** Writes `content` as `name` in a folder of its own; returns its path. */
function write(name: string, content: string | Buffer): string {
  const folder = join(dir.path, `case-${++cases}`);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** Rows with column `index` (0-based) changed by `change`. */
function withColumn(
  rows: readonly string[],
  index: number,
  change: (value: string, i: number) => string,
): string[] {
  return rows.map((row, i) => {
    const fields = row.split(',');
    fields[index] = change(fields[index] as string, i);
    return fields.join(',');
  });
}

const csv = (lines: readonly string[]) => lines.join('\n') + '\n';

/** Imports the paths into the demo store's copy; every file must be refused with `message`. */
async function expectRefused(paths: string[], message: RegExp, options: ImportOptions = {}) {
  const { files } = await importPoliceData(db, paths, options);
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    expect(f.status, f.error).toBe('refused');
    expect(f.error).toMatch(message);
  }
  expect(await storeFingerprint(db)).toEqual(baseline);
}

// Street columns (police.uk order) and stop-and-search columns.
const REPORTED_BY = 2;
const FALLS_WITHIN = 3;
const LONGITUDE = 4;
const LATITUDE = 5;
const DATE = 1;

describe('--force never re-labels a file as another force', () => {
  it("refuses --force that contradicts the force the file's name gives, saying both", async () => {
    await expectRefused(
      [write(SEARCH_NAME, SEARCHES)],
      /2020-06-northumbria-stop-and-search\.csv: the file name says force "northumbria" but --force says "hertfordshire"/,
      { force: 'hertfordshire' },
    );
  });

  it('refuses a --force that is no police.uk force, with the force it may mean', async () => {
    await expectRefused(
      [write('searches.csv', SEARCHES)],
      /searches\.csv: --force "northumbira" is not a force that publishes on police\.uk \(did you mean "northumbria"\?\)/,
      { force: 'northumbira' },
    );
  });

  it("refuses a --force that contradicts a street file's rows", async () => {
    await expectRefused(
      // All rows but the last: content the store does not hold already.
      [write('herts-export.csv', csv([HEADER, ...ROWS.slice(0, -1)]))],
      /herts-export\.csv: its rows fall within "hertfordshire" but --force says "kent"/,
      { force: 'kent' },
    );
  });

  it('refuses a stop-and-search file whose name gives a force police.uk does not know', async () => {
    await expectRefused(
      [write('2020-06-northumbira-stop-and-search.csv', SEARCHES)],
      /the file name says force "northumbira", which is not a force that publishes on police\.uk \(did you mean "northumbria"\?\)/,
    );
  });

  it('through the command: exit code 2, and the misspelt force named', async () => {
    const path = write('searches.csv', SEARCHES);
    const { code, json } = await runJson<{ files: { status: string; error?: string }[] }>([
      'import',
      path,
      '--force',
      'northumbira',
      '--db',
      join(dir.path, 'cli.duckdb'),
    ]);
    expect(code).toBe(2);
    expect(json.files[0]?.error).toMatch(/did you mean "northumbria"/);
  });
});

describe('stop-and-search rows of another month refuse the file', () => {
  it('refuses a file every Date of which is of another month, naming the line and field', async () => {
    const moved = withColumn(SEARCH_ROWS, DATE, () => '2020-08-05T10:00:00+00:00');
    await expectRefused(
      [write(SEARCH_NAME, csv([SEARCH_HEADER, ...moved]))],
      /:2: line 2 is of 2020-08, but the file is of 2020-06 \(as its name says\).*line 2's Date is "2020-08-05T10:00:00\+00:00"/,
    );
  });

  it('refuses one row of another month among good ones', async () => {
    const one = withColumn(SEARCH_ROWS, DATE, (v, i) =>
      i === 9 ? '2020-05-14T12:00:00+00:00' : v,
    );
    await expectRefused(
      [write(SEARCH_NAME, csv([SEARCH_HEADER, ...one]))],
      /:11: line 11 is of 2020-05, but the file is of 2020-06/,
    );
  });

  it('refuses a search late on the last day of the month before, in UK time too', async () => {
    // 23:30 BST on 31 May: written in UTC as 22:30, the UK date is still 31 May.
    const late = withColumn(SEARCH_ROWS, DATE, (v, i) =>
      i === 0 ? '2020-05-31T22:30:00+00:00' : v,
    );
    await expectRefused(
      [write(SEARCH_NAME, csv([SEARCH_HEADER, ...late]))],
      /:2: line 2 is of 2020-05, but the file is of 2020-06/,
    );
  });
});

describe('a force police.uk does not know refuses the file', () => {
  it('refuses rows reported by and falling within "Acme Police", naming line and field', async () => {
    await expectRefused(
      [write('herts-export.csv', STREET.replaceAll('Hertfordshire Constabulary', 'Acme Police'))],
      /herts-export\.csv:2: Reported by "Acme Police" is not a force that publishes on police\.uk/,
    );
  });

  it('refuses one row falling within an unknown force in a police.uk named file', async () => {
    const one = withColumn(ROWS, FALLS_WITHIN, (v, i) => (i === 99 ? 'Acme Police' : v));
    await expectRefused(
      [write(STREET_NAME, csv([HEADER, ...one]))],
      /:101: Falls within "Acme Police" is not a force that publishes on police\.uk/,
    );
  });

  it('refuses one row reported by a misspelt force, with the force it may mean', async () => {
    const one = withColumn(ROWS, REPORTED_BY, (v, i) =>
      i === 4 ? 'Hertfordshire Constabulry' : v,
    );
    await expectRefused(
      [write(STREET_NAME, csv([HEADER, ...one]))],
      /:6: Reported by "Hertfordshire Constabulry" is not a force .*\(did you mean "Hertfordshire Constabulary"\?\)/,
    );
  });
});

describe('the header of a police file', () => {
  it('refuses a repeated column (a second Month holding another month)', async () => {
    const lines = [`${HEADER},Month`, ...ROWS.map((r) => `${r},2025-07`)];
    await expectRefused(
      [write(STREET_NAME, csv(lines))],
      /2025-12-hertfordshire-street\.csv:1: the header repeats "Month" \(columns 2 and 13\)/,
    );
  });
});

describe('coordinates are decimal numbers', () => {
  const lookups: PlacementLookups = {
    districtOfLsoa: new Map(),
    districtByName: new Map(),
    forceAreaOfDistrict: new Map(),
  };
  it('rejects a latitude in hexadecimal and a longitude in binary, each with its line', () => {
    // 0x33 is 51 and 0b1 is 1: inside Great Britain if read as numbers.
    let rows = withColumn(ROWS.slice(0, 20), LATITUDE, (v, i) => (i === 3 ? '0x33' : v));
    rows = withColumn(rows, LONGITUDE, (v, i) => (i === 7 ? '0b1' : v));
    const text = csv([HEADER, ...rows]);
    const parsed = parsePoliceFile(STREET_NAME, STREET_NAME, Buffer.from(text), 'h', { lookups });
    expect(parsed.rejected.map((r) => [r.line, r.field, r.reason])).toEqual([
      [5, 'Latitude', 'Latitude: "0x33" is not a decimal number (such as -0.4512)'],
      [9, 'Longitude', 'Longitude: "0b1" is not a decimal number (such as -0.4512)'],
    ]);
    expect(parsed.staged.rows).toBe(18);
  });
});

describe("stop-and-search Gender and Age range are police.uk's values", () => {
  const lookups: PlacementLookups = {
    districtOfLsoa: new Map(),
    districtByName: new Map(),
    forceAreaOfDistrict: new Map(),
  };
  it('rejects a Gender or Age range police.uk does not publish, each with its line', () => {
    const GENDER = 6;
    const AGE_RANGE = 7;
    let rows = withColumn(SEARCH_ROWS, GENDER, (v, i) => (i === 2 ? 'M' : v));
    rows = withColumn(rows, AGE_RANGE, (v, i) => (i === 5 ? '35-44' : v));
    const text = csv([SEARCH_HEADER, ...rows]);
    const parsed = parsePoliceFile(SEARCH_NAME, SEARCH_NAME, Buffer.from(text), 'h', { lookups });
    expect(parsed.rejected.map((r) => [r.line, r.field, r.reason])).toEqual([
      [4, 'Gender', `Gender: "M" is not one of police.uk's values (Male, Female, Other)`],
      [
        7,
        'Age range',
        `Age range: "35-44" is not one of police.uk's values (under 10, 10-17, 18-24, 25-34, over 34)`,
      ],
    ]);
    expect(parsed.staged.rows).toBe(SEARCH_ROWS.length - 2);
  });
});

describe('NUL bytes', () => {
  it('refuses a NUL byte after the first 8 KiB, naming its line and field', async () => {
    // Inside the Location of a line past the first 100,000 bytes.
    const start = STREET.indexOf('\n', 100_000) + 1;
    const at = STREET.indexOf(',On or near ', start) + 5;
    const line = STREET.slice(0, at).split('\n').length;
    await expectRefused(
      [write(STREET_NAME, STREET.slice(0, at) + '\0' + STREET.slice(at))],
      new RegExp(
        `${STREET_NAME}:${line}: line ${line} holds a NUL byte \\(character 0\\) in its "Location" field`,
      ),
    );
  });
});

describe('zip entries are checked against their CRC-32', () => {
  it('refuses a stored entry with one byte changed, naming the archive and entry', async () => {
    const entry = `2025-12/${STREET_NAME}`;
    const zip = await new Promise<Buffer>((resolve, reject) => {
      const z = new yazl.ZipFile();
      z.addBuffer(Buffer.from(STREET), entry, { compress: false });
      z.end();
      const chunks: Buffer[] = [];
      z.outputStream.on('data', (c: Buffer) => chunks.push(c));
      z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
      z.outputStream.on('error', reject);
    });
    // One digit of a Crime ID: the file is as good as ever to every other check.
    const id = (ROWS[0] as string).slice(0, 12);
    const at = zip.indexOf(id) + 5;
    zip[at] = zip[at] === 0x30 ? 0x31 : 0x30;
    await expectRefused(
      [write('corrupt.zip', zip)],
      /corrupt\.zip!2025-12\/2025-12-hertfordshire-street\.csv: the entry is damaged \(its bytes fail the archive's CRC-32 check/,
    );
  });
});

describe('the real files still import whole', () => {
  it("imports the real Northumbria file, whose searches just after midnight BST are written in the day before's UTC", async () => {
    // The fixture holds searches at 2020-05-31T23:05:00+00:00 (00:05 BST on 1 June).
    expect(SEARCHES).toContain('2020-05-31T23:05:00+00:00');
    const path = write(SEARCH_NAME, SEARCHES);
    const fresh = await openStore(emptyStoreCopy(dir.path, 'fresh.duckdb'));
    try {
      const { files } = await importPoliceData(fresh, [path]);
      expect(files.map((f) => [f.status, f.force, f.accepted, f.rejected])).toEqual([
        ['imported', 'northumbria', SEARCH_ROWS.length, 0],
      ]);
      // --force keeps naming the force of a file whose name does not give it (here the same
      // searches but the last, so that it is new content replacing the month).
      const unnamed = csv([SEARCH_HEADER, ...SEARCH_ROWS.slice(0, -1)]);
      const named = await importPoliceData(fresh, [write('searches.csv', unnamed)], {
        force: 'northumbria',
      });
      expect(named.files.map((f) => [f.status, f.force, f.months, f.accepted])).toEqual([
        ['imported', 'northumbria', ['2020-06'], SEARCH_ROWS.length - 1],
      ]);
    } finally {
      fresh.close();
    }
  });
});
