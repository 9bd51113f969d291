/**
 * Zoom's rate limits for the mock: creates counted per account in fixed UTC windows, one second (QPS) and
 * one day. Time is `Date.now()`, so tests move it with fake timers. `others` plays the account's other apps:
 * they take that many of every second's creates first, so a client sees only what they leave.
 */

import type { RateLimitType } from "../index.js";

/** The limit a create ran into, with when the window it counted in ends (ms since the epoch). */
export type LimitHit = { type: RateLimitType; limit: number; resetsAt: number };

const SECOND = 1_000;
const DAY = 86_400_000;

export function createLimits({
  rateLimit,
  dailyLimit,
  others = 0,
}: {
  rateLimit?: number;
  dailyLimit?: number;
  others?: number;
}) {
  if (others !== 0 && (rateLimit === undefined || !Number.isInteger(others) || others < 0 || others >= rateLimit))
    throw new RangeError(
      `others must be a whole number of creates per second below rateLimit (got others ${others}, rateLimit ${rateLimit})`,
    );
  const windows = { QPS: new Map<string, Used>(), "Daily-limit": new Map<string, Used>() };
  /** What other apps of the account take of each window before this one's creates count (per second only). */
  const takenByOthers = { QPS: others, "Daily-limit": 0 };

  /** Counts one create in the window of `length` ms that holds `now`, unless the window is already full. */
  function countIn(type: LimitHit["type"], limit: number, length: number, accountId: string, now: number) {
    const start = Math.floor(now / length) * length;
    const used = windows[type].get(accountId);
    const count = used?.start === start ? used.count : takenByOthers[type];
    if (count >= limit) return { type, limit, resetsAt: start + length };
    windows[type].set(accountId, { start, count: count + 1 });
    return undefined;
  }

  return {
    /**
     * Counts a create against the daily limit, then the per-second one; the first that is full refuses it
     * (a create refused per second has still used up one of the day's).
     */
    take(accountId: string): LimitHit | undefined {
      const now = Date.now();
      return (
        (dailyLimit === undefined ? undefined : countIn("Daily-limit", dailyLimit, DAY, accountId, now)) ??
        (rateLimit === undefined ? undefined : countIn("QPS", rateLimit, SECOND, accountId, now))
      );
    },
    reset(): void {
      for (const counters of Object.values(windows)) counters.clear();
    },
  };
}

interface Used {
  start: number;
  count: number;
}
