/**
 * What is replayed and what the mock answers is checked against the spec's response definitions by the test's own
 * Ajv (test/support/spec.ts), for all eight operations: the Postman fixtures, the spec's own examples, every
 * documented answer the mock gives on demand (`X-Mock-Status`), and what it answers on its own, from successes to
 * 401, 404, 409, 410 and 429, on every operation.
 */
import { describe, expect, test, vi } from "vitest";
import { operations as generated, type Operation, type OperationId } from "../../src/spec.ts";
import { createMockZoom, type MockZoom, type MockZoomOptions } from "../../src/testing/index.ts";
import {
  postmanFixture,
  postmanItem,
  responseProblems,
  specOperationById,
  specOperations,
  validateResponse,
  validateResponseBody,
} from "../support/spec.ts";

const operations: Readonly<Record<OperationId, Operation>> = generated;
const operationIds = Object.keys(operations) as OperationId[];

function parse(contentType: string, text: string): unknown {
  return contentType === "application/json" ? JSON.parse(text) : text;
}

describe.each(postmanItem.response)("Postman fixture $code", (response) => {
  test("serves a status, content type, headers and body the spec documents", async () => {
    const served = postmanFixture(response);
    const documented = specOperationById("imGroupCreate").operation.responses[String(served.status)];
    expect(documented, `status ${served.status}`).toBeDefined();
    const contentType = served.headers.get("content-type")?.split(";")[0] ?? "";
    expect(Object.keys(documented?.content ?? {})).toContain(contentType);
    expect(validateResponseBody(served.status, contentType, parse(contentType, await served.text()))).toEqual([]);
    const documentedHeaders = Object.keys(documented?.headers ?? {}).map((h) => h.toLowerCase());
    for (const [name] of served.headers) {
      if (name !== "content-type") expect(documentedHeaders).toContain(name);
    }
  });
});

const specExamples = specOperations.flatMap(({ operationId, operation }) =>
  Object.entries(operation.responses).flatMap(([status, response]) =>
    Object.entries(response.content ?? {}).flatMap(([contentType, media]) => [
      ...(media.example === undefined
        ? []
        : [{ operationId, status, contentType, name: "example", value: media.example }]),
      ...Object.entries(media.examples ?? {}).map(([name, example]) => ({
        operationId,
        status,
        contentType,
        name,
        value: example.value,
      })),
    ]),
  ),
);

test.each(specExamples)(
  "the spec's $operationId $status $contentType $name example matches its schema",
  ({ operationId, status, contentType, value }) => {
    expect(validateResponse(operationId, Number(status), contentType, value)).toEqual([]);
  },
);

test("a response that breaks the spec is caught by the conformance check", () => {
  expect(validateResponseBody(409, "application/json", { code: "4132" })).not.toEqual([]);
  expect(validateResponseBody(201, "application/json", { id: 42 })).not.toEqual([]);
  expect(validateResponseBody(418, "application/json", {})).toEqual(["status 418 is not documented for imGroupCreate"]);
  expect(validateResponse("imGroups", 200, "application/json", { total_records: 1 })).not.toEqual([]);
  expect(validateResponse("imGroupMembersCreate", 201, "application/json", { added_at: "yesterday" })).not.toEqual([]);
  expect(validateResponse("imGroupDelete", 204, "application/json", { deleted: true })).not.toEqual([]);
  expect(validateResponse("imGroupDelete", 409, "application/json", { code: 4132, message: "x" })).not.toEqual([]);
});

/** A request of one operation to the mock: its path filled in, its body as JSON. */
function requestOf(
  operationId: OperationId,
  params: Record<string, string> = {},
  body?: unknown,
  headers: Record<string, string> = {},
): Request {
  const { method, path, queryParams } = operations[operationId];
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "none"));
  const query = new URLSearchParams(
    Object.entries(params).filter(([name]) => (queryParams as readonly string[]).includes(name)),
  );
  const url = `https://api.zoom.us/v2${filled}${query.size > 0 ? `?${query}` : ""}`;
  const json = body === undefined ? {} : { "Content-Type": "application/json" };
  return new Request(url, {
    method,
    headers: { Authorization: "Bearer t", ...json, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A valid body for each operation that takes one. */
const bodies: Partial<Record<OperationId, unknown>> = {
  imGroupCreate: { name: "Design team" },
  imGroupUpdate: { name: "Renamed" },
  imGroupMembersCreate: { members: [{ email: "ada@example.com" }] },
  groupCreate: { name: "Design team" },
  groupMembersCreate: { members: [{ email: "ada@example.com" }] },
};

/** IM groups (retired where Zoom retired them) or Zoom's Groups API: each keeps its own groups. */
const imGroups = (operationId: OperationId) => operations[operationId].path.startsWith("/im/");

/** Sends to the mock and checks the answer against what the operation documents; returns the answer. */
async function conforming(mock: MockZoom, operationId: OperationId, request: Request): Promise<Response> {
  const response = await mock.handle(request);
  expect(await responseProblems(operationId, response), `${operationId} → ${response.status}`).toEqual([]);
  expect(response.headers.get("x-zm-trackingid")).toMatch(/^mock-/);
  return response;
}

describe.each(operationIds)("the mock's answers to %s", (operationId) => {
  const operation = operations[operationId];
  /** A mock holding one group (with one member) and the params that name them. */
  async function seeded(options: MockZoomOptions = {}) {
    const mock = createMockZoom(options);
    // A retired account answers 410 before it looks for any group: nothing to seed.
    if (options.retired) return { mock, params: { groupId: "any", memberId: "any" } };
    // The group is made in the operation's own API.
    const [create, add] = imGroups(operationId)
      ? (["imGroupCreate", "imGroupMembersCreate"] as const)
      : (["groupCreate", "groupMembersCreate"] as const);
    const created = (await (await mock.handle(requestOf(create, {}, { name: "Seed" }))).json()) as { id: string };
    await mock.handle(requestOf(add, { groupId: created.id }, bodies[add]));
    const memberId = mock.members(created.id)[0]?.id ?? "";
    return { mock, params: { groupId: created.id, memberId } };
  }

  test.each(Object.keys(operation.responses))(
    "X-Mock-Status %s is answered as the spec documents it",
    async (status) => {
      const { mock, params } = await seeded();
      const response = await conforming(
        mock,
        operationId,
        requestOf(operationId, params, bodies[operationId], { "X-Mock-Status": status }),
      );
      expect(response.status).toBe(Number(status));
    },
  );

  test("its own success, 401, 404 (for a group's path), 410 and 429 all conform", async () => {
    const { mock, params } = await seeded();
    const statuses: number[] = [];
    const send = async (request: Request, on = mock) =>
      statuses.push((await conforming(on, operationId, request)).status);
    await send(requestOf(operationId, params, bodies[operationId]));
    await send(requestOf(operationId, params, bodies[operationId], { Authorization: "Token nope" }));
    const byGroup = operation.pathParams.includes("groupId");
    if (byGroup) await send(requestOf(operationId, { groupId: "missing" }, bodies[operationId]));
    // Zoom retires the IM-group APIs, not the Groups API.
    const retired = (await seeded({ retired: true })).mock;
    if (imGroups(operationId)) await send(requestOf(operationId, params, bodies[operationId]), retired);
    // The seeding takes this second's one slot of each label, so the next request is refused: the clock is held
    // still meanwhile, so a busy machine crossing a second boundary cannot free a slot.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const limited = await seeded({ rateLimit: 1, rateLimits: { Medium: 1 } });
      await send(requestOf(operationId, limited.params, bodies[operationId]), limited.mock);
    } finally {
      vi.useRealTimers();
    }
    const expected = [
      operation.successStatus,
      401,
      ...(byGroup ? [404] : []),
      ...(imGroups(operationId) ? [410] : []),
      429,
    ];
    expect(statuses).toEqual(expected);
  });
});

describe("the mock's refusals conform where the operation documents them", () => {
  test("a taken name is the documented 409 on create and on update", async () => {
    const mock = createMockZoom();
    await mock.handle(requestOf("imGroupCreate", {}, { name: "A" }));
    const b = (await (await mock.handle(requestOf("imGroupCreate", {}, { name: "B" }))).json()) as { id: string };
    expect((await conforming(mock, "imGroupCreate", requestOf("imGroupCreate", {}, { name: "A" }))).status).toBe(409);
    const update = requestOf("imGroupUpdate", { groupId: b.id }, { name: "A" });
    expect((await conforming(mock, "imGroupUpdate", update)).status).toBe(409);
  });

  test("an unknown member is the documented 404, code 1001, on add and on remove", async () => {
    const mock = createMockZoom();
    const g = (await (await mock.handle(requestOf("imGroupCreate", {}, { name: "G" }))).json()) as { id: string };
    const add = requestOf("imGroupMembersCreate", { groupId: g.id }, { members: [{ email: "x@example.invalid" }] });
    const added = await conforming(mock, "imGroupMembersCreate", add);
    expect([added.status, ((await added.json()) as { code: number }).code]).toEqual([404, 1001]);
    const removed = await conforming(
      mock,
      "imGroupMembersDelete",
      requestOf("imGroupMembersDelete", { groupId: g.id, memberId: "nobody" }),
    );
    expect([removed.status, ((await removed.json()) as { code: number }).code]).toEqual([404, 1001]);
  });

  test.each(
    operationIds.filter((id) => operations[id].requestContentTypes.length > 0 || operations[id].queryParams.length > 0),
  )("%s: a body or parameter off the spec is the documented 400 with field errors", async (operationId) => {
    const mock = createMockZoom();
    const g = (await (await mock.handle(requestOf("imGroupCreate", {}, { name: "G" }))).json()) as { id: string };
    const broken = operations[operationId].requestContentTypes.length > 0 ? { unknown_field: true } : undefined;
    const params = broken ? { groupId: g.id } : { groupId: g.id, page_size: "301" };
    const response = await conforming(mock, operationId, requestOf(operationId, params, broken));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
  });

  test("a paged list's pages and an expired or foreign token conform", async () => {
    const mock = createMockZoom();
    const g = (await (await mock.handle(requestOf("imGroupCreate", {}, { name: "G" }))).json()) as { id: string };
    const members = Array.from({ length: 10 }, (_, i) => ({ email: `u${i}@example.com` }));
    await mock.handle(requestOf("imGroupMembersCreate", { groupId: g.id }, { members }));
    const first = await conforming(
      mock,
      "imGroupMembers",
      requestOf("imGroupMembers", { groupId: g.id, page_size: "4" }),
    );
    const { next_page_token } = (await first.json()) as { next_page_token: string };
    const second = requestOf("imGroupMembers", { groupId: g.id, page_size: "4", next_page_token });
    expect((await conforming(mock, "imGroupMembers", second)).status).toBe(200);
    const bogus = requestOf("imGroupMembers", { groupId: g.id, next_page_token: "bogus" });
    expect((await conforming(mock, "imGroupMembers", bogus)).status).toBe(400);
  });
});
