/**
 * Control characters from files never reach the terminal raw. A Month cell holding an escape
 * sequence was echoed as it was ("line 5: Month: "ESC[2JESC[31mOWNED" is not a month"), and a
 * file in a folder whose name held ESC or a newline was printed raw, so that it could draw a line
 * of its own ("✓ …"). The CLI now shows them (␛, ␊) in what it prints; JSON keeps the text as it
 * is (JSON escapes controls itself).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { POLICE_COLUMNS } from '../src/domain/police-file.js';
import { run, runJson } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

const ESC = String.fromCharCode(0x1b);
const HEADER = POLICE_COLUMNS.street.join(',');
const row = (id: string, month: string) =>
  `${id},${month},Hertfordshire Constabulary,Hertfordshire Constabulary,-0.45,51.65,On or near High Street,E01023819,Three Rivers 001A,Burglary,Under investigation,`;

describe('control characters in a cell and in file names', () => {
  const folder = join(dir.path, 'folder');
  mkdirSync(folder);
  writeFileSync(
    join(folder, '2025-06-hertfordshire-street.csv'),
    [
      HEADER,
      row('a', '2025-06'),
      row('b', '2025-06'),
      row('c', '2025-06'),
      row('d', `${ESC}[2J${ESC}[31mOWNED`),
    ].join('\n') + '\n',
  );
  const newline = join(folder, 'x.csv\n✓ 2025-07-hertfordshire-street.csv');
  const escape = join(folder, `y${ESC}[31m.csv`);
  writeFileSync(newline, '');
  writeFileSync(escape, '');

  it('are shown, not obeyed, in what the import prints, and kept as they are in JSON', async () => {
    const result = await run(['import', folder, '--db', emptyStoreCopy(dir.path, 'text.duckdb')]);
    const printed = result.stdout + result.stderr;
    expect(printed).not.toContain(ESC);
    expect(printed).toContain('line 5: Month: "␛[2J␛[31mOWNED" is not a month (YYYY-MM)');
    expect(printed).toContain('x.csv␊✓ 2025-07-hertfordshire-street.csv');
    expect(printed).toContain('y␛[31m.csv');
    // Every line the report prints about a file starts with its mark; none is drawn by a name.
    const marked = printed.split('\n').filter((l) => /^[✓✗=] /u.test(l));
    expect(marked).toHaveLength(3);
    expect(marked.filter((l) => l.startsWith('✓ '))).toHaveLength(1);
    // JSON keeps the names as they are (it escapes controls itself).
    const { json, stdout } = await runJson<{ files: { path: string }[] }>([
      'import',
      folder,
      '--db',
      emptyStoreCopy(dir.path, 'json.duckdb'),
    ]);
    expect(stdout).not.toContain(ESC);
    expect(json.files.map((f) => f.path).sort()).toEqual(
      [join(folder, '2025-06-hertfordshire-street.csv'), newline, escape].sort(),
    );
  });
});
