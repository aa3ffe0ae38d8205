/**
 * What the browser tests share: Debian's Chromium driven by playwright-core (CI must have it;
 * elsewhere the tests are skipped without it), a real `lantern serve` process on a store, and the
 * folder screenshots are saved to, to be looked at.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumPresent = existsSync(CHROMIUM);
if (!chromiumPresent && process.env.CI)
  throw new Error(`CI needs Chromium at ${CHROMIUM} (.ci/run installs it)`);

export const SHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname;

/** axe-core's script, to add to a page for an accessibility check. */
export const AXE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** `lantern serve` on the store, on a free port: its address once it prints it, and the process. */
export async function spawnServe(db: string): Promise<{ base: string; server: ChildProcess }> {
  const server = spawn(process.execPath, ['bin/lantern.js', 'serve', '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /at (http:\/\/127\.0\.0\.1:\d+)\//u.exec(out)?.[1];
      if (url) resolve(url);
    });
    server.once('exit', (code) => reject(new Error(`lantern serve exited (${code}): ${out}`)));
  });
  return { base, server };
}
