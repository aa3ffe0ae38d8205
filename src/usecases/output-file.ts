/**
 * Where a command writes what it makes (a map, an export, a plan report, a page): never over the
 * store it reads or any other Lantern store, never half-written, and with an error that names the
 * option and the path when the path cannot be written, not a stack trace.
 *
 * A map written with `--out lantern.duckdb` beside `--db lantern.duckdb` used to replace the store
 * with GeoJSON: every record, account, plan and the audit log gone.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { InputError } from '../errors.js';

/** DuckDB's file signature: the four bytes at offset 8 of every database file. */
const DUCKDB_MAGIC = Buffer.from('DUCK', 'ascii');

/**
 * Writes `bytes` to `path` whole or not at all (a sibling file renamed into place), creating its
 * folder if need be. `field` is the option that named the path (`out`, `map`); `store` the store
 * the command has open (Db.path), which is never written over, nor the files beside it.
 */
export async function writeOutputFile(
  path: string,
  bytes: string | Uint8Array,
  field: string,
  store: string,
): Promise<void> {
  refuseOutputPath(path, field, store, 'file');
  const partial = `${path}.partial-${process.pid}`;
  try {
    await mkdir(dirname(resolve(path)), { recursive: true });
    await writeFile(partial, bytes);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    const why = (error as Error).message.replaceAll(partial, path);
    throw new InputError(`⟨${field}⟩ ${path}: cannot write (${why})`, {
      field,
    });
  }
}

/**
 * Refuses (InputError) an output path that is a Lantern store or one of its files (the store this
 * command reads, its log, its hash key), or that is a folder where a file is written (`file`), or
 * a file where a folder is (`folder`).
 */
export function refuseOutputPath(
  path: string,
  field: string,
  store: string,
  kind: 'file' | 'folder',
): void {
  const at = resolve(path);
  const refuse = (why: string) => {
    throw new InputError(`⟨${field}⟩ ${path}: ${why}; nothing was written`, { field });
  };
  if (store !== ':memory:') {
    const held = resolve(store);
    if (at === held || at.startsWith(`${held}.`))
      refuse('is the store this command reads (⟨db⟩) or a file of it, which writing would destroy');
  }
  const found = statSync(at, { throwIfNoEntry: false });
  if (!found) return;
  if (kind === 'file' && found.isDirectory())
    refuse('is a folder; give the name of a file to write');
  if (kind === 'folder' && !found.isDirectory())
    refuse('is a file, not a folder; give a new or empty folder');
  if (kind === 'file' && isDuckDbFile(at))
    refuse('is a Lantern store (a DuckDB database), which Lantern never writes over');
  if (store !== ':memory:') {
    const held = statSync(resolve(store), { throwIfNoEntry: false });
    // The same file by another name (a link, another spelling of the path).
    if (held && held.dev === found.dev && held.ino === found.ino)
      refuse('is the store this command reads (⟨db⟩), which writing would destroy');
  }
}

function isDuckDbFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(12);
    return readSync(fd, head, 0, 12, 0) === 12 && head.subarray(8, 12).equals(DUCKDB_MAGIC);
  } finally {
    closeSync(fd);
  }
}
