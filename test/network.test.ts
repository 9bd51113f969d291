/**
 * Hostile and broken networks, on real sockets: redirects are never followed (API or token endpoint), and
 * `mayHaveChanged` says whether a failed call can have reached the create endpoint.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  AuthenticationError,
  ConfigurationError,
  createImGroupsClient,
  GroupNameConflictError,
  RedirectError,
  ZoomConnectionError,
  type ZoomImGroupsError,
} from "../src/index.ts";
import { encodings } from "../src/spec.ts";

const TOKEN = "canary-token-5f1d2e9c";

/** A loopback HTTP server that records every request and answers with `handler`. */
async function serve() {
  const requests: { method: string; url: string; authorization: string | undefined }[] = [];
  let handler: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end();
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      requests.push({
        method: request.method ?? "",
        url: request.url ?? "",
        authorization: request.headers.authorization,
      });
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    answer: (next: typeof handler) => {
      handler = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let api: Awaited<ReturnType<typeof serve>>;
let elsewhere: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  [api, elsewhere] = await Promise.all([serve(), serve()]);
  elsewhere.answer((_request, response) => {
    response.writeHead(201, { "content-type": "application/json" });
    response.end(JSON.stringify({ id: "captured-group", access_token: "foreign-token", expires_in: 3599 }));
  });
});
afterEach(() => {
  api.requests.length = 0;
  elsewhere.requests.length = 0;
});
afterAll(async () => Promise.all([api.close(), elsewhere.close()]));

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as ZoomImGroupsError,
  );

describe("redirects are never followed", () => {
  const targets = () => [
    ["cross-origin", `${elsewhere.origin}/v2/im/groups?token=${TOKEN}`, elsewhere.origin],
    [
      "cross-origin with userinfo",
      `http://admin:${TOKEN}@127.0.0.1:${new URL(elsewhere.origin).port}/x`,
      elsewhere.origin,
    ],
    ["same-origin", `/v2/im/groups/elsewhere?token=${TOKEN}`, "same"],
  ];

  for (const encoding of encodings) {
    for (const status of [301, 302, 303, 307, 308]) {
      test(`${status} (${encoding}): RedirectError naming the status and the Location's origin; nothing sent there`, async () => {
        for (const [, location, origin] of targets()) {
          api.answer((_request, response) => {
            response.writeHead(status, { location });
            response.end();
          });
          const client = createImGroupsClient({ accessToken: TOKEN, baseUrl: `${api.origin}/v2`, encoding });
          const error = await failure(client.createImGroup({ name: "Design team" }));
          expect(error).toBeInstanceOf(RedirectError);
          expect(error?.message).toContain(`HTTP ${status}`);
          expect(error?.message).toContain(origin === "same" ? api.origin : origin);
          expect(JSON.stringify(error) + String(error)).not.toMatch(/canary-token|admin/);
          expect(error?.mayHaveChanged).toBe(false);
          expect(api.requests, "not retried, not followed to the same origin").toHaveLength(1);
          expect(elsewhere.requests).toHaveLength(0);
          api.requests.length = 0;
        }
      });
    }
  }

  test("the token endpoint's redirect is refused: no foreign token is asked for or used", async () => {
    api.answer((request, response) => {
      if (request.url === "/oauth/token") {
        response.writeHead(307, { location: `${elsewhere.origin}/oauth/token` });
        response.end();
      } else {
        response.writeHead(201, { "content-type": "application/json" });
        response.end(JSON.stringify({ id: "g" }));
      }
    });
    const client = createImGroupsClient({
      baseUrl: `${api.origin}/v2`,
      serverToServer: {
        accountId: "a",
        clientId: "c",
        clientSecret: "secret-canary",
        tokenUrl: `${api.origin}/oauth/token`,
      },
    });
    const error = await failure(client.createImGroup({ name: "Design team" }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error?.message).toContain(elsewhere.origin);
    expect(error?.mayHaveChanged).toBe(false);
    expect(elsewhere.requests).toHaveLength(0);
    expect(api.requests.map((request) => request.url)).toEqual(["/oauth/token"]);
  });
});

describe("mayHaveChanged: what could not have been sent", () => {
  test("a closed port: ZoomConnectionError, nothing sent", async () => {
    const closed = await serve();
    await closed.close();
    const error = await failure(
      createImGroupsClient({ accessToken: TOKEN, baseUrl: `${closed.origin}/v2`, maxRetries: 0 }).createImGroup({
        name: "Design team",
      }),
    );
    expect(error).toBeInstanceOf(ZoomConnectionError);
    expect(error?.mayHaveChanged).toBe(false);
  });

  test("a DNS name that cannot resolve: nothing sent", async () => {
    const error = await failure(
      createImGroupsClient({
        accessToken: TOKEN,
        baseUrl: "http://zoom-im-groups.invalid/v2",
        maxRetries: 0,
      }).createImGroup({ name: "Design team" }),
    );
    expect(error).toBeInstanceOf(ZoomConnectionError);
    expect(error?.mayHaveChanged).toBe(false);
  });

  test("a port fetch refuses: a ConfigurationError, nothing sent, not retried (it would refuse again)", async () => {
    let attempts = 0;
    const counting = (request: Request) => {
      attempts++;
      return globalThis.fetch(request);
    };
    const error = await failure(
      createImGroupsClient({ accessToken: TOKEN, baseUrl: "http://127.0.0.1:1/v2", fetch: counting }).createImGroup({
        name: "Design team",
      }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toContain("fetch refuses this URL");
    expect(error?.mayHaveChanged).toBe(false);
    expect(attempts).toBe(1); // not retried
  });

  test("a server that destroys the socket after reading the request: may have created", async () => {
    api.answer((request) => void request.socket.destroy());
    const error = await failure(
      createImGroupsClient({ accessToken: TOKEN, baseUrl: `${api.origin}/v2`, maxRetries: 0 }).createImGroup({
        name: "Design team",
      }),
    );
    expect(error).toBeInstanceOf(ZoomConnectionError);
    expect(error?.mayHaveChanged).toBe(true);
    expect(api.requests).toHaveLength(1);
  });

  test("a 409 after a lost answer says the lost attempt probably created the group", async () => {
    let calls = 0;
    api.answer((request, response) => {
      if (++calls === 1) return void request.socket.destroy();
      response.writeHead(409, { "content-type": "application/json" });
      response.end(JSON.stringify({ code: 4132, message: "Group name Design team is already in use." }));
    });
    const error = await failure(
      createImGroupsClient({ accessToken: TOKEN, baseUrl: `${api.origin}/v2`, maxRetries: 1 }).createImGroup({
        name: "Design team",
      }),
    );
    expect(error).toBeInstanceOf(GroupNameConflictError);
    expect(error?.mayHaveChanged).toBe(true);
  });

  test.each(["ECONNREFUSED", "EMFILE", "ENFILE", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "CERT_HAS_EXPIRED"])(
    "a fetch failing with %s sent nothing; ECONNRESET and the unknown may have",
    async (code) => {
      const failingWith = (cause: string) => async () => {
        throw new TypeError("fetch failed", { cause: Object.assign(new Error(`connect ${cause}`), { code: cause }) });
      };
      const call = (cause: string) =>
        failure(
          createImGroupsClient({ accessToken: TOKEN, maxRetries: 0, fetch: failingWith(cause) }).createImGroup({
            name: "x",
          }),
        );
      expect((await call(code))?.mayHaveChanged).toBe(false);
      expect((await call("ECONNRESET"))?.mayHaveChanged).toBe(true);
      expect((await call("SOMETHING_NEW"))?.mayHaveChanged).toBe(true);
    },
  );

  test("a token endpoint that fails never says the group may exist", async () => {
    const closed = await serve();
    await closed.close();
    const error = await failure(
      createImGroupsClient({
        maxRetries: 0,
        serverToServer: { accountId: "a", clientId: "c", clientSecret: "s3cret", tokenUrl: `${closed.origin}/token` },
      }).createImGroup({ name: "Design team" }),
    );
    expect(error).toBeInstanceOf(ZoomConnectionError);
    expect(error?.mayHaveChanged).toBe(false);
  });

  test("a token endpoint's 5xx never says the group may exist (only the create's can)", async () => {
    const tokens = await serve();
    tokens.answer((_request, response) => response.writeHead(503).end("busy"));
    const error = await failure(
      createImGroupsClient({
        maxRetries: 0,
        serverToServer: { accountId: "a", clientId: "c", clientSecret: "s3cret", tokenUrl: `${tokens.origin}/token` },
      }).createImGroup({ name: "Design team" }),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error?.mayHaveChanged).toBe(false);
    await tokens.close();
  });

  test("a request that cannot be built is a ConfigurationError, nothing sent, no token shown", async () => {
    let sent = 0;
    const error = await failure(
      createImGroupsClient({
        accessToken: () => `${TOKEN}\nX-Injected: 1`,
        fetch: async () => {
          sent++;
          return new Response(null, { status: 201 });
        },
      }).createImGroup({ name: "Design team" }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.mayHaveChanged).toBe(false);
    expect(sent).toBe(0);
    expect(String(error)).not.toContain(TOKEN);
  });
});
