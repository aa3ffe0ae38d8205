/**
 * Once before the suite: builds dist/ (the CLI tests run the real `lantern` binary), and builds
 * one demo store (`lantern demo`: the bundled police.uk sample plus the synthetic partner data)
 * that test files copy instead of each building their own (see demo-store.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    demoStore: string;
  }
}

export default function setup(project: TestProject): () => void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'lantern-demo-store-'));
  const store = join(dir, 'demo.duckdb');
  execFileSync(process.execPath, ['bin/lantern.js', 'demo', '--db', store], { stdio: 'ignore' });
  project.provide('demoStore', store);
  return () => rmSync(dir, { recursive: true, force: true });
}
