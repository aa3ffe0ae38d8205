/**
 * Importing populations: codes matched to the register, bad rows rejected with their line,
 * sums up the register where every sub-area has a figure, and rates over a period using the
 * population year held nearest the period's end.
 * The LSOA counts below are SYNTHETIC test values (1,600 per LSOA), not real populations.
 */
import { writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { readZipEntries } from './helpers/raw-police.js';
import { queryStore } from './helpers/store-query.js';
import { FIXTURES, SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = `${dir.path}/pop.duckdb`;
let lsoas: { code: string; name: string }[];

beforeAll(async () => {
  // A small store (three Northumbria stop-and-search files): the register is what matters here,
  // with a month of Hertfordshire's street records in 2021 and in 2025, so that periods there are
  // held (a period with no month held is refused).
  emptyStoreCopy(dir.path, 'pop.duckdb');
  expect((await run(['import', `${FIXTURES}police`, '--db', db])).code).toBe(0);
  const files = await readZipEntries(SAMPLE_ZIP, /(2021-01|2025-01)-hertfordshire-street\.csv$/u);
  for (const [name, bytes] of files) writeFileSync(`${dir.path}/${name.split('/').pop()}`, bytes);
  expect(
    (
      await run([
        'import',
        ...[...files.keys()].map((n) => `${dir.path}/${n.split('/').pop()}`),
        '--db',
        db,
      ])
    ).code,
  ).toBe(0);
  lsoas = (
    await runJson<{ areas: { code: string; name: string }[] }>([
      'areas',
      '--type',
      'lsoa',
      '--within',
      'Three Rivers',
      '--db',
      db,
    ])
  ).json.areas;
});
afterAll(() => dir.remove());

interface PopulationReport {
  year: number;
  stored: number;
  derived: number;
  rejected: number;
  rejectedSample: { line: number; field: string; reason: string }[];
}

describe('lantern areas import-population', () => {
  it('stores LSOA populations, sums them to wards and the district, and rejects bad rows by line', async () => {
    const lines = [
      'LSOA Code,LSOA Name,All Ages',
      ...lsoas.map((l) => `${l.code},${l.name},"1,600"`),
    ];
    lines.push('E01999999,Nowhere 001A,10', 'E01023802,Three Rivers 001A,lots');
    const file = `${dir.path}/lsoa-2022.csv`;
    writeFileSync(file, lines.join('\n'));
    const { code, json } = await runJson<PopulationReport>([
      'areas',
      'import-population',
      file,
      '--year',
      '2022',
      '--source',
      'synthetic test values',
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ year: 2022, stored: 53, rejected: 2 });
    expect(json.rejectedSample).toEqual([
      { line: 55, field: 'LSOA Code', reason: '"E01999999" is not an area in the register' },
      { line: 56, field: 'All Ages', reason: '"lots" is not a whole number of people' },
    ]);
    // 13 wards of Three Rivers and the district itself are complete; the CSP too (one district).
    expect(json.derived).toBe(13 + 1 + 1);
    const wards = (
      await runJson<{ areas: { population: { count: number; year: number } }[] }>([
        'areas',
        '--type',
        'ward',
        '--within',
        'Three Rivers',
        '--db',
        db,
      ])
    ).json.areas;
    expect(wards.reduce((n, w) => n + w.population.count, 0)).toBe(53 * 1600);
    expect(wards.every((w) => w.population.year === 2022)).toBe(true);
  });

  it('uses the population year held nearest the end of the period', async () => {
    const later = await runJson<{ population: { year: number; count: number } }>([
      'summary',
      '--area',
      'Three Rivers',
      '--period',
      '2025-01..2025-12',
      '--db',
      db,
    ]);
    expect(later.json.population).toEqual({
      count: 84800,
      year: 2022,
      source: 'synthetic test values (summed)',
    });
    const earlier = await runJson<{ population: { year: number; count: number } }>([
      'summary',
      '--area',
      'Three Rivers',
      '--period',
      '2021-01..2021-12',
      '--db',
      db,
    ]);
    // 2021 is the Census 2021 figure bundled (migration 11), nearer than 2011 or the 2022 import.
    expect(earlier.json.population).toMatchObject({ count: 93700, year: 2021 });
  });

  it('refuses a file that does not say its year, and one with no code column', async () => {
    const noYear = `${dir.path}/no-year.csv`;
    writeFileSync(noYear, 'Code,Name,All Ages\nE07000102,Three Rivers,90000\n');
    expect((await run(['areas', 'import-population', noYear, '--db', db])).stderr).toMatch(
      /give --year YYYY/,
    );
    const noCode = `${dir.path}/no-code.csv`;
    writeFileSync(noCode, 'Place,All Ages\nThree Rivers,90000\n');
    const result = await run(['areas', 'import-population', noCode, '--year', '2022', '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /no code column found \(columns: Place, All Ages\); name it with --code-column/,
    );
  });

  it('reads the year from a "Mid-2023" header', async () => {
    const file = `${dir.path}/mid.csv`;
    writeFileSync(file, 'Code,Name,Mid-2023\nE07000102,Three Rivers,"93,000"\n');
    const { json } = await runJson<PopulationReport>([
      'areas',
      'import-population',
      file,
      '--db',
      db,
    ]);
    expect(json).toMatchObject({ year: 2023, stored: 1 });
  });

  it('rejects by its line a population too large to hold, where it gave a stack trace', async () => {
    const file = `${dir.path}/too-large.csv`;
    writeFileSync(file, 'Code,All Ages\nE07000102,3000000000\nE07000103,147000\n');
    const r = await runJson<PopulationReport>([
      'areas',
      'import-population',
      file,
      '--year',
      '2019',
      '--db',
      db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.stored).toBe(1);
    expect(r.json.rejectedSample).toEqual([
      {
        line: 2,
        field: 'All Ages',
        reason: '"3000000000" is more people than Lantern can hold (2,147,483,647)',
      },
    ]);
    writeFileSync(file, 'Code,All Ages\nE07000102,99999999999999999999\n');
    const refused = await run(['areas', 'import-population', file, '--year', '2019', '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `${file}: no row holds a code and a population (line 2: All Ages: "99999999999999999999" is more people`,
    );
    expect(refused.stderr).not.toMatch(/unexpected failure|\n\s+at /u);
  });

  it('refuses a file giving one area twice, naming both lines, and stores nothing of it', async () => {
    const file = `${dir.path}/twice.csv`;
    writeFileSync(
      file,
      'Code,Name,All Ages\nE07000103,Watford,96000\nE07000102,Three Rivers,90000\nE07000102,Three Rivers,5000\n',
    );
    const r = await run(['areas', 'import-population', file, '--year', '2018', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}: an area is given more than once (Code), so which figure is its population is not known; ` +
        'nothing was stored. lines 3 and 4 both give E07000102',
    );
    const held = await queryStore<{ n: number }>(
      db,
      'SELECT count(*)::INTEGER AS n FROM population WHERE year = 2018',
    );
    expect(held[0]?.n).toBe(0);
  });
});
