/**
 * The client: options normalised once, then per call validate → (token → throttle → attempt → result or
 * error) → retry policy. Every attempt goes through openapi-fetch, so middleware and a custom `fetch` see each.
 */
import createClient from "openapi-fetch";
import { toFormData } from "./encoding.js";
import { AuthenticationError, ZoomApiError, ZoomImGroupsError } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { operation } from "./generated/spec.js";
import { type ImGroupsClientOptions, normalizeOptions } from "./options.js";
import { bodyOf, createdGroup } from "./response.js";
import { decideRetry } from "./retry.js";
import { anyOf, raceAbort, sleep, withDeadline } from "./timeout.js";
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

  async function attempt(body: CreateImGroupBody, token: string, signal: AbortSignal | undefined, earlier: boolean) {
    const result = await withDeadline(target, signal, (attemptSignal, fetch) =>
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

  async function createImGroup(body: CreateImGroupBody, callOptions: CallOptions = {}): Promise<CreatedImGroup> {
    assertValidBody(body);
    const { signal, stopRetrying } = callOptions;
    signal?.throwIfAborted();
    stopRetrying?.throwIfAborted();
    let retries = 0;
    let renewedToken = false;
    let failure: unknown;
    for (let attemptNo = 1; ; attemptNo++) {
      // One attempt that may have created the group makes every later failure of the call say so.
      const earlier = failure instanceof ZoomImGroupsError && failure.mayHaveCreated;
      let token: string | undefined;
      try {
        token = await settings.tokens.get(signal);
        if (throttle) {
          // Raced, so that a throttle that ignores its signal cannot hold up a stopped call.
          const stop = anyOf(signal, stopRetrying);
          await raceAbort(throttle.wait(stop), stop);
        }
        const group = await attempt(body, token, signal, earlier).catch((error: unknown) => {
          throttle?.settled?.(error);
          throw error;
        });
        throttle?.settled?.(undefined);
        const tracking = group.trackingId ? ` (tracking id ${group.trackingId})` : "";
        log?.debug(`${method} ${url} attempt ${attemptNo}: HTTP ${group.status}${tracking}`);
        return group;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        // Stopped while waiting for the throttle: no attempt started.
        if (stopRetrying?.aborted && error === stopRetrying.reason) throw failure ?? error;
        if (earlier && error instanceof ZoomImGroupsError) {
          Object.defineProperty(error, "mayHaveCreated", { value: true });
        }
        failure = error;
      }
      const label = `${method} ${url} attempt ${attemptNo} failed: ${describeFailure(failure)}`;
      const stopped = stopRetrying?.aborted === true;
      // A 401 from the API (not from the token endpoint) with renewable credentials: one fresh token, one repeat.
      const apiRefusedToken = failure instanceof AuthenticationError && failure.url === url;
      if (!stopped && !renewedToken && apiRefusedToken && token && settings.tokens.renew(token)) {
        renewedToken = true;
        log?.warn(`${label}; renewing the access token and repeating once`);
        continue;
      }
      const decision = stopped ? { retry: false as const, reason: "stopped" } : decideRetry(failure, retries, settings);
      if (!decision.retry) {
        log?.debug(`${label}; not retried (${decision.reason})`);
        throw failure;
      }
      // A throttle that keeps the rate (a pacer) puts the retry back in its queue soon: no per-row backoff tail.
      const delayMs = throttle?.retryDelayMs?.(failure, decision.delayMs) ?? decision.delayMs;
      log?.warn(`${label}; retrying in ${delayMs} ms`);
      // Stopped while waiting: no further attempt; the call rejects with the failure it had.
      await sleep(delayMs, anyOf(signal, stopRetrying)).catch((error: unknown) => {
        throw signal?.aborted ? error : failure;
      });
      retries++;
    }
  }

  return { createImGroup };
}

function describeFailure(error: unknown): string {
  if (!(error instanceof ZoomApiError)) return error instanceof Error ? error.name : "unknown error";
  return `${error.name} HTTP ${error.status}${error.code === undefined ? "" : ` Zoom code ${error.code}`}`;
}
