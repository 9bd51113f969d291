/**
 * A client-side rate limit: hands out send slots `1000 / rate` ms apart, and holds every slot back when
 * Zoom answers 429, so a bulk run uses the limit it is given without exceeding it.
 */
import { setTimeout as wait } from "node:timers/promises";

/**
 * Slots are spaced for 98 % of the rate: evenly spaced sends at exactly the limit arrive with network
 * jitter, and a server counting fixed one-second windows then sees limit + 1 in some of them (measured:
 * one 429 in 1,000 rows at 200/s, whose 1 s Retry-After cost 18 % of the run's throughput).
 */
const HEADROOM = 0.98;

/** The clock a pacer reads and waits on; injectable so tests can drive it. */
export interface PacerClock {
  now(): number;
  wait(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  wait: (ms, signal) => wait(ms, undefined, signal ? { signal } : {}),
};

export class Pacer {
  private nextSlot = 0;
  private readonly intervalMs: number;
  /**
   * Slots a late start may catch up: half the headroom, so sends in any one-second span stay below the
   * rate by the other half, which absorbs arrival jitter. (With the whole headroom as catch-up a span
   * could hold exactly the rate, and a server-side pause at a window edge then counted rate + 1: one 429
   * in 1,000 rows, whose 1 s Retry-After cost a fifth of the run's throughput.)
   */
  private readonly catchUpMs: number;

  constructor(
    ratePerSecond: number,
    private readonly clock: PacerClock = realClock,
  ) {
    this.intervalMs = 1000 / (ratePerSecond * HEADROOM);
    this.catchUpMs = Math.floor((ratePerSecond * (1 - HEADROOM)) / 2) * this.intervalMs;
  }

  /** Resolves when the caller may send; rejects with the signal's reason if it aborts first. */
  async slot(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    // A timer that fires late (busy machine) loses at most the catch-up allowance, not the slot.
    const at = Math.max(now - this.catchUpMs, this.nextSlot);
    this.nextSlot = at + this.intervalMs;
    if (at > now) await this.clock.wait(at - now, signal);
  }

  /** Nobody sends for `ms` (after a 429). */
  holdFor(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.clock.now() + ms);
  }
}
