/**
 * The mock over raw HTTP, as curl and other languages meet it: the fixes of the CLI trial (item 12), and a
 * property-based HTTP fuzzer (fast-check) in place of Schemathesis, which does not install here: any
 * method, path, header case, content type and body; the mock must never fail (no 500), must log every
 * request, and must answer POST /v2/im/groups only with responses the spec documents.
 */
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type MockRequestLog, type RunningMockZoom, startMockZoom } from "../../src/testing/index.ts";
import { requestParams, specOperations, validateResponse } from "../support/spec.ts";

let zoom: RunningMockZoom;
const log: MockRequestLog[] = [];
beforeAll(async () => {
  zoom = await startMockZoom({ onRequest: (entry) => log.push(entry) });
});
afterAll(async () => zoom.close());

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
/** One request through node:http, which (unlike fetch) sends TRACE and a GET with a body. */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<Raw> {
  const { port } = new URL(zoom.url);
  // As curl does: a body goes with its length, whatever the method.
  const sent = body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers: sent }, (res) => {
      let text = "";
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("12. the mock as curl users meet it", () => {
  test("a file part as the name is refused with a field error, as Zoom would", async () => {
    const form = new FormData();
    form.append("name", new Blob(["name\nA\n"], { type: "text/csv" }), "groups.csv");
    const response = await fetch(`${zoom.url}/im/groups`, {
      method: "POST",
      headers: { Authorization: "Bearer t" },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 300,
      errors: [{ field: "name", message: "must be text, not a file" }],
    });
    expect(zoom.mock.groups().map((g) => g.name)).not.toContain("[file groups.csv]");
  });

  test("a 413 is logged like every other answer", async () => {
    const before = log.length;
    const response = await raw(
      "POST",
      "/v2/im/groups",
      { "content-type": "application/json", authorization: "Bearer t" },
      Buffer.alloc(2 * 1024 * 1024, 32),
    );
    expect(response.status).toBe(413);
    expect(log.slice(before)).toEqual([
      expect.objectContaining({ method: "POST", path: "/v2/im/groups", status: 413 }),
    ]);
  });

  test("/oauth/token takes Zoom's documented query-string form as well as a form body", async () => {
    const basic = `Basic ${Buffer.from("id:secret").toString("base64")}`;
    const query = await fetch(`${zoom.tokenUrl}?grant_type=account_credentials&account_id=acct-q`, {
      method: "POST",
      headers: { Authorization: basic },
    });
    expect(query.status).toBe(200);
    const body = await fetch(zoom.tokenUrl, {
      method: "POST",
      headers: { Authorization: basic, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=account_credentials&account_id=acct-b",
    });
    expect(body.status).toBe(200);
    const { access_token } = (await query.json()) as { access_token: string };
    const created = await fetch(`${zoom.url}/im/groups`, {
      method: "POST",
      headers: { Authorization: `Bearer ${access_token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Query token" }),
    });
    expect(created.status).toBe(201);
    expect(zoom.mock.groups("acct-q").map((g) => g.name)).toEqual(["Query token"]);
  });

  test("media types and the Bearer scheme are case-insensitive", async () => {
    const response = await fetch(`${zoom.url}/im/groups`, {
      method: "POST",
      headers: { Authorization: "bearer lower-case", "Content-Type": "Application/JSON; Charset=UTF-8" },
      body: JSON.stringify({ name: "Case" }),
    });
    expect(response.status).toBe(201);
  });

  test.each([
    ["DELETE", undefined],
    ["TRACE", undefined],
    ["PUT", "a body on a PUT"],
    ["HEAD", "a body on a HEAD"],
  ])("%s (body: %s) gets 405 naming the allowed methods, and is logged", async (method, body) => {
    const before = log.length;
    const response = await raw(method, "/v2/im/groups", body ? { "content-type": "text/plain" } : {}, body);
    expect(response.status).toBe(405);
    // The path's documented operations: the create and the list.
    expect(response.headers.allow).toBe("POST, GET");
    expect(log.slice(before)).toEqual([expect.objectContaining({ method, status: 405 })]);
  });
});

/** Writes a request line, headers and body on a raw socket and reads the answer until the server closes. */
function rawSocket(head: string, body = ""): Promise<{ status: number; text: string }> {
  const { port } = new URL(zoom.url);
  const request = `${head}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.end(request));
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk;
    });
    socket.on("end", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]), text }));
    socket.on("error", reject);
  });
}

describe("16.9. odd request lines and Host headers, over a raw socket", () => {
  test.each([
    ["an invalid Host", "POST /v2/im/groups HTTP/1.1\r\nHost: [zz"],
    ["no Host on HTTP/1.1", "POST /v2/im/groups HTTP/1.1"],
    ["two Hosts", "POST /v2/im/groups HTTP/1.1\r\nHost: a\r\nHost: b"],
  ])("%s gets a logged 400 (code 300), never an empty 500", async (_label, head) => {
    const before = log.length;
    const answer = await rawSocket(`${head}\r\nAuthorization: Bearer t`);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('"code":300');
    expect(log.slice(before)).toEqual([
      expect.objectContaining({ method: "POST", path: "/v2/im/groups", status: 400 }),
    ]);
  });

  test("an absolute-form target is routed by its path, whatever its host", async () => {
    const before = log.length;
    const answer = await rawSocket(
      "POST http://elsewhere.example/v2/im/groups HTTP/1.1\r\nHost: elsewhere.example\r\nAuthorization: Bearer t\r\nContent-Type: application/json",
      JSON.stringify({ name: "Absolute form" }),
    );
    expect(answer.status).toBe(201);
    expect(log.slice(before)).toEqual([
      expect.objectContaining({ path: "/v2/im/groups", status: 201, name: "Absolute form" }),
    ]);
    expect(zoom.mock.groups().map((g) => g.name)).toContain("Absolute form");
  });
});

/** The operation a request's method and path name, read off the spec's path templates. */
const operationOf = (method: string, path: string) =>
  specOperations.find(
    (operation) =>
      operation.method === method && requestParams(operation.operationId, `http://mock${path}`) !== undefined,
  );

test("fuzz: 400 arbitrary HTTP requests; never a 500, every request logged, every operation's answer documented", async () => {
  const methods = fc.constantFrom("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");
  const paths = fc.oneof(
    fc.constantFrom(
      "/v2/im/groups",
      "/v2/im/groups/",
      "/v2/im/groups?x=1",
      "/oauth/token",
      "/v2/im/groups/abc",
      "/v2/im/groups/abc/members?page_size=2",
      "/v2/im/groups/abc/members/u1",
      "/v2/im/groups/%2e%2e",
      "/",
    ),
    fc.webPath().map((path) => path || "/"),
  );
  const caseVariants = (text: string) =>
    fc
      .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
      .map((upper) => [...text].map((char, i) => (upper[i] ? char.toUpperCase() : char.toLowerCase())).join(""));
  const contentTypes = fc.oneof(
    caseVariants("application/json"),
    caseVariants("multipart/form-data; boundary=XyZ"),
    fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/xml", ""),
  );
  const authorizations = fc.oneof(
    caseVariants("bearer fuzz-token"),
    fc.constantFrom("", "Basic abc", "Bearer", "Bearer a b"),
  );
  const bodies = fc.oneof(
    fc.constant(""),
    fc.json(),
    fc
      .record({ name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), type: fc.string() })
      .map((v) => JSON.stringify(v)),
    fc.constant('--XyZ\r\nContent-Disposition: form-data; name="name"\r\n\r\nFuzz\r\n--XyZ--\r\n'),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  );
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(
      methods,
      paths,
      contentTypes,
      authorizations,
      bodies,
      async (method, path, contentType, authorization, body) => {
        cases++;
        const before = log.length;
        const headers: Record<string, string> = {};
        if (contentType) headers["content-type"] = contentType;
        if (authorization) headers.authorization = authorization;
        const response = await raw(method, path, headers, body || undefined);
        expect(response.status).not.toBe(500);
        expect(response.status).toBeLessThan(500);
        expect(log.length).toBe(before + 1);
        if (response.status === 405)
          expect(response.headers.allow).toMatch(/^(GET|POST|PATCH|DELETE)(, (GET|POST|PATCH|DELETE))*$/);
        const operation = operationOf(method, path.split("?")[0]?.replace(/\/+$/, "") ?? "");
        if (operation) {
          const type = String(response.headers["content-type"] ?? "").split(";")[0] ?? "";
          const body = type === "application/json" ? (JSON.parse(response.body) as unknown) : response.body;
          expect(validateResponse(operation.operationId, response.status, type, body)).toEqual([]);
        }
      },
    ),
    { numRuns: 400, seed: 20261129 },
  );
  expect(cases).toBeGreaterThanOrEqual(400);
});

/** Writes raw bytes and reads the answer until the server closes. */
function rawBytes(bytes: string | Buffer): Promise<{ status: number; text: string }> {
  const { port } = new URL(zoom.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.end(bytes));
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk;
    });
    socket.on("close", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.on("error", reject);
  });
}

describe("what Zoom's gateway refuses, the mock refuses (400), and every refusal is logged", () => {
  const create = (body: Buffer, type = "application/json") =>
    Buffer.concat([
      Buffer.from(
        `POST /v2/im/groups HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      ),
      body,
    ]);
  test.each([
    [
      "invalid UTF-8 in JSON",
      create(Buffer.from([...Buffer.from('{"name":"bad'), 0xc3, 0x28, ...Buffer.from('utf8"}')])),
    ],
    [
      "invalid UTF-8 in a multipart field",
      create(
        Buffer.concat([
          Buffer.from('--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nbad'),
          Buffer.from([0xc3, 0x28]),
          Buffer.from("utf8\r\n--b--\r\n"),
        ]),
        "multipart/form-data; boundary=b",
      ),
    ],
    ["a JSON-escaped lone surrogate", create(Buffer.from('{"name":"Team \\ud800 A"}'))],
  ])("%s is a 400, and nothing is created", async (_what, bytes) => {
    const before = log.length;
    const answer = await rawBytes(bytes);
    expect(answer.status).toBe(400);
    expect(log.slice(before)).toEqual([expect.objectContaining({ method: "POST", status: 400 })]);
    expect(zoom.mock.groups().map((g) => g.name)).not.toContainEqual(expect.stringMatching(/^(bad|Team)/));
  });

  test.each([
    [
      "Content-Length with Transfer-Encoding",
      "POST /v2/im/groups HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      400,
    ],
    [
      "two Content-Lengths",
      "POST /v2/im/groups HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
      400,
    ],
    ["a lowercase method", "post /v2/im/groups HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", 400],
    ["garbage bytes", "\u0000\u0001\u00ff garbage\r\n\r\n", 400],
    ["headers too large", `GET /v2/im/groups HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431],
    ["CONNECT", "CONNECT api.zoom.us:443 HTTP/1.1\r\nHost: api.zoom.us:443\r\n\r\n", 405],
  ])("%s is answered and logged in one line", async (_what, bytes, status) => {
    const before = log.length;
    const answer = await rawBytes(bytes);
    expect(answer.status).toBe(status);
    expect(log.slice(before)).toEqual([expect.objectContaining({ status })]);
  });

  test.each(["/x/../../../v2/im/groups", "/v2/im/x/%2e%2e/groups", "/v2/./im/groups", "/v2\\im\\groups"])(
    "a path the URL parser would rewrite (%s) is refused with a logged 400, never routed to the create",
    async (path) => {
      const before = log.length;
      const answer = await rawSocket(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json`,
        JSON.stringify({ name: `Rewritten ${path}` }),
      );
      expect(answer.status).toBe(400);
      expect(answer.text).toContain("dot segments or backslashes");
      expect(log.slice(before)).toEqual([expect.objectContaining({ status: 400 })]);
      expect(zoom.mock.groups().map((g) => g.name)).not.toContain(`Rewritten ${path}`);
    },
  );
});

test("many unfinished uploads: past the bytes it may hold, the mock answers 503; the bytes of uploads that left are freed", async () => {
  const { port } = new URL(zoom.url);
  const MiB = 1024 * 1024;
  /** `n` uploads of all but the last byte of a 1 MiB body; `statuses` fill in as answers come (0: none yet, -1: closed unanswered). */
  async function uploads(n: number) {
    const statuses: number[] = new Array(n).fill(0);
    const sockets = await Promise.all(
      Array.from(
        { length: n },
        (_, i) =>
          new Promise<ReturnType<typeof connect>>((resolve) => {
            const socket = connect(Number(port), "127.0.0.1", () => {
              socket.write(
                `POST /v2/im/groups HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${MiB}\r\n\r\n`,
              );
              socket.write(Buffer.alloc(MiB - 1, 32), () => resolve(socket));
            });
            socket.on("data", (chunk) => {
              statuses[i] = Number(/^HTTP\/1\.1 (\d{3})/.exec(String(chunk))?.[1] ?? statuses[i]);
              answered();
            });
            socket.on("error", () => {});
            // Closed with no answer counts as one (-1): nothing is left to wait for.
            socket.on("close", () => {
              if (statuses[i] === 0) statuses[i] = -1;
              answered();
            });
          }),
      ),
    );
    return { statuses, sockets };
  }
  // Waits on answers as they arrive, not on a clock: a missing answer fails by the test's timeout.
  let waiting: { done: () => boolean; resolve: () => void } | undefined;
  const answered = () => {
    if (waiting?.done()) waiting.resolve();
  };
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      waiting = { done, resolve };
      answered();
    });
  // 40 MiB at once is more than the 32 MiB it may hold: the rest are answered 503 while their uploads go on.
  const first = await uploads(40);
  await until(() => first.statuses.filter((s) => s === 503).length >= 8);
  expect(first.statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(8);
  for (const socket of first.sockets) socket.destroy();
  // Freed: once they are gone, 24 uploads finish (their last byte sent) and none is turned away. A server still
  // closing the first ones may turn some away once; a leak would every time.
  let refused = 24;
  for (let round = 0; round < 20 && refused > 0; round++) {
    const second = await uploads(24);
    for (const socket of second.sockets) socket.write(" ");
    await until(() => second.statuses.every((s) => s !== 0));
    refused = second.statuses.filter((s) => s === 503 || s <= 0).length;
    for (const socket of second.sockets) socket.destroy();
  }
  expect(refused).toBe(0);
});
