/** The bulk runner's pacer, on a simulated clock: it uses the rate it is given and never exceeds it. */
import { expect, onTestFinished, test, vi } from "vitest";
import { Pacer } from "../src/cli/bulk/pacer.ts";
import { RateLimitError } from "../src/index.ts";

/**
 * A discrete-event clock: a wait takes `ms` plus `lateBy()` (a timer firing late) of simulated time, and
 * time moves to the next timer only when nothing else can run. `drive` runs a simulation to its end.
 */
function simulated(lateBy: () => number = () => 0) {
  const timers: { at: number; resolve: () => void }[] = [];
  const clock = {
    t: 0,
    now: () => clock.t,
    wait: (ms: number) => new Promise<void>((resolve) => timers.push({ at: clock.t + ms + lateBy(), resolve })),
    /** A caller's own pause (not a timer of the pacer's: never late). */
    pause: (ms: number) => new Promise<void>((resolve) => timers.push({ at: clock.t + ms, resolve })),
    async drive<T>(simulation: Promise<T>): Promise<T> {
      let finished = false;
      void simulation.finally(() => {
        finished = true;
      });
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve)); // every promise chain runs first
        if (finished || timers.length === 0) return simulation;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift() as (typeof timers)[number];
        clock.t = Math.max(clock.t, next.at);
        next.resolve();
      }
    },
  };
  return clock;
}

/** The most sends in any one-second span [t, t + 1000). */
function busiestSecond(sends: number[]): number {
  let most = 0;
  for (let first = 0, last = 0; first < sends.length; first++) {
    while (last < sends.length && (sends[last] as number) < (sends[first] as number) + 1000) last++;
    most = Math.max(most, last - first);
  }
  return most;
}

/** `senders` callers taking `count` slots in all; `stallBefore(i)` ms pass before slot i is asked for. */
async function run(
  rate: number,
  count: number,
  options: { lateBy?: () => number; stallBefore?: (i: number) => number; senders?: number } = {},
) {
  const clock = simulated(options.lateBy);
  const pacer = new Pacer(rate, 60_000, clock);
  const sends: number[] = [];
  let asked = 0;
  const sender = async () => {
    while (asked < count) {
      const stall = options.stallBefore?.(asked) ?? 0;
      asked++;
      if (stall > 0) await clock.pause(stall);
      await pacer.wait();
      sends.push(clock.t);
    }
  };
  await clock.drive(Promise.all(Array.from({ length: options.senders ?? 1 }, sender)));
  sends.sort((a, b) => a - b);
  const perSecond = (sends.length - 1) / (((sends.at(-1) as number) - (sends[0] as number)) / 1000);
  return { pacer, sends, perSecond, busiest: busiestSecond(sends) };
}

test("slots are evenly spaced at 97 % of the rate when nothing is late", async () => {
  const { sends, perSecond, busiest } = await run(200, 1000);
  expect(perSecond).toBeCloseTo(194, 6);
  expect(busiest).toBeLessThanOrEqual(195);
  expect(new Set(sends.slice(1).map((t, i) => (t - (sends[i] as number)).toFixed(6))).size).toBe(1);
});

test.each([
  [30, 4],
  [80, 4],
  [200, 4],
  [300, 8],
  [30, 25],
  [1000, 2],
])("timers that fire late cost no throughput at %i/s (up to %i ms late)", async (rate, lateMs) => {
  let seed = 7;
  const lateBy = () => {
    seed = (seed * 16807) % 2147483647;
    return (seed / 2147483647) * lateMs; // as a busy event loop, or a 1 ms timer at 1,000/s, fires them
  };
  const { perSecond, busiest } = await run(rate, 10 * rate, { lateBy, senders: 50 });
  expect(perSecond / rate).toBeGreaterThan(0.95);
  expect(busiest).toBeLessThanOrEqual(rate);
});

test.each([
  [30, 17],
  [80, 40],
  [200, 150],
])("no second ever holds more than %i sends, whatever stalls (%i ms) bunch the callers", async (rate, stallMs) => {
  let i = 0;
  // Every 7th caller stalls: slots pile up, then everyone asks at once.
  const { busiest, sends } = await run(rate, 10 * rate, {
    stallBefore: () => (++i % 7 === 0 ? stallMs : 0),
    senders: 40,
  });
  expect(busiest).toBeLessThanOrEqual(rate);
  // …and a stall never releases what it delayed as a burst: at most 50 ms (or one slot) of slots at once.
  const interval = 1000 / (rate * 0.97);
  const atOnce = Math.floor(Math.max(50, interval) / interval) + 2;
  expect(sends.slice(atOnce).every((t, k) => t > (sends[k] as number))).toBe(true);
});

test("a 429 holds every slot for its Retry-After; a daily limit holds nothing", async () => {
  // Retry-After is read against Date.now(): frozen, so no real time passes between the answer and the hold.
  vi.useFakeTimers({ toFake: ["Date"] });
  onTestFinished(() => {
    vi.useRealTimers();
  });
  const clock = simulated();
  const pacer = new Pacer(100, 60_000, clock);
  await clock.drive(pacer.wait());
  const headers = (type: string, retryAfter: string) =>
    new Headers({ "x-ratelimit-type": type, "retry-after": retryAfter });
  const limited = (type: string, retryAfter: string) =>
    new RateLimitError({ status: 429, body: "", headers: headers(type, retryAfter), method: "POST", url: "u" });
  pacer.rateLimited(limited("QPS", "2"));
  const heldFrom = clock.t;
  await clock.drive(pacer.wait());
  expect(clock.t - heldFrom).toBeGreaterThanOrEqual(1_990);
  // A Retry-After longer than the client waits (its call fails at once) holds the others a second, no more.
  pacer.rateLimited(limited("QPS", "Thu, 01 Jan 2099 00:00:00 GMT"));
  const farFrom = clock.t;
  await clock.drive(pacer.wait());
  expect(clock.t - farFrom).toBeGreaterThanOrEqual(990);
  expect(clock.t - farFrom).toBeLessThan(1_100);
  pacer.rateLimited(limited("Daily-limit", "2099-01-01T00:00:00Z"));
  const before = clock.t;
  await clock.drive(pacer.wait());
  expect(clock.t - before).toBeLessThan(20);
  expect(pacer.rateLimitedAnswers).toBe(3);
});

test("a caller whose signal aborts leaves at once with its reason; the others keep their turns", async () => {
  const clock = simulated();
  const pacer = new Pacer(10, 60_000, clock);
  await clock.drive(pacer.wait());
  const started = clock.t;
  const stop = new AbortController();
  const first = pacer.wait();
  const stopped = pacer.wait(stop.signal);
  const third = pacer.wait();
  stop.abort(new Error("stopped"));
  await expect(stopped).rejects.toThrow("stopped");
  await clock.drive(Promise.all([first, third]));
  // Two slots of 103 ms, not three: the aborted caller's turn was skipped.
  expect(clock.t - started).toBeCloseTo(2 * pacer.intervalMs, 6);
});

test("its memory does not depend on the rate", async () => {
  const before = process.memoryUsage().heapUsed;
  const clock = simulated();
  const pacer = new Pacer(1_000_000_000, 60_000, clock);
  for (let i = 0; i < 1000; i++) await clock.drive(pacer.wait());
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(8 * 1024 * 1024);
});
