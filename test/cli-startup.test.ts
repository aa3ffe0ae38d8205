/**
 * Start-up (issue 17 item 4): what needs no store answers without loading what it does not use.
 * The built `lantern` runs with a module loader hook that writes down every module it loads; help
 * (general, a command's, by `help X` or `X --help`) and an unknown command load no command
 * definition, no zod and no library of the commands (DuckDB, Chromium, spreadsheets, …), nor do
 * the usage errors the command's facts can answer (an unknown option, a required one left out, a
 * bad value of a common kind: `--period nonsense`); what only a command's own schemas can judge
 * (the words after its name) loads the one command it is about and its schemas, still no DuckDB,
 * no use case and no heavy library. None creates a store.
 * (test/startup.test.ts checks when DuckDB and the solver load for commands that run.) Modules loaded, not times: the times are bench/startup.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { tempDir } from './helpers/temp.js';

const BIN = new URL('../bin/lantern.js', import.meta.url).pathname;
const DIST = new URL('../dist/', import.meta.url).href;
const dir = tempDir();
afterAll(() => dir.remove());

/** Registers a loader hook that appends each loaded module's URL to $LANTERN_TEST_MODULE_LOG. */
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LANTERN_TEST_MODULE_LOG, url + '\\\\n');
  return next(url, context);
}\`));
`)}`;

let runs = 0;
/** Runs the built `lantern args...` and returns what it printed and the modules it loaded. */
function lanternLoading(args: string[]) {
  const log = join(dir.path, `modules-${++runs}.txt`);
  const result = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANTERN_TEST_MODULE_LOG: log },
    timeout: 60_000,
  });
  const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, modules };
}

/** The libraries no help or usage error may load. */
const HEAVY = [
  '@duckdb/',
  'playwright-core',
  'exceljs',
  '@resvg/',
  'mammoth',
  'highs',
  'proj4',
  'yauzl',
  'papaparse',
  'hono',
  'openid-client',
  '@node-rs/argon2',
  'libphonenumber-js',
];
const heavy = (modules: string[]) =>
  modules.filter((m) => HEAVY.some((name) => m.includes(`/node_modules/${name}`)));
/** Lantern's own modules loaded, as paths under dist/. */
const own = (modules: string[]) =>
  modules.filter((m) => m.startsWith(DIST)).map((m) => m.slice(DIST.length));

describe('lantern start-up: help and usage errors load only what they use', () => {
  const store = join(dir.path, 'none.duckdb');

  it.each([
    [['--help'], 0, 'Get data in:'],
    [['help', 'import'], 0, 'lantern import: police.uk street'],
    [['import', '--help'], 0, 'lantern import: police.uk street'],
    [['trends', '--area', 'Watford', '-h'], 0, 'Usage: lantern trends --area AREA'],
    [['frobnicate'], 2, 'unknown command "frobnicate"'],
    // Usage errors the command's facts answer: a required option left out, an unknown option, a
    // bad value of a kind the facts record (a period, a whole number, a choice).
    [['trends', '--period', 'nonsense'], 2, '--area AREA is required'],
    [['trends', '--area', 'Watford', '--bogus'], 2, 'trends has no option --bogus'],
    [
      ['trends', '--area', 'Watford', '--period', 'nonsense'],
      2,
      '--period: "nonsense" is not a period; give YYYY-MM..YYYY-MM',
    ],
    [
      ['hotspots', '--area', 'Watford', '--period', '2025', '--method', 'nonsense'],
      2,
      '--method: "nonsense" is not count, kde or gistar',
    ],
    [
      ['hotspots', '--area', 'Watford', '--period', '2025', '--top', '2.5'],
      2,
      '--top: 2.5 is not a whole number above 0',
    ],
  ])('lantern %j loads no command, no zod and no library of the commands', (args, code, says) => {
    const run = lanternLoading([...args, '--db', store]);
    expect(run.code, run.stderr).toBe(code);
    expect(run.stdout + run.stderr).toContain(says);
    expect(run.modules.length).toBeGreaterThan(3); // the hook saw the modules
    expect(heavy(run.modules)).toEqual([]);
    expect(run.modules.filter((m) => m.includes('/node_modules/zod/'))).toEqual([]);
    // Of the commands, only their facts: no definition, no use case, no store.
    const commands = own(run.modules).filter(
      (m) => m.startsWith('commands/') || m.startsWith('usecases/') || m.startsWith('store/'),
    );
    expect(commands.sort()).toEqual([
      'commands/definition.js',
      'commands/info.js',
      'commands/manifest.js',
      'commands/option-values.js',
    ]);
    expect(existsSync(store)).toBe(false);
  });

  it.each([[['import'], 'import: name at least one: PATH']])(
    'lantern %j (a usage error) loads no DuckDB, no use case and creates no store',
    (args, says) => {
      const run = lanternLoading([...args, '--db', store]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(says);
      expect(heavy(run.modules)).toEqual([]);
      const loaded = own(run.modules);
      expect(loaded).toContain(`commands/${args[0]}.js`); // the command it is about, and no other
      expect(loaded.filter((m) => m.startsWith('usecases/') || m.startsWith('store/'))).toEqual([]);
      expect(
        loaded.filter((m) => /^commands\/(summary|hotspots|report|users)\.js$/u.test(m)),
      ).toEqual([]);
      expect(existsSync(store)).toBe(false);
    },
  );
});
