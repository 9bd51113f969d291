/**
 * Server-to-Server OAuth: one shared token request, renewal before expiry, one renew after a 401, and
 * clear errors from the token endpoint and from bad options.
 */
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  AuthenticationError,
  ConfigurationError,
  createImGroupsClient,
  type ImGroupsClientOptions,
} from "../src/index.ts";
import { ENDPOINT, TOKEN, useMswServer } from "./support/msw.ts";

const TOKEN_URL = "https://zoom.us/oauth/token";
const credentials = { accountId: "acc-1", clientId: "client-1", clientSecret: "secret-canary-77" };
const { server, requests } = useMswServer();

afterEach(() => {
  vi.useRealTimers();
});

/** A token endpoint that issues tok-1, tok-2, … and an API that accepts only `accepted` tokens (all by default). */
function zoomWithOAuth(options: { accepted?: (token: string) => boolean; expiresIn?: number } = {}) {
  let issued = 0;
  const apiTokens: string[] = [];
  server.use(
    http.post(TOKEN_URL, async () => {
      issued++;
      await new Promise((resolve) => setImmediate(resolve)); // let concurrent callers pile up
      return HttpResponse.json({
        access_token: `tok-${issued}`,
        token_type: "bearer",
        expires_in: options.expiresIn ?? 3599,
        scope: "imgroup:write:admin",
      });
    }),
    http.post(ENDPOINT, ({ request }) => {
      const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
      apiTokens.push(token);
      if (options.accepted && !options.accepted(token)) {
        return HttpResponse.json({ code: 124, message: "Invalid access token." }, { status: 401 });
      }
      return HttpResponse.json({ id: `g-${apiTokens.length}` }, { status: 201 });
    }),
  );
  return { tokenRequests: () => requests.filter((r) => r.url === TOKEN_URL), apiTokens };
}

test("the token request is account_credentials with Basic client credentials", async () => {
  const zoom = zoomWithOAuth();
  await createImGroupsClient({ serverToServer: credentials }).createImGroup({ name: "Design" });
  const [tokenRequest] = zoom.tokenRequests();
  expect(tokenRequest?.method).toBe("POST");
  expect(tokenRequest?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
  expect(tokenRequest?.headers.get("authorization")).toBe(`Basic ${btoa("client-1:secret-canary-77")}`);
  expect(Object.fromEntries(new URLSearchParams(await tokenRequest?.text()))).toEqual({
    grant_type: "account_credentials",
    account_id: "acc-1",
  });
  expect(zoom.apiTokens).toEqual(["tok-1"]);
});

test("50 concurrent creates on a cold client make exactly one token request", async () => {
  const zoom = zoomWithOAuth();
  const client = createImGroupsClient({ serverToServer: credentials });
  const groups = await Promise.all(Array.from({ length: 50 }, (_, i) => client.createImGroup({ name: `Group ${i}` })));
  expect(groups).toHaveLength(50);
  expect(zoom.tokenRequests()).toHaveLength(1);
  expect(new Set(zoom.apiTokens)).toEqual(new Set(["tok-1"]));
});

test("the token is cached and renewed 60 s before expires_in runs out", async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-28T12:00:00Z"));
  const zoom = zoomWithOAuth({ expiresIn: 3600 });
  const client = createImGroupsClient({ serverToServer: credentials });
  await client.createImGroup({ name: "a" });
  vi.setSystemTime(new Date("2026-11-28T12:58:59Z")); // 61 s before expiry: still cached
  await client.createImGroup({ name: "b" });
  expect(zoom.tokenRequests()).toHaveLength(1);
  vi.setSystemTime(new Date("2026-11-28T12:59:00Z")); // 60 s before expiry: renew
  await client.createImGroup({ name: "c" });
  expect(zoom.tokenRequests()).toHaveLength(2);
  expect(zoom.apiTokens).toEqual(["tok-1", "tok-1", "tok-2"]);
});

test("a 401 from the API renews the token once and repeats the call once", async () => {
  const zoom = zoomWithOAuth({ accepted: (token) => token !== "tok-1" });
  const group = await createImGroupsClient({ serverToServer: credentials }).createImGroup({ name: "Design" });
  expect(group.id).toBe("g-2");
  expect(zoom.apiTokens).toEqual(["tok-1", "tok-2"]);
  expect(zoom.tokenRequests()).toHaveLength(2);
});

test("a second 401 after the renewal is an AuthenticationError, not a loop", async () => {
  const zoom = zoomWithOAuth({ accepted: () => false });
  const error = await createImGroupsClient({ serverToServer: credentials })
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as AuthenticationError).code).toBe(124);
  expect(zoom.apiTokens).toEqual(["tok-1", "tok-2"]);
});

test("a static token is not renewed: a 401 fails after one request", async () => {
  server.use(
    http.post(ENDPOINT, () => HttpResponse.json({ code: 124, message: "Invalid access token." }, { status: 401 })),
  );
  const error = await createImGroupsClient({ accessToken: TOKEN })
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthenticationError);
  expect(requests).toHaveLength(1);
});

test("a failing token endpoint rejects with AuthenticationError carrying its status and error text", async () => {
  server.use(
    http.post(TOKEN_URL, () =>
      HttpResponse.json({ reason: "Invalid client_id or client_secret", error: "invalid_client" }, { status: 400 }),
    ),
  );
  const error = await createImGroupsClient({ serverToServer: credentials })
    .createImGroup({ name: "Design" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as AuthenticationError).status).toBe(400);
  expect((error as AuthenticationError).url).toBe(TOKEN_URL);
  expect((error as Error).message).toContain("invalid_client: Invalid client_id or client_secret");
  expect(requests.filter((r) => r.url === ENDPOINT)).toHaveLength(0);
});

test("tokenUrl overrides the token endpoint", async () => {
  server.use(
    http.post("http://oauth.test/token", () => HttpResponse.json({ access_token: "custom", expires_in: 3599 })),
    http.post(ENDPOINT, () => HttpResponse.json({ id: "g" }, { status: 201 })),
  );
  await createImGroupsClient({ serverToServer: { ...credentials, tokenUrl: "http://oauth.test/token" } }).createImGroup(
    {
      name: "Design",
    },
  );
  expect(requests.at(-1)?.headers.get("authorization")).toBe("Bearer custom");
});

test("an accessToken function is asked before every attempt", async () => {
  server.use(http.post(ENDPOINT, () => HttpResponse.json({ id: "g" }, { status: 201 })));
  let n = 0;
  const client = createImGroupsClient({ accessToken: async () => `fn-${++n}` });
  await client.createImGroup({ name: "a" });
  await client.createImGroup({ name: "b" });
  expect(requests.map((r) => r.headers.get("authorization"))).toEqual(["Bearer fn-1", "Bearer fn-2"]);
});

describe("options are checked at construction", () => {
  // JavaScript callers get what the types forbid: the same mistakes fail at run time.
  test.each<[string, unknown, string]>([
    ["neither credential", {}, "give accessToken"],
    ["both credentials", { accessToken: "t", serverToServer: credentials }, "not both"],
    ["an empty token", { accessToken: " " }, "accessToken must not be empty"],
    [
      "a missing client secret",
      { serverToServer: { ...credentials, clientSecret: "" } },
      "serverToServer.clientSecret",
    ],
    ["a relative base URL", { accessToken: "t", baseUrl: "/v2" }, "baseUrl must be an absolute URL"],
    ["a base URL of another scheme", { accessToken: "t", baseUrl: "ftp://zoom.test/v2" }, "http or https URL"],
    ["a base URL with a query", { accessToken: "t", baseUrl: "https://zoom.test/v2?x=1" }, "query or fragment"],
    ["a base URL with a fragment", { accessToken: "t", baseUrl: "https://zoom.test/v2#top" }, "query or fragment"],
    [
      "a token URL with a query",
      { serverToServer: { ...credentials, tokenUrl: "https://zoom.test/oauth/token?grant=1" } },
      "serverToServer.tokenUrl must not contain a query",
    ],
    ["an encoding other than multipart or json", { accessToken: "t", encoding: "xml" }, "encoding must be one of"],
    ["a negative maxRetries", { accessToken: "t", maxRetries: -1 }, "maxRetries must be a whole number"],
    ["a zero timeout", { accessToken: "t", timeoutMs: 0 }, "timeoutMs must be a whole number of at least 1"],
  ])("%s", (_label, options, message) => {
    expect(() => createImGroupsClient(options as ImGroupsClientOptions)).toThrow(ConfigurationError);
    expect(() => createImGroupsClient(options as ImGroupsClientOptions)).toThrow(message);
  });

  test.each([
    ["baseUrl", { accessToken: "t", baseUrl: "https://admin:hunter2-canary@zoom.test/v2" }],
    [
      "serverToServer.tokenUrl",
      { serverToServer: { ...credentials, tokenUrl: "https://admin:hunter2-canary@zoom.test/token" } },
    ],
    ["baseUrl", { accessToken: "t", baseUrl: "http://hunter2-canary@zoom.test/v2" }],
  ])("credentials in %s are refused, and the message never shows them", (name, options) => {
    const error = (() => {
      try {
        createImGroupsClient(options as ImGroupsClientOptions);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(`${name} must not contain a user name or password`);
    expect(JSON.stringify(error) + String(error)).not.toMatch(/hunter2-canary|admin/);
  });
});
