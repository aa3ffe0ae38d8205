/**
 * Once before the end-to-end tests: brings dist/ up to date, since they run the real `lantern`
 * binary.
 *
 * The compile is skipped when nothing it reads has changed since the last one (no file or folder
 * under src/, nor the TypeScript configuration or the package files, is newer than
 * dist/.tsbuildinfo): even an incremental `tsc` with nothing to do reads and checks every source
 * file, about 10 s of CPU on the 2-core test machine, and that was paid before any test ran. A
 * checkout, an edit or a removed file makes a file or its folder newer, and the compile runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const BUILD_INFO = join(ROOT, 'dist', '.tsbuildinfo');
/** What the compile reads besides src/. */
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

/** The latest modification time (ms) of src/ (its files and folders) and the configuration. */
function newestInput(): number {
  let newest = 0;
  const note = (path: string) => {
    if (existsSync(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  };
  const src = join(ROOT, 'src');
  note(src);
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true }))
    note(join(entry.parentPath, entry.name));
  for (const file of INPUTS) note(join(ROOT, file));
  return newest;
}

export default function setup(): void {
  if (existsSync(BUILD_INFO) && statSync(BUILD_INFO).mtimeMs > newestInput()) return;
  // The time the compile started: a file edited while it runs is then newer, and compiled next run.
  const started = new Date();
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  // tsc leaves its build information untouched when nothing needed compiling: mark the build
  // done, so that the next run skips it.
  if (existsSync(BUILD_INFO)) utimesSync(BUILD_INFO, started, started);
}
