/**
 * A file named on the command line, read whole, its failure said as what it is: not there, a
 * folder, not readable by this user, too large to read at once (QA: every one of these was
 * "no such file" for boundary, population, partner and support-service files).
 */
import { readFile } from 'node:fs/promises';

import { InputError } from '../errors.js';

export async function readInputFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw inputFileProblem(path, error);
  }
}

/** A file-system error reading `path`, as an InputError naming it; others as they are. */
export function inputFileProblem(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a folder, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied: this user may not read it'
          : code === 'ERR_FS_FILE_TOO_LARGE' || error instanceof RangeError
            ? 'is too large to read at once (over 2 GiB)'
            : code === 'ELOOP'
              ? 'a link that leads back to itself (a loop); not followed'
              : null;
  return reason === null ? error : new InputError(`${path}: ${reason}`);
}
