/**
 * The error factory: one class per meaning, from (HTTP status, Zoom code), whatever the body looks like.
 */
import { HttpResponse, http } from "msw";
import { describe, expect, test } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  createImGroupsClient,
  GroupNameConflictError,
  GroupNotFoundError,
  ImGroupsApiRetiredError,
  PaidAccountRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ZoomApiError,
} from "../src/index.ts";
import { ENDPOINT, TOKEN, useMswServer } from "./support/msw.ts";

const { respondWith, server } = useMswServer();
/** The group list (`GET /im/groups`) holds these groups. */
const listHolds = (...groups: { id: string; name: string }[]) =>
  server.use(http.get(ENDPOINT, () => HttpResponse.json({ total_records: groups.length, groups })));
const client = createImGroupsClient({ accessToken: TOKEN, maxRetries: 0 });

async function failure(response: Response): Promise<ZoomApiError> {
  respondWith(response);
  const error = await client.createImGroup({ name: "Design team" }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZoomApiError);
  return error as ZoomApiError;
}

const zoom = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "x-zm-trackingid": "TRACK-1", ...headers } });

describe("(status, Zoom code) picks the class", () => {
  test.each([
    [zoom(400, { code: 300, message: "Validation Failed." }), BadRequestError, 300],
    [zoom(401, { code: 124, message: "Invalid access token." }), AuthenticationError, 124],
    [zoom(403, { code: 104, message: "Invalid access token, does not contain scopes." }), PermissionDeniedError, 104],
    [zoom(404, { code: 4130, message: "Group does not exist: x." }), GroupNotFoundError, 4130],
    [zoom(409, { code: 4132, message: "Group name Design team is already in use." }), GroupNameConflictError, 4132],
    [zoom(410, { code: 4137, message: "The IM Group APIs are no longer available." }), ImGroupsApiRetiredError, 4137],
    [zoom(429, { code: 429, message: "Too many requests" }), RateLimitError, 429],
    [zoom(503, { code: 5000, message: "Service unavailable" }), ServerError, 5000],
    [zoom(200, { code: 200, message: "Only available for Paid account." }), PaidAccountRequiredError, 200],
    [zoom(400, { code: 200, message: "Only available for Paid account." }), PaidAccountRequiredError, 200],
    [zoom(418, { code: 1, message: "I'm a teapot" }), ZoomApiError, 1],
  ])("%#: %o", async (response, ErrorClass, code) => {
    const error = await failure(response);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.code).toBe(code);
    expect(error.trackingId).toBe("TRACK-1");
    expect(error.message).toContain(`POST ${ENDPOINT} → HTTP ${response.status}`);
    expect(error.message).toContain(`Zoom code ${code}`);
    expect(error.message).toContain("tracking id TRACK-1");
  });
});

const oddBodies = [
  ["empty", ""],
  ["plain text", "Conflict happened"],
  ["HTML", "<html><body><h1>502 Bad Gateway</h1></body></html>"],
  ["truncated JSON", '{"code": 4132, "message": "Group na'],
  ["a JSON array", "[1,2,3]"],
  ["JSON null", "null"],
  ["binary", "\u0000\u0001\u00ff\ufffd"],
] as const;

describe("bodies that are not Zoom JSON still map by status", () => {
  test.each(oddBodies)("%s body", async (_label, body) => {
    for (const [status, ErrorClass] of [
      [409, GroupNameConflictError],
      [502, ServerError],
    ] as const) {
      const error = await failure(new Response(body, { status, headers: { "content-type": "text/html" } }));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.status).toBe(status);
      expect(error.code).toBeUndefined();
      expect(error.message).not.toContain("<html>");
    }
  });
});

describe("a 200 without a group is 'paid account only' only when it has Zoom's code or the documented empty body", () => {
  test.each<[string, Response, boolean]>([
    ["Zoom's JSON", Response.json({ code: 200, message: "Only available for Paid account." }), true],
    ...oddBodies.map(([label, body]): [string, Response, boolean] => [
      `${label} body`,
      new Response(body, { status: 200 }),
      body === "",
    ]),
  ])("%s", async (_label, response, paidOnly) => {
    const error = await failure(response);
    expect(error.status).toBe(200);
    expect(error instanceof PaidAccountRequiredError).toBe(paidOnly);
    if (!paidOnly) {
      expect(error.name).toBe("ZoomApiError");
      expect(error.message).not.toContain("paid");
    }
  });

  test("a proxy's HTML page under 200 says Zoom answered without the created group", async () => {
    const error = await failure(new Response("<html><body>Welcome to the hotel Wi-Fi</body></html>", { status: 200 }));
    expect(error.message).toMatch(/^Zoom answered HTTP 200 without the created group\. /);
    expect(error.mayHaveChanged).toBe(false);
  });
});

test("messages say what to do", async () => {
  expect((await failure(zoom(403, { code: 104, message: "No scope." }))).message).toContain("imgroup:write:admin");
  const retired = (await failure(zoom(410, { code: 4137, message: "Gone." }))).message;
  expect(retired).toMatch(/retired the IM-group APIs/);
  // What Zoom announced in their place, what this package offers for it, and where the admin looks.
  expect(retired).toContain("Groups API (POST /v2/groups)");
  expect(retired).toContain("createGroup");
  expect(retired).toContain("--api groups");
  expect(retired).toContain("developers.zoom.us");
  expect((await failure(zoom(200, { code: 200, message: "Only available for Paid account." }))).message).toContain(
    "paid Zoom account",
  );
});

test("a 400 lists Zoom's field errors", async () => {
  const error = await failure(
    zoom(400, { code: 300, message: "Validation Failed.", errors: [{ field: "type", message: "Invalid field." }] }),
  );
  expect(error).toBeInstanceOf(BadRequestError);
  expect(error.errors).toEqual([{ field: "type", message: "Invalid field." }]);
  expect(error.message).toContain("type: Invalid field.");
});

test("a 429 carries its limit type and when it clears", async () => {
  const error = (await failure(
    zoom(
      429,
      { code: 429, message: "Daily limit" },
      { "X-RateLimit-Type": "Daily-limit", "Retry-After": "2099-01-01T00:00:00Z" },
    ),
  )) as RateLimitError;
  expect(error.rateLimitType).toBe("Daily-limit");
  expect(error.retryAfter?.toISOString()).toBe("2099-01-01T00:00:00.000Z");
  expect(error.message).toContain("daily limit for Light APIs");
});

test("toJSON carries the fields, not the headers", async () => {
  const json = (await failure(zoom(404, { code: 4130, message: "Group does not exist: x." }))).toJSON();
  expect(json).toMatchObject({ name: "GroupNotFoundError", status: 404, code: 4130, trackingId: "TRACK-1" });
  expect(json).not.toHaveProperty("headers");
});

describe("successes", () => {
  test.each([
    ["/v2/im/groups/abc123", "abc123"],
    ["https://api.zoom.us/v2/im/groups/abc123", "abc123"],
    ["https://api.zoom.us/v2/im/groups/a%20b/", "a b"],
    // No id in the body or the location: the group of that (unique) name in the list.
    ["quis officia in reprehenderit", "listed-id"],
    ["https://api.zoom.us/v2/users/abc", "listed-id"],
  ])("Content-Location %s gives id %s", async (location, id) => {
    respondWith(new Response("", { status: 201, headers: { "Content-Location": location } }));
    listHolds({ id: "other-id", name: "Sales" }, { id: "listed-id", name: "Design team" });
    const group = await client.createImGroup({ name: "Design team" });
    expect(group.id).toBe(id);
    expect(group.location).toBe(location);
  });

  test("a 200 with a group id is a success; the body's id wins over the location", async () => {
    respondWith(
      zoom(200, { id: "body-id", name: "Design team", total_members: 0 }, { "Content-Location": "/v2/im/groups/x" }),
    );
    const group = await client.createImGroup({ name: "Design team" });
    expect(group).toEqual({
      id: "body-id",
      name: "Design team",
      total_members: 0,
      location: "/v2/im/groups/x",
      trackingId: "TRACK-1",
      status: 200,
    });
  });

  test("fields of the wrong type are dropped, not trusted", async () => {
    respondWith(zoom(201, { id: 42, name: "Design team", total_members: "many", extra: true }));
    listHolds({ id: "listed-id", name: "Design team" });
    const group = await client.createImGroup({ name: "Design team" });
    expect(group).toEqual({ id: "listed-id", name: "Design team", trackingId: "TRACK-1", status: 201 });
  });

  test("a created group that no answer names and the list lacks rejects, saying it may exist", async () => {
    respondWith(zoom(201, {}));
    listHolds({ id: "other-id", name: "Sales" });
    const error = await client.createImGroup({ name: "Design team" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ZoomImGroupsError", mayHaveChanged: true });
    expect((error as Error).message).toContain('"Design team"');
  });
});
