/**
 * Lantern is for any partnership: nothing in import is specific to Hertfordshire. These files
 * are real Hertfordshire rows relabelled as another force's (the repository holds no other
 * force's street data), so that force naming, area placement and counting are exercised for a
 * force in the table (Kent); a force whose name police.uk does not publish for is refused.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { categoryFromName } from '../src/domain/categories.js';
import { openStore } from '../src/store/open-store.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { countBy, parseRaw, readZipEntries } from './helpers/raw-police.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
let herts: string;
beforeAll(async () => {
  const raw = await readZipEntries(SAMPLE_ZIP, /2025-03-hertfordshire-street\.csv$/);
  herts = ([...raw.values()][0] as Buffer).toString('utf8');
  mkdirSync(`${dir.path}/in`);
});
afterAll(() => dir.remove());

interface ImportJson {
  files: {
    force: string;
    status: string;
    accepted: number;
    placement: { outsideForceArea: number };
  }[];
}

describe('importing another force', () => {
  it.each([['Kent Police', 'kent']])(
    'reads rows that fall within "%s" as force %s, with counts equal to the raw file',
    async (name, id) => {
      const relabelled = herts.replaceAll('Hertfordshire Constabulary', name);
      const path = `${dir.path}/in/2025-03-${id}-street.csv`;
      writeFileSync(path, relabelled);
      const db = emptyStoreCopy(dir.path, `${id}.duckdb`);
      const result = await runJson<ImportJson>(['import', path, '--db', db]);
      expect(result.code).toBe(0);
      const rows = parseRaw(Buffer.from(relabelled));
      expect(result.json.files[0]).toMatchObject({
        force: id,
        status: 'imported',
        accepted: rows.length,
      });
      const store = await openStore(db);
      const stored = await store.query<{ category: string; n: number }>(
        'SELECT category, count(*) AS n FROM crime WHERE force = $id GROUP BY 1',
        { id },
      );
      store.close();
      expect(Object.fromEntries(stored.map((r) => [r.category, r.n]))).toEqual(
        Object.fromEntries(
          [...countBy(rows, 'Crime type')].map(([type, n]) => [categoryFromName(type), n]),
        ),
      );
      if (id === 'kent') {
        // Placed in Hertfordshire districts, which are outside Kent's force area.
        expect(result.json.files[0]?.placement.outsideForceArea).toBeGreaterThan(rows.length * 0.9);
      }
      const summary = await runJson<{ categories: { category: string; total: number }[] }>([
        'summary',
        '--area',
        'Three Rivers',
        '--period',
        '2025-03',
        '--db',
        db,
      ]);
      // Three Rivers is in Hertfordshire's force area, of which this store holds no file: its
      // months are unknown, so nothing is counted there even though relabelled rows lie in it;
      // a period with no month held is refused rather than shown as zeros.
      expect(summary.code).toBe(2);
      expect(JSON.stringify(summary.json)).toMatch(/no month of it is held .*unknown, not zero/u);
    },
  );

  it('refuses rows of a force that does not publish on police.uk, naming the line and field', async () => {
    // A made-up force: imported, its records would belong to no force area and be seen nowhere.
    const path = `${dir.path}/in/2025-03-borsetshire-street.csv`;
    writeFileSync(path, herts.replaceAll('Hertfordshire Constabulary', 'Borsetshire Constabulary'));
    const result = await runJson<ImportJson & { files: { error?: string }[] }>([
      'import',
      path,
      '--db',
      emptyStoreCopy(dir.path, 'borsetshire.duckdb'),
    ]);
    expect(result.code).toBe(2);
    expect(result.json.files[0]).toMatchObject({ status: 'refused', accepted: 0 });
    expect(result.json.files[0]?.error).toMatch(
      /2025-03-borsetshire-street\.csv:2: Reported by "Borsetshire Constabulary" is not a force that publishes on police\.uk/,
    );
  });

  it('takes the store path from LANTERN_DB when --db is not given', async () => {
    const path = `${dir.path}/in/2025-03-kent-street.csv`;
    writeFileSync(path, herts.replaceAll('Hertfordshire Constabulary', 'Kent Police'));
    const db = `${dir.path}/from-env.duckdb`;
    expect((await run(['import', path], { LANTERN_DB: db })).code).toBe(0);
    const again = await runJson<ImportJson>(['import', path, '--db', db]);
    expect(again.json.files[0]?.status).toBe('already-imported');
  });
});
