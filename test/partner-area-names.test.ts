/**
 * A partner file names areas as people write them. Before: "St Helens" (the council's spelling of
 * the district ONS calls "St. Helens") was taken as the ward called St Helens in Barnsley, and the
 * rows were stored there; and a ward name used in many districts was taken as one of them at
 * random. The register of the demo store is the national one (every district and ward of England
 * and Wales), so both are real names here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { queryStore } from './helpers/store-query.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;

beforeAll(() => {
  db = demoStoreCopy(dir.path);
});

const file = (name: string, rows: string[]) => {
  const path = join(dir.path, name);
  writeFileSync(path, ['month,area,incidents,crimes', ...rows].join('\n') + '\n');
  return path;
};

describe('areas named in a partner file', () => {
  it('"St Helens" is the district St. Helens, not the ward of that name in Barnsley', async () => {
    const r = await runJson<{ files: { accepted: number; rejected: number }[] }>([
      'import',
      '--dataset',
      'domestic-abuse',
      file('st-helens.csv', ['2024-03,St Helens,40,30']),
      '--db',
      db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.files[0]).toMatchObject({ accepted: 1, rejected: 0 });
    const rows = await queryStore<{ district_code: string; area_code: string }>(
      db,
      `SELECT DISTINCT district_code, area_code FROM partner_count
       WHERE dataset = 'domestic-abuse' AND month = '2024-03' AND district_code <> 'E07000102'`,
    );
    expect(rows).toEqual([{ district_code: 'E08000013', area_code: 'E08000013' }]);
  });

  it('a ward name used in several districts is refused on its row, naming the areas it could be', async () => {
    const r = await runJson<{
      files: {
        accepted: number;
        rejected: number;
        rejectedSample: { line: number; field: string; reason: string }[];
      }[];
    }>([
      'import',
      '--dataset',
      'domestic-abuse',
      file('central.csv', ['2024-04,Watford,40,30', '2024-04,Central,12,10']),
      '--db',
      db,
    ]);
    const [f] = r.json.files;
    expect(f).toMatchObject({ accepted: 1, rejected: 1 });
    expect(f!.rejectedSample).toEqual([
      {
        line: 3,
        field: 'area',
        reason: expect.stringMatching(
          /^"Central" names more than one area: E05\d+ \(Central, ward in [^)]+\), E05\d+ \(Central, ward in [^)]+\).* and \d+ more; give the code instead$/,
        ) as string,
      },
    ]);
  });

  it('a month given twice, once in Welsh and once in English, is refused saying the two are one district', async () => {
    // QA: the refusal named only Casnewydd, and its reader looked for a second Casnewydd row.
    const twice = async (rows: string[]) =>
      (
        await runJson<{ files: { error?: string }[] }>([
          'import',
          '--dataset',
          'domestic-abuse',
          file('newport-twice.csv', rows),
          '--db',
          db,
        ])
      ).json.files[0]?.error;
    expect(await twice(['2025-03,Newport,40,20', '2025-03,Casnewydd,41,21'])).toContain(
      'line 3 gives the counts of 2025-03 in Casnewydd (Newport, W06000022) again, as line 2 does (as Newport): ' +
        "Casnewydd is Newport's name in Welsh, so the two lines give one district's counts.",
    );
    expect(await twice(['2025-03,Sir Fynwy,40,20', '2025-03,W06000021,41,21'])).toContain(
      'in Monmouthshire (W06000021) again, as line 2 does (as Sir Fynwy): ' +
        "Sir Fynwy is Monmouthshire's name in Welsh",
    );
    expect(await twice(['2025-03,W06000001,40,20', '2025-03,Isle of Anglesey,41,21'])).toContain(
      'in Isle of Anglesey (W06000001) again, as line 2 does (as W06000001): the two name one area, Isle of Anglesey (W06000001).',
    );
  });
});
