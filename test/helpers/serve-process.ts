/**
 * `lantern serve` as its own process (the built binary), as a partnership runs it: its address
 * once it listens, what it has printed, and its exit.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { FIXTURES } from './temp.js';

export interface ServeProcess {
  /** The address it prints (http://127.0.0.1:PORT/). */
  url: string;
  pid: number;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  output: () => { stdout: string; stderr: string };
}

/** Starts `lantern serve --port 0 --db db` and resolves once it listens. */
export async function serveProcess(db: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['bin/lantern.js', 'serve', '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/u.exec(stdout)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stdout}${stderr}`)));
  });
  const served: ServeProcess = {
    url,
    pid: child.pid as number,
    stop: (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
    output: () => ({ stdout, stderr }),
  };
  return served;
}

/** Two real police.uk months of other forces: an upload whose import takes a moment. */
export const UPLOAD_FILES = [
  'merseyside/2019-01-merseyside-street.csv.gz',
  'gwent/2019-01-gwent-street.csv.gz',
];

/**
 * Uploads UPLOAD_FILES (test/fixtures) to a server's /api/imports and waits until its import runs
 * (no longer an upload being received: the first file is being imported). `whileWaiting` is asked
 * of every state seen meanwhile.
 */
export async function uploadAndAwaitImport(
  url: string,
  whileWaiting: (now: { running: boolean; what?: string }) => void = () => undefined,
): Promise<void> {
  const body = new FormData();
  for (const f of UPLOAD_FILES) body.append('file', new File([readFileSync(join(FIXTURES, f))], f));
  const answer = await fetch(`${url}api/imports`, {
    method: 'POST',
    body,
    headers: { Origin: url.slice(0, -1) },
  });
  if (answer.status !== 202) throw new Error(`upload answered ${answer.status}`);
  for (;;) {
    const now = (await (await fetch(`${url}api/imports/current`)).json()) as {
      running: boolean;
      what?: string;
    };
    whileWaiting(now);
    if (now.what?.includes('merseyside')) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
