/**
 * The password of `lantern users add` comes from LANTERN_PASSWORD or standard input, never an
 * option: the built binary reads a piped password, and refuses when none is given.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { tempDir } from './helpers/temp.js';

const BIN = new URL('../bin/lantern.js', import.meta.url).pathname;
const dir = tempDir();
afterAll(() => dir.remove());

function lantern(args: string[], input: string) {
  const env = { ...process.env };
  delete env.LANTERN_PASSWORD;
  return spawnSync(process.execPath, [BIN, ...args], {
    input,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('the password of lantern users add', () => {
  const db = join(dir.path, 'pw.duckdb');
  const add = [
    'users',
    'add',
    '--db',
    db,
    '--name',
    'Alex',
    '--email',
    'alex@herts.gov.uk',
    '--admin',
  ];

  it('is refused when neither LANTERN_PASSWORD nor standard input gives one', () => {
    const r = lantern(add, '');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no password given: set LANTERN_PASSWORD, or pipe it/u);
  });

  it('is read from standard input, its trailing newline dropped, and never printed', () => {
    const r = lantern([...add, '--json'], 'piped pass phrase here\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('piped pass phrase');
    expect(JSON.parse(r.stdout)).toMatchObject({ user: { name: 'Alex', role: 'admin' } });
  });

  it('has no option: a --password flag is refused', () => {
    const r = lantern(
      [
        ...add.slice(0, 4),
        '--name',
        'B',
        '--email',
        'b@h.gov.uk',
        '--role',
        'viewer',
        '--password',
        'x',
      ],
      '',
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--password/u);
  });
});
