/**
 * The day an output is dated by, in the first hour of a summer day: 00:30 BST on 1 July 2026 is
 * 23:30 UTC on 30 June. The action plan already reads 1 July (its RAG "as at"); the report, the
 * briefing pack, the public page and a workbook's README said 30 June, and the report's review of
 * the previous plan judged overdue actions as at 30 June, from the real clock rather than the
 * command's.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
beforeAll(() => {
  db = demoStoreCopy(dir.path, 'uk-day.duckdb');
  // Only Date is faked: timers, DuckDB and Chromium run as ever.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-30T23:30:00Z'));
});
afterAll(() => {
  vi.useRealTimers();
  dir.remove();
});

const htmlIn = (folder: string) =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.html'))
    .map((f) => readFileSync(join(folder, f), 'utf8'))
    .join('\n');

describe('outputs made at 00:30 BST on 1 July', () => {
  it('the briefing pack is made 1 July', async () => {
    const out = join(dir.path, 'brief');
    const made = await run(
      [
        'briefing',
        '--db',
        db,
        '--theme',
        'asb',
        '--area',
        'Three Rivers',
        '--format',
        'html',
      ].concat(['--out', out]),
    );
    expect(made.code, made.stderr).toBe(0);
    expect(htmlIn(out)).toContain('Made 1 July 2026');
  });

  it('the public page is updated 1 July', async () => {
    const out = join(dir.path, 'public');
    const made = await run(['public-page', '--db', db, '--area', 'Three Rivers', '--out', out]);
    expect(made.code, made.stderr).toBe(0);
    expect(htmlIn(out)).toContain('Updated 1 July 2026.');
  });

  it('a workbook says it was made on 1 July', async () => {
    const out = join(dir.path, 'services.xlsx');
    const made = await run(['services', 'export', '--db', db, '--format', 'xlsx', '--out', out]);
    expect(made.code, made.stderr).toBe(0);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.getWorksheet('README')?.getCell('A1').value).toBe('Made by Lantern on 2026-07-01.');
  });

  it('the report is made 1 July, by the command’s clock', async () => {
    const out = join(dir.path, 'report');
    const made = await run(
      ['report', '--db', db, '--area', 'Three Rivers', '--period', '2025', '--draft'].concat([
        '--no-pdf',
        '--no-save',
        '--out',
        out,
      ]),
    );
    expect(made.code, made.stderr).toBe(0);
    expect(htmlIn(out)).toMatch(/Made 2026-07-01 by Lantern/u);
  });
});
