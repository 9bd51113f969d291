/**
 * Errors mapped by what Zoom said (issue: contract fidelity): only Zoom's own "group does not exist" is a
 * GroupNotFoundError, message templates are filled or left out, problem+json reaches the message, and
 * the client asks for JSON.
 */
import { describe, expect, test } from "vitest";
import {
  createImGroupsClient,
  GroupNameConflictError,
  GroupNotFoundError,
  PaidAccountRequiredError,
  RouteNotFoundError,
  ZoomApiError,
} from "../src/index.ts";
import { fillTemplate } from "../src/response.ts";
import { TOKEN, useMswServer } from "./support/msw.ts";

const { respondWith, requests } = useMswServer();
const client = createImGroupsClient({ accessToken: TOKEN, maxRetries: 0 });

async function failure(response: Response, name = "Design team"): Promise<ZoomApiError> {
  respondWith(response);
  const error = await client.createImGroup({ name }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZoomApiError);
  return error as ZoomApiError;
}

describe("404: Zoom's 'group does not exist' or a route that is not there", () => {
  test("code 4130 is GroupNotFoundError", async () => {
    const error = await failure(Response.json({ code: 4130, message: "Group does not exist: x." }, { status: 404 }));
    expect(error).toBeInstanceOf(GroupNotFoundError);
  });

  test("the documented empty-bodied 404 is GroupNotFoundError, its template without the placeholder", async () => {
    const error = await failure(new Response("", { status: 404 }));
    expect(error).toBeInstanceOf(GroupNotFoundError);
    expect(error.message).toMatch(/^Group does not exist\. /);
    expect(error.message).not.toMatch(/[{}]/);
  });

  test.each([
    ["a proxy's HTML page", new Response("<html><body>Not Found</body></html>", { status: 404 })],
    ["a plain-text 404", new Response("404 page not found", { status: 404 })],
    [
      "Prism's problem+json 'no route'",
      Response.json(
        {
          type: "https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR",
          title: "Route not resolved, no path matched",
          status: 404,
          detail: "The route /v2/im/grops hasn't been found in the specification file",
        },
        { status: 404, headers: { "content-type": "application/problem+json" } },
      ),
    ],
    [
      "JSON with a Zoom code the spec does not know",
      Response.json({ code: 9999, message: "Something else." }, { status: 404 }),
    ],
  ])("%s is RouteNotFoundError, which says to check the base URL", async (_label, response) => {
    const error = await failure(response);
    expect(error).toBeInstanceOf(RouteNotFoundError);
    expect(error).not.toBeInstanceOf(GroupNotFoundError);
    expect(error.name).toBe("RouteNotFoundError");
    expect(error.message).toContain("check the base URL");
    expect(error.message).not.toContain("Group does not exist");
  });

  test("problem+json title and detail reach the message", async () => {
    const error = await failure(
      Response.json(
        { title: "Route not resolved, no path matched", detail: "The route /v2/im/grops hasn't been found" },
        { status: 404, headers: { "content-type": "application/problem+json" } },
      ),
    );
    expect(error.message).toMatch(/^Route not resolved, no path matched\. The route \/v2\/im\/grops hasn't been found/);
  });
});

describe("Zoom's message templates are never shown raw", () => {
  test("an empty 409 is filled with the name this call sent", async () => {
    const error = await failure(new Response("", { status: 409 }), "Sales EMEA");
    expect(error).toBeInstanceOf(GroupNameConflictError);
    expect(error.message).toMatch(/^Group name Sales EMEA is already in use\./);
  });

  test("a 409 whose body is the template itself is filled too", async () => {
    const error = await failure(
      Response.json({ code: 4132, message: "Group name {groupName} is already in use." }, { status: 409 }),
      "Ops",
    );
    expect(error.zoomMessage).toBe("Group name Ops is already in use.");
    expect(error.message).not.toMatch(/[{}]/);
  });

  test("the paid-account template leaves the unknown account id out", async () => {
    const error = await failure(new Response("", { status: 200 }));
    expect(error).toBeInstanceOf(PaidAccountRequiredError);
    expect(error.message).toMatch(/^Only available for paid account\. /);
  });

  test.each([
    ["Only available for paid account:{accountId}.", {}, "Only available for paid account."],
    ["Only available for paid account:{accountId}.", { accountId: "abc" }, "Only available for paid account: abc."],
    ["Group does not exist:{groupId}.", {}, "Group does not exist."],
    ["Group name {groupName} is already in use.", {}, "Group name is already in use."],
    ["Group name {groupName} is already in use.", { groupName: "A {b}" }, "Group name A {b} is already in use."],
    ["No placeholder here.", {}, "No placeholder here."],
  ])("fillTemplate(%j, %j) → %j", (template, values, expected) => {
    expect(fillTemplate(template, values)).toBe(expected);
  });
});

describe("gateways", () => {
  test("a problem+json 415 says what the gateway said, not 'Zoom answered with an error'", async () => {
    const error = await failure(
      Response.json(
        { title: "Unsupported Media Type", detail: "multipart/form-data is not accepted here" },
        { status: 415, headers: { "content-type": "application/problem+json" } },
      ),
    );
    expect(error.message).toMatch(/^Unsupported Media Type\. multipart\/form-data is not accepted here/);
    expect(error.message).not.toContain("Zoom answered with an error");
  });
});

test("every request asks for JSON (Zoom's files say it can also produce XML)", async () => {
  respondWith(Response.json({ id: "g1" }, { status: 201 }));
  await client.createImGroup({ name: "Accept" });
  await createImGroupsClient({
    accessToken: TOKEN,
    encoding: "json",
    middleware: [{ onRequest: () => undefined }],
  }).createImGroup({ name: "A2" });
  expect(requests).toHaveLength(2);
  for (const request of requests) expect(request.headers.get("accept")).toBe("application/json");
});
