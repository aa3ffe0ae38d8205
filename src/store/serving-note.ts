/**
 * The note `lantern serve` leaves beside the store it holds (`<store>.serving`: its process id
 * and address), so that a command refused because the store is held can say it is the server,
 * which runs until stopped, and where it answers; not "run this again when it has finished" (QA:
 * a partnership's analyst, told to wait for a command that never ends). Removed when the server
 * stops; a note left by a server that was killed names a process that no longer holds the store,
 * and is ignored.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface ServingNote {
  pid: number;
  url: string;
}

function notePath(storePath: string): string {
  return `${storePath}.serving`;
}

/** Leaves the note of this process serving `storePath` at `url` (nothing for ':memory:'). */
export function writeServingNote(storePath: string, url: string): void {
  if (storePath === ':memory:') return;
  try {
    writeFileSync(notePath(storePath), JSON.stringify({ pid: process.pid, url }) + '\n');
  } catch {
    // A folder this user may not write: the refusals then say less, nothing worse.
  }
}

/** Removes the note, if it is this process's. */
export function removeServingNote(storePath: string): void {
  if (readServingNote(storePath)?.pid === process.pid) rmSync(notePath(storePath), { force: true });
}

/** The note beside `storePath`, or null (none, or not one of Lantern's). */
export function readServingNote(storePath: string): ServingNote | null {
  try {
    const note = JSON.parse(readFileSync(notePath(storePath), 'utf8')) as Partial<ServingNote>;
    return Number.isSafeInteger(note.pid) && typeof note.url === 'string'
      ? { pid: note.pid as number, url: note.url.slice(0, 200) }
      : null;
  } catch {
    return null;
  }
}
