/**
 * The mock Zoom: `POST /v2/im/groups` as the spec documents it, plus a Server-to-Server OAuth token
 * endpoint, as one fetch-style function `handle(Request) → Response` over a store, rate limits and faults.
 * The MSW handlers, the loopback HTTP server and the CLI's embedded default all serve this one function.
 */
import { createImGroupRequestSchema, operation } from "../generated/spec.js";
import type { CreateImGroupBody } from "../index.js";
import { type Answer, CODE, methodNotAllowed, rateLimited, serverFailure, specMessage, zoomError } from "./answers.js";
import { fieldErrors, type ParsedBody, readBody, TOO_LARGE } from "./body.js";
import { createFaults } from "./faults.js";
import { createLimits } from "./limits.js";
import { createStore, DEFAULT_ACCOUNT } from "./store.js";
import type { MockZoom, MockZoomOptions } from "./types.js";

const CREATE_PATH = `/v2${operation.path}`;
const TOKEN_PATH = "/oauth/token";

/**
 * A mock Zoom as a fetch-style function (`handle(Request) → Response`), with web APIs only: serve it
 * from MSW, a Worker, or `startMockZoom`.
 * @example
 * const mock = createMockZoom({ rateLimit: 4 });
 * const client = createImGroupsClient({ accessToken: "any", fetch: (request) => mock.handle(request) });
 */
export function createMockZoom(options: MockZoomOptions = {}): MockZoom {
  return createMockZoomServing(options).mock;
}

/**
 * The mock and, for the Node HTTP adapter only, `refuse`: the logged answer to a request that never
 * becomes a `Request` (a method fetch refuses such as TRACE, a body over MAX_BODY_BYTES, an invalid Host).
 */
/** What Zoom uses for a field the request leaves out: the spec's `default`s. */
const defaults = Object.fromEntries(
  Object.entries(createImGroupRequestSchema.properties).map(([name, field]) => [name, field.default]),
);

export function createMockZoomServing(options: MockZoomOptions) {
  const store = createStore(options.accounts);
  const limits = createLimits(options);
  const faults = createFaults(options.faults);
  // Never reset: tracking ids stay unique across reset().
  let sequence = 0;

  async function create(request: Request, trackingId: string): Promise<Answer> {
    // The scheme is case-insensitive in HTTP (RFC 9110): `bearer x` is as good as `Bearer x`.
    const token = /^Bearer +(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    const accountId = token === undefined ? undefined : store.accountOf(token);
    if (!accountId) return zoomError(401, CODE.invalidToken, specMessage("401"), trackingId);
    const limit = limits.take(accountId);
    if (limit) return rateLimited(limit, trackingId);
    const body = await readBody(request);
    if ("status" in body) return zoomError(body.status, CODE.validationFailed, body.message, trackingId);
    const { name } = body.fields;
    const answer = createFrom(body, accountId, trackingId);
    return typeof name === "string" ? { ...answer, name } : answer;
  }

  /** A readable body's answer: a fault, field errors, the paid-only refusal, a 409, or the group. */
  function createFrom(body: ParsedBody, accountId: string, trackingId: string): Answer {
    const fault = faults.decide(accountId, body.fields.name, trackingId);
    if (fault && "fail" in fault) return serverFailure(fault.fail, trackingId);
    const errors = fieldErrors(body);
    if (errors.length > 0) return zoomError(400, CODE.validationFailed, specMessage("400"), trackingId, {}, errors);
    const free = options.freeAccount;
    if (free === true || (Array.isArray(free) && free.includes(accountId))) {
      return zoomError(200, CODE.paidAccountOnly, specMessage("200", { accountId }), trackingId);
    }
    const fields = body.fields as CreateImGroupBody; // valid: checked just above
    if (store.has(accountId, fields.name)) {
      return zoomError(409, CODE.nameInUse, specMessage("409", { groupName: fields.name }), trackingId);
    }
    // Fields left out take the spec's defaults, as Zoom applies them.
    const given = { ...defaults, ...fields };
    const group = store.add(accountId, {
      name: fields.name,
      type: String(given.type),
      total_members: 0,
      search_by_domain: given.search_by_domain === true,
      search_by_account: given.search_by_account === true,
      search_by_ma_account: given.search_by_ma_account === true,
    });
    if (fault) return { response: Response.error(), fault: "drop" };
    const { type: _type, ...documented } = group; // the reference's 201 body has no `type`
    const headers = { "Content-Location": `${CREATE_PATH}/${group.id}`, "x-zm-trackingid": trackingId };
    return { response: Response.json(documented, { status: 201, headers }) };
  }

  async function issueToken(request: Request, trackingId: string): Promise<Answer> {
    const basic = /^Basic +(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    // Zoom documents the query-string form (`?grant_type=account_credentials&account_id=…`); clients also
    // send a form body. Either is accepted; the body wins where both name a parameter.
    const query = new URL(request.url).searchParams;
    const form = new URLSearchParams(await request.text().catch(() => ""));
    const param = (name: string) => form.get(name) ?? query.get(name);
    const accountId = param("account_id");
    if (!basic || !decodesToCredentials(basic)) {
      const body = { reason: "Invalid client_id or client_secret", error: "invalid_client" };
      return { response: Response.json(body, { status: 401 }) };
    }
    if (param("grant_type") !== "account_credentials" || !accountId) {
      const body = { reason: "Unsupported grant type", error: "unsupported_grant_type" };
      return { response: Response.json(body, { status: 400 }) };
    }
    const token = `mock-s2s-${trackingId}`;
    store.issue(token, accountId);
    const scope = operation.scopes.join(" ");
    return { response: Response.json({ access_token: token, token_type: "bearer", expires_in: 3599, scope }) };
  }

  function route(request: Request, path: string, trackingId: string): Promise<Answer> | Answer {
    if (path === CREATE_PATH) {
      return request.method === operation.method
        ? create(request, trackingId)
        : methodNotAllowed(request.method, trackingId);
    }
    if (path === TOKEN_PATH) {
      return request.method === "POST" ? issueToken(request, trackingId) : methodNotAllowed(request.method, trackingId);
    }
    return zoomError(404, 404, `No such API: ${request.method} ${path}.`, trackingId);
  }

  function logged(method: string, path: string, trackingId: string, { response, ...details }: Answer): Response {
    options.onRequest?.({
      method,
      path,
      status: response.type === "error" ? 0 : response.status,
      ...details,
      trackingId,
    });
    return response;
  }

  const nextTrackingId = () => `mock-${(++sequence).toString(36)}`;

  const mock: MockZoom = {
    async handle(request) {
      const trackingId = nextTrackingId();
      // The delay runs from the request's arrival, on its own timer: concurrent answers wait side by side.
      const delayMs = faults.latencyMs(trackingId);
      const delayed = delayMs > 0 && new Promise((resolve) => setTimeout(resolve, delayMs));
      let path = "/";
      let answer: Answer;
      try {
        path = new URL(request.url).pathname.replace(/\/+$/, "") || "/";
        answer = await route(request, path, trackingId);
      } catch {
        answer = zoomError(400, CODE.validationFailed, "The request could not be read.", trackingId);
      }
      await delayed;
      return logged(request.method, path, trackingId, answer);
    },
    groups: (accountId = DEFAULT_ACCOUNT) => store.groups(accountId),
    reset() {
      store.reset();
      limits.reset();
      faults.reset();
    },
  };

  return {
    mock,
    /** 405 for a method fetch refuses, 413 for a body over MAX_BODY_BYTES, or an error status (400) that says why. */
    refuse(method: string, path: string, why: 405 | 413 | string, status = 400): Response {
      const trackingId = nextTrackingId();
      const answer =
        why === 405
          ? methodNotAllowed(method, trackingId)
          : why === 413
            ? zoomError(413, CODE.validationFailed, TOO_LARGE, trackingId, { connection: "close" })
            : zoomError(status, CODE.validationFailed, why, trackingId);
      return logged(method, path, trackingId, answer);
    },
  };
}

/** Basic credentials decode to `id:secret` (web APIs only: the mock runs in Workers too). */
function decodesToCredentials(basic: string): boolean {
  try {
    return atob(basic).includes(":");
  } catch {
    return false;
  }
}
