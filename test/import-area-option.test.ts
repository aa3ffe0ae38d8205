/**
 * `import --dataset … --area AREA` gives the area of rows that name none. An area the register
 * does not know used to be ignored without a word when every row named its own; it is refused,
 * before any file is read, and nothing is imported.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { run } from './helpers/cli.js';
import { queryStore } from './helpers/store-query.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

describe('a partner import with an --area the register does not know', () => {
  it('is refused, naming the option, and nothing is imported', async () => {
    const file = join(dir.path, 'hate.csv');
    writeFileSync(
      file,
      ['date,area,strands,offence_group', '2025-01-03,Three Rivers,race,public order'].join('\n') +
        '\n',
    );
    const db = join(dir.path, 'area.duckdb');
    const refused = await run([
      'import',
      '--dataset',
      'hate-crime',
      file,
      '--area',
      'Nowhere',
      '--db',
      db,
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'lantern: --area: "Nowhere" is not an area in the register (give an ONS code or a name: a district, or a ward or LSOA within one); nothing imported',
    );
    const [{ n }] = (await queryStore<{ n: string }>(
      db,
      'SELECT count(*) AS n FROM partner_record',
    )) as [{ n: string }];
    expect(Number(n)).toBe(0);

    const force = await run([
      'import',
      '--dataset',
      'hate-crime',
      file,
      '--area',
      'hertfordshire',
      '--db',
      db,
    ]);
    expect(force.code).toBe(2);
    expect(force.stderr).toMatch(/--area: E23\d{6} is a force: hate-crime needs a district/u);

    const known = await run([
      'import',
      '--dataset',
      'hate-crime',
      file,
      '--area',
      'Watford',
      '--db',
      db,
    ]);
    expect(known.code, known.stderr).toBe(0);
  });
});
