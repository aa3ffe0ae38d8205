/**
 * Once before the end-to-end tests: brings dist/ up to date, since they run the real `lantern`
 * binary (an incremental build: a few seconds when nothing changed).
 */
import { execFileSync } from 'node:child_process';

const ROOT = new URL('../..', import.meta.url).pathname;

export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}
