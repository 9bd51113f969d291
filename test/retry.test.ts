/**
 * Retries, Retry-After, backoff, timeouts and aborts. Waits run on fake timers: the suite stays fast and
 * deterministic however busy the machine is.
 */
import { HttpResponse, http } from "msw";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  type BadRequestError,
  type CommonOptions,
  createImGroupsClient,
  GroupNameConflictError,
  RateLimitError,
  ServerError,
  type Throttle,
  ZoomConnectionError,
  ZoomTimeoutError,
} from "../src/index.ts";
import { backoffMs } from "../src/retry.ts";
import { retryAfterAt } from "../src/retry-after.ts";
import { ENDPOINT, parsedRequestBody, TOKEN, useMswServer } from "./support/msw.ts";

const { server, requests, respondWith } = useMswServer();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  vi.setSystemTime(new Date("2026-11-28T12:00:00Z"));
  vi.spyOn(Math, "random").mockReturnValue(0); // no jitter: backoff is exactly 0.5 s · 2ⁿ
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const created = () => Response.json({ id: "g1" }, { status: 201 });
const rateLimited = (headers: Record<string, string>) =>
  Response.json({ code: 429, message: "Too many requests." }, { status: 429, headers });

function client(options: CommonOptions = {}) {
  return createImGroupsClient({ accessToken: TOKEN, ...options });
}

/** Starts a call and records how it settles, so the test can move the clock in between. */
function start(promise: Promise<unknown>) {
  const state: { settled: boolean; value?: unknown; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

async function waitedFor(ms: number, state: { settled: boolean }): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms - 1);
  expect(state.settled, `settled before ${ms} ms`).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
}

describe("429 with Retry-After", () => {
  test.each([
    ["seconds", "2", 2_000],
    ["an HTTP date", "Sat, 28 Nov 2026 12:00:03 GMT", 3_000],
    ["an ISO-8601 timestamp", "2026-11-28T12:00:04Z", 4_000],
  ])("%s: waits exactly as told, then succeeds", async (_label, retryAfter, ms) => {
    respondWith(rateLimited({ "Retry-After": retryAfter, "X-RateLimit-Type": "QPS" }), created());
    const call = start(client().createImGroup({ name: "Design" }));
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    await waitedFor(ms, call);
    expect(call).toMatchObject({ settled: true, value: { id: "g1" } });
    expect(requests).toHaveLength(2);
  });
});

test("without Retry-After a 429 backs off 0.5 s · 2ⁿ", async () => {
  respondWith(rateLimited({}), rateLimited({}), created());
  const call = start(client().createImGroup({ name: "Design" }));
  await vi.advanceTimersByTimeAsync(0);
  await waitedFor(500, call);
  expect(requests).toHaveLength(2);
  await waitedFor(1_000, call);
  expect(call).toMatchObject({ settled: true, value: { id: "g1" } });
});

test("backoff is capped at 8 s with at most 25 % jitter", () => {
  expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffMs(n))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  vi.spyOn(Math, "random").mockReturnValue(0.999_999);
  expect(backoffMs(4)).toBe(6000);
});

describe("Retry-After is read by its grammar, anything else is ignored", () => {
  const now = Date.parse("2026-11-28T12:00:00.000Z");
  test.each([
    ["delta-seconds", "120", now + 120_000],
    ["zero seconds", "0", now],
    ["an IMF-fixdate", "Sat, 28 Nov 2026 12:00:30 GMT", now + 30_000],
    ["an RFC 850 date", "Saturday, 28-Nov-26 12:00:30 GMT", now + 30_000],
    ["an asctime date", "Sat Nov 28 12:00:30 2026", now + 30_000],
    ["an asctime date with a one-digit day", "Sun Nov  6 08:49:37 1994", Date.parse("1994-11-06T08:49:37Z")],
    ["Zoom's ISO-8601 timestamp", "2099-01-01T00:00:00Z", Date.parse("2099-01-01T00:00:00Z")],
    ["an ISO-8601 timestamp with an offset", "2026-11-28T14:00:30+02:00", now + 30_000],
    ["a date in the past (waits nothing)", "Sat, 28 Nov 2026 11:00:00 GMT", now - 3_600_000],
  ])("%s: %j", (_label, value, at) => {
    expect(retryAfterAt(value, now)).toBe(at);
  });

  test.each([
    ["a negative number", "-5"],
    ["more seconds than a Date can hold", "9000000000000"],
    ["a fraction", "1.5"],
    ["a word", "soon"],
    ["an empty value", ""],
    ["31 February", "Tue, 31 Feb 2026 12:00:00 GMT"],
    ["25 o'clock", "2026-11-28T25:00:00Z"],
    ["a month that is not one", "2026-13-01T00:00:00Z"],
    ["a date without its zone", "2026-11-28T12:00:00"],
  ])("%s (%j) is ignored", (_label, value) => {
    expect(retryAfterAt(value, now)).toBeUndefined();
  });
  test("no header is no time", () => {
    expect(retryAfterAt(null, now)).toBeUndefined();
  });

  test.each(["-5", "9000000000000", "soon"])(
    "a 429 with Retry-After %j builds its error and backs off by default",
    async (retryAfter) => {
      respondWith(rateLimited({ "Retry-After": retryAfter, "X-RateLimit-Type": "QPS" }), created());
      const call = start(client().createImGroup({ name: "Design" }));
      await vi.advanceTimersByTimeAsync(0);
      await waitedFor(500, call);
      expect(call).toMatchObject({ settled: true, value: { id: "g1" } });
    },
  );

  test("a Daily-limit 429 is a daily limit whatever its Retry-After says: never retried", async () => {
    respondWith(rateLimited({ "X-RateLimit-Type": "Daily-limit", "Retry-After": "9000000000000" }), created());
    const error = await client()
      .createImGroup({ name: "Design" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).isDailyLimit).toBe(true);
    expect((error as RateLimitError).retryAfter).toBeUndefined();
    expect((error as Error).message).toContain("daily limit");
    expect(requests).toHaveLength(1);
  });
});

test("a daily limit rejects at once with retryAfter, never sleeping", async () => {
  respondWith(rateLimited({ "X-RateLimit-Type": "Daily-limit", "Retry-After": "2026-11-29T00:00:00Z" }), created());
  const error = await client()
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RateLimitError);
  expect((error as RateLimitError).rateLimitType).toBe("Daily-limit");
  expect((error as RateLimitError).retryAfter?.toISOString()).toBe("2026-11-29T00:00:00.000Z");
  expect(requests).toHaveLength(1);
});

test("a Retry-After beyond maxRetryDelayMs rejects at once", async () => {
  respondWith(rateLimited({ "Retry-After": "120" }), created());
  const error = await client({ maxRetryDelayMs: 60_000 })
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RateLimitError);
  expect(requests).toHaveLength(1);
});

test("5xx is retried; after maxRetries the last error surfaces", async () => {
  respondWith(Response.json({ code: 500, message: "Internal" }, { status: 503 }));
  const call = start(client({ maxRetries: 2 }).createImGroup({ name: "Design" }));
  await vi.advanceTimersByTimeAsync(500 + 1000);
  expect(call.error).toBeInstanceOf(ServerError);
  expect(requests).toHaveLength(3);
});

test("a retry resends the same fields in the same encoding", async () => {
  respondWith(Response.json({ code: 500, message: "Internal" }, { status: 503 }), created());
  const call = start(client({ maxRetries: 1 }).createImGroup({ name: "Design ✓", search_by_domain: true }));
  await vi.advanceTimersByTimeAsync(500);
  expect(call).toMatchObject({ settled: true, value: { id: "g1" } });
  const [first, second] = requests as [Request, Request];
  expect(first.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=\S+$/);
  expect(second.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=\S+$/);
  expect((await parsedRequestBody(second)).fields).toEqual((await parsedRequestBody(first)).fields);
  expect((await parsedRequestBody(first)).fields).toEqual([
    ["name", "Design ✓"],
    ["search_by_domain", "true"],
  ]);
});

test("a connection failure is retried", async () => {
  respondWith(() => HttpResponse.error() as unknown as Response, created());
  const call = start(client().createImGroup({ name: "Design" }));
  await vi.advanceTimersByTimeAsync(500);
  expect(call).toMatchObject({ settled: true, value: { id: "g1" } });
  expect(requests).toHaveLength(2);
});

test("maxRetries: 0 surfaces a connection failure as ZoomConnectionError with its cause", async () => {
  respondWith(() => HttpResponse.error() as unknown as Response);
  const error = await client({ maxRetries: 0 })
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ZoomConnectionError);
  expect((error as Error).cause).toBeInstanceOf(Error);
  expect((error as Error).message).toContain(`POST ${ENDPOINT} failed`);
});

describe("create is not idempotent", () => {
  test("a 409 after a retried 5xx says the earlier attempt probably created the group", async () => {
    const conflict = Response.json({ code: 4132, message: "Group name Design is already in use." }, { status: 409 });
    respondWith(Response.json({ code: 500, message: "Internal" }, { status: 502 }), conflict);
    const call = start(client().createImGroup({ name: "Design" }));
    await vi.advanceTimersByTimeAsync(500);
    expect(call.error).toBeInstanceOf(GroupNameConflictError);
    expect((call.error as GroupNameConflictError).mayHaveChanged).toBe(true);
    expect((call.error as Error).message).toContain("that attempt probably created the group");
  });

  test("a 409 after a retried 429 does not: a 429 created nothing", async () => {
    const conflict = Response.json({ code: 4132, message: "Group name Design is already in use." }, { status: 409 });
    respondWith(rateLimited({ "Retry-After": "1" }), conflict);
    const call = start(client().createImGroup({ name: "Design" }));
    await vi.advanceTimersByTimeAsync(1000);
    expect((call.error as GroupNameConflictError).mayHaveChanged).toBe(false);
  });
});

describe("abort", () => {
  test("during a backoff wait: rejects at once with AbortError, nothing more is sent", async () => {
    respondWith(Response.json({ code: 500, message: "Internal" }, { status: 500 }), created());
    const controller = new AbortController();
    const call = start(client().createImGroup({ name: "Design" }, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(100);
    expect(call.settled).toBe(false);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(call.settled).toBe(true);
    expect((call.error as Error).name).toBe("AbortError");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(1);
  });

  test("an already aborted signal sends nothing", async () => {
    respondWith(created());
    const error = await client()
      .createImGroup({ name: "Design" }, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(requests).toHaveLength(0);
  });

  test("during a request that hangs", async () => {
    server.use(http.post(ENDPOINT, () => new Promise<never>(() => {})));
    const controller = new AbortController();
    const call = start(
      client({ fetch: hangingFetch }).createImGroup({ name: "Design" }, { signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect((call.error as Error).name).toBe("AbortError");
  });
});

/** A server that never answers: the request only ends when its signal aborts. */
function hangingFetch(request: Request): Promise<Response> {
  return new Promise((_resolve, reject) => {
    request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
  });
}

describe("timeouts", () => {
  test("an attempt with no answer fails with ZoomTimeoutError at timeoutMs", async () => {
    const call = start(
      client({ fetch: hangingFetch, timeoutMs: 5_000, maxRetries: 0 }).createImGroup({ name: "Design" }),
    );
    await waitedFor(5_000, call);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(ZoomTimeoutError);
    expect((call.error as ZoomTimeoutError).timeoutMs).toBe(5_000);
    expect((call.error as Error).message).toContain("no answer from Zoom within 5 s (per-attempt timeout)");
    expect((call.error as Error).message).not.toMatch(/timeoutMs/);
    expect((call.error as ZoomTimeoutError).mayHaveChanged).toBe(true);
  });

  test("timeouts are retried, each attempt with its own deadline", async () => {
    let calls = 0;
    const flaky = (request: Request) => (++calls === 1 ? hangingFetch(request) : Promise.resolve(created()));
    const call = start(client({ fetch: flaky, timeoutMs: 1_000 }).createImGroup({ name: "Design" }));
    await vi.advanceTimersByTimeAsync(1_000 + 500);
    expect(call).toMatchObject({ settled: true, value: { id: "g1" } });
    expect(calls).toBe(2);
  });
});

test("middleware runs on every attempt and the logger gets one line per attempt and decision", async () => {
  respondWith(Response.json({ code: 500, message: "Internal" }, { status: 500 }), created());
  const seen: string[] = [];
  const lines: string[] = [];
  const call = start(
    client({
      middleware: [{ onRequest: ({ request }) => void seen.push(request.method) }],
      logger: { debug: (line) => lines.push(`debug ${line}`), warn: (line) => lines.push(`warn ${line}`) },
    }).createImGroup({ name: "Design" }),
  );
  await vi.advanceTimersByTimeAsync(500);
  expect(call.settled).toBe(true);
  expect(seen).toEqual(["POST", "POST"]);
  expect(lines).toEqual([
    `warn imGroupCreate POST ${ENDPOINT} attempt 1 failed: ServerError HTTP 500 Zoom code 500; retrying in 500 ms`,
    `debug imGroupCreate POST ${ENDPOINT} attempt 2: HTTP 201`,
  ]);
});

describe("stopRetrying: a graceful stop (what bulk runs use for Ctrl-C and daily limits)", () => {
  const busy = () => Response.json({ code: 503, message: "busy" }, { status: 503, headers: { "Retry-After": "3" } });

  test("aborting it during a retry wait ends the wait at once; no further attempt; the call rejects with its failure", async () => {
    respondWith(busy(), created());
    const stop = new AbortController();
    const state = start(client({ maxRetries: 5 }).createImGroup({ name: "Stopped" }, { stopRetrying: stop.signal }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state.settled).toBe(false);
    expect(requests).toHaveLength(1);
    stop.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.settled).toBe(true);
    expect(state.error).toBeInstanceOf(ServerError);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(1);
  });

  test("aborted before the call: nothing is sent, the call rejects with the signal's reason", async () => {
    respondWith(created());
    const stop = new AbortController();
    const reason = new Error("stopped");
    stop.abort(reason);
    await expect(client().createImGroup({ name: "Never" }, { stopRetrying: stop.signal })).rejects.toBe(reason);
    expect(requests).toHaveLength(0);
  });

  test("an attempt on the wire finishes: its answer is the call's result", async () => {
    const stop = new AbortController();
    server.use(
      http.post(ENDPOINT, async () => {
        stop.abort(); // the stop arrives while Zoom is answering
        return HttpResponse.json({ id: "g-wire" }, { status: 201 });
      }),
    );
    const group = await client().createImGroup({ name: "On the wire" }, { stopRetrying: stop.signal });
    expect(group.id).toBe("g-wire");
  });

  test.each([
    ["not stopped: the token is renewed and the call repeated once", false, 2],
    ["stopped while the 401 comes back: no renewal, no repeat", true, 1],
  ])("a 401 with Server-to-Server OAuth, %s", async (_label, stopOnFirst, apiRequests) => {
    const stop = new AbortController();
    let tokens = 0;
    let api = 0;
    server.use(
      http.post("https://zoom.us/oauth/token", () => {
        tokens++;
        return HttpResponse.json({ access_token: `token-${tokens}`, token_type: "bearer", expires_in: 3599 });
      }),
      http.post(ENDPOINT, () => {
        api++;
        if (api > 1) return HttpResponse.json({ id: "g-renewed" }, { status: 201 });
        if (stopOnFirst) stop.abort();
        return HttpResponse.json({ code: 124, message: "Invalid access token." }, { status: 401 });
      }),
    );
    const call = createImGroupsClient({
      serverToServer: { accountId: "acct", clientId: "id", clientSecret: "secret" },
    }).createImGroup({ name: "Renewal" }, { stopRetrying: stop.signal });
    if (stopOnFirst) await expect(call).rejects.toMatchObject({ name: "AuthenticationError" });
    else await expect(call).resolves.toMatchObject({ id: "g-renewed" });
    expect(api).toBe(apiRequests);
  });
});

describe("mayHaveChanged: one flag, OR over the call's attempts", () => {
  test("a 5xx after its retries says the group may exist", async () => {
    respondWith(Response.json({ code: 500, message: "Internal" }, { status: 500 }));
    const call = start(client({ maxRetries: 1 }).createImGroup({ name: "Design" }));
    await vi.advanceTimersByTimeAsync(500);
    expect(call.error).toBeInstanceOf(ServerError);
    expect((call.error as ServerError).mayHaveChanged).toBe(true);
  });

  test("a timeout then a daily limit: the call's RateLimitError says the timed-out attempt may have created it", async () => {
    let calls = 0;
    const fetch = (request: Request) =>
      ++calls === 1
        ? hangingFetch(request)
        : Promise.resolve(rateLimited({ "X-RateLimit-Type": "Daily-limit", "Retry-After": "2026-11-29T00:00:00Z" }));
    const call = start(client({ fetch, timeoutMs: 1_000 }).createImGroup({ name: "Design" }));
    await vi.advanceTimersByTimeAsync(1_000 + 500);
    expect(call.error).toBeInstanceOf(RateLimitError);
    expect((call.error as RateLimitError).mayHaveChanged).toBe(true);
  });

  test("429s and 4xx alone created nothing", async () => {
    respondWith(rateLimited({ "Retry-After": "1" }), Response.json({ code: 300, message: "Bad" }, { status: 400 }));
    const call = start(client().createImGroup({ name: "Design" }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((call.error as Error).name).toBe("BadRequestError");
    expect((call.error as BadRequestError).mayHaveChanged).toBe(false);
  });
});

describe("throttle: awaited before every attempt, outside the attempt's timeout", () => {
  /** A throttle that opens one slot per `release()` (now, or for the next wait), recording the signals it was given. */
  function gate() {
    const waiting: (() => void)[] = [];
    const signals: AbortSignal[] = [];
    const limited: RateLimitError[] = [];
    const outcomes: unknown[] = [];
    let permits = 0;
    const throttle: Throttle = {
      wait: (signal) =>
        new Promise<void>((resolve, reject) => {
          signals.push(signal);
          if (permits > 0) {
            permits--;
            resolve();
            return;
          }
          waiting.push(resolve);
          signal.addEventListener("abort", () => reject(signal.reason), { once: true });
        }),
      settled: (failure) => {
        outcomes.push(failure);
        if (failure instanceof RateLimitError) limited.push(failure);
      },
    };
    const release = () => {
      const next = waiting.shift();
      if (next) next();
      else permits++;
    };
    return { throttle, release, signals, limited, outcomes, waiting: () => waiting.length };
  }

  test("every attempt, retries included, waits for a slot; nothing is sent before", async () => {
    const { throttle, release, waiting } = gate();
    respondWith(Response.json({ code: 500, message: "Internal" }, { status: 503 }), created());
    const call = start(client({ throttle }).createImGroup({ name: "Design" }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(0);
    expect(waiting()).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500); // the backoff, then the retry waits for its own slot
    expect(requests).toHaveLength(1);
    expect(waiting()).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toMatchObject({ settled: true, value: { id: "g1" } });
  });

  test("a long wait for a slot does not count against timeoutMs", async () => {
    const { throttle, release } = gate();
    respondWith(created());
    const call = start(client({ throttle, timeoutMs: 1_000, maxRetries: 0 }).createImGroup({ name: "Design" }));
    await vi.advanceTimersByTimeAsync(5_000);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toMatchObject({ settled: true, value: { id: "g1" } });
  });

  test("settled hears how every attempt ended: each 429, then the group as undefined", async () => {
    const { throttle, release, limited, outcomes } = gate();
    respondWith(rateLimited({ "Retry-After": "1", "X-RateLimit-Type": "QPS" }), rateLimited({}), created());
    const call = start(client({ throttle }).createImGroup({ name: "Design" }));
    for (let slot = 0; slot < 3; slot++) {
      release();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(call).toMatchObject({ settled: true, value: { id: "g1" } });
    expect(limited.map((error) => error.status)).toEqual([429, 429]);
    expect(limited[0]?.rateLimitType).toBe("QPS");
    expect(outcomes).toHaveLength(3);
    expect(outcomes[2]).toBeUndefined();
  });

  test("a throttle's retryDelayMs decides the wait before a retry; then the retry asks for its slot", async () => {
    const { throttle, release, waiting } = gate();
    respondWith(rateLimited({ "Retry-After": "30", "X-RateLimit-Type": "QPS" }), created());
    const call = start(
      client({ throttle: { ...throttle, retryDelayMs: () => 100 } }).createImGroup({ name: "Design" }),
    );
    release();
    await vi.advanceTimersByTimeAsync(99);
    expect(waiting()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting()).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toMatchObject({ settled: true, value: { id: "g1" } });
    expect(requests).toHaveLength(2);
  });

  test("stopRetrying during the first wait: nothing is sent, the call rejects with the stop's reason", async () => {
    const { throttle, signals } = gate();
    respondWith(created());
    const stop = new AbortController();
    const reason = new Error("stopped");
    const call = start(client({ throttle }).createImGroup({ name: "Design" }, { stopRetrying: stop.signal }));
    await vi.advanceTimersByTimeAsync(0);
    stop.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toMatchObject({ settled: true, error: reason });
    expect(signals[0]?.aborted).toBe(true);
    expect(requests).toHaveLength(0);
  });

  test("stopRetrying while a retry waits for its slot: no attempt starts, the call rejects with the last failure", async () => {
    const { throttle, release } = gate();
    respondWith(Response.json({ code: 500, message: "Internal" }, { status: 503 }), created());
    const stop = new AbortController();
    const call = start(client({ throttle }).createImGroup({ name: "Design" }, { stopRetrying: stop.signal }));
    release();
    await vi.advanceTimersByTimeAsync(500);
    expect(requests).toHaveLength(1);
    stop.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(ServerError);
    expect(requests).toHaveLength(1);
  });

  test("the call's signal aborts the wait: the call rejects with its reason", async () => {
    const { throttle, signals } = gate();
    const controller = new AbortController();
    const call = start(client({ throttle }).createImGroup({ name: "Design" }, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect((call.error as Error).name).toBe("AbortError");
    expect(signals[0]?.aborted).toBe(true);
    expect(requests).toHaveLength(0);
  });

  test("a throttle that ignores its signal cannot hold up a stopped call", async () => {
    const stop = new AbortController();
    const call = start(
      client({ throttle: { wait: () => new Promise(() => {}) } }).createImGroup(
        { name: "Design" },
        { stopRetrying: stop.signal },
      ),
    );
    await vi.advanceTimersByTimeAsync(0);
    stop.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(call.settled).toBe(true);
  });
});
