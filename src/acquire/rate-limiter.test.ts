import { describe, expect, it } from 'vitest';

import { RateLimiter, type Clock } from './rate-limiter.js';

/** A clock that moves only when someone sleeps. */
function fakeClock(): Clock & { t: number } {
  const clock = { t: 0, now: () => clock.t, sleep: async (ms: number) => void (clock.t += ms) };
  return clock;
}

describe('RateLimiter(15 per second, bursts of 30)', () => {
  it('lets a burst of 30 through at once, then 15 a second', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(15, 30, clock);
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      await limiter.take();
      times.push(clock.t);
    }
    expect(times.slice(0, 30).every((t) => t === 0)).toBe(true);
    // The next 30 come one every 1/15 s: the 60th after two seconds.
    expect(times[59]).toBeCloseTo(2000, 0);
    // No window of one second holds more than 30 + 15 requests.
    for (const start of times) {
      expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(45);
    }
  });

  it('refills while idle, but never beyond the burst', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(15, 30, clock);
    for (let i = 0; i < 30; i++) await limiter.take();
    clock.t += 60_000;
    const start = clock.t;
    for (let i = 0; i < 31; i++) await limiter.take();
    expect(clock.t - start).toBeCloseTo(1000 / 15, 0);
  });
});
