/**
 * What `npm start` runs, as a person meets it: `lantern start` reuses the demo store, prints the
 * address to open (this computer only, and it says so), serves the Three Rivers overview there,
 * and stops cleanly on Ctrl+C (SIGINT) or SIGTERM.
 */
import { spawn } from 'node:child_process';

import { afterAll, describe, expect, it } from 'vitest';

import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

function start(args: string[]) {
  const child = spawn(process.execPath, ['bin/lantern.js', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const address = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/u.exec(stdout)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stdout}${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, address, exited, output: () => ({ stdout, stderr }) };
}

describe.each(['SIGINT', 'SIGTERM'] as const)('lantern start, stopped by %s', (signal) => {
  it('serves the overview of the demo store at the address it prints, then stops', async () => {
    const db = demoStoreCopy(dir.path, `start-${signal}.duckdb`);
    const run = start(['start', '--port', '0', '--db', db]);
    const url = await run.address;
    const { stdout } = run.output();
    expect(stdout).toContain('Using the demo store');
    expect(stdout).toMatch(/no user accounts.*127\.0\.0\.1 \(this computer\) only/u);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Overview: Three Rivers</h1>');
    // No account yet: the first-run set-up page is open to this computer, and the start says so.
    expect((await fetch(`${url}setup`)).status).toBe(200);
    expect(run.output().stdout).toMatch(/Set-up is open: .*127\.0\.0\.1:\d+\/setup/u);
    const api = await fetch(`${url}api/summary?area=Three%20Rivers&period=2025`);
    expect(((await api.json()) as { area: { name: string } }).area.name).toBe('Three Rivers');
    run.child.kill(signal);
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toContain(`Stopped serving ${url}`);
  });
});
