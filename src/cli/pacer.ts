/**
 * A client-side rate limit: hands out send slots `1000 / rate` ms apart, and holds every slot back when
 * Zoom answers 429, so a bulk run uses the limit it is given without exceeding it.
 */
import { setTimeout as wait } from "node:timers/promises";

export class Pacer {
  private nextSlot = 0;
  private readonly intervalMs: number;

  constructor(ratePerSecond: number) {
    this.intervalMs = 1000 / ratePerSecond;
  }

  /** Resolves when the caller may send; rejects with the signal's reason if it aborts first. */
  async slot(signal?: AbortSignal): Promise<void> {
    const now = performance.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + this.intervalMs;
    if (at > now) await wait(at - now, undefined, signal ? { signal } : {});
  }

  /** Nobody sends for `ms` (after a 429). */
  holdFor(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, performance.now() + ms);
  }
}
