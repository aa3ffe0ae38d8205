/**
 * Golden files: text a renderer writes (an SVG, a list of what a chart shows) compared with the
 * copy kept in the repository, so a change of layout fails a test and shows in review. Run with
 * LANTERN_UPDATE_GOLDEN=1 to write them afresh (then read the diff before committing); a missing
 * golden file fails unless that is set. On a mismatch the new text is written to
 * test-output/golden/ (not committed) for a diff or a look.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect } from 'vitest';

const OUT = fileURLToPath(new URL('../../test-output/golden/', import.meta.url));

export function expectGolden(file: URL, actual: string): void {
  const path = fileURLToPath(file);
  if (process.env.LANTERN_UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run the test with LANTERN_UPDATE_GOLDEN=1 to write it`);
  }
  const golden = readFileSync(path, 'utf8');
  if (golden !== actual) {
    mkdirSync(OUT, { recursive: true });
    const name = path.split('/').pop() ?? 'golden';
    writeFileSync(`${OUT}${name}`, actual);
  }
  expect(
    golden === actual,
    `${path} differs from what is drawn now (written to test-output/golden/ for a diff; ` +
      'LANTERN_UPDATE_GOLDEN=1 updates it)',
  ).toBe(true);
}
