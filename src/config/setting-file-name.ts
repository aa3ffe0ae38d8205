/**
 * How a settings file is named in what Lantern shows and answers (an assessment's `configFile`,
 * over the API too): never the server's absolute path. Lantern's own files are named from its
 * folder (`config/risk-matrix.yaml`); a partnership's own from the folder Lantern was run in
 * (`settings/matrix.yaml`); any other by the file's name alone.
 */
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const LANTERN_FOLDER = fileURLToPath(new URL('../../', import.meta.url));

/** The part of `path` below `folder`, or null when it is not below it. */
function below(folder: string, path: string): string | null {
  const rest = relative(folder, path);
  return rest !== '' && !rest.startsWith('..') && !isAbsolute(rest)
    ? rest.split('\\').join('/')
    : null;
}

export function settingFileName(path: string, workingFolder: string = process.cwd()): string {
  const full = resolve(workingFolder, path);
  return below(LANTERN_FOLDER, full) ?? below(workingFolder, full) ?? basename(full);
}
