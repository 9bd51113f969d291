/** Parsing `Retry-After`, shared by the error classes and the retry policy. */

/** `Retry-After` as milliseconds from now: seconds, an HTTP date or an ISO-8601 timestamp. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
