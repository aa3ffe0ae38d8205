/** Runs the built `lantern` binary as a user would, in a child process. */
import { spawnSync } from 'node:child_process';

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
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs with --json and parses stdout, which must be exactly one JSON document. */
export function runCliJson<T = Record<string, unknown>>(
  args: readonly string[],
  env?: Record<string, string>,
) {
  const result = runCli([...args, '--json'], env);
  return { ...result, json: JSON.parse(result.stdout) as T };
}
