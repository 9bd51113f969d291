/**
 * The one request path every method takes: validate → (throttle by label → token → attempt) → one decision:
 * retry, renew the token, or stop. It knows no operation by name: what differs comes from the generated table.
 */
import createClient from "openapi-fetch";
import { toFormData } from "./encoding.js";
import type { ApiErrorInput } from "./errors.js";
import { AuthenticationError, ValidationError, ZoomApiError, ZoomImGroupsError, ZoomTimeoutError } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { type Operation, type OperationId, operations } from "./generated/operations.js";
import type { normalizeOptions } from "./options.js";
import { redactError } from "./redact.js";
import { bodyOf, isRecord } from "./response.js";
import { decideRetry } from "./retry.js";
import { anyOf, call, type Destination, raceAbort, sleep, withDeadline, withinDeadline } from "./transport.js";
import { validateRequest } from "./validation.js";

/** Per-call options of every method. @group Client */
export interface CallOptions {
  /** Aborts the call, also while it waits to retry; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Graceful stop: no further attempt (no retry, no repeat after a token renewal), waits end at once, an attempt
   * on the wire finishes; the call rejects with the failure it had, else with the signal's reason.
   */
  stopRetrying?: AbortSignal;
}

/** What one operation is sent with: its path and query parameters, its body, and its names for Zoom's messages. */
export interface RequestInput extends Pick<ApiErrorInput, "templateValues"> {
  params?: Record<string, unknown>;
  body?: unknown;
}

/** A successful answer: its status, its body (JSON value, text, or `""`), its headers. */
export type Answer = Pick<ApiErrorInput, "status" | "body" | "headers">;

type Settings = ReturnType<typeof normalizeOptions>;

export function createRequester(settings: Settings) {
  const { logger: log, throttle } = settings;
  const api = createClient<paths>({ baseUrl: settings.baseUrl });
  api.use(...settings.middleware);
  // A FormData gets its Content-Type (with the boundary) from the runtime; JSON gets openapi-fetch's.
  const multipart = settings.encoding === "multipart";

  // The logger and the throttle's hooks never change an outcome: what they throw is ignored.
  const say = (level: "debug" | "warn", message: string) =>
    void call(() => log?.[level](settings.redact(message))).catch(() => undefined);

  /**
   * One call, as a loop of attempts. Each attempt: the throttle's wait for the operation's label, then a token,
   * then the request. After a failure, one decision: retry (after a wait), renew the token and repeat once, or
   * stop. Invariants:
   * - Nothing reaches Zoom after `stopRetrying` or `signal` aborts; a wait they end starts no attempt.
   * - When a step fails before sending (a stop, a token failure), the call rejects with the failure it had:
   *   that step changed nothing Zoom holds. `signal` always wins with its own reason.
   * - `mayHaveChanged` is the OR over the call's attempts: each error is built knowing the earlier ones.
   * - At most `maxRetries` retries, plus one repeat after a token renewal; the throttle hears every attempt
   *   whose request was made exactly once (not a caller's abort), and no callback of the caller's can throw
   *   past the call.
   */
  function request(operationId: OperationId, input: RequestInput, callOptions: CallOptions = {}): Promise<Answer> {
    // The one place every failure leaves the package: whatever it throws is clean all the way down.
    const { signal } = callOptions;
    return attempts(operationId, input, callOptions).catch((error: unknown) => {
      throw signal?.aborted && error === signal.reason ? error : redactError(error, settings.redact);
    });
  }

  async function attempts(operationId: OperationId, input: RequestInput, callOptions: CallOptions): Promise<Answer> {
    const operation = operations[operationId];
    const issues = validateRequest(operationId, input);
    if (issues.length > 0)
      throw new ValidationError(issues, operationId === "imGroupCreate" ? "IM group" : `${operationId} request`);
    const { signal, stopRetrying } = callOptions;
    signal?.throwIfAborted();
    stopRetrying?.throwIfAborted();
    const stop = anyOf(signal, stopRetrying);
    const label = operation.rateLimitLabel;
    const url = settings.baseUrl + expand(operation.path, input.params);
    const what = `${operationId} ${operation.method} ${url}`;
    let retries = 0;
    let renewedToken = false;
    let failure: unknown;
    for (let attemptNo = 1; ; attemptNo++) {
      const earlier = failure instanceof ZoomImGroupsError && failure.mayHaveChanged;
      let token: string;
      try {
        // Raced, so that a throttle that ignores its signal cannot hold up a stopped call.
        if (throttle) await raceAbort(call(throttle.wait.bind(throttle, stop, label)), stop);
        // After the throttle's wait (which may be long), so the token sent is a fresh one. A stop ends this
        // wait too, and one that came while the token arrived still sends nothing.
        token = await takeToken(stop, operation.method, url);
        stopRetrying?.throwIfAborted();
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw failure ?? error;
      }
      try {
        const answer = await attempt(operationId, input, url, token, signal, earlier);
        heard(undefined, label);
        // `say` redacts the line, tracking id included.
        const id = answer.headers.get("x-zm-trackingid");
        say("debug", `${what} attempt ${attemptNo}: HTTP ${answer.status}${id ? ` (tracking id ${id})` : ""}`);
        return answer;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        heard(error, label);
        failure = error;
      }
      // A delete retried after an attempt that may have done it, and now told "not found": it is done.
      if (operation.method === "DELETE" && earlier && failure instanceof ZoomApiError && failure.status === 404)
        return { status: failure.status, body: "", headers: failure.headers };
      // The one decision: renew the token and repeat once, stop, or retry after a wait.
      const line = `${what} attempt ${attemptNo} failed: ${describeFailure(failure)}`;
      const stopped = stopRetrying?.aborted === true;
      // A 401 from the API (not from the token endpoint) with renewable credentials: one fresh token, one repeat.
      const apiRefusedToken = failure instanceof AuthenticationError && failure.operationId !== undefined;
      if (!stopped && apiRefusedToken && !renewedToken && settings.tokens.renew(token)) {
        renewedToken = true;
        say("warn", `${line}; renewing the access token and repeating once`);
        continue;
      }
      const decision = stopped ? { retry: false as const, reason: "stopped" } : decideRetry(failure, retries, settings);
      if (!decision.retry) {
        say("debug", `${line}; not retried (${decision.reason})`);
        throw failure;
      }
      // A throttle that keeps the rate (a pacer) puts the retry back in its queue soon: no per-row backoff tail.
      const asked = safely(() => throttle?.retryDelayMs?.(failure, decision.delayMs));
      const delayMs = typeof asked === "number" && asked >= 0 && Number.isFinite(asked) ? asked : decision.delayMs;
      say("warn", `${line}; retrying in ${delayMs} ms`);
      await sleep(delayMs, stop).catch((error: unknown) => {
        throw signal?.aborted ? error : failure;
      });
      retries++;
    }
  }

  async function attempt(
    operationId: OperationId,
    input: RequestInput,
    url: string,
    token: string,
    signal: AbortSignal | undefined,
    earlier: boolean,
  ): Promise<Answer> {
    const operation = operations[operationId];
    const { method } = operation;
    const target = { ...settings, operationId, method, url, endpoint: "api" as const, writes: method !== "GET" };
    const form = multipart && (operation.requestContentTypes as readonly string[]).includes("multipart/form-data");
    const params = input.params ?? {};
    const init = {
      params: { path: pick(params, operation.pathParams), query: pick(params, operation.queryParams) },
      ...(input.body === undefined
        ? {}
        : { body: input.body, bodySerializer: form ? toFormData : (body: unknown) => JSON.stringify(body) }),
      // Zoom's Swagger files say it can also produce XML: ask for JSON, the only body this client reads.
      headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
      parseAs: "text",
      // Zoom never redirects these calls; following one would re-send it (and its token) elsewhere.
      redirect: "manual",
    };
    const send = (signal: AbortSignal, fetch: Destination["fetch"]) =>
      api.request(method.toLowerCase() as "get", operation.path as "/im/groups", { ...init, signal, fetch } as never);
    const result = await withDeadline(target, signal, send, earlier);
    const { status, headers } = (result as { response: Response }).response;
    const body = bodyOf(result as { data?: unknown; error?: unknown; response: Response });
    if (succeeded(operation, status, body)) return { status, body, headers };
    const templateValues = { ...stringsOf(params), ...input.templateValues };
    throw ZoomApiError.generate({ ...target, status, body, headers, mayHaveChanged: earlier, templateValues });
  }

  /** A caller's token function is raced against the deadline; Server-to-Server requests have their own. */
  function takeToken(signal: AbortSignal | undefined, method: string, url: string): Promise<string> {
    const get = () => settings.tokens.get(signal);
    if (!settings.tokenFunction) return call(get);
    const timeout = new ZoomTimeoutError(method, url, settings.timeoutMs, "token");
    return withinDeadline(settings.timeoutMs, signal, timeout, get);
  }

  const heard = (outcome: unknown, label: string) => safely(() => throttle?.settled?.(outcome, label));

  return request;
}

/**
 * A success is the documented status, or another 2xx that carries what a success does (Zoom files "paid
 * account only" under HTTP 200: a 2xx with Zoom's error body, or an empty one where a body is documented, is not).
 */
function succeeded(operation: Operation, status: number, body: unknown): boolean {
  if (status < 200 || status >= 300) return false;
  if (isRecord(body) && typeof body.code === "number" && body.id === undefined) return false;
  if (status === operation.successStatus) return true;
  return !operation.successSchema || (isRecord(body) && typeof body.id === "string" && body.id !== "");
}

/** The path with each parameter percent-encoded as one segment (for messages; openapi-fetch builds the request's). */
function expand(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? "")));
}

function pick(params: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => params[name] !== undefined).map((name) => [name, params[name]]));
}

const stringsOf = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === "string"));

function safely<T>(hook: () => T): T | undefined {
  try {
    return hook();
  } catch {
    return undefined;
  }
}

function describeFailure(error: unknown): string {
  if (!(error instanceof ZoomApiError)) return error instanceof Error ? error.name : "unknown error";
  return `${error.name} HTTP ${error.status}${error.code === undefined ? "" : ` Zoom code ${error.code}`}`;
}
