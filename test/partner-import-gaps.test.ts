/**
 * Partner imports on Merseyside and Gwent districts: what a file does not give (a count column it
 * lacks, a month a rejected row may lie in, a district a misspelt row may be) is never counted as
 * zero, and what the import counts is what `datasets` shows. Through `lantern` in this process, on
 * copies of one empty store; every expected number is worked out from the rows written here.
 */
import type { PartnerImportReport } from '../src/usecases/import-partner-data.js';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../src/domain/scope.js';
import { openStore } from '../src/store/open-store.js';
import { partnerCountsTable } from '../src/usecases/export-aggregates.js';
import { runJson } from './helpers/cli.js';
import { queryStore, updateStore } from './helpers/store-query.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const EMPTY = join(dir.path, 'empty.duckdb');

beforeAll(async () => {
  // Opening a store creates it (the register of areas); a file that does not exist changes nothing.
  const opened = await runJson([
    'import',
    '--dataset',
    'domestic-abuse',
    join(dir.path, 'none.csv'),
    '--db',
    EMPTY,
  ]);
  expect(opened.code).toBe(2);
});
afterAll(() => dir.remove());

let copies = 0;
function storeCopy(): string {
  const path = join(dir.path, `store-${++copies}.duckdb`);
  copyFileSync(EMPTY, path);
  return path;
}

const writeText = dir.writeLines;

async function importFile(
  db: string,
  dataset: string,
  file: string,
  extra: readonly string[] = [],
) {
  const { code, json } = await runJson<{ files: PartnerImportReport[] }>([
    'import',
    '--dataset',
    dataset,
    file,
    ...extra,
    '--db',
    db,
  ]);
  return { code, file: json.files[0] as PartnerImportReport };
}

describe('lantern datasets', () => {
  it('shows the rows held as the import counted them, not one per count column', async () => {
    // Liverpool and Wirral, 2018-11 and 2018-12: 4 rows, each holding 2 counts (8 counts).
    const db = storeCopy();
    const file = writeText('da-four.csv', [
      'month,area,incidents,crimes',
      '2018-11,Liverpool,1234,555',
      '2018-11,Wirral,515,231',
      '2018-12,Liverpool,1241,559',
      '2018-12,Wirral,522,234',
    ]);
    expect((await importFile(db, 'domestic-abuse', file)).file.accepted).toBe(4);
    const { json } = await runJson<{ datasets: { name: string; held?: { rows: number } }[] }>([
      'datasets',
      '--db',
      db,
    ]);
    expect(json.datasets.find((d) => d.name === 'domestic-abuse')?.held?.rows).toBe(4);
  });
});

describe('workbooks', () => {
  it('a formula saved with no calculated value is said to be one, not "required, but empty"', async () => {
    // Liverpool's incidents as =E+F: 2018-11's with its value saved (1,234), 2018-12's without.
    const db = storeCopy();
    const path = join(dir.path, 'da-formula.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DA');
    sheet.addRow(['month', 'area', 'incidents', 'crimes', 'part a', 'part b']);
    sheet.addRow(['2018-11', 'Liverpool', { formula: 'E2+F2', result: 1234 }, 555, 617, 617]);
    sheet.addRow(['2018-12', 'Liverpool', { formula: 'E3+F3' }, 559, 620, 621]);
    await workbook.xlsx.writeFile(path);
    const { file } = await importFile(db, 'domestic-abuse', path);
    expect(file).toMatchObject({ status: 'imported', accepted: 1, rejected: 1 });
    expect(file.rejectedSample).toEqual([
      {
        line: 3,
        field: 'incidents',
        reason:
          'a formula with no calculated value (the workbook was saved without calculating it): ' +
          'open the workbook in Excel and save it, then import it again',
      },
    ]);
  });
});

interface TrendJson {
  category: string;
  current: number | null;
  months: { month: string; count: number | null }[];
  ratePer1000?: number | null;
}

async function trends(db: string, args: readonly string[]) {
  const { code, json } = await runJson<TrendJson | TrendJson[]>(['trends', ...args, '--db', db]);
  return { code, docs: Array.isArray(json) ? json : [json] };
}

describe('months a rejected row leaves unknown', () => {
  it('a rejected row whose date cannot be read leaves the months with no accepted row missing, not zero', async () => {
    // Newport: 2018-11 and 2019-01 accepted; line 3 ("43440", an Excel serial typed as text) is
    // rejected, and may be December's only offence: December is unknown, not 0.
    const db = storeCopy();
    const file = writeText('hc-undated.csv', [
      'date,area,strands,offence_group',
      '2018-11-05,Newport,race,public order',
      '43440,Newport,religion,public order',
      '2019-01-07,Newport,race,criminal damage',
    ]);
    const { file: report } = await importFile(db, 'hate-crime', file);
    expect(report).toMatchObject({ status: 'imported', accepted: 2, rejected: 1 });
    expect(report.warnings.join('\n')).not.toMatch(/counted as zero/);
    expect(report.warnings).toContain(
      'left missing, not zero (a rejected row whose date could not be read may lie in them, and ' +
        'they have no accepted row): W06000022 2018-12',
    );
    const { docs } = await trends(db, [
      '--area',
      'Newport',
      '--dataset',
      'hate-crime',
      '--category',
      'race',
      '--period',
      '2018-11..2019-01',
    ]);
    expect(docs[0]?.months.map((m) => [m.month, m.count])).toEqual([
      ['2018-11', 1],
      ['2018-12', null],
      ['2019-01', 1],
    ]);
  });

  it('a row whose area cannot be read leaves its month unknown only where it could be, and an import with nothing usable is refused', async () => {
    // Liverpool, Wirral and Newport, one row each a month; December's Liverpool is misspelt
    // ("Liverpol"). Wirral and Newport have their December rows (a second would be a repeat),
    // so only Liverpool's December is unknown.
    const db = storeCopy();
    const typo = writeText('da-typo.csv', [
      'month,area,incidents,crimes',
      '2018-11,Liverpool,1234,555',
      '2018-11,Wirral,515,231',
      '2018-11,Newport,280,126',
      '2018-12,Liverpol,1241,559',
      '2018-12,Wirral,522,234',
      '2018-12,Newport,287,130',
    ]);
    const { code, file } = await importFile(db, 'domestic-abuse', typo);
    expect(code).toBe(0);
    expect(file).toMatchObject({ status: 'imported', accepted: 5, rejected: 1 });
    expect(file.warnings).toContain(
      'left missing (a rejected row held their count): E08000012 2018-12',
    );
    const series = async (area: string) =>
      (
        await trends(db, [
          '--area',
          area,
          '--dataset',
          'domestic-abuse',
          '--category',
          'incidents',
          '--period',
          '2018-11..2018-12',
        ])
      ).docs[0]?.months.map((m) => m.count);
    expect(await series('Newport')).toEqual([280, 287]);
    expect(await series('Wirral')).toEqual([515, 522]);
    expect(await series('Liverpool')).toEqual([1234, null]);

    // Liverpool's November again, by ward, Childwall's count unreadable: the month is unknown
    // for Liverpool, so Knotty Ash's 10 is not stored beside the 1,234 held (it was, and
    // November read 1,244); Wirral's November (520) replaces the 515 held.
    const wards = writeText('da-wards.csv', [
      'month,area,incidents,crimes',
      '2018-11,Knotty Ash,10,4',
      '2018-11,Childwall,twelve,5',
      '2018-11,Wirral,520,233',
    ]);
    expect((await importFile(db, 'domestic-abuse', wards)).file).toMatchObject({
      status: 'imported',
      accepted: 2,
      rejected: 1,
      warnings: [
        'left missing (a rejected row held their count): E08000012 2018-11',
        'not given by the file, so unknown (not zero): repeat_victims, referrals',
      ],
    });
    expect(await series('Liverpool')).toEqual([1234, null]);
    expect(await series('Wirral')).toEqual([520, 522]);
    const check = await runJson<{ problems: unknown[] }>(['check', '--db', db]);
    expect(check.json.problems).toEqual([]);

    // Liverpool's wards alone, one misspelt: no accepted row can be counted. Refused, not "✓".
    const none = writeText('da-wards-only.csv', [
      'month,area,incidents,crimes',
      '2018-12,Knotty Ash,11,4',
      '2018-12,Childwal,13,5',
    ]);
    const refused = await importFile(db, 'domestic-abuse', none);
    expect(refused.code).toBe(2);
    expect(refused.file.status).toBe('refused');
    expect(refused.file.error).toBe(
      `${none}: none of its 1 accepted rows can be counted: each lies in a district and month that ` +
        'a rejected row leaves unknown (E08000012 2018-12); nothing imported. Fix the rejected rows ' +
        '(line 3, field area: not an area in the register (give an ONS code or a name)) and import the file again',
    );
  });
});

describe('replacing an aggregate month', () => {
  it('a count far smaller than the one held is refused without --replace, as far fewer rows are', async () => {
    // Newport 2019-01: 294 incidents and 134 crimes held. A file giving 50 and 20 (less than 80%,
    // and more than 3 fewer) is refused; 290 and 133 (a revision) replace them; 50 with --replace.
    const db = storeCopy();
    const held = writeText('da-newport.csv', [
      'month,area,incidents,crimes',
      '2019-01,Newport,294,134',
    ]);
    expect((await importFile(db, 'domestic-abuse', held)).file.status).toBe('imported');
    const shrink = writeText('da-shrink.csv', [
      'month,area,incidents,crimes',
      '2019-01,Newport,50,20',
    ]);
    const refused = await importFile(db, 'domestic-abuse', shrink);
    expect(refused.code).toBe(2);
    // domestic-abuse is restricted: the counts are not given back, only what fell.
    expect(refused.file.error).toBe(
      `${shrink}: would replace a month's count with a far smaller one (W06000022 2019-01, ` +
        'incidents; W06000022 2019-01, crimes; less than 80% of what is held), so it may be cut ' +
        'short; nothing imported from it. If the smaller file is right, run the import again with --replace.',
    );
    const incidents = async () =>
      (
        await trends(db, [
          '--area',
          'Newport',
          '--dataset',
          'domestic-abuse',
          '--category',
          'incidents',
          '--period',
          '2019-01..2019-01',
        ])
      ).docs[0]?.months.map((m) => m.count);
    expect(await incidents()).toEqual([294]);
    const revised = writeText('da-revised.csv', [
      'month,area,incidents,crimes',
      '2019-01,Newport,290,133',
    ]);
    expect((await importFile(db, 'domestic-abuse', revised)).file).toMatchObject({
      status: 'imported',
      replaced: 1,
    });
    expect(await incidents()).toEqual([290]);
    expect((await importFile(db, 'domestic-abuse', shrink, ['--replace'])).file).toMatchObject({
      status: 'imported',
      replaced: 1,
    });
    expect(await incidents()).toEqual([50]);
  });
});

describe('counts a file does not give', () => {
  it('are not held (unknown), never 0: in trends, its JSON and the counts export', async () => {
    // Liverpool: incidents and crimes both months; repeat_victims 40 in 2018-11 and blank in
    // 2018-12; no referrals column at all.
    const db = storeCopy();
    const file = writeText('da-some-counts.csv', [
      'month,area,incidents,crimes,repeat_victims',
      '2018-11,Liverpool,1234,555,40',
      '2018-12,Liverpool,1241,559,',
    ]);
    const { file: report } = await importFile(db, 'domestic-abuse', file);
    expect(report).toMatchObject({ status: 'imported', accepted: 2, rejected: 0 });
    expect(report.warnings).toContain(
      'not given by the file, so unknown (not zero): repeat_victims, referrals',
    );
    const { docs } = await trends(db, [
      '--area',
      'Liverpool',
      '--dataset',
      'domestic-abuse',
      '--all',
      '--period',
      '2018-11..2018-12',
    ]);
    const by = new Map(docs.map((d) => [d.category, d]));
    expect(by.get('incidents')).toMatchObject({ current: 2475 });
    expect(by.get('repeat-victims')?.current).toBe(40);
    expect(by.get('repeat-victims')?.months.map((m) => m.count)).toEqual([40, null]);
    expect(by.get('referrals')).toMatchObject({ current: null, ratePer1000: null });
    expect(by.get('referrals')?.months.map((m) => m.count)).toEqual([null, null]);

    const store = await openStore(db);
    try {
      const table = await partnerCountsTable(store, FULL_SCOPE, {
        area: 'Liverpool',
        dataset: 'domestic-abuse',
      });
      expect(table.rows.filter((r) => r[3] === 'referrals')).toEqual([]);
      expect(table.notes).toContain(
        "Counts the partner's files do not give, so not held (no rows: unknown, not zero), by " +
          'district: Liverpool, referrals: 2018-11, 2018-12; Liverpool, repeat-victims: 2018-12.',
      );
    } finally {
      store.close();
    }
  });
});

describe('a store of an earlier version', () => {
  it('has the counts its files did not give corrected when first opened (migration 23)', async () => {
    // Liverpool 2018-11 and 2018-12 (no referrals column; repeat_victims blank in 2018-12) and
    // 2019-01 with no row (a zero month): imported, then made as an earlier version left it.
    const db = storeCopy();
    const file = writeText('da-earlier.csv', [
      'month,area,incidents,crimes,repeat_victims',
      '2018-11,Liverpool,1234,555,40',
      '2018-12,Liverpool,1241,559,',
    ]);
    expect(
      (await importFile(db, 'domestic-abuse', file, ['--period', '2018-11..2019-01'])).code,
    ).toBe(0);
    await updateStore(
      db,
      'ALTER TABLE partner_coverage DROP COLUMN not_given; DELETE FROM schema_migration WHERE version = 23',
    );
    // Any command opens it, and upgrades it.
    expect((await runJson(['datasets', '--db', db])).code).toBe(0);
    const rows = await queryStore<{ month: string; not_given: string[] | null }>(
      db,
      'SELECT month, not_given FROM partner_coverage ORDER BY month',
    );
    expect(rows).toEqual([
      { month: '2018-11', not_given: ['referrals'] },
      { month: '2018-12', not_given: ['referrals', 'repeat-victims'] },
      { month: '2019-01', not_given: ['referrals'] },
    ]);
  });
});

describe('the partner-counts export of a month held with nothing in it', () => {
  // A month with no row reads as not held (the table's own note); a held month's category
  // with no records, or a file's month with no row, is 0 and has its row (QA: Three Rivers'
  // Prevent referrals of February 2025, 0 in trends, had no row in the export).
  it('gives a count of 0, not no row, and still no row for a count the file does not give', async () => {
    const db = storeCopy();
    const counts = writeText('da-zero-month.csv', [
      'month,area,incidents,crimes,repeat_victims',
      '2018-11,Liverpool,1234,555,40',
      '2018-12,Liverpool,1241,559,41',
    ]);
    expect(
      (await importFile(db, 'domestic-abuse', counts, ['--period', '2018-11..2019-01'])).code,
    ).toBe(0);
    const incidents = writeText('asb-nuisance-only.csv', [
      'date,area,type',
      '2018-11-03,Liverpool,nuisance',
      '2018-11-09,Liverpool,nuisance',
      '2018-12-14,Liverpool,personal',
    ]);
    expect((await importFile(db, 'asb-council', incidents)).code).toBe(0);

    const store = await openStore(db);
    try {
      const da = await partnerCountsTable(store, FULL_SCOPE, {
        area: 'Liverpool',
        dataset: 'domestic-abuse',
      });
      const january = da.rows.filter((r) => r[2] === '2019-01').map((r) => [r[3], r[4], r[5]]);
      expect(january).toEqual([
        ['crimes', 0, 'no'],
        ['incidents', 0, 'no'],
        ['repeat-victims', 0, 'no'],
      ]);
      expect(da.rows.filter((r) => r[3] === 'referrals')).toEqual([]);

      const asb = await partnerCountsTable(store, FULL_SCOPE, {
        area: 'Liverpool',
        dataset: 'asb-council',
      });
      const byMonth = (month: string) =>
        Object.fromEntries(asb.rows.filter((r) => r[2] === month).map((r) => [r[3], r[4]]));
      expect(byMonth('2018-11')).toEqual({ environmental: 0, nuisance: 2, personal: 0, total: 2 });
      expect(byMonth('2018-12')).toEqual({ environmental: 0, nuisance: 0, personal: 1, total: 1 });
    } finally {
      store.close();
    }
  });
});
