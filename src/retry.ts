/**
 * The retry policy: which failures are worth another attempt and how long to wait first.
 * Stainless-style defaults: 2 retries, backoff 0.5 s · 2ⁿ capped at 8 s with up to 25 % jitter,
 * `Retry-After` honoured up to `maxRetryDelayMs`; a daily limit never waits.
 */
import { RateLimitError, ServerError, ZoomApiError, ZoomConnectionError, ZoomTimeoutError } from "./errors.js";
import { retryAfterMs } from "./retry-after.js";

export interface RetrySettings {
  maxRetries: number;
  maxRetryDelayMs: number;
  random: () => number;
}

/** Why a failure is (not) retried, and after how long: one guard clause per rule. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/** `retryIndex` counts the retries already made (0 before the first retry). */
export function decideRetry(error: unknown, retryIndex: number, settings: RetrySettings): RetryDecision {
  if (!isRetryable(error)) return { retry: false, reason: "not a transient failure" };
  if (retryIndex >= settings.maxRetries)
    return { retry: false, reason: `gave up after ${settings.maxRetries} retries` };
  if (error instanceof RateLimitError && error.isDailyLimit) {
    return { retry: false, reason: "the daily limit is hours away from clearing" };
  }
  const told = error instanceof ZoomApiError ? retryAfterMs(error.headers.get("retry-after")) : undefined;
  const delayMs = told ?? backoffMs(retryIndex, settings.random);
  if (delayMs > settings.maxRetryDelayMs) {
    return {
      retry: false,
      reason: `Retry-After asks for ${delayMs} ms, more than maxRetryDelayMs ${settings.maxRetryDelayMs}`,
    };
  }
  return { retry: true, delayMs };
}

/** Failures that say nothing about the request itself: the next attempt may well succeed. */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof RateLimitError ||
    error instanceof ServerError ||
    error instanceof ZoomConnectionError ||
    error instanceof ZoomTimeoutError ||
    (error instanceof ZoomApiError && error.status === 408)
  );
}

/**
 * Failures after which Zoom may have acted on the request (a 5xx, a lost connection, a timeout): the group
 * may exist, and a later 409 for the same name may be this call's own doing.
 */
export function mayHaveReachedServer(error: unknown): boolean {
  return error instanceof ServerError || error instanceof ZoomConnectionError || error instanceof ZoomTimeoutError;
}

/** 0.5 s · 2ⁿ, capped at 8 s, minus up to 25 % jitter so that many clients do not retry in step. */
export function backoffMs(retryIndex: number, random: () => number = Math.random): number {
  const base = Math.min(500 * 2 ** retryIndex, 8_000);
  return Math.round(base * (1 - random() * 0.25));
}

/** Waits `ms`, or rejects with the reason of the first of `signals` to abort, as soon as it does. */
export function sleep(ms: number, ...signals: (AbortSignal | undefined)[]): Promise<void> {
  const watched = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return new Promise((resolve, reject) => {
    const aborted = watched.find((signal) => signal.aborted);
    if (aborted) {
      reject(aborted.reason);
      return;
    }
    const stopWatching = () => {
      for (const signal of watched) signal.removeEventListener("abort", onAbort);
    };
    function onAbort(this: AbortSignal) {
      clearTimeout(timer);
      stopWatching();
      reject(this.reason);
    }
    const timer = setTimeout(() => {
      stopWatching();
      resolve();
    }, ms);
    for (const signal of watched) signal.addEventListener("abort", onAbort, { once: true });
  });
}
