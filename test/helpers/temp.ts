/** Temporary folders and stores for tests, removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'lantern-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export const SAMPLE_ZIP = new URL('../../data/police/hertfordshire-sample.zip', import.meta.url)
  .pathname;
export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
