/** One request within its deadline and signal, and what its failure means; abort-aware waits. Timers are
 * setTimeout (not AbortSignal.timeout) so that fake timers drive them. */
import type { ApiErrorInput } from "./errors.js";
import { ConfigurationError, causeText, ZoomConnectionError, ZoomImGroupsError, ZoomTimeoutError } from "./errors.js";

/** Where a request goes, as its errors name it, and the client's fetch, deadline and redaction. */
export interface Destination extends Required<Pick<ApiErrorInput, "method" | "url" | "endpoint" | "redact">> {
  /** The request can change the account (not a read, not the token endpoint). */
  writes?: boolean;
  timeoutMs: number;
  fetch: (request: Request) => Promise<Response>;
}

/** A failure becomes a timeout, a connection error, or (when `run` never called `fetch`) a configuration error. */
export async function withDeadline<T>(
  target: Destination,
  signal: AbortSignal | undefined,
  run: (signal: AbortSignal, fetch: Destination["fetch"]) => Promise<T>,
  /** An earlier attempt may have changed the account: every failure of this one says so too. */
  earlier = false,
): Promise<T> {
  const { method, url, endpoint, timeoutMs } = target;
  const writes = endpoint === "api" && target.writes !== false;
  let sent = false;
  const fetch = (request: Request) => {
    sent = true;
    return target.fetch(request);
  };
  const timeout = new DOMException("no answer in time", "TimeoutError");
  try {
    return await withinDeadline(timeoutMs, signal, timeout, (attemptSignal) => run(attemptSignal, fetch));
  } catch (error) {
    if (error instanceof ZoomImGroupsError || signal?.aborted) throw error;
    if (error === timeout) throw new ZoomTimeoutError(method, url, timeoutMs, endpoint, earlier || writes);
    // A secret in it (a middleware's message, say) is redacted where the call rejects, all the way down.
    const refused = refusedUrl(error);
    const mayHaveChanged = earlier || (writes && !sentNothing(error));
    if (sent && !refused) throw new ZoomConnectionError(method, url, error, endpoint, mayHaveChanged);
    // Nothing sent: a URL fetch refuses (a blocked port), a token with a line break, a middleware that threw.
    const what = refused ? "fetch refuses this URL" : "the request could not be built";
    const sentBefore = earlier ? "; an earlier attempt may have changed the account" : "";
    throw new ConfigurationError(`${method} ${url}: ${what} (${causeText(error)}); nothing was sent${sentBefore}`, {
      cause: error,
      mayHaveChanged: earlier,
    });
  }
}

/** Raced as a whole: a callback, fetch or middleware that ignores its signal cannot outlive the deadline. */
export async function withinDeadline<T>(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  timeout: unknown,
  run: (signal: AbortSignal) => T | Promise<T>,
): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(timeout), timeoutMs);
  const both = anyOf(signal, deadline.signal);
  try {
    const running = call(() => run(both));
    return await raceAbort(running, both);
  } finally {
    clearTimeout(timer);
  }
}

/** A caller's callback: a synchronous throw becomes a rejection. */
export function call<T>(callback: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(callback());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** One signal that aborts when any of `signals` does; with none given, one that never aborts. */
export function anyOf(...signals: (AbortSignal | undefined)[]): AbortSignal {
  const given = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return given.length === 1 ? (given[0] as AbortSignal) : AbortSignal.any(given);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await raceAbort(new Promise((resolve) => (timer = setTimeout(resolve, ms))), signal);
  } finally {
    clearTimeout(timer); // an aborted wait must not keep the process alive
  }
}

/** Resolves with `promise`, or rejects with the signal's reason as soon as it aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** fetch refused the URL itself (a port it blocks, a scheme it does not know): the same every time. */
const refusedUrl = (cause: unknown) =>
  someCause(cause, (error) => /^(bad port|unknown scheme|invalid url)/i.test(error.message));

/** `test` holds for `cause` or an error it wraps. */
function someCause(cause: unknown, test: (error: Error) => boolean): boolean {
  for (let error = cause; error instanceof Error; error = error.cause) if (test(error)) return true;
  return false;
}

// Failures before a request could be written (undici's codes: refused, DNS, no free file descriptor, connect
// timeout, TLS and certificates; fetch's refused ports and URLs); a reset or anything unknown may have been sent.
const NOTHING_SENT_CODES =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EMFILE|ENFILE|UND_ERR_CONNECT_TIMEOUT|ERR_TLS_.*|ERR_SSL_.*|CERT_.*|UNABLE_TO_.*|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)$/;
const NOTHING_SENT_MESSAGES = /before secure TLS connection was established/i;

/** `cause` (or an error it wraps) shows that no byte of the request can have been sent. */
function sentNothing(cause: unknown): boolean {
  return someCause(cause, (error) => {
    const code = (error as { code?: unknown }).code;
    return (
      (typeof code === "string" && NOTHING_SENT_CODES.test(code)) ||
      NOTHING_SENT_MESSAGES.test(error.message) ||
      (error instanceof AggregateError && error.errors.length > 0 && error.errors.every(sentNothing))
    );
  });
}
