/**
 * A server killed while it imports an upload (SIGKILL: the OOM killer, a power cut) leaves the
 * upload's folder, every file in it, behind: a partner's files could hold personal data. The next
 * server started on that upload folder removes it and says so (QA: left in /tmp for good).
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, expect, it } from 'vitest';

import { demoStoreCopy } from './helpers/demo-store.js';
import { serveProcess, uploadAndAwaitImport } from './helpers/serve-process.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

it('removes the upload folder a killed server left, once started again', async () => {
  const db = demoStoreCopy(dir.path, 'killed.duckdb');
  const uploads = join(dir.path, 'uploads');
  mkdirSync(uploads);
  const env = { LANTERN_UPLOAD_DIR: uploads };
  const first = await serveProcess(db, env);
  await uploadAndAwaitImport(first.url);
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
