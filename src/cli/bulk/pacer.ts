/**
 * A client-side rate limit for bulk runs: uses the limit it is given without exceeding it.
 *
 * - Pace: send slots are spaced evenly for 98 % of the rate. Evenly spaced sends at exactly the limit
 *   arrive with jitter, and a server counting fixed one-second windows then sees limit + 1 in some.
 * - Bound: never more than `cap` sends (99 % of the rate; 198 at 200/s) in any one-second span, enforced
 *   exactly from the times of the last `cap` slots, whatever the stalls. The 1 % left absorbs a server
 *   pause at a window edge.
 * - Catch-up: slots missed while every worker was busy are owed, but only as many as the bound can take
 *   over the pace (cap − pace: 2 at 200/s), and never closer than half a slot apart. Owing more cannot be
 *   made up faster under a sliding bound; it only turns the pace into bursts.
 * - 429: `holdFor` stops every slot for what Zoom asked, and forgives what is owed.
 */
import { setTimeout as wait } from "node:timers/promises";

const HEADROOM = 0.98;
const BOUND = 0.99;

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
  /** The most sends in any one-second span. */
  readonly cap: number;
  private readonly intervalMs: number;
  /** How far behind the schedule may fall and still be made up. */
  private readonly owedMs: number;
  /** The next slot of the even schedule; earlier than now when slots are owed. Unset until the first. */
  private nextSlot: number | undefined;
  /** Send times of the last `cap` slots (a ring; `oldest` indexes the earliest). */
  private readonly recent: number[];
  private oldest = 0;

  constructor(
    ratePerSecond: number,
    private readonly clock: PacerClock = realClock,
  ) {
    this.intervalMs = 1000 / (ratePerSecond * HEADROOM);
    // The even pace alone fits ⌈rate · 98 %⌉ slots into a second; at low rates never cap below it.
    const paceSlots = Math.ceil(ratePerSecond * HEADROOM);
    this.cap = Math.max(paceSlots, Math.floor(ratePerSecond * BOUND));
    this.owedMs = (this.cap - paceSlots) * this.intervalMs;
    this.recent = new Array<number>(this.cap).fill(Number.NEGATIVE_INFINITY);
  }

  /** Resolves when the caller may send; rejects with the signal's reason if it aborts first. */
  async slot(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const scheduled = Math.max(this.nextSlot ?? now, now - this.owedMs);
    const index = this.oldest;
    const newest = this.recent[(index + this.cap - 1) % this.cap] as number;
    const at = Math.max(now, scheduled, newest + this.intervalMs / 2, (this.recent[index] as number) + 1000);
    this.nextSlot = scheduled + this.intervalMs;
    this.recent[index] = at;
    this.oldest = (index + 1) % this.cap;
    if (at > now) {
      await this.clock.wait(at - now, signal);
      // A timer that fired late sent later than reserved: later slots must count the real time.
      const sent = this.clock.now();
      if (sent > at && this.recent[index] === at) this.recent[index] = sent;
    }
  }

  /** Nobody sends for `ms` (after a 429); slots owed until now are forgiven. */
  holdFor(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot ?? 0, this.clock.now() + ms);
  }
}
