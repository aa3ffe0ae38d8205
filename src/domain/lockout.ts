/**
 * Locking an account after repeated failed sign-ins. After `attempts` failures in a row the
 * account is locked for `minutes`; a success (or an admin's password reset) clears the count.
 * While locked, every sign-in is refused — even with the right password — and refused the same
 * way as a wrong password, so a guesser learns nothing. Defaults: 5 failures, 15 minutes
 * (OWASP's authentication guidance suggests a small threshold with a temporary lock);
 * LANTERN_LOCKOUT_ATTEMPTS and LANTERN_LOCKOUT_MINUTES change them.
 */
import { InputError } from '../errors.js';

export interface LockoutPolicy {
  attempts: number;
  minutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { attempts: 5, minutes: 15 };

export interface LockoutState {
  failures: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure: locked for the policy's minutes once the count is reached. */
export function afterFailure(state: LockoutState, policy: LockoutPolicy, now: Date): LockoutState {
  // A lock that has run out starts a new count.
  const failures = (state.lockedUntil !== null && !isLocked(state, now) ? 0 : state.failures) + 1;
  if (failures >= policy.attempts) {
    return { failures, lockedUntil: new Date(now.getTime() + policy.minutes * 60_000) };
  }
  return { failures, lockedUntil: isLocked(state, now) ? state.lockedUntil : null };
}

/** The policy from the environment's settings, each a whole number ≥ 1, else the default. */
export function lockoutPolicyFrom(
  env: Readonly<Record<string, string | undefined>>,
): LockoutPolicy {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) {
      throw new InputError(`${name}: must be a whole number of at least 1, not "${raw}"`);
    }
    return n;
  };
  return {
    attempts: read('LANTERN_LOCKOUT_ATTEMPTS', DEFAULT_LOCKOUT.attempts),
    minutes: read('LANTERN_LOCKOUT_MINUTES', DEFAULT_LOCKOUT.minutes),
  };
}
