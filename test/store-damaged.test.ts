/**
 * A store file that is damaged, or that this user may not write, is said to be so, with what to
 * do (QA: a damaged header was reported as "in use by another Lantern process", since DuckDB's
 * "checksum ... in block at location 4096" holds the word "lock"; a damaged block met by `check`,
 * and a store in a folder that cannot be written, ended in "unexpected failure" and a stack).
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { runCli } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => {
  chmodSync(dir.path, 0o700);
  dir.remove();
});

/** Writes `bytes` at each of the offsets of the file. */
function damage(path: string, offsets: readonly number[], bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    for (const offset of offsets) writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

function expectDamaged(stderr: string, path: string): void {
  expect(stderr).toContain(`${path}: the store's file is damaged`);
  expect(stderr).toMatch(/restore the file from a backup/u);
  // A store restored without its hash key refuses partner imports (docs/guide.md, Backing up).
  expect(stderr).toContain(`${path}.hash-key`);
  expect(stderr).not.toMatch(/in use|another Lantern/u);
  expect(stderr).not.toMatch(/unexpected failure|\n\s+at /u);
}

describe('a damaged store file', () => {
  it('a damaged header is said to be damaged, never "in use by another process"', () => {
    const path = emptyStoreCopy(dir.path, 'header.duckdb');
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
    damage(path, [4096], noise);
    const before = readFileSync(path);
    for (const args of [['check'], ['areas'], ['summary', '--area', 'E07000102']]) {
      const r = runCli([...args, '--db', path]);
      expect(r.code).toBe(1);
      expectDamaged(r.stderr, path);
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('damaged blocks in the middle of the file: check says the file is damaged', () => {
    const path = emptyStoreCopy(dir.path, 'blocks.duckdb');
    const fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    closeSync(fd);
    const block = 256 * 1024;
    const offsets: number[] = [];
    for (let at = 12288 + 4 * block; at + block < size - 4 * block; at += block)
      offsets.push(at + 100);
    damage(path, offsets, Buffer.from([0xff, 0x00, 0xff, 0x00]));
    const r = runCli(['check', '--db', path]);
    expect(r.code).toBe(1);
    expectDamaged(r.stderr, path);
  });

  it('a file cut short is said to be damaged', () => {
    const path = emptyStoreCopy(dir.path, 'short.duckdb');
    const bytes = readFileSync(path);
    const fd = openSync(path, 'w');
    writeSync(fd, bytes, 0, Math.floor(bytes.length / 2));
    closeSync(fd);
    const r = runCli(['check', '--db', path]);
    expect(r.code).toBe(1);
    expectDamaged(r.stderr, path);
  });
});

/** Runs `lantern args...` in the folder `cwd`, as `uid` if given (a store named by a relative path). */
function runIn(cwd: string, args: readonly string[], uid?: number) {
  const r = spawnSync(
    process.execPath,
    [new URL('../bin/lantern.js', import.meta.url).pathname, ...args],
    { encoding: 'utf8', cwd, ...(uid === undefined ? {} : { uid, gid: uid }) },
  );
  return { code: r.status, stderr: r.stderr };
}

describe('a store named by a relative path (DuckDB names it by its absolute path)', () => {
  it('cut short, given as ./short.duckdb or ../folder/short.duckdb: said to be damaged', () => {
    const folder = join(dir.path, 'relative');
    mkdirSync(folder);
    const path = emptyStoreCopy(folder, 'short.duckdb');
    const bytes = readFileSync(path);
    const fd = openSync(path, 'w');
    writeSync(fd, bytes, 0, Math.floor(bytes.length / 2));
    closeSync(fd);
    for (const [cwd, given] of [
      [folder, './short.duckdb'],
      [folder, '../relative/short.duckdb'],
    ] as const) {
      const r = runIn(cwd, ['check', '--db', given]);
      expect(r.code).toBe(1);
      expectDamaged(r.stderr, given);
    }
  });

  it('in a folder this user may not write, given as ./store.duckdb: refused saying so, no stack', () => {
    const folder = join(dir.path, 'relative-read-only');
    mkdirSync(folder);
    const store = join(folder, 'store.duckdb');
    renameSync(emptyStoreCopy(dir.path, 'relative-store.duckdb'), store);
    chmodSync(store, 0o666);
    chmodSync(folder, 0o555);
    chmodSync(dir.path, 0o755);
    const population = dir.writeLines('relative-population.csv', ['Code,All Ages', 'E07000102,9']);
    chmodSync(population, 0o644);
    const before = readFileSync(store);
    const asRoot = process.getuid?.() === 0;
    const r = runIn(
      folder,
      ['areas', 'import-population', population, '--year', '2020', '--db', './store.duckdb'],
      asRoot ? 65534 : undefined,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('./store.duckdb: the store cannot be written by this user');
    expect(r.stderr).toContain(`cannot be made in the folder ${folder}`);
    expect(r.stderr).not.toMatch(/unexpected failure|\n\s+at /u);
    expect(readFileSync(store).equals(before)).toBe(true);
    chmodSync(folder, 0o755);
  });
});

describe('a store in a folder this user may not write', () => {
  it('an import is refused saying the log cannot be made beside the store; nothing is stored', () => {
    const folder = join(dir.path, 'read-only');
    const path = emptyStoreCopy(dir.path, 'store.duckdb');
    // The folder may be read but not written; the file itself may be written.
    mkdirSync(folder);
    const store = join(folder, 'store.duckdb');
    renameSync(path, store);
    chmodSync(store, 0o666);
    chmodSync(folder, 0o555);
    chmodSync(dir.path, 0o755);
    const population = dir.writeLines('population.csv', ['Code,All Ages', 'E07000102,90000']);
    chmodSync(population, 0o644);
    const before = readFileSync(store);
    // Root may write any folder: run the command as nobody then.
    const asRoot = process.getuid?.() === 0;
    const r = spawnSync(
      process.execPath,
      [
        new URL('../bin/lantern.js', import.meta.url).pathname,
        'areas',
        'import-population',
        population,
        '--year',
        '2020',
        '--db',
        store,
      ],
      { encoding: 'utf8', cwd: '/', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${store}: the store cannot be written by this user`);
    expect(r.stderr).toContain(`its log (${store}.wal) cannot be made in the folder ${folder}`);
    expect(r.stderr).toMatch(/Nothing of this command was stored/u);
    expect(r.stderr).not.toMatch(/unexpected failure|\n\s+at /u);
    expect(readFileSync(store).equals(before)).toBe(true);
    chmodSync(folder, 0o755);
  });
});
