/**
 * The import keeps street records counted by batch, force, month, district, placement and
 * category (street_count, migration 019), which the readers of counts by area and month read
 * instead of the records (issue 17). The counts must always be exactly a GROUP BY of the records:
 * after imports of several files in one group, a republished month replacing an earlier file's,
 * a group whose transaction failed and was loaded again file by file, an area's fetch replacing
 * its earlier fetch, a file already imported, and, for a store that held records before the
 * table existed, the migration's backfill.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parsePoliceFile } from '../src/ingest/police/parse-police-file.js';
import type { Db } from '../src/store/db.js';
import { checkStore, repairStore } from '../src/store/integrity.js';
import { openStore } from '../src/store/open-store.js';
import { loadPlacementLookups } from '../src/store/placement-lookups.js';
import { PoliceBatchLoader } from '../src/store/police-batches.js';
import { importPoliceData } from '../src/usecases/import-police-data.js';
import { demoStoreCopy, emptyStoreCopy } from './helpers/demo-store.js';
import { readZipEntries } from './helpers/raw-police.js';
import { streetBatch } from './helpers/street-batch.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

/** The records counted as street_count counts them, and the table itself, in the same order. */
async function countsAndRecords(db: Db) {
  const order = 'ORDER BY batch_id, force, month, district_code, district_match, category';
  const records = await db.query(
    `SELECT batch_id, force, month, district_code, district_match, category, count(*) AS n
     FROM crime GROUP BY ALL ${order}`,
  );
  const counts = await db.query(
    `SELECT batch_id, force, month, district_code, district_match, category, records AS n
     FROM street_count ${order}`,
  );
  return { records, counts };
}

async function expectCountsMatchRecords(db: Db) {
  const { records, counts } = await countsAndRecords(db);
  expect(records.length).toBeGreaterThan(0);
  expect(counts).toEqual(records);
}

const batch = streetBatch;

describe('the street counts kept by the import', () => {
  it('equal the records grouped after a group, a republished month and a failed group', async () => {
    const db = await openStore(emptyStoreCopy(dir.path, 'loader.duckdb'));
    try {
      const loader = await PoliceBatchLoader.create(db);
      const first = Promise.all([
        loader.add(
          batch('a', '2025-01', [
            ['E07000095', 'burglary'],
            ['E07000095', 'burglary'],
            ['E07000098', 'drugs'],
            ['', 'anti-social-behaviour'],
          ]),
        ),
        loader.add(batch('b', '2025-02', [['E07000098', 'burglary']])),
      ]);
      await loader.endGroup();
      expect((await first).every((o) => o.ok)).toBe(true);
      await expectCountsMatchRecords(db);

      // A republished January replaces a's counts with its own; February stays.
      const republished = loader.add(
        batch('a2', '2025-01', [
          ['E07000095', 'drugs'],
          ['E07000241', 'burglary'],
        ]),
      );
      await loader.endGroup();
      expect(await republished).toMatchObject({ ok: true, loaded: { replaced: 4 } });
      await expectCountsMatchRecords(db);

      // A group whose transaction fails: rolled back, then loaded file by file, the bad one refused.
      const group = Promise.all([
        loader.add(batch('c', '2025-03', [['E07000095', 'robbery']])),
        loader.add(batch('bad', '2025-04', [['E07000095', 'robbery']], 'not-a-line-number')),
        loader.add(batch('d', '2025-01', [['E07000098', 'shoplifting']])),
      ]);
      await loader.close();
      expect((await group).map((o) => o.ok)).toEqual([true, false, true]);
      await expectCountsMatchRecords(db);
      expect(
        await db.query(
          `SELECT month, district_code AS district, category, records FROM street_count
           ORDER BY month, district, category`,
        ),
      ).toEqual([
        { month: '2025-01', district: 'E07000098', category: 'shoplifting', records: 1 },
        { month: '2025-02', district: 'E07000098', category: 'burglary', records: 1 },
        { month: '2025-03', district: 'E07000095', category: 'robbery', records: 1 },
      ]);
      expect((await checkStore(db)).problems).toEqual([]);

      // An area's fetch (an API batch) replaces only the earlier fetch of the same area and month.
      const fetched = await PoliceBatchLoader.create(db);
      const area = (name: string, code: string, rows: readonly (readonly [string, string])[]) =>
        fetched.add({ ...batch(name, '2025-05', rows), areaCode: code });
      const fetches = Promise.all([
        area('f1', 'E07000095', [['E07000095', 'burglary']]),
        area('f2', 'E07000098', [['E07000098', 'drugs']]),
      ]);
      await fetched.endGroup();
      const again = area('f3', 'E07000095', [
        ['E07000095', 'robbery'],
        ['E07000095', 'robbery'],
      ]);
      await fetched.close();
      expect((await fetches).every((o) => o.ok)).toBe(true);
      expect(await again).toMatchObject({ ok: true, loaded: { replaced: 1 } });
      await expectCountsMatchRecords(db);
      expect(
        await db.query(
          `SELECT district_code AS district, category, records FROM street_count
           WHERE month = '2025-05' ORDER BY district`,
        ),
      ).toEqual([
        { district: 'E07000095', category: 'robbery', records: 2 },
        { district: 'E07000098', category: 'drugs', records: 1 },
      ]);
    } finally {
      db.close();
    }
  });

  it('equal the records grouped after importing real files, a republished month and a file already imported', async () => {
    const db = await openStore(emptyStoreCopy(dir.path, 'real.duckdb'));
    try {
      const raw = await readZipEntries(SAMPLE_ZIP, /2025-1[12]-hertfordshire-street\.csv$/);
      mkdirSync(`${dir.path}/v1`);
      mkdirSync(`${dir.path}/v2`);
      for (const [name, bytes] of raw)
        writeFileSync(`${dir.path}/v1/${name.split('/').pop()}`, bytes);
      const december = [...raw].find(([name]) => name.includes('2025-12'))?.[1] as Buffer;
      const lines = december.toString('utf8').trimEnd().split('\n').slice(0, -250);
      writeFileSync(`${dir.path}/v2/2025-12-hertfordshire-street.csv`, lines.join('\n') + '\n');

      await importPoliceData(db, [`${dir.path}/v1`]);
      await expectCountsMatchRecords(db);
      const again = await importPoliceData(db, [`${dir.path}/v1`]);
      expect(again.files.map((f) => f.status)).toEqual(['already-imported', 'already-imported']);
      await expectCountsMatchRecords(db);
      const replaced = await importPoliceData(db, [`${dir.path}/v2`]);
      expect(replaced.files[0]?.replaced).toBeGreaterThan(0);
      await expectCountsMatchRecords(db);
      expect((await checkStore(db)).problems).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('the street counts worked out as the rows are checked', () => {
  it('are the records grouped, whichever path each line took, and the store keeps them', async () => {
    const raw = await readZipEntries(SAMPLE_ZIP, /2025-0[6-8]-hertfordshire-street\.csv$/);
    const [june, july, august] = [...raw.keys()].sort().map((k) => raw.get(k) as Buffer) as [
      Buffer,
      Buffer,
      Buffer,
    ];
    mkdirSync(`${dir.path}/paths`);
    // June as published: every line on the fast path (from its bytes).
    writeFileSync(`${dir.path}/paths/2025-06-hertfordshire-street.csv`, june);
    // July with some lines the fast path declines (a padded crime type, a coordinate written
    // '+…'), which are checked as fields and staged cell by cell among the others.
    const lines = july.toString('latin1').trimEnd().split('\n');
    for (let i = 1; i < lines.length; i += 97) {
      lines[i] = (lines[i] as string)
        .replace(',Burglary,', ', Burglary ,')
        .replace(/,(51\.\d+),/u, ',+$1,');
    }
    writeFileSync(`${dir.path}/paths/2025-07-hertfordshire-street.csv`, lines.join('\n') + '\n');
    // August with a quoted field: not a plain file, so every row is read as fields.
    const quoted = august.toString('latin1').trimEnd().split('\n');
    const cells = (quoted[5] as string).split(',');
    cells[6] = `"${cells[6]}"`;
    quoted[5] = cells.join(',');
    writeFileSync(`${dir.path}/paths/2025-08-hertfordshire-street.csv`, quoted.join('\n') + '\n');

    const lookups = await (async () => {
      const db = await openStore(emptyStoreCopy(dir.path, 'lookups.duckdb'));
      try {
        return await loadPlacementLookups(db);
      } finally {
        db.close();
      }
    })();
    const layouts: string[] = [];
    for (const name of ['2025-06', '2025-07', '2025-08']) {
      const file = `${dir.path}/paths/${name}-hertfordshire-street.csv`;
      const bytes = readFileSync(file);
      const parsed = parsePoliceFile(file, basename(file), bytes, 'h', { lookups });
      layouts.push(parsed.layout);
      expect(parsed.rejected).toEqual([]);
      const counted = parsed.streetCounts ?? [];
      expect(counted.reduce((n, c) => n + c.records, 0)).toBe(parsed.staged.rows);
      // The same as counting the staged rows themselves.
      const byKey = new Map<string, number>();
      for (const row of new TextDecoder().decode(parsed.staged.bytes()).trimEnd().split('\n')) {
        const cells = row.split(',');
        const [district, match, category] =
          parsed.layout === 'as-filed'
            ? [cells[2], cells[3], cells[4]]
            : [cells.at(-5), cells.at(-4), cells.at(-3)];
        const key = `${name}|${district === '' ? null : district}|${match}|${category}`;
        byKey.set(key, (byKey.get(key) ?? 0) + 1);
      }
      expect(
        new Map(
          counted.map((c) => [
            `${c.month}|${c.districtCode}|${c.districtMatch}|${c.category}`,
            c.records,
          ]),
        ),
      ).toEqual(byKey);
    }
    expect(layouts).toEqual(['as-filed', 'as-filed', 'lantern']);

    const db = await openStore(emptyStoreCopy(dir.path, 'paths.duckdb'));
    try {
      const report = await importPoliceData(db, [`${dir.path}/paths`]);
      expect(report.files.map((f) => f.status)).toEqual(['imported', 'imported', 'imported']);
      await expectCountsMatchRecords(db);
    } finally {
      db.close();
    }
  });
});

describe('a store made before the counts were kept', () => {
  let path: string;
  beforeAll(async () => {
    // The demo store as an older Lantern left it: records, and no counts.
    path = demoStoreCopy(dir.path, 'older.duckdb');
    const db = await openStore(path);
    try {
      await db.run('DROP TABLE street_count');
      await db.run('DELETE FROM schema_migration WHERE version = 19');
    } finally {
      db.close();
    }
  });

  it('has its records counted by the migration when next opened', async () => {
    const db = await openStore(path);
    try {
      await expectCountsMatchRecords(db);
      expect((await checkStore(db)).problems).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('lantern check', () => {
  it('finds counts that differ from the records, and the repair removes that batch whole', async () => {
    const db = await openStore(demoStoreCopy(dir.path, 'drifted.duckdb'));
    try {
      const [{ id } = { id: 0 }] = await db.query<{ id: number }>(
        'SELECT min(batch_id) AS id FROM street_count',
      );
      await db.run('UPDATE street_count SET records = records + 1 WHERE batch_id = $id', { id });
      const check = await checkStore(db);
      expect(check.problems.map((p) => [p.kind, p.batchId])).toContainEqual(['street-counts', id]);
      const repair = await repairStore(db, check);
      expect(repair.removed.map((r) => r.batchId)).toEqual([id]);
      expect((await checkStore(db)).problems).toEqual([]);
      await expectCountsMatchRecords(db);
    } finally {
      db.close();
    }
  });
});
