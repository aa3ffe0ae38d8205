/**
 * The `lantern` process given a bad file beside a good one: exit code 2, stdout holding exactly
 * one JSON document (nothing else printed on it), and no stack trace. What each refusal says,
 * and that the store is left as it was, is checked in process in cli-bad-input.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

import { afterAll, expect, it } from 'vitest';

import { POLICE_COLUMNS } from '../src/domain/police-file.js';
import { runCliJson } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

it('import --json with a refused file and a good one: exit 2, one JSON document on stdout', () => {
  const bad = `${dir.path}/2025-12-hertfordshire-street.csv`;
  writeFileSync(bad, 'Crime ID,Reported by,Falls within\nabc,x,y\n');
  mkdirSync(`${dir.path}/good`);
  const good = `${dir.path}/good/2025-11-hertfordshire-street.csv`;
  writeFileSync(
    good,
    `${POLICE_COLUMNS.street.join(',')}\na,2025-11,Hertfordshire Constabulary,Hertfordshire Constabulary,-0.45,51.65,On or near High Street,E01023819,Three Rivers 001A,Burglary,Under investigation,\n`,
  );
  // runCliJson parses the whole of stdout as one JSON document.
  const result = runCliJson<{ files: { status: string; error?: string }[] }>([
    'import',
    bad,
    good,
    '--db',
    `${dir.path}/store.duckdb`,
  ]);
  expect(result.code).toBe(2);
  expect(result.json.files.map((f) => f.status)).toEqual(['refused', 'imported']);
  expect(result.json.files[0]?.error).toMatch(/2025-12-hertfordshire-street\.csv: .*"Month"/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
