/**
 * `startMockZoom()`: the mock Zoom as a real HTTP server on loopback, for CLIs, other languages and
 * end-to-end tests. Node's http module adapted to the mock's fetch-style `handle`.
 */
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { MAX_BODY_BYTES } from "./body.js";
import { createMockZoomServing } from "./mock-zoom.js";
import type { MockZoom, MockZoomOptions } from "./types.js";

type MockZoomServing = ReturnType<typeof createMockZoomServing>;

/** The mock's options, and where the server listens. */
export interface StartMockZoomOptions extends MockZoomOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
}

/** A mock Zoom serving HTTP on loopback. */
export interface RunningMockZoom {
  /** The API base URL to give the client, e.g. `http://127.0.0.1:40123/v2`. */
  url: string;
  /** The Server-to-Server OAuth token endpoint of the mock. */
  tokenUrl: string;
  /** The state behind it. */
  mock: MockZoom;
  /** Stops the server and closes its connections. */
  close(): Promise<void>;
}

/**
 * Starts the mock Zoom as a real HTTP server (Node's `http`) on a free loopback port.
 * @example
 * const zoom = await startMockZoom({ dailyLimit: 100, faults: { dropRate: 0.1, seed: 1 } });
 * const client = createImGroupsClient({ accessToken: "any", baseUrl: zoom.url });
 */
export async function startMockZoom(options: StartMockZoomOptions = {}): Promise<RunningMockZoom> {
  const serving = createMockZoomServing(options);
  let origin = "";
  // Host is checked by `serve`, so that a request without one is answered and logged like any other.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    serve(serving, origin, req, res).catch(() => {
      // handle() never throws; this is the adapter failing (a socket gone mid-answer, say).
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Idle keep-alive sockets would hold close() open.
  server.keepAliveTimeout = 1_000;
  // What it holds is bounded: connections, the time a request may take, and (in `readLimited`) body bytes.
  server.maxConnections = MAX_CONNECTIONS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  // What Node's parser refuses (smuggling shapes, 431s, a lowercase method, garbage) and CONNECT never reach
  // the handler: answered here, and logged like every other request.
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (!socket.writable || error.code === "ECONNRESET") return socket.destroy();
    const [method = "-", target = "/"] =
      String(error.rawPacket ?? "")
        .split(/\r?\n/)[0]
        ?.split(" ") ?? [];
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const why =
      status === 431 ? "The request's headers are too large." : "The request could not be parsed as HTTP/1.1.";
    void writeRaw(socket, serving.refuse(method.slice(0, 32), pathOnly(target), why, status));
  });
  server.on("connect", (req: IncomingMessage, socket: Duplex) => {
    void writeRaw(socket, serving.refuse("CONNECT", pathOnly(req.url ?? "/"), 405));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  origin = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
  return {
    url: `${origin}/v2`,
    tokenUrl: `${origin}/oauth/token`,
    mock: serving.mock,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Methods that fetch's `Request` refuses to carry: the mock answers 405 without building one. */
const FORBIDDEN_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);
/** Far above the CLI's largest --concurrency (1,000). */
const MAX_CONNECTIONS = 2_048;
const REQUEST_TIMEOUT_MS = 60_000;
/** The body bytes all requests being read may hold at once: 2,000 unfinished uploads held 2 GB. */
export const MAX_PENDING_BODY_BYTES = 32 * 1024 * 1024;
/** Dot segments (also as %2e) and backslashes: URL parsing would route a path other than the one sent. */
const REWRITTEN_PATH = /\\|(?:^|\/)(?:\.|%2e){1,2}(?:[/?#]|$)/i;
/** RFC 3986's host (an IP literal in brackets, or a registered name) and an optional port. */
const VALID_HOST = /^(?:\[[\dA-Fa-f:.]+\]|[\w.~!$&'()*+,;=%-]+)(?::\d*)?$/;

async function serve(serving: MockZoomServing, origin: string, req: IncomingMessage, res: ServerResponse) {
  const method = (req.method ?? "GET").toUpperCase();
  const target = pathOf(req.url ?? "/");
  const path = target?.split("?")[0]?.replace(/\/+$/, "") || "/";
  const refusal = FORBIDDEN_METHODS.has(method) ? 405 : badRequest(req, target);
  if (refusal !== undefined) {
    req.resume();
    await write(res, serving.refuse(method, path, refusal));
    return;
  }
  const body = await readLimited(req);
  if (body === "gone") return;
  if (body === "busy") {
    await write(res, serving.refuse(method, path, "The mock is reading too many bodies at once; retry.", 503));
    req.destroy();
    return;
  }
  if (body === "too large") {
    // Zoom-style answer without reading further; the connection closes so the rest is never read.
    await write(res, serving.refuse(method, path, 413));
    req.destroy();
    return;
  }
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct))
    for (const value of values ?? []) headers.append(name, value);
  // GET and HEAD cannot carry a body in fetch's model; the mock ignores one instead of failing on it.
  const withBody = body.length > 0 && method !== "GET" && method !== "HEAD";
  let request: Request;
  try {
    // The URL is the server's own origin and the target's path: the Host header never builds a URL.
    request = new Request(`${origin}${target}`, {
      method,
      headers,
      ...(withBody ? { body: new Uint8Array(body) } : {}),
    });
  } catch {
    await write(res, serving.refuse(method, path, "The request could not be read."));
    return;
  }
  const response = await serving.mock.handle(request);
  if (response.type === "error") {
    // An injected drop: the group was created, the answer never comes.
    res.socket?.destroy();
    return;
  }
  await write(res, response);
}

/** Why a request is a 400 before it is built (RFC 9112: one valid Host; none only from HTTP/1.0). */
function badRequest(req: IncomingMessage, target: string | undefined): string | undefined {
  if (target === undefined) return "The request target is not a path or an http URL.";
  if (REWRITTEN_PATH.test(req.url ?? ""))
    return "The request path has dot segments or backslashes; send it normalised.";
  const hosts = req.headersDistinct.host ?? [];
  const valid = hosts.length === 1 ? VALID_HOST.test(hosts[0] ?? "") : hosts.length === 0 && req.httpVersion === "1.0";
  return valid ? undefined : "The Host header is missing or not a valid host.";
}

/** The path and query of a request target: origin form as is, absolute form (`http://x/p`) by its path. */
function pathOf(target: string): string | undefined {
  if (target.startsWith("/")) return target;
  const url = URL.canParse(target) ? new URL(target) : undefined;
  return url && /^https?:$/.test(url.protocol) ? `${url.pathname}${url.search}` : undefined;
}

async function write(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** The path of a target for the log, whatever it is. */
const pathOnly = (target: string) => (pathOf(target) ?? "/").split("?")[0]?.replace(/\/+$/, "") || "/";

/** An answer on a socket Node's http layer gave up on (a parse error, CONNECT); then the connection closes. */
async function writeRaw(socket: Duplex, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const head = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ""}`];
  response.headers.forEach((value, name) => {
    if (name !== "connection" && name !== "content-length") head.push(`${name}: ${value}`);
  });
  head.push(`Content-Length: ${body.length}`, "Connection: close", "", "");
  socket.end(Buffer.concat([Buffer.from(head.join("\r\n")), body]));
}

let pendingBodyBytes = 0;

/**
 * The body; "too large" as soon as it passes MAX_BODY_BYTES, "busy" when all bodies being read would pass
 * MAX_PENDING_BODY_BYTES, "gone" when the client left first: nothing it held stays in memory.
 */
function readLimited(req: IncomingMessage): Promise<Buffer | "too large" | "busy" | "gone"> {
  if (Number(req.headers["content-length"]) > MAX_BODY_BYTES) return Promise.resolve("too large");
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const settle = (result: Buffer | "too large" | "busy" | "gone") => {
      pendingBodyBytes -= size;
      size = 0;
      chunks = [];
      req.removeAllListeners("data");
      if (result !== "gone") req.pause();
      resolve(result);
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      pendingBodyBytes += chunk.length;
      if (size > MAX_BODY_BYTES) settle("too large");
      else if (pendingBodyBytes > MAX_PENDING_BODY_BYTES) settle("busy");
      else chunks.push(chunk);
    });
    req.on("end", () => settle(Buffer.concat(chunks)));
    req.on("error", () => settle("gone"));
    req.on("close", () => {
      if (!req.complete) settle("gone");
    });
  });
}
