/**
 * The client core: validate → encode → token → attempt (with a deadline) → result or error → retry policy.
 * Each step is its own module; this file only composes them.
 */
import createClient, { type Client } from "openapi-fetch";
import { type EncodedBody, encodeBody } from "./encoding.js";
import {
  AuthenticationError,
  RateLimitError,
  ZoomConnectionError,
  ZoomImGroupsError,
  ZoomTimeoutError,
} from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { operation } from "./generated/spec.js";
import { type ImGroupsClientOptions, normalizeOptions, type Settings } from "./options.js";
import { interpret } from "./response.js";
import { decideRetry, mayHaveReachedServer, sleep } from "./retry.js";
import { deadline } from "./timeout.js";
import type { CreatedImGroup, CreateImGroupBody } from "./types.js";
import { assertValidBody } from "./validation.js";

/** Per-call options of `createImGroup`. */
export interface CallOptions {
  /** Aborts the call, also while it waits to retry; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Graceful stop: once it aborts, the call starts no further attempt (no retry, no repeat after a token
   * renewal) and a wait for a retry ends at once. An attempt already on the wire finishes. The call then
   * rejects with the failure it had, or, if no attempt had started, with the signal's reason.
   * Bulk runs pass one signal to every call so that Ctrl-C or a daily limit stops all sending.
   */
  stopRetrying?: AbortSignal;
}

/** What `createImGroupsClient` returns: one method per operation, and the typed openapi-fetch client. */
export interface ImGroupsClient {
  /**
   * Creates an IM directory group (`POST /im/groups`).
   * Validates `body` against the spec first (rejecting with `ValidationError`, nothing sent), retries
   * transient failures, and resolves with the group, or rejects with a `ZoomApiError` subclass.
   */
  createImGroup(body: CreateImGroupBody, options?: CallOptions): Promise<CreatedImGroup>;
  /** The underlying openapi-fetch client, typed from the spec, for anything this wrapper does not cover. */
  readonly raw: Client<paths>;
}

/**
 * @example
 * const zoom = createImGroupsClient({ accessToken: process.env.ZOOM_ACCESS_TOKEN });
 * const group = await zoom.createImGroup({ name: "Design team", type: "restricted" });
 */
export function createImGroupsClient(options: ImGroupsClientOptions): ImGroupsClient {
  const settings = normalizeOptions(options);
  const raw = createClient<paths>({ baseUrl: settings.baseUrl, fetch: settings.fetch });
  raw.use(...settings.middleware);
  const { method } = operation;
  const { url } = settings;
  const log = settings.logger;

  // openapi-fetch always builds a Request object: ~100 µs per call more than fetch(url, init) here
  // (bench/overhead.ts, docs/decisions.md). When nothing can observe or replace that Request (default
  // fetch, no middleware) the same request is sent as fetch(url, init); otherwise through openapi-fetch,
  // so custom fetch functions and middleware see every attempt.
  const direct = options.fetch === undefined && settings.middleware.length === 0;

  async function sendThroughOpenapiFetch(
    body: CreateImGroupBody,
    encoded: EncodedBody,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<{ response: Response; text: unknown }> {
    const { data, error, response } = await raw.POST(operation.path, {
      body,
      bodySerializer: () => encoded.body,
      headers,
      parseAs: "text",
      signal,
    });
    return { response, text: data ?? error };
  }

  /** One attempt: resolves with the group or throws the error that this attempt ended in. */
  async function attempt(
    body: CreateImGroupBody,
    encoded: EncodedBody,
    token: string,
    signal: AbortSignal | undefined,
    mayHaveSucceeded: boolean,
  ) {
    const limit = deadline(settings.timeoutMs, signal);
    try {
      // Zoom's Swagger files say it can also produce XML: ask for JSON, the only body this client reads.
      const headers = {
        Accept: "application/json",
        Authorization: `Bearer ${token}`,
        "Content-Type": encoded.contentType,
      };
      let response: Response;
      let text: unknown;
      if (direct) {
        // The request openapi-fetch would send, as fetch(url, init): no Request object, so no extra body stream.
        response = await globalThis.fetch(url, { method, headers, body: encoded.body, signal: limit.signal });
        text = await response.text();
      } else {
        ({ response, text } = await sendThroughOpenapiFetch(body, encoded, headers, limit.signal));
      }
      return interpret(response, text, { url, mayHaveSucceeded, redact: settings.redact, groupName: body.name });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof ZoomImGroupsError) throw error;
      if (limit.timedOut) throw new ZoomTimeoutError(method, url, settings.timeoutMs);
      throw new ZoomConnectionError(method, url, safeCause(error, settings));
    } finally {
      limit.clear();
    }
  }

  async function createImGroup(body: CreateImGroupBody, callOptions: CallOptions = {}): Promise<CreatedImGroup> {
    assertValidBody(body);
    const { signal, stopRetrying } = callOptions;
    signal?.throwIfAborted();
    stopRetrying?.throwIfAborted();
    // Encoded once per call; every attempt sends the same bytes.
    const encoded = await encodeBody(body, settings.encoding);
    let retries = 0;
    let renewedToken = false;
    let mayHaveSucceeded = false;
    let lastFailure: unknown;
    for (let attemptNo = 1; ; attemptNo++) {
      let token: string | undefined;
      let failure: unknown;
      try {
        if (settings.throttle) {
          const waitSignal = AbortSignal.any([signal, stopRetrying].filter((s): s is AbortSignal => !!s));
          try {
            await settings.throttle.wait(waitSignal);
          } catch (error) {
            if (signal?.aborted) throw signal.reason;
            throw lastFailure ?? error;
          }
        }
        const next = settings.tokens.get(signal);
        token = typeof next === "string" ? next : await next;
        const group = await attempt(body, encoded, token, signal, mayHaveSucceeded);
        log?.debug(
          `${method} ${url} attempt ${attemptNo}: HTTP ${group.status}${group.trackingId ? ` (tracking id ${group.trackingId})` : ""}`,
        );
        return group;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (stopRetrying?.aborted && error === (lastFailure ?? stopRetrying.reason)) throw error;
        failure = error;
        lastFailure = error;
        if (failure instanceof RateLimitError) settings.throttle?.rateLimited?.(failure);
      }
      const label = `${method} ${url} attempt ${attemptNo}`;
      const what = describeFailure(failure);
      if (stopRetrying?.aborted) {
        // A graceful stop: no retry and no repeat after a token renewal; the failure says what the attempt met.
        log?.debug(`${label} failed: ${what}; not retried (stopped)`);
        throw failure;
      }
      // A 401 from the API (not from the token endpoint) with renewable credentials: one fresh token, one repeat.
      if (
        failure instanceof AuthenticationError &&
        failure.url === url &&
        token !== undefined &&
        !renewedToken &&
        settings.tokens.renew(token)
      ) {
        renewedToken = true;
        log?.warn(`${label} failed: ${what}; renewing the access token and repeating once`);
        continue;
      }
      const decision = decideRetry(failure, retries, settings);
      if (!decision.retry) {
        log?.debug(`${label} failed: ${what}; not retried (${decision.reason})`);
        throw failure;
      }
      log?.warn(`${label} failed: ${what}; retrying in ${decision.delayMs} ms`);
      if (mayHaveReachedServer(failure)) mayHaveSucceeded = true;
      try {
        await sleep(decision.delayMs, signal, stopRetrying);
      } catch (error) {
        if (signal?.aborted) throw error;
        // Stopped while waiting: no further attempt. The failure says what the last attempt met.
        log?.debug(`${label}: stopped while waiting to retry`);
        throw failure;
      }
      retries++;
    }
  }

  return { createImGroup, raw };
}

function describeFailure(error: unknown): string {
  if (error instanceof ZoomImGroupsError) {
    const status = "status" in error ? ` HTTP ${String(error.status)}` : "";
    const code = "code" in error && error.code !== undefined ? ` Zoom code ${String(error.code)}` : "";
    return `${error.name}${status}${code}`;
  }
  return error instanceof Error ? error.name : "unknown error";
}

/** A network error's cause, unless a secret found its way into its message (a middleware's, say). */
function safeCause(error: unknown, settings: Settings): unknown {
  if (!(error instanceof Error)) return error;
  const text = `${error.message} ${error.cause instanceof Error ? error.cause.message : ""}`;
  return settings.redact(text) === text ? error : new Error(settings.redact(error.message));
}
