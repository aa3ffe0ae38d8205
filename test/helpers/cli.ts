/**
 * Runs `lantern` as a user would: in this process through the same entry the binary uses
 * (`lantern()`: the same parser, commands, output and exit codes, from the TypeScript sources, with
 * no compile step), or as the built binary in a child process where the process itself is under
 * test (exit codes, stdout holding only JSON, signals, a terminal).
 */
import { spawn, spawnSync } from 'node:child_process';

import { lantern } from '../../src/cli/lantern.js';

const BIN = new URL('../../bin/lantern.js', import.meta.url).pathname;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
    maxBuffer: 64 * 2 ** 20, // an overview of a force is a few megabytes of JSON
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `lantern args...` in this process. `env` is the environment the command sees (added to
 * this process's); settings read from process.env by library code (inflate limits) are not
 * changed by it: use runCli for those.
 */
export async function run(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await lantern(
    args,
    { ...process.env, ...env },
    {
      out: (text) => (stdout += text + '\n'),
      err: (text) => (stderr += text + '\n'),
      interactive: false,
    },
  );
  return { code, stdout, stderr };
}

/** `run` with --json, parsing stdout, which must be exactly one JSON document. */
export async function runJson<T = Record<string, unknown>>(
  args: readonly string[],
  env?: Record<string, string>,
) {
  const result = await run([...args, '--json'], env);
  return { ...result, json: JSON.parse(result.stdout) as T };
}

/** Runs with --json and parses stdout, which must be exactly one JSON document. */
export function runCliJson<T = Record<string, unknown>>(
  args: readonly string[],
  env?: Record<string, string>,
) {
  const result = runCli([...args, '--json'], env);
  return { ...result, json: JSON.parse(result.stdout) as T };
}

/**
 * Runs the binary without blocking this process: needed when the test itself serves the
 * child (a fake server in the test process cannot answer while spawnSync waits).
 */
export function runCliAsync(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function runCliJsonAsync<T = Record<string, unknown>>(
  args: readonly string[],
  env?: Record<string, string>,
) {
  const result = await runCliAsync([...args, '--json'], env);
  return { ...result, json: JSON.parse(result.stdout) as T };
}
