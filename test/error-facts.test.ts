/**
 * Every error carries its facts (may a retry cure it, would every further call meet it, may the group exist),
 * set where the error is made: the client, the bulk runner and callers read them, never the message.
 */
import { describe, expect, test } from "vitest";
import { operations, rateLimitTypes } from "../src/generated/operations.ts";

const documentedResponses: Readonly<Record<string, { zoomCode?: number; message: string }>> =
  operations.imGroupCreate.responses;

import {
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  createImGroupsClient,
  GroupNameConflictError,
  GroupNotFoundError,
  ImGroupsApiRetiredError,
  PaidAccountRequiredError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  RouteNotFoundError,
  ServerError,
  ValidationError,
  ZoomApiError,
  type ZoomImGroupsError,
} from "../src/index.ts";
import { TOKEN, useMswServer } from "./support/msw.ts";

const { respondWith } = useMswServer();
const client = createImGroupsClient({ accessToken: TOKEN, maxRetries: 0 });

async function failure(response: Response): Promise<ZoomImGroupsError> {
  respondWith(response);
  return client.createImGroup({ name: "Design team" }).then(
    () => expect.fail("the call succeeded"),
    (error: ZoomImGroupsError) => error,
  );
}

/** The documented answer for a status, with the spec's Zoom code. */
const documented = (status: keyof typeof operations.imGroupCreate.responses, headers: Record<string, string> = {}) =>
  Response.json(
    { code: documentedResponses[status]?.zoomCode, message: documentedResponses[status]?.message },
    { status: Number(status), headers },
  );

describe("facts by class", () => {
  test.each([
    ["400", BadRequestError, { retryable: false, failsEveryCall: false }],
    ["401", AuthenticationError, { retryable: false, failsEveryCall: true }],
    ["404", GroupNotFoundError, { retryable: false, failsEveryCall: false }],
    ["409", GroupNameConflictError, { retryable: false, failsEveryCall: false }],
    ["410", ImGroupsApiRetiredError, { retryable: false, failsEveryCall: true }],
    ["200", PaidAccountRequiredError, { retryable: false, failsEveryCall: true }],
  ] as const)("HTTP %s → %o with its facts", async (status, ErrorClass, facts) => {
    const error = await failure(documented(status));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ ...facts, mayHaveChanged: false });
  });

  test("403, a wrong route and a redirect fail every call; a 5xx and a 408 may be cured by a retry", async () => {
    expect(await failure(Response.json({ code: 104, message: "no scope" }, { status: 403 }))).toMatchObject({
      constructor: PermissionDeniedError,
      failsEveryCall: true,
    });
    expect(await failure(new Response("<h1>Not Found</h1>", { status: 404 }))).toMatchObject({
      constructor: RouteNotFoundError,
      failsEveryCall: true,
    });
    expect(await failure(new Response(null, { status: 302, headers: { location: "https://x.test/" } }))).toMatchObject({
      constructor: RedirectError,
      failsEveryCall: true,
      retryable: false,
    });
    const server = await failure(Response.json({ code: 500, message: "oops" }, { status: 503 }));
    expect(server).toMatchObject({ constructor: ServerError, retryable: true, failsEveryCall: false });
    expect(server.mayHaveChanged).toBe(true);
    expect(await failure(new Response("slow", { status: 408 }))).toMatchObject({
      constructor: ZoomApiError,
      retryable: true,
      failsEveryCall: false,
    });
  });

  test("a per-second 429 is retryable; a daily limit is not, and fails every call", async () => {
    const [qps, daily] = rateLimitTypes;
    const perSecond = await failure(documented("429", { "x-ratelimit-type": qps }));
    expect(perSecond).toMatchObject({ retryable: true, failsEveryCall: false, rateLimitType: qps });
    const day = (await failure(documented("429", { "x-ratelimit-type": daily.toUpperCase() }))) as RateLimitError;
    expect(day).toMatchObject({ retryable: false, failsEveryCall: true, isDailyLimit: true, rateLimitType: daily });
  });

  test("rateLimitType is the spec's value or undefined: never a header's other text", async () => {
    const other = (await failure(documented("429", { "x-ratelimit-type": "Burst" }))) as RateLimitError;
    expect(other).toBeInstanceOf(RateLimitError);
    expect(other.rateLimitType).toBeUndefined();
    expect(other.retryable).toBe(true);
  });

  test("errors made before anything is sent carry facts too", async () => {
    const invalid = await client.createImGroup({ name: "" }).catch((error: ValidationError) => error);
    expect(invalid).toMatchObject({ constructor: ValidationError, retryable: false, failsEveryCall: false });
    expect(() => createImGroupsClient({ accessToken: TOKEN, baseUrl: "ftp://x" })).toThrow(
      expect.objectContaining({ constructor: ConfigurationError, failsEveryCall: true }),
    );
  });

  test("advice is a fact of its own, and also the end of the message", async () => {
    const error = (await failure(documented("409"))) as ZoomApiError;
    expect(error.advice).toMatch(/\S/);
    expect(error.message).toContain(error.advice);
  });
});
