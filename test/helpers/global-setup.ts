/**
 * Once before the suite: brings dist/ up to date (the CLI tests run the real `lantern` binary;
 * an incremental build, so a few seconds when nothing changed), and provides one demo store
 * (`lantern demo`: the bundled police.uk sample plus the synthetic partner data) that test files
 * copy instead of each building their own (see demo-store.ts).
 *
 * The demo store is kept between runs in .tmp/, under a hash of everything it is built from (the
 * compiled code and the bundled data and configuration): a run after a change to any of them
 * builds it again, a run after a change to tests only reuses it. CI starts from a fresh clone, so
 * it always builds it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, relative } from 'node:path';

import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    demoStore: string;
  }
}

const ROOT = new URL('../..', import.meta.url).pathname;
const CACHE = join(ROOT, '.tmp', 'test-demo-store');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A hash of what the demo store is made from: the compiled code, the bundled data and config. */
function inputsHash(): string {
  const hash = createHash('sha256');
  for (const dir of ['dist', 'data', 'config']) {
    for (const file of filesUnder(join(ROOT, dir))) {
      if (file.endsWith('.tsbuildinfo') || file.endsWith('.map')) continue;
      hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export default function setup(project: TestProject): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const store = join(CACHE, `demo-${inputsHash()}.duckdb`);
  if (!existsSync(store) || !existsSync(`${store}.hash-key`) || statSync(store).size === 0) {
    rmSync(CACHE, { recursive: true, force: true });
    mkdirSync(CACHE, { recursive: true });
    const building = join(CACHE, 'building.duckdb');
    execFileSync(process.execPath, ['bin/lantern.js', 'demo', '--db', building], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    renameSync(`${building}.hash-key`, `${store}.hash-key`);
    renameSync(building, store);
  }
  project.provide('demoStore', store);
}
