/**
 * Tables written as the files a spreadsheet or Power BI opens: CSV (UTF-8 with a byte-order mark,
 * so Excel reads the names right; formula-like cells escaped), XLSX (a README sheet with each
 * table's title and notes, then one sheet per table, a month a date cell) and Parquet (written
 * by DuckDB, its notes in the file's metadata).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { planDay } from '../domain/plan/plan-day.js';
import type { DataTable, TableCell } from '../domain/data-table.js';
import { CSV_BOM, csvText } from '../report/csv-text.js';
import type { Db } from '../store/db.js';
import { writeParquet } from '../store/parquet-file.js';

export type TableFormat = 'csv' | 'xlsx' | 'parquet';

export const TABLE_FORMATS: readonly TableFormat[] = ['csv', 'xlsx', 'parquet'];

export const MEDIA_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
};

export function csvFile(table: DataTable): Uint8Array {
  return new TextEncoder().encode(
    CSV_BOM +
      csvText(
        table.columns,
        table.rows.map((r) => r.map((v) => v ?? '')),
      ),
  );
}

/** A workbook: README first (what each table is, how to read it, where it came from), then the tables. */
export async function xlsxFile(
  tables: readonly DataTable[],
  made: { by: string; at: Date },
): Promise<Uint8Array> {
  // Loaded when a workbook is made (about 0.45 s), not by every command and server start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = made.by;
  workbook.created = made.at;
  const readme = workbook.addWorksheet('README');
  readme.getColumn(1).width = 120;
  readme.addRow([`Made by ${made.by} on ${planDay(made.at)}.`]);
  const monthColumns = tables.map((t) => columnsAll(t, MONTH));
  const dayColumns = tables.map((t) => columnsAll(t, DAY));
  if (monthColumns.some((c) => c.size > 0)) readme.addRow([MONTHS_AS_DATES]);
  if (dayColumns.some((c) => c.size > 0)) readme.addRow([DAYS_AS_DATES]);
  for (const table of tables) {
    readme.addRow([]);
    readme.addRow([`Sheet "${sheetName(table.id)}": ${table.title}`]).font = { bold: true };
    for (const note of table.notes) readme.addRow([note]);
  }
  tables.forEach((table, t) => {
    const sheet = workbook.addWorksheet(sheetName(table.id), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.addRow(table.columns).font = { bold: true };
    const months = monthColumns[t] as Set<number>;
    const days = dayColumns[t] as Set<number>;
    for (const row of table.rows) {
      const added = sheet.addRow(
        row.map((v, j) => (months.has(j) ? monthDate(v) : days.has(j) ? dayDate(v) : (v ?? null))),
      );
      for (const j of months) added.getCell(j + 1).numFmt = MONTH_FORMAT;
      for (const j of days) added.getCell(j + 1).numFmt = DAY_FORMAT;
    }
    table.columns.forEach((c, j) => (sheet.getColumn(j + 1).width = Math.max(10, c.length + 2)));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/u;
const MONTH_FORMAT = 'mmm yyyy';
const MONTHS_AS_DATES =
  'Months are dates here (the first of the month, shown as "Nov 2018"), so Excel and Power BI sort and chart them as time; the CSV export writes them as YYYY-MM.';

/**
 * A day (YYYY-MM-DD: an action's start and due dates, a service's review) is a date cell too,
 * shown as the same text: written as text, Excel could neither filter the plan's due dates by
 * month nor take days from them (QA: the plan's XLSX held "2026-01-31" as a string).
 */
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u;
const DAY_FORMAT = 'yyyy-mm-dd';
const DAYS_AS_DATES =
  'Days (YYYY-MM-DD) are dates here, so Excel and Power BI filter, sort and count them as dates; the CSV writes them as text.';

/** The columns every filled cell of which matches `pattern`: written as dates, not text. */
function columnsAll(table: DataTable, pattern: RegExp): Set<number> {
  return new Set(
    table.columns
      .map((_, j) => j)
      .filter((j) => {
        const cells = table.rows.map((r) => r[j]).filter((v) => v != null && v !== '');
        return cells.length > 0 && cells.every((v) => typeof v === 'string' && pattern.test(v));
      }),
  );
}

/** The first of the month at midnight UTC: Excel's serial date of that day, whatever the server's zone. */
function monthDate(value: TableCell): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  return new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, 1));
}

/** The day at midnight UTC (Excel's serial date of that day); a blank stays blank. */
function dayDate(value: TableCell): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  return new Date(`${value}T00:00:00Z`);
}

export async function parquetFile(db: Db, table: DataTable): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'lantern-export-'));
  try {
    const path = join(dir, 'table.parquet');
    await writeParquet(db, table, path);
    return new Uint8Array(await readFile(path));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(id: string): string {
  return id.replace(/[:\\/?*[\]]/gu, '-').slice(0, 31);
}
