/**
 * An import of several files where some are refused: each file is atomic on its own, so the good
 * ones are stored and the exit code is 2 (bad input). The help used to promise "2 … (nothing
 * changed)", and the report did not say that the good files were in the store; now both say so.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { POLICE_COLUMNS } from '../src/domain/police-file.js';
import { run } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { queryStore } from './helpers/store-query.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

const HEADER = POLICE_COLUMNS.street.join(',');
const row = (i: number) =>
  `c${i},2025-06,Hertfordshire Constabulary,Hertfordshire Constabulary,-0.45,51.65,On or near High Street,E01023819,Three Rivers 001A,Burglary,Under investigation,`;

describe('an import of a good file and a refused one', () => {
  it('stores the good file, exits 2, and says so in the report and the help', async () => {
    const good = join(dir.path, '2025-06-hertfordshire-street.csv');
    writeFileSync(
      good,
      [HEADER, ...Array.from({ length: 20 }, (_, i) => row(i))].join('\n') + '\n',
    );
    const empty = join(dir.path, 'empty.csv');
    writeFileSync(empty, '');
    const db = emptyStoreCopy(dir.path, 'partial.duckdb');
    const result = await run(['import', good, empty, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/2 file\(s\): 1 imported, 0 already imported, 1 refused/u);
    expect(result.stdout).toMatch(
      /Nothing of the file refused was stored; the files imported are in the store\./u,
    );
    const [{ n }] = (await queryStore<{ n: string }>(db, 'SELECT count(*) AS n FROM crime')) as [
      { n: string },
    ];
    expect(Number(n)).toBe(20);

    const help = await run(['help']);
    expect(help.stdout).not.toMatch(/\(nothing changed\)/u);
    expect(help.stdout.replace(/\s+/gu, ' ')).toMatch(
      /2 bad input or usage \(what was refused changed nothing; an import of/u,
    );
    const importHelp = await run(['import', '--help']);
    expect(importHelp.stdout.replace(/\s+/gu, ' ')).toMatch(
      /the good files of a command go in, the refused ones change nothing/u,
    );
  });
});
