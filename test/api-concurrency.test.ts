/**
 * One writer, many readers in one server: while an upload of the bundled sample imports into a
 * store holding one month, GET /api/summary is answered, and every answer is the store before
 * the import or after it, never a part. The import's final checkpoint runs while those readers
 * hold transactions, and the import still reports success.
 */
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiOn, readEvents } from './helpers/api-server.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { readZipEntries } from './helpers/raw-police.js';
import { queryStore } from './helpers/store-query.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

/** A form from the server's own page (the browser sends its origin; another site's is refused). */
const SAME_ORIGIN = { Origin: 'http://localhost' };

const dir = tempDir();
const STORE = join(dir.path, 'store.duckdb');
let api: Awaited<ReturnType<typeof apiOn>>;

beforeAll(async () => {
  // A new store, copied (its schema and area register written once by the global set-up).
  emptyStoreCopy(dir.path, 'store.duckdb');
  api = await apiOn(STORE);
});
afterAll(() => {
  api?.close();
  dir.remove();
});

async function uploadAndWatch(files: [string, Uint8Array][]) {
  const body = new FormData();
  for (const [name, bytes] of files) body.append('file', new File([bytes], name));
  const answer = await api.app.request('/api/imports', {
    method: 'POST',
    body,
    headers: SAME_ORIGIN,
  });
  expect(answer.status).toBe(202);
  const { events } = (await answer.json()) as { events: string };
  return readEvents(await api.app.request(events));
}

const SUMMARY = '/api/summary?area=Three%20Rivers';

/** A name with its letters in capitals where n's bits say: another spelling for each n (to 2^length). */
const capitals = (name: string, n: number) =>
  [...name].map((ch, i) => ((n >> i) & 1 ? ch.toUpperCase() : ch.toLowerCase())).join('');

describe('reads while an upload imports', () => {
  // An import of 348,450 rows through the server: the default minute is too short on a busy
  // machine (it timed out at a load average of 20), so the kill tests' allowance (240 s).
  it('answers every read with the store before or after the import, and answers them during it', async () => {
    // Before: one month of street records.
    const [[name, oneMonth]] = [
      ...(await readZipEntries(SAMPLE_ZIP, /2025-09-hertfordshire-street\.csv$/)),
    ] as [[string, Buffer]];
    const first = await uploadAndWatch([[name.split('/').pop() as string, oneMonth]]);
    expect(first.at(-1)?.event).toBe('report');
    const before = await (await api.app.request(SUMMARY)).json();
    expect((before as { months: unknown[] }).months).toHaveLength(1);

    // The whole sample (43 files, one of them held already), uploaded; reads while it imports.
    const body = new FormData();
    body.append('file', new File([new Uint8Array(await readFile(SAMPLE_ZIP))], 'sample.zip'));
    const started = await api.app.request('/api/imports', {
      method: 'POST',
      body,
      headers: SAME_ORIGIN,
    });
    expect(started.status).toBe(202);
    const { events } = (await started.json()) as { events: string };
    let finished = false;
    const watched = readEvents(await api.app.request(events)).then((all) => {
      finished = true;
      return all;
    });

    const answers: unknown[] = [];
    let answeredWhileImporting = 0;
    while (!finished) {
      const asked = api.ctx.writer.running !== null;
      // Each read a different address for the same question (the area's name in other capitals),
      // so that none is answered from the server's cache: every answer is read from the store.
      const answer = await api.app.request(
        `/api/summary?area=${encodeURIComponent(capitals('Three Rivers', answers.length + 1))}`,
      );
      expect(answer.status).toBe(200);
      answers.push(await answer.json());
      if (asked && api.ctx.writer.running !== null) answeredWhileImporting++;
    }
    const all = await watched;
    const report = all.at(-1) as {
      event: string;
      data: { files: { status: string }[]; storageError?: string };
    };
    expect(report.event).toBe('report');
    expect(report.data.storageError).toBeUndefined();
    expect(report.data.files.filter((f) => f.status === 'imported')).toHaveLength(42);
    expect(report.data.files.filter((f) => f.status === 'already-imported')).toHaveLength(1);

    const after = await (await api.app.request(SUMMARY)).json();
    const observed = (after as { months: { status: string }[] }).months.filter(
      (m) => m.status === 'observed',
    );
    expect(observed).toHaveLength(30);
    // Reads were answered while the import ran: the server was not waiting on it.
    expect(answeredWhileImporting).toBeGreaterThan(0);
    for (const answer of answers) expect([before, after]).toContainEqual(answer);

    // Everything committed is in the store, as an independent reader finds once the server closes.
    api.close();
    const [row] = await queryStore<{ batches: string }>(
      STORE,
      "SELECT count(*) AS batches FROM import_batch WHERE status = 'imported'",
    );
    expect(Number(row?.batches)).toBe(43);
    api = await apiOn(STORE);
  }, 240_000);
});

async function readFile(path: string) {
  const { readFile: read } = await import('node:fs/promises');
  return read(path);
}
