/**
 * The hash key of a store's partner references (issue 14, item 8): a store copied without its
 * `.hash-key` file, or given another key, is refused instead of silently hashing with a new key
 * (repeats would stop matching the records already stored); a new store makes its key once.
 */
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { queryStore } from './helpers/store-query.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

interface ImportJson {
  files: { status: string; accepted: number; error?: string }[];
}

const file = join(dir.path, 'asb-references.csv');
writeFileSync(
  file,
  [
    'date,area,type,reference',
    '2025-03-05,Watford,personal,ASB/2025/0042',
    '2025-03-09,Watford,nuisance,ASB/2025/0042',
  ].join('\n') + '\n',
);

/**
 * The import run in this process, through the same entry as the binary (exit code and JSON as a
 * user gets them): the key's place comes from the environment the command is given.
 */
function importAsb(db: string, env: Record<string, string> = {}) {
  return runJson<ImportJson>(['import', '--dataset', 'asb-council', file, '--db', db], env);
}

const batches = async (db: string) =>
  Number((await queryStore<{ n: string }>(db, 'SELECT count(*) AS n FROM partner_batch'))[0]?.n);

describe('the hash key of a store', () => {
  it('is refused when the store was copied without it, and nothing is imported or made', async () => {
    const db = demoStoreCopy(dir.path, 'copied.duckdb');
    rmSync(`${db}.hash-key`);
    const before = await batches(db);
    const r = await importAsb(db);
    expect(r.code).toBe(2);
    expect(r.json.files[0]?.status).toBe('refused');
    expect(r.json.files[0]?.error).toContain(
      `${db}.hash-key: the hash key of this store is missing`,
    );
    expect(r.json.files[0]?.error).toMatch(/LANTERN_HASH_KEY_FILE/u);
    expect(existsSync(`${db}.hash-key`)).toBe(false);
    expect(await batches(db)).toBe(before);
  });

  it('is refused when it is another key, and accepted from LANTERN_HASH_KEY_FILE when it is the right one', async () => {
    const db = demoStoreCopy(dir.path, 'moved.duckdb');
    const keyFile = join(dir.path, 'kept-elsewhere.hash-key');
    copyFileSync(`${db}.hash-key`, keyFile);
    writeFileSync(`${db}.hash-key`, 'ab'.repeat(32) + '\n');
    const wrong = await importAsb(db);
    expect(wrong.code).toBe(2);
    expect(wrong.json.files[0]?.error).toMatch(
      /is not the hash key this store's references were hashed with/u,
    );

    const right = await importAsb(db, { LANTERN_HASH_KEY_FILE: keyFile });
    expect(right.code).toBe(0);
    expect(right.json.files[0]).toMatchObject({ status: 'imported', accepted: 2 });
  });

  it('is made once for a new store, and the same key is used from then on', async () => {
    const db = join(dir.path, 'new.duckdb');
    const first = await importAsb(db);
    expect(first.code).toBe(0);
    const key = readFileSync(`${db}.hash-key`, 'utf8');
    expect(key.trim()).toMatch(/^[0-9a-f]{64}$/u);
    const [{ value }] = (await queryStore<{ value: string }>(
      db,
      "SELECT value FROM store_setting WHERE name = 'hash-key-fingerprint'",
    )) as [{ value: string }];
    // A fingerprint of the key, not the key.
    expect(value).toMatch(/^[0-9a-f]{32}$/u);
    expect(key).not.toContain(value);
    // A second file, once the key has gone: refused, not hashed with a new key.
    rmSync(`${db}.hash-key`);
    const second = join(dir.path, 'asb-april.csv');
    writeFileSync(
      second,
      'date,area,type,reference\n2025-04-02,Three Rivers,personal,ASB/2025/0042\n',
    );
    const r = await runJson<ImportJson>(['import', '--dataset', 'asb-council', second, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.json.files[0]?.error).toContain('the hash key of this store is missing');
  });
});
