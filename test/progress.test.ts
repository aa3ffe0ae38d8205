/**
 * The progress bar appears for a person at a terminal and never in piped or --json output.
 * A terminal is provided by util-linux `script`, which Debian installs everywhere.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { runCli } from './helpers/cli.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const INPUT = `${FIXTURES}police`; // three stop-and-search files

const BIN = new URL('../bin/lantern.js', import.meta.url).pathname;
const dir = tempDir();
afterAll(() => dir.remove());
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('the import progress bar', () => {
  it.runIf(hasScript)('is drawn when stdout is a terminal', () => {
    const log = `${dir.path}/tty.log`;
    const command = `${process.execPath} ${BIN} import ${INPUT} --db ${dir.path}/tty.duckdb`;
    execFileSync('script', ['-qec', command, log], { stdio: 'ignore' });
    expect(existsSync(log)).toBe(true);
    expect(readFileSync(log, 'utf8')).toMatch(/importing \[[█░]+\] \d+\/3 files/);
  });

  it('is not drawn when output is piped, nor with --json', () => {
    const piped = runCli(['import', INPUT, '--db', `${dir.path}/piped.duckdb`]);
    expect(piped.code).toBe(0);
    expect(piped.stderr + piped.stdout).not.toMatch(/importing \[/);
    const json = runCli(['import', INPUT, '--db', `${dir.path}/piped.duckdb`, '--json']);
    expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
    expect(json.stderr).not.toMatch(/importing \[/);
  });
});
