/**
 * The token endpoint's transient failures (5xx, 429, lost connections, timeouts) are retried once for every
 * call waiting on the single token request; only an answer every retry would meet (invalid_client) is fatal.
 * `expires_in` of 0, below 0 or absurd is clamped. Backoff and deadlines run on fake timers: the tests count
 * token requests, never wait on the real clock.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { AuthenticationError, createImGroupsClient, ZoomTimeoutError } from "../src/index.ts";
import { CLI_TOKEN, cli, csv, names, useCliWorkspace } from "./support/cli.ts";

const TOKEN_URL = "http://oauth.test/token";
const BASE_URL = "http://api.test/v2";
const credentials = { accountId: "acc-1", clientId: "client-1", clientSecret: "secret-canary-77", tokenUrl: TOKEN_URL };

/** A fetch playing both endpoints: the token endpoint answers per `tokenAnswers` (then 200), the API 201. */
function endpoints(tokenAnswers: (() => Promise<Response> | Response)[], expiresIn: unknown = 3599) {
  const counts = { token: 0, api: 0 };
  const fetch = async (request: Request) => {
    if (request.url === TOKEN_URL) {
      const answer = tokenAnswers[counts.token++];
      if (answer) return answer();
      return Response.json({ access_token: `tok-${counts.token}`, expires_in: expiresIn });
    }
    counts.api++;
    return Response.json({ id: `g-${counts.api}` }, { status: 201 });
  };
  return { fetch, counts };
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    new Response("busy", { status: code, headers });

/**
 * Settles `calls` with every fake timer (backoff, deadlines) run as soon as nothing else can: the outcome
 * waits for no real time. A rejection is returned, not thrown.
 */
async function settled<T>(...calls: Promise<T>[]): Promise<(T | unknown)[]> {
  const outcomes = Promise.all(calls.map((call) => call.catch((error: unknown) => error)));
  await vi.runAllTimersAsync();
  return outcomes;
}

describe("the token endpoint's transient failures are retried, once for every waiting call", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test("a 500 then a token: 50 concurrent cold calls all succeed on two token requests", async () => {
    const zoom = endpoints([status(500)]);
    const client = createImGroupsClient({ serverToServer: credentials, baseUrl: BASE_URL, fetch: zoom.fetch });
    const calls = Array.from({ length: 50 }, (_, i) => client.createImGroup({ name: `G${i}` }));
    // The 500's backoff has not run: every call waits on the one token request, none has sent anything.
    await vi.advanceTimersByTimeAsync(0);
    expect(zoom.counts).toEqual({ token: 1, api: 0 });
    const results = await settled(...calls);
    expect(results.every((result) => (result as { id?: string }).id?.startsWith("g-"))).toBe(true);
    expect(results).toHaveLength(50);
    expect(zoom.counts.token).toBe(2);
    expect(zoom.counts.api).toBe(50);
  });

  test.each([
    ["a 503", status(503)],
    ["a 429 with Retry-After: 0", status(429, { "retry-after": "0" })],
    [
      "a lost connection",
      () => {
        throw new TypeError("fetch failed", {
          cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
        });
      },
    ],
  ])("%s from the token endpoint is retried and the call succeeds", async (_what, answer) => {
    const zoom = endpoints([answer]);
    const client = createImGroupsClient({ serverToServer: credentials, baseUrl: BASE_URL, fetch: zoom.fetch });
    expect(await settled(client.createImGroup({ name: "Design" }))).toMatchObject([{ id: "g-1" }]);
    expect(zoom.counts.token).toBe(2);
  });

  test.each([
    ["cut-off JSON", '{"access_token":"tok-12345'],
    ["an HTML page", "<html><body>Service temporarily unavailable</body></html>"],
    ["JSON without access_token", '{"expires_in":3599}'],
  ])("a garbled 200 (%s) is transient: 100 concurrent calls all succeed after one retry", async (_what, body) => {
    const zoom = endpoints([() => new Response(body, { status: 200 })]);
    const client = createImGroupsClient({ serverToServer: credentials, baseUrl: BASE_URL, fetch: zoom.fetch });
    const results = await settled(...Array.from({ length: 100 }, (_, i) => client.createImGroup({ name: `G${i}` })));
    expect(results.filter((result) => (result as { id?: string }).id?.startsWith("g-"))).toHaveLength(100);
    expect(zoom.counts.token).toBe(2);
  });

  test("a garbled 200 every time: once the retries are spent, the error may be cured by a retry, never fatal", async () => {
    const garbled = () => new Response('{"access_token":"tok', { status: 200 });
    const zoom = endpoints([garbled, garbled, garbled]);
    const client = createImGroupsClient({ serverToServer: credentials, baseUrl: BASE_URL, fetch: zoom.fetch });
    const [error] = await settled(client.createImGroup({ name: "Design" }));
    expect(error).toMatchObject({ name: "AuthenticationError", retryable: true, failsEveryCall: false });
    expect(zoom.counts).toEqual({ token: 3, api: 0 });
  });

  test("a well-formed refusal under 200 (error and reason) stays fatal", async () => {
    const zoom = endpoints([() => Response.json({ reason: "Invalid client_id", error: "invalid_client" })]);
    const client = createImGroupsClient({ serverToServer: credentials, baseUrl: BASE_URL, fetch: zoom.fetch });
    const error = await client.createImGroup({ name: "Design" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AuthenticationError", failsEveryCall: true });
    expect(zoom.counts.token).toBe(1);
  });

  test("a token request with no answer in time is retried", async () => {
    const zoom = endpoints([() => new Promise<Response>(() => {})]);
    const client = createImGroupsClient({
      serverToServer: credentials,
      baseUrl: BASE_URL,
      fetch: zoom.fetch,
      timeoutMs: 50,
    });
    expect(await settled(client.createImGroup({ name: "Design" }))).toMatchObject([{ id: "g-1" }]);
    expect(zoom.counts.token).toBe(2);
  });

  test("invalid_client (400) is not retried: one token request, an error that fails every call", async () => {
    const zoom = endpoints([
      () => Response.json({ reason: "Invalid client_id or client_secret", error: "invalid_client" }, { status: 400 }),
    ]);
    const client = createImGroupsClient({ serverToServer: credentials, baseUrl: BASE_URL, fetch: zoom.fetch });
    const [error] = await settled(client.createImGroup({ name: "Design" }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).failsEveryCall).toBe(true);
    expect(zoom.counts.token).toBe(1);
    expect(zoom.counts.api).toBe(0);
  });

  test("retries spent: the 5xx rejects as an AuthenticationError that a retry may cure, never fatal", async () => {
    const zoom = endpoints([status(500), status(500), status(500)]);
    const client = createImGroupsClient({ serverToServer: credentials, baseUrl: BASE_URL, fetch: zoom.fetch });
    const [error] = await settled(client.createImGroup({ name: "Design" }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).retryable).toBe(true);
    expect((error as AuthenticationError).failsEveryCall).toBe(false);
    expect(zoom.counts.token).toBe(3); // 1 + maxRetries (2), shared, not multiplied by the call's own retries
    expect(zoom.counts.api).toBe(0);
  });

  test("a hung token endpoint's timeout is a ZoomTimeoutError once the retries are spent", async () => {
    const hang = () => new Promise<Response>(() => {});
    const zoom = endpoints([hang, hang]);
    const client = createImGroupsClient({
      serverToServer: credentials,
      baseUrl: BASE_URL,
      fetch: zoom.fetch,
      timeoutMs: 20,
      maxRetries: 1,
    });
    expect((await settled(client.createImGroup({ name: "Design" })))[0]).toBeInstanceOf(ZoomTimeoutError);
    expect(zoom.counts.token).toBe(2);
  });
});

describe("expires_in is clamped", () => {
  test.each([0, -5, Number.NaN])(
    "expires_in %s: one token serves consecutive calls (not one per call)",
    async (expiresIn) => {
      const zoom = endpoints([], expiresIn);
      const client = createImGroupsClient({ serverToServer: credentials, baseUrl: BASE_URL, fetch: zoom.fetch });
      for (let i = 0; i < 3; i++) await client.createImGroup({ name: `G${i}` });
      expect(zoom.counts.token).toBe(1);
    },
  );
});

describe("a bulk run survives a token endpoint that fails every other request", () => {
  const workspace = useCliWorkspace("zoom-token-retry-");

  // A 503 that asks to be retried at once (Retry-After: 0): the same transient failure as a bare 5xx, retried
  // without a backoff on the real clock (the backoff itself is pinned on fake timers above).
  test("every row is created; the run is not stopped as fatal", async () => {
    const { env } = await workspace.mockZoom();
    let tokenRequests = 0;
    const tokenUrl = await workspace.listen((_request, response) => {
      tokenRequests++;
      if (tokenRequests % 2 === 1) response.writeHead(503, { "retry-after": "0" }).end("busy");
      else
        response
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ access_token: CLI_TOKEN, expires_in: 3599 }));
    });
    const input = await workspace.file("rows.csv", csv(names(20, "Token")));
    const run = await cli(["create", "--file", input], {
      ZOOM_API_URL: env.ZOOM_API_URL,
      ZOOM_ACCOUNT_ID: "acc",
      ZOOM_CLIENT_ID: "client",
      ZOOM_CLIENT_SECRET: "client-secret-canary",
      ZOOM_OAUTH_TOKEN_URL: `${tokenUrl}/oauth/token`,
    });
    expect(run.stderr).not.toContain("Sending stopped");
    expect(run.code).toBe(0);
    expect(run.lines.filter((line) => line.outcome === "created")).toHaveLength(20);
    expect(tokenRequests).toBe(2);
  });
});

test("a caller that aborts mid-flight does not fail the next caller: it gets a token of its own", async () => {
  let release: (() => void) | undefined;
  let tokens = 0;
  const fetch = async (request: Request) => {
    if (request.url !== TOKEN_URL) return Response.json({ id: "g-1" }, { status: 201 });
    tokens++;
    if (tokens === 1) await new Promise<void>((resolve) => (release = resolve));
    return Response.json({ access_token: `tok-${tokens}`, expires_in: 3599 });
  };
  const client = createImGroupsClient({ serverToServer: credentials, baseUrl: BASE_URL, fetch });
  const controller = new AbortController();
  const first = client.createImGroup({ name: "First" }, { signal: controller.signal }).catch((e: unknown) => e);
  await new Promise((resolve) => setImmediate(resolve));
  controller.abort(new Error("first gave up"));
  const second = client.createImGroup({ name: "Second" });
  release?.();
  expect(await first).toMatchObject({ message: "first gave up" });
  await expect(second).resolves.toMatchObject({ id: "g-1" });
});
