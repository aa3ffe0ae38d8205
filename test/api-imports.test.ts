/**
 * Imports by upload (POST /api/imports) through the app in this process, on copies of the demo
 * store: the same report as `lantern import --json`, progress then the report as server-sent
 * events (replayed to a late watcher), one import at a time, refusals that say what to change,
 * the client's file name never used as a path, and the uploaded files removed afterwards.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { apiOn, readEvents } from './helpers/api-server.js';
import { runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { FIXTURES, SAMPLE_ZIP, tempDir } from './helpers/temp.js';

/** A form from the server's own page (the browser sends its origin; another site's is refused). */
const SAME_ORIGIN = { Origin: 'http://localhost' };

const dir = tempDir();
let api: Awaited<ReturnType<typeof apiOn>>;
const STOP_SEARCH = join(FIXTURES, 'police/2020-05-northumbria-stop-and-search.csv.gz');

const UPLOADS = join(dir.path, 'uploads');

beforeAll(async () => {
  mkdirSync(UPLOADS);
  api = await apiOn(demoStoreCopy(dir.path, 'served.duckdb'), { LANTERN_UPLOAD_DIR: UPLOADS });
});
afterAll(() => {
  api?.close();
  dir.remove();
});
afterEach(() => {
  // Every upload's folder is gone once its import has finished, whatever the outcome.
  expect(readdirSync(UPLOADS)).toEqual([]);
});

function form(files: [name: string, bytes: Uint8Array][], fields: Record<string, string> = {}) {
  const body = new FormData();
  for (const [name, bytes] of files) body.append('file', new File([bytes], name));
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return body;
}

async function upload(body: FormData) {
  return api.app.request('/api/imports', { method: 'POST', body, headers: SAME_ORIGIN });
}

/** Uploads, then reads the import's event stream to its end. */
async function uploadAndWatch(body: FormData) {
  const answer = await upload(body);
  expect(answer.status).toBe(202);
  const { id, events } = (await answer.json()) as { id: string; events: string };
  expect(events).toBe(`/api/imports/${id}/events`);
  const stream = await api.app.request(events);
  expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return { id, events: await readEvents(stream) };
}

describe('POST /api/imports', () => {
  it('imports a police.uk .csv.gz as `lantern import` does, with the same report, under a name made safe', async () => {
    const bytes = readFileSync(STOP_SEARCH);
    const { id, events } = await uploadAndWatch(
      form([['../../etc/2020-05-northumbria-stop-and-search.csv.gz', bytes]]),
    );
    expect(events.map((e) => e.event)).toEqual(['progress', 'progress', 'report']);
    expect(events[0]?.data).toEqual({
      phase: 'start',
      total: 1,
      doing: 'importing',
      unit: 'files',
    });
    expect(events[1]?.data).toEqual({
      phase: 'step',
      label: '2020-05-northumbria-stop-and-search.csv.gz',
    });
    const report = events[2]?.data as { files: { path: string; status: string }[] };
    // The client's path is not a path on the server: only its last part survives, as the name.
    expect(report.files[0]?.path).toBe('2020-05-northumbria-stop-and-search.csv.gz');
    expect(report.files[0]?.status).toBe('imported');

    // The CLI's report on another copy of the same store: equal but for where the file was.
    const cliStore = demoStoreCopy(dir.path, 'cli.duckdb');
    const cli = await runJson<{ files: { path: string }[] }>([
      'import',
      STOP_SEARCH,
      '--db',
      cliStore,
    ]);
    expect(cli.code).toBe(0);
    const cliReport = {
      ...cli.json,
      files: cli.json.files.map((f) => ({ ...f, path: basename(f.path) })),
    };
    expect(report).toEqual(cliReport);

    // A watcher who comes after the end is told the whole story.
    const late = await readEvents(await api.app.request(`/api/imports/${id}/events`));
    expect(late).toEqual(events);

    // The same file again: recognised, nothing added (the report says so, as the CLI's does).
    const again = await uploadAndWatch(
      form([['2020-05-northumbria-stop-and-search.csv.gz', bytes]]),
    );
    const second = again.events.at(-1)?.data as { files: { status: string }[] };
    expect(second.files[0]?.status).toBe('already-imported');
  });

  it("imports a partner dataset's XLSX with the form's options (dataset, area, replace)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Fly-tipping');
    sheet.addRow(['date', 'area', 'land_type', 'waste_type', 'size', 'action_taken']);
    for (const day of ['2025-11-03', '2025-11-17', '2025-12-01'])
      sheet.addRow([new Date(`${day}T00:00:00Z`), '', 'highway', 'green', 'single-item', '']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { events } = await uploadAndWatch(
      form([['fly tipping (Nov–Dec).xlsx', bytes]], {
        dataset: 'fly-tipping',
        area: 'Three Rivers',
        replace: 'true',
      }),
    );
    const report = events.at(-1) as {
      event: string;
      data: { files: { path: string; status: string; accepted: number; months: string[] }[] };
    };
    expect(report.event).toBe('report');
    expect(report.data.files[0]).toMatchObject({
      path: 'fly_tipping_Nov_Dec_.xlsx',
      status: 'imported',
      accepted: 3,
      months: ['2025-11', '2025-12'],
    });
    // The upload is in the store: the dataset's trend now counts it.
    const trends = await api.app.request(
      '/api/trends?area=Three%20Rivers&dataset=fly-tipping&period=2025-11..2025-12',
    );
    expect(trends.status).toBe(200);
    const months = ((await trends.json()) as { months: { count: number | null }[] }).months;
    expect(months.map((m) => m.count)).toEqual([2, 1]);
  });

  it('ends with `failed` and the reason when the import command refuses its input', async () => {
    const { events } = await uploadAndWatch(
      form([['flytipping.csv', new TextEncoder().encode('date\n2025-01-01\n')]], {
        dataset: 'fly-tipping',
        force: 'hertfordshire',
      }),
    );
    expect(events).toEqual([
      {
        event: 'failed',
        data: {
          error: {
            type: 'bad-input',
            message: "import: 'force' goes with police.uk files, not 'dataset'",
          },
        },
      },
    ]);
  });

  it('refuses a second upload while one imports, naming the running import and when it began', async () => {
    const zip = readFileSync(SAMPLE_ZIP);
    const first = await upload(form([['hertfordshire-sample.zip', zip]]));
    expect(first.status).toBe(202);
    const { events } = (await first.json()) as { events: string };

    const current = (await (await api.app.request('/api/imports/current')).json()) as {
      running: boolean;
      what: string;
      since: string;
    };
    expect(current).toMatchObject({ running: true, what: 'hertfordshire-sample.zip' });

    const second = await upload(form([['2020-06.csv.gz', new Uint8Array([1, 2, 3])]]));
    expect(second.status).toBe(409);
    const refusal = (await second.json()) as { error: { type: string; message: string } };
    expect(refusal.error.type).toBe('busy');
    expect(refusal.error.message).toContain('hertfordshire-sample.zip, started at ');
    expect(refusal.error.message).toContain(current.since.slice(0, 19).replace('T', ' ') + ' UTC');

    // The first goes on to its report (the demo store holds the sample already).
    const done = await readEvents(await api.app.request(events));
    const report = done.at(-1)?.data as { files: { status: string }[] };
    expect(done.at(-1)?.event).toBe('report');
    expect(report.files.every((f) => f.status === 'already-imported')).toBe(true);
    expect(await (await api.app.request('/api/imports/current')).json()).toEqual({
      running: false,
    });
  });

  it('refuses a form with no file, or with a field the import does not take, saying what it takes', async () => {
    const none = await upload(form([], { dataset: 'fly-tipping' }));
    expect(none.status).toBe(400);
    expect(((await none.json()) as { error: { field: string } }).error.field).toBe('file');

    const stranger = await upload(
      form([['a.csv', new Uint8Array([65])]], { mapping: '/etc/passwd' }),
    );
    expect(stranger.status).toBe(400);
    const { error } = (await stranger.json()) as { error: { message: string; field: string } };
    expect(error.field).toBe('mapping');
    expect(error.message).toBe(
      "An upload takes no field 'mapping'; it takes file, dataset, force, area, period, replace",
    );
    expect(await (await api.app.request('/api/imports/current')).json()).toEqual({
      running: false,
    });
  });

  it('refuses an upload over the size limit with 413, before importing anything', async () => {
    const small = await apiOn(demoStoreCopy(dir.path, 'small-limit.duckdb'), {
      LANTERN_MAX_UPLOAD_MIB: '0.001',
    });
    try {
      const answer = await small.app.request('/api/imports', {
        method: 'POST',
        body: form([['big.csv', new Uint8Array(4096)]]),
        headers: SAME_ORIGIN,
      });
      expect(answer.status).toBe(413);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(
        /^The upload is larger than 0\.001 MiB/,
      );
      expect(small.ctx.writer.running).toBeNull();
    } finally {
      small.close();
    }
  });

  it('answers 404 for the events of an import it does not know', async () => {
    const answer = await api.app.request('/api/imports/nope/events');
    expect(answer.status).toBe(404);
  });
});
