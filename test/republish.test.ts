/**
 * A republished month replaces the earlier file's rows for that force and month, in one
 * transaction, and says how many rows it replaced.
 */
import { writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { importPoliceData } from '../src/usecases/import-police-data.js';
import { readZipEntries } from './helpers/raw-police.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: Db;
let original: string;

beforeAll(async () => {
  db = await openStore(`${dir.path}/store.duckdb`);
  const raw = await readZipEntries(SAMPLE_ZIP, /2025-12-hertfordshire-street\.csv$/);
  original = ([...raw.values()][0] as Buffer).toString('utf8');
});
afterAll(() => {
  db?.close();
  dir.remove();
});

const count = async (sql: string) => ((await db.query<{ n: number }>(sql))[0] as { n: number }).n;

describe('a republished month', () => {
  it('replaces the earlier file for the same force and month', async () => {
    const v1 = `${dir.path}/v1/2025-12-hertfordshire-street.csv`;
    const v2 = `${dir.path}/v2/2025-12-hertfordshire-street.csv`;
    const lines = original.trimEnd().split('\n');
    await import('node:fs').then((fs) => {
      fs.mkdirSync(`${dir.path}/v1`);
      fs.mkdirSync(`${dir.path}/v2`);
    });
    writeFileSync(v1, original);
    // The republished file drops the last 100 rows and reclassifies one.
    const republished = lines.slice(0, -100);
    republished[1] = (republished[1] as string).replace(
      /,[^,]*,[^,]*,$/,
      ',Drugs,Under investigation,',
    );
    writeFileSync(v2, republished.join('\n') + '\n');

    const first = await importPoliceData(db, [v1]);
    expect(first.files[0]).toMatchObject({
      status: 'imported',
      accepted: lines.length - 1,
      replaced: 0,
    });
    const second = await importPoliceData(db, [v2]);
    expect(second.files[0]).toMatchObject({
      status: 'imported',
      accepted: lines.length - 101,
      replaced: lines.length - 1,
    });
    expect(await count(`SELECT count(*) AS n FROM crime WHERE month = '2025-12'`)).toBe(
      lines.length - 101,
    );
    expect(await count(`SELECT count(DISTINCT batch_id) AS n FROM crime`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM import_batch WHERE status = 'replaced'`)).toBe(1);
    // The older file is still known: importing it again adds nothing.
    const again = await importPoliceData(db, [v1]);
    expect(again.files[0]?.status).toBe('already-imported');
    expect(await count(`SELECT count(*) AS n FROM crime`)).toBe(lines.length - 101);
  });
});
