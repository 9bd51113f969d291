/** Parsing `Retry-After`, shared by the error classes and the retry policy. */

/**
 * `Retry-After` as an absolute time (epoch milliseconds): seconds from `now`, an HTTP date or an
 * ISO-8601 timestamp. A date form gives exactly that instant, whatever the clock says.
 */
export function retryAfterAt(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return now + Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}

/** `Retry-After` as milliseconds from now: seconds, an HTTP date or an ISO-8601 timestamp. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  const at = retryAfterAt(value, now);
  return at === undefined ? undefined : Math.max(0, at - now);
}
