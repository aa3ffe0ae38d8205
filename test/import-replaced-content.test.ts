/**
 * Content the store no longer holds can be imported again. A police.uk month or a partner file
 * replaced by a smaller file (--replace) used to stay "already imported" for ever, because its
 * content hash was still on record: the full month could never be restored. Only content the
 * store still holds whole counts as already imported; the same file twice in a row still adds
 * nothing, and a file smaller than what is held now is still refused without --replace.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REIMPORTED_WARNING } from '../src/domain/replacement.js';
import { runJson } from './helpers/cli.js';
import { readZipEntries } from './helpers/raw-police.js';
import { queryStore } from './helpers/store-query.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

interface ImportJson {
  files: {
    status: string;
    accepted: number;
    replaced: number;
    warnings: string[];
    error?: string;
  }[];
}

const importJson = (db: string, args: readonly string[]) =>
  runJson<ImportJson>(['import', ...args, '--db', db]);

const summary = (json: ImportJson) =>
  json.files.map((f) => [f.status, f.accepted, f.replaced] as const);

describe('a police.uk month replaced by a smaller file', () => {
  const db = join(dir.path, 'police.duckdb');
  const full = join(dir.path, '2025-05-hertfordshire-street.csv');
  const half = join(dir.path, 'half', '2025-05-hertfordshire-street.csv');
  let rows = 0;

  beforeAll(async () => {
    const entries = await readZipEntries(SAMPLE_ZIP, /2025-05-hertfordshire-street\.csv$/u);
    const bytes = [...entries.values()][0] as Buffer;
    writeFileSync(full, bytes);
    const lines = bytes.toString('utf8').split('\n');
    rows = lines.filter((l) => l.trim() !== '').length - 1;
    mkdirSync(join(dir.path, 'half'));
    writeFileSync(half, lines.slice(0, 5001).join('\n') + '\n');
  });

  const held = async () =>
    Number(
      (
        await queryStore<{ n: bigint }>(
          db,
          "SELECT count(*) AS n FROM crime WHERE month = '2025-05'",
        )
      )[0]?.n,
    );

  it('can be restored by importing the full file again, which is then already imported', async () => {
    expect(summary((await importJson(db, [full])).json)).toEqual([['imported', rows, 0]]);
    expect(summary((await importJson(db, [half, '--replace'])).json)).toEqual([
      ['imported', 5000, rows],
    ]);
    expect(await held()).toBe(5000);
    // The full file again, without --replace: it holds more rows than the store now, so it
    // replaces the 5,000 like any newer file.
    const again = await importJson(db, [full]);
    expect(again.code).toBe(0);
    expect(summary(again.json)).toEqual([['imported', rows, 5000]]);
    expect(again.json.files[0]?.warnings).toContain(REIMPORTED_WARNING);
    expect(await held()).toBe(rows);
    // The same file twice in a row still adds nothing.
    expect(summary((await importJson(db, [full])).json)).toEqual([['already-imported', 0, 0]]);
    // The half file is no longer held either: importing it again is a shrink, refused as any.
    const shrink = await importJson(db, [half]);
    expect(shrink.code).toBe(2);
    expect(shrink.json.files[0]?.status).toBe('refused');
    expect(shrink.json.files[0]?.error).toMatch(/--replace|replace/u);
    expect(await held()).toBe(rows);
  });
});

describe('a partner file replaced by a smaller file', () => {
  const db = join(dir.path, 'partner.duckdb');
  const write = (name: string, lines: readonly string[]) => {
    const path = join(dir.path, name);
    writeFileSync(path, ['date,area,strands,offence_group', ...lines].join('\n') + '\n');
    return path;
  };
  const day = (d: number) => `2025-01-${String(d).padStart(2, '0')},Three Rivers,race,public order`;
  // 10 offences in Three Rivers, 2025-01; the small file holds 2 of them.
  const hate = write(
    'hate.csv',
    Array.from({ length: 10 }, (_, i) => day(i + 1)),
  );
  const small = write('hate-small.csv', [day(1), day(2)]);
  const heldRows = async () =>
    Number(
      (
        await queryStore<{ n: bigint }>(
          db,
          "SELECT count(*) AS n FROM partner_record WHERE dataset = 'hate-crime'",
        )
      )[0]?.n,
    );
  const hateImport = (files: readonly string[], extra: readonly string[] = []) =>
    importJson(db, ['--dataset', 'hate-crime', ...files, ...extra]);

  it('can be restored by importing the first file again, which is then already imported', async () => {
    expect(summary((await hateImport([hate])).json)).toEqual([['imported', 10, 0]]);
    expect(summary((await hateImport([small], ['--replace'])).json)).toEqual([['imported', 2, 10]]);
    const again = await hateImport([hate]);
    expect(again.code).toBe(0);
    expect(summary(again.json)).toEqual([['imported', 10, 2]]);
    expect(again.json.files[0]?.warnings).toContain(REIMPORTED_WARNING);
    expect(await heldRows()).toBe(10);
    expect(summary((await hateImport([hate])).json)).toEqual([['already-imported', 0, 0]]);
    const shrink = await hateImport([small]);
    expect(shrink.json.files[0]?.status).toBe('refused');
    expect(await heldRows()).toBe(10);
  });
});
