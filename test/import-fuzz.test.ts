/**
 * A corpus of malformed inputs, each made here from the bundled real files, run against a store
 * holding real data (a copy of the demo store: the Hertfordshire sample and the synthetic partner
 * data, plus one Watford partner file imported here). Every one must be refused with a message
 * naming what is wrong (and, where there is one, the line), and leave the store exactly as it
 * was: each table's row count and a hash of all its rows (test/helpers/store-fingerprint.ts).
 *
 * The imports run in-process through the use cases (the CLI adds nothing to what is checked
 * here); a few commands at the end, run in process through the same entry as the binary, check
 * exit codes and messages as a user sees them.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../src/domain/scope.js';

import type { PlacementLookups } from '../src/domain/placement.js';
import { parsePoliceFile } from '../src/ingest/police/parse-police-file.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { importPartnerFiles } from '../src/usecases/import-partner-data.js';
import { importPoliceData } from '../src/usecases/import-police-data.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { readZipEntries } from './helpers/raw-police.js';
import { storeFingerprint, type Fingerprint } from './helpers/store-fingerprint.js';
import { queryStore } from './helpers/store-query.js';
import { FIXTURES, SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
let storePath: string;
let db: Db;
let baseline: Fingerprint;

/** The bundled 2025-12 Hertfordshire street file (the demo store holds it): header and rows. */
let STREET: string;
let HEADER: string;
let ROWS: string[];
let OUTCOMES: string;
const STREET_NAME = '2025-12-hertfordshire-street.csv';
const WATFORD = 'E07000103';

/** A Watford council ASB file: 10 rows in each month 2025-01..06 (held before the corpus runs). */
const ASB_LINES = ['date,area,type'];
for (let i = 0; i < 60; i++) {
  const month = String(1 + Math.floor(i / 10)).padStart(2, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  ASB_LINES.push(
    `2025-${month}-${day},Watford,${['personal', 'nuisance', 'environmental'][i % 3]}`,
  );
}
const ASB_TEXT = ASB_LINES.join('\n') + '\n';

beforeAll(async () => {
  const raw = await readZipEntries(
    SAMPLE_ZIP,
    /(2025-12-hertfordshire-street|2021-08-hertfordshire-outcomes)\.csv$/,
  );
  STREET = (raw.get(`2025-12/${STREET_NAME}`) as Buffer).toString('utf8');
  OUTCOMES = (raw.get('2021-08/2021-08-hertfordshire-outcomes.csv') as Buffer).toString('utf8');
  [HEADER, ...ROWS] = STREET.trimEnd().split('\n') as [string, ...string[]];
  storePath = demoStoreCopy(dir.path, 'fuzz.duckdb');
  db = await openStore(storePath);
  const held = await importPartnerFiles(db, {
    dataset: 'asb-council',
    paths: [write('held', 'asb-watford.csv', ASB_TEXT)],
    hashKeyFile: `${storePath}.hash-key`,
    scope: FULL_SCOPE,
  });
  expect(held.map((f) => [f.status, f.accepted])).toEqual([['imported', 60]]);
  baseline = await storeFingerprint(db);
});
afterAll(() => {
  db?.close();
  dir.remove();
});

/** Writes a file in the case's own folder; returns its path. */
function write(folder: string, name: string, content: string | Buffer): string {
  const at = join(dir.path, folder);
  mkdirSync(join(at, name, '..'), { recursive: true });
  const path = join(at, name);
  writeFileSync(path, content);
  return path;
}

/** The street file's rows with one column changed by `change` (0-based index). */
function withColumn(
  rows: readonly string[],
  index: number,
  change: (value: string, i: number) => string,
) {
  return rows.map((row, i) => {
    const fields = row.split(',');
    fields[index] = change(fields[index] as string, i);
    return fields.join(',');
  });
}

const MONTH = 1;
const FALLS_WITHIN = 3;
const LONGITUDE = 4;
const LOCATION = 6;
const CRIME_TYPE = 9;

/** One repeated street row, `mib` MiB of it: compresses about 250 times over. */
function repeatedRows(mib: number): Buffer {
  const row = (ROWS[0] as string) + '\n';
  return Buffer.from(HEADER + '\n' + row.repeat(Math.ceil((mib * 2 ** 20) / row.length)));
}

function zipOf(entries: Record<string, Buffer | null>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    if (content === null) zip.addEmptyDirectory(name);
    else zip.addBuffer(content, name);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** A zip whose only entry claims (in both its headers) to inflate to `claimed` bytes. */
async function zipHidingItsSize(name: string, content: Buffer, claimed: number): Promise<Buffer> {
  const zip = await zipOf({ [name]: content });
  for (const [signature, offset] of [
    [0x04034b50, 22], // local file header: uncompressed size
    [0x02014b50, 24], // central directory header: uncompressed size
  ] as const) {
    for (let at = 0; at + 4 <= zip.length; at++) {
      if (zip.readUInt32LE(at) === signature) {
        zip.writeUInt32LE(claimed, at + offset);
        break;
      }
    }
  }
  return zip;
}

/** The line (1-based, as an editor shows it) on which `text` ends. */
const lastLineOf = (text: string) => text.split('\n').length;

interface Case {
  name: string;
  /** Writes the input; returns the paths to import. */
  make: (folder: string) => string[] | Promise<string[]>;
  /** What every refusal must say (a function when it depends on the bundled file's content). */
  refused: RegExp | (() => RegExp);
  /** A partner dataset: imported with `import --dataset`. */
  dataset?: string;
}

const police = (
  name: string,
  content: () => string | Buffer,
  refused: RegExp | (() => RegExp),
  file = STREET_NAME,
): Case => ({
  name,
  make: (folder) => [write(folder, file, content())],
  refused,
});

const CASES: Case[] = [
  // Nothing to read
  police('an empty file', () => '', /: the file is empty/),
  police('only blank lines', () => '\n\n   \n\n', /: the file is empty/),
  police('a header and no rows', () => HEADER + '\n', /: the file has a header but no rows/),
  police(
    'a byte-order mark and a header',
    () => '\ufeff' + HEADER + '\r\n',
    /has a header but no rows/,
  ),
  // Not text, or not a police.uk file
  police(
    'binary data',
    () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)),
    /: not a CSV file \(it contains binary data\)/,
  ),
  police(
    'NUL bytes in a street file',
    () => STREET.slice(0, 500) + '\0\0\0' + STREET.slice(500),
    /contains binary data/,
  ),
  police(
    'Latin-1 text',
    () =>
      Buffer.from(
        STREET.replace('On or near Hadley Ridge', 'On or near Caf\u00e9 Ridge'),
        'latin1',
      ),
    /: not a CSV file \(it is not UTF-8 text\)/,
  ),
  police(
    'a header of another kind of file',
    () => 'name,age,town\nBob,3,Watford\n',
    /not a police\.uk street, outcomes or stop-and-search CSV \(its first line is "name,age,town"/,
    'export.csv',
  ),
  police(
    'a header lacking a column',
    () =>
      [HEADER, ...ROWS]
        .map((l) =>
          l
            .split(',')
            .filter((_, i) => i !== 8)
            .join(','),
        )
        .join('\n'),
    /looks like a police\.uk street file but lacks the column\(s\) "LSOA name"/,
  ),
  police(
    'a 10 MB single line',
    () => 'x'.repeat(10 * 2 ** 20),
    /not a police\.uk street, outcomes or stop-and-search CSV \(its first line is "x{120}"/,
    'export.csv',
  ),
  police(
    'a 10 MB line after the header, with no line end',
    () => HEADER + '\n' + 'y'.repeat(10 * 2 ** 20),
    /:2: the last line is incomplete \(1 of the header's 12 fields, and no line end\)/,
  ),
  police(
    'a million columns in a row',
    () => [HEADER, Array(1_000_000).fill('c').join(','), ...ROWS.slice(0, 50)].join('\n') + '\n',
    /:2: line 2 has 1,000,000 fields, the header has 12; a police\.uk file has at most a few dozen/,
  ),
  police(
    'a million columns in the header',
    () => Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',') + '\n' + ROWS.join('\n'),
    /:1: line 1 has 1,000,000 fields; a police\.uk file has at most a few dozen/,
  ),
  police(
    'a quote never closed',
    () => [HEADER, ...withColumn(ROWS, LOCATION, (v, i) => (i === 49 ? `"${v}` : v))].join('\n'),
    /:51: a quoted field is never closed/,
  ),
  // Cut short (item 5)
  police(
    'cut in the middle of a line (the file of the issue)',
    () => STREET.slice(0, 300_000),
    () =>
      new RegExp(
        `:${lastLineOf(STREET.slice(0, 300_000))}: the last line is incomplete \\(\\d+ of the header's 12 fields, and no line end\\): the file looks cut short`,
      ),
  ),
  police(
    'cut in the middle of a line, with CRLF line ends',
    () => STREET.replaceAll('\n', '\r\n').slice(0, 300_000),
    () =>
      new RegExp(
        `:${lastLineOf(STREET.replaceAll('\n', '\r\n').slice(0, 300_000))}: the last line is incomplete`,
      ),
  ),
  police(
    'cut in the middle of a line, with CR CR LF line ends',
    () => STREET.replaceAll('\n', '\r\r\n').slice(0, 300_000),
    () =>
      new RegExp(
        `:${lastLineOf(STREET.replaceAll('\n', '\r\r\n').slice(0, 300_000))}: the last line is incomplete`,
      ),
  ),
  police(
    'cut inside the Month of its last line',
    () =>
      [
        HEADER,
        ...ROWS.slice(0, -1),
        (ROWS.at(-1) as string).slice(0, (ROWS.at(-1) as string).indexOf(',') + 5),
      ].join('\n'),
    () =>
      new RegExp(
        `:${ROWS.length + 1}: the last line is incomplete \\(2 of the header's 12 fields, and no line end\\)`,
      ),
  ),
  police(
    'cut at a line end, half the rows (would replace 8,386 rows)',
    () => [HEADER, ...ROWS.slice(0, 4000)].join('\n') + '\n',
    /would replace a month with far fewer rows \(2025-12: 4,000 rows, where the store holds 8,386; less than 80% of what is held\).*run the import again with ⟨replace⟩/,
  ),
  // Rows of another month or force (item 5)
  police(
    'half the rows of another month',
    () =>
      [HEADER, ...withColumn(ROWS, MONTH, (v, i) => (i % 2 === 1 ? '2025-11' : v))].join('\n') +
      '\n',
    /:3: line 3 is of 2025-11, but the file is of 2025-12 \(as its name says\); a police\.uk file holds one month/,
  ),
  police(
    'every row of another month than the name',
    () => [HEADER, ...withColumn(ROWS, MONTH, () => '2025-11')].join('\n') + '\n',
    /:2: line 2 is of 2025-11, but the file is of 2025-12 \(as its name says\)/,
  ),
  police(
    'a file named otherwise holding two months',
    () =>
      [HEADER, ...withColumn(ROWS, MONTH, (v, i) => (i % 3 === 2 ? '2025-11' : v))].join('\n') +
      '\n',
    /herts-export\.csv:4: line 4 is of 2025-11, but the file is of 2025-12 \(as most of its rows are\)/,
    'herts-export.csv',
  ),
  police(
    'two months run together (the header repeated in the middle)',
    () => [HEADER, ...ROWS, HEADER, ...withColumn(ROWS, MONTH, () => '2025-11')].join('\n') + '\n',
    () => new RegExp(`:${ROWS.length + 2}: line ${ROWS.length + 2} repeats the header`),
  ),
  police(
    'an outcomes file with rows of another month',
    () => OUTCOMES.replace(/\n([^,\n]*),2021-08,/u, '\n$1,2021-07,'),
    /:2: line 2 is of 2021-07, but the file is of 2021-08/,
    '2021-08-hertfordshire-outcomes.csv',
  ),
  police(
    "rows of another force than the file's name",
    () => STREET.replaceAll('Hertfordshire Constabulary', 'Kent Police'),
    /the file name says force "hertfordshire" but its rows fall within "kent"/,
  ),
  // No row can be imported
  police(
    'an unknown crime type in every row',
    () => [HEADER, ...withColumn(ROWS, CRIME_TYPE, () => 'Fraud')].join('\n') + '\n',
    /no row could be imported \(line 2: Crime type: "Fraud" is not a police\.uk crime type/,
  ),
  police(
    'coordinates outside Great Britain in every row',
    () =>
      [
        HEADER,
        ...withColumn(
          ROWS.filter((r) => r.split(',')[LONGITUDE] !== ''),
          LONGITUDE,
          () => '-20.5',
        ),
      ].join('\n') + '\n',
    /no row could be imported \(line 2: Longitude\/Latitude: -20\.5, [\d.]+ is outside Great Britain/,
  ),
  police(
    'no month in any row',
    () => [HEADER, ...withColumn(ROWS, MONTH, () => '2025-13')].join('\n') + '\n',
    /no row could be imported \(line 2: Month: "2025-13" is not a month/,
  ),
  police(
    'the force in no row',
    () => [HEADER, ...withColumn(ROWS, FALLS_WITHIN, () => '')].join('\n') + '\n',
    /herts\.csv: no row says which force it falls within/,
    'herts.csv',
  ),
  {
    name: 'stop-and-search rows with no force anywhere',
    make: async (folder) => {
      const gz = await import('node:fs').then((fs) =>
        fs.readFileSync(join(FIXTURES, 'police/2020-05-northumbria-stop-and-search.csv.gz')),
      );
      return [write(folder, 'searches.csv.gz', gz)];
    },
    refused: /stop-and-search rows do not say their force.*rename it or pass --force/,
  },
  // Compressed files (item 6)
  police(
    'a .gz file that is not gzip',
    () => STREET,
    /: not a readable gzip file/,
    `${STREET_NAME}.gz`,
  ),
  police(
    'a truncated .gz file',
    () => gzipSync(STREET).subarray(0, 50_000),
    /: not a readable gzip file \(unexpected end of file\)/,
    `${STREET_NAME}.gz`,
  ),
  police(
    'a gzip bomb',
    () => gzipSync(repeatedRows(24)),
    /\.csv\.gz: inflates to more than 100 times its compressed size .*compression bomb.*LANTERN_MAX_COMPRESSION_RATIO/,
    `${STREET_NAME}.gz`,
  ),
  {
    name: 'a zip bomb',
    make: async (folder) => [
      write(folder, 'bomb.zip', await zipOf({ [`2025-12/${STREET_NAME}`]: repeatedRows(24) })),
    ],
    refused:
      /bomb\.zip!2025-12\/2025-12-hertfordshire-street\.csv: inflates to more than 100 times its compressed size/,
  },
  {
    name: 'a zip bomb whose entry claims to be small',
    make: async (folder) => [
      write(
        folder,
        'liar.zip',
        await zipHidingItsSize(`2025-12/${STREET_NAME}`, repeatedRows(24), 1000),
      ),
    ],
    refused:
      /liar\.zip!2025-12\/2025-12-hertfordshire-street\.csv: (broken entry \(too many bytes|inflates to more)/,
  },
  {
    name: 'a zip with a folder named like a CSV file',
    make: async (folder) => [
      write(
        folder,
        'folder.zip',
        await zipOf({ [STREET_NAME]: null, 'notes.txt': Buffer.from('x') }),
      ),
    ],
    refused: /folder\.zip: the archive holds no CSV files to import \(it holds notes\.txt\)/,
  },
  {
    name: 'a zip inside a zip',
    make: async (folder) => {
      const inner = await zipOf({ [STREET_NAME]: Buffer.from(STREET) });
      return [write(folder, 'outer.zip', await zipOf({ 'inner.zip': inner }))];
    },
    refused: /outer\.zip: the archive holds no CSV files to import \(it holds inner\.zip\)/,
  },
  police(
    'a .zip file that is not a zip',
    () => STREET,
    /: not a readable zip archive/,
    'not-a.zip',
  ),
  {
    name: 'a truncated zip',
    make: async (folder) => {
      const zip = await zipOf({ [STREET_NAME]: Buffer.from(STREET) });
      return [write(folder, 'cut.zip', zip.subarray(0, zip.length >> 1))];
    },
    refused: /cut\.zip: not a readable zip archive/,
  },
  // Folders (item 8)
  {
    name: 'a folder whose link loops back to it',
    make: (folder) => {
      const root = join(dir.path, folder, 'walk');
      mkdirSync(join(root, 'a'), { recursive: true });
      symlinkSync('..', join(root, 'a', 'up'));
      return [root];
    },
    refused: /walk\/a\/up: a link that leads back to the folder .*walk \(a loop\); not followed/,
  },
  {
    name: 'a link to itself',
    make: (folder) => {
      mkdirSync(join(dir.path, folder), { recursive: true });
      const self = join(dir.path, folder, 'self.csv');
      symlinkSync('self.csv', self);
      return [self];
    },
    refused: /self\.csv: a link that leads back to itself \(a loop\)/,
  },
  {
    name: 'an empty folder',
    make: (folder) => {
      mkdirSync(join(dir.path, folder, 'empty'), { recursive: true });
      return [join(dir.path, folder, 'empty')];
    },
    refused: /the folder holds no \.csv, \.csv\.gz or \.zip files/,
  },
  // Partner files (items 5, 6 and 8)
  {
    name: 'partner: cut in the middle of a line',
    dataset: 'asb-council',
    make: (folder) => [
      write(folder, 'asb.csv', ASB_TEXT.slice(0, ASB_TEXT.indexOf('\n', 700) + 12)),
    ],
    refused: /asb\.csv:\d+: the last line is incomplete/,
  },
  {
    name: 'partner: cut inside the last field',
    dataset: 'asb-council',
    make: (folder) => [
      write(folder, 'asb.csv', ASB_TEXT.slice(0, ASB_TEXT.lastIndexOf('environmental') + 6)),
    ],
    refused:
      /asb\.csv:\d+: the last line is incomplete \(no line end, and type: not one of personal, nuisance, environmental\)/,
  },
  {
    name: 'partner: a month cut at a line end (3 of its 10 rows)',
    dataset: 'asb-council',
    make: (folder) => [write(folder, 'asb.csv', ASB_LINES.slice(0, 54).join('\n') + '\n')],
    refused: () =>
      new RegExp(
        `would replace a month with far fewer rows \\(${WATFORD} 2025-06: 3 rows, where the store holds 10;.*⟨replace⟩`,
      ),
  },
  {
    name: 'partner: a gzip bomb',
    dataset: 'asb-council',
    make: (folder) => [
      write(
        folder,
        'asb.csv.gz',
        gzipSync(Buffer.from('date,area,type\n' + '2025-01-05,Watford,nuisance\n'.repeat(900_000))),
      ),
    ],
    refused: /asb\.csv\.gz: inflates to more than 100 times its compressed size/,
  },
  {
    name: 'partner: a workbook bomb',
    dataset: 'asb-council',
    make: async (folder) => {
      const sheet = Buffer.from(
        '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(500_000),
      );
      return [
        write(
          folder,
          'asb.xlsx',
          await zipOf({
            '[Content_Types].xml': Buffer.from('<Types/>'),
            'xl/worksheets/sheet1.xml': sheet,
          }),
        ),
      ];
    },
    refused:
      /asb\.xlsx!xl\/worksheets\/sheet1\.xml: inflates to more than 100 times its compressed size/,
  },
  {
    name: 'partner: a row wider than the header, with CR CR LF line ends',
    dataset: 'asb-council',
    make: (folder) => [
      write(
        folder,
        'asb.csv',
        ASB_LINES.map((l, i) => (i === 3 ? `${l},extra` : l)).join('\r\r\n') + '\r\r\n',
      ),
    ],
    refused:
      /asb\.csv:4: the row has more cells than the header \(column 4 holds a value but the header has 3 columns\)/,
  },
  {
    name: 'partner: an empty file',
    dataset: 'asb-council',
    make: (folder) => [write(folder, 'asb.csv', '')],
    refused: /asb\.csv: the file is empty/,
  },
];

describe('the fuzz corpus: every malformed input refused, the store unchanged', () => {
  it('holds at least 30 inputs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  CASES.forEach((c, i) => {
    it(c.name, async () => {
      const paths = await c.make(`case-${i}`);
      const files = c.dataset
        ? await importPartnerFiles(db, {
            dataset: c.dataset,
            paths,
            hashKeyFile: `${storePath}.hash-key`,
            scope: FULL_SCOPE,
          })
        : (await importPoliceData(db, paths)).files;
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        expect(f.status).toBe('refused');
        expect(f.error).toMatch(typeof c.refused === 'function' ? c.refused() : c.refused);
      }
      expect(await storeFingerprint(db)).toEqual(baseline);
    });
  });
});

describe('line numbers and field counts are the file own (item 8)', () => {
  const lookups: PlacementLookups = {
    districtOfLsoa: new Map(),
    districtByName: new Map(),
    forceAreaOfDistrict: new Map(),
  };
  /** Line 10 has an unknown crime type, line 12 an extra column. */
  const sample = () => {
    const lines = [HEADER, ...ROWS.slice(0, 20)];
    lines[9] = withColumn([lines[9] as string], CRIME_TYPE, () => 'Nonsense')[0] as string;
    lines[11] = `${lines[11]},extra`;
    return lines;
  };
  const parse = (text: string) =>
    parsePoliceFile(STREET_NAME, STREET_NAME, Buffer.from(text), 'hash', { lookups });

  for (const [ends, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR CR LF', '\r\r\n'],
  ] as const) {
    it(`${ends}: errors on lines 10 and 12, no phantom last row`, () => {
      const parsed = parse(sample().join(eol) + eol);
      expect(parsed.rejected.map((r) => [r.line, r.reason])).toEqual([
        [10, 'Crime type: "Nonsense" is not a police.uk crime type'],
        [12, 'has 13 fields, the header has 12'],
      ]);
      expect(parsed.staged.rows).toBe(18);
    });
  }

  it('the same with a quoted field (read by papaparse)', () => {
    const lines = sample();
    lines[4] = withColumn([lines[4] as string], LOCATION, (v) => `"${v}"`)[0] as string;
    const parsed = parse(lines.join('\r\r\n') + '\r\r\n');
    expect(parsed.rejected.map((r) => r.line)).toEqual([10, 12]);
    expect(parsed.staged.rows).toBe(18);
  });
});

describe('--replace: a smaller file that is right', () => {
  it('replaces the month when asked, and a republished month of similar size needs no asking', async () => {
    const path = demoStoreCopy(dir.path, 'replace.duckdb');
    const store = await openStore(path);
    try {
      const half = write(
        'replace',
        STREET_NAME,
        [HEADER, ...ROWS.slice(0, 4000)].join('\n') + '\n',
      );
      const refused = await importPoliceData(store, [half]);
      expect(refused.files[0]).toMatchObject({
        status: 'refused',
        kind: 'street',
        months: ['2025-12'],
      });
      const replaced = await importPoliceData(store, [half], { replace: true });
      expect(replaced.files[0]).toMatchObject({
        status: 'imported',
        accepted: 4000,
        replaced: ROWS.length,
      });
      // Back to the full month (more rows): no --replace needed; then 90% of it: none either.
      // (Not the very file first imported: its content is known, and would add nothing.)
      const full = write(
        'replace-full',
        STREET_NAME,
        STREET.replace('Status update unavailable', 'Under investigation'),
      );
      expect((await importPoliceData(store, [full])).files[0]?.status).toBe('imported');
      const most = write(
        'replace-most',
        STREET_NAME,
        [HEADER, ...ROWS.slice(0, 7600)].join('\n') + '\n',
      );
      expect((await importPoliceData(store, [most])).files[0]).toMatchObject({
        status: 'imported',
        replaced: ROWS.length,
      });
      const [{ n }] = (await store.query<{ n: number }>(
        `SELECT CAST(count(*) AS INTEGER) AS n FROM crime WHERE force = 'hertfordshire' AND month = '2025-12'`,
      )) as [{ n: number }];
      expect(n).toBe(7600);
    } finally {
      store.close();
    }
  });

  it('two files of one month in one command: the second is compared with the first', async () => {
    const path = demoStoreCopy(dir.path, 'replace-two.duckdb');
    const store = await openStore(path);
    try {
      const full = write(
        'two-a',
        STREET_NAME,
        STREET.replace(/\n$/u, '\n' + (ROWS[0] as string).replace(/^[^,]+/u, 'extra-id') + '\n'),
      );
      const half = write('two-b', STREET_NAME, [HEADER, ...ROWS.slice(0, 4000)].join('\n') + '\n');
      const report = await importPoliceData(store, [full, half]);
      expect(report.files.map((f) => f.status)).toEqual(['imported', 'refused']);
      expect(report.files[1]?.error).toMatch(/4,000 rows, where the store holds 8,387/);
    } finally {
      store.close();
    }
  });

  it('partner data: a smaller file replaces a month only with --replace', async () => {
    const path = demoStoreCopy(dir.path, 'replace-partner.duckdb');
    const store = await openStore(path);
    const request = {
      dataset: 'asb-council',
      hashKeyFile: `${path}.hash-key`,
      scope: FULL_SCOPE,
    };
    try {
      await importPartnerFiles(store, { ...request, paths: [write('rp', 'asb.csv', ASB_TEXT)] });
      const smaller = write('rp2', 'asb.csv', ASB_LINES.slice(0, 54).join('\n') + '\n');
      const [refused] = await importPartnerFiles(store, { ...request, paths: [smaller] });
      expect(refused?.status).toBe('refused');
      const [imported] = await importPartnerFiles(store, {
        ...request,
        paths: [smaller],
        replace: true,
      });
      expect(imported).toMatchObject({ status: 'imported', accepted: 53, replaced: 60 });
    } finally {
      store.close();
    }
  });
});

describe('the CLI: exit codes and messages', () => {
  it('a street file cut mid-line: exit 2, the line named, nothing replaced', async () => {
    const path = demoStoreCopy(dir.path, 'cli.duckdb');
    const before = await queryStore<{ n: number }>(
      path,
      `SELECT CAST(count(*) AS INTEGER) AS n FROM crime`,
    );
    const cut = write('cli-cut', STREET_NAME, STREET.slice(0, 300_000));
    const result = await run(['import', cut, '--db', path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      new RegExp(
        `refused: .*:${lastLineOf(STREET.slice(0, 300_000))}: the last line is incomplete`,
      ),
    );
    expect(result.stdout).toMatch(/0 accepted, 0 rejected, 0 replaced/);
    expect(await queryStore(path, `SELECT CAST(count(*) AS INTEGER) AS n FROM crime`)).toEqual(
      before,
    );
  });

  it('half a month: exit 2 asking for --replace; with --replace, exit 0', async () => {
    const path = demoStoreCopy(dir.path, 'cli-replace.duckdb');
    const half = write('cli-half', STREET_NAME, [HEADER, ...ROWS.slice(0, 4000)].join('\n') + '\n');
    const refused = await runJson<{ files: { status: string; error: string }[] }>([
      'import',
      half,
      '--db',
      path,
    ]);
    expect(refused.code).toBe(2);
    expect(refused.json.files[0]?.error).toMatch(/run the import again with --replace/);
    const replaced = await runJson<{ files: { status: string; replaced: number }[] }>([
      'import',
      half,
      '--replace',
      '--db',
      path,
    ]);
    expect(replaced.code).toBe(0);
    expect(replaced.json.files[0]).toMatchObject({ status: 'imported', replaced: ROWS.length });
  });

  it('a folder with a link loop and a YAML bomb: exit 2 with the path, never a stack trace', async () => {
    const root = join(dir.path, 'cli-loop');
    mkdirSync(join(root, 'a'), { recursive: true });
    symlinkSync('..', join(root, 'a', 'up'));
    const path = demoStoreCopy(dir.path, 'cli-loop.duckdb');
    const loop = await run(['import', root, '--db', path]);
    expect(loop.code).toBe(2);
    expect(loop.stdout).toMatch(/cli-loop\/a\/up: a link that leads back to the folder/);
    expect(loop.stderr).not.toMatch(/\n\s+at /);
    const bomb = write(
      'cli-yaml',
      'groups.yaml',
      'a: &a [1,1,1,1,1,1,1,1,1]\n' +
        'bcdefgh'
          .split('')
          .map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)
          .join('\n'),
    );
    const yaml = await run(['areas', 'groups', '--peer-groups', bomb, '--db', path]);
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/groups\.yaml: refused: its aliases \(\*name\) expand too far/);
    expect(yaml.stderr).not.toMatch(/\n\s+at /);
  });
});
