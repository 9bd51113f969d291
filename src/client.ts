/** The client: per call, validate → (throttle → token → attempt) → one decision: retry, renew the token, or stop. */
import createClient from "openapi-fetch";
import { toFormData } from "./encoding.js";
import { AuthenticationError, ZoomApiError, ZoomImGroupsError, ZoomTimeoutError } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { operation } from "./generated/spec.js";
import { type ImGroupsClientOptions, normalizeOptions } from "./options.js";
import { redactError } from "./redact.js";
import { bodyOf, createdGroup } from "./response.js";
import { decideRetry } from "./retry.js";
import { anyOf, call, raceAbort, sleep, withDeadline, withinDeadline } from "./transport.js";
import type { CreatedImGroup, CreateImGroupBody } from "./types.js";
import { assertValidBody } from "./validation.js";

/** Per-call options of `createImGroup`. @group Client */
export interface CallOptions {
  /** Aborts the call, also while it waits to retry; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Graceful stop: no further attempt (no retry, no repeat after a token renewal), waits end at once, an attempt
   * on the wire finishes; the call rejects with the failure it had, else with the signal's reason.
   */
  stopRetrying?: AbortSignal;
}

/** What `createImGroupsClient` returns. @group Client */
export interface ImGroupsClient {
  /**
   * Creates an IM directory group (`POST /im/groups`): validates `body` (a `ValidationError` sends nothing),
   * retries transient failures, and rejects with a `ZoomImGroupsError` whose `mayHaveCreated` says if it may exist.
   */
  createImGroup(body: CreateImGroupBody, options?: CallOptions): Promise<CreatedImGroup>;
}

/**
 * Creates a client for Zoom's "Create an IM directory group" API. Give exactly one of `accessToken` and
 * `serverToServer`; everything else has a default (see {@link CommonOptions}). The options are checked
 * here: a bad one throws `ConfigurationError` before anything is sent.
 * @group Client
 * @example
 * const zoom = createImGroupsClient({ accessToken: process.env.ZOOM_ACCESS_TOKEN ?? "" });
 * const group = await zoom.createImGroup({ name: "Design team", type: "restricted" });
 */
export function createImGroupsClient(options: ImGroupsClientOptions): ImGroupsClient {
  const settings = normalizeOptions(options);
  const { url, logger: log, throttle } = settings;
  const { method } = operation;
  const api = createClient<paths>({ baseUrl: settings.baseUrl });
  api.use(...settings.middleware);
  // A FormData gets its Content-Type (with the boundary) from the runtime; JSON gets openapi-fetch's.
  const serialize = settings.encoding === "json" ? (body: CreateImGroupBody) => JSON.stringify(body) : toFormData;

  const target = { ...settings, method, endpoint: "api" as const };
  // The logger and the throttle's hooks never change an outcome: what they throw is ignored.
  const say = (level: "debug" | "warn", message: string) =>
    void call(() => log?.[level](settings.redact(message))).catch(() => undefined);

  async function attempt(body: CreateImGroupBody, token: string, signal: AbortSignal | undefined, earlier: boolean) {
    const result = await withDeadline(
      target,
      signal,
      (attemptSignal, fetch) =>
        api.POST(operation.path, {
          body,
          bodySerializer: serialize,
          // Zoom's Swagger files say it can also produce XML: ask for JSON, the only body this client reads.
          headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
          parseAs: "text",
          // Zoom never redirects a create; following one would re-send it (and its token) elsewhere.
          redirect: "manual",
          signal: attemptSignal,
          fetch,
        }),
      earlier,
    );
    const answer = bodyOf(result);
    const group = createdGroup(result.response, answer, settings.redact);
    if (group) return group;
    throw ZoomApiError.generate({
      ...target,
      status: result.response.status,
      body: answer,
      headers: result.response.headers,
      mayHaveCreated: earlier,
      templateValues: { groupName: body.name },
    });
  }

  /**
   * One call, as a loop of attempts. Each attempt: the throttle's wait, then a token, then the request. After a
   * failure, one decision: retry (after a wait), renew the token and repeat once, or stop. Invariants:
   * - Nothing reaches Zoom after `stopRetrying` or `signal` aborts; a wait they end starts no attempt.
   * - When a step fails before sending (a stop, a token failure), the call rejects with the failure it had:
   *   that step changed nothing Zoom holds. `signal` always wins with its own reason.
   * - `mayHaveCreated` is the OR over the call's attempts: each error is built knowing the earlier ones.
   * - At most `maxRetries` retries, plus one repeat after a token renewal; the throttle hears every attempt
   *   whose request was made exactly once (not a caller's abort), and no callback of the caller's can throw
   *   past the call.
   */
  async function createImGroup(body: CreateImGroupBody, callOptions: CallOptions = {}): Promise<CreatedImGroup> {
    // The one place every failure leaves the package: whatever it throws is clean all the way down.
    return attempts(body, callOptions).catch((error: unknown) => {
      throw callOptions.signal?.aborted && error === callOptions.signal.reason
        ? error
        : redactError(error, settings.redact);
    });
  }

  async function attempts(body: CreateImGroupBody, callOptions: CallOptions): Promise<CreatedImGroup> {
    assertValidBody(body);
    const { signal, stopRetrying } = callOptions;
    signal?.throwIfAborted();
    stopRetrying?.throwIfAborted();
    const stop = anyOf(signal, stopRetrying);
    let retries = 0;
    let renewedToken = false;
    let failure: unknown;
    for (let attemptNo = 1; ; attemptNo++) {
      const earlier = failure instanceof ZoomImGroupsError && failure.mayHaveCreated;
      let token: string;
      try {
        // Raced, so that a throttle that ignores its signal cannot hold up a stopped call.
        if (throttle) await raceAbort(call(throttle.wait.bind(throttle, stop)), stop);
        // After the throttle's wait (which may be long), so the token sent is a fresh one. A stop ends this
        // wait too, and one that came while the token arrived still sends nothing.
        token = await takeToken(stop);
        stopRetrying?.throwIfAborted();
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw failure ?? error;
      }
      try {
        const group = await attempt(body, token, signal, earlier);
        heard(undefined);
        say("debug", `${method} ${url} attempt ${attemptNo}: HTTP ${group.status}${trackingOf(group)}`);
        return group;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        heard(error);
        failure = error;
      }
      const label = `${method} ${url} attempt ${attemptNo} failed: ${describeFailure(failure)}`;
      const next = nextStep(failure, { retries, renewedToken, token, stopped: stopRetrying?.aborted === true });
      if (next.step === "stop") {
        say("debug", `${label}; not retried (${next.reason})`);
        throw failure;
      }
      if (next.step === "renew") {
        renewedToken = true;
        say("warn", `${label}; renewing the access token and repeating once`);
        continue;
      }
      say("warn", `${label}; retrying in ${next.delayMs} ms`);
      await sleep(next.delayMs, stop).catch((error: unknown) => {
        throw signal?.aborted ? error : failure;
      });
      retries++;
    }
  }

  /** The one decision after a failed attempt: stop, renew the token and repeat once, or retry after a wait. */
  function nextStep(
    failure: unknown,
    state: { retries: number; renewedToken: boolean; token: string; stopped: boolean },
  ): { step: "stop"; reason: string } | { step: "renew" } | { step: "retry"; delayMs: number } {
    if (state.stopped) return { step: "stop", reason: "stopped" };
    // A 401 from the API (not from the token endpoint) with renewable credentials: one fresh token, one repeat.
    const apiRefusedToken = failure instanceof AuthenticationError && failure.url === url;
    if (apiRefusedToken && !state.renewedToken && settings.tokens.renew(state.token)) return { step: "renew" };
    const decision = decideRetry(failure, state.retries, settings);
    if (!decision.retry) return { step: "stop", reason: decision.reason };
    // A throttle that keeps the rate (a pacer) puts the retry back in its queue soon: no per-row backoff tail.
    const asked = throttle?.retryDelayMs ? safely(() => throttle.retryDelayMs?.(failure, decision.delayMs)) : undefined;
    const delayMs = typeof asked === "number" && asked >= 0 && Number.isFinite(asked) ? asked : decision.delayMs;
    return { step: "retry", delayMs };
  }

  /** A caller's token function is raced against the deadline; Server-to-Server requests have their own. */
  function takeToken(signal: AbortSignal | undefined): Promise<string> {
    const get = () => settings.tokens.get(signal);
    if (!settings.tokenFunction) return call(get);
    const timeout = new ZoomTimeoutError(method, url, settings.timeoutMs, "token");
    return withinDeadline(settings.timeoutMs, signal, timeout, get);
  }

  const heard = (outcome: unknown) => safely(() => throttle?.settled?.(outcome));

  return { createImGroup };
}

function safely<T>(hook: () => T): T | undefined {
  try {
    return hook();
  } catch {
    return undefined;
  }
}

const trackingOf = (group: CreatedImGroup) => (group.trackingId ? ` (tracking id ${group.trackingId})` : "");

function describeFailure(error: unknown): string {
  if (!(error instanceof ZoomApiError)) return error instanceof Error ? error.name : "unknown error";
  return `${error.name} HTTP ${error.status}${error.code === undefined ? "" : ` Zoom code ${error.code}`}`;
}
