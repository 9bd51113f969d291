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
  if (error instanceof RateLimitError && error.isDailyLimit) {
    return { retry: false, reason: "the daily limit is hours away from clearing" };
  }
  if (!isRetryable(error)) return { retry: false, reason: "not a transient failure" };
  if (retryIndex >= settings.maxRetries)
    return { retry: false, reason: `gave up after ${settings.maxRetries} retries` };
  const told = error instanceof ZoomApiError ? retryAfterAt(error.headers.get("retry-after")) : undefined;
  const delayMs = told === undefined ? backoffMs(retryIndex) : Math.max(0, told - Date.now());
  if (delayMs > settings.maxRetryDelayMs) {
    return {
      retry: false,
      reason: `Retry-After asks for ${delayMs} ms, more than maxRetryDelayMs ${settings.maxRetryDelayMs}`,
    };
  }
  return { retry: true, delayMs };
}

/** A later attempt may cure it: the error's own fact (ZoomImGroupsError.retryable); never a caller's abort. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ZoomImGroupsError && error.retryable;
}

/** 0.5 s · 2ⁿ, capped at 8 s, minus up to 25 % jitter so that many clients do not retry in step. */
export function backoffMs(retryIndex: number): number {
  const base = Math.min(500 * 2 ** retryIndex, 8_000);
  return Math.round(base * (1 - Math.random() * 0.25));
}
