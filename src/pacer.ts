/**
 * One Zoom account's per-second budget, shared by every call that takes its slots, and adapted to the share
 * other apps of the account leave (docs/decisions.md, "The pacer estimates what the account admits"). One
 * queue released in order at 97 % of the rate, never more than the rate in any 1,020 ms of real sends; a QPS
 * 429 lowers the rate towards what the account admitted, a run of 5xx by a fifth; clean answers raise it again.
 */
import { ConfigurationError, RateLimitError, ServerError, ZoomApiError } from "./errors.js";
import { type AccountPlan, rateLimitsByPlan } from "./generated/operations.js";
import { MAX_TIMER_MS, type Throttle } from "./options.js";

export type { AccountPlan };

const HEADROOM = 0.97;
const BUCKET_MS = 10;
/** How far behind its schedule the pacer may fall and still make the slots up. */
const CATCH_UP_MS = 50;
const SEND_WINDOW_MS = 1020;
/** The 429s of attempts sent before a decrease took effect say nothing new: one decrease per second. */
const DECREASE_EVERY_MS = 1000;
/** After a decrease, the rate holds this long before it rises again. */
const HOLD_MS = 2000;
const GENTLEST_CUT = 0.97;
const DEEPEST_CUT = 0.5;
const SERVER_ERROR_CUT = 0.8;
const SERVER_ERROR_SPAN_MS = 2000;
const RETRY_DELAY_MS = 100;
const RATE_LIMITED_RETRY_DELAY_MS = 1000;
/** The slowest rate whose interval between slots a timer can hold (the pacer never goes below its ceiling or 1/s). */
const MIN_RATE = 1000 / (HEADROOM * MAX_TIMER_MS);

/** The clock a pacer reads and waits on; injectable so tests can drive it. @group Pacing */
export interface PacerClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock. */
  wait(ms: number): Promise<void>;
}

/** What `createPacer` takes. @group Pacing */
export interface PacerOptions {
  /** The ceiling of the `Light` label (creates, reads of one group, updates, deletes): attempts per second. */
  rate?: number;
  /** Ceilings per rate-limit label (`{ Light: 30, Medium: 20 }`); a label left out takes `accountPlan`'s. */
  rates?: Readonly<Partial<Record<string, number>>>;
  /** The account's plan, for the labels `rate` and `rates` leave out (Zoom's table). Default `pro`. */
  accountPlan?: AccountPlan;
  /** Default: `performance.now()` and `setTimeout`. */
  clock?: PacerClock;
}

/** What one label's budget has learnt of the account. @group Pacing */
export interface PacerBudget {
  /** The label's ceiling. */
  readonly ceiling: number;
  /** The attempts per second it allows now (at most `ceiling`). */
  readonly rate: number;
  /** The 429 answers it heard of. */
  readonly rateLimitedAnswers: number;
  /** Milliseconds from its creation to its first decrease; undefined while it never lowered its rate. */
  readonly adaptedAtMs: number | undefined;
  /** Its mean rate since it first lowered it (the ceiling while it never did). */
  readonly settledRate: number;
}

/**
 * A `throttle` for one or many clients: one adaptive budget per rate-limit label, as Zoom counts them, so
 * member listings (Medium) never slow creates (Light). Its own `rate`, `ceiling`… are the Light budget's. @group Pacing
 */
export interface Pacer extends Throttle, PacerBudget {
  /** Resolves when the caller may send under `label` (default `Light`); rejects if `signal` aborts first. */
  wait(signal?: AbortSignal, label?: string): Promise<void>;
  /** Hears how an attempt under `label` ended: `undefined` when it succeeded, else its failure (a 429 as a `RateLimitError`). */
  settled(failure: unknown, label?: string): void;
  /** A retry waits 100 ms (what Zoom asked after a Retry-After, a second at most after a 429), then a slot. */
  retryDelayMs(failure: unknown, proposedMs: number): number;
  /** The budget of a label. */
  budget(label: string): PacerBudget;
}

/**
 * A pacer to share one account's rate limits among every call of a process: give the same one as `throttle`
 * to every client. Each label's budget lowers its rate when Zoom answers 429 (other apps use the account
 * too) and raises it again up to its ceiling while answers come back clean; a retry takes a slot like any attempt.
 * @group Pacing
 * @example
 * const pacer = createPacer({ accountPlan: "business" }); // 80/s Light, 60/s Medium
 * const zoom = createImGroupsClient({ accessToken, throttle: pacer });
 * await Promise.all(names.map((name) => zoom.createImGroup({ name })));
 */
export function createPacer(options: PacerOptions): Pacer {
  const plan = options?.accountPlan ?? "pro";
  const table: Readonly<Record<string, number>> | undefined = rateLimitsByPlan[plan];
  if (!table)
    throw new ConfigurationError(
      `createPacer: accountPlan must be one of ${Object.keys(rateLimitsByPlan).join(", ")} (got ${String(plan)})`,
    );
  const ceilings = { ...table, ...options.rates } as Record<string, number>;
  if (options.rate !== undefined) ceilings.Light = options.rate;
  for (const [label, rate] of Object.entries(ceilings))
    if (typeof rate !== "number" || !Number.isFinite(rate) || rate < MIN_RATE)
      throw new ConfigurationError(
        `createPacer: ${label === "Light" ? "rate" : `the ${label} rate`} must be a number of attempts per second of at least ${MIN_RATE.toPrecision(2)}, the slowest whose interval a timer holds (got ${rate})`,
      );
  const clock = options.clock ?? realClock;
  const budgets = new Map<string, AdaptivePacer>();
  const budget = (label = "Light") => {
    const found = budgets.get(label) ?? new AdaptivePacer(ceilings[label] ?? ceilings.Light ?? 1, clock);
    budgets.set(label, found);
    return found;
  };
  const light = budget();
  const pacer: Pick<Pacer, "wait" | "settled" | "retryDelayMs" | "budget"> = {
    wait: (signal, label) => budget(label).wait(signal),
    settled: (failure, label) => budget(label).settled(failure),
    retryDelayMs: (failure, proposedMs) => light.retryDelayMs(failure, proposedMs),
    budget,
  };
  for (const key of ["ceiling", "rate", "rateLimitedAnswers", "adaptedAtMs", "settledRate"] as const)
    Object.defineProperty(pacer, key, { get: () => light[key], enumerable: true });
  return pacer as Pacer;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface Waiter {
  resolve(): void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** Events of the last `spanMs`, counted in 10 ms buckets: memory does not depend on the rate. */
class Recent {
  readonly #buckets: Uint32Array;
  #total = 0;
  #newest = 0;
  constructor(spanMs: number) {
    this.#buckets = new Uint32Array(Math.ceil(spanMs / BUCKET_MS));
  }
  count(now: number): number {
    const size = this.#buckets.length;
    const bucket = Math.floor(now / BUCKET_MS);
    for (let b = Math.max(this.#newest + 1, bucket - size + 1); b <= bucket; b++) {
      this.#total -= this.#buckets[b % size] as number;
      this.#buckets[b % size] = 0;
    }
    this.#newest = Math.max(this.#newest, bucket);
    return this.#total;
  }
  add(now: number): void {
    this.count(now);
    const at = this.#newest % this.#buckets.length;
    this.#buckets[at] = (this.#buckets[at] as number) + 1;
    this.#total++;
  }
  /** How many counts it keeps: fixed by the span, whatever the rate. */
  get size(): number {
    return this.#buckets.length;
  }
  /** When the oldest event counted leaves the span. */
  oldestLeavesAt(now: number): number {
    const size = this.#buckets.length;
    const bucket = Math.floor(now / BUCKET_MS);
    for (let b = bucket - size + 1; b <= bucket; b++)
      if ((this.#buckets[((b % size) + size) % size] as number) > 0) return (b + size) * BUCKET_MS;
    return now;
  }
}

/** Exported for tests, which count its slots; not from the package. */
export class AdaptivePacer implements PacerBudget {
  rateLimitedAnswers = 0;
  adaptedAtMs: number | undefined;
  #rate: number;
  readonly #queue: Waiter[] = [];
  #head = 0;
  #timerSet = false;
  #lastSlot = Number.NEGATIVE_INFINITY;
  readonly #sends = new Recent(SEND_WINDOW_MS);
  /** Answers that were not 429 (nor 5xx): what the account admitted of this pacer's attempts. */
  readonly #admitted = new Recent(DECREASE_EVERY_MS);
  readonly #answers = new Recent(SERVER_ERROR_SPAN_MS);
  readonly #serverErrors = new Recent(SERVER_ERROR_SPAN_MS);
  #lastDecrease = Number.NEGATIVE_INFINITY;
  readonly #created: number;
  /** ∫ rate dt since the first decrease, up to #rateSince. */
  #rateIntegral = 0;
  #rateSince = 0;

  constructor(
    readonly ceiling: number,
    private readonly clock: PacerClock,
  ) {
    this.#rate = ceiling;
    this.#created = clock.now();
  }

  get rate(): number {
    return this.#rate;
  }

  /** For tests to count what it keeps: waiters its queue still references (released ones included), and
   * the counts of its record of recent sends. */
  get held(): { waiters: number; sendRecord: number } {
    return { waiters: this.#queue.length, sendRecord: this.#sends.size };
  }

  get settledRate(): number {
    if (this.adaptedAtMs === undefined) return this.ceiling;
    const now = this.clock.now();
    const span = now - this.#created - this.adaptedAtMs;
    return span > 0 ? (this.#rateIntegral + this.#rate * (now - this.#rateSince)) / span : this.#rate;
  }

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

  retryDelayMs(failure: unknown, proposedMs: number): number {
    // After a 429 the account's second is full: a retry waits for the next (a slot alone could come too soon).
    if (failure instanceof RateLimitError) return Math.min(proposedMs, RATE_LIMITED_RETRY_DELAY_MS);
    // A server that says when to come back (a 503's Retry-After) is asked no sooner.
    if (failure instanceof ZoomApiError && failure.headers.has("retry-after")) return proposedMs;
    return RETRY_DELAY_MS;
  }

  settled(failure: unknown): void {
    const now = this.clock.now();
    if (failure instanceof RateLimitError) {
      this.rateLimitedAnswers++;
      // A daily limit is not a rate: the caller stops.
      if (failure.isDailyLimit) return;
      const admitted = this.#admitted.count(now);
      this.#decrease(now, Math.max(DEEPEST_CUT * this.#rate, Math.min(GENTLEST_CUT * this.#rate, admitted)));
      return;
    }
    // No answer (a timeout, a lost connection) says nothing of the account's rate.
    if (failure !== undefined && !(failure instanceof ZoomApiError)) return;
    this.#answers.add(now);
    if (failure instanceof ServerError) {
      this.#serverErrors.add(now);
      const answers = this.#answers.count(now);
      if (answers >= 10 && this.#serverErrors.count(now) * 2 >= answers)
        this.#decrease(now, SERVER_ERROR_CUT * this.#rate);
      return;
    }
    this.#admitted.add(now);
    if (now - this.#lastDecrease >= HOLD_MS && this.#rate < this.ceiling)
      this.#setRate(now, Math.min(this.ceiling, this.#rate + this.ceiling / 60 / this.#rate));
  }

  #decrease(now: number, to: number): void {
    if (now - this.#lastDecrease < DECREASE_EVERY_MS) return;
    this.#lastDecrease = now;
    if (this.adaptedAtMs === undefined) {
      this.adaptedAtMs = now - this.#created;
      this.#rateSince = now;
    }
    this.#setRate(now, Math.max(Math.min(1, this.ceiling), to));
  }

  #setRate(now: number, rate: number): void {
    if (this.adaptedAtMs !== undefined) {
      this.#rateIntegral += this.#rate * (now - this.#rateSince);
      this.#rateSince = now;
    }
    this.#rate = rate;
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
      const interval = 1000 / (this.#rate * HEADROOM);
      const next = this.#lastSlot + interval;
      const windowFull = this.#sends.count(now) >= Math.max(1, Math.floor(this.#rate));
      const at = Math.max(next, windowFull ? this.#sends.oldestLeavesAt(now) : now);
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
      this.#lastSlot = next > now - Math.max(CATCH_UP_MS, interval) ? next : now;
      this.#sends.add(now);
      waiter.resolve();
    }
  }
}

/** A waiter that left the queue (its signal aborted): skipped when its turn comes. */
const CANCELLED: Waiter = { resolve: () => {}, signal: undefined, onAbort: () => {} };
