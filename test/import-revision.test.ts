/**
 * police.uk revises months and publishes them again: a newer file of a month replaces the one the
 * store holds, and the import says what that changed in the month, category by category, or that
 * no figure moved (the same records in another order, with other line endings or Crime IDs). It
 * used to say only "9,874 replaced", whatever had changed (QA, year 2).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MonthRevision } from '../src/domain/replacement.js';
import { run, runJson } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { parseRaw, readZipEntries } from './helpers/raw-police.js';
import { updateStore } from './helpers/store-query.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());
const db = emptyStoreCopy(dir.path, 'store.duckdb');

interface ImportJson {
  files: { status: string; replaced: number; revisions?: MonthRevision[] }[];
}

let lines: string[] = [];
/** Writes a version of the bundled 2025-06 file into its own folder, under police.uk's name. */
const version = (name: string, body: readonly string[], eol = '\n') => {
  mkdirSync(join(dir.path, name));
  const path = join(dir.path, name, '2025-06-hertfordshire-street.csv');
  writeFileSync(path, body.join(eol) + eol);
  return path;
};
const importJson = (path: string) => runJson<ImportJson>(['import', path, '--db', db]);

beforeAll(async () => {
  const entries = await readZipEntries(SAMPLE_ZIP, /2025-06-hertfordshire-street\.csv$/u);
  lines = ([...entries.values()][0] as Buffer)
    .toString('utf8')
    .split(/\r?\n/u)
    .filter((l) => l !== '');
  const first = await importJson(version('first', lines));
  expect(first.json.files[0]).toMatchObject({ status: 'imported', replaced: 0 });
  expect(first.json.files[0]!.revisions).toBeUndefined();
});

describe('a republished police.uk month', () => {
  it('says no figure moved when the same records come in another order, with CRLF and other Crime IDs', async () => {
    const [header, ...rows] = lines;
    const shuffled = [header!, ...rows.slice(5000), ...rows.slice(0, 5000)].map((l, i) =>
      i > 0 && /^[0-9a-f]{64},/u.test(l)
        ? l.replace(/^[0-9a-f]/u, (c) => (c === 'a' ? 'b' : 'a'))
        : l,
    );
    const again = await importJson(version('reordered', shuffled, '\r\n'));
    expect(again.json.files[0]).toMatchObject({ status: 'imported', replaced: rows.length });
    expect(again.json.files[0]!.revisions).toEqual([{ month: '2025-06', changes: [] }]);
    const text = await run(['import', version('reordered-text', shuffled), '--db', db]);
    expect(text.stdout).toContain(
      "2025-06: every category's count as in the file it replaced: no figure moved",
    );
  });

  it('gives each category whose count a revision changed, before and after', async () => {
    const rows = parseRaw(Buffer.from(lines.join('\n')));
    const count = (type: string) => rows.filter((r) => r['Crime type'] === type).length;
    let moved = 0;
    let dropped = 0;
    const revised = lines.flatMap((line, i) => {
      if (i > 0 && moved < 15 && line.includes(',Burglary,')) {
        moved++;
        return [line.replace(',Burglary,', ',Criminal damage and arson,')];
      }
      if (i > 0 && dropped < 4 && line.includes(',Bicycle theft,')) {
        dropped++;
        return [];
      }
      return [line];
    });
    const r = await importJson(version('revised', revised));
    expect(r.json.files[0]!.revisions).toEqual([
      {
        month: '2025-06',
        changes: [
          { category: 'burglary', before: count('Burglary'), after: count('Burglary') - 15 },
          {
            category: 'criminal-damage-arson',
            before: count('Criminal damage and arson'),
            after: count('Criminal damage and arson') + 15,
          },
          {
            category: 'bicycle-theft',
            before: count('Bicycle theft'),
            after: count('Bicycle theft') - 4,
          },
        ],
      },
    ]);
    const back = await run(['import', version('first-again', lines), '--db', db]);
    expect(back.stdout).toMatch(
      /2025-06 revised: Burglary [\d,]+ → [\d,]+, Criminal damage and arson [\d,]+ → [\d,]+, Bicycle theft [\d,]+ → [\d,]+; the other categories as before/u,
    );
  });

  it('gives no revision where a force file replaces a month held for one area only', async () => {
    // As after `fetch --area`: the month held for Three Rivers alone. The force's whole file
    // extends it; calling that a revision would read the rest of the force as records added.
    await updateStore(
      db,
      "UPDATE batch_month SET area_code = 'E07000102' WHERE kind = 'street' AND month = '2025-06' AND replaced_by IS NULL",
    );
    const r = await importJson(version('whole-force', lines.slice(0, -1)));
    expect(r.json.files[0]).toMatchObject({ status: 'imported' });
    expect(r.json.files[0]!.replaced).toBeGreaterThan(0);
    expect(r.json.files[0]!.revisions).toBeUndefined();
  });
});
