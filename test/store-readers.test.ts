/**
 * Reads do not block reads (issue 23, item 3): a command that only reads opens the store
 * read-only, so reads run side by side in separate processes, while a command that writes needs
 * the store to itself and, refused, says what to do. The other process here is this test's own
 * (holding the store open as a reader or a writer would), so nothing depends on timing.
 */
import { spawn } from 'node:child_process';

import { afterAll, describe, expect, it } from 'vitest';

import { Db } from '../src/store/db.js';
import { runCli } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { queryStore, updateStore } from './helpers/store-query.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

const BIN = new URL('../bin/lantern.js', import.meta.url).pathname;
const SUMMARY = ['summary', '--area', 'Three Rivers', '--period', '2025-01..2025-03', '--json'];

/** Runs `lantern args` in a child process without waiting for it. */
function start(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('reads beside reads, writers alone', () => {
  it('runs a read while another process reads the store, and two reads at once', async () => {
    const db = demoStoreCopy(dir.path, 'readers.duckdb');
    const holder = await Db.open(db, { readOnly: true });
    try {
      const read = runCli([...SUMMARY, '--db', db]);
      expect(read.stderr).toBe('');
      expect(read.code).toBe(0);
      const both = await Promise.all([
        start([...SUMMARY, '--db', db]),
        start([...SUMMARY, '--db', db]),
      ]);
      expect(both.map((r) => r.code)).toEqual([0, 0]);
    } finally {
      holder.close();
    }
  });

  it('refuses a writer while a read holds the store, saying to run it again afterwards', async () => {
    const db = demoStoreCopy(dir.path, 'writer.duckdb');
    const holder = await Db.open(db, { readOnly: true });
    try {
      const write = runCli(['import', SAMPLE_ZIP, '--db', db]);
      expect(write.code).toBe(2);
      expect(write.stderr).toMatch(
        /the store is in use by another Lantern process \(process \d+\)\. This command changes the store, so it needs the store to itself: run it again when/u,
      );
    } finally {
      holder.close();
    }
  });

  it('refuses a read while a writer holds the store, saying it must wait', async () => {
    const db = demoStoreCopy(dir.path, 'reader-waits.duckdb');
    const writer = await Db.open(db);
    try {
      const read = runCli([...SUMMARY, '--db', db]);
      expect(read.code).toBe(2);
      expect(read.stderr).toMatch(
        /the store is being changed by another Lantern command \(process \d+\).*Run this again when it has finished/su,
      );
    } finally {
      writer.close();
    }
  });

  it('repairs a store that needs it before reading when the store is free, and refuses when not', async () => {
    const db = demoStoreCopy(dir.path, 'repair.duckdb');
    // Rows an interrupted import left without their batch (src/store/integrity.ts).
    await updateStore(
      db,
      `INSERT INTO outcome SELECT * REPLACE ((SELECT max(id) + 1 FROM import_batch) AS batch_id)
       FROM outcome LIMIT 3`,
    );
    const holder = await Db.open(db, { readOnly: true });
    try {
      const refused = runCli([...SUMMARY, '--db', db]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /needs the rows of an interrupted import removed before it can be read, and another Lantern process is using it/u,
      );
    } finally {
      holder.close();
    }
    const read = runCli([...SUMMARY, '--db', db]);
    expect(read.code).toBe(0);
    expect(read.stderr).toMatch(/3 rows without their import record/u);
    const [left] = await queryStore<{ n: string }>(
      db,
      'SELECT count(*) AS n FROM outcome WHERE batch_id > (SELECT max(id) FROM import_batch)',
    );
    expect(Number(left?.n)).toBe(0);
  });

  it('upgrades a store from an earlier version on a read when the store is free', async () => {
    const db = demoStoreCopy(dir.path, 'upgrade.duckdb');
    await updateStore(
      db,
      'DROP TABLE population_ethnic_group; DELETE FROM schema_migration WHERE version = 12',
    );
    const read = runCli([...SUMMARY, '--db', db]);
    expect(read.code, read.stderr).toBe(0);
    const [row] = await queryStore<{ n: string }>(
      db,
      'SELECT count(*) AS n FROM schema_migration WHERE version = 12',
    );
    expect(Number(row?.n)).toBe(1);
  });
});
