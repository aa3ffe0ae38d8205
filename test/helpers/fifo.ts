/**
 * A named pipe made at `path` by mkfifo(1), since Node has no call of its own for one. It starts
 * no `lantern` and no shell, so a test file that needs a pipe needs no dist/ and runs in the
 * integration project, in process (vitest.config.ts: a file that spawns is end-to-end).
 */
import { execFileSync } from 'node:child_process';

export function makeFifo(path: string): void {
  execFileSync('mkfifo', [path]);
}
