/**
 * What every request of the server shares: the store, open once for the life of the process,
 * with a session (a connection of its own) per request; who is asking (the full scope until
 * sign-in, issue 20); and the one writer at a time.
 */
import type { ProgressEvent } from '../commands/definition.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from '../store/db.js';

export interface ServerContext {
  /** The store, opened by the process that serves it; requests use sessions of it. */
  store: Db;
  storePath: string;
  hashKeyFile: string;
  scope: Scope;
  /** Who is named in the audit log for what a request does (forRequest sets the caller's name). */
  actor?: string;
  clock: () => Date;
  env: Readonly<Record<string, string | undefined>>;
  /** The one write (an import) that may run at a time. */
  writer: WriterSlot;
}

/** What is being written now, if anything: a second writer is refused, naming the first. */
export interface RunningWrite {
  what: string;
  since: Date;
  /** The user who started it (their id); null for the store's owner (a store without accounts). */
  by: string | null;
  /** Progress so far, replayed to someone who starts watching late. */
  events: ProgressEvent[];
}

export class WriterSlot {
  private current: RunningWrite | null = null;
  /** Told when the slot is let go (WriterSlot.idle). */
  private waiting: (() => void)[] = [];

  get running(): RunningWrite | null {
    return this.current;
  }

  /** Takes the slot for `what`, or returns the write already running. */
  take(what: string, since: Date, by: string | null): RunningWrite | { busy: RunningWrite } {
    if (this.current) return { busy: this.current };
    this.current = { what, since, by, events: [] };
    return this.current;
  }

  release(): void {
    this.current = null;
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Resolves once nothing is being written (at once when nothing is). */
  idle(): Promise<void> {
    if (!this.current) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
