/**
 * The import's fast path (street lines checked straight from the file's bytes, street-line.ts)
 * against reading every row as fields, on every bundled street file and the register's real
 * lookups: the staged bytes, rejected rows, months and placement must be identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PlacementLookups } from '../src/domain/placement.js';
import { POLICE_COLUMNS } from '../src/domain/police-file.js';
import { parsePoliceFile } from '../src/ingest/police/parse-police-file.js';
import { openStore } from '../src/store/open-store.js';
import { loadPlacementLookups } from '../src/store/placement-lookups.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { readZipEntries } from './helpers/raw-police.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
let lookups: PlacementLookups;
let files: Map<string, Buffer>;

beforeAll(async () => {
  const db = await openStore(emptyStoreCopy(dir.path, 'store.duckdb'));
  lookups = await loadPlacementLookups(db);
  db.close();
  files = await readZipEntries(SAMPLE_ZIP, /-street\.csv$/);
});

afterAll(() => dir.remove());

/** mulberry32: a small seeded generator, so that a failing file can be made again. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Awkward values for each street column (by index), tried in place of a real line's value. */
const AWKWARD: readonly (readonly string[])[] = [
  ['', '', 'abc', ' x', 'x\t'],
  ['2025-11', '2025-13', '2025-1', '', ' 2025-12', '2025-12-01'],
  ['Hertfordshire Constabulary', 'hertfordshire constabulary', 'Kent Police', '', 'X'],
  [
    'Hertfordshire Constabulary',
    'HERTFORDSHIRE CONSTABULARY',
    'Kent Police',
    '',
    ' Hertfordshire Constabulary',
  ],
  [
    '0',
    '-0',
    '0.000',
    '+0.5',
    '.5',
    '-1.',
    '1e-1',
    '1.8',
    '1.8000000000001',
    '-8.7',
    '-0.123456789012345',
    '-0.1234567890123456',
    '-0.98765432109876543',
    ' -0.2',
    '',
  ],
  [
    '51.5',
    '49.8',
    '51.98765432109876543',
    '60.9',
    '60.9000000000001',
    '49.7999999999999',
    '0',
    '-0',
    '5.15e1',
    '051.50',
    '',
  ],
  ['', 'On or near X', ' On or near X', 'a\u0001b'],
  ['E01023719', 'E01999999', 'W01000001', '', 'e01023719'],
  ['Three Rivers 011B', 'Dacorum 001A', 'Nowhere 001A', '', 'three rivers 011b'],
  ['Burglary', 'burglary', 'Fraud', '', 'Anti-social behaviour', ' Drugs'],
  ['', 'Under investigation', 'x '],
  ['', 'x', '\tx'],
];

describe('the fast path on the bundled street files', () => {
  it('stages every file exactly as reading its rows as fields does', () => {
    expect(files.size).toBe(30);
    let asFiled = 0;
    for (const [name, bytes] of files) {
      const parse = (fastPath: boolean) =>
        parsePoliceFile(name, name.split('/').pop() as string, bytes, 'hash', {
          lookups,
          fastPath,
        });
      const fast = parse(true);
      const fields = parse(false);
      expect(Buffer.compare(fast.staged.bytes(), fields.staged.bytes()), name).toBe(0);
      expect({ ...fast, staged: fast.staged.rows }, name).toEqual({
        ...fields,
        staged: fields.staged.rows,
      });
      if (fast.layout === 'as-filed') asFiled++;
    }
    // One file (2025-03) quotes an LSOA name with a comma in it and is read by papaparse.
    expect(asFiled).toBe(29);
  });

  it('gives the same as reading rows as fields on 300 files of real lines made awkward', () => {
    const header = POLICE_COLUMNS.street.join(',');
    // Each file's lines come from one month: a police.uk file holds one, and a row of another
    // month refuses the file (as the awkward month values below sometimes do, on both paths).
    const realOf = new Map(
      ['2025-12', '2018-10'].map((m) => [
        m,
        (files.get(`${m}/${m}-hertfordshire-street.csv`) as Buffer)
          .toString('latin1')
          .split('\n')
          .slice(1, 400)
          .filter((l) => l !== '' && !l.includes('"')),
      ]),
    );
    const random = seeded(20261127);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
    let fastLines = 0;
    for (let n = 0; n < 300; n++) {
      const lines: string[] = [];
      const month = pick(['2025-12', '2018-10']);
      const real = realOf.get(month) as string[];
      const rate = pick([0, 0.02, 0.1, 0.3]);
      for (let k = 1 + Math.floor(random() * 40); k > 0; k--) {
        const fields = pick(real).split(',');
        if (random() < 0.15) fields[0] = ''; // anti-social behaviour: keyed by content
        for (let i = 0; i < fields.length; i++) {
          if (random() < rate) fields[i] = pick(AWKWARD[i] as readonly string[]);
        }
        if (random() < 0.03) fields.splice(Math.floor(random() * fields.length), 1);
        if (random() < 0.03) fields.push('');
        const line = fields.join(',');
        lines.push(line);
        if (random() < 0.1) lines.push(line); // identical rows: "#2" keys
        if (random() < 0.03) lines.push('');
      }
      const name = random() < 0.8 ? `${month}-hertfordshire-street.csv` : 'export.csv';
      const bytes = Buffer.from(
        `${header}\n${lines.join('\n')}${random() < 0.5 ? '\n' : ''}`,
        'latin1',
      );
      const outcome = (fastPath: boolean) => {
        try {
          const p = parsePoliceFile('f.csv', name, bytes, 'hash', { lookups, fastPath });
          return { ...p, staged: Buffer.from(p.staged.bytes()).toString('latin1') };
        } catch (error) {
          return { error: (error as Error).message };
        }
      };
      const fast = outcome(true);
      expect(fast, `file ${n}: ${name}\n${bytes.toString('latin1')}`).toEqual(outcome(false));
      if ('layout' in fast && fast.layout === 'as-filed')
        fastLines += fast.staged.split('\n').length - 1;
    }
    expect(fastLines).toBeGreaterThan(1000); // the fast path was really taken
  });
});
