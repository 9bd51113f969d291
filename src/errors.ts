/**
 * Everything this package throws. `ZoomImGroupsError` is the root; `ZoomApiError` covers answers from Zoom,
 * with one subclass per meaning a caller acts on, chosen by `ZoomApiError.generate(status, Zoom code)`.
 * The Zoom codes come from the spec (src/generated/spec.ts), never from this file.
 * No secret is ever stored on an error: messages are built from response text run through `redact`.
 */
import { documentedResponses, operation } from "./generated/spec.js";
import { retryAfterAt } from "./retry-after.js";
import type { ZoomFieldError } from "./types.js";

/** The root of every error this package throws (a user's abort stays the platform's AbortError). */
export class ZoomImGroupsError extends Error {
  /** `"ZoomImGroupsError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "ZoomImGroupsError";

  /** This failed call may nonetheless have created the group. (Interim: the library engineer replaces this.) */
  get mayHaveCreated(): boolean {
    return (
      this instanceof ServerError ||
      this instanceof ZoomConnectionError ||
      this instanceof ZoomTimeoutError ||
      (this instanceof GroupNameConflictError && this.mayHaveSucceeded)
    );
  }

  /** A plain object for logs and `JSON.stringify`: the message and the fields, never headers or causes. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key === "headers" || key === "cause" || key === "name" || value === undefined) continue;
      json[key] = value instanceof Date ? value.toISOString() : value;
    }
    return json;
  }
}

/** The options passed to the client's constructor are wrong; nothing was sent. */
export class ConfigurationError extends ZoomImGroupsError {
  /** `"ConfigurationError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "ConfigurationError";
}

/** One way the request body breaks the spec's schema. */
export interface ValidationIssue {
  /** The field, e.g. `name`; `(body)` when the body itself is not an object. */
  field: string;
  /** The JSON Schema keyword the value broke. */
  rule: "required" | "type" | "enum" | "minLength" | "maxLength" | "minimum" | "maximum" | "additionalProperties";
  /** What is wrong, naming the field: `name must be at most 128 characters (got 129)`. */
  message: string;
}

/** The body breaks the spec's schema; nothing was sent. */
export class ValidationError extends ZoomImGroupsError {
  /** `"ValidationError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "ValidationError";
  /** Every way the body breaks the spec's schema, one per field and rule. */
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    super(`Invalid IM group: ${issues.map((issue) => issue.message).join("; ")}. Nothing was sent.`);
    this.issues = issues;
  }
}

/** The network failed before Zoom answered (DNS, refused connection, reset). Retried by default. */
export class ZoomConnectionError extends ZoomImGroupsError {
  /** `"ZoomConnectionError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "ZoomConnectionError";
  /** `endpoint` names what the URL is, for the advice: the API's base URL or the OAuth token URL. */
  constructor(method: string, url: string, cause: unknown, endpoint = "the base URL") {
    super(
      oneLine(
        `${method} ${url} failed: could not reach Zoom (${causeText(cause)}). Check the network and ${endpoint}.`,
      ),
      { cause },
    );
  }
}

/** One attempt took longer than `timeoutMs`. Retried by default. */
export class ZoomTimeoutError extends ZoomImGroupsError {
  /** `"ZoomTimeoutError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "ZoomTimeoutError";
  /** The per-attempt limit that passed (the client's `timeoutMs`). */
  readonly timeoutMs: number;
  constructor(method: string, url: string, timeoutMs: number) {
    super(
      `${method} ${url} timed out after ${timeoutMs} ms without an answer from Zoom. Raise timeoutMs or retry later.`,
    );
    this.timeoutMs = timeoutMs;
  }
}

/** What the error factory is given about one response. */
export interface ApiErrorInput {
  /** The HTTP status. */
  status: number;
  /** The parsed body: a JSON value, or the text when it is not JSON. */
  body: unknown;
  /** The response headers (tracking id, rate-limit headers). */
  headers: Headers;
  /** The request's method. */
  method: string;
  /** The request's URL. */
  url: string;
  /** An earlier attempt of this call may have created the group (it failed after the request was sent). */
  mayHaveSucceeded?: boolean;
  /** Removes secrets from text that came from the server. */
  redact?: (text: string) => string;
  /** The message to use when the body carries none. */
  fallbackMessage?: string;
  /** What the call knows that Zoom's message templates name (`{groupName}`); other placeholders are left out. */
  templateValues?: Readonly<Record<string, string>>;
}

type ApiErrorClass = new (input: ApiErrorInput) => ZoomApiError;

/** Zoom answered with an error. `status`, `code` (Zoom's), `trackingId` and `headers` say which and where. */
export class ZoomApiError extends ZoomImGroupsError {
  /** `"ZoomApiError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "ZoomApiError";
  /** The HTTP status. */
  readonly status: number;
  /** Zoom's error code from the body, when it sent one. */
  readonly code: number | undefined;
  /** Zoom's `x-zm-trackingid`: quote it to Zoom support. */
  readonly trackingId: string | undefined;
  /** Zoom's field errors (validation failures). */
  readonly errors: readonly ZoomFieldError[] | undefined;
  /** The request's method (`POST`). */
  readonly method: string;
  /** The request's URL (no query string, no credentials). */
  readonly url: string;
  /** The response headers (not enumerable: left out of `toJSON` and `util.inspect`). */
  declare readonly headers: Headers;
  /** The message Zoom sent, without this package's advice. */
  readonly zoomMessage: string | undefined;

  constructor(input: ApiErrorInput) {
    const body = zoomBody(input.body);
    const redact = input.redact ?? ((text: string) => text);
    const fill = (text: string) => fillTemplate(text, input.templateValues);
    const zoomMessage = body.message === undefined ? undefined : redact(fill(body.message));
    const trackingId = input.headers.get("x-zm-trackingid") ?? undefined;
    const errors = body.errors?.map((error) => ({ field: redact(error.field), message: redact(error.message) }));
    const where = [`${input.method} ${input.url} → HTTP ${input.status}`];
    if (body.code !== undefined) where.push(`Zoom code ${body.code}`);
    if (trackingId) where.push(`tracking id ${trackingId}`);
    const documented = new.target.documentedMessage(input);
    const what =
      zoomMessage ??
      input.fallbackMessage ??
      (documented === undefined ? undefined : redact(fill(documented))) ??
      "Zoom answered with an error";
    const details = errors?.length ? ` Field errors: ${errors.map((e) => `${e.field}: ${e.message}`).join("; ")}.` : "";
    super(oneLine(`${sentence(what)}${details} ${new.target.advice(input)} [${where.join(", ")}]`));
    this.status = input.status;
    this.code = body.code;
    this.trackingId = trackingId;
    this.errors = errors;
    this.method = input.method;
    this.url = input.url;
    this.zoomMessage = zoomMessage;
    Object.defineProperty(this, "headers", { value: input.headers, enumerable: false });
  }

  /** What to do about it; each subclass says its own. */
  static advice(_input: ApiErrorInput): string {
    return "";
  }

  /** What happened when the body says nothing: the spec's documented message for the status. */
  static documentedMessage(input: ApiErrorInput): string | undefined {
    return documentedMessage(input.status);
  }

  /** The one factory: picks the class for `(status, Zoom code)`. */
  static generate(input: ApiErrorInput): ZoomApiError {
    const ErrorClass = errorClassFor(input.status, zoomBody(input.body).code, input.body);
    return new ErrorClass(input);
  }
}

/** Zoom code 200: IM groups need a paid account. Zoom sends it under HTTP 200 (or 400 on sibling calls). */
export class PaidAccountRequiredError extends ZoomApiError {
  /** `"PaidAccountRequiredError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "PaidAccountRequiredError";
  static override advice(): string {
    return "IM directory groups need a paid Zoom account (Pro or above).";
  }
}

/** HTTP 400, Zoom code 300: Zoom rejected the body; `errors` lists its field errors. */
export class BadRequestError extends ZoomApiError {
  /** `"BadRequestError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "BadRequestError";
  static override advice(): string {
    return "Fix the fields Zoom names and send again.";
  }
}

/** HTTP 401 (Zoom code 124), or a failed Server-to-Server OAuth token request. */
export class AuthenticationError extends ZoomApiError {
  /** `"AuthenticationError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "AuthenticationError";
  static override advice(): string {
    return "Check the access token or the Server-to-Server OAuth credentials (tokens last one hour).";
  }
}

/** HTTP 403: the token lacks the scope this call needs. */
export class PermissionDeniedError extends ZoomApiError {
  /** `"PermissionDeniedError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "PermissionDeniedError";
  static override advice(): string {
    const granular = operation.granularScopes.length ? ` (granular: ${operation.granularScopes.join(", ")})` : "";
    return `This call needs the scope ${operation.scopes.join(", ")}${granular}: add it to the app and get a new token.`;
  }
}

/** HTTP 404 with Zoom code 4130, or the documented empty-bodied 404: Zoom says the group does not exist. */
export class GroupNotFoundError extends ZoomApiError {
  /** `"GroupNotFoundError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "GroupNotFoundError";
  static override advice(): string {
    return "Zoom says the group does not exist; check the account the token belongs to.";
  }
}

/**
 * HTTP 404 that is not Zoom's "group does not exist" (no code 4130, and a body): the route itself was not
 * found, typically a wrong base URL, a proxy, or a mock server with no such route.
 */
export class RouteNotFoundError extends ZoomApiError {
  /** `"RouteNotFoundError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "RouteNotFoundError";
  static override documentedMessage(): string {
    return "The route was not found";
  }
  static override advice(input: ApiErrorInput): string {
    return `Nothing answers ${input.method} at ${input.url}: check the base URL (Zoom's is ${operation.serverUrl}) and any proxy in between.`;
  }
}

/** HTTP 409, Zoom code 4132: the name is taken in this account. */
export class GroupNameConflictError extends ZoomApiError {
  /** `"GroupNameConflictError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "GroupNameConflictError";
  /**
   * True when an earlier attempt of this same call failed after sending (timeout, connection loss, 5xx):
   * creating is not idempotent, so that attempt probably created the group this 409 complains about.
   */
  readonly mayHaveSucceeded: boolean;
  constructor(input: ApiErrorInput) {
    super(input);
    this.mayHaveSucceeded = input.mayHaveSucceeded === true;
  }
  static override advice(input: ApiErrorInput): string {
    return input.mayHaveSucceeded
      ? "An earlier attempt of this call failed after it was sent and was retried: that attempt probably created the group. Look it up before creating it again."
      : "Choose another name, or treat the existing group as the one you wanted.";
  }
}

/** HTTP 410, Zoom code 4137: Zoom no longer serves the IM-group APIs. Retrying cannot help. */
export class ImGroupsApiRetiredError extends ZoomApiError {
  /** `"ImGroupsApiRetiredError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "ImGroupsApiRetiredError";
  static override advice(): string {
    return "Zoom has retired the IM-group APIs: this call can no longer succeed on this account. Manage directory groups in the Zoom admin portal instead.";
  }
}

const isDailyLimitType = (type: string | undefined) => type?.toLowerCase() === "daily-limit";

/** What a 429's headers say: which limit, and when it clears. */
function rateLimitOf(headers: Headers): { type: string | undefined; daily: boolean; retryAfter: Date | undefined } {
  const at = retryAfterAt(headers.get("retry-after"));
  const type = headers.get("x-ratelimit-type") ?? undefined;
  return {
    type,
    daily: isDailyLimitType(type),
    retryAfter: at === undefined ? undefined : new Date(at),
  };
}

/** HTTP 429. `rateLimitType` says which limit; `retryAfter` when it clears, if Zoom said. */
export class RateLimitError extends ZoomApiError {
  /** `"RateLimitError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "RateLimitError";
  /** `QPS` (per second) or `Daily-limit`, from `X-RateLimit-Type`. */
  readonly rateLimitType: string | undefined;
  /** When the limit clears, from `Retry-After`. */
  readonly retryAfter: Date | undefined;
  constructor(input: ApiErrorInput) {
    super(input);
    ({ type: this.rateLimitType, retryAfter: this.retryAfter } = rateLimitOf(input.headers));
  }
  /** The account's daily limit (hours from clearing): never retried, and a bulk run stops at it. */
  get isDailyLimit(): boolean {
    return isDailyLimitType(this.rateLimitType);
  }
  static override advice(input: ApiErrorInput): string {
    const { daily, retryAfter } = rateLimitOf(input.headers);
    const when = retryAfter ? `after ${retryAfter.toISOString()}` : "later";
    return daily
      ? `The account's daily limit for ${operation.rateLimitLabel || "this"} APIs is used up; try again ${when}.`
      : `Zoom's per-second rate limit was hit; slow down and try again ${when}.`;
  }
}

/** Any 3xx: never followed. (Interim.) */
export class RedirectError extends ZoomApiError {
  override name = "RedirectError";
}

/** HTTP 5xx. Retried by default. */
export class ServerError extends ZoomApiError {
  /** `"ServerError"`: the class, also where `instanceof` fails (another realm or bundle). */
  override name = "ServerError";
  static override advice(): string {
    return "Zoom had a server error; try again later.";
  }
}

const byCode = new Map<number, ApiErrorClass>();
function bindCode(status: keyof typeof documentedResponses, ErrorClass: ApiErrorClass): void {
  const documented = documentedResponses[status] as { zoomCode?: number };
  if (documented.zoomCode !== undefined) byCode.set(documented.zoomCode, ErrorClass);
}
// Which documented response means what; the codes themselves are the spec's.
bindCode("200", PaidAccountRequiredError);
bindCode("400", BadRequestError);
bindCode("401", AuthenticationError);
bindCode("404", GroupNotFoundError);
bindCode("409", GroupNameConflictError);
bindCode("410", ImGroupsApiRetiredError);

const byStatus = new Map<number, ApiErrorClass>([
  [200, PaidAccountRequiredError],
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [409, GroupNameConflictError],
  [410, ImGroupsApiRetiredError],
  [429, RateLimitError],
]);

function errorClassFor(status: number, code: number | undefined, body: unknown): ApiErrorClass {
  // The HTTP status decides first where it is specific: a 429 is a rate limit whatever its code says.
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  const byZoomCode = code === undefined ? undefined : byCode.get(code);
  if (byZoomCode) return byZoomCode;
  // A 404 is Zoom's "group does not exist" only with its code or with the documented empty body; any other
  // 404 (a proxy's page, a gateway's problem+json, a wrong base URL) says the route was not found.
  if (status === 404)
    return body === "" || body === undefined || body === null ? GroupNotFoundError : RouteNotFoundError;
  return byStatus.get(status) ?? ZoomApiError;
}

/** Reads `{code, message, errors}` out of whatever the server sent, never throwing. */
function zoomBody(body: unknown): { code?: number; message?: string; errors?: ZoomFieldError[] } {
  if (typeof body === "string") {
    const text = body.trim();
    // A short plain-text body is a message; HTML or a long blob is not worth repeating.
    return text && text.length <= 300 && !text.startsWith("<") ? { message: text } : {};
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const result: { code?: number; message?: string; errors?: ZoomFieldError[] } = {};
  if (typeof record.code === "number" && Number.isFinite(record.code)) result.code = record.code;
  if (typeof record.message === "string" && record.message.trim()) result.message = record.message.trim();
  else {
    // RFC 9457 problem details (gateways, proxies, Prism): `title` and `detail` say what went wrong.
    const title = typeof record.title === "string" ? record.title.trim() : "";
    const detail = typeof record.detail === "string" ? record.detail.trim() : "";
    const problem = title && detail && !detail.startsWith(title) ? `${sentence(title)} ${detail}` : detail || title;
    if (problem) result.message = problem;
  }
  if (Array.isArray(record.errors)) {
    result.errors = record.errors
      .filter((e): e is Record<string, unknown> => !!e && typeof e === "object")
      .map((e) => ({ field: String(e.field ?? ""), message: String(e.message ?? "") }));
  }
  return result;
}

function documentedMessage(status: number): string | undefined {
  const documented = (documentedResponses as Record<string, { description: string }>)[String(status)];
  if (!documented) return undefined;
  // The spec's descriptions are Postman markdown: keep the last plain line ("Group name {groupName} is…").
  const lines = documented.description
    .split("\n")
    .map((line) => line.replace(/<br>|\*\*[^*]*\*\*|`[^`]*`/g, "").trim())
    .filter(Boolean);
  return lines[0];
}

/**
 * Zoom's messages are templates ("Group name {groupName} is already in use."): fills the placeholders the
 * call knows and leaves the others out, with the punctuation that introduced them, so no brace is shown.
 */
export function fillTemplate(text: string, values: Readonly<Record<string, string>> = {}): string {
  return text
    .replace(/\s*:?\s*\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return "";
      return whole.replace(`{${name}}`, value).replace(/^\s*:\s*/, ": ");
    })
    .replace(/\s+([.,;!?])/g, "$1")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** Messages are one line: a server's body with line breaks must not break a log line or a CLI error. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function causeText(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}

/** Works across realms and bundles, where `instanceof` may not. */
export function isZoomApiError(error: unknown): error is ZoomApiError {
  return (
    error instanceof ZoomApiError ||
    (error instanceof Error && typeof (error as ZoomApiError).status === "number" && "trackingId" in error)
  );
}
