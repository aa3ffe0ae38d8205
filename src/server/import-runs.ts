/**
 * What each upload's import has said so far, for whoever watches it: progress events, then one
 * report or failure. A watcher who starts late is told everything from the beginning; a finished
 * import is remembered (the last few) so that its report can still be read.
 */
import type { ProgressEvent } from '../commands/definition.js';

export type ImportEvent =
  | { event: 'progress'; data: ProgressEvent }
  | { event: 'report'; data: unknown }
  | { event: 'failed'; data: { error: { type: string; message: string; field?: string } } };

export interface ImportRun {
  id: string;
  /** What is imported, for a person: the uploaded files' names. */
  what: string;
  since: Date;
  /** The user who started it (their id); null for the store's owner. */
  by: string | null;
  events: ImportEvent[];
  finished: boolean;
}

/** How many finished imports are kept for late watchers. */
const KEPT = 20;

export class ImportRuns {
  private readonly runs = new Map<string, ImportRun>();
  private readonly listeners = new Map<string, Set<(event: ImportEvent) => void>>();
  private next = 1;

  start(what: string, since: Date, by: string | null): ImportRun {
    const id = `${since.toISOString().replace(/[-:.]/gu, '').slice(0, 15)}-${this.next++}`;
    const run: ImportRun = { id, what, since, by, events: [], finished: false };
    this.runs.set(id, run);
    for (const old of [...this.runs.values()].filter((r) => r.finished).slice(0, -KEPT))
      this.runs.delete(old.id);
    return run;
  }

  get(id: string): ImportRun | undefined {
    return this.runs.get(id);
  }

  /** Records an event of the run and tells its watchers; a report or failure finishes it. */
  tell(run: ImportRun, event: ImportEvent): void {
    if (run.finished) return;
    run.events.push(event);
    if (event.event !== 'progress') run.finished = true;
    for (const listener of this.listeners.get(run.id) ?? []) listener(event);
    if (run.finished) this.listeners.delete(run.id);
  }

  /**
   * Calls `listener` with every event so far and each one to come, until the run finishes;
   * returns the way to stop listening.
   */
  watch(run: ImportRun, listener: (event: ImportEvent) => void): () => void {
    for (const event of run.events) listener(event);
    if (run.finished) return () => undefined;
    const set = this.listeners.get(run.id) ?? new Set();
    set.add(listener);
    this.listeners.set(run.id, set);
    return () => set.delete(listener);
  }
}
