/**
 * A token bucket: on average `ratePerSecond` requests, with bursts of up to `burst`. data.police.uk
 * publishes a leaky bucket of 15 requests per second with bursts of 30 (domain notes §1.1). The
 * clock and the sleep are injected so the limiter can be tested without waiting.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class RateLimiter {
  private tokens: number;
  private last: number;
  private readonly ratePerMs: number;
  private readonly burst: number;
  private readonly clock: Clock;
  private queue: Promise<void> = Promise.resolve();

  constructor(ratePerSecond: number, burst: number, clock: Clock = REAL_CLOCK) {
    this.ratePerMs = ratePerSecond / 1000;
    this.burst = burst;
    this.tokens = burst;
    this.clock = clock;
    this.last = clock.now();
  }

  /** Resolves when one more request may be sent. Callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn;
    return turn;
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.ratePerMs);
      this.last = now;
      if (this.tokens >= 1 - 1e-9) {
        this.tokens = Math.max(0, this.tokens - 1);
        return;
      }
      // At least a millisecond: a rounding-sized wait would not move the clock.
      await this.clock.sleep(Math.max(1, (1 - this.tokens) / this.ratePerMs));
    }
  }
}
