import { describe, expect, it } from 'vitest';

import { afterFailure, DEFAULT_LOCKOUT, isLocked, lockoutPolicyFrom } from './lockout.js';

describe('lockout', () => {
  const t0 = new Date('2026-01-01T09:00:00Z');
  const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  it('locks after the fifth failure in a row, for 15 minutes, then counts afresh', () => {
    let state = { failures: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      state = afterFailure(state, DEFAULT_LOCKOUT, t0);
      expect(isLocked(state, t0)).toBe(false);
    }
    state = afterFailure(state, DEFAULT_LOCKOUT, t0);
    expect(isLocked(state, t0)).toBe(true);
    expect(isLocked(state, later(14))).toBe(true);
    expect(isLocked(state, later(15))).toBe(false);
    const next = afterFailure(state, DEFAULT_LOCKOUT, later(16));
    expect(next).toEqual({ failures: 1, lockedUntil: null });
  });

  it('reads its settings from the environment, refusing nonsense', () => {
    expect(lockoutPolicyFrom({})).toEqual({ attempts: 5, minutes: 15 });
    expect(
      lockoutPolicyFrom({ LANTERN_LOCKOUT_ATTEMPTS: '3', LANTERN_LOCKOUT_MINUTES: '60' }),
    ).toEqual({
      attempts: 3,
      minutes: 60,
    });
    expect(() => lockoutPolicyFrom({ LANTERN_LOCKOUT_ATTEMPTS: '0' })).toThrow(/at least 1/u);
  });
});
