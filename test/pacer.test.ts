/**
 * The pacer (`createPacer`, the bulk runner's throttle), on a simulated clock: it uses the rate it is given,
 * never exceeds it, and adapts it to what the account admits. Figures at real latency come from `npm run bench`.
 */
import { describe, expect, test } from "vitest";
import { createImGroupsClient, createPacer, RateLimitError, ServerError } from "../src/index.ts";
import { AdaptivePacer } from "../src/pacer.ts";

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
  const pacer = createPacer({ rate, clock });
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

test("a caller whose signal aborts leaves at once with its reason; the others keep their turns", async () => {
  const clock = simulated();
  const pacer = createPacer({ rate: 10, clock });
  await clock.drive(pacer.wait());
  const stop = new AbortController();
  const times: number[] = [];
  const first = pacer.wait().then(() => times.push(clock.t));
  const stopped = pacer.wait(stop.signal);
  const third = pacer.wait().then(() => times.push(clock.t));
  stop.abort(new Error("stopped"));
  await expect(stopped).rejects.toThrow("stopped");
  await clock.drive(Promise.all([first, third]));
  // Two slots of 1000/(10 × 0.97) ms, not three: the aborted caller's turn was skipped.
  expect(times[1]).toBeCloseTo(2 * (1000 / 9.7), 6);
});

test("what it holds does not depend on the rate: one timer at a time, a fixed send record, no waiter kept once released", async () => {
  async function holdings(rate: number) {
    const clock = simulated();
    let timers = 0;
    let mostTimers = 0;
    const wait = clock.wait;
    clock.wait = (ms) => {
      mostTimers = Math.max(mostTimers, ++timers);
      return wait(ms).finally(() => timers--);
    };
    // One label's budget: what createPacer keeps per label.
    const pacer = new AdaptivePacer(rate, clock);
    let mostWaitersOneByOne = 0;
    for (let i = 0; i < 1000; i++) {
      await clock.drive(pacer.wait());
      mostWaitersOneByOne = Math.max(mostWaitersOneByOne, pacer.held.waiters);
    }
    const atOnce = Array.from({ length: 3000 }, () => pacer.wait());
    const queuedAtOnce = pacer.held.waiters;
    await clock.drive(Promise.all(atOnce));
    return { mostTimers, mostWaitersOneByOne, queuedAtOnce, waitersAfter: pacer.held.waiters, ...pacer.held };
  }
  const slowest = await holdings(1);
  const fastest = await holdings(1_000_000_000);
  expect(fastest).toEqual(slowest);
  // 1,020 ms of sends in 10 ms counts, at 1/s as at 10⁹/s.
  expect(fastest).toMatchObject({ mostTimers: 1, mostWaitersOneByOne: 0, waitersAfter: 0, sendRecord: 102 });
});

test.each([1e-7, 4.7e-7, 0, Number.NaN])(
  "a rate whose interval no timer holds (%s/s) is refused at creation, as timeoutMs is",
  (rate) => {
    expect(() => createPacer({ rate })).toThrow(/createPacer: rate must be .* at least 4\.8e-7/);
  },
);

test("the slowest rate a timer holds is accepted and its wait is one timer", async () => {
  const waits: number[] = [];
  const clock = {
    now: () => 0,
    wait: (ms: number) => {
      waits.push(ms);
      return new Promise<void>(() => {});
    },
  };
  const pacer = createPacer({ rate: 5e-7, clock });
  await pacer.wait(new AbortController().signal);
  void pacer.wait(new AbortController().signal);
  expect(waits).toHaveLength(1);
  expect(waits[0]).toBeLessThanOrEqual(2 ** 31 - 1);
});

describe("the control law: --rate is a ceiling, the rate follows what the account admits", () => {
  const answer = (status: number, type = "QPS") =>
    status === 429
      ? new RateLimitError({
          status,
          body: "",
          headers: new Headers({
            "x-ratelimit-type": type,
            "retry-after": type === "QPS" ? "1" : "2099-01-01T00:00:00Z",
          }),
          method: "POST",
          url: "u",
        })
      : new ServerError({ status, body: "", headers: new Headers(), method: "POST", url: "u" });

  /** A pacer at `rate` on a simulated clock, and `clean(n, overMs)`: n answers that were not 429, spread over overMs. */
  function pacerAt(rate: number) {
    const clock = simulated();
    const pacer = createPacer({ rate, clock });
    const clean = (n: number, overMs = 1000) => {
      for (let i = 0; i < n; i++) {
        clock.t += overMs / n;
        pacer.settled(undefined);
      }
    };
    return { clock, pacer, clean };
  }

  test("a QPS 429 lowers the rate to what the account admitted in the last second", () => {
    const { pacer, clean } = pacerAt(30);
    clean(20);
    pacer.settled(answer(429));
    expect(pacer.rate).toBe(20);
    expect(pacer.rateLimitedAnswers).toBe(1);
    expect(pacer.adaptedAtMs).toBe(1000);
  });

  test("…by 3 % at least and by half at most", () => {
    const gentle = pacerAt(30);
    gentle.clean(40);
    gentle.pacer.settled(answer(429));
    expect(gentle.pacer.rate).toBeCloseTo(29.1, 9);
    const deep = pacerAt(30);
    deep.clean(3);
    deep.pacer.settled(answer(429));
    expect(deep.pacer.rate).toBe(15);
  });

  test("one decrease a second: the 429s of attempts sent before it took effect lower nothing more", () => {
    const { clock, pacer } = pacerAt(32);
    pacer.settled(answer(429));
    clock.t += 999;
    pacer.settled(answer(429));
    expect(pacer.rate).toBe(16);
    clock.t += 1;
    pacer.settled(answer(429));
    expect(pacer.rate).toBe(8);
    expect(pacer.rateLimitedAnswers).toBe(3);
  });

  test("the floor: 429s with nothing admitted halve the rate down to 1/s, never below", () => {
    const { clock, pacer } = pacerAt(30);
    for (let second = 0; second < 10; second++) {
      pacer.settled(answer(429));
      clock.t += 1000;
    }
    expect(pacer.rate).toBe(1);
    const slow = pacerAt(0.5);
    slow.pacer.settled(answer(429));
    expect(slow.pacer.rate).toBe(0.5);
  });

  test("clean answers raise the rate after two quiet seconds, by ceiling/60 a second, up to the ceiling", () => {
    const { pacer, clean } = pacerAt(30);
    clean(15);
    pacer.settled(answer(429));
    expect(pacer.rate).toBe(15);
    clean(30, 1990); // within two seconds of the decrease: held
    expect(pacer.rate).toBe(15);
    clean(150, 10_000); // 15 answers a second at about 15/s: half a request per second more each second
    expect(pacer.rate).toBeGreaterThan(19);
    expect(pacer.rate).toBeLessThan(21);
    clean(3000, 60_000);
    expect(pacer.rate).toBe(30); // the ceiling, not above
    expect(pacer.settledRate).toBeGreaterThan(15);
    expect(pacer.settledRate).toBeLessThan(30);
  });

  test("a daily-limit 429 is counted but lowers nothing: the caller stops", () => {
    const { pacer } = pacerAt(30);
    pacer.settled(answer(429, "Daily-limit"));
    expect(pacer.rate).toBe(30);
    expect(pacer.rateLimitedAnswers).toBe(1);
    expect(pacer.adaptedAtMs).toBeUndefined();
  });

  test("5xx on half the answers of the last two seconds slows everyone by a fifth; 30 % 5xx slow nobody", () => {
    const noisy = pacerAt(30);
    for (let i = 0; i < 100; i++) {
      noisy.clock.t += 33;
      noisy.pacer.settled(i % 10 < 3 ? answer(503) : undefined);
    }
    expect(noisy.pacer.rate).toBe(30);
    const struggling = pacerAt(30);
    for (let i = 0; i < 20; i++) {
      struggling.clock.t += 33;
      struggling.pacer.settled(i % 2 === 0 ? answer(503) : undefined);
    }
    expect(struggling.pacer.rate).toBe(24);
  });

  test("a retry waits 100 ms; after a 429 what Zoom asked, a second at most; after a 503's Retry-After, what it asked", () => {
    const { pacer } = pacerAt(30);
    expect(pacer.retryDelayMs(answer(503), 4_000)).toBe(100);
    expect(pacer.retryDelayMs(new Error("socket hang up"), 500)).toBe(100);
    expect(pacer.retryDelayMs(answer(429), 500)).toBe(500);
    expect(pacer.retryDelayMs(answer(429), 30_000)).toBe(1000);
    const asked = new ServerError({
      status: 503,
      body: "",
      headers: new Headers({ "retry-after": "3" }),
      method: "POST",
      url: "u",
    });
    expect(pacer.retryDelayMs(asked, 3_000)).toBe(3_000);
  });

  test("a lower rate spaces the slots further apart at once; a timeout or lost connection changes nothing", async () => {
    const { clock, pacer, clean } = pacerAt(30);
    pacer.settled(new Error("socket hang up"));
    expect(pacer.rate).toBe(30);
    clean(10);
    pacer.settled(answer(429));
    expect(pacer.rate).toBe(15);
    const sends: number[] = [];
    await clock.drive(
      (async () => {
        for (let i = 0; i < 20; i++) {
          await pacer.wait();
          sends.push(clock.t);
        }
      })(),
    );
    expect((sends.at(-1) as number) - (sends[1] as number)).toBeCloseTo((18 * 1000) / (15 * 0.97), 6);
  });

  test("beside another app taking 15 of a 30/s account, it settles near the 15 left with few 429s", async () => {
    const clock = simulated();
    const pacer = createPacer({ rate: 30, clock });
    const capacity = 15; // what the account leaves, per fixed second
    const used = new Map<number, number>();
    let limited = 0;
    let attempts = 0;
    let rows = 300;
    const admittedAt: number[] = [];
    const row = async () => {
      for (;;) {
        await pacer.wait();
        attempts++;
        const second = Math.floor(clock.t / 1000);
        const admitted = (used.get(second) ?? 0) < capacity;
        if (admitted) used.set(second, (used.get(second) ?? 0) + 1);
        await clock.pause(100); // the answer's latency
        if (admitted) {
          pacer.settled(undefined);
          admittedAt.push(clock.t);
          return;
        }
        limited++;
        pacer.settled(answer(429));
        await clock.pause(pacer.retryDelayMs(answer(429), 1000));
      }
    };
    const worker = async () => {
      while (rows-- > 0) await row();
    };
    await clock.drive(Promise.all(Array.from({ length: 60 }, worker)));
    expect(admittedAt).toHaveLength(300);
    expect(limited / attempts).toBeLessThanOrEqual(0.1);
    // Admitted per second over the run, as a share of the 15 left.
    expect(300 / ((admittedAt.at(-1) as number) / 1000) / capacity).toBeGreaterThanOrEqual(0.8);
    expect(pacer.settledRate).toBeLessThan(17);
  });
});

test("clients that share one pacer share its rate: two clients at once send no faster than one", async () => {
  const clock = simulated();
  const pacer = createPacer({ rate: 10, clock });
  const sends: number[] = [];
  const fetch = async () => {
    sends.push(clock.t);
    return Response.json({ id: "g1", name: "n" }, { status: 201 });
  };
  const clients = [1, 2].map(() => createImGroupsClient({ accessToken: "token", fetch, throttle: pacer }));
  const calls = clients.flatMap((client, c) =>
    Array.from({ length: 10 }, (_, i) => client.createImGroup({ name: `client ${c} group ${i}` })),
  );
  await clock.drive(Promise.all(calls));
  expect(sends).toHaveLength(20);
  expect(busiestSecond(sends)).toBeLessThanOrEqual(10);
  expect(sends.at(-1)).toBeCloseTo((19 * 1000) / 9.7, 6);
});
