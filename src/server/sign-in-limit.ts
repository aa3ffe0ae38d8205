/**
 * Failed sign-ins limited per address (beside the per-account lockout of usecases/sign-in.ts):
 * one count for every way in (the password form, single sign-on's return), so an address that
 * has used up its attempts on one cannot go on through another. Only failures count: a meeting
 * of eleven people signing in from one office (one address behind its router) is not refused,
 * while someone guessing passwords is. The address is the client's (client-address.ts): behind a
 * trusted proxy, the one it forwarded for, not the proxy's, which every user would share.
 */
import type { Context } from 'hono';

import { clientAddress } from './client-address.js';

/** Failed sign-ins allowed per address in a window, before 429. */
export const ATTEMPTS_PER_WINDOW = 10;
export const WINDOW_MINUTES = 5;

export const TOO_MANY_ATTEMPTS = `Too many failed sign-ins from this address: wait ${WINDOW_MINUTES} minutes and try again.`;

export class SignInLimit {
  private readonly failures = new Map<string, number[]>();
  private readonly clock: () => Date;
  private readonly trusted: ReadonlySet<string>;

  constructor(clock: () => Date, trustedProxies: ReadonlySet<string> = new Set()) {
    this.clock = clock;
    this.trusted = trustedProxies;
  }

  /** Whether the request's address has had ATTEMPTS_PER_WINDOW failures in the last WINDOW_MINUTES. */
  exhausted(c: Context): boolean {
    return this.recent(this.addressOf(c)).length >= ATTEMPTS_PER_WINDOW;
  }

  /**
   * A password sign-in from the address about to be checked, counted as failed from the start
   * (succeeded() takes it back), or null when the address has used up its attempts. Counted before
   * the password is checked, not after: guesses sent at once would otherwise all pass the check
   * before the first was counted (forty at once, forty guesses).
   */
  begin(c: Context): { succeeded: () => void } | null {
    if (this.exhausted(c)) return null;
    const address = this.addressOf(c);
    const at = this.failed(c);
    return {
      succeeded: () => {
        const times = this.failures.get(address);
        const i = times?.indexOf(at) ?? -1;
        if (times && i >= 0) times.splice(i, 1);
      },
    };
  }

  /** Counts a failed sign-in (a wrong password or name, a single sign-on refused) from the address. */
  failed(c: Context): number {
    const address = this.addressOf(c);
    const now = this.clock().getTime();
    this.failures.set(address, [...this.recent(address), now]);
    // Addresses seen once long ago are forgotten, so the map stays small.
    if (this.failures.size > 10_000)
      for (const [a, times] of this.failures)
        if (times.every((t) => now - t >= WINDOW_MINUTES * 60_000)) this.failures.delete(a);
    return now;
  }

  private recent(address: string): number[] {
    const now = this.clock().getTime();
    return (this.failures.get(address) ?? []).filter((t) => now - t < WINDOW_MINUTES * 60_000);
  }

  private addressOf(c: Context): string {
    return clientAddress(c, this.trusted) ?? 'unknown';
  }
}
