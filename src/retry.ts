/** The retry policy: which failures are worth another attempt, and how long to wait first. */
import { RateLimitError, ZoomApiError, ZoomImGroupsError } from "./errors.js";
import { retryAfterAt } from "./retry-after.js";

/** Why a failure is (not) retried, and after how long: one guard clause per rule. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/** `retryIndex` counts the retries already made (0 before the first retry). */
export function decideRetry(
  error: unknown,
  retryIndex: number,
  settings: { maxRetries: number; maxRetryDelayMs: number },
): RetryDecision {
  const stop = (reason: string): RetryDecision => ({ retry: false, reason });
  if (error instanceof RateLimitError && error.isDailyLimit) return stop("the daily limit is hours away from clearing");
  // The error's own fact; never a caller's abort.
  if (!(error instanceof ZoomImGroupsError && error.retryable)) return stop("not a transient failure");
  const { maxRetries, maxRetryDelayMs } = settings;
  if (retryIndex >= maxRetries) return stop(`gave up after ${maxRetries} retries`);
  const told = error instanceof ZoomApiError ? retryAfterAt(error.headers.get("retry-after")) : undefined;
  const delayMs = told === undefined ? backoffMs(retryIndex) : Math.max(0, told - Date.now());
  if (delayMs > maxRetryDelayMs)
    return stop(`Retry-After asks for ${delayMs} ms, more than maxRetryDelayMs ${maxRetryDelayMs}`);
  return { retry: true, delayMs };
}

/** 0.5 s · 2ⁿ, capped at 8 s, minus up to 25 % jitter so that many clients do not retry in step. */
export function backoffMs(retryIndex: number): number {
  const base = Math.min(500 * 2 ** retryIndex, 8_000);
  return Math.round(base * (1 - Math.random() * 0.25));
}
