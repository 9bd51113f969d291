/**
 * The mock Zoom: `POST /v2/im/groups` as the spec documents it, plus a Server-to-Server OAuth token
 * endpoint, as one fetch-style function `handle(Request) → Response`. The MSW handlers, the loopback HTTP
 * server and the CLI's embedded default all serve this one implementation.
 */
import { mediaTypes } from "../encoding.js";
import { documentedResponses, fromFormFields, operation, validateCreateImGroupBody } from "../index.js";

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
}

export interface MockRequestLog {
  method: string;
  path: string;
  status: number;
  zoomCode?: number;
  name?: string;
  trackingId: string;
}

export interface MockGroup {
  id: string;
  name: string;
  type: string;
  total_members: number;
  search_by_domain: boolean;
  search_by_account: boolean;
  search_by_ma_account: boolean;
}

export interface MockZoom {
  /** Answers one request. Never throws: malformed input gets a Zoom-style 4xx. */
  handle(request: Request): Promise<Response>;
  /** The groups created so far in an account (default account: "default"). */
  groups(accountId?: string): MockGroup[];
  /** Forgets every group, token and counter. */
  reset(): void;
}

/** The largest body the mock reads, as a real API gateway would cap it. */
export const MAX_BODY_BYTES = 1024 * 1024;
const CREATE_PATH = `/v2${operation.path}`;
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
    const match = /^Bearer ([^\s]+)$/.exec(request.headers.get("authorization") ?? "");
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
    const issues = validateCreateImGroupBody(body);
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
    const { type: _type, ...documented } = group; // the reference's 201 body has no `type`
    return Response.json(documented, {
      status: 201,
      headers: { "Content-Location": `${CREATE_PATH}/${group.id}`, "x-zm-trackingid": trackingId },
    });
  }

  async function issueToken(request: Request, trackingId: string): Promise<Response> {
    const basic = /^Basic (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
    const form = new URLSearchParams(await request.text().catch(() => ""));
    const accountId = form.get("account_id");
    if (!basic || !Buffer.from(basic, "base64").toString().includes(":")) {
      return Response.json({ reason: "Invalid client_id or client_secret", error: "invalid_client" }, { status: 401 });
    }
    if (form.get("grant_type") !== "account_credentials" || !accountId) {
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

  return {
    async handle(request) {
      const trackingId = `mock-${(++sequence).toString(36)}`;
      const path = new URL(request.url).pathname.replace(/\/+$/, "");
      const log: Partial<MockRequestLog> = {};
      let response: Response;
      try {
        if (request.method === "POST" && path === CREATE_PATH) response = await createGroup(request, trackingId, log);
        else if (request.method === "POST" && path === "/oauth/token") response = await issueToken(request, trackingId);
        else if (path === CREATE_PATH)
          response = zoomError(405, 405, `Method ${request.method} is not allowed here.`, trackingId);
        else response = zoomError(404, 404, `No such API: ${request.method} ${path}.`, trackingId);
      } catch {
        response = zoomError(400, CODE.validationFailed, "The request could not be read.", trackingId);
      }
      const code = zoomCodes.get(response);
      options.onRequest?.({
        method: request.method,
        path,
        status: response.status,
        ...(code === undefined ? {} : { zoomCode: code }),
        ...(log.name === undefined ? {} : { name: log.name }),
        trackingId,
      });
      return response;
    },
    groups: (accountId = DEFAULT_ACCOUNT) => [...groupsOf(accountId).values()],
    reset() {
      accounts.clear();
      groupSequence = 0;
      issuedTokens.clear();
      perSecond.clear();
      perDay.clear();
    },
  };
}

/** The answer to a body over MAX_BODY_BYTES, shared with the HTTP server (which refuses before reading). */
export function bodyTooLarge(trackingId: string): Response {
  return zoomError(413, CODE.validationFailed, `The body is larger than ${MAX_BODY_BYTES} bytes.`, trackingId, {
    connection: "close",
  });
}

type ParsedBody = { body: Record<string, unknown> } | { error: string; status: number };

async function readBody(request: Request): Promise<ParsedBody> {
  const declared = Number(request.headers.get("content-length"));
  const tooLarge = { error: `The body is larger than ${MAX_BODY_BYTES} bytes.`, status: 413 };
  if (declared > MAX_BODY_BYTES) return tooLarge;
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) return tooLarge;
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.startsWith(mediaTypes.multipart)) {
    try {
      const form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
      return { body: fromFormFields(form.entries()) };
    } catch {
      return { error: "Malformed multipart/form-data body.", status: 400 };
    }
  }
  if (contentType.startsWith(mediaTypes.json)) {
    try {
      const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
      if (value && typeof value === "object" && !Array.isArray(value))
        return { body: value as Record<string, unknown> };
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
