/**
 * The mock Zoom: every operation of the spec as a route (built from src/generated/operations.ts), over one
 * stateful store (groups, members, users, pages), per-label rate limits, faults and a retired mode, plus a
 * Server-to-Server OAuth token endpoint, as one fetch-style function `handle(Request) → Response`. The MSW
 * handlers, the loopback HTTP server and the CLI's embedded default all serve this one function.
 */
import { type OperationId, operations, type Schema } from "../generated/operations.js";
import { validators } from "../generated/validators.js";
import type { CreateImGroupBody, MemberToAdd, UpdateImGroupBody } from "../index.js";
import {
  type Answer,
  codeOf,
  documentedAnswer,
  methodNotAllowed,
  rateLimited,
  serverFailure,
  specMessage,
  zoomError,
} from "./answers.js";
import { fieldErrors, type ParsedBody, readBody, schemaErrors, TOO_LARGE } from "./body.js";
import { createFaults } from "./faults.js";
import { createLimits } from "./limits.js";
import { createStore, DEFAULT_ACCOUNT } from "./store.js";
import type { MockGroup, MockZoom, MockZoomOptions } from "./types.js";

const TOKEN_PATH = "/oauth/token";
/** Ask the mock for one documented answer of the operation (`X-Mock-Status: 409`), as contract tests do. */
export const MOCK_STATUS_HEADER = "x-mock-status";

/** One route: an operation, the pattern of its path under `/v2`, and the names of its path parameters. */
const routes = Object.values(operations).map((operation) => ({
  operation,
  pattern: new RegExp(`^/v2${operation.path.replace(/\{\w+\}/g, "([^/]+)")}$`),
}));

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

/** What one request of an operation brings: its account, path and query parameters, body, and tracking id. */
interface Call {
  /** The operation, and its API's base path (`/im/groups` or `/groups`). */
  id: OperationId;
  base: string;
  accountId: string;
  params: Record<string, string>;
  /** The body's fields (none for an operation without a body). */
  fields: Record<string, unknown>;
  trackingId: string;
}

/**
 * The mock and, for the Node HTTP adapter only, `refuse`: the logged answer to a request that never
 * becomes a `Request` (a method fetch refuses such as TRACE, a body over MAX_BODY_BYTES, an invalid Host).
 */
export function createMockZoomServing(options: MockZoomOptions) {
  const store = createStore(options.accounts, options.unknownUsers);
  const limits = createLimits(options);
  const faults = createFaults(options.faults);
  // Never reset: tracking ids stay unique across reset().
  let sequence = 0;

  /** Each API (IM groups, Groups) keeps its own groups in an account. */
  const space = (call: Call) => (call.base === "/im/groups" ? call.accountId : `${call.accountId}\u0000${call.base}`);
  const notFound = ({ id, params, trackingId }: Call) =>
    zoomError(404, codeOf(id, 404), specMessage(id, 404, { groupId: params.groupId ?? "" }), trackingId);
  const userNotFound = ({ id, trackingId }: Call, who: string | undefined) =>
    zoomError(404, codeOf(id, 404, 1), `User does not exist: ${who}.`, trackingId);
  const group = (call: Call) => store.byId(space(call), call.params.groupId ?? "");
  /** A group as an operation's success schema documents it (the Groups API's have no settings). */
  const shown = (call: Call, found: MockGroup) => {
    const item = (operations[call.id] as { successSchema?: Schema }).successSchema;
    const list = item?.properties?.groups?.items?.properties ?? item?.properties;
    return Object.fromEntries(Object.entries(found).filter(([key]) => !list || key in list));
  };
  /** Creates of the day per account and API, for the spec's daily caps. */
  const createdToday = new Map<string, { day: number; count: number }>();

  /**
   * What an operation does to the store, by the shape of its path under its API's base (`/im/groups`,
   * `/groups`): the same behaviour serves both APIs. An operation of another shape answers its documented example.
   */
  const behaviour: Partial<Record<string, (call: Call) => Answer>> = {
    "GET ": (call) => {
      const groups = store.groups(space(call)).map((found) => shown(call, found));
      return ok(200, { total_records: groups.length, groups }, call.trackingId);
    },
    "POST ": (call) => create(call),
    "GET /{groupId}": (call) => {
      const found = group(call);
      return found ? ok(200, shown(call, found), call.trackingId) : notFound(call);
    },
    "PATCH /{groupId}": (call) => {
      const found = group(call);
      if (!found) return notFound(call);
      const changes = call.fields as UpdateImGroupBody;
      const taken =
        changes.name !== undefined && changes.name !== found.name && store.byName(space(call), changes.name);
      if (taken) return nameInUse(call, changes.name as string);
      store.update(space(call), found, changes as Partial<MockGroup>);
      return ok(204, undefined, call.trackingId);
    },
    "DELETE /{groupId}": (call) => {
      const found = group(call);
      if (!found) return notFound(call);
      store.remove(space(call), found);
      return ok(204, undefined, call.trackingId);
    },
    "GET /{groupId}/members": (call) => {
      const found = group(call);
      if (!found) return notFound(call);
      const size = Number(call.params.page_size ?? 30);
      const token = call.params.next_page_token;
      const offset = token ? store.pageOffset(found.id, token) : 0;
      if (offset === undefined)
        return zoomError(400, codeOf(call.id, 400), "Invalid or expired next_page_token.", call.trackingId);
      const all = store.members(found.id);
      const members = all.slice(offset, offset + size);
      const next = offset + size < all.length ? store.pageToken(found.id, offset + size) : "";
      const page = {
        page_count: Math.ceil(all.length / size),
        page_number: Math.floor(offset / size) + 1,
        page_size: size,
        total_records: all.length,
        next_page_token: next,
        members,
      };
      return ok(200, page, call.trackingId);
    },
    "POST /{groupId}/members": (call) => {
      const found = group(call);
      if (!found) return notFound(call);
      const wanted = (call.fields as { members: MemberToAdd[] }).members;
      const users = wanted.map((member) => store.user(member));
      const missing = wanted.find((_, index) => !users[index]);
      // Zoom refuses the call for a user it does not know, and adds none of it (this mock's reading).
      if (missing) return userNotFound(call, missing.id ?? missing.email);
      store.addMembers(found, users as NonNullable<(typeof users)[number]>[]);
      const body = {
        ids: users.map((user) => user?.id).join(","),
        added_at: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      };
      return ok(201, body, call.trackingId);
    },
    "DELETE /{groupId}/members/{memberId}": (call) => {
      const found = group(call);
      if (!found) return notFound(call);
      if (!store.removeMember(found, call.params.memberId ?? "")) return userNotFound(call, call.params.memberId);
      return ok(204, undefined, call.trackingId);
    },
  };

  function nameInUse({ id, trackingId }: Call, groupName: string) {
    return zoomError(409, codeOf(id, 409), specMessage(id, 409, { groupName }), trackingId);
  }

  /** A readable create: a fault, the API's caps, a 409, or the group. */
  function create(call: Call): Answer {
    const { accountId, trackingId } = call;
    const fields = call.fields as CreateImGroupBody;
    const fault = faults.decide(accountId, fields.name, trackingId);
    if (fault && "fail" in fault) return serverFailure(fault.fail, trackingId);
    if (store.byName(space(call), fields.name)) return nameInUse(call, fields.name);
    const refused = capped(call);
    if (refused) return refused;
    // Fields left out take the spec's defaults, as Zoom applies them.
    const given = { ...defaults, ...fields };
    const created = store.add(space(call), {
      name: fields.name,
      type: String(given.type),
      search_by_domain: given.search_by_domain === true,
      search_by_account: given.search_by_account === true,
      search_by_ma_account: given.search_by_ma_account === true,
    });
    if (fault) return { response: Response.error(), fault: "drop" };
    const headers = { "Content-Location": `/v2${call.base}/${created.id}`, "x-zm-trackingid": trackingId };
    const { type: _type, ...documented } = shown(call, created); // Zoom's reference documents no `type` in a 201
    return { response: Response.json(documented, { status: 201, headers }) };
  }

  /** The spec's caps of a create (the Groups API's 100 a day and 5,000 an account), or the options'. */
  function capped(call: Call): Answer | undefined {
    const operation = operations[call.id] as { dailyCap?: number; accountMax?: number };
    const accountMax =
      operation.accountMax === undefined ? undefined : (options.groupsPerAccount ?? operation.accountMax);
    if (accountMax !== undefined && store.groups(space(call)).length >= accountMax) {
      const message = "It has reached the maximum number of groups. You can clean up some groups then add.";
      return zoomError(400, codeOf(call.id, 400), message, call.trackingId);
    }
    const cap = operation.dailyCap === undefined ? undefined : (options.createsPerDay ?? operation.dailyCap);
    if (cap === undefined) return undefined;
    const day = Math.floor(Date.now() / 86_400_000);
    const today = createdToday.get(space(call));
    const count = today?.day === day ? today.count : 0;
    if (count >= cap) {
      const hit = { type: "Daily-limit" as const, limit: cap, resetsAt: (day + 1) * 86_400_000 };
      const label = operations[call.id].rateLimitLabel;
      return rateLimited(hit, label, codeOf(call.id, 429), call.trackingId);
    }
    createdToday.set(space(call), { day, count: count + 1 });
    return undefined;
  }

  /** Auth, limits, the request's parameters and body, then the operation's behaviour. */
  async function serve(request: Request, id: OperationId, params: Record<string, string>, trackingId: string) {
    const operation = operations[id];
    // The scheme is case-insensitive in HTTP (RFC 9110): `bearer x` is as good as `Bearer x`.
    const token = /^Bearer +(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    const accountId = token === undefined ? undefined : store.accountOf(token);
    if (!accountId) return zoomError(401, codeOf(id, 401), specMessage(id, 401), trackingId);
    if (options.retired && operation.path.startsWith("/im/"))
      return zoomError(410, codeOf(id, 410), specMessage(id, 410), trackingId);
    const limit = limits.take(accountId, operation.rateLimitLabel);
    if (limit) return rateLimited(limit, operation.rateLimitLabel, codeOf(id, 429), trackingId);
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const all = { ...query, ...params };
    const paramErrors = schemaErrors(validators[id].paramsText, all, operation.params);
    if (paramErrors.length > 0)
      return zoomError(400, codeOf(id, 400), specMessage(id, 400), trackingId, {}, paramErrors);
    let body: ParsedBody | undefined;
    if (operation.requestContentTypes.length > 0) {
      const read = await readBody(request, id);
      if ("status" in read) return zoomError(read.status, codeOf("imGroupCreate", 400), read.message, trackingId);
      body = read;
      const name = typeof read.fields.name === "string" ? { name: read.fields.name } : {};
      const errors = fieldErrors(read, id);
      if (errors.length > 0)
        return { ...zoomError(400, codeOf(id, 400), specMessage(id, 400), trackingId, {}, errors), ...name };
      const free = options.freeAccount;
      if (free === true || (Array.isArray(free) && free.includes(accountId))) {
        const status = id === "imGroupCreate" ? 200 : 400;
        return { ...zoomError(status, 200, specMessage("imGroupCreate", 200, { accountId }), trackingId), ...name };
      }
    }
    const asked = Number(request.headers.get(MOCK_STATUS_HEADER));
    const { base, shape } = shapeOf(operation.method, operation.path);
    const act = behaviour[shape];
    // A success is the operation's own answer where it has one: the spec gives no example of a list's 200 or the
    // member add's 201, and an empty body would break their schemas.
    const forced =
      asked && !(act && asked === operation.successStatus) ? documentedAnswer(id, asked, trackingId) : undefined;
    if (forced) return forced;
    const answer = act
      ? act({ id, base, accountId, params: all, fields: body?.fields ?? {}, trackingId })
      : (documentedAnswer(id, operation.successStatus, trackingId) as Answer);
    return typeof body?.fields.name === "string" ? { ...answer, name: body.fields.name } : answer;
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
    const scope = [...new Set(Object.values(operations).flatMap((operation) => operation.scopes))].join(" ");
    return { response: Response.json({ access_token: token, token_type: "bearer", expires_in: 3599, scope }) };
  }

  function route(request: Request, path: string, trackingId: string): Promise<Answer> | Answer {
    if (path === TOKEN_PATH) {
      return request.method === "POST"
        ? issueToken(request, trackingId)
        : methodNotAllowed(request.method, ["POST"], trackingId);
    }
    const matching = routes.flatMap(({ operation, pattern }) => {
      const values = pattern.exec(path)?.slice(1);
      return values ? [{ operation, values }] : [];
    });
    if (matching.length === 0) return zoomError(404, 404, `No such API: ${request.method} ${path}.`, trackingId);
    const found = matching.find(({ operation }) => operation.method === request.method);
    if (!found)
      return methodNotAllowed(
        request.method,
        matching.map(({ operation }) => operation.method),
        trackingId,
      );
    const names = [...found.operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const params = Object.fromEntries(
      names.map((name, index) => [name, decodeURIComponent(found.values[index] ?? "")]),
    );
    return serve(request, found.operation.operationId as OperationId, params, trackingId);
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
        answer = zoomError(400, codeOf("imGroupCreate", 400), "The request could not be read.", trackingId);
      }
      await delayed;
      return logged(request.method, path, trackingId, answer);
    },
    groups: (accountId = DEFAULT_ACCOUNT, api = "im") =>
      store.groups(api === "im" ? accountId : `${accountId}\u0000/groups`),
    members: (groupId) => store.members(groupId).map((member) => ({ ...member })),
    reset() {
      store.reset();
      limits.reset();
      faults.reset();
      createdToday.clear();
    },
    newDay() {
      limits.reset();
      createdToday.clear();
    },
  };

  return {
    mock,
    /** 405 for a method fetch refuses, 413 for a body over MAX_BODY_BYTES, or an error status (400) that says why. */
    refuse(method: string, path: string, why: 405 | 413 | string, status = 400): Response {
      const trackingId = nextTrackingId();
      const allowed = routes.filter(({ pattern }) => pattern.test(path)).map(({ operation }) => operation.method);
      const code = codeOf("imGroupCreate", 400);
      const answer =
        why === 405
          ? methodNotAllowed(method, allowed.length > 0 ? allowed : ["POST"], trackingId)
          : why === 413
            ? zoomError(413, code, TOO_LARGE, trackingId, { connection: "close" })
            : zoomError(status, code, why, trackingId);
      return logged(method, path, trackingId, answer);
    },
  };
}

/** What Zoom uses for a field the create leaves out: the spec's `default`s. */
const defaults = Object.fromEntries(
  Object.entries(operations.imGroupCreate.requestSchema.properties).map(([name, field]) => [
    name,
    (field as { default?: unknown }).default,
  ]),
);

/** An operation's API base (the path before `/{groupId}`) and the shape of its path under it, with its method. */
function shapeOf(method: string, path: string): { base: string; shape: string } {
  const at = path.indexOf("/{");
  const base = at < 0 ? path : path.slice(0, at);
  return { base, shape: `${method} ${path.slice(base.length)}` };
}

/** A JSON answer with the tracking id (no body for a 204). */
function ok(status: number, body: unknown, trackingId: string): Answer {
  const headers = { "x-zm-trackingid": trackingId };
  return {
    response: body === undefined ? new Response(null, { status, headers }) : Response.json(body, { status, headers }),
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
