/**
 * Sign-in attempts limited per address (beside the per-account lockout of usecases/sign-in.ts):
 * one count for every way in (the password form, the start of single sign-on and its callback),
 * so an address that has used up its attempts on one cannot go on through another.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** Sign-in attempts allowed per address in a window, before 429. */
export const ATTEMPTS_PER_WINDOW = 10;
export const WINDOW_MINUTES = 5;

export const TOO_MANY_ATTEMPTS = `Too many attempts from this address: wait ${WINDOW_MINUTES} minutes and try again.`;

export class SignInLimit {
  private readonly attempts = new Map<string, number[]>();
  private readonly clock: () => Date;

  constructor(clock: () => Date) {
    this.clock = clock;
  }

  /**
   * Counts an attempt from the request's address; false (and not counted) when the address has
   * had ATTEMPTS_PER_WINDOW in the last WINDOW_MINUTES.
   */
  attempt(c: Context): boolean {
    const address = addressOf(c);
    const now = this.clock().getTime();
    const recent = (this.attempts.get(address) ?? []).filter(
      (t) => now - t < WINDOW_MINUTES * 60_000,
    );
    if (recent.length >= ATTEMPTS_PER_WINDOW) {
      this.attempts.set(address, recent);
      return false;
    }
    this.attempts.set(address, [...recent, now]);
    // Addresses seen once long ago are forgotten, so the map stays small.
    if (this.attempts.size > 10_000)
      for (const [a, times] of this.attempts)
        if (times.every((t) => now - t >= WINDOW_MINUTES * 60_000)) this.attempts.delete(a);
    return true;
  }
}

function addressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
