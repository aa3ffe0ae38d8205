/**
 * Dates that cannot be right. A fly-tipping file with a good 2025 row and slips dated 2030-01-01
 * and 1900-01-01 used to cover "1900-01..2030-01 (1561 months)", every district-month a zero, so
 * `trends` showed 0 for months the file never covered; police.uk files of 2031-05 or 1850-01 were
 * stored, and "the latest month" became one to come. Now a partner row dated after today (the
 * command's clock) or before 2000-01 is rejected by line and field, a police.uk file of a month
 * after this one or before 2010-12 is refused naming its file, line and field, and a partner
 * file whose rows span more than 36 months with empty months between must say its period.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { POLICE_COLUMNS } from '../src/domain/police-file.js';
import { FULL_SCOPE } from '../src/domain/scope.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { importPartnerData } from '../src/usecases/import-partner-data.js';
import { importPoliceData } from '../src/usecases/import-police-data.js';
import { run, runJson } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

const FT_HEADER = 'date,area,land_type,waste_type,size,action_taken';
const ft = (date: string) => `${date},Three Rivers,highway,green,single-item,`;

function write(name: string, lines: readonly string[]): string {
  const path = join(dir.path, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

interface ImportJson {
  files: {
    status: string;
    months: string[];
    accepted: number;
    rejected: number;
    rejectedSample: { line: number; field: string; reason: string }[];
    warnings: string[];
    error?: string;
  }[];
}

describe('a partner file with dates after today or before 2000', () => {
  const db = join(dir.path, 'partner.duckdb');

  it('rejects those rows by line and field; the file covers only its real month', async () => {
    const file = write('ft-slips.csv', [
      FT_HEADER,
      ft('2025-03-04'),
      ft('2030-01-01'),
      ft('1900-01-01'),
    ]);
    const { code, json } = await runJson<ImportJson>([
      'import',
      '--dataset',
      'fly-tipping',
      file,
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    const [f] = json.files;
    expect(f).toMatchObject({ status: 'imported', months: ['2025-03'], accepted: 1, rejected: 2 });
    expect(f?.rejectedSample).toEqual([
      {
        line: 3,
        field: 'date',
        reason: expect.stringMatching(/^after today \(\d{4}-\d\d-\d\d\)/u),
      },
      {
        line: 4,
        field: 'date',
        reason: 'before 2000-01, the earliest month Lantern takes partner data for',
      },
    ]);
    // 2024 is not covered: missing, not zero.
    const trends = await run([
      'trends',
      '--area',
      'Three Rivers',
      '--dataset',
      'fly-tipping',
      '--category',
      'total',
      '--period',
      '2024',
      '--db',
      db,
    ]);
    expect(trends.code).toBe(2);
    expect(trends.stderr).toMatch(
      /no month of it is held .*unknown, not zero.*Months held: 2025-03\./u,
    );
  });

  describe('with the clock fixed', () => {
    let store: Db;
    beforeAll(async () => {
      store = await openStore(emptyStoreCopy(dir.path, 'clock.duckdb'));
    });
    afterAll(() => store.close());
    const request = (path: string, extra = {}) => ({
      dataset: 'fly-tipping',
      path,
      hashKeyFile: join(dir.path, 'clock.hash-key'),
      now: new Date('2025-06-15T12:00:00Z'),
      scope: FULL_SCOPE,
      ...extra,
    });

    it('takes "today" from the clock it is given: the day after is rejected, today is not', async () => {
      const file = write('ft-tomorrow.csv', [FT_HEADER, ft('2025-06-15'), ft('2025-06-16')]);
      const report = await importPartnerData(store, request(file));
      expect(report).toMatchObject({ months: ['2025-06'], accepted: 1, rejected: 1 });
      expect(report.rejectedSample[0]).toMatchObject({ line: 3, field: 'date' });
      expect(report.rejectedSample[0]?.reason).toMatch(/after today \(2025-06-15\)/u);
    });

    it('takes "today" as the day in the UK: at 00:30 BST a row of that day is not "after today"', async () => {
      // 23:30 UTC on 30 June is 00:30 on 1 July in London.
      const file = write('ft-bst.csv', [FT_HEADER, ft('2025-07-01'), ft('2025-07-02')]);
      const report = await importPartnerData(
        store,
        request(file, { now: new Date('2025-06-30T23:30:00Z') }),
      );
      expect(report).toMatchObject({ months: ['2025-07'], accepted: 1, rejected: 1 });
      expect(report.rejectedSample[0]).toMatchObject({ line: 3, field: 'date' });
      expect(report.rejectedSample[0]?.reason).toMatch(/after today \(2025-07-01\)/u);
    });

    it('refuses a declared period that ends after the current month', async () => {
      const file = write('ft-period.csv', [FT_HEADER, ft('2025-01-15')]);
      await expect(
        importPartnerData(store, request(file, { period: { from: '2025-01', to: '2025-07' } })),
      ).rejects.toThrow(/period.*2025-07 is after the current month \(2025-06\)/u);
    });

    it('refuses rows spanning more than 36 months with empty months between, unless declared', async () => {
      const file = write('ft-span.csv', [FT_HEADER, ft('2020-01-10'), ft('2025-01-10')]);
      await expect(importPartnerData(store, request(file))).rejects.toThrow(
        /2020-01 to 2025-01 \(61 months\), and 59 of those months have no row at all/u,
      );
      const declared = await importPartnerData(
        store,
        request(file, { period: { from: '2020-01', to: '2025-01' } }),
      );
      expect(declared).toMatchObject({ status: 'imported', accepted: 2 });
      expect(declared.months).toHaveLength(61);
    });

    it('warns of the months inside a shorter span that have no row', async () => {
      const file = write('ft-gap.csv', [FT_HEADER, ft('2024-01-10'), ft('2024-04-10')]);
      const report = await importPartnerData(store, request(file));
      expect(report.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
      expect(report.warnings).toContain(
        'no rows in 2024-02, 2024-03: counted as zero in the district of the file (a file covers every month from its first row to its last)',
      );
    });
  });
});

describe('a police.uk file of a month after this one or before 2010-12', () => {
  const HEADER = POLICE_COLUMNS.street.join(',');
  const row = (id: string, month: string) =>
    `${id},${month},Hertfordshire Constabulary,Hertfordshire Constabulary,-0.45,51.65,On or near High Street,E01023819,Three Rivers 001A,Burglary,Under investigation,`;

  it('is refused, naming the file, line and field, and nothing of it is stored', async () => {
    const folder = join(dir.path, 'police');
    mkdirSync(folder);
    const future = write('police/2031-05-hertfordshire-street.csv', [HEADER, row('f1', '2031-05')]);
    const past = write('police/1850-01-hertfordshire-street.csv', [HEADER, row('p1', '1850-01')]);
    const good = write('police/2025-06-hertfordshire-street.csv', [HEADER, row('g1', '2025-06')]);
    const store = await openStore(emptyStoreCopy(dir.path, 'police.duckdb'));
    try {
      const report = await importPoliceData(store, [future, past, good], {
        now: new Date('2025-06-15T12:00:00Z'),
      });
      expect(report.files.map((f) => [f.status, f.error ?? ''])).toEqual([
        [
          'refused',
          `${future}:2: Month: 2031-05 is after the current month (2025-06), so no police.uk file can hold it: the file is mislabelled or damaged. Nothing imported from it`,
        ],
        [
          'refused',
          `${past}:2: Month: 1850-01 is before 2010-12, the first month police.uk published, so no police.uk file can hold it: the file is mislabelled or damaged. Nothing imported from it`,
        ],
        ['imported', ''],
      ]);
      const months = await store.query<{ month: string }>('SELECT DISTINCT month FROM crime');
      expect(months.map((m) => m.month)).toEqual(['2025-06']);
      // The clock decides: a month later, 2025-07 would be the current month and accepted.
    } finally {
      store.close();
    }
  });
});
