/**
 * Lantern's scratch folders (an upload's files, an import's staged rows) are named for the
 * process that made it: `<prefix><process id>-XXXXXX`. A process killed while it works (SIGKILL,
 * the kernel's out-of-memory killer, the machine's power) leaves its folder behind, which no one
 * else would remove (QA: a partner's files left in /tmp; a killed import's staged rows, tens of
 * MB a file, left in /tmp run after run); the next process to use that kind of folder removes
 * those whose process is no longer running.
 */
import { mkdtempSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Makes a new scratch folder under `root` (the system's temporary folder by default). */
export function scratchFolderSync(prefix: string, root: string = tmpdir()): string {
  return mkdtempSync(join(root, `${prefix}${process.pid}-`));
}

export function scratchFolder(prefix: string, root: string = tmpdir()): Promise<string> {
  return mkdtemp(join(root, `${prefix}${process.pid}-`));
}

/**
 * Removes the scratch folders of `prefix` under `root` left by processes that are no longer
 * running; returns how many. Folders of a running process (another Lantern on the same machine,
 * or this one) are left alone, as are names that are not Lantern's (no process id in them).
 * Asynchronous: a killed import may have left gigabytes, and a server goes on answering meanwhile.
 */
export async function removeAbandonedFolders(
  prefix: string,
  root: string = tmpdir(),
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return 0;
  }
  // Lantern's prefixes are letters and hyphens: nothing to escape.
  const named = new RegExp(`^${prefix}(\\d+)-[A-Za-z0-9]{6}$`, 'u');
  let removed = 0;
  for (const name of names) {
    const pid = named.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || running(Number(pid))) continue;
    try {
      await rm(join(root, name), { recursive: true, force: true });
      removed++;
    } catch {
      // Another user's folder, or one removed meanwhile: not this process's to insist on.
    }
  }
  return removed;
}

/** Whether a process of this id is running (one of another user's counts: EPERM). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
