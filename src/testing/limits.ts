/**
 * Zoom's rate limits for the mock: requests counted per account and per rate-limit label in fixed UTC
 * windows, one second (QPS) and one day (the Light label's). Time is `Date.now()`, so tests move it with fake timers. `others` plays the account's other apps:
 * they take that many of every second's creates first, so a client sees only what they leave.
 */

import type { RateLimitType } from "../index.js";

/** The limit a create ran into, with when the window it counted in ends (ms since the epoch). */
export type LimitHit = { type: RateLimitType; limit: number; resetsAt: number };

const SECOND = 1_000;
const DAY = 86_400_000;

export function createLimits({
  rateLimit,
  rateLimits = {},
  dailyLimit,
  others = 0,
}: {
  rateLimit?: number;
  rateLimits?: Readonly<Partial<Record<string, number>>>;
  dailyLimit?: number;
  others?: number;
}) {
  const perSecond = (label: string) => (label === "Light" ? rateLimit : rateLimits[label]);
  if (others !== 0 && (rateLimit === undefined || !Number.isInteger(others) || others < 0 || others >= rateLimit))
    throw new RangeError(
      `others must be a whole number of creates per second below rateLimit (got others ${others}, rateLimit ${rateLimit})`,
    );
  const windows = { QPS: new Map<string, Used>(), "Daily-limit": new Map<string, Used>() };
  /** What other apps of the account take of each window before this one's creates count (per second only). */
  const takenByOthers = { QPS: others, "Daily-limit": 0 };

  /** Counts one request in the window of `length` ms that holds `now`, unless the window is already full. */
  function countIn(type: LimitHit["type"], limit: number, length: number, key: string, now: number) {
    const start = Math.floor(now / length) * length;
    const used = windows[type].get(key);
    const count = used?.start === start ? used.count : takenByOthers[type];
    if (count >= limit) return { type, limit, resetsAt: start + length };
    windows[type].set(key, { start, count: count + 1 });
    return undefined;
  }

  return {
    /**
     * Counts a request of a label against its daily limit, then its per-second one; the first that is full
     * refuses it (one refused per second has still used up one of the day's).
     */
    take(accountId: string, label = "Light"): LimitHit | undefined {
      const now = Date.now();
      const key = `${accountId}\u0000${label}`;
      const qps = perSecond(label);
      const daily = label === "Light" ? dailyLimit : undefined;
      return (
        (daily === undefined ? undefined : countIn("Daily-limit", daily, DAY, key, now)) ??
        (qps === undefined ? undefined : countIn("QPS", qps, SECOND, key, now))
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
