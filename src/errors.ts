/** Everything this package throws; `ZoomApiError.generate` picks the class from (HTTP status, Zoom code). */
import type { OperationId, RateLimitType, Rule } from "./generated/operations.js";
import { operations, rateLimitTypes, serverUrl, zoomErrorCodes } from "./generated/operations.js";
import { fillTemplate, zoomErrorBody } from "./response.js";
import { retryAfterAt } from "./retry-after.js";
import type { ZoomFieldError } from "./types.js";

/** The root of every error this package throws (a caller's abort stays the platform's AbortError). */
export class ZoomImGroupsError extends Error {
  /**
   * This failed call may nonetheless have changed the account: an attempt of a write (create, update, delete,
   * member add or removal) reached Zoom, then failed. A create's group may exist; look before creating it again.
   */
  readonly mayHaveChanged: boolean;
  /** A later attempt may succeed (a per-second 429, a 408, a 5xx, a timeout, a lost connection): retried. */
  readonly retryable: boolean;
  /** Every further call would meet this too (bad credentials, the daily limit…): a bulk run stops at it. */
  readonly failsEveryCall: boolean;

  constructor(message: string, options: ErrorFacts & { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? {} : { cause: options.cause });
    this.mayHaveChanged = options.mayHaveChanged === true;
    this.retryable = options.retryable === true;
    this.failsEveryCall = options.failsEveryCall === true;
  }

  /** @deprecated The same as {@link ZoomImGroupsError.mayHaveChanged}, its name from when the client only created. */
  get mayHaveCreated(): boolean {
    return this.mayHaveChanged;
  }

  /** A plain object for logs and `JSON.stringify`: the message and the enumerable fields (not headers or cause). */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this))
      if (value !== undefined) json[key] = value instanceof Date ? value.toISOString() : value;
    return json;
  }
}

/** What an error says about the call and the calls after it; read by the client, the CLI and callers alike. */
export interface ErrorFacts {
  /** See {@link ZoomImGroupsError.mayHaveChanged}. */
  mayHaveChanged?: boolean;
  /** See {@link ZoomImGroupsError.retryable}. */
  retryable?: boolean;
  /** See {@link ZoomImGroupsError.failsEveryCall}. */
  failsEveryCall?: boolean;
}

/** The client's options are wrong, or no request could be built from them; nothing was sent. */
export class ConfigurationError extends ZoomImGroupsError {
  constructor(message: string, options: { cause?: unknown; mayHaveChanged?: boolean } = {}) {
    super(message, { ...options, failsEveryCall: true });
  }
}

/** One way the request body breaks the spec's schema. */
export interface ValidationIssue {
  /** The field, e.g. `name` or `members[3].email`; `(body)` when the body itself is not an object. */
  field: string;
  /** The JSON Schema keyword the value broke. */
  rule: Rule;
  /** What is wrong, naming the field: `name must be at most 128 characters (got 129)`. */
  message: string;
}

/** The body breaks the spec's schema; nothing was sent. */
export class ValidationError extends ZoomImGroupsError {
  /** Every way the body breaks the spec's schema, one per field and rule. */
  readonly issues: readonly ValidationIssue[];
  /** `what` names the request (`IM group`, `imGroupMembersCreate request`). */
  constructor(issues: readonly ValidationIssue[], what = "IM group") {
    // The first few, so that a body with thousands of unknown keys still makes a readable message.
    const listed = issues.slice(0, 5).map((issue) => issue.message);
    if (issues.length > 5) listed.push(`and ${issues.length - 5} more (in issues)`);
    super(`Invalid ${what}: ${listed.join("; ")}. Nothing was sent.`);
    this.issues = issues;
  }
}

export type { RateLimitType } from "./generated/operations.js";

/** Where a request went, Zoom's API or the OAuth token URL: only the API's writes can change the account. */
export type Endpoint = "api" | "token";

/** The network failed before an answer came; `mayHaveChanged` if any byte of a create can have been sent. */
export class ZoomConnectionError extends ZoomImGroupsError {
  constructor(method: string, url: string, cause: unknown, endpoint: Endpoint, mayHaveChanged = endpoint === "api") {
    const where = endpoint === "api" ? "the base URL" : "the OAuth token URL";
    const text = `${method} ${url} failed: could not reach Zoom (${causeText(cause)}). Check the network and ${where}.`;
    // Retried; once the retries are spent, Zoom is unreachable for every call.
    super(oneLine(text), { cause, mayHaveChanged, retryable: true, failsEveryCall: true });
  }
}

/** One attempt had no answer within the per-attempt timeout. Retried by default. */
export class ZoomTimeoutError extends ZoomImGroupsError {
  /** The per-attempt limit that passed (the client's `timeoutMs`). */
  readonly timeoutMs: number;
  constructor(method: string, url: string, timeoutMs: number, endpoint: Endpoint, mayHaveChanged = endpoint === "api") {
    super(
      `${method} ${url}: no answer from Zoom within ${timeoutMs / 1000} s (per-attempt timeout); retry later or allow more time.`,
      { mayHaveChanged, retryable: true, failsEveryCall: true },
    );
    this.timeoutMs = timeoutMs;
  }
}

/** What the error factory (`ZoomApiError.generate`) and each error class's constructor are given about one
 * response: build one to make an error as the client would (in a test of your throttle, say). */
export interface ApiErrorInput {
  /** The operation the request was (none for the token endpoint). */
  operationId?: OperationId;
  /** 0 for a redirect the runtime hides (a browser's `opaqueredirect`). */
  status: number;
  /** A JSON value, or the text when it is not JSON (`""` when empty). */
  body: unknown;
  /** The response headers (`x-zm-trackingid`, `Retry-After`, `X-RateLimit-Type`…). */
  headers: Headers;
  /** The request's method. */
  method: string;
  /** Without credentials or query. */
  url: string;
  /** An earlier attempt of this call may have changed the account. */
  mayHaveChanged?: boolean;
  /** Default `"api"`; a token endpoint's answer can never have changed the account. */
  endpoint?: Endpoint;
  /** Removes secrets from every text the error keeps (the client passes its own). */
  redact?: (text: string) => string;
  /** The message to use when the body carries none. */
  fallbackMessage?: string;
  /** What Zoom's message templates name (`{groupName}`); other placeholders are left out. */
  templateValues?: Readonly<Record<string, string>>;
}

/** Zoom answered with an error. `status`, `code` (Zoom's), `trackingId` and `headers` say which and where. */
export class ZoomApiError extends ZoomImGroupsError {
  /** The HTTP status; 0 for a redirect the runtime hides. */
  readonly status!: number;
  /** Zoom's error code from the body, when it sent one. */
  readonly code!: number | undefined;
  /** Zoom's `x-zm-trackingid`: quote it to Zoom support. */
  readonly trackingId!: string | undefined;
  /** Zoom's field errors (validation failures). */
  readonly errors!: readonly ZoomFieldError[] | undefined;
  /** The operation, by the spec's operationId (undefined for the OAuth token endpoint). */
  readonly operationId!: OperationId | undefined;
  /** The request's method. */
  readonly method!: string;
  /** The request's URL (no query string, no credentials). */
  readonly url!: string;
  /** The response headers (not enumerable: left out of `toJSON` and `util.inspect`). */
  declare readonly headers: Headers;
  /** The message Zoom sent, without this package's advice. */
  readonly zoomMessage!: string | undefined;
  /** What to do about it (also the end of `message`). */
  readonly advice!: string;

  /** `advice` and `facts`: what to do and what it means, when the subclass has worked them out already. */
  constructor(
    input: ApiErrorInput,
    advice: string = new.target.advice(input),
    facts: Omit<ErrorFacts, "mayHaveChanged"> = {
      retryable: new.target.retryable || (new.target === ZoomApiError && input.status === 408),
      failsEveryCall: new.target.failsEveryCall,
    },
  ) {
    const body = zoomErrorBody(input.body);
    const redact = input.redact ?? ((text: string) => text);
    const fill = (text: string) => redact(fillTemplate(text, input.templateValues));
    const zoomMessage = body.message === undefined ? undefined : fill(body.message);
    const tracking = input.headers.get("x-zm-trackingid");
    const trackingId = tracking ? redact(tracking) : undefined;
    const errors = body.errors?.map((error) => ({ field: redact(error.field), message: redact(error.message) }));
    const documented = new.target.documentedMessage(input.status, input.operationId) ?? "Zoom answered with an error";
    const what = (zoomMessage ?? input.fallbackMessage ?? fill(documented)).trim();
    const sentence = /[.!?]$/.test(what) ? what : `${what}.`;
    const call = `${input.operationId ? `${input.operationId}: ` : ""}${input.method} ${input.url}`;
    const where = [`${call} → ${input.status ? `HTTP ${input.status}` : "a redirect"}`];
    if (body.code !== undefined) where.push(`Zoom code ${body.code}`);
    if (trackingId) where.push(`tracking id ${trackingId}`);
    const details = errors?.length ? ` Field errors: ${errors.map((e) => `${e.field}: ${e.message}`).join("; ")}.` : "";
    // A 5xx of a write may have come after Zoom changed the account; a read's or the token endpoint's cannot.
    // (An answer of no named operation is taken for a write's: the cautious reading.)
    const writes = input.operationId === undefined || operations[input.operationId].method !== "GET";
    super(oneLine(`${sentence}${details} ${advice} [${where.join(", ")}]`), {
      ...facts,
      mayHaveChanged: input.mayHaveChanged === true || (input.status >= 500 && writes && input.endpoint !== "token"),
    });
    const { status, method, url, operationId } = input;
    Object.assign(this, { status, code: body.code, trackingId, errors, operationId, method, url, zoomMessage, advice });
    Object.defineProperty(this, "headers", { value: input.headers, enumerable: false, configurable: true });
  }

  /** What to do about it; each subclass says its own. */
  static advice: (input: ApiErrorInput) => string = () => "";
  /** @internal The class's `retryable` (a plain ZoomApiError's 408 is retryable too). */
  static retryable = false;
  /** @internal The class's `failsEveryCall`. */
  static failsEveryCall = false;

  /** What happened when the body says nothing: the spec's message for the status (a template). */
  static documentedMessage: (status: number, operationId?: OperationId) => string | undefined = (status, id) =>
    status >= 200 && status < 300 ? `Zoom answered HTTP ${status} without the created group` : specMessage(status, id);

  /** The one factory: picks the class for `(status, Zoom code)`. Never throws. */
  static generate(input: ApiErrorInput): ZoomApiError {
    return new (errorClassFor(input))(input);
  }
}

/** Zoom code 200: IM groups need a paid account. Zoom sends it under HTTP 200 (or 400 on sibling calls). */
export class PaidAccountRequiredError extends ZoomApiError {
  static override failsEveryCall = true;
  static override documentedMessage = () => specMessage(200);
  static override advice = () => "IM directory groups need a paid Zoom account (Pro or above).";
}

/** HTTP 400, Zoom code 300: Zoom refused the body; `errors` lists its field errors. */
export class BadRequestError extends ZoomApiError {
  static override advice = () => "Fix the fields Zoom names and send again.";
}

/** HTTP 401 (Zoom code 124), or a failed Server-to-Server OAuth token request. */
export class AuthenticationError extends ZoomApiError {
  static override failsEveryCall = true;
  static override advice = () =>
    "Check the access token or the Server-to-Server OAuth credentials (tokens last one hour).";
}

/** HTTP 403: the token lacks the scope this call needs. */
export class PermissionDeniedError extends ZoomApiError {
  static override failsEveryCall = true;
  static override advice = ({ operationId }: ApiErrorInput) => {
    const operation = operationId && operations[operationId];
    if (!operation) return "The token lacks a scope this call needs: add it to the app and get a new token.";
    return `This call needs the scope ${operation.scopes.join(", ")} (granular: ${operation.granularScopes.join(", ")}): add it to the app and get a new token.`;
  };
}

/** Zoom code 4130 (HTTP 404), or the create's documented empty-bodied 404: Zoom says the group does not exist. */
export class GroupNotFoundError extends ZoomApiError {
  static override advice = () => "Zoom says the group does not exist; check the account the token belongs to.";
}

/** Zoom code 1001 (HTTP 404): a member names a user Zoom does not know in this account. */
export class UserNotFoundError extends ZoomApiError {
  static override advice = () => "Zoom does not know that user in this account; check the email address or user id.";
}

/** Any other 404 (a proxy's page, a gateway's problem+json, a wrong base URL): the route is not there. */
export class RouteNotFoundError extends ZoomApiError {
  static override failsEveryCall = true;
  static override documentedMessage = () => "The route was not found";
  static override advice = (input: ApiErrorInput) =>
    `Nothing answers ${input.method} at ${input.url}: check the base URL (Zoom's is ${serverUrl}) and any proxy in between.`;
}

/** HTTP 409, Zoom code 4132: the name is taken; `mayHaveChanged` when an earlier attempt of the call made it. */
export class GroupNameConflictError extends ZoomApiError {
  static override advice = (input: ApiErrorInput) =>
    input.mayHaveChanged
      ? "An earlier attempt of this call failed after it was sent and was retried: that attempt probably created the group. Look it up before creating it again."
      : "Choose another name, or treat the existing group as the one you wanted.";
}

/** HTTP 410, Zoom code 4137: Zoom no longer serves the IM-group APIs. Retrying cannot help. */
export class ImGroupsApiRetiredError extends ZoomApiError {
  static override failsEveryCall = true;
  static override advice = () =>
    "Zoom has retired the IM-group APIs on this account (its new admin experience shows IM groups as groups): use its Groups API (POST /v2/groups) instead, this client's createGroup, listGroups and addGroupMembers, or the CLI's --api groups. Zoom's reference: developers.zoom.us/docs/api.";
}

/** HTTP 429. `rateLimitType` says which limit, `retryAfter` when it clears, if Zoom said. */
export class RateLimitError extends ZoomApiError {
  /** Which limit, from `X-RateLimit-Type`: the spec's values, or undefined when Zoom sent another or none. */
  readonly rateLimitType!: RateLimitType | undefined;
  /** When the limit clears, from a valid `Retry-After`. */
  readonly retryAfter!: Date | undefined;
  /** The account's daily limit (whatever `Retry-After` says): never retried, and a bulk run stops at it. */
  readonly isDailyLimit!: boolean;
  constructor(input: ApiErrorInput) {
    const sent = input.headers.get("x-ratelimit-type")?.toLowerCase();
    const type = rateLimitTypes.find((known) => known.toLowerCase() === sent);
    const at = retryAfterAt(input.headers.get("retry-after"));
    const retryAfter = at === undefined ? undefined : new Date(at);
    const daily = type === "Daily-limit";
    const when = retryAfter ? `after ${retryAfter.toISOString()}` : "later";
    const cap = input.operationId && (operations[input.operationId] as { dailyCap?: number }).dailyCap;
    const advice = daily
      ? cap
        ? `Zoom allows ${cap} of these calls (${input.operationId}) per account per UTC day, and today's are used up; try again ${when}.`
        : `The account's daily limit for ${label(input)} APIs is used up; try again ${when}.`
      : `Zoom's per-second rate limit was hit; slow down and try again ${when}.`;
    // A daily limit is hours away: not retried, and every further call would meet it.
    super(input, advice, { retryable: !daily, failsEveryCall: daily });
    Object.assign(this, { rateLimitType: type, retryAfter, isDailyLimit: daily });
  }
}

/** HTTP 5xx: Zoom may have created the group before failing. Retried by default. */
export class ServerError extends ZoomApiError {
  static override retryable = true;
  static override advice = () => "Zoom had a server error; try again later.";
}

/** A redirect (any 3xx): never followed, so a create is never sent anywhere else, and never retried. */
export class RedirectError extends ZoomApiError {
  static override failsEveryCall = true;
  static override documentedMessage = () => "Zoom never redirects this call";
  static override advice = (input: ApiErrorInput) =>
    `The answer redirects to ${locationOrigin(input)}; it was not followed. Check ${input.url} and any proxy in between.`;
}

/** What an HTTP status means when the body carries no Zoom code the spec knows. */
const meanings = new Map<number, typeof ZoomApiError>([
  [200, PaidAccountRequiredError],
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, GroupNotFoundError],
  [409, GroupNameConflictError],
  [410, ImGroupsApiRetiredError],
  [429, RateLimitError],
]);

function errorClassFor({ status, body }: ApiErrorInput): typeof ZoomApiError {
  // The status decides first where it says everything: a redirect, a rate limit, a server error.
  if (status === 0 || (status >= 300 && status < 400)) return RedirectError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  // A Zoom code means the same on every operation: the spec's `x-zoom-error-codes` names its class.
  const named = (zoomErrorCodes as Readonly<Record<string, keyof typeof classes>>)[String(zoomErrorBody(body).code)];
  if (named) return classes[named] as typeof ZoomApiError;
  // Anything answers 200 and 404 (a proxy's page, a wrong base URL): alone they mean Zoom's documented
  // refusal only with the documented empty body.
  const byStatus = meanings.get(status);
  if (byStatus && ((status !== 200 && status !== 404) || body === "")) return byStatus;
  return status === 404 ? RouteNotFoundError : ZoomApiError;
}

/** The spec's message for a status an operation documents (a template); the create's, by default. */
export function specMessage(status: number | string, operationId: OperationId = "imGroupCreate"): string | undefined {
  const responses: Readonly<Record<string, { message: string } | undefined>> = operations[operationId].responses;
  return responses[status]?.message;
}

/** The rate-limit label of the request's operation (the 429's own header when it names one). */
const label = (input: ApiErrorInput) =>
  input.headers.get("x-ratelimit-category") ??
  (input.operationId ? operations[input.operationId].rateLimitLabel : "its");

/** The Location's origin only: never its path, query or userinfo, which may carry anything. */
function locationOrigin(input: ApiErrorInput): string {
  const location = input.headers.get("location");
  if (location === null) return "a place the runtime does not show";
  const origin = URL.canParse(location, input.url) ? new URL(location, input.url).origin : "an unreadable Location";
  return (input.redact ?? String)(origin);
}

/** A server's body with line breaks must not break a log line or a CLI error. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** The cause's message, and its own cause's. */
export function causeText(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  return cause.cause instanceof Error ? `${cause.message}: ${cause.cause.message}` : cause.message;
}

// Each class's `name` is its own, on its prototype: `error.name` tells the class also where `instanceof`
// fails (another realm or bundle), and object keys survive minifiers, which rename classes.
const classes = {
  ZoomImGroupsError,
  ConfigurationError,
  ValidationError,
  ZoomConnectionError,
  ZoomTimeoutError,
  ZoomApiError,
  PaidAccountRequiredError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  GroupNotFoundError,
  UserNotFoundError,
  RouteNotFoundError,
  GroupNameConflictError,
  ImGroupsApiRetiredError,
  RateLimitError,
  ServerError,
  RedirectError,
};
for (const [name, ErrorClass] of Object.entries(classes))
  Object.defineProperty(ErrorClass.prototype, "name", { value: name, writable: true, configurable: true });

/** Works across realms and bundles, where `instanceof` may not. */
export function isZoomApiError(error: unknown): error is ZoomApiError {
  return (
    error instanceof ZoomApiError ||
    (error instanceof Error && typeof (error as ZoomApiError).status === "number" && "trackingId" in error)
  );
}
