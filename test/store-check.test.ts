/**
 * `lantern check`: the store's invariants on the demo store, then on copies damaged the ways an
 * interrupted import damaged stores before Lantern removed its rows on open (issue 14, item 1):
 * a batch holding its rows twice (the re-run adopted the killed import's rows), rows of a batch
 * that does not exist, and a month held by two batches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { queryStore, updateStore } from './helpers/store-query.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
let clean: string;
beforeAll(() => {
  clean = demoStoreCopy(dir.path, 'clean.duckdb');
});
afterAll(() => dir.remove());

interface CheckJson {
  batches: number;
  rows: number;
  problems: { kind: string; batchId: number | null; fileName: string | null; message: string }[];
  repaired: { orphanRows: number; removed: { batchId: number; fileName: string }[] } | null;
  remaining: unknown[];
}

const winchesterLike = `SELECT count(*) AS n FROM crime WHERE district_code = 'E07000102'
  AND month = '2025-12' AND category = 'violent-crime'`;

describe('lantern check', () => {
  it('finds the demo store whole', async () => {
    const r = await runJson<CheckJson>(['check', '--db', clean]);
    expect(r.code).toBe(0);
    expect(r.json.problems).toEqual([]);
    expect(r.json.rows).toBeGreaterThan(348_450);
    const text = await run(['check', '--db', clean]);
    expect(text.stdout).toMatch(/^The store is whole/u);
  });

  it('finds a batch holding its rows twice, removes it whole with --repair, and the import restores it', async () => {
    const db = demoStoreCopy(dir.path, 'doubled.duckdb');
    const [{ id, n }] = (await queryStore<{ id: number; n: string }>(
      db,
      `SELECT b.id, (${winchesterLike}) AS n FROM import_batch b
       WHERE b.file_name LIKE '%2025-12-hertfordshire-street.csv'`,
    )) as [{ id: number; n: string }];
    await updateStore(
      db,
      `INSERT INTO crime BY NAME SELECT * EXCLUDE (record_key) FROM crime WHERE batch_id = ${id}`,
    );

    const found = await runJson<CheckJson>(['check', '--db', db]);
    expect(found.code).toBe(2);
    expect(found.json.problems).toHaveLength(1);
    expect(found.json.problems[0]).toMatchObject({ kind: 'batch-rows', batchId: id });
    expect(found.json.problems[0]?.fileName).toMatch(/2025-12-hertfordshire-street\.csv$/u);
    const text = await run(['check', '--db', db]);
    expect(text.stdout).toMatch(/lantern check --repair/u);

    const repaired = await run(['check', '--repair', '--db', db]);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toMatch(
      /Import these files again[\s\S]*2025-12-hertfordshire-street\.csv/u,
    );
    const [{ left }] = (await queryStore<{ left: string }>(
      db,
      `SELECT count(*) AS left FROM crime WHERE batch_id = ${id}`,
    )) as [{ left: string }];
    expect(Number(left)).toBe(0);
    // The month is now missing, not zero: summary says so, and refuses a period of it alone.
    const summary = await runJson<{ months: { month: string; status: string }[] }>([
      'summary',
      '--area',
      'Three Rivers',
      '--period',
      '2025-11..2025-12',
      '--db',
      db,
    ]);
    expect(summary.json.months).toEqual([
      { month: '2025-11', status: 'observed' },
      { month: '2025-12', status: 'missing' },
    ]);
    const alone = await run([
      'summary',
      '--area',
      'Three Rivers',
      '--period',
      '2025-12',
      '--db',
      db,
    ]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('2025-12: no month of it is held');

    const again = await runJson<{ files: { path: string; status: string }[] }>([
      'import',
      SAMPLE_ZIP,
      '--db',
      db,
    ]);
    expect(again.json.files.filter((f) => f.status === 'imported')).toHaveLength(1);
    expect((await runJson<CheckJson>(['check', '--db', db])).json.problems).toEqual([]);
    const [{ n: restored }] = (await queryStore<{ n: string }>(db, winchesterLike)) as [
      { n: string },
    ];
    expect(restored).toBe(n);
    // The removal is recorded (lantern imports list no longer shows it, assess list names its
    // month), and its id, the newest, is not given to the file imported again.
    const [removal] = await queryStore<Record<string, unknown>>(
      db,
      `SELECT batch_id, file_name, months, removed_by FROM removed_import`,
    );
    expect(removal).toMatchObject({
      batch_id: id,
      file_name: 'hertfordshire-sample.zip!2025-12/2025-12-hertfordshire-street.csv',
      months: ['2025-12'],
      removed_by: 'lantern check --repair',
    });
    const [{ newest }] = (await queryStore<{ newest: number }>(
      db,
      `SELECT max(id) AS newest FROM import_batch`,
    )) as [{ newest: number }];
    expect(newest).toBe(id + 1);
  });

  it('finds rows of a batch that does not exist, and a month held by two batches', async () => {
    const db = demoStoreCopy(dir.path, 'orphans.duckdb');
    // Rows under an id below the newest batch (so opening the store does not remove them:
    // only `check` looks at every id), and a second holder of one month.
    await updateStore(
      db,
      `INSERT INTO crime BY NAME SELECT * EXCLUDE (record_key) REPLACE (0 AS batch_id)
         FROM crime WHERE month = '2025-11' LIMIT 10;
       INSERT INTO batch_month SELECT * REPLACE ((SELECT min(id) FROM import_batch) AS batch_id)
         FROM batch_month WHERE month = '2025-10' AND kind = 'street'`,
    );
    const found = await runJson<CheckJson>(['check', '--db', db]);
    expect(found.code).toBe(2);
    // The second holder also holds none of the rows it claims for that month.
    const kinds = found.json.problems.map((p) => p.kind).sort();
    expect(kinds).toEqual(['batch-rows', 'month-held-twice', 'orphan-rows']);
    expect(found.json.problems.find((p) => p.kind === 'orphan-rows')?.message).toMatch(
      /^10 row\(s\) of crime belong to batch 0/u,
    );
    const repaired = await runJson<CheckJson>(['check', '--repair', '--db', db]);
    expect(repaired.code).toBe(0);
    expect(repaired.json.repaired?.orphanRows).toBe(10);
    expect(repaired.json.remaining).toEqual([]);
  });

  it('removes on open the rows of an import that never committed, and says so', async () => {
    const db = demoStoreCopy(dir.path, 'interrupted.duckdb');
    // What DuckDB replays from a torn commit: rows under the next batch id, with no batch.
    await updateStore(
      db,
      `INSERT INTO crime BY NAME SELECT * EXCLUDE (record_key)
         REPLACE ((SELECT max(id) + 1 FROM import_batch) AS batch_id)
       FROM crime WHERE month = '2025-12'`,
    );
    const before = (await queryStore<{ n: string }>(db, winchesterLike))[0]?.n;
    const areas = await run([
      'summary',
      '--area',
      'Three Rivers',
      '--period',
      '2025-12..2025-12',
      '--db',
      db,
    ]);
    expect(areas.code).toBe(0);
    expect(areas.stderr).toMatch(
      /an import was stopped while it was being saved, and left [\d,]+ rows without their import record/u,
    );
    const after = (await queryStore<{ n: string }>(db, winchesterLike))[0]?.n;
    expect(Number(after)).toBe(Number(before) / 2);
    expect((await runJson<CheckJson>(['check', '--db', db])).json.problems).toEqual([]);
  });
});
