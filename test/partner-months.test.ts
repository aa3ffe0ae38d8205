/**
 * A partner count file's month column as partners save it. Excel writes a cell formatted as a
 * month (mmm-yy) to CSV as "Jun-25", and many returns write 06/2025: both refused the whole file
 * with "not a month (YYYY-MM)", a message that did not even name the forms taken ("June 2025" and
 * a date already were).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { runJson } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

interface ImportJson {
  files: {
    status: string;
    months: string[];
    accepted: number;
    rejectedSample: { line: number; field: string; reason: string }[];
  }[];
}

describe('a domestic-abuse count file with months as Excel and returns write them', () => {
  it('takes Jun-25 and 07/2025, and names the forms it takes when it rejects one', async () => {
    const file = join(dir.path, 'da-months.csv');
    writeFileSync(
      file,
      [
        'month,area,incidents,crimes',
        'Jun-25,Three Rivers,10,5',
        '07/2025,Three Rivers,11,6',
        'Aug 2025,Three Rivers,12,7',
        'Sept-2025,Three Rivers,13,8',
        'Mar 25,Three Rivers,14,9',
        '13/2025,Three Rivers,15,9',
      ].join('\n') + '\n',
    );
    const db = emptyStoreCopy(dir.path, 'months.duckdb');
    const { code, json } = await runJson<ImportJson>([
      'import',
      '--dataset',
      'domestic-abuse',
      file,
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    const [f] = json.files;
    expect(f).toMatchObject({
      status: 'imported',
      months: ['2025-06', '2025-07', '2025-08', '2025-09'],
      accepted: 4,
    });
    // "Mar 25" may be 25 March: a two-figure year only after a hyphen, as Excel writes it.
    const forms = 'not a month (YYYY-MM, MM/YYYY, a date, or a month and year: June 2025, Jun-25)';
    expect(f?.rejectedSample.map((r) => [r.line, r.field, r.reason])).toEqual([
      [6, 'month', forms],
      [7, 'month', forms],
    ]);
  });
});

describe('a fly-tipping workbook whose date column lost its date format', () => {
  it('rejects the bare day number saying it is how Excel keeps a date; takes the date cell', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    sheet.addRow(['date', 'area', 'land_type', 'waste_type', 'size']);
    const dated = sheet.addRow([
      new Date(Date.UTC(2025, 5, 1)),
      'Three Rivers',
      'highway',
      'green',
      'single-item',
    ]);
    dated.getCell(1).numFmt = 'dd/mm/yyyy';
    sheet.addRow([45809, 'Three Rivers', 'highway', 'green', 'single-item']);
    const file = join(dir.path, 'ft-serial.xlsx');
    await book.xlsx.writeFile(file);
    const db = emptyStoreCopy(dir.path, 'serial.duckdb');
    const { code, json } = await runJson<ImportJson>([
      'import',
      '--dataset',
      'fly-tipping',
      file,
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    expect(json.files[0]).toMatchObject({ status: 'imported', months: ['2025-06'], accepted: 1 });
    expect(json.files[0]?.rejectedSample).toEqual([
      {
        line: 3,
        field: 'date',
        reason:
          'not a date (YYYY-MM-DD or DD/MM/YYYY): a number of five figures is how Excel keeps a date; format the column as a date in the workbook, or write YYYY-MM-DD',
      },
    ]);
  });
});
