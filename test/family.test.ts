/**
 * Issue 27's "done when", each against the mock Zoom as a consumer meets it: lists read across pages, member adds
 * in calls of the spec's maximum, an unknown member among many, a deleted group, a retired account, hostile ids,
 * and the MSW handlers that serve only documented paths. Requests are counted, never timed.
 */
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createImGroupsClient,
  GroupNotFoundError,
  ImGroupsApiRetiredError,
  type ImGroupsClientOptions,
  type MemberToAdd,
  ValidationError,
} from "../src/index.ts";
import { type OperationId, operations } from "../src/spec.ts";
import { createMockZoom, type MockZoomOptions, mockZoomHandlers } from "../src/testing/index.ts";
import { calls, collect } from "./support/calls.ts";
import { requestParams, validateRequest, validateRequestParams } from "./support/spec.ts";

/** A mock Zoom and a client whose every request goes to it and is kept, in order. */
function family(options: MockZoomOptions = {}, clientOptions: Partial<ImGroupsClientOptions> = {}) {
  const mock = createMockZoom(options);
  const sent: Request[] = [];
  const client = createImGroupsClient({
    accessToken: "t",
    fetch: async (request) => {
      sent.push(request.clone());
      return mock.handle(request);
    },
    ...clientOptions,
  } as ImGroupsClientOptions);
  /** The requests of one operation, recognised by method and path template. */
  const of = (operationId: OperationId) =>
    sent.filter(
      (request) =>
        request.method === operations[operationId].method && requestParams(operationId, request.url) !== undefined,
    );
  return { mock, client, sent, of };
}

const emails = (count: number, domain = "example.com") =>
  Array.from({ length: count }, (_, i) => ({ email: `user${i}@${domain}` }));

describe("members in bulk", () => {
  test("350 members are added in calls of at most the spec's 10, each body conforming", async () => {
    const { mock, client, of } = family();
    const group = await client.createImGroup({ name: "Big" });
    const result = await client.addImGroupMembers(group.id, emails(350));
    const adds = of("imGroupMembersCreate");
    expect(operations.imGroupMembersCreate.batch?.max).toBe(10);
    expect(adds).toHaveLength(35);
    for (const request of adds) {
      const body = (await request.json()) as { members: MemberToAdd[] };
      expect(body.members.length).toBeLessThanOrEqual(10);
      expect(validateRequest("imGroupMembersCreate", "application/json", body)).toEqual([]);
    }
    expect(result.added).toHaveLength(350);
    expect(result.unknown).toEqual([]);
    expect(result.ids).toHaveLength(350);
    expect(mock.members(group.id)).toHaveLength(350);
  });

  test("a consumer's for await reads 350 members across 12 pages of Zoom's default 30, or 2 of 300", async () => {
    const { mock, client, of } = family();
    const group = await client.createImGroup({ name: "Big" });
    await client.addImGroupMembers(group.id, emails(350));

    const read: string[] = [];
    for await (const member of client.listImGroupMembers(group.id)) read.push(member.email ?? "");
    expect(read).toEqual(mock.members(group.id).map((member) => member.email));
    expect(new Set(read).size).toBe(350);
    const pages = of("imGroupMembers");
    expect(pages).toHaveLength(12);
    // The first page asks for no token; each later one for the token the page before it carried.
    expect(new URL(pages[0]?.url ?? "").searchParams.has("next_page_token")).toBe(false);
    for (const page of pages) expect(validateRequestParams("imGroupMembers", page.url)).toEqual([]);

    const big = await collect(client.listImGroupMembers(group.id, { pageSize: 300 }));
    expect(big).toHaveLength(350);
    const bigPages = of("imGroupMembers").slice(12);
    expect(bigPages.map((page) => new URL(page.url).searchParams.get("page_size"))).toEqual(["300", "300"]);
  });

  test("a member at a .invalid address among 25 is named in unknown; the other 24 are added", async () => {
    const { mock, client } = family();
    const group = await client.createImGroup({ name: "Mixed" });
    const members = emails(25);
    members[13] = { email: "nobody@example.invalid" };
    const result = await client.addImGroupMembers(group.id, members);
    expect(result.unknown).toEqual([{ email: "nobody@example.invalid" }]);
    expect(result.added).toHaveLength(24);
    expect(result.added).not.toContainEqual({ email: "nobody@example.invalid" });
    expect(
      mock
        .members(group.id)
        .map((member) => member.email)
        .sort(),
    ).toEqual(members.flatMap((m, i) => (i === 13 ? [] : [m.email])).sort());
  });
});

test("a deleted group's getImGroup rejects with GroupNotFoundError naming the operation", async () => {
  const { client, of } = family();
  const group = await client.createImGroup({ name: "Short-lived" });
  await expect(client.getImGroup(group.id)).resolves.toMatchObject({ id: group.id, name: "Short-lived" });
  await client.deleteImGroup(group.id);
  const error = await client.getImGroup(group.id).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GroupNotFoundError);
  expect((error as GroupNotFoundError).operationId).toBe("imGroup");
  expect((error as GroupNotFoundError).code).toBe(4130);
  expect(of("imGroup")).toHaveLength(2); // a 404 is not retried
});

describe("a retired account (Zoom answers 410, code 4137)", () => {
  // Zoom retired the IM-group APIs; its Groups API is what such an account uses instead.
  test.each((Object.keys(calls) as OperationId[]).filter((id) => operations[id].path.startsWith("/im/")))(
    "%s rejects with ImGroupsApiRetiredError after exactly one request, with retries allowed",
    async (operationId) => {
      const { client, sent } = family({ retired: true }, { maxRetries: 3, maxRetryDelayMs: 0 });
      const error = await calls[operationId](client).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImGroupsApiRetiredError);
      expect(error).toMatchObject({ status: 410, code: 4137, operationId, retryable: false, failsEveryCall: true });
      expect(sent.map((request) => request.method)).toEqual([operations[operationId].method]);
    },
  );
});

test("a retired account still serves the Groups API: a group made and filled there, none of it in IM groups", async () => {
  const { client, mock } = family({ retired: true });
  const group = await client.createGroup({ name: "Design team" });
  expect((await client.addGroupMembers(group.id, [{ email: "ada@example.com" }])).added).toHaveLength(1);
  expect(mock.groups("default", "groups").map((g) => g.name)).toEqual(["Design team"]);
  expect(mock.groups()).toEqual([]);
});

describe("hostile ids stay one path segment or are refused before anything is sent", () => {
  const hostile = ["../x", "a/b", "?q", "#f", "%2e%2e", "..", ".", "a b/../c", "x?y=1#z"];
  /** Each call that puts a caller's id in the path, and the parameter it fills. */
  const byId: [OperationId, string, (id: string) => (c: ReturnType<typeof family>["client"]) => Promise<unknown>][] = [
    ["imGroup", "groupId", (id) => (c) => c.getImGroup(id)],
    ["imGroupUpdate", "groupId", (id) => (c) => c.updateImGroup(id, { name: "x" })],
    ["imGroupDelete", "groupId", (id) => (c) => c.deleteImGroup(id)],
    ["imGroupMembers", "groupId", (id) => (c) => c.listImGroupMembers(id).page()],
    ["imGroupMembersCreate", "groupId", (id) => (c) => c.addImGroupMembers(id, [{ email: "a@example.com" }])],
    ["imGroupMembersDelete", "groupId", (id) => (c) => c.removeImGroupMember(id, "u1")],
    ["imGroupMembersDelete", "memberId", (id) => (c) => c.removeImGroupMember("g1", id)],
    ["groupDelete", "groupId", (id) => (c) => c.deleteGroup(id)],
    ["groupMembers", "groupId", (id) => (c) => c.listGroupMembers(id).page()],
    ["groupMembersCreate", "groupId", (id) => (c) => c.addGroupMembers(id, [{ email: "a@example.com" }])],
    ["groupMembersDelete", "groupId", (id) => (c) => c.removeGroupMember(id, "u1")],
    ["groupMembersDelete", "memberId", (id) => (c) => c.removeGroupMember("g1", id)],
  ];
  test("every operation with a path parameter is covered", () => {
    const withParams = Object.values(operations).flatMap((op) =>
      op.pathParams.map((name: string) => `${op.operationId} ${name}`),
    );
    expect(byId.map(([operationId, name]) => `${operationId} ${name}`).sort()).toEqual(withParams.sort());
  });

  test.each(byId.flatMap(([operationId, param, call]) => hostile.map((id) => ({ operationId, param, call, id }))))(
    "$operationId $param $id",
    async ({ operationId, param, call, id }) => {
      const { client, sent } = family({}, { maxRetries: 0 });
      const error = await call(id)(client).catch((e: unknown) => e);
      if (sent.length === 0) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.map((issue) => issue.field)).toContain(param);
        return;
      }
      expect(sent).toHaveLength(1);
      const request = sent[0] as Request;
      // Read off the URL by the spec's template: the id is exactly one segment, and reads back as given.
      expect(requestParams(operationId, request.url)?.[param]).toBe(id);
      expect(new URL(request.url).search).toBe("");
      // The mock reads the same id: there is no such group (or member), and it says so by its own code.
      expect(error).toMatchObject({ status: 404, operationId });
    },
  );
});

describe("the MSW handlers serve the documented paths only", () => {
  const mock = createMockZoom();
  const userOwn: string[] = [];
  const server = setupServer(
    ...mockZoomHandlers(http, { mock }),
    http.get("https://api.zoom.us/v2/users/me", ({ request }) => {
      userOwn.push(request.url);
      return Response.json({ id: "me", email: "me@example.com" });
    }),
    http.all("https://api.zoom.us/*", ({ request }) => {
      userOwn.push(`${request.method} ${request.url}`);
      return new Response("the user's own fallback", { status: 599 });
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  test("every operation is answered by the mock (its tracking ids), through the client over MSW", async () => {
    const client = createImGroupsClient({ accessToken: "t", maxRetries: 0 });
    const group = await client.createImGroup({ name: "Over MSW" });
    const answered: string[] = [];
    const tracked = createImGroupsClient({
      accessToken: "t",
      maxRetries: 0,
      middleware: [
        { onResponse: ({ response }) => void answered.push(response.headers.get("x-zm-trackingid") ?? "none") },
      ],
    });
    await tracked.addImGroupMembers(group.id, [{ email: "ada@example.com" }]);
    const [member] = mock.members(group.id);
    const ops: (() => Promise<unknown>)[] = [
      () => tracked.createImGroup({ name: "Second" }),
      () => collect(tracked.listImGroups()),
      () => tracked.getImGroup(group.id),
      () => tracked.updateImGroup(group.id, { type: "shared" }),
      () => collect(tracked.listImGroupMembers(group.id)),
      () => tracked.removeImGroupMember(group.id, member?.id ?? ""),
      () => tracked.deleteImGroup(group.id),
      // Zoom's Groups API, served by the same handlers.
      async () => {
        const team = await tracked.createGroup({ name: "Team" });
        await tracked.addGroupMembers(team.id, [{ email: "ada@example.com" }]);
        const [teammate] = await collect(tracked.listGroupMembers(team.id));
        await collect(tracked.listGroups());
        await tracked.removeGroupMember(team.id, teammate?.id ?? "");
        await tracked.deleteGroup(team.id);
      },
    ];
    for (const op of ops) await op();
    expect(answered).toHaveLength(Object.keys(operations).length);
    for (const id of answered) expect(id).toMatch(/^mock-/);
    expect(userOwn).toEqual([]);
    expect(mock.groups().map((g) => g.name)).toEqual(["Second"]);
  });

  test("GET /v2/users/me, not an IM-group path, reaches the user's own handler", async () => {
    const response = await fetch("https://api.zoom.us/v2/users/me", { headers: { Authorization: "Bearer t" } });
    expect(await response.json()).toEqual({ id: "me", email: "me@example.com" });
    expect(userOwn).toContain("https://api.zoom.us/v2/users/me");
  });

  test.each([
    ["PUT", "https://api.zoom.us/v2/im/groups"],
    ["GET", "https://api.zoom.us/v2/im/groups/g1/members/u1"],
    ["PATCH", "https://api.zoom.us/v2/groups/g1"],
    ["POST", "https://api.zoom.us/v2/im/groups/g1/extra"],
  ])("%s %s, undocumented, passes through to the user's handlers", async (method, url) => {
    userOwn.length = 0;
    const response = await fetch(url, { method, headers: { Authorization: "Bearer t" } });
    expect(response.status).toBe(599);
    expect(userOwn).toEqual([`${method} ${url}`]);
  });
});
