/**
 * A private copy of the demo store built once by the global setup: a test file may read or change
 * its copy without waiting for `lantern demo` or disturbing other files running in parallel.
 * Likewise a copy of a new store holding no data (emptyStoreCopy), for tests that start from
 * nothing: the same as the store an import creates, without the second that creating one takes.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

import { inject } from 'vitest';

export function demoStoreCopy(dir: string, name = 'demo.duckdb'): string {
  const source = inject('demoStore');
  const target = join(dir, name);
  copyFileSync(source, target);
  if (existsSync(`${source}.hash-key`)) copyFileSync(`${source}.hash-key`, `${target}.hash-key`);
  return target;
}

/** A copy of a new store (schema and bundled area register, no data): `dir`/`name`. */
export function emptyStoreCopy(dir: string, name: string): string {
  const target = join(dir, name);
  copyFileSync(inject('emptyStore'), target);
  return target;
}
