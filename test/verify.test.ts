/**
 * verify() (zoom-im-groups/verify) against the mock and against servers that break the contract: small
 * wrappers over the mock's fetch-style `handle`, each changing one answer. Every run must name what broke and
 * leave the mock holding what it held before.
 */
import { describe, expect, test } from "vitest";
import { createImGroupsClient } from "../src/index.ts";
import { createMockZoom } from "../src/testing/fetch.ts";
import { junitXml, VERIFY_PREFIX, type VerifyReport, verify } from "../src/verify/index.ts";

const BASE = "http://zoom.test/v2";
const TOKEN = "verify-canary-token-0123456789";
const EMAIL = "member@example.com";

type Rewrite = (request: Request, answer: () => Promise<Response>) => Promise<Response> | Response;

/** The mock behind a rewrite of its answers; `requests` records every request the client sent (method, path). */
function server(rewrite: Rewrite = (_, answer) => answer()) {
  const mock = createMockZoom();
  const requests: string[] = [];
  const fetch = async (request: Request) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
    return rewrite(request, () => mock.handle(request));
  };
  const seed = createImGroupsClient({ accessToken: TOKEN, baseUrl: BASE, fetch: (request) => mock.handle(request) });
  return { mock, requests, options: { accessToken: TOKEN, baseUrl: BASE, fetch }, seed };
}

const is = (request: Request, method: string, path: RegExp) =>
  request.method === method && path.test(new URL(request.url).pathname);
const GROUP = /^\/v2\/im\/groups\/[^/]+$/;
const LIST = /^\/v2\/im\/groups$/;

/** An answer's JSON body changed by `change`, status and headers kept (or replaced). */
async function edited(response: Response, change: (body: Record<string, unknown>) => void, status = response.status) {
  const body = (await response.json()) as Record<string, unknown>;
  change(body);
  return Response.json(body, { status, headers: { "x-zm-trackingid": response.headers.get("x-zm-trackingid") ?? "" } });
}

const failed = (report: VerifyReport) => report.checks.filter((check) => check.outcome === "failed");
const names = (mock: ReturnType<typeof createMockZoom>) => mock.groups().map((group) => group.name);

test("the mock passes: all eight operations, every check passed, and it holds what it held before", async () => {
  const { mock, options, seed } = server();
  await seed.createImGroup({ name: "Design team" });
  const before = mock.groups();
  const report = await verify(options, { memberEmail: EMAIL });
  expect(failed(report)).toEqual([]);
  expect(report.ok).toBe(true);
  expect(new Set(report.operations)).toEqual(
    new Set([
      "imGroups",
      "imGroupCreate",
      "imGroup",
      "imGroupUpdate",
      "imGroupDelete",
      "imGroupMembers",
      "imGroupMembersCreate",
      "imGroupMembersDelete",
    ]),
  );
  expect(report.counts).toEqual({ passed: report.checks.length, failed: 0, skipped: 0 });
  // Each answer: status, body and headers; and the behaviour each step relies on.
  for (const check of ["status", "body", "headers"])
    expect(report.checks.filter((entry) => entry.check === check)).toHaveLength(11);
  expect(report.checks.every((check) => check.trackingId?.startsWith("mock-"))).toBe(true);
  expect(report.group?.startsWith(VERIFY_PREFIX)).toBe(true);
  expect(mock.groups()).toEqual(before);
  expect(report.leftBehind).toEqual([]);
});

test("without a member email the three member operations are reported skipped, and nothing is added", async () => {
  const { mock, options, requests } = server();
  const report = await verify(options);
  expect(report.ok).toBe(true);
  const skipped = report.checks.filter((check) => check.outcome === "skipped");
  expect(skipped.map((check) => check.operation).sort()).toEqual([
    "imGroupMembers",
    "imGroupMembersCreate",
    "imGroupMembersDelete",
  ]);
  expect(requests.some((request) => request.includes("/members"))).toBe(false);
  expect(mock.groups()).toEqual([]);
});

describe("servers that break the contract: exit 1 naming what broke, nothing left behind", () => {
  test("a create answered without the group's id fails 'names the new group'; the client still finds and deletes it", async () => {
    const { mock, options } = server(async (request, answer) => {
      const response = await answer();
      if (!is(request, "POST", LIST) || response.status !== 201) return response;
      // No id in the body and no Content-Location: only the list can tell which group it was.
      return edited(response, (body) => delete body.id);
    });
    const report = await verify(options, { memberEmail: EMAIL });
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual([
      expect.objectContaining({
        operation: "imGroupCreate",
        check: "names the new group",
        status: 201,
        message: expect.stringMatching(/^imGroupCreate HTTP 201: the body has no "id" \(missing\)/),
      }),
    ]);
    expect(mock.groups()).toEqual([]);
  });

  test("a read whose type is outside the enum fails the body check, naming the field and the values", async () => {
    const { mock, options } = server(async (request, answer) => {
      const response = await answer();
      return is(request, "GET", GROUP) && response.status === 200
        ? edited(response, (body) => Object.assign(body, { type: "secret" }))
        : response;
    });
    const report = await verify(options, { memberEmail: EMAIL });
    expect(report.ok).toBe(false);
    const broken = failed(report);
    expect(broken.length).toBeGreaterThan(0);
    for (const check of broken)
      expect(check).toMatchObject({
        operation: "imGroup",
        check: "body",
        status: 200,
        fields: ["type"],
        message: 'imGroup HTTP 200: type must be one of normal, shared, restricted (got "secret")',
      });
    expect(mock.groups()).toEqual([]);
  });

  test("a list whose groups is not a list fails its body check and 'shows the group'; the group is still deleted", async () => {
    const { mock, options } = server(async (request, answer) => {
      const response = await answer();
      return is(request, "GET", LIST) ? edited(response, (body) => Object.assign(body, { groups: {} })) : response;
    });
    const report = await verify(options, { memberEmail: EMAIL });
    expect(report.ok).toBe(false);
    expect(failed(report)).toContainEqual(
      expect.objectContaining({
        operation: "imGroups",
        check: "body",
        fields: ["groups"],
        message: "imGroups HTTP 200: groups must be a list (got an object)",
      }),
    );
    expect(failed(report)).toContainEqual(expect.objectContaining({ operation: "imGroups", check: "shows the group" }));
    expect(mock.groups()).toEqual([]);
  });

  test("an update answered 200 with a body fails its status check: 200 is not documented for the update", async () => {
    const { mock, options } = server(async (request, answer) => {
      const response = await answer();
      return is(request, "PATCH", GROUP) && response.status === 204
        ? Response.json({ updated: true }, { status: 200, headers: { "x-zm-trackingid": "broken-1" } })
        : response;
    });
    const report = await verify(options, { memberEmail: EMAIL });
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual([
      expect.objectContaining({
        operation: "imGroupUpdate",
        check: "status",
        status: 200,
        trackingId: "broken-1",
        message: expect.stringMatching(/^imGroupUpdate HTTP 200: not documented for imGroupUpdate \(documented: .*204/),
      }),
    ]);
    expect(mock.groups()).toEqual([]);
  });

  test("an undocumented header value fails the header check (X-RateLimit-Type outside its enum)", async () => {
    let limited = false;
    const { mock, options } = server(async (request, answer) => {
      if (!limited && is(request, "GET", GROUP)) {
        limited = true;
        const headers = { "x-zm-trackingid": "limit-1", "retry-after": "0", "x-ratelimit-type": "Burst" };
        return Response.json({ code: 429, message: "Too many requests." }, { status: 429, headers });
      }
      return answer();
    });
    const report = await verify({ ...options, maxRetries: 0 }, { memberEmail: EMAIL });
    expect(failed(report)).toContainEqual(
      expect.objectContaining({
        operation: "imGroup",
        check: "headers",
        fields: ["x-ratelimit-type"],
        message: 'imGroup HTTP 429: header x-ratelimit-type must be one of QPS, Daily-limit (got "Burst")',
      }),
    );
    expect(mock.groups()).toEqual([]);
  });
});

describe("it leaves the account as it found it", () => {
  test("a delete that fails is retried by the cleanup: the run fails, nothing is left", async () => {
    let refused = false;
    const { mock, options } = server(async (request, answer) => {
      if (!refused && is(request, "DELETE", GROUP)) {
        refused = true;
        return Response.json({ code: 300, message: "Try later." }, { status: 400 });
      }
      return answer();
    });
    const report = await verify(options, { memberEmail: EMAIL });
    expect(report.ok).toBe(false);
    expect(failed(report).map((check) => [check.operation, check.check])).toEqual([["imGroupDelete", "status"]]);
    expect(report.checks.at(-1)).toMatchObject({ step: "clean up", operation: "imGroupDelete", outcome: "passed" });
    expect(mock.groups()).toEqual([]);
    expect(report.leftBehind).toEqual([]);
  });

  test("it deletes an earlier run's leftovers first, and writes to no group it did not create", async () => {
    const { mock, options, requests, seed } = server();
    const leftover = `${VERIFY_PREFIX}2026-01-01T00:00:00.000Z abc123`;
    for (const name of ["Design team", "zoom-im-groups-verify-other", leftover]) await seed.createImGroup({ name });
    const ids = new Map(mock.groups().map((group) => [group.name, group.id]));
    const report = await verify(options, { memberEmail: EMAIL });
    expect(report.ok).toBe(true);
    expect(report.leftoversRemoved).toEqual([leftover]);
    expect(names(mock).sort()).toEqual(["Design team", "zoom-im-groups-verify-other"]);
    const written = requests.filter((request) => !request.startsWith("GET"));
    for (const name of ["Design team", "zoom-im-groups-verify-other"])
      expect(written.filter((request) => request.includes(`/${ids.get(name)}`))).toEqual([]);
    expect(written.filter((request) => request.includes(`/${ids.get(leftover)}`))).toEqual([
      `DELETE /v2/im/groups/${ids.get(leftover)}`,
    ]);
  });

  test("stopped while its create is on the wire (the answer never read), it finds its group by name and deletes it", async () => {
    const stop = new AbortController();
    const { mock, options } = server(async (request, answer) => {
      const response = await answer();
      if (is(request, "POST", LIST)) stop.abort(new DOMException("interrupted", "AbortError"));
      return response;
    });
    const report = await verify(options, { memberEmail: EMAIL, signal: stop.signal });
    expect(report.interrupted).toBe(true);
    expect(report.checks.some((check) => check.operation === "imGroupUpdate")).toBe(false);
    expect(mock.groups()).toEqual([]);
    expect(report.leftBehind).toEqual([]);
  });

  test("stopped after its group exists, it deletes it by id", async () => {
    const stop = new AbortController();
    const { mock, options } = server(async (request, answer) => {
      if (is(request, "PATCH", GROUP)) stop.abort(new DOMException("interrupted", "AbortError"));
      return answer();
    });
    const report = await verify(options, { signal: stop.signal });
    expect(report.interrupted).toBe(true);
    expect(report.checks.at(-1)).toMatchObject({ step: "clean up", operation: "imGroupDelete", outcome: "passed" });
    expect(mock.groups()).toEqual([]);
  });
});

test("read-only sends reads only: the list, a read of a listed group, its members", async () => {
  const { mock, options, requests, seed } = server();
  await seed.createImGroup({ name: "Design team" });
  const before = mock.groups();
  const report = await verify(options, { readOnly: true });
  expect(report.ok).toBe(true);
  expect(requests.every((request) => request.startsWith("GET "))).toBe(true);
  expect(new Set(report.operations)).toEqual(new Set(["imGroups", "imGroup", "imGroupMembers"]));
  expect(report.checks.filter((check) => check.outcome === "skipped").map((check) => check.operation)).toEqual([
    "imGroupCreate",
    "imGroupUpdate",
    "imGroupMembersCreate",
    "imGroupMembersDelete",
    "imGroupDelete",
  ]);
  expect(mock.groups()).toEqual(before);
});

test("a member email the spec refuses rejects with ValidationError before anything is sent", async () => {
  const { requests, options } = server();
  await expect(verify(options, { memberEmail: "not an email" })).rejects.toMatchObject({
    name: "ValidationError",
    issues: [expect.objectContaining({ field: "memberEmail", rule: "format" })],
  });
  expect(requests).toEqual([]);
});

test("no secret in the report or its JUnit XML, also where a server echoes the token into a field", async () => {
  const { options } = server(async (request, answer) => {
    const response = await answer();
    return is(request, "GET", GROUP) && response.status === 200
      ? edited(response, (body) => Object.assign(body, { type: TOKEN, total_members: `Bearer ${TOKEN}` }))
      : response;
  });
  const report = await verify(options, { memberEmail: EMAIL });
  expect(report.ok).toBe(false);
  expect(JSON.stringify(failed(report))).toContain("[redacted]");
  expect(JSON.stringify(report)).not.toContain(TOKEN);
  expect(junitXml(report)).not.toContain(TOKEN);
});

test("the JUnit XML has a test case per check, its failures and skips counted and carried", async () => {
  const { options } = server(async (request, answer) => {
    const response = await answer();
    return is(request, "GET", GROUP) && response.status === 200
      ? edited(response, (body) => Object.assign(body, { type: "<secret & co>" }))
      : response;
  });
  const report = await verify(options);
  const xml = junitXml(report);
  expect(xml.match(/<testcase /g)).toHaveLength(report.checks.length);
  expect(xml.match(/<failure /g)).toHaveLength(report.counts.failed);
  expect(xml.match(/<skipped /g)).toHaveLength(report.counts.skipped);
  expect(xml).toContain(`failures="${report.counts.failed}"`);
  expect(xml).toContain('classname="verify.imGroup" name="read the group: body"');
  expect(xml).toContain("&lt;secret &amp; co&gt;");
  expect(xml).not.toContain("<secret");
});

describe("--api groups: Zoom's Groups API, where Zoom retired IM groups", () => {
  /** A retired account (every IM-group operation answers 410) whose Groups API holds one group of someone's. */
  async function retiredAccount() {
    const mock = createMockZoom({ retired: true });
    const fetch = (request: Request) => mock.handle(request);
    const client = createImGroupsClient({ accessToken: TOKEN, baseUrl: BASE, fetch });
    await client.createGroup({ name: "Someone's team" });
    return { mock, options: { accessToken: TOKEN, baseUrl: BASE, fetch } };
  }

  test("every Groups operation is exercised and checked; the account holds what it held before", async () => {
    const { mock, options } = await retiredAccount();
    const before = mock.groups("default", "groups");
    const report = await verify(options, { api: "groups", memberEmail: EMAIL });
    expect(report.ok).toBe(true);
    expect([...report.operations].sort()).toEqual(
      ["groupCreate", "groupDelete", "groupMembers", "groupMembersCreate", "groupMembersDelete", "groups"].sort(),
    );
    expect(report.counts.failed).toBe(0);
    expect(report.checks.some((check) => check.check === "the group is gone" && check.outcome === "passed")).toBe(true);
    expect(mock.groups("default", "groups")).toEqual(before);
  });

  test("the same account fails the IM-group run with the retirement, and is left as it was", async () => {
    const { mock, options } = await retiredAccount();
    const report = await verify(options, { memberEmail: EMAIL });
    expect(report.ok).toBe(false);
    expect(report.checks.find((check) => check.outcome === "failed")?.message).toMatch(/410|4137|retired/i);
    expect(mock.groups("default", "groups").map((group) => group.name)).toEqual(["Someone's team"]);
  });
});
