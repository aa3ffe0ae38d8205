/**
 * A file named on the command line that cannot be read is said to be what it is (QA: a folder,
 * or a file this user may not read, was "no such file" for boundary, population, partner and
 * support-service files).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db = '';
const folder = join(dir.path, 'a-folder.csv');
beforeAll(() => {
  db = emptyStoreCopy(dir.path, 'store.duckdb');
  mkdirSync(folder);
});
afterAll(() => dir.remove());

describe('a folder named as a file', () => {
  it.each([
    [
      'areas import-boundaries',
      ['areas', 'import-boundaries', folder, '--type', 'lsoa', '--vintage', '2021'],
    ],
    ['areas import-population', ['areas', 'import-population', folder, '--year', '2021']],
    ['services import', ['services', 'import', folder]],
  ])('%s: "is a folder, not a file", never "no such file"', async (_what, args) => {
    const r = await run([...args, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${folder}: is a folder, not a file`);
    expect(r.stderr).not.toContain('no such file');
  });

  it('a file that is not there is still "no such file"', async () => {
    const missing = join(dir.path, 'missing.geojson');
    const r = await run([
      'areas',
      'import-boundaries',
      missing,
      '--type',
      'lsoa',
      '--vintage',
      '2021',
      '--db',
      db,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${missing}: no such file`);
  });
});
