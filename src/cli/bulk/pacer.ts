/**
 * The bulk run's rate limit, as the client's `throttle`: every attempt, retries included, waits here.
 *
 * - Pace: one queue, released in order by one timer, a slot every 1/(97 % of the rate) seconds. A timer
 *   that fires late does not move the slots after it: the slots of the last 50 ms (or of one slot, if
 *   longer) that it missed leave at once, so a busy event loop or a coarse timer costs no throughput;
 *   after a longer stall the schedule starts again from now, so what it delayed never leaves as a burst.
 * - Bound: never more than `rate` sends in any 1,020 ms, checked against the real send times. The 20 ms
 *   over a second absorb what happens between a send and its arrival (a new connection, a busy event
 *   loop), so Zoom, counting arrivals, sees no more than `rate` in a second either. The window is counted
 *   in 10 ms buckets: memory does not depend on the rate.
 * - 429: `rateLimited` holds every slot back for what Zoom asked (a daily limit stops the run instead).
 */
import { setTimeout as wait } from "node:timers/promises";
import type { RateLimitError, Throttle } from "../../index.js";

const HEADROOM = 0.97;
const BUCKET_MS = 10;
const BUCKETS = 102;
/** How far behind its schedule the pacer may fall and still make the slots up. */
const CATCH_UP_MS = 50;

/** The clock a pacer reads and waits on; injectable so tests can drive it. */
export interface PacerClock {
  now(): number;
  wait(ms: number): Promise<void>;
}

const realClock: PacerClock = { now: () => performance.now(), wait: (ms) => wait(ms) };

interface Waiter {
  resolve(): void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class Pacer implements Throttle {
  readonly intervalMs: number;
  /** The 429 answers this pacer was told of. */
  rateLimitedAnswers = 0;
  readonly #queue: Waiter[] = [];
  #head = 0;
  #timerSet = false;
  #nextSlot = Number.NEGATIVE_INFINITY;
  #heldUntil = Number.NEGATIVE_INFINITY;
  /** Sends per 10 ms bucket over the last window, a ring indexed by bucket number. */
  readonly #sends = new Uint32Array(BUCKETS);
  #sendsInWindow = 0;
  #newestBucket = 0;

  constructor(
    readonly rate: number,
    /** The longest a 429's Retry-After holds every slot (the client's maxRetryDelayMs). */
    private readonly maxHoldMs: number,
    private readonly clock: PacerClock = realClock,
  ) {
    this.intervalMs = 1000 / (rate * HEADROOM);
  }

  /** Resolves when the caller may send; rejects with the signal's reason if it aborts first. */
  wait(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        signal,
        onAbort: () => {
          this.#queue[this.#queue.indexOf(waiter, this.#head)] = CANCELLED;
          reject(signal?.reason);
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  /** A 429: nobody sends until it clears (default one second); a daily limit is the run's to handle. */
  rateLimited(error: RateLimitError): void {
    this.rateLimitedAnswers++;
    if (error.isDailyLimit) return;
    // A Retry-After longer than the client waits fails that call at once; the others wait a second, no more.
    const asked = error.retryAfter ? error.retryAfter.getTime() - Date.now() : 1000;
    const holdMs = asked >= 0 && asked <= this.maxHoldMs ? asked : 1000;
    this.#heldUntil = Math.max(this.#heldUntil, this.clock.now() + holdMs);
  }

  /** Releases every waiter whose slot has come, then sets one timer for the next. */
  #pump(): void {
    if (this.#timerSet) return;
    for (;;) {
      while (this.#queue[this.#head] === CANCELLED) this.#head++;
      if (this.#head >= this.#queue.length) {
        this.#queue.length = this.#head = 0; // drained: the array starts over
        return;
      }
      const now = this.clock.now();
      const at = Math.max(this.#nextSlot, this.#heldUntil, this.#windowOpensAt(now));
      if (at > now) {
        this.#timerSet = true;
        void this.clock.wait(at - now).then(() => {
          this.#timerSet = false;
          this.#pump();
        });
        return;
      }
      const waiter = this.#queue[this.#head++] as Waiter;
      if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue.splice(0, this.#head); // released waiters: let them go
        this.#head = 0;
      }
      waiter.signal?.removeEventListener("abort", waiter.onAbort);
      // The slot used is the schedule's while it is not too far behind (made up); else now (nothing owed).
      const slot = this.#nextSlot > now - Math.max(CATCH_UP_MS, this.intervalMs) ? this.#nextSlot : now;
      this.#nextSlot = slot + this.intervalMs;
      this.#sends[this.#newestBucket % BUCKETS] = (this.#sends[this.#newestBucket % BUCKETS] as number) + 1;
      this.#sendsInWindow++;
      waiter.resolve();
    }
  }

  /** `now` if a send now keeps the window within the rate, else when the oldest send leaves it. */
  #windowOpensAt(now: number): number {
    const bucket = Math.floor(now / BUCKET_MS);
    for (let b = Math.max(this.#newestBucket + 1, bucket - BUCKETS + 1); b <= bucket; b++) {
      this.#sendsInWindow -= this.#sends[b % BUCKETS] as number;
      this.#sends[b % BUCKETS] = 0;
    }
    this.#newestBucket = Math.max(this.#newestBucket, bucket);
    if (this.#sendsInWindow < this.rate) return now;
    for (let b = bucket - BUCKETS + 1; b <= bucket; b++)
      if ((this.#sends[b % BUCKETS] as number) > 0) return (b + BUCKETS) * BUCKET_MS;
    return now;
  }
}

/** A waiter that left the queue (its signal aborted): skipped when its turn comes. */
const CANCELLED: Waiter = { resolve: () => {}, signal: undefined, onAbort: () => {} };
