/**
 * Exports (GET /api/export/<table>.<csv|xlsx|parquet>) through the app in this process on a copy
 * of the demo store: each file read back with an independent reader (csv-parse, exceljs, DuckDB's
 * read_parquet) and its numbers compared with the JSON endpoints' answers for the same request.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fileName } from '../src/server/exports.js';
import { apiOn } from './helpers/api-server.js';
import { runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { readParquet } from './helpers/store-query.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const dir = tempDir();
let api: Awaited<ReturnType<typeof apiOn>>;
const STOP_SEARCH = join(FIXTURES, 'police/2020-05-northumbria-stop-and-search.csv.gz');

beforeAll(async () => {
  const store = demoStoreCopy(dir.path);
  // Stop and search too (the demo has none): one month of Northumbria's.
  expect((await runJson(['import', STOP_SEARCH, '--db', store])).code).toBe(0);
  api = await apiOn(store);
});
afterAll(() => {
  api?.close();
  dir.remove();
});

const TR = 'area=Three%20Rivers';

async function get(path: string) {
  const answer = await api.app.request(path);
  return { answer, bytes: new Uint8Array(await answer.arrayBuffer()) };
}

async function json<T>(path: string): Promise<T> {
  const answer = await api.app.request(path);
  expect(answer.status, path).toBe(200);
  return (await answer.json()) as T;
}

/** A CSV export: it starts with a UTF-8 byte-order mark; its rows as objects (numbers as text). */
async function csv(path: string): Promise<Record<string, string>[]> {
  const { answer, bytes } = await get(path);
  expect(answer.status, path).toBe(200);
  expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(Buffer.from(bytes), { columns: true, bom: true }) as Record<string, string>[];
}

/** An XLSX export's sheets, each as rows of cell values (the header first). */
async function xlsx(path: string): Promise<Map<string, unknown[][]>> {
  const { answer, bytes } = await get(path);
  expect(answer.status, path).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) =>
      rows.push(
        Array.from({ length: sheet.columnCount }, (_, j) => row.getCell(j + 1).value ?? null),
      ),
    );
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

async function parquet(path: string) {
  const { answer, bytes } = await get(path);
  expect(answer.status, path).toBe(200);
  expect(answer.headers.get('content-type')).toBe('application/vnd.apache.parquet');
  const file = join(dir.path, `${Math.random().toString(36).slice(2)}.parquet`);
  writeFileSync(file, bytes);
  return readParquet(file);
}

interface Summary {
  months: { month: string; status: 'observed' | 'missing' }[];
  categories: { category: string; byMonth: Record<string, number | null> }[];
}

describe('GET /api/export/street-records', () => {
  it("counts the area's street records by LSOA, month and category as the summary does; months not held absent", async () => {
    const summary = await json<Summary>(`/api/summary?${TR}`);
    const rows = await csv(`/api/export/street-records.csv?${TR}`);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'lsoa_code',
      'lsoa_name',
      'ward_code',
      'ward_name',
      'district_code',
      'district_name',
      'month',
      'category',
      'count',
    ]);
    const sums = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.month} ${r.category}`;
      sums.set(key, (sums.get(key) ?? 0) + Number(r.count));
    }
    const expected = new Map<string, number>();
    for (const c of summary.categories)
      for (const [month, n] of Object.entries(c.byMonth))
        if (n !== null && n > 0) expected.set(`${month} ${c.category}`, n);
    expect(sums).toEqual(expected);
    const observed = summary.months.filter((m) => m.status === 'observed').map((m) => m.month);
    const missing = summary.months.filter((m) => m.status === 'missing').map((m) => m.month);
    expect(missing.length).toBeGreaterThan(0);
    expect([...new Set(rows.map((r) => r.month))].sort()).toEqual(observed);
    // Places are named: every LSOA in the area has its name, ward and district.
    expect(rows.every((r) => r.district_name === 'Three Rivers')).toBe(true);
    expect(rows.filter((r) => r.lsoa_code).every((r) => r.lsoa_name)).toBe(true);
    expect(rows.filter((r) => r.ward_name).length).toBeGreaterThan(rows.length / 2);
  });

  it('names the file after the table, the area and the period asked for', async () => {
    // QA: every export was saved as "street-records.csv" (or .xlsx), whatever the area or year.
    const named = async (path: string) =>
      (await api.app.request(path)).headers.get('Content-Disposition');
    expect(await named(`/api/export/street-records.csv?${TR}&period=2025`)).toBe(
      'attachment; filename="street-records-three-rivers-2025.csv"',
    );
    expect(
      await named(
        '/api/export/trends.xlsx?area=E07000103&category=burglary&period=2021-01..2021-06',
      ),
    ).toBe('attachment; filename="trends-e07000103-2021-01-2021-06.xlsx"');
    expect(await named(`/api/export/trends.csv?${TR}&category=burglary&table=trends-months`)).toBe(
      'attachment; filename="trends-months-three-rivers.csv"',
    );
    // Accents, quotes and slashes leave only letters, digits and hyphens: no quoting, no folder.
    expect(fileName(['trends', 'Ynys Môn "x"/../y', '2025-26'], 'csv')).toBe(
      'trends-ynys-mon-x-y-2025-26.csv',
    );
  });

  it('sends the CSV gzipped to a client that accepts it, the same bytes once unzipped', async () => {
    // QA: a year of Three Rivers' records went as 275 KB of plain text at every scheduled refresh.
    const path = `/api/export/street-records.csv?${TR}`;
    const plain = await get(path);
    const zipped = await api.app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(zipped.headers.get('Vary')).toContain('Accept-Encoding');
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(plain.bytes.length / 4);
    expect(new Uint8Array(gunzipSync(bytes))).toEqual(plain.bytes);
    expect(plain.answer.headers.get('Content-Encoding')).toBeNull();
  });

  it('writes the same rows to XLSX, after a README that says months not held are absent, not zero', async () => {
    const period = 'period=2025-01..2025-06';
    const rows = await csv(`/api/export/street-records.csv?${TR}&${period}`);
    const sheets = await xlsx(`/api/export/street-records.xlsx?${TR}&${period}`);
    expect([...sheets.keys()]).toEqual(['README', 'street-records']);
    const readme = (sheets.get('README') ?? []).map((r) => String(r[0])).join('\n');
    expect(readme).toContain('Every month of the period is held.');
    expect(readme).toContain('with no row had none (0)');
    const [header, ...data] = sheets.get('street-records') ?? [];
    expect(header).toEqual(Object.keys(rows[0] ?? {}));
    // Counts are numbers in the workbook, text in the CSV's parse: compare as the CSV has them.
    // Months are dates in the workbook (YYYY-MM in the CSV).
    expect(typeof data[0]?.[8]).toBe('number');
    const asCsv = (v: unknown) =>
      v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 7) : String(v);
    expect(data.map((r) => r.map(asCsv))).toEqual(rows.map((r) => Object.values(r)));

    const gaps = await xlsx(`/api/export/street-records.xlsx?${TR}&period=2019-01..2019-12`);
    const notes = (gaps.get('README') ?? []).map((r) => String(r[0])).join('\n');
    expect(notes).toMatch(/Months not held \(no rows at all: unknown, not zero\): 2019-/);
  });

  it('writes each month to XLSX as a date (the first of the month, shown "Nov 2018"), so Excel and Power BI sort and chart it as time', async () => {
    const query = `${TR}&period=2025-01..2025-03`;
    const { bytes } = await get(`/api/export/street-records.xlsx?${query}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    for (const name of ['street-records']) {
      const sheet = workbook.getWorksheet(name);
      const column = (sheet?.getRow(1).values as unknown[]).indexOf('month');
      const months: unknown[] = [];
      sheet?.eachRow((row, n) => {
        if (n === 1) return;
        const cell = row.getCell(column);
        expect(cell.type).toBe(ExcelJS.ValueType.Date);
        expect(cell.numFmt).toBe('mmm yyyy');
        months.push((cell.value as Date).toISOString());
      });
      expect(new Set(months)).toEqual(
        new Set([
          '2025-01-01T00:00:00.000Z',
          '2025-02-01T00:00:00.000Z',
          '2025-03-01T00:00:00.000Z',
        ]),
      );
    }
    const readme = workbook.getWorksheet('README')?.getColumn(1).values.join('\n');
    expect(readme).toContain('Months are dates here');
    // The summary's month column too; its counts stay numbers.
    const summary = (await xlsx(`/api/export/summary.xlsx?${query}`)).get('summary') ?? [];
    expect(summary[1]?.[2]).toEqual(new Date('2025-01-01T00:00:00Z'));
    expect(typeof summary[1]?.[6]).toBe('number');
  });

  it('writes Parquet through DuckDB with typed columns, the same rows and its notes as metadata', async () => {
    const query = `${TR}&period=2025-01..2025-03`;
    const rows = await csv(`/api/export/street-records.csv?${query}`);
    const {
      rows: read,
      types,
      metadata,
    } = await parquet(`/api/export/street-records.parquet?${query}`);
    expect(types.count).toBe('BIGINT');
    expect(types.month).toBe('VARCHAR');
    expect(read.map((r) => Object.values(r).map((v) => (v === null ? '' : String(v))))).toEqual(
      rows.map((r) => Object.values(r)),
    );
    expect(metadata.readme).toContain('police.uk street records');
  });
});

describe('exports of the records of outcomes, stop and search and partner datasets', () => {
  it("stop and search: the force's searches by month, type, object and outcome, all counted", async () => {
    const raw = parse(gunzipSync(readFileSync(STOP_SEARCH)), { columns: true, bom: true });
    const rows = await csv('/api/export/stop-search-records.csv?area=northumbria');
    expect(rows.reduce((n, r) => n + Number(r.count), 0)).toBe((raw as unknown[]).length);
    expect(new Set(rows.map((r) => r.month))).toEqual(new Set(['2020-05']));
    // Each search in the district its point lies in (or none); a district's export is its rows.
    const newcastle = rows.filter((r) => r.district_name === 'Newcastle upon Tyne');
    expect(newcastle.length).toBeGreaterThan(0);
    const own = await csv('/api/export/stop-search-records.csv?area=Newcastle%20upon%20Tyne');
    expect(own).toEqual(newcastle);
  });

  it('outcomes: counted by LSOA, month and outcome, only in months the outcomes files hold', async () => {
    const rows = await csv(`/api/export/outcomes-records.csv?${TR}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => Number(r.count) > 0)).toBe(true);
    // A period the outcomes files do not cover: the header alone, and the README says why.
    expect(await csv(`/api/export/outcomes-records.csv?${TR}&period=2019-01`)).toEqual([]);
    const readme = (await xlsx(`/api/export/outcomes-records.xlsx?${TR}&period=2019-01`)).get(
      'README',
    );
    expect(readme?.map((r) => String(r[0]))).toContain(
      'Months not held (no rows at all: unknown, not zero): 2019-01.',
    );
  });

  it("partner counts: each category's total over the period is the trend's current count", async () => {
    const query = `${TR}&dataset=fly-tipping&period=2025`;
    const rows = await csv(`/api/export/partner-counts.csv?${query}`);
    const trends = await json<{ category: string; current: number }[]>(
      `/api/trends?${query}&all=true`,
    );
    const sums = new Map<string, number>();
    for (const r of rows)
      sums.set(r.category as string, (sums.get(r.category as string) ?? 0) + Number(r.count));
    expect(trends.length).toBeGreaterThan(3);
    for (const t of trends) expect(sums.get(t.category) ?? 0, t.category).toBe(t.current);
  });
});

describe("exports of the commands' tables", () => {
  it('trends --all: one row per category with the JSON numbers; its months as a second table', async () => {
    const query = `${TR}&all=true&period=2025`;
    const docs = await json<
      {
        category: string;
        current: number;
        previous: number;
        pValue: number;
        months: { count: number | null }[];
      }[]
    >(`/api/trends?${query}`);
    const rows = await csv(`/api/export/trends.csv?${query}`);
    expect(
      rows.map((r) => [r.category, Number(r.current), Number(r.previous), Number(r.p_value)]),
    ).toEqual(docs.map((d) => [d.category, d.current, d.previous, d.pValue]));
    const months = await csv(`/api/export/trends.csv?${query}&table=trends-months`);
    expect(months).toHaveLength(docs.reduce((n, d) => n + d.months.length, 0));
    const sheets = await xlsx(`/api/export/trends.xlsx?${query}`);
    expect([...sheets.keys()]).toEqual(['README', 'trends', 'trends-months']);
  });

  it('summary, compare, hotspots and assess: the JSON numbers, in XLSX and Parquet', async () => {
    const summary = await json<Summary>(`/api/summary?${TR}&period=2025`);
    const summaryRows = await csv(`/api/export/summary.csv?${TR}&period=2025`);
    const burglary = summary.categories.find((c) => c.category === 'burglary');
    expect(
      summaryRows.filter((r) => r.category === 'burglary').map((r) => Number(r.count)),
    ).toEqual(Object.values(burglary?.byMonth ?? {}));

    const compareQuery = 'within=hertfordshire&category=burglary&period=2025';
    const compare = await json<{ areas: { code: string; count: number; flag: string }[] }>(
      `/api/compare?${compareQuery}`,
    );
    const compareSheet = (await xlsx(`/api/export/compare.xlsx?${compareQuery}`)).get('compare');
    expect(compareSheet?.slice(1).map((r) => [r[0], r[2], r[11]])).toEqual(
      compare.areas.map((a) => [a.code, a.count, a.flag]),
    );

    const hotspotQuery = `${TR}&category=burglary&period=2025`;
    const hotspots = await json<{ ranked: { cell: number; count: number; gistar: number }[] }>(
      `/api/hotspots?${hotspotQuery}`,
    );
    const cells = (await parquet(`/api/export/hotspots.parquet?${hotspotQuery}`)).rows;
    expect(cells.slice(0, hotspots.ranked.length).map((c) => [c.cell, c.count, c.gi_star])).toEqual(
      hotspots.ranked.map((c) => [c.cell, c.count, c.gistar]),
    );

    const assess = await json<{
      issues: { key: string; rank: number; risk: number; band: string }[];
    }>(`/api/assess?${TR}&period=2025`);
    const issues = (await parquet(`/api/export/assess.parquet?${TR}&period=2025`)).rows;
    expect(issues.map((i) => [i.key, i.rank, i.risk, i.band])).toEqual(
      assess.issues.map((i) => [i.key, i.rank, i.risk, i.band]),
    );
  });
});

describe('refusals', () => {
  it('checks parameters as the JSON endpoint does, and names the tables and formats', async () => {
    const bad = 'area=Three%20Rivers&period=2025-13';
    const fromJson = await api.app.request(`/api/summary?${bad}`);
    const fromExport = await api.app.request(`/api/export/summary.csv?${bad}`);
    expect(fromExport.status).toBe(400);
    expect(await fromExport.json()).toEqual(await fromJson.json());

    const stranger = await api.app.request(`/api/export/street-records.csv?${TR}&categry=burglary`);
    expect(stranger.status).toBe(400);
    expect(((await stranger.json()) as { error: { field: string } }).error.field).toBe('categry');

    const format = await api.app.request(`/api/export/summary.pdf?${TR}`);
    expect(format.status).toBe(400);
    expect(((await format.json()) as { error: { message: string } }).error.message).toBe(
      'summary.pdf: export as summary.csv, summary.xlsx or summary.parquet',
    );

    const table = await api.app.request(`/api/export/summary.csv?${TR}&table=nope`);
    expect(table.status).toBe(400);

    const unknown = await api.app.request('/api/export/everything.csv');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(
      /^No table 'everything' to export; the tables are street-records, outcomes-records, /,
    );

    const noDataset = await api.app.request(`/api/export/partner-counts.csv?${TR}`);
    expect(noDataset.status).toBe(400);
    expect(((await noDataset.json()) as { error: { field: string } }).error.field).toBe('dataset');
  });

  it('lists every export in the OpenAPI document', async () => {
    const doc = await json<{ paths: Record<string, unknown> }>('/api/openapi.json');
    for (const name of ['street-records', 'partner-counts', 'summary', 'trends', 'assess'])
      expect(doc.paths).toHaveProperty([`/api/export/${name}.{format}`]);
    expect(doc.paths).toHaveProperty(['/api/imports']);
  });
});
