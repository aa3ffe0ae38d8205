/**
 * What the `lantern` process loads: help and usage errors answer without DuckDB; the exact
 * covering solver (HiGHS, a 3 MB WebAssembly module) is loaded only when `cameras` runs. A module
 * hook (node --import) notes every import or require of the two packages in a file.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = `${dir.path}/demo.duckdb`;
const marker = `${dir.path}/loaded`;
let withHook: Record<string, string>;

beforeAll(() => {
  demoStoreCopy(dir.path);
  const hooks = `${dir.path}/hooks.mjs`;
  const register = `${dir.path}/register.mjs`;
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  if (specifier === 'highs' || specifier === '@duckdb/node-api')
    appendFileSync(${JSON.stringify(marker)}, specifier + '\\n');
  return next(specifier, context);
}
`,
  );
  // DuckDB is loaded with require (store/db.ts), which the ES hooks above do not see: noted too.
  writeFileSync(
    register,
    `import Module, { register } from 'node:module';
import { appendFileSync } from 'node:fs';
register(${JSON.stringify(`file://${hooks}`)});
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'highs' || request === '@duckdb/node-api')
    appendFileSync(${JSON.stringify(marker)}, request + '\\n');
  return load.call(this, request, ...rest);
};
`,
  );
  withHook = { NODE_OPTIONS: `--import=${register}` };
});
afterAll(() => dir.remove());

/** The packages a run of `lantern args...` loaded, and its exit code. */
function loadedBy(args: string[]): { code: number | null; loaded: string[] } {
  rmSync(marker, { force: true });
  const r = runCli(args, withHook);
  const loaded = existsSync(marker)
    ? [...new Set(readFileSync(marker, 'utf8').trim().split('\n'))].sort()
    : [];
  return { code: r.code, loaded };
}

describe('what lantern loads', () => {
  it('answers help, a command’s help and usage errors without DuckDB', () => {
    expect(loadedBy(['--help'])).toEqual({ code: 0, loaded: [] });
    expect(loadedBy(['hotspots', '--help'])).toEqual({ code: 0, loaded: [] });
    expect(loadedBy(['summary', '--area', 'Three Rivers', '--colour', 'red'])).toEqual({
      code: 2,
      loaded: [],
    });
    expect(loadedBy(['trends', '--area', 'x', '--period', '2025-13'])).toEqual({
      code: 2,
      loaded: [],
    });
  });

  it('loads the solver only when cameras runs', () => {
    expect(loadedBy(['summary', '--area', 'Three Rivers', '--db', db])).toEqual({
      code: 0,
      loaded: ['@duckdb/node-api'],
    });
    const cameras = loadedBy([
      'cameras',
      '--area',
      'Three Rivers',
      '--dataset',
      'fly-tipping',
      '--period',
      '2024-01..2025-12',
      '--cameras',
      '3',
      '--radius',
      '75',
      '--db',
      db,
    ]);
    expect(cameras).toEqual({ code: 0, loaded: ['@duckdb/node-api', 'highs'] });
  });
});
