/**
 * A republished month replaces the earlier file's rows for that force and month, in one
 * transaction, and says how many rows it replaced.
 */
import { writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REIMPORTED_WARNING } from '../src/domain/replacement.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { importPoliceData } from '../src/usecases/import-police-data.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { readZipEntries } from './helpers/raw-police.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: Db;
let original: string;

beforeAll(async () => {
  db = await openStore(emptyStoreCopy(dir.path, 'store.duckdb'));
  const raw = await readZipEntries(SAMPLE_ZIP, /2025-12-hertfordshire-street\.csv$/);
  original = ([...raw.values()][0] as Buffer).toString('utf8');
});
afterAll(() => {
  db?.close();
  dir.remove();
});

const count = async (sql: string) => ((await db.query<{ n: number }>(sql))[0] as { n: number }).n;

describe('a republished month', () => {
  it('replaces only the earlier file for the same force and month', async () => {
    const fs = await import('node:fs');
    for (const d of ['v1', 'v2', 'other']) fs.mkdirSync(`${dir.path}/${d}`);
    const v1 = `${dir.path}/v1/2025-12-hertfordshire-street.csv`;
    const v2 = `${dir.path}/v2/2025-12-hertfordshire-street.csv`;
    const lines = original.trimEnd().split('\n');
    writeFileSync(v1, original);
    // The republished file drops the last 100 rows and reclassifies the first one as drugs.
    const republished = lines.slice(0, -100);
    const firstId = (republished[1] as string).split(',')[0] as string;
    republished[1] = (republished[1] as string).replace(
      /,[^,]*,[^,]*,$/,
      ',Drugs,Under investigation,',
    );
    writeFileSync(v2, republished.join('\n') + '\n');
    // Neighbours that must survive: the same force's previous month, and another force's same month.
    const november = original.replaceAll('2025-12,', '2025-11,');
    writeFileSync(`${dir.path}/other/2025-11-hertfordshire-street.csv`, november);
    writeFileSync(
      `${dir.path}/other/2025-12-kent-street.csv`,
      original.replaceAll('Hertfordshire Constabulary', 'Kent Police'),
    );

    const first = await importPoliceData(db, [v1, `${dir.path}/other`]);
    expect(first.files.map((f) => [f.status, f.replaced])).toEqual([
      ['imported', 0],
      ['imported', 0],
      ['imported', 0],
    ]);
    const second = await importPoliceData(db, [v2]);
    expect(second.files[0]).toMatchObject({
      status: 'imported',
      accepted: lines.length - 101,
      replaced: lines.length - 1,
    });
    const byForceMonth = await db.query<{ force: string; month: string; n: number }>(
      `SELECT force, month, count(*) AS n FROM crime GROUP BY ALL ORDER BY ALL`,
    );
    expect(byForceMonth).toEqual([
      { force: 'hertfordshire', month: '2025-11', n: lines.length - 1 },
      { force: 'hertfordshire', month: '2025-12', n: lines.length - 101 },
      { force: 'kent', month: '2025-12', n: lines.length - 1 },
    ]);
    const [reclassified] = await db.query<{ category: string }>(
      `SELECT category FROM crime WHERE force = 'hertfordshire' AND month = '2025-12' AND crime_id = $id`,
      { id: firstId },
    );
    expect(reclassified?.category).toBe('drugs');
    expect(await count(`SELECT count(*) AS n FROM import_batch WHERE status = 'replaced'`)).toBe(1);
    // The newer file is held: importing it again adds nothing.
    expect((await importPoliceData(db, [v2])).files[0]?.status).toBe('already-imported');
    // The older file is no longer held: importing it again replaces the month like any file
    // (it is not smaller), and says that it brings back content replaced before.
    const again = await importPoliceData(db, [v1]);
    expect(again.files[0]).toMatchObject({
      status: 'imported',
      replaced: lines.length - 101,
      warnings: [REIMPORTED_WARNING],
    });
    expect(
      await count(
        `SELECT count(*) AS n FROM crime WHERE force = 'hertfordshire' AND month = '2025-12'`,
      ),
    ).toBe(lines.length - 1);
  });

  it('replaces a republished outcomes month the same way', async () => {
    const raw = await readZipEntries(SAMPLE_ZIP, /2021-03-hertfordshire-outcomes\.csv$/);
    const text = ([...raw.values()][0] as Buffer).toString('utf8');
    const fs = await import('node:fs');
    fs.mkdirSync(`${dir.path}/o1`);
    fs.mkdirSync(`${dir.path}/o2`);
    fs.writeFileSync(`${dir.path}/o1/2021-03-hertfordshire-outcomes.csv`, text);
    const shorter = text.trimEnd().split('\n').slice(0, -10).join('\n') + '\n';
    fs.writeFileSync(`${dir.path}/o2/2021-03-hertfordshire-outcomes.csv`, shorter);
    const total = text.trimEnd().split('\n').length - 1;
    await importPoliceData(db, [`${dir.path}/o1`]);
    const second = await importPoliceData(db, [`${dir.path}/o2`]);
    expect(second.files[0]).toMatchObject({
      kind: 'outcomes',
      accepted: total - 10,
      replaced: total,
    });
    expect(await count(`SELECT count(*) AS n FROM outcome WHERE month = '2021-03'`)).toBe(
      total - 10,
    );
  });
});
