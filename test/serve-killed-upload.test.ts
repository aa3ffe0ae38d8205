/**
 * A server killed while it imports an upload (SIGKILL: the OOM killer, a power cut) leaves the
 * upload's folder, every file in it, behind: a partner's files could hold personal data. The next
 * server started on that upload folder removes it and says so (QA: left in /tmp for good).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, expect, it } from 'vitest';

import { demoStoreCopy } from './helpers/demo-store.js';
import { serveProcess } from './helpers/serve-process.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

const FILES = ['merseyside/2019-01-merseyside-street.csv.gz', 'gwent/2019-01-gwent-street.csv.gz'];

it('removes the upload folder a killed server left, once started again', async () => {
  const db = demoStoreCopy(dir.path, 'killed.duckdb');
  const uploads = join(dir.path, 'uploads');
  mkdirSync(uploads);
  const env = { LANTERN_UPLOAD_DIR: uploads };
  const first = await serveProcess(db, env);
  const body = new FormData();
  for (const f of FILES) body.append('file', new File([readFileSync(join(FIXTURES, f))], f));
  const url = first.url;
  const answer = await fetch(`${url}api/imports`, {
    method: 'POST',
    body,
    headers: { Origin: url.slice(0, -1) },
  });
  expect(answer.status).toBe(202);
  // Killed once the import has its files saved.
  for (;;) {
    const now = (await (await fetch(`${url}api/imports/current`)).json()) as { what?: string };
    if (now.what?.includes('merseyside')) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await first.stop('SIGKILL');
  const left = readdirSync(uploads);
  expect(left).toHaveLength(1);
  expect(readdirSync(join(uploads, left[0]!)).length).toBeGreaterThan(0);

  const second = await serveProcess(db, env);
  try {
    expect(readdirSync(uploads)).toEqual([]);
    expect(second.output().stdout).toMatch(
      /Removed 1 upload folder\(s\) left by a Lantern server that was stopped while importing/u,
    );
  } finally {
    expect(await second.stop()).toBe(0);
  }
}, 120_000);
