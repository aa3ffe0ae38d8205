/**
 * What the user named on the command line, expanded into importable sources: plain CSV files,
 * gzipped CSV (`.csv.gz`), zip archives (entries read in place) and folders (walked in name
 * order). Each source reads its bytes only when asked, so a large archive is imported one
 * entry at a time.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { InputError } from '../errors.js';
import { gunzipWithin } from './gunzip.js';
import { openZipArchive } from './zip.js';

export interface Source {
  /** Shown to the user: the file path, or `archive.zip!entry/name.csv`. */
  path: string;
  /** The last path segment, without directories, used for the police.uk name pattern. */
  baseName: string;
  /**
   * The file's bytes, fresh for the caller: the import hands them to its parsing thread (see
   * ParsePool.parse), after which they are detached, so a source of bytes held in memory must
   * not use them again.
   */
  read(): Promise<Uint8Array>;
  /** For data fetched for one area (the police.uk API): that area's code. */
  areaCode?: string;
}

/** A named path that yields no sources, or cannot be read, reported without stopping the rest. */
export interface SourceProblem {
  path: string;
  error: string;
}

export interface ExpandedSources {
  sources: Source[];
  problems: SourceProblem[];
  /** Call when done with the sources: closes open archives. */
  close(): void;
}

const isCsvName = (name: string) => /\.csv(\.gz)?$/iu.test(name);
const isZipName = (name: string) => /\.zip$/iu.test(name);

export async function expandSources(paths: readonly string[]): Promise<ExpandedSources> {
  const out: ExpandedSources = { sources: [], problems: [], close: () => undefined };
  const closers: (() => void)[] = [];
  out.close = () => closers.forEach((c) => c());
  for (const path of paths) {
    try {
      await expandOne(path, out, closers, true, []);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      out.problems.push({ path, error: error.message });
    }
  }
  return out;
}

async function expandOne(
  path: string,
  out: ExpandedSources,
  closers: (() => void)[],
  named: boolean,
  /** The real paths of the folders being walked above this one, to catch a link that loops. */
  ancestors: readonly string[],
): Promise<void> {
  const info = await stat(path).catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') fileProblem(path, e);
    return null;
  });
  if (!info) throw new InputError(`${path}: no such file or folder`);
  if (info.isDirectory()) {
    const real = await realpath(path).catch((e: unknown) => fileProblem(path, e));
    if (ancestors.includes(real)) {
      throw new InputError(
        `${path}: a link that leads back to the folder ${real} (a loop); not followed`,
      );
    }
    const walking = [...ancestors, real];
    const before = out.sources.length;
    const names = (await readdir(path).catch((e: unknown) => fileProblem(path, e))).sort();
    for (const name of names) {
      const child = join(path, name);
      // One unreadable or broken entry is reported on its own; the rest of the folder imports.
      try {
        const childInfo = await stat(child).catch((e: unknown) => fileProblem(child, e));
        if (childInfo.isDirectory() || isCsvName(name) || isZipName(name)) {
          await expandOne(child, out, closers, false, walking);
        }
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        out.problems.push({ path: child, error: error.message });
      }
    }
    if (named && out.sources.length === before && out.problems.length === 0) {
      throw new InputError(`${path}: the folder holds no .csv, .csv.gz or .zip files`);
    }
    return;
  }
  if (isZipName(path)) {
    const zip = await openZipArchive(path);
    closers.push(zip.close);
    const csvs = zip.entries.filter((e) => isCsvName(e.name) && !e.name.startsWith('__MACOSX/'));
    if (csvs.length === 0) {
      const seen = zip.entries.slice(0, 5).map((e) => e.name);
      throw new InputError(
        `${path}: the archive holds no CSV files to import` +
          (seen.length
            ? ` (it holds ${seen.join(', ')}${zip.entries.length > 5 ? ', …' : ''})`
            : ' (it is empty)'),
      );
    }
    for (const entry of csvs.sort((a, b) => a.name.localeCompare(b.name))) {
      const entryPath = `${path}!${entry.name}`;
      out.sources.push({
        path: entryPath,
        baseName: basename(entry.name),
        read: async () => maybeGunzip(entry.name, await entry.read(), entryPath),
      });
    }
    return;
  }
  out.sources.push({
    path,
    baseName: basename(path),
    read: async () =>
      maybeGunzip(path, await readFile(path).catch((e: unknown) => fileProblem(path, e)), path),
  });
}

/** File-system errors a user can act on, as InputError naming the path. */
function fileProblem(path: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file or folder (or a broken link)'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a folder'
          : code === 'ELOOP'
            ? 'a link that leads back to itself (a loop); not followed'
            : null;
  if (reason === null) throw error;
  throw new InputError(`${path}: ${reason}`);
}

/** A `.gz` file inflated within the limits of inflate-limits.ts; any other file as it is. */
async function maybeGunzip(name: string, bytes: Buffer, path: string): Promise<Uint8Array> {
  if (!/\.gz$/iu.test(name)) return bytes;
  return gunzipWithin(bytes, path);
}
