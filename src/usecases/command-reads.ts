/**
 * What one command has read or worked out already, so that everything in it shares one copy: the
 * points of an area and period, an area's outline, a hotspot analysis asked for by both the
 * assessment's rationale and the report's map, an area's street counts. A command (or a request,
 * once there is a server) makes one and passes it down; it is dropped with the command, so nothing
 * outlives the store's state it was read from and nothing is shared between commands or callers.
 *
 * Keys name what was read and everything it depends on (the caller's scope included).
 */
export class CommandReads {
  private readonly memo = new Map<string, Promise<unknown>>();

  /**
   * The value remembered under `key`, else what `make` gives (remembered). A failure is not
   * remembered: the next caller tries again and sees its own error.
   */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    const known = this.memo.get(key);
    if (known) return known as Promise<T>;
    const made = make();
    this.memo.set(key, made);
    made.catch(() => {
      if (this.memo.get(key) === made) this.memo.delete(key);
    });
    return made;
  }

  /** Whether `key` is remembered (or being worked out). */
  has(key: string): boolean {
    return this.memo.has(key);
  }

  /** Remembers a value worked out alongside another (one query answering for several keys). */
  remember<T>(key: string, value: Promise<T>): void {
    this.memo.set(key, value);
    value.catch(() => {
      if (this.memo.get(key) === value) this.memo.delete(key);
    });
  }
}

/**
 * Every one of `reads` settled, then their values; else the first failure, thrown only once all
 * have settled, so that a command never returns (or fails) with a read of the store still running.
 */
export async function allSettled<T>(reads: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(reads);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/** A key part for a caller's scope (what it may see changes what a read returns). */
export const scopeKey = (scope: unknown): string => JSON.stringify(scope);
