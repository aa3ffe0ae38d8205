/**
 * A stop-and-search file's force (usecases/search-force-check.ts). Its rows never say their force,
 * so it comes from the file name or --force: Northumbria's May 2020 saved under Gwent's name, or
 * imported with --force gwent, used to be taken as Gwent's 350-odd searches. Now the file is
 * refused when most of its located searches lie in another force's area, and content already held
 * is refused, not reported "already imported", when --force contradicts its name or its force.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { storeFileFingerprint } from './helpers/store-fingerprint.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
const MAY = readFileSync(`${FIXTURES}police/2020-05-northumbria-stop-and-search.csv.gz`);
const file = (name: string, text = gunzipSync(MAY).toString('utf8')) => {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
};
const fingerprint = () => storeFileFingerprint(db);

beforeAll(() => {
  db = emptyStoreCopy(dir.path, 'searches.duckdb');
});
afterAll(() => dir.remove());

describe("another force's stop-and-search file", () => {
  it('is refused under Gwent’s name, and with --force gwent, naming where its searches lie', async () => {
    const before = await fingerprint();
    for (const args of [
      [file('2020-05-gwent-stop-and-search.csv')],
      [file('searches-may.csv'), '--force', 'gwent'],
    ]) {
      const r = await run(['import', ...args, '--db', db]);
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(
        /of \d{3} searches checked, 0 lie in Gwent Police's area and \d{3} in Northumbria's\. Stop-and-search rows do not say their force/u,
      );
      expect(r.stdout).toContain('nothing imported from it');
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('is imported under its own name, and then not taken as Gwent’s by --force', async () => {
    const own = file('2020-05-northumbria-stop-and-search.csv');
    const imported = await run(['import', own, '--db', db]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/1 imported/u);
    const held = await fingerprint();
    const named = await run(['import', own, '--force', 'gwent', '--db', db]);
    expect(named.code).toBe(2);
    expect(named.stdout).toContain(
      'the file name says force "northumbria" but --force says "gwent"',
    );
    // The same content under a name that gives no force: held as Northumbria's.
    const unnamed = await run(['import', file('copy.csv'), '--force', 'gwent', '--db', db]);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stdout).toContain(
      'this content is held already as northumbria\'s but --force says "gwent"',
    );
    expect(await fingerprint()).toEqual(held);
    const again = await run(['import', own, '--force', 'northumbria', '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/1 already imported/u);
  });

  it('is not judged on fewer than 20 located searches', async () => {
    const [header, ...rows] = gunzipSync(MAY).toString('utf8').split('\n');
    const few = [header, ...rows.filter((r) => /,-?\d+\.\d+,-?\d+\.\d+,/u.test(r)).slice(0, 19)];
    const r = await run([
      'import',
      file('2020-05-gwent-stop-and-search.csv', `${few.join('\n')}\n`),
      '--db',
      db,
    ]);
    expect(r.code, r.stdout).toBe(0);
  });
});
