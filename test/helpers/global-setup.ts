/**
 * Once before the integration tests: provides one demo store (`lantern demo`, run in this process
 * from the sources: the bundled police.uk sample plus the synthetic partner data) that test files
 * copy instead of each building their own (see demo-store.ts). No compile step: the end-to-end
 * project alone builds dist/ (build-setup.ts).
 *
 * The demo store is kept between runs in .tmp/, under a hash of everything it is built from (the
 * source code and the bundled data and configuration): a run after a change to any of them
 * builds it again, a run after a change to tests only reuses it. CI starts from a fresh clone, so
 * it always builds it.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

import type { TestProject } from 'vitest/node';

import { lantern } from '../../src/cli/lantern.js';
import { openStore } from '../../src/store/open-store.js';

declare module 'vitest' {
  export interface ProvidedContext {
    demoStore: string;
    /** A new store holding no data: the schema and the bundled area register (emptyStoreCopy). */
    emptyStore: string;
    /** What `lantern demo --json` printed when it built the demo store. */
    demoOutput: string;
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

/** A hash of what the demo store is made from: the source code, the bundled data and config. */
function inputsHash(): string {
  const hash = createHash('sha256');
  for (const dir of ['src', 'data', 'config']) {
    for (const file of filesUnder(join(ROOT, dir))) {
      if (file.endsWith('.test.ts')) continue;
      hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject): Promise<void> {
  const hash = inputsHash();
  const store = join(CACHE, `demo-${hash}.duckdb`);
  const output = `${store}.json`;
  if (
    !existsSync(store) ||
    !existsSync(`${store}.hash-key`) ||
    !existsSync(output) ||
    statSync(store).size === 0
  ) {
    rmSync(CACHE, { recursive: true, force: true });
    mkdirSync(CACHE, { recursive: true });
    const building = join(CACHE, 'building.duckdb');
    // Built with --json: what `lantern demo --json` printed is kept for the tests of that output.
    let printed = '';
    const io = {
      out: (text: string) => (printed += text),
      err: () => undefined,
      interactive: false,
    };
    const code = await lantern(['demo', '--db', building, '--json'], process.env, io);
    if (code !== 0) throw new Error(`lantern demo exited ${code}: the demo store was not built`);
    writeFileSync(output, printed);
    renameSync(`${building}.hash-key`, `${store}.hash-key`);
    renameSync(building, store);
  }
  // A new store costs a second (its schema and area register written); a copy costs nothing.
  const empty = join(CACHE, `empty-${hash}.duckdb`);
  if (!existsSync(empty) || statSync(empty).size === 0) {
    const building = join(CACHE, 'building-empty.duckdb');
    rmSync(building, { force: true });
    rmSync(`${building}.wal`, { force: true });
    (await openStore(building)).close();
    renameSync(building, empty);
  }
  project.provide('demoStore', store);
  project.provide('emptyStore', empty);
  project.provide('demoOutput', output);
}
