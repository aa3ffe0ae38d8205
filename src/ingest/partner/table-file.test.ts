/**
 * readTableFile on real files: CSV (UTF-8 with a byte-order mark, Windows-1252 with a title line
 * like DEFRA's fly-tipping file), gzipped CSV and XLSX workbooks written here with exceljs, and
 * each way a file is refused, checking the message names the file and the line or column.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

import { FIXTURES, tempDir } from '../../../test/helpers/temp.js';
import { InputError } from '../../errors.js';
import { cellText, plainNumber, readTableFile } from './table-file.js';

const temp = tempDir();
afterAll(() => temp.remove());

/** Writes `content` to a file named `name` in the test's folder and gives its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(temp.path, name);
  writeFileSync(path, content);
  return path;
}

/** Writes a workbook with one worksheet per entry (rows from row 1) and gives its path. */
async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const path = join(temp.path, name);
  await wb.xlsx.writeFile(path);
  return path;
}

/** The InputError message `promise` rejects with (fails the test if it resolves). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => new Error('expected an InputError'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message;
}

describe('readTableFile: CSV', () => {
  it('reads UTF-8 with a byte-order mark: the mark is not part of the first header', async () => {
    // BOM + "Ward,Count" then two rows; the blank line 3 is skipped but line numbers hold.
    const path = file('bom.csv', '\uFEFFWard,Count\r\nCroxley Green,3\r\n\r\nOxhey Hall,5\r\n');
    const table = await readTableFile(path);
    expect(table).toEqual({
      path,
      sheet: null,
      headers: ['Ward', 'Count'],
      rows: [
        { line: 2, values: { Ward: 'Croxley Green', Count: '3' } },
        { line: 4, values: { Ward: 'Oxhey Hall', Count: '5' } },
      ],
    });
  });

  it('refuses a file cut short in its last line, naming the line; a whole last line needs no line end', async () => {
    const cut = file('cut.csv', 'date,area,type\n2025-01-05,Watford,nuisance\n2025-01-06,Wat');
    await expect(readTableFile(cut)).rejects.toThrow(
      /cut\.csv:3: the last line is incomplete \(2 of the header's 3 cells, and no line end\): the file looks cut short/,
    );
    const whole = file('whole.csv', 'date,area,type\n2025-01-05,Watford,nuisance');
    expect(await readTableFile(whole)).toMatchObject({ rows: [{ line: 2 }], unended: true });
    // Rows that all leave out empty trailing cells are not taken for a cut.
    const short = file('short.csv', 'date,area,type,note\n2025-01-05,Watford,nuisance');
    expect((await readTableFile(short)).rows).toHaveLength(1);
  });

  it("reads DEFRA's Windows-1252 file, skipping the title line above the header", async () => {
    // Line 1 is the title (one non-empty cell of 8: under half the widest row), so the header
    // is line 2; "£" is byte 0xA3 and the title's "–" byte 0x96, so the file is not UTF-8.
    const path = join(FIXTURES, 'partner', 'Local_authority_flytipping_incidents.csv');
    const table = await readTableFile(path);
    expect(table.headers).toEqual([
      'Year',
      'ONS Code',
      'LA Name',
      'Region',
      'Reporting basis',
      'Total Incidents',
      'Highway Incidents',
      'Estimated cost (£)',
    ]);
    expect(table.rows).toHaveLength(4); // lines 3 to 6
    expect(table.rows[0]).toEqual({
      line: 3,
      values: {
        Year: '2022-23',
        'ONS Code': 'E07000102',
        'LA Name': 'Three Rivers',
        Region: 'East of England',
        'Reporting basis': 'Collection authority',
        'Total Incidents': '812',
        'Highway Incidents': '410',
        'Estimated cost (£)': '12,345', // quoted in the file, so the comma stays in the value
      },
    });
    expect(table.rows.map((r) => r.line)).toEqual([3, 4, 5, 6]);
  });

  it('decodes 0x80-0x9F as Windows-1252 (€, –), not as latin-1 control characters', async () => {
    // "Cost €,Note" / "5,a – b" in Windows-1252: € is 0x80 and – is 0x96.
    const bytes = Buffer.from([
      ...Buffer.from('Cost '),
      0x80,
      ...Buffer.from(',Note\n5,a '),
      0x96,
      ...Buffer.from(' b\n'),
    ]);
    const table = await readTableFile(file('cp1252.csv', bytes));
    expect(table.headers).toEqual(['Cost €', 'Note']);
    expect(table.rows[0]?.values).toEqual({ 'Cost €': '5', Note: 'a – b' });
  });

  it('uses the header row given, and trims header names', async () => {
    // Row 1 would pass the automatic test too ("a", "b" are distinct), so only headerRow: 2
    // makes " Year " (trimmed to "Year") the header.
    const path = file('given.csv', 'a,b\n Year ,Total\n2024,7\n');
    const table = await readTableFile(path, { headerRow: 2 });
    expect(table.headers).toEqual(['Year', 'Total']);
    expect(table.rows).toEqual([{ line: 3, values: { Year: '2024', Total: '7' } }]);
  });

  it('gives rows: [] for a header without rows, and fills short rows with ""', async () => {
    expect((await readTableFile(file('header-only.csv', 'a,b\n'))).rows).toEqual([]);
    const short = await readTableFile(file('short.csv', 'a,b,c\n1\n'));
    expect(short.rows).toEqual([{ line: 2, values: { a: '1', b: '', c: '' } }]);
  });

  it('ignores empty trailing cells beyond the header (a trailing comma on every line)', async () => {
    // "a,b," has an empty third header cell after the last name: the header is a, b.
    const table = await readTableFile(file('trailing.csv', 'a,b,\n1,2,\n'));
    expect(table.headers).toEqual(['a', 'b']);
    expect(table.rows[0]?.values).toEqual({ a: '1', b: '2' });
  });

  it('reads .csv.gz', async () => {
    const path = file('counts.csv.gz', gzipSync('Ward,Count\nMoor Park,2\n'));
    expect((await readTableFile(path)).rows).toEqual([
      { line: 2, values: { Ward: 'Moor Park', Count: '2' } },
    ]);
  });
});

describe('readTableFile: XLSX', () => {
  it('reads the first sheet: dates, date-times, numbers, formulas and rich text as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Incidents');
    ws.addRow(['Fly-tipping incidents 2024']); // row 1: a title, 1 cell of 6
    ws.addRow([]); // row 2: blank
    ws.addRow(['Date', 'Reported at', 'Count', 'Cost', 'Double', 'Ward']); // row 3: the header
    ws.addRow([
      new Date(Date.UTC(2024, 2, 5)), // midnight UTC: a plain date
      new Date(Date.UTC(2024, 2, 5, 13, 45)), // has a time of day
      1234567, // no thousands separator
      1e21, // String() would give "1e+21"
      { formula: 'C4*2', result: 2469134 }, // the cached result
      { richText: [{ text: 'Croxley ', font: { bold: true } }, { text: 'Green' }] },
    ]);
    ws.addRow([]); // row 5: blank, skipped
    ws.addRow([null, null, 0.0000001, -2.5, null, { text: 'Oxhey', hyperlink: 'https://x' }]);
    wb.addWorksheet('Notes').addRow(['Not this sheet']);
    const path = join(temp.path, 'incidents.xlsx');
    await wb.xlsx.writeFile(path);

    const table = await readTableFile(path);
    expect(table.sheet).toBe('Incidents');
    expect(table.headers).toEqual(['Date', 'Reported at', 'Count', 'Cost', 'Double', 'Ward']);
    expect(table.rows).toEqual([
      {
        line: 4,
        values: {
          Date: '2024-03-05',
          'Reported at': '2024-03-05T13:45',
          Count: '1234567',
          Cost: '1000000000000000000000',
          Double: '2469134',
          Ward: 'Croxley Green',
        },
      },
      {
        line: 6, // the sheet's row number, after the blank row 5
        values: {
          Date: '',
          'Reported at': '',
          Count: '0.0000001',
          Cost: '-2.5',
          Double: '',
          Ward: 'Oxhey',
        },
      },
    ]);
  });

  it('reads the sheet named (ignoring case), not the first', async () => {
    const path = await workbook('two.xlsx', {
      Summary: [['Total'], [9]],
      'Ward data': [
        ['Ward', 'Count'],
        ['Moor Park', 4],
      ],
    });
    const table = await readTableFile(path, { sheet: 'ward DATA' });
    expect(table.sheet).toBe('Ward data');
    expect(table.rows).toEqual([{ line: 2, values: { Ward: 'Moor Park', Count: '4' } }]);
  });

  it('reads the first visible sheet when none is named (a hidden lookup sheet is passed over)', async () => {
    const wb = new ExcelJS.Workbook();
    const lookup = wb.addWorksheet('Lookup');
    lookup.addRows([['Code'], ['A']]);
    lookup.state = 'hidden';
    wb.addWorksheet('Data').addRows([['Ward'], ['Maple Cross']]);
    const path = join(temp.path, 'hidden.xlsx');
    await wb.xlsx.writeFile(path);
    expect(await readTableFile(path)).toMatchObject({ sheet: 'Data', headers: ['Ward'] });
  });

  it('skips a merged title: every cell it covers repeats its value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 'Anti-social behaviour by ward';
    ws.mergeCells('A1:C1'); // row 1 reads as three equal cells, so it is not the header
    ws.addRow(['Ward', 'Year', 'Count']);
    ws.addRow(['Chorleywood', 2024, 11]);
    const path = join(temp.path, 'merged.xlsx');
    await wb.xlsx.writeFile(path);
    const table = await readTableFile(path);
    expect(table.headers).toEqual(['Ward', 'Year', 'Count']);
    expect(table.rows).toEqual([
      { line: 3, values: { Ward: 'Chorleywood', Year: '2024', Count: '11' } },
    ]);
  });
});

describe('readTableFile: XLSX cells merged over data', () => {
  it('refuses a count merged over two rows, which every row it covers would take', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Counts');
    ws.addRows([
      ['month', 'area', 'incidents', 'crimes'],
      ['2025-03', 'Watford', 20, 9],
      ['2025-04', null, null, 9],
    ]);
    ws.mergeCells('B2:B3');
    ws.mergeCells('C2:C3');
    const path = join(temp.path, 'merged-data.xlsx');
    await wb.xlsx.writeFile(path);
    expect(await refusal(readTableFile(path))).toBe(
      `${path}, sheet "Counts": cells B2:B3 are merged over rows of data, so every cell they cover ` +
        'would take their one value (a count merged over two rows would be counted twice); nothing ' +
        'imported. Unmerge them and give each row its own value',
    );
  });

  it('says a header of two rows (names merged down, a title over two columns) is one', async () => {
    // "Month" and "Area" merged over rows 1 and 2, "Counts" over "Incidents" and "Crimes".
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DA');
    ws.addRows([
      ['Month', 'Area', 'Counts', ''],
      ['', '', 'Incidents', 'Crimes'],
      ['2018-11', 'Newport', 280, 126],
    ]);
    for (const range of ['C1:D1', 'A1:A2', 'B1:B2']) ws.mergeCells(range);
    const path = join(temp.path, 'merged-header.xlsx');
    await wb.xlsx.writeFile(path);
    expect(await refusal(readTableFile(path))).toBe(
      `${path}, sheet "DA": the header takes more than one row (cells A1:A2 are merged over rows 1 ` +
        'to 2); nothing imported. The header must be one row holding the field names, one per ' +
        'column (such as month, area, incidents, crimes): unmerge the cells and put each ' +
        "column's name in that one row, with the data in the rows below it",
    );
  });
});

describe('cellText and plainNumber', () => {
  it('writes numbers without exponent', () => {
    expect(plainNumber(1.5e21)).toBe('1500000000000000000000');
    expect(plainNumber(-1.25e-7)).toBe('-0.000000125');
    expect(plainNumber(0.1)).toBe('0.1');
  });
  it('writes a time with no date (Excel day 0) as HH:MM, booleans and errors as shown', () => {
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 21, 5)))).toBe('21:05');
    // 13:44:59.9995 is float error around 13:45; rounding to the second gives 13:45.
    expect(cellText(new Date(Date.UTC(2024, 0, 1, 13, 44, 59, 999.5)))).toBe('2024-01-01T13:45');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText({ formula: 'A1' })).toBe(''); // never calculated: no result
  });
});

describe('readTableFile: refusals', () => {
  it('refuses an empty file', async () => {
    const csv = file('empty.csv', '');
    expect(await refusal(readTableFile(csv))).toBe(`${csv}: the file is empty`);
    const xlsx = file('empty.xlsx', '');
    expect(await refusal(readTableFile(xlsx))).toBe(`${xlsx}: the file is empty`);
    const sheet = await workbook('blank-sheet.xlsx', { Blank: [] });
    expect(await refusal(readTableFile(sheet))).toBe(`${sheet}: the sheet "Blank" is empty`);
  });

  it('refuses a file named .xlsx that is not a workbook', async () => {
    const text = file('text.xlsx', 'Ward,Count\nMoor Park,2\n');
    expect(await refusal(readTableFile(text))).toMatch(`${text}: not an XLSX workbook`);
    const binary = file('binary.xlsx', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]));
    expect(await refusal(readTableFile(binary))).toMatch(`${binary}: not an XLSX workbook`);
    // Starts like a zip (PK) but is cut short.
    const cut = file('cut.xlsx', Buffer.from('PK\x03\x04 and then nothing'));
    expect(await refusal(readTableFile(cut))).toMatch(`${cut}: not an XLSX workbook`);
  });

  it('refuses an unsupported extension, listing the supported ones', async () => {
    const path = file('data.json', '[]');
    expect(await refusal(readTableFile(path))).toBe(
      `${path}: unsupported file type; use .csv, .csv.gz or .xlsx`,
    );
  });

  it('refuses an unknown sheet, listing the sheets', async () => {
    const path = await workbook('sheets.xlsx', { One: [['a'], [1]], Two: [['b'], [2]] });
    expect(await refusal(readTableFile(path, { sheet: 'Three' }))).toBe(
      `${path}: no sheet named "Three"; the workbook's sheets are "One", "Two"`,
    );
  });

  it('refuses a row with more cells than the header, naming its line and not quoting the cell', async () => {
    // The header has 2 columns; line 3 has a third, non-empty cell (a phone number: the message
    // names its place, never its value).
    const path = file('wide.csv', 'a,b\n1,2\n3,4,07700 900999\n');
    expect(await refusal(readTableFile(path))).toBe(
      `${path}:3: the row has more cells than the header (column 3 holds a value but the header has 2 columns)`,
    );
    const xlsx = await workbook('wide.xlsx', {
      S: [
        ['a', 'b'],
        [1, 2, 3],
      ],
    });
    expect(await refusal(readTableFile(xlsx))).toMatch(`${xlsx}, sheet "S", row 2:`);
    // Liverpool's 1,234 incidents unquoted: read as "1" and "234", so one cell too many.
    const unquoted = file(
      'unquoted.csv',
      'month,area,incidents,crimes\n2018-11,Liverpool,1,234,555\n',
    );
    expect(await refusal(readTableFile(unquoted))).toBe(
      `${unquoted}:2: the row has more cells than the header (column 5 holds a value but the ` +
        'header has 4 columns). A number written with a thousands separator (1,234) is read as ' +
        'two cells: put it in quotes ("1,234") or write it without the comma (1234)',
    );
  });

  it('refuses repeated header names, naming the columns', async () => {
    // With headerRow the header is taken as given; columns 1 and 3 are both "Ward".
    const path = file('dup.csv', 'Ward,Count,Ward\nx,1,y\n');
    expect(await refusal(readTableFile(path, { headerRow: 1 }))).toBe(
      `${path}:1: the header repeats "Ward" (column 1, column 3)`,
    );
    // Found automatically too: line 2 has no repeats, but line 1 names as many columns and
    // repeats one, so it is taken as a faulty header rather than a data row as the header.
    expect(await refusal(readTableFile(path))).toMatch(`${path}:1: the header repeats "Ward"`);
  });

  it('refuses a blank header name, naming the column (with its letter in a workbook)', async () => {
    const path = file('blank-name.csv', 'Ward,,Count\nx,1,2\n');
    expect(await refusal(readTableFile(path))).toBe(
      `${path}:1: the header has no name in column 2`,
    );
    const xlsx = await workbook('blank-name.xlsx', {
      S: [
        ['Ward', null, 'Count'],
        ['x', 1, 2],
      ],
    });
    expect(await refusal(readTableFile(xlsx))).toBe(
      `${xlsx}, sheet "S", row 1: the header has no name in column 2 (B)`,
    );
  });

  it('refuses a header row that is blank or past the end', async () => {
    const path = file('rows.csv', 'a,b\n\n1,2\n');
    expect(await refusal(readTableFile(path, { headerRow: 2 }))).toBe(
      `${path}:2: the header row is blank`,
    );
    expect(await refusal(readTableFile(path, { headerRow: 9 }))).toBe(
      `${path}:9: no such row for the header (the last is 3)`,
    );
  });

  it('refuses a .csv.gz that is not gzip, and a missing file', async () => {
    const path = file('plain.csv.gz', 'a,b\n');
    expect(await refusal(readTableFile(path))).toMatch(`${path}: not a readable gzip file`);
    const missing = join(temp.path, 'missing.csv');
    expect(await refusal(readTableFile(missing))).toBe(`${missing}: no such file`);
  });
});
