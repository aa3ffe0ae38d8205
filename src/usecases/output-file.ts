/**
 * Where a command writes what it makes (a map, an export, a plan report, a page): never over the
 * store it reads or any other Lantern store, never half-written, and with an error that names the
 * option and the path when the path cannot be written, not a stack trace.
 *
 * A map written with `--out lantern.duckdb` beside `--db lantern.duckdb` used to replace the store
 * with GeoJSON: every record, account, plan and the audit log gone.
 */
import { closeSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
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
    await makeFolder(dirname(resolve(path)), field, path);
    await writeFile(partial, bytes);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    if (error instanceof InputError) throw error;
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
  const blocked = fileAbove(at);
  if (blocked !== null)
    refuse(`${blocked} is a file, not a folder, so nothing can be written in it`);
  const found = lstatSync(at, { throwIfNoEntry: false });
  if (!found) return;
  // A link, a device, a pipe or a socket: the file written is renamed into place, which would
  // replace the link or the device itself (QA, as root: `--out /dev/null` replaced /dev/null with
  // a map), and reading a pipe to check for a store waits for a writer for ever.
  if (!found.isFile() && !found.isDirectory())
    refuse(
      'is not a plain file (a link, a device or a pipe), which Lantern does not write through; give the name of a file',
    );
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

/**
 * Makes a folder and any missing above it, one at a time. Node's own recursive `mkdir` never
 * returns for a path under /proc (it retries for ever: QA's `--out /proc/x/map.geojson` ran for
 * nine minutes); made one at a time, the first that cannot be made fails with its reason, as an
 * InputError naming the option (`field`) and the path the user gave (`shown`). Returns the
 * folders it made, outermost first, for a caller that fails later to take away.
 */
export async function makeFolder(path: string, field = 'out', shown = path): Promise<string[]> {
  const missing: string[] = [];
  let at = resolve(path);
  while (!existsAt(at)) {
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const folder of missing)
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return;
      throw new InputError(
        `⟨${field}⟩ ${shown}: cannot make the folder ${folder} (${error.message}); nothing was written`,
        {
          field,
        },
      );
    });
  return missing;
}

function existsAt(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** The nearest path above `path` that is a file (a folder on its way that is not one), or null. */
function fileAbove(path: string): string | null {
  for (let up = dirname(path); up !== path; path = up, up = dirname(up)) {
    let found;
    try {
      found = statSync(up, { throwIfNoEntry: false });
    } catch {
      continue; // ENOTDIR: a file lies further up
    }
    if (found) return found.isDirectory() ? null : up;
  }
  return null;
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
