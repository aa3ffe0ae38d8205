/**
 * Where a command writes its output (usecases/output-file.ts). A map written with `--out` naming
 * the store (`hotspots --out lantern.duckdb --db lantern.duckdb`) used to replace the store with
 * GeoJSON; a folder or a missing folder gave a stack trace. Every command that writes a file or a
 * folder is tried here against the store it reads, a file of it (its hash key), another store, a
 * folder, and a file where a folder is wanted: each is refused with exit 2 and a message naming
 * the option and the path, and the store is left as it was.
 */
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { makeFifo } from './helpers/fifo.js';
import { threeRiversPlan } from './helpers/plan.js';
import { storeFileFingerprint, type Fingerprint } from './helpers/store-fingerprint.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
let before: Fingerprint;

const fingerprint = () => storeFileFingerprint(db);

beforeAll(async () => {
  db = demoStoreCopy(dir.path);
  await threeRiversPlan(db);
  // Stop and search for the map of `stop-search --map`: Northumbria's January 2021.
  const imported = await run([
    'import',
    'test/fixtures/police/2020-05-northumbria-stop-and-search.csv.gz',
    '--db',
    db,
  ]);
  expect(imported.code, imported.stderr).toBe(0);
  copyFileSync(db, join(dir.path, 'other.duckdb'));
  mkdirSync(join(dir.path, 'a-folder'));
  symlinkSync(db, join(dir.path, 'link.duckdb'));
  writeFileSync(join(dir.path, 'plain.txt'), 'kept');
  symlinkSync(join(dir.path, 'plain.txt'), join(dir.path, 'link.txt'));
  makeFifo(join(dir.path, 'pipe'));
  before = await fingerprint();
});
afterAll(() => dir.remove());

/** Each command that writes a file, with the option that names it. */
const FILE_WRITERS: [string, string[], string][] = [
  [
    'hotspots',
    ['hotspots', '--area', 'Three Rivers', '--category', 'burglary', '--period', '2025-01'],
    'out',
  ],
  ['stop-search', ['stop-search', '--force', 'northumbria', '--period', '2020-05'], 'map'],
  [
    'cameras',
    [
      'cameras',
      '--area',
      'Three Rivers',
      '--category',
      'robbery',
      '--period',
      '2025-01',
      '--cameras',
      '2',
      '--radius',
      '200',
      '--time-limit',
      '0',
    ],
    'out',
  ],
  ['services export', ['services', 'export', '--format', 'csv'], 'out'],
  ['plan report', ['plan', 'report', '--format', 'csv'], 'out'],
];

/** Each command that writes a folder. */
const FOLDER_WRITERS: [string, string[]][] = [
  ['public-page', ['public-page', '--area', 'Three Rivers']],
  [
    'briefing',
    [
      'briefing',
      '--audience',
      'volunteers',
      '--theme',
      'domestic-abuse',
      '--area',
      'Three Rivers',
      '--format',
      'html',
    ],
  ],
  ['report', ['report', '--area', 'Three Rivers', '--period', '2025', '--draft', '--no-pdf']],
];

describe('a command never writes over a store', () => {
  it.each(FILE_WRITERS)(
    '%s refuses the store, its files and another store',
    async (_n, args, opt) => {
      const cases: [string, RegExp][] = [
        [db, /is the store this command reads \(--db\)/u],
        [`${db}.hash-key`, /is the store this command reads \(--db\) or a file of it/u],
        [
          join(dir.path, 'link.duckdb'),
          /is a Lantern store|is the store this command reads|is not a plain file/u,
        ],
        // A link to a plain file, and a pipe: the rename would replace the link (as root,
        // `--out /dev/null` replaced the device), and checking a pipe for a store waited for ever.
        [join(dir.path, 'link.txt'), /is not a plain file \(a link, a device or a pipe\)/u],
        [join(dir.path, 'pipe'), /is not a plain file \(a link, a device or a pipe\)/u],
        [join(dir.path, 'other.duckdb'), /is a Lantern store \(a DuckDB database\)/u],
        [join(dir.path, 'a-folder'), /is a folder; give the name of a file to write/u],
      ];
      for (const [path, message] of cases) {
        const r = await run([...args, `--${opt}`, path, '--db', db]);
        expect(r.code, `${path}: ${r.stdout}`).toBe(2);
        expect(r.stderr).toContain(`--${opt} ${path}: `);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toContain('nothing was written');
        expect(r.stderr).not.toMatch(/\n\s+at /u);
      }
      expect(await fingerprint()).toEqual(before);
      expect(readFileSync(join(dir.path, 'other.duckdb')).subarray(8, 12).toString()).toBe('DUCK');
      expect(lstatSync(join(dir.path, 'link.txt')).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(dir.path, 'plain.txt'), 'utf8')).toBe('kept');
      expect(lstatSync(join(dir.path, 'pipe')).isFIFO()).toBe(true);
    },
  );

  it.each(FOLDER_WRITERS)('%s refuses the store and a file for its folder', async (_n, args) => {
    for (const [path, message] of [
      [db, /is the store this command reads/u],
      [join(dir.path, 'other.duckdb'), /is a file, not a folder/u],
      // A file on the way, and a folder that cannot be made (QA: a stack trace, and under /proc
      // Node's recursive mkdir never returned).
      [join(dir.path, 'other.duckdb', 'out'), /other\.duckdb is a file, not a folder/u],
      ['/proc/no-such-folder/out', /cannot make the folder \/proc\/no-such-folder \(ENOENT/u],
    ] as const) {
      const r = await run([...args, '--out', path, '--db', db]);
      expect(r.code, `${path}: ${r.stdout}`).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /u);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('report refuses a folder it cannot make before reading anything, and a failed report leaves no folder', async () => {
    const atlantis = ['report', '--area', 'Atlantis', '--period', '2025', '--draft', '--no-pdf'];
    // The folder is refused first: the unknown area is never reached (the report was read and
    // laid out, 1.25 s, before the folder was tried).
    const proc = await run([...atlantis, '--out', '/proc/lantern-report', '--db', db]);
    expect(proc.code).toBe(2);
    expect(proc.stderr).toBe(
      'lantern: --out /proc/lantern-report: cannot write in /proc (ENOENT); nothing was written\n',
    );
    // A report that fails takes away the folders it made for itself.
    const nested = join(dir.path, 'made', 'for', 'it');
    const failed = await run([...atlantis, '--out', join(nested, 'report'), '--db', db]);
    expect(failed.stderr).toContain('no area is called "Atlantis"');
    expect(existsSync(join(dir.path, 'made'))).toBe(false);
  });
});

describe('a file is written whole, in a folder made for it', () => {
  it.each(FILE_WRITERS)('%s', async (name, args, opt) => {
    const out = join(dir.path, 'new', name.replace(' ', '-'), 'output');
    const r = await run([...args, `--${opt}`, out, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out).length).toBeGreaterThan(50);
    expect(existsSync(`${out}.partial-${process.pid}`)).toBe(false);
  });

  it.each(FILE_WRITERS)(
    '%s refuses a path under a file or a folder it cannot make',
    async (_n, args, opt) => {
      for (const [path, message] of [
        [join(dir.path, 'other.duckdb', 'map.geojson'), /other\.duckdb is a file, not a folder/u],
        [
          '/proc/no-such-folder/map.geojson',
          /cannot make the folder \/proc\/no-such-folder \(ENOENT/u,
        ],
      ] as const) {
        const r = await run([...args, `--${opt}`, path, '--db', db]);
        expect(r.code, `${path}: ${r.stdout}`).toBe(2);
        expect(r.stderr).toContain(`--${opt} ${path}: `);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toContain('nothing was written');
        expect(r.stderr).not.toMatch(/partial|\n\s+at /u);
      }
    },
  );

  it('says why a path cannot be written, without a stack trace', async () => {
    const r = await run([...FILE_WRITERS[0]![1], '--out', '/proc/map.geojson', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "--out /proc/map.geojson: cannot write (ENOENT: no such file or directory, open '/proc/map.geojson')",
    );
    expect(r.stderr).not.toMatch(/partial|\n\s+at /u);
  });
});
