/**
 * What `--db` may name (issue 14, item 8): a file that is not a DuckDB database is refused before
 * DuckDB touches it, and left as it was. DuckDB itself would open a CSV as an in-memory database
 * (an import would report success and keep nothing) and a SQLite file by downloading an
 * extension; Lantern loads no extension and never fetches one.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { Db } from '../src/store/db.js';
import { runCli } from './helpers/cli.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

const sqliteHeader = Buffer.concat([
  Buffer.from('SQLite format 3\0', 'latin1'),
  Buffer.alloc(4080),
]);

describe('a --db that is not a Lantern store', () => {
  it.each([
    ['a CSV file', 'data.csv', Buffer.from('Crime ID,Month\nabc,2025-01\n')],
    ['a SQLite database', 'partner.sqlite', sqliteHeader],
    [
      'random bytes',
      'noise.bin',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)),
    ],
    ['an empty file', 'empty.duckdb', Buffer.alloc(0)],
  ])('refuses %s, naming it, and leaves it unchanged', (_label, name, bytes) => {
    const path = join(dir.path, name);
    writeFileSync(path, bytes);
    const r = runCli([
      'import',
      join(FIXTURES, 'police/2020-05-northumbria-stop-and-search.csv.gz'),
      '--db',
      path,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: is `);
    expect(r.stderr).toMatch(/not a Lantern store/u);
    expect(r.stderr).not.toMatch(/\n\s+at /u); // no stack trace
    expect(r.stderr).not.toMatch(/extension|download/iu);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses a folder', () => {
    const path = join(dir.path, 'a-folder');
    mkdirSync(path);
    const r = runCli(['areas', '--db', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: is a folder, not a Lantern store file`);
  });
});

describe('the store never loads or downloads DuckDB extensions', () => {
  it('opens with extension autoloading and autoinstalling off', async () => {
    const db = await Db.open(':memory:');
    try {
      expect(await db.setting('autoinstall_known_extensions')).toBe('false');
      expect(await db.setting('autoload_known_extensions')).toBe('false');
      expect(await db.setting('allow_community_extensions')).toBe('false');
    } finally {
      db.close();
    }
  });
});
