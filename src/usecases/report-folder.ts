/**
 * The folder `lantern report --out DIR` writes: a new or empty folder takes the report as it is; a
 * folder that holds anything is refused unless `--replace` is given, and then only the files an
 * earlier report wrote there are taken away (its fixed names, data/index.csv and the CSVs that index
 * lists). Whatever else the folder holds (the user's notes, a thesis in a subfolder, their own CSV
 * in data/) is never moved or deleted.
 *
 * The new report is written whole into a sibling staging folder first. A new or empty folder is
 * then replaced by the staging folder in one rename; into a folder that holds other files, the
 * earlier report's files are moved aside, the new ones moved in, and the earlier ones deleted last,
 * or put back if a move fails. A file of the user's where the report would write one (their own
 * data/index.csv, say) is refused, never overwritten.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import Papa from 'papaparse';

import { makeFolder } from './output-file.js';
import { InputError } from '../errors.js';

/** The files a report writes outside data/ (assessment.pdf only when Chromium is installed). */
export const REPORT_FILES = [
  'assessment.html',
  'assessment.pdf',
  'infographic.svg',
  'infographic.png',
  'infographic-social.svg',
  'infographic-social.png',
] as const;

/** The columns of data/index.csv (an index of earlier versions has `id,caption,file`). */
export const INDEX_HEADER = ['in the report', 'caption', 'file', 'id'];
const OLD_INDEX_HEADER = 'id,caption,file';
/** The commands behind the report, for the analyst (data/how-to-reproduce.txt). */
export const REPRODUCE_FILE = 'data/how-to-reproduce.txt';

/** A name the data/ index may list: a plain CSV file name, never a path. */
const DATA_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.csv$/u;

/** Refuses an --out that is a file, or a folder holding anything unless `replace` is given. */
export async function checkOutFolder(given: string, out: string, replace: boolean): Promise<void> {
  // A file, the store or a file of it was refused before (output-file.ts refuseOutputPath).
  if (!existsSync(out)) return;
  if (replace || (await readdir(out)).length === 0) return;
  throw new InputError(
    `⟨out⟩: ${given} already holds files; give ⟨replace⟩ to replace the report there ` +
      `(only the files a Lantern report writes are replaced), or give a new or empty folder`,
  );
}

/** The sibling folder a report is staged in before it takes its place. */
export function stagingFolder(out: string): string {
  return join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
}

/** The files of an earlier report in `out`, relative to it (data/ files as `data/<name>`). */
export async function earlierReportFiles(out: string): Promise<string[]> {
  const found = REPORT_FILES.filter((f) => isFile(join(out, f))).map(String);
  const index = join(out, 'data', 'index.csv');
  if (!isFile(index)) return found;
  const parsed = Papa.parse<Record<string, string>>(await readFile(index, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  // Only an index Lantern wrote (its header) says which CSVs are the report's; since the index
  // says where each is in the report, the report writes data/how-to-reproduce.txt too.
  const header = (parsed.meta.fields ?? []).join(',');
  if (header !== OLD_INDEX_HEADER && header !== INDEX_HEADER.join(',')) return found;
  const listed = parsed.data.map((r) => r.file ?? '');
  const data = [...new Set(listed)].filter((f) => DATA_NAME.test(f) && f !== 'index.csv');
  return [
    ...found,
    ...data.map((f) => `data/${f}`).filter((f) => isFile(join(out, f))),
    ...(header === OLD_INDEX_HEADER || !isFile(join(out, REPRODUCE_FILE)) ? [] : [REPRODUCE_FILE]),
    'data/index.csv',
  ];
}

/**
 * Puts the staged report (`files`, relative paths) in `out`'s place. Into a missing or empty
 * folder: one rename. Otherwise the earlier report's files are swapped for the new ones and
 * everything else in `out` stays where it is.
 */
export async function swapInto(staging: string, out: string, files: string[]): Promise<void> {
  if (!existsSync(out) || (await readdir(out)).length === 0) {
    if (existsSync(out)) await rmdir(out);
    await rename(staging, out);
    return;
  }
  const aside = `${staging}-old`;
  const earlier = await earlierReportFiles(out);
  // A file of the user's where the report would write one is refused, never overwritten.
  const taken = files.filter((f) => existsSync(join(out, f)) && !earlier.includes(f));
  if (taken.length > 0)
    throw new InputError(
      `⟨out⟩: ${out} holds ${taken.join(', ')}, which no earlier Lantern report wrote; ` +
        `move ${taken.length === 1 ? 'it' : 'them'} or give another folder`,
    );
  const movedAside: string[] = [];
  const movedIn: string[] = [];
  try {
    await makeFolder(join(aside, 'data'));
    for (const f of earlier) {
      await rename(join(out, f), join(aside, f));
      movedAside.push(f);
    }
    await makeFolder(join(out, 'data'));
    for (const f of files) {
      await rename(join(staging, f), join(out, f));
      movedIn.push(f);
    }
  } catch (error) {
    // Put the earlier report back as it was; the new files go back to staging (deleted by the caller).
    for (const f of movedIn.reverse()) await rename(join(out, f), join(staging, f)).catch(() => {});
    for (const f of movedAside.reverse())
      await rename(join(aside, f), join(out, f)).catch(() => {});
    await rm(aside, { recursive: true, force: true });
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
