/**
 * The mock Zoom keeps the spec's contract: every answer it gives is documented by the spec and validates
 * against it. Exercised through MSW (as consumers' tests use it) and over real HTTP (as the CLI uses it).
 */
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  createImGroupsClient,
  GroupNameConflictError,
  PaidAccountRequiredError,
  RateLimitError,
} from "../../src/index.ts";
import { createMockZoom, type MockZoom, mockZoomHandlers, startMockZoom } from "../../src/testing/index.ts";
import { validateResponseBody } from "../support/spec.ts";

const API = "https://api.zoom.us/v2/im/groups";
let mock: MockZoom = createMockZoom();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Serves a fresh mock with these options; every response is checked against the spec on the way out. */
async function useMock(options: Parameters<typeof createMockZoom>[0] = {}) {
  mock = createMockZoom(options);
  server.use(...mockZoomHandlers(http, { mock }));
}

async function conforms(response: Response): Promise<Response> {
  const contentType = response.headers.get("content-type")?.split(";")[0] ?? "";
  const body = contentType === "application/json" ? await response.clone().json() : await response.clone().text();
  expect(validateResponseBody(response.status, contentType, body)).toEqual([]);
  expect(response.headers.get("x-zm-trackingid")).toMatch(/^mock-/);
  return response;
}

const client = (options: Record<string, unknown> = {}) =>
  createImGroupsClient({
    accessToken: "any-token",
    maxRetries: 0,
    middleware: [{ onResponse: async ({ response }) => void (await conforms(response)) }],
    ...options,
  });

function multipart(fields: Record<string, string>, token = "any-token"): Promise<Response> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return fetch(API, { method: "POST", body: form, headers: { Authorization: `Bearer ${token}` } });
}

describe.each(["multipart", "json"] as const)("through MSW (%s)", (encoding) => {
  test("creates, then refuses the same name with the documented 409", async () => {
    await useMock();
    const group = await client({ encoding }).createImGroup({
      name: "Design team",
      type: "restricted",
      search_by_account: true,
    });
    expect(group).toMatchObject({ name: "Design team", search_by_account: true, total_members: 0, status: 201 });
    expect(group.location).toBe(`/v2/im/groups/${group.id}`);
    const again = await client({ encoding })
      .createImGroup({ name: "Design team" })
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(GroupNameConflictError);
    expect((again as GroupNameConflictError).code).toBe(4132);
    expect((again as Error).message).toContain("Group name Design team is already in use.");
    expect(mock.groups().map((g) => g.name)).toEqual(["Design team"]);
  });
});

test("names are unique per account, not globally", async () => {
  await useMock({ accounts: { "token-a": "acct-a", "token-b": "acct-b" } });
  await client({ accessToken: "token-a" }).createImGroup({ name: "Ops" });
  await client({ accessToken: "token-b" }).createImGroup({ name: "Ops" });
  expect(mock.groups("acct-a")).toHaveLength(1);
  expect(mock.groups("acct-b")).toHaveLength(1);
});

test.each([
  ["a missing token", {}],
  ["a malformed header", { Authorization: "Token abc" }],
  ["an unknown token", { Authorization: "Bearer nope" }],
])("%s → 401, code 124", async (_label, headers) => {
  await useMock({ accounts: { good: "acct" } });
  const response = await conforms(await fetch(API, { method: "POST", body: new FormData(), headers }));
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({ code: 124, message: "Invalid access token." });
});

test("the client sees a mock 401 as AuthenticationError", async () => {
  await useMock({ accounts: { good: "acct" } });
  await expect(client({ accessToken: "bad" }).createImGroup({ name: "x" })).rejects.toBeInstanceOf(AuthenticationError);
});

test("the seed's curl values → 400, code 300, one errors[] entry per bad field", async () => {
  await useMock();
  const response = await conforms(
    await multipart({
      name: "Excepteur proident in",
      type: "Excepteur proident innormal",
      search_by_domain: "Excepteur proident innormalfalse",
      search_by_account: "Excepteur proident innormalfalsetrue",
      search_by_ma_account: "Excepteur proident innormalfalsetruefalse",
    }),
  );
  expect(response.status).toBe(400);
  const body = (await response.json()) as { code: number; errors: { field: string }[] };
  expect(body.code).toBe(300);
  expect(body.errors.map((e) => e.field)).toEqual([
    "type",
    "search_by_domain",
    "search_by_account",
    "search_by_ma_account",
  ]);
  expect(mock.groups()).toEqual([]);
});

test("a JSON body with a missing name → 400 that the client maps to BadRequestError", async () => {
  await useMock();
  const response = await fetch(API, {
    method: "POST",
    body: JSON.stringify({ type: "shared" }),
    headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
  });
  const error = await client({ fetch: async () => response })
    .createImGroup({ name: "x" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BadRequestError);
  expect((error as BadRequestError).errors).toEqual([{ field: "name", message: "name is required" }]);
});

test("a free account gets the documented paid-only answer", async () => {
  await useMock({ freeAccount: true });
  const error = await client()
    .createImGroup({ name: "x" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PaidAccountRequiredError);
  expect((error as PaidAccountRequiredError).status).toBe(200);
  expect((error as PaidAccountRequiredError).code).toBe(200);
});

test("a per-second limit → 429 QPS with Light category and Retry-After", async () => {
  await useMock({ rateLimit: 2 });
  const c = client();
  const results = await Promise.allSettled([1, 2, 3].map((n) => c.createImGroup({ name: `g${n}` })));
  const limited = results
    .filter((r) => r.status === "rejected")
    .map((r) => (r as PromiseRejectedResult).reason as RateLimitError);
  expect(limited).toHaveLength(1);
  expect(limited[0]).toBeInstanceOf(RateLimitError);
  expect(limited[0]?.rateLimitType).toBe("QPS");
  expect(limited[0]?.headers.get("x-ratelimit-category")).toBe("Light");
  expect(limited[0]?.headers.get("retry-after")).toBe("1");
});

test("a daily limit → 429 Daily-limit with an ISO Retry-After; the client does not wait for it", async () => {
  await useMock({ dailyLimit: 1 });
  await client().createImGroup({ name: "first" });
  const error = (await client({ maxRetries: 2 })
    .createImGroup({ name: "second" })
    .catch((e: unknown) => e)) as RateLimitError;
  expect(error).toBeInstanceOf(RateLimitError);
  expect(error.rateLimitType).toBe("Daily-limit");
  expect(error.headers.get("x-ratelimit-remaining")).toBe("0");
  expect(error.headers.get("retry-after")).toMatch(/^\d{4}-\d\d-\d\dT00:00:00Z$/);
});

test.each([
  ["bad multipart", { "Content-Type": "multipart/form-data; boundary=xyz" }, "--nope\r\ngarbage", 400],
  ["bad JSON", { "Content-Type": "application/json" }, '{"name": "x"', 400],
  ["a JSON array", { "Content-Type": "application/json" }, "[]", 400],
  ["an unsupported type", { "Content-Type": "text/plain" }, "name=x", 415],
  ["a body over 1 MiB", { "Content-Type": "application/json" }, JSON.stringify({ name: "x".repeat(1_100_000) }), 413],
])("malformed input (%s) gets a Zoom-style 4xx", async (_label, headers, body, status) => {
  await useMock();
  const response = await fetch(API, { method: "POST", body, headers: { Authorization: "Bearer t", ...headers } });
  expect(response.status).toBe(status);
  expect(await response.json()).toMatchObject({ code: 300 });
});

describe("over real HTTP (startMockZoom)", () => {
  test("serves the same contract on loopback, and a huge upload is cut off with 413", async () => {
    const running = await startMockZoom();
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
      server.close(); // real sockets only: MSW must not intercept this
      const real = createImGroupsClient({ accessToken: "t", baseUrl: running.url, maxRetries: 0 });
      const group = await real.createImGroup({ name: "Real HTTP" });
      expect(group.id).toBe(running.mock.groups()[0]?.id);
      await expect(real.createImGroup({ name: "Real HTTP" })).rejects.toBeInstanceOf(GroupNameConflictError);
      const huge = await fetch(`${running.url}/im/groups`, {
        method: "POST",
        body: "x".repeat(3 * 1024 * 1024),
        headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      });
      expect(huge.status).toBe(413);
      const oauth = await fetch(running.tokenUrl, {
        method: "POST",
        body: "grant_type=account_credentials&account_id=acct-9",
        headers: { Authorization: `Basic ${btoa("id:secret")}`, "Content-Type": "application/x-www-form-urlencoded" },
      });
      expect(await oauth.json()).toMatchObject({ token_type: "bearer", expires_in: 3599 });
    } finally {
      await running.close();
      server.listen({ onUnhandledRequest: "error" });
    }
  });

  test("Server-to-Server OAuth against the mock: groups land in the token's account", async () => {
    server.close();
    const running = await startMockZoom();
    try {
      const s2s = createImGroupsClient({
        serverToServer: { accountId: "acct-s2s", clientId: "id", clientSecret: "secret", tokenUrl: running.tokenUrl },
        baseUrl: running.url,
      });
      await s2s.createImGroup({ name: "Via OAuth" });
      expect(running.mock.groups("acct-s2s").map((g) => g.name)).toEqual(["Via OAuth"]);
    } finally {
      await running.close();
      server.listen({ onUnhandledRequest: "error" });
    }
  });
});
