/**
 * The mock Zoom: `POST /v2/im/groups` as the spec documents it, plus a Server-to-Server OAuth token
 * endpoint, as one fetch-style function `handle(Request) → Response`. The MSW handlers, the loopback HTTP
 * server and the CLI's embedded default all serve this one implementation.
 */
import { mediaTypes } from "../encoding.js";
import { documentedResponses, fromFormFields, operation, validateCreateImGroupBody } from "../index.js";

/** How the mock behaves: which accounts are free, its rate limits, the tokens it knows, its faults. */
export interface MockZoomOptions {
  /**
   * Creates answer Zoom's documented "Only available for paid account" (HTTP 200, code 200): `true` for
   * every account, or the ids of the free accounts.
   */
  freeAccount?: boolean | readonly string[];
  /** Creates per second per account before 429 `X-RateLimit-Type: QPS`. Default: no limit. */
  rateLimit?: number;
  /** Creates per UTC day per account before 429 `X-RateLimit-Type: Daily-limit`. Default: no limit. */
  dailyLimit?: number;
  /** Bearer tokens the mock accepts, each mapped to its account id. Default: any non-empty token, one account. */
  accounts?: Record<string, string>;
  /** Told about every request the mock answers (the CLI's `mock` command prints these). */
  onRequest?: (entry: MockRequestLog) => void;
  /** Faults to inject into creates, to rehearse a bulk run against a misbehaving Zoom or network. */
  faults?: MockFaults;
}

/**
 * Injected faults. Each is decided by a hash of the seed, the account, the group name and how many times
 * that name was sent, so a run is repeatable whatever order concurrent requests arrive in.
 */
export interface MockFaults {
  /** Share of creates answered 500, 502 or 503 (a third of them with an HTML body) without creating. */
  failRate?: number;
  /** Share of creates that create the group and then drop the connection without answering. */
  dropRate?: number;
  /** Every answer is delayed by a time in this range (ms), drawn from the seed and the tracking id. */
  latencyMs?: readonly [number, number];
  /** Default 1. */
  seed?: number;
}

/** One request the mock answered, as `onRequest` hears of it. */
export interface MockRequestLog {
  /** The request's method. */
  method: string;
  /** The request's path, without the query string or a trailing slash. */
  path: string;
  /** The HTTP status; 0 when the connection was dropped without an answer (an injected fault). */
  status: number;
  /** The injected fault, if any: `fail` or `drop`. */
  fault?: "fail" | "drop";
  /** The Zoom error code of an error answer. */
  zoomCode?: number;
  /** The group name the request sent, if it could be read. */
  name?: string;
  /** The `x-zm-trackingid` the mock answered with. */
  trackingId: string;
}

/** A group the mock created: the ground truth a test compares the client's reports with. */
export interface MockGroup {
  /** The id the mock gave it (`mockgrp000001`…), also in its `Content-Location`. */
  id: string;
  /** Its name, unique in its account. */
  name: string;
  /** `normal`, `shared` or `restricted` (Zoom's default `normal` when the request left it out). */
  type: string;
  /** Always 0: a new group has no members. */
  total_members: number;
  /** As sent; false when left out. */
  search_by_domain: boolean;
  /** As sent; false when left out. */
  search_by_account: boolean;
  /** As sent; false when left out. */
  search_by_ma_account: boolean;
}

/** The mock Zoom: one fetch-style function, and its state. */
export interface MockZoom {
  /**
   * Answers one request. Never throws: malformed input gets a Zoom-style 4xx. A dropped connection (an
   * injected fault) is `Response.error()`: MSW turns it into a network error, `startMockZoom` closes the socket.
   */
  handle(request: Request): Promise<Response>;
  /**
   * The answer to a request that never becomes a `Request` (a body over MAX_BODY_BYTES, a method such as
   * TRACE that fetch refuses), logged like any other.
   */
  refuse(method: string, path: string, status: 405 | 413): Response;
  /** The groups created so far in an account (default account: "default"). */
  groups(accountId?: string): MockGroup[];
  /** Forgets every group, token and counter. */
  reset(): void;
}

/** The largest body the mock reads, as a real API gateway would cap it. */
export const MAX_BODY_BYTES = 1024 * 1024;
const CREATE_PATH = `/v2${operation.path}`;
const TOO_LARGE = `The body is larger than ${MAX_BODY_BYTES} bytes.`;
const DEFAULT_ACCOUNT = "default";

/** Zoom's error codes, as the spec documents them (`x-zoom-error-code`). */
function documentedCode(status: keyof typeof documentedResponses): number {
  const code = (documentedResponses[status] as { zoomCode?: number }).zoomCode;
  if (code === undefined) throw new Error(`spec: response ${status} documents no x-zoom-error-code`);
  return code;
}
const CODE = {
  paidAccountOnly: documentedCode("200"),
  validationFailed: documentedCode("400"),
  invalidToken: documentedCode("401"),
  nameInUse: documentedCode("409"),
  rateLimited: documentedCode("429"),
};

/**
 * A mock Zoom as a fetch-style function (`handle(Request) → Response`), with web APIs only: serve it
 * from MSW, a Worker, or `startMockZoom`.
 * @example
 * const mock = createMockZoom({ rateLimit: 4 });
 * const client = createImGroupsClient({ accessToken: "any", fetch: (request) => mock.handle(request) });
 */
export function createMockZoom(options: MockZoomOptions = {}): MockZoom {
  const accounts = new Map<string, Map<string, MockGroup>>();
  const issuedTokens = new Map<string, string>();
  const perSecond = new Map<string, { second: number; count: number }>();
  const perDay = new Map<string, { day: string; count: number }>();
  let sequence = 0;
  let groupSequence = 0;

  function groupsOf(accountId: string): Map<string, MockGroup> {
    let groups = accounts.get(accountId);
    if (!groups) {
      groups = new Map();
      accounts.set(accountId, groups);
    }
    return groups;
  }

  function accountFor(request: Request): string | undefined {
    // The scheme is case-insensitive in HTTP (RFC 9110): `bearer x` is as good as `Bearer x`.
    const match = /^Bearer +([^\s]+)$/i.exec(request.headers.get("authorization") ?? "");
    const token = match?.[1];
    if (!token) return undefined;
    if (issuedTokens.has(token)) return issuedTokens.get(token);
    if (options.accounts) return options.accounts[token];
    return DEFAULT_ACCOUNT;
  }

  function rateLimited(accountId: string, trackingId: string): Response | undefined {
    const now = Date.now();
    if (options.dailyLimit !== undefined) {
      const day = new Date(now).toISOString().slice(0, 10);
      const used = perDay.get(accountId);
      const count = used?.day === day ? used.count : 0;
      if (count >= options.dailyLimit) {
        const midnight = new Date(`${day}T00:00:00Z`).getTime() + 86_400_000;
        return zoomError(
          429,
          CODE.rateLimited,
          "You have reached the maximum daily rate limit for this API.",
          trackingId,
          {
            "X-RateLimit-Category": operation.rateLimitLabel,
            "X-RateLimit-Type": "Daily-limit",
            "X-RateLimit-Limit": String(options.dailyLimit),
            "X-RateLimit-Remaining": "0",
            "Retry-After": new Date(midnight).toISOString().replace(".000Z", "Z"),
          },
        );
      }
      perDay.set(accountId, { day, count: count + 1 });
    }
    if (options.rateLimit !== undefined) {
      const second = Math.floor(now / 1000);
      const used = perSecond.get(accountId);
      const count = used?.second === second ? used.count : 0;
      if (count >= options.rateLimit) {
        return zoomError(
          429,
          CODE.rateLimited,
          "You have reached the maximum per-second rate limit for this API.",
          trackingId,
          {
            "X-RateLimit-Category": operation.rateLimitLabel,
            "X-RateLimit-Type": "QPS",
            "Retry-After": "1",
          },
        );
      }
      perSecond.set(accountId, { second, count: count + 1 });
    }
    return undefined;
  }

  async function createGroup(request: Request, trackingId: string, log: Partial<MockRequestLog>): Promise<Response> {
    const accountId = accountFor(request);
    if (!accountId) return zoomError(401, CODE.invalidToken, "Invalid access token.", trackingId);
    const limited = rateLimited(accountId, trackingId);
    if (limited) return limited;

    const parsed = await readBody(request);
    if ("error" in parsed) return zoomError(parsed.status, CODE.validationFailed, parsed.error, trackingId);
    const body = parsed.body;
    if (typeof body.name === "string") log.name = body.name;
    const fault = decideFault(accountId, body.name);
    if (fault.fail) {
      log.fault = "fail";
      return serverFailure(fault.fail, trackingId);
    }
    const issues = [
      // A file part is not text: Zoom would refuse `-F name=@groups.csv`.
      ...parsed.files.map((field) => ({ field, message: `${field} must be text, not a file` })),
      ...validateCreateImGroupBody(body).filter((issue) => !parsed.files.includes(issue.field)),
    ];
    if (issues.length > 0) {
      const fields = new Map<string, string>();
      for (const issue of issues) if (!fields.has(issue.field)) fields.set(issue.field, issue.message);
      return zoomError(
        400,
        CODE.validationFailed,
        "Validation Failed.",
        trackingId,
        {},
        [...fields].map(([field, message]) => ({ field, message })),
      );
    }
    if (
      options.freeAccount === true ||
      (Array.isArray(options.freeAccount) && options.freeAccount.includes(accountId))
    ) {
      return zoomError(200, CODE.paidAccountOnly, `Only available for paid account: ${accountId}.`, trackingId);
    }
    const name = body.name as string;
    const groups = groupsOf(accountId);
    if (groups.has(name)) return zoomError(409, CODE.nameInUse, `Group name ${name} is already in use.`, trackingId);
    const group: MockGroup = {
      id: `mockgrp${(++groupSequence).toString(36).padStart(6, "0")}`,
      name,
      type: (body.type as string | undefined) ?? "normal",
      total_members: 0,
      search_by_domain: body.search_by_domain === true,
      search_by_account: body.search_by_account === true,
      search_by_ma_account: body.search_by_ma_account === true,
    };
    groups.set(name, group);
    if (fault.drop) {
      log.fault = "drop";
      return Response.error();
    }
    const { type: _type, ...documented } = group; // the reference's 201 body has no `type`
    return Response.json(documented, {
      status: 201,
      headers: { "Content-Location": `${CREATE_PATH}/${group.id}`, "x-zm-trackingid": trackingId },
    });
  }

  async function issueToken(request: Request, trackingId: string): Promise<Response> {
    const basic = /^Basic +(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    // Zoom documents the query-string form (`?grant_type=account_credentials&account_id=…`); clients also
    // send a form body. Either is accepted; the body wins where both name a parameter.
    const query = new URL(request.url).searchParams;
    const form = new URLSearchParams(await request.text().catch(() => ""));
    const param = (name: string) => form.get(name) ?? query.get(name);
    const accountId = param("account_id");
    if (!basic || !decodesToCredentials(basic)) {
      return Response.json({ reason: "Invalid client_id or client_secret", error: "invalid_client" }, { status: 401 });
    }
    if (param("grant_type") !== "account_credentials" || !accountId) {
      return Response.json({ reason: "Unsupported grant type", error: "unsupported_grant_type" }, { status: 400 });
    }
    const token = `mock-s2s-${trackingId}`;
    issuedTokens.set(token, accountId);
    return Response.json({
      access_token: token,
      token_type: "bearer",
      expires_in: 3599,
      scope: operation.scopes.join(" "),
    });
  }

  const faults = options.faults;
  const sends = new Map<string, number>();
  /** Which fault this create meets: a hash of (seed, account, name, how often the name was sent). */
  function decideFault(accountId: string, name: unknown): { fail?: number; drop?: boolean } {
    if (!faults) return {};
    const key = `${accountId}\u0000${typeof name === "string" ? name : `#${sequence}`}`;
    const nth = (sends.get(key) ?? 0) + 1;
    sends.set(key, nth);
    const draw = (what: string) => unitHash(`${faults.seed ?? 1}\u0000${key}\u0000${nth}\u0000${what}`);
    if (draw("fail") < (faults.failRate ?? 0)) return { fail: [500, 502, 503][Math.floor(draw("status") * 3)] ?? 500 };
    return { drop: draw("drop") < (faults.dropRate ?? 0) };
  }

  function logged(
    request: { method: string },
    path: string,
    response: Response,
    trackingId: string,
    log: Partial<MockRequestLog>,
  ) {
    const code = zoomCodes.get(response);
    options.onRequest?.({
      method: request.method,
      path,
      status: response.type === "error" ? 0 : response.status,
      ...(log.fault ? { fault: log.fault } : {}),
      ...(code === undefined ? {} : { zoomCode: code }),
      ...(log.name === undefined ? {} : { name: log.name }),
      trackingId,
    });
    return response;
  }

  return {
    async handle(request) {
      const trackingId = `mock-${(++sequence).toString(36)}`;
      const log: Partial<MockRequestLog> = {};
      let path = "/";
      let response: Response;
      try {
        path = new URL(request.url).pathname.replace(/\/+$/, "") || "/";
        if (request.method === "POST" && path === CREATE_PATH) response = await createGroup(request, trackingId, log);
        else if (request.method === "POST" && path === "/oauth/token") response = await issueToken(request, trackingId);
        else if (path === CREATE_PATH || path === "/oauth/token")
          response = methodNotAllowed(request.method, trackingId);
        else response = zoomError(404, 404, `No such API: ${request.method} ${path}.`, trackingId);
      } catch {
        response = zoomError(400, CODE.validationFailed, "The request could not be read.", trackingId);
      }
      const delayMs = faults?.latencyMs ? latencyFor(faults, trackingId) : 0;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return logged(request, path, response, trackingId, log);
    },
    refuse(method, path, status) {
      const trackingId = `mock-${(++sequence).toString(36)}`;
      const response =
        status === 405
          ? methodNotAllowed(method, trackingId)
          : zoomError(413, CODE.validationFailed, TOO_LARGE, trackingId, { connection: "close" });
      return logged({ method }, path, response, trackingId, {});
    },
    groups: (accountId = DEFAULT_ACCOUNT) => [...groupsOf(accountId).values()],
    reset() {
      accounts.clear();
      groupSequence = 0;
      issuedTokens.clear();
      perSecond.clear();
      perDay.clear();
      sends.clear();
    },
  };
}

/** 405 names the methods the path takes (RFC 9110 requires `Allow`). */
function methodNotAllowed(method: string, trackingId: string): Response {
  return zoomError(405, 405, `Method ${method} is not allowed here; use ${operation.method}.`, trackingId, {
    Allow: operation.method,
  });
}

/** A 500, 502 or 503 as a failing Zoom or a gateway in front of it sends them: JSON, or an HTML page. */
function serverFailure(status: number, trackingId: string): Response {
  if (status === 502) {
    return new Response("<html><body><h1>502 Bad Gateway</h1></body></html>", {
      status,
      headers: { "content-type": "text/html", "x-zm-trackingid": trackingId },
    });
  }
  return zoomError(
    status,
    status,
    status === 503 ? "Service temporarily unavailable." : "Internal server error.",
    trackingId,
  );
}

/** A latency in the configured range, from the request's tracking id (repeatable for a seed). */
function latencyFor(faults: MockFaults, trackingId: string): number {
  const [low, high] = faults.latencyMs ?? [0, 0];
  return Math.round(low + (high - low) * unitHash(`${faults.seed ?? 1}\u0000${trackingId}\u0000latency`));
}

/** FNV-1a, 32 bits, scaled to [0, 1): a repeatable draw from a key. */
function unitHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // A final avalanche (murmur3's fmix32) so that keys differing in one character spread over [0, 1).
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

type ParsedBody = { body: Record<string, unknown>; files: string[] } | { error: string; status: number };

async function readBody(request: Request): Promise<ParsedBody> {
  const declared = Number(request.headers.get("content-length"));
  const tooLarge = { error: TOO_LARGE, status: 413 };
  if (declared > MAX_BODY_BYTES) return tooLarge;
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) return tooLarge;
  const contentType = request.headers.get("content-type") ?? "";
  // Media types are case-insensitive (RFC 9110): `Application/JSON` is JSON.
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType === mediaTypes.multipart) {
    try {
      const form = await new Response(bytes, {
        headers: { "content-type": `${mediaType}${contentType.slice(contentType.indexOf(";") >>> 0)}` },
      }).formData();
      const files = [...form.entries()].filter(([, value]) => typeof value !== "string").map(([key]) => key);
      return { body: fromFormFields(form.entries()), files };
    } catch {
      return { error: "Malformed multipart/form-data body.", status: 400 };
    }
  }
  if (mediaType === mediaTypes.json) {
    try {
      const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
      if (value && typeof value === "object" && !Array.isArray(value))
        return { body: value as Record<string, unknown>, files: [] };
      return { error: "The JSON body must be an object.", status: 400 };
    } catch {
      return { error: "Malformed JSON body.", status: 400 };
    }
  }
  return {
    error: `Unsupported content type ${JSON.stringify(contentType)}: send ${Object.values(mediaTypes).join(" or ")}.`,
    status: 415,
  };
}

/** The Zoom code of each error answer, for the request log (the body holds it too, but is a stream). */
const zoomCodes = new WeakMap<Response, number>();

function zoomError(
  status: number,
  code: number,
  message: string,
  trackingId: string,
  headers: Record<string, string> = {},
  errors?: { field: string; message: string }[],
): Response {
  const response = Response.json(errors ? { code, message, errors } : { code, message }, {
    status,
    headers: { ...headers, "x-zm-trackingid": trackingId },
  });
  zoomCodes.set(response, code);
  return response;
}

/** Basic credentials decode to `id:secret` (web APIs only: the mock runs in Workers too). */
function decodesToCredentials(basic: string): boolean {
  try {
    return atob(basic).includes(":");
  } catch {
    return false;
  }
}
