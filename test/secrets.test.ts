/**
 * A canary token and client secret, pushed through every error path by servers that echo them back:
 * neither may appear in any message, toJSON, util.inspect output, log line or cause.
 */
import { inspect } from "node:util";
import { HttpResponse, http } from "msw";
import { describe, expect, test } from "vitest";
import { createImGroupsClient, type ImGroupsClientOptions } from "../src/index.ts";
import { ENDPOINT, TOKEN, useMswServer } from "./support/msw.ts";

const SECRET = "client-secret-canary-3b7a";
const TOKEN_URL = "https://zoom.us/oauth/token";
const BASIC = btoa(`client-1:${SECRET}`);
const { server } = useMswServer();

/** Everything a user could see of an outcome, as one string. */
function visible(error: unknown, lines: string[]): string {
  const parts = [String(error), inspect(error, { depth: 5 }), JSON.stringify(error), ...lines];
  let cause = (error as Error | undefined)?.cause;
  while (cause) {
    parts.push(String(cause), inspect(cause));
    cause = (cause as Error).cause;
  }
  return parts.join("\n");
}

const echo = (status: number) =>
  http.post(ENDPOINT, ({ request }) =>
    HttpResponse.json(
      {
        code: status,
        message: `echo ${request.headers.get("authorization")}`,
        errors: [{ field: "token", message: TOKEN }],
      },
      { status },
    ),
  );

const apiPaths: [string, () => void][] = [400, 401, 403, 404, 409, 410, 429, 500, 200].map((status) => [
  `HTTP ${status} echoing the Authorization header`,
  () => server.use(echo(status)),
]);
const otherPaths: [string, () => void][] = [
  [
    "plain-text echo",
    () =>
      server.use(
        http.post(
          ENDPOINT,
          ({ request }) => new HttpResponse(`bad ${request.headers.get("authorization")}`, { status: 400 }),
        ),
      ),
  ],
];

test.each([...apiPaths, ...otherPaths])("static token, %s", async (_label, arrange) => {
  arrange();
  const lines: string[] = [];
  const options: ImGroupsClientOptions = {
    accessToken: TOKEN,
    maxRetries: 0,
    logger: { debug: (l) => lines.push(l), warn: (l) => lines.push(l) },
  };
  const error = await createImGroupsClient(options)
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  const text = visible(error, lines);
  expect(text).not.toContain(TOKEN);
  expect(text).toContain("[redacted]");
});

test("a network failure carries no token in the error or its cause", async () => {
  server.use(http.post(ENDPOINT, () => HttpResponse.error()));
  const error = await createImGroupsClient({ accessToken: TOKEN, maxRetries: 0 })
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  expect((error as Error).name).toBe("ZoomConnectionError");
  expect(visible(error, [])).not.toContain(TOKEN);
});

test("a fetch that throws with the token in its message", async () => {
  const leaky = async (request: Request): Promise<Response> => {
    throw new Error(`socket closed while sending ${request.headers.get("authorization")}`);
  };
  const error = await createImGroupsClient({ accessToken: TOKEN, maxRetries: 0, fetch: leaky })
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  expect(visible(error, [])).not.toContain(TOKEN);
});

test.each([
  [400, { reason: `bad secret ${SECRET}`, error: `invalid_client Basic ${BASIC}` }],
  [401, { reason: SECRET }],
  [500, `<html>${SECRET}</html>`],
])("a token endpoint answering %i with the secret in its body", async (status, body) => {
  server.use(
    http.post(TOKEN_URL, () =>
      typeof body === "string" ? new HttpResponse(body, { status }) : HttpResponse.json(body, { status }),
    ),
  );
  const lines: string[] = [];
  const error = await createImGroupsClient({
    serverToServer: { accountId: "acc", clientId: "client-1", clientSecret: SECRET },
    maxRetries: 0,
    logger: { debug: (l) => lines.push(l), warn: (l) => lines.push(l) },
  })
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  const text = visible(error, lines);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(BASIC);
});

test("an OAuth token echoed by the API after renewal is redacted too", async () => {
  let issued = 0;
  server.use(
    http.post(TOKEN_URL, () => HttpResponse.json({ access_token: `oauth-canary-${++issued}`, expires_in: 3599 })),
    echo(401),
  );
  const error = await createImGroupsClient({ serverToServer: { accountId: "a", clientId: "c", clientSecret: SECRET } })
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  const text = visible(error, []);
  expect(text).not.toContain("oauth-canary-");
  expect(issued).toBe(2);
});

test("a 201 that echoes the token in its name, Content-Location and tracking id carries no token", async () => {
  server.use(
    http.post(ENDPOINT, ({ request }) => {
      const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
      return HttpResponse.json(
        { id: `g-${token}`, name: `Design ${token}` },
        {
          status: 201,
          headers: {
            "Content-Location": `/v2/im/groups/${encodeURIComponent(token)}`,
            "x-zm-trackingid": `track-${token}`,
          },
        },
      );
    }),
  );
  const group = await createImGroupsClient({ accessToken: TOKEN }).createImGroup({ name: "Design" });
  expect(JSON.stringify(group) + inspect(group)).not.toContain(TOKEN);
  expect(group).toMatchObject({
    name: "Design [redacted]",
    location: "/v2/im/groups/[redacted]",
    trackingId: "track-[redacted]",
  });
});

test("a token endpoint's long error text is redacted before it is cut: no first characters of the secret", async () => {
  const secret = "Cl!ent/Secret-canary-9f";
  server.use(http.post(TOKEN_URL, () => new HttpResponse(`${"x".repeat(190)}${secret}`, { status: 401 })));
  const error = await createImGroupsClient({
    serverToServer: { accountId: "acc", clientId: "client-1", clientSecret: secret },
    maxRetries: 0,
  })
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  expect((error as Error).name).toBe("AuthenticationError");
  expect(visible(error, [])).not.toContain(secret.slice(0, 6));
});

describe("whatever the client throws is clean all the way down", () => {
  const leak = `Authorization: Bearer ${TOKEN}`;
  test.each([
    [
      "a cause three levels deep",
      () =>
        new TypeError("fetch failed", {
          cause: new Error("tunnel failed", { cause: new Error(`proxy refused ${leak}`) }),
        }),
    ],
    [
      "an AggregateError's errors",
      () => new TypeError("fetch failed", { cause: new AggregateError([new Error(`v6: ${leak}`)], "all failed") }),
    ],
    [
      "an error's own property",
      () => Object.assign(new Error("request failed"), { config: { headers: { authorization: `Bearer ${TOKEN}` } } }),
    ],
    ["a thrown string", () => `socket closed: ${leak}`],
  ])("%s", async (_what, thrown) => {
    const lines: string[] = [];
    const error = await createImGroupsClient({
      accessToken: TOKEN,
      maxRetries: 0,
      fetch: async () => {
        throw thrown();
      },
      logger: { debug: (l) => lines.push(l), warn: (l) => lines.push(l) },
    })
      .createImGroup({ name: "Design" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const text = `${visible(error, lines)}\n${inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })}`;
    expect(text).not.toContain(TOKEN);
    expect(text).toContain("[redacted]");
  });

  test("a response header echoing the token is redacted in error.headers", async () => {
    server.use(http.post(ENDPOINT, () => HttpResponse.json({}, { status: 400, headers: { "x-echo": TOKEN } })));
    const error = await createImGroupsClient({ accessToken: TOKEN, maxRetries: 0 })
      .createImGroup({ name: "Design" })
      .catch((e: unknown) => e);
    expect((error as { headers: Headers }).headers.get("x-echo")).toBe("[redacted]");
  });
});

test("the account id is redacted like a secret: it names the customer (docs/decisions.md)", async () => {
  const accountId = "AcctIdSecret123";
  server.use(
    http.post(TOKEN_URL, () => HttpResponse.json({ access_token: "oauth-token-123456", expires_in: 3599 })),
    http.post(ENDPOINT, () =>
      HttpResponse.json({ code: 200, message: `Only available for paid account: ${accountId}.` }, { status: 200 }),
    ),
  );
  const error = await createImGroupsClient({
    serverToServer: { accountId, clientId: "client-1", clientSecret: SECRET },
    maxRetries: 0,
  })
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  expect((error as Error).name).toBe("PaidAccountRequiredError");
  expect(visible(error, [])).not.toContain(accountId);
  expect((error as { zoomMessage: string }).zoomMessage).toBe("Only available for paid account: [redacted].");
});
