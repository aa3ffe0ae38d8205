/**
 * `lantern serve` as its own process (the built binary), as a partnership runs it: its address
 * once it listens, what it has printed, and its exit.
 */
import { spawn } from 'node:child_process';

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
