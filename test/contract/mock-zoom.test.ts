/**
 * The mock Zoom keeps the spec's contract: every answer it gives is documented by the spec and validates
 * against it, and it checks bodies with its own validator, generated from the spec by Ajv. Exercised through
 * MSW (as consumers' tests use it), through `handle` directly, and over real HTTP (as the CLI uses it).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { repoRoot } from "../../scripts/lib/spec.ts";
import { type SchemaUse, validatorsSource } from "../../scripts/lib/validators.ts";
import {
  BadRequestError,
  createImGroupsClient,
  GroupNameConflictError,
  GroupNotFoundError,
  PaidAccountRequiredError,
  RateLimitError,
  UserNotFoundError,
} from "../../src/index.ts";
import { createImGroupRequestSchema, validateCreateImGroupBody } from "../../src/spec.ts";
import { createMockZoom, type MockZoom, mockZoomHandlers, startMockZoom } from "../../src/testing/index.ts";
import { NAME_MAX, requestParams, responseProblems, specOperations } from "../support/spec.ts";

const API = "https://api.zoom.us/v2/im/groups";
let mock: MockZoom = createMockZoom();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

/** Serves a fresh mock with these options; every response is checked against the spec on the way out. */
function useMock(options: Parameters<typeof createMockZoom>[0] = {}) {
  mock = createMockZoom(options);
  server.use(...mockZoomHandlers(http, { mock }));
}

/** The answer is one the operation of `request` (the create by default) documents, by the test's own Ajv. */
async function conforms(response: Response, request?: Request): Promise<Response> {
  const operation = request
    ? specOperations.find(
        ({ operationId, method }) => method === request.method && requestParams(operationId, request.url) !== undefined,
      )
    : undefined;
  expect(await responseProblems(operation?.operationId ?? "imGroupCreate", response)).toEqual([]);
  expect(response.headers.get("x-zm-trackingid")).toMatch(/^mock-/);
  return response;
}

const client = (options: Record<string, unknown> = {}) =>
  createImGroupsClient({
    accessToken: "any-token",
    maxRetries: 0,
    middleware: [{ onResponse: async ({ request, response }) => void (await conforms(response, request)) }],
    ...options,
  });

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(API, { method: "POST", body, headers: { Authorization: "Bearer t", ...headers } });
const json = (body: unknown) => post(JSON.stringify(body), { "Content-Type": "application/json" });
function form(fields: Record<string, string>): Request {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return post(data);
}
/** Sends through MSW with fetch, as an application's own code would. */
const send = (request: Request) => fetch(request).then(conforms);

describe.each(["multipart", "json"] as const)("through MSW (%s)", (encoding) => {
  test("creates, then refuses the same name with the documented 409", async () => {
    useMock();
    const group = await client({ encoding }).createImGroup({
      name: "Design team",
      type: "restricted",
      search_by_account: true,
    });
    expect(group).toMatchObject({ name: "Design team", search_by_account: true, total_members: 0, status: 201 });
    expect(group.location).toBe(`/v2/im/groups/${group.id}`);
    expect(mock.groups()[0]).toMatchObject({ type: "restricted", search_by_account: true, search_by_domain: false });
    const again = await client({ encoding })
      .createImGroup({ name: "Design team" })
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(GroupNameConflictError);
    expect((again as GroupNameConflictError).code).toBe(4132);
    expect((again as Error).message).toContain("Group name Design team is already in use.");
    expect(mock.groups().map((g) => g.name)).toEqual(["Design team"]);
  });
});

describe("the route table: every operation of the spec, over one store (through MSW)", () => {
  test("GET /v2/im/groups lists the account's groups, as the create made them", async () => {
    useMock();
    const c = client();
    await c.createImGroup({ name: "A", type: "shared" });
    await c.createImGroup({ name: "B" });
    const listed = [];
    for await (const group of c.listImGroups()) listed.push(group);
    expect(listed).toEqual([
      expect.objectContaining({ name: "A", type: "shared", total_members: 0 }),
      expect.objectContaining({ name: "B", type: "normal" }),
    ]);
  });

  test("a group is read, changed, and gone after its delete", async () => {
    useMock();
    const c = client();
    const group = await c.createImGroup({ name: "Ops" });
    await c.createImGroup({ name: "Taken" });
    await c.updateImGroup(group.id, { name: "Ops 2", search_by_domain: true });
    expect(await c.getImGroup(group.id)).toMatchObject({ id: group.id, name: "Ops 2", search_by_domain: true });
    await expect(c.updateImGroup(group.id, { name: "Taken" })).rejects.toBeInstanceOf(GroupNameConflictError);
    await c.deleteImGroup(group.id);
    await expect(c.getImGroup(group.id)).rejects.toBeInstanceOf(GroupNotFoundError);
    await expect(c.updateImGroup(group.id, { type: "shared" })).rejects.toBeInstanceOf(GroupNotFoundError);
    expect(mock.groups().map((g) => g.name)).toEqual(["Taken"]);
  });

  test("members are added, listed page by page, removed; unknownUsers and .invalid addresses are unknown", async () => {
    useMock({ unknownUsers: ["ghost@example.com"] });
    const c = client();
    const group = await c.createImGroup({ name: "Team" });
    const wanted = [{ email: "ada@example.com" }, { email: "Ghost@example.com" }, { email: "x@y.invalid" }];
    const result = await c.addImGroupMembers(group.id, [...wanted, { email: "bo@example.com" }]);
    expect(result.unknown).toEqual([{ email: "Ghost@example.com" }, { email: "x@y.invalid" }]);
    expect(result.added).toEqual([{ email: "ada@example.com" }, { email: "bo@example.com" }]);
    const pages = [];
    for await (const page of c.listImGroupMembers(group.id, { pageSize: 1 }).pages()) pages.push(page);
    expect(pages.map((page) => page.members.map((m) => m.email))).toEqual([["ada@example.com"], ["bo@example.com"]]);
    expect(pages.map((page) => page.total_records)).toEqual([2, 2]);
    const [ada] = mock.members(group.id);
    await c.removeImGroupMember(group.id, ada?.id ?? "");
    await expect(c.removeImGroupMember(group.id, ada?.id ?? "")).rejects.toBeInstanceOf(UserNotFoundError);
    expect(mock.members(group.id).map((m) => m.email)).toEqual(["bo@example.com"]);
    expect(mock.groups()[0]?.total_members).toBe(1);
  });

  test("a member page token lasts 15 minutes, then the page is refused with the documented 400", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T12:00:00Z") });
    useMock();
    const c = client();
    const group = await c.createImGroup({ name: "Paged" });
    await c.addImGroupMembers(group.id, [{ email: "a@example.com" }, { email: "b@example.com" }]);
    const list = c.listImGroupMembers(group.id, { pageSize: 1 });
    const token = (await list.page()).next_page_token ?? "";
    vi.setSystemTime(new Date("2026-03-01T12:14:59Z"));
    expect((await list.page(token)).members).toEqual([expect.objectContaining({ email: "b@example.com" })]);
    vi.setSystemTime(new Date("2026-03-01T12:15:00Z"));
    const error = await list.page(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).message).toContain("next_page_token");
  });

  test("limits count per label: the Medium list's limit refuses lists, not the Light creates of that second", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T12:00:00.100Z") });
    useMock({ rateLimits: { Medium: 1 } });
    const c = client();
    await c.listImGroups().page();
    const limited = (await c
      .listImGroups()
      .page()
      .catch((e: unknown) => e)) as RateLimitError;
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited.headers.get("x-ratelimit-category")).toBe("Medium");
    expect(limited.operationId).toBe("imGroups");
    await expect(c.createImGroup({ name: "Light still" })).resolves.toMatchObject({ status: 201 });
    vi.setSystemTime(new Date("2026-03-01T12:00:01.000Z"));
    await expect(c.listImGroups().page()).resolves.toMatchObject({ total_records: 1 });
  });

  test("the mock itself answers a method the path does not document with 405 naming the path's methods, an unknown path 404", async () => {
    useMock();
    // Asked directly (as startMockZoom serves it): MSW's handlers leave an undocumented method to the user's own.
    const put = await mock.handle(new Request(API, { method: "PUT", headers: { Authorization: "Bearer t" } }));
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("POST, GET");
    const members = await mock.handle(
      new Request(`${API}/g1/members`, { method: "PUT", headers: { Authorization: "Bearer t" } }),
    );
    expect(members.headers.get("allow")).toBe("GET, POST");
    const unknown = await mock.handle(
      new Request("https://api.zoom.us/v2/im/chat", { headers: { Authorization: "Bearer t" } }),
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ message: "No such API: GET /v2/im/chat." });
  });
});

test("names are unique per account, not globally", async () => {
  useMock({ accounts: { "token-a": "acct-a", "token-b": "acct-b" } });
  await client({ accessToken: "token-a" }).createImGroup({ name: "Ops" });
  await client({ accessToken: "token-b" }).createImGroup({ name: "Ops" });
  expect(mock.groups("acct-a")).toHaveLength(1);
  expect(mock.groups("acct-b")).toHaveLength(1);
});

test.each<[string, string | undefined]>([
  ["a missing token", undefined],
  ["a malformed header", "Token abc"],
  ["an unknown token", "Bearer nope"],
  // The accounts table is read by its own keys only: an object's inherited names are no tokens.
  ...["constructor", "toString", "hasOwnProperty", "valueOf", "__proto__"].map((name): [string, string] => [
    `an inherited name (${name})`,
    `Bearer ${name}`,
  ]),
])("%s → 401, code 124, nothing created", async (_label, authorization) => {
  useMock({ accounts: { "good-token": "acct-a" } });
  const request = new Request(API, { method: "POST", body: new FormData() });
  if (authorization) request.headers.set("Authorization", authorization);
  const response = await send(request);
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({ code: 124, message: "Invalid access token." });
  expect(mock.groups("acct-a")).toEqual([]);
});

describe("field errors come from the mock's own validator (Ajv, generated from the spec)", () => {
  test.each([
    [
      "the seed's curl values (multipart)",
      form({
        name: "Excepteur proident in",
        type: "Excepteur proident innormal",
        search_by_domain: "Excepteur proident innormalfalse",
        search_by_account: "Excepteur proident innormalfalsetrue",
        search_by_ma_account: "Excepteur proident innormalfalsetruefalse",
      }),
      [
        { field: "type", message: "must be equal to one of the allowed values" },
        { field: "search_by_domain", message: "must be boolean" },
        { field: "search_by_account", message: "must be boolean" },
        { field: "search_by_ma_account", message: "must be boolean" },
      ],
    ],
    [
      "a missing name and an unknown field (JSON)",
      json({ type: "shared", search_by_domian: true }),
      [
        { field: "name", message: "must have required property 'name'" },
        { field: "search_by_domian", message: "must NOT have additional properties" },
      ],
    ],
    [
      "a boolean written as text in JSON",
      json({ name: "x", search_by_domain: "true" }),
      [{ field: "search_by_domain", message: "must be boolean" }],
    ],
    [
      `${NAME_MAX + 1} characters (code points, not UTF-16 units)`,
      json({ name: "😀".repeat(NAME_MAX + 1) }),
      [{ field: "name", message: `must NOT have more than ${NAME_MAX} characters` }],
    ],
  ])("%s → 400, code 300, one errors[] entry per bad field, nothing created", async (_label, request, errors) => {
    useMock();
    const response = await send(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 300, message: "Validation failed.", errors });
    expect(mock.groups()).toEqual([]);
  });

  test(`a form's text is read as the schema's types, and ${NAME_MAX} emoji are ${NAME_MAX} characters`, async () => {
    useMock();
    expect((await send(form({ name: "😀".repeat(NAME_MAX), search_by_domain: "true" }))).status).toBe(201);
    expect(mock.groups()[0]).toMatchObject({ name: "😀".repeat(NAME_MAX), search_by_domain: true });
  });

  test("300 generated bodies: the mock and the client's own validator name the same bad fields", async () => {
    const known = Object.keys(createImGroupRequestSchema.properties);
    const body = fc.dictionary(
      fc.oneof(
        fc.constantFrom(...known),
        fc.string({ maxLength: 8 }).filter((key) => key !== "__proto__"),
      ),
      fc.oneof(
        fc.constantFrom("normal", "shared", "true", "", "a\u0000b"),
        fc.boolean(),
        fc.jsonValue({ maxDepth: 1 }),
      ),
      { maxKeys: 6 },
    );
    await fc.assert(
      fc.asyncProperty(body, async (fields) => {
        const fresh = createMockZoom();
        const response = await fresh.handle(json(fields));
        const mockFields =
          response.status === 400 ? ((await response.json()) as { errors: { field: string }[] }).errors : [];
        const clientFields = new Set(validateCreateImGroupBody(fields).map((issue) => issue.field));
        expect(mockFields.map((error) => error.field).sort()).toEqual([...clientFields].sort());
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });
});

describe("the generator of the validators the mock and the client share (scripts/lib/validators.ts)", () => {
  const schema = {
    type: "object",
    additionalProperties: false,
    properties: {
      name: {
        type: "string",
        maxLength: 3,
        pattern: "^[^\\u0000-\\u001F\\u007F]*$",
        "x-pattern-message": "must not contain control characters",
        example: "abc",
      },
      glyph: { type: "string", pattern: "^.$" },
      flag: { type: "boolean" },
      emails: { type: "array", maxItems: 2, items: { type: "string", format: "email" } },
    },
  };
  const json: SchemaUse = { schema, coerce: false, where: "test application/json body" };
  const form: SchemaUse = { schema, coerce: true, where: "test multipart/form-data body" };
  type Validator = ((value: unknown) => boolean) & {
    errors?: { instancePath: string; keyword: string; message?: string }[] | null;
  };
  let work: string;
  let generated: { json: Validator; form: Validator; again: Validator };
  let source: ReturnType<typeof validatorsSource>;
  beforeAll(async () => {
    // Inside the repository so that the module's imports (there must be none) would resolve as they do there.
    work = await mkdtemp(join(repoRoot, "node_modules", ".validators-"));
    // The same schema twice in one mode: one function serves both.
    source = validatorsSource([json, form, { ...json, where: "another operation's body" }]);
    const exports = `export const json = ${source.name(json)};\nexport const form = ${source.name(form)};\nexport const again = ${source.name({ ...json, where: "x" })};\n`;
    await writeFile(join(work, "validators.ts"), `${source.code}\n${exports}`);
    generated = await import(join(work, "validators.ts"));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  test("writes code that needs nothing at run time: no import, require, eval or new Function", () => {
    expect(source.code).not.toMatch(/\bimport\b|\brequire\(|\beval\(|\bnew Function\b/);
  });

  test("identical schemas in one mode share one function; a form's is another", () => {
    expect(source.name(json)).toBe(source.name({ ...json, where: "another operation's body" }));
    expect(source.name(form)).not.toBe(source.name(json));
    expect(generated.again).toBe(generated.json);
  });

  test.each([
    ["a\u0000b", "pattern"],
    ["\t", "pattern"],
    ["a\u007f", "pattern"],
    ["😀😀😀😀", "maxLength"],
  ])("name %j is refused by its %s", (name, keyword) => {
    expect(generated.json({ name })).toBe(false);
    expect(generated.json.errors?.[0]).toMatchObject({ instancePath: "/name", keyword });
  });

  test("patterns use the u flag and lengths count code points", () => {
    expect(generated.json({ name: "😀😀😀", glyph: "😀" })).toBe(true);
    expect(generated.json({ glyph: "ab" })).toBe(false);
  });

  test("only the form's validator coerces text to the schema's types, and one value to a list of one", () => {
    const fields: Record<string, unknown> = { flag: "true", emails: "ada@example.com" };
    expect(generated.form(fields)).toBe(true);
    expect(fields).toEqual({ flag: true, emails: ["ada@example.com"] });
    expect(generated.json({ flag: "true" })).toBe(false);
    expect(generated.json({ emails: "ada@example.com" })).toBe(false);
    expect(generated.json.errors?.[0]).toMatchObject({ instancePath: "/emails", keyword: "type" });
  });

  test("a list's rules and its items' format are checked, each error at its item", () => {
    expect(generated.json({ emails: ["ada@example.com", "grace@example.org"] })).toBe(true);
    expect(generated.json({ emails: ["ada@example.com", "not an email"] })).toBe(false);
    expect(generated.json.errors?.[0]).toMatchObject({ instancePath: "/emails/1", keyword: "format" });
    expect(generated.json({ emails: ["a@b.co", "c@d.co", "e@f.co"] })).toBe(false);
    expect(generated.json.errors?.[0]).toMatchObject({ instancePath: "/emails", keyword: "maxItems" });
  });

  test("a schema Ajv cannot compile fails generation naming where it is, in the spec being generated", () => {
    const broken: SchemaUse = { schema: { type: "strng" }, coerce: false, where: "imGroupX (GET /x) responses.200" };
    expect(() => validatorsSource([broken], "copy/spec.yaml")).toThrow(
      /^spec: imGroupX \(GET \/x\) responses\.200 cannot be compiled: .*\(copy\/spec\.yaml\)$/,
    );
  });
});

test("a free account gets the documented paid-only answer", async () => {
  useMock({ freeAccount: true });
  const error = await client()
    .createImGroup({ name: "x" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PaidAccountRequiredError);
  expect((error as PaidAccountRequiredError).status).toBe(200);
  expect((error as PaidAccountRequiredError).code).toBe(200);
});

describe("rate limits count creates per account in fixed UTC windows (the clock is faked)", () => {
  test("per second: the third create in a second → 429 QPS with Light category and Retry-After; the next second is free", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T12:00:00.100Z") });
    useMock({ rateLimit: 2 });
    const c = client();
    const results = await Promise.allSettled([1, 2, 3].map((n) => c.createImGroup({ name: `g${n}` })));
    const limited = results.flatMap((r) => (r.status === "rejected" ? [r.reason as RateLimitError] : []));
    expect(limited).toHaveLength(1);
    expect(limited[0]).toBeInstanceOf(RateLimitError);
    expect(limited[0]?.rateLimitType).toBe("QPS");
    expect(limited[0]?.headers.get("x-ratelimit-category")).toBe("Light");
    expect(limited[0]?.headers.get("retry-after")).toBe("1");
    vi.setSystemTime(new Date("2026-03-01T12:00:00.999Z"));
    await expect(c.createImGroup({ name: "g4" })).rejects.toBeInstanceOf(RateLimitError);
    vi.setSystemTime(new Date("2026-03-01T12:00:01.000Z"));
    await expect(c.createImGroup({ name: "g4" })).resolves.toMatchObject({ status: 201 });
  });

  test("others play the account's other apps: they take their share of every second first", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T12:00:00.100Z") });
    useMock({ rateLimit: 30, others: 28 });
    const c = client();
    const results = await Promise.allSettled([1, 2, 3].map((n) => c.createImGroup({ name: `g${n}` })));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    vi.setSystemTime(new Date("2026-03-01T12:00:01.000Z"));
    await expect(c.createImGroup({ name: "g3" })).resolves.toMatchObject({ status: 201 });
    expect(() => createMockZoom({ rateLimit: 30, others: 30 })).toThrow(/others must be .* below rateLimit/);
    expect(() => createMockZoom({ others: 5 })).toThrow(/below rateLimit \(got others 5, rateLimit undefined\)/);
  });

  test("per day: 429 Daily-limit with Retry-After at the next UTC midnight; the client does not wait for it", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T23:59:59.500Z") });
    useMock({ dailyLimit: 1 });
    await client().createImGroup({ name: "first" });
    const error = (await client({ maxRetries: 2 })
      .createImGroup({ name: "second" })
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.rateLimitType).toBe("Daily-limit");
    expect(error.headers.get("x-ratelimit-limit")).toBe("1");
    expect(error.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(error.headers.get("retry-after")).toBe("2026-03-02T00:00:00Z");
    expect(mock.groups()).toHaveLength(1);
    vi.setSystemTime(new Date("2026-03-02T00:00:00.000Z"));
    await expect(client().createImGroup({ name: "second" })).resolves.toMatchObject({ status: 201 });
  });
});

test.each([
  ["bad multipart", { "Content-Type": "multipart/form-data; boundary=xyz" }, "--nope\r\ngarbage", 400],
  ["bad JSON", { "Content-Type": "application/json" }, '{"name": "x"', 400],
  ["a JSON array", { "Content-Type": "application/json" }, "[]", 400],
  ["an unsupported type", { "Content-Type": "text/plain" }, "name=x", 415],
  ["a body over 1 MiB", { "Content-Type": "application/json" }, JSON.stringify({ name: "x".repeat(1_100_000) }), 413],
])("malformed input (%s) gets a Zoom-style 4xx", async (_label, headers, body, status) => {
  useMock();
  const response = await send(post(body, headers));
  expect(response.status).toBe(status);
  expect(await response.json()).toMatchObject({ code: 300 });
});

test("reset() forgets every group, issued token and counter, and tracking ids keep counting", async () => {
  vi.useFakeTimers({ toFake: ["Date"] }); // one UTC day and second throughout
  const fresh = createMockZoom({ rateLimit: 1, dailyLimit: 1, accounts: { t: "default" } });
  const token = (await (
    await fresh.handle(
      new Request("https://zoom.us/oauth/token?grant_type=account_credentials&account_id=acct-r", {
        method: "POST",
        headers: { Authorization: `Basic ${btoa("id:secret")}` },
      }),
    )
  ).json()) as { access_token: string };
  const create = (name: string, bearer = "t") =>
    fresh.handle(
      new Request(API, {
        method: "POST",
        headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
        body: JSON.stringify({ name }),
      }),
    );
  expect((await create("A")).status).toBe(201);
  expect((await create("B")).status).toBe(429);
  expect((await create("C", token.access_token)).status).toBe(201);
  const before = (await create("D")).headers.get("x-zm-trackingid");
  fresh.reset();
  expect(fresh.groups()).toEqual([]);
  expect(fresh.groups("acct-r")).toEqual([]);
  expect((await create("E", token.access_token)).status).toBe(401);
  const again = await create("A");
  expect(again.status).toBe(201);
  expect(await again.json()).toMatchObject({ id: "mockgrp000001" });
  expect(Number.parseInt(again.headers.get("x-zm-trackingid")?.slice(5) ?? "", 36)).toBeGreaterThan(
    Number.parseInt(before?.slice(5) ?? "", 36),
  );
});

test("latency delays each answer on its own: 1,000 concurrent requests all answer after 300 ms, none before", async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  const slow = createMockZoom({ faults: { latencyMs: [300, 300] } });
  let answered = 0;
  const answers = Array.from({ length: 1_000 }, (_, i) =>
    slow.handle(json({ name: `Slow ${i}` })).then((response) => {
      answered++;
      return response.status;
    }),
  );
  // Reading the bodies takes real turns of the event loop (setImmediate is not faked); then each answer
  // waits on its own timer. (vi.waitFor would advance the fake clock while it polls.)
  for (let turns = 0; vi.getTimerCount() < 1_000 && turns < 100_000; turns++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(vi.getTimerCount()).toBe(1_000);
  await vi.advanceTimersByTimeAsync(299);
  expect(answered).toBe(0);
  await vi.advanceTimersByTimeAsync(1);
  expect(await Promise.all(answers)).toEqual(Array(1_000).fill(201));
  expect(slow.groups()).toHaveLength(1_000);
});

describe("over real HTTP (startMockZoom)", () => {
  test("Server-to-Server OAuth on loopback: groups land in the token's account, a repeat is the documented 409", async () => {
    server.close(); // real sockets only: MSW must not intercept this
    const running = await startMockZoom();
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
      const s2s = createImGroupsClient({
        serverToServer: { accountId: "acct-s2s", clientId: "id", clientSecret: "secret", tokenUrl: running.tokenUrl },
        baseUrl: running.url,
        maxRetries: 0,
      });
      const group = await s2s.createImGroup({ name: "Via OAuth" });
      expect(running.mock.groups("acct-s2s")).toEqual([expect.objectContaining({ id: group.id, name: "Via OAuth" })]);
      await expect(s2s.createImGroup({ name: "Via OAuth" })).rejects.toBeInstanceOf(GroupNameConflictError);
    } finally {
      await running.close();
      server.listen({ onUnhandledRequest: "error" });
    }
  });
});
