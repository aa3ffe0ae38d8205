/** Temporary folders and stores for tests, removed afterwards. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  path: string;
  remove: () => void;
  /** Writes a text file of these lines (each ended by a newline) in the folder; its path. */
  writeLines: (name: string, lines: readonly string[]) => string;
}

export function tempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'lantern-test-'));
  return {
    path,
    remove: () => rmSync(path, { recursive: true, force: true }),
    writeLines: (name, lines) => {
      const file = join(path, name);
      writeFileSync(file, lines.join('\n') + '\n');
      return file;
    },
  };
}

export const SAMPLE_ZIP = new URL('../../data/police/hertfordshire-sample.zip', import.meta.url)
  .pathname;
export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
