/**
 * A caller's callbacks (token function, fetch, logger, throttle) are raced against the call's deadline and
 * signal and cannot change an outcome.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createImGroupsClient, ZoomTimeoutError } from "../src/index.ts";

const BASE_URL = "http://api.test/v2";
const created = async () => Response.json({ id: "g-1" }, { status: 201 });
const never = <T>() => new Promise<T>(() => {});

describe("a callback that never settles cannot hang the call", () => {
  // Deadlines and the backoff between attempts run on fake timers: nothing waits on the real clock.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  /** How `call` settles (its value or its rejection) once every pending timer has run. */
  async function onFakeTimers(call: Promise<unknown>): Promise<unknown> {
    const outcome = call.catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    return outcome;
  }

  test("a token function that never settles rejects with ZoomTimeoutError after timeoutMs", async () => {
    const client = createImGroupsClient({
      accessToken: () => never<string>(),
      timeoutMs: 30,
      fetch: created,
      baseUrl: BASE_URL,
    });
    expect(await onFakeTimers(client.createImGroup({ name: "Design" }))).toBeInstanceOf(ZoomTimeoutError);
  });

  test("a token function that never settles rejects with the signal's reason when it aborts", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    // The caller gives up once the token function is running (an event, not a time).
    const accessToken = () => {
      queueMicrotask(() => controller.abort(reason));
      return never<string>();
    };
    const client = createImGroupsClient({ accessToken, fetch: created, baseUrl: BASE_URL });
    const call = client.createImGroup({ name: "Design" }, { signal: controller.signal });
    await expect(call).rejects.toBe(reason);
  });

  test("a fetch that never settles (ignoring its signal) rejects with ZoomTimeoutError after timeoutMs", async () => {
    let calls = 0;
    const client = createImGroupsClient({
      accessToken: "token-0123456789",
      timeoutMs: 30,
      maxRetries: 1,
      baseUrl: BASE_URL,
      fetch: () => {
        calls++;
        return never<Response>();
      },
    });
    expect(await onFakeTimers(client.createImGroup({ name: "Design" }))).toBeInstanceOf(ZoomTimeoutError);
    expect(calls).toBe(2);
  });

  test("a fetch that never settles rejects with the signal's reason when it aborts", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const fetch = () => {
      queueMicrotask(() => controller.abort(reason));
      return never<Response>();
    };
    const client = createImGroupsClient({ accessToken: "token-0123456789", baseUrl: BASE_URL, fetch });
    const call = client.createImGroup({ name: "Design" }, { signal: controller.signal });
    await expect(call).rejects.toBe(reason);
  });

  test("a throttle whose wait never settles rejects with the signal's reason", async () => {
    const controller = new AbortController();
    const wait = () => {
      queueMicrotask(() => controller.abort(new Error("stop")));
      return never<void>();
    };
    const client = createImGroupsClient({
      accessToken: "token-0123456789",
      baseUrl: BASE_URL,
      fetch: created,
      throttle: { wait },
    });
    const call = client.createImGroup({ name: "Design" }, { signal: controller.signal });
    await expect(call).rejects.toThrow("stop");
  });
});

describe("a callback cannot change an outcome", () => {
  test("a logger whose debug throws: the created group still resolves", async () => {
    const client = createImGroupsClient({
      accessToken: "token-0123456789",
      baseUrl: BASE_URL,
      fetch: created,
      logger: {
        debug: () => {
          throw new Error("logger broke");
        },
        warn: () => {
          throw new Error("logger broke");
        },
      },
    });
    await expect(client.createImGroup({ name: "Design" })).resolves.toMatchObject({ id: "g-1" });
  });

  test("a logger that throws and rejects while retries happen: the retry and the result are unchanged", async () => {
    let calls = 0;
    const client = createImGroupsClient({
      accessToken: "token-0123456789",
      baseUrl: BASE_URL,
      fetch: async () =>
        ++calls === 1 ? new Response("busy", { status: 503, headers: { "retry-after": "0" } }) : created(),
      logger: {
        debug: () => Promise.reject(new Error("async logger broke")) as never,
        warn: () => Promise.reject(new Error("no")) as never,
      },
    });
    await expect(client.createImGroup({ name: "Design" })).resolves.toMatchObject({ id: "g-1" });
    expect(calls).toBe(2);
  });

  test("a throttle whose hooks throw: the 429 is still retried and the call succeeds", async () => {
    let calls = 0;
    const client = createImGroupsClient({
      accessToken: "token-0123456789",
      baseUrl: BASE_URL,
      fetch: async () =>
        ++calls === 1
          ? Response.json({ code: 429, message: "Too many" }, { status: 429, headers: { "retry-after": "0" } })
          : created(),
      throttle: {
        wait: async () => undefined,
        settled: () => {
          throw new Error("hook broke");
        },
        retryDelayMs: () => {
          throw new Error("hook broke too");
        },
      },
    });
    await expect(client.createImGroup({ name: "Design" })).resolves.toMatchObject({ id: "g-1" });
    expect(calls).toBe(2);
  });
});

test("the token is taken after the throttle's wait, so a long hold never sends a token older than it", async () => {
  const order: string[] = [];
  const client = createImGroupsClient({
    accessToken: () => {
      order.push("token");
      return "token-0123456789";
    },
    baseUrl: BASE_URL,
    fetch: async () => {
      order.push("fetch");
      return created();
    },
    throttle: {
      wait: async () => {
        await new Promise((resolve) => setImmediate(resolve));
        order.push("wait");
      },
    },
  });
  await client.createImGroup({ name: "Design" });
  expect(order).toEqual(["wait", "token", "fetch"]);
});

describe("a stop while the token is being fetched sends nothing", () => {
  test("Server-to-Server: stopRetrying during the token request ends the call; no create leaves", async () => {
    const sent: string[] = [];
    const stop = new AbortController();
    let answerToken: ((response: Response) => void) | undefined;
    const client = createImGroupsClient({
      serverToServer: { accountId: "a", clientId: "c", clientSecret: "secret-0123456789" },
      baseUrl: BASE_URL,
      fetch: (request) => {
        sent.push(new URL(request.url).pathname);
        if (request.url.includes("/oauth/token"))
          return new Promise<Response>((resolve) => {
            answerToken = resolve;
          });
        return created();
      },
    });
    const call = client.createImGroup({ name: "Design" }, { stopRetrying: stop.signal });
    await expect.poll(() => answerToken !== undefined).toBe(true);
    stop.abort(new Error("stopped"));
    answerToken?.(Response.json({ access_token: "token-0123456789", expires_in: 3600 }));
    await expect(call).rejects.toThrow("stopped");
    expect(sent).toEqual(["/oauth/token"]);
  });

  test("a token function that answers after the stop: the create is not sent", async () => {
    const sent: string[] = [];
    const stop = new AbortController();
    const client = createImGroupsClient({
      accessToken: async () => {
        stop.abort(new Error("stopped"));
        return "token-0123456789";
      },
      baseUrl: BASE_URL,
      fetch: async (request) => {
        sent.push(request.url);
        return created();
      },
    });
    await expect(client.createImGroup({ name: "Design" }, { stopRetrying: stop.signal })).rejects.toThrow("stopped");
    expect(sent).toEqual([]);
  });
});

test("an attempt that cannot be built after one that may have created the group still says it may have", async () => {
  let calls = 0;
  const client = createImGroupsClient({
    accessToken: "token-0123456789",
    baseUrl: BASE_URL,
    maxRetries: 1,
    middleware: [
      {
        onRequest: ({ request }) => {
          if (++calls === 2) throw new Error("middleware broke");
          return request;
        },
      },
    ],
    fetch: async () => Response.json({ code: 503, message: "busy" }, { status: 503, headers: { "retry-after": "0" } }),
  });
  const error = await client.createImGroup({ name: "Design" }).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: "ConfigurationError", mayHaveChanged: true });
  expect((error as Error).message).toContain("an earlier attempt may have changed the account");
});
