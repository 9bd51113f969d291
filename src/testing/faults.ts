/**
 * Injected faults, decided by hashing rather than by a sequence of random draws: the same seed gives every
 * create the same fault whatever order concurrent requests arrive in.
 */
import type { MockFaults } from "./types.js";

/** What happens to one create: a 5xx in place of creating, or a connection dropped after creating. */
export type Fault = { fail: 500 | 502 | 503 } | { drop: true } | undefined;

export function createFaults(faults: MockFaults | undefined) {
  const seed = faults?.seed ?? 1;
  const sends = new Map<string, number>();
  return {
    /** The fault of this create: a hash of (seed, account, name, how often the name was sent). */
    decide(accountId: string, name: unknown, trackingId: string): Fault {
      if (!faults) return undefined;
      const key = `${accountId}\u0000${typeof name === "string" ? name : `#${trackingId}`}`;
      const nth = (sends.get(key) ?? 0) + 1;
      sends.set(key, nth);
      const draw = (what: string) => unitHash(`${seed}\u0000${key}\u0000${nth}\u0000${what}`);
      if (draw("fail") < (faults.failRate ?? 0))
        return { fail: ([500, 502, 503] as const)[Math.floor(draw("status") * 3)] ?? 500 };
      return draw("drop") < (faults.dropRate ?? 0) ? { drop: true } : undefined;
    },
    /** How long this answer waits (ms): a draw in the configured range from the seed and the tracking id. */
    latencyMs(trackingId: string): number {
      const [low, high] = faults?.latencyMs ?? [0, 0];
      return Math.round(low + (high - low) * unitHash(`${seed}\u0000${trackingId}\u0000latency`));
    },
    reset(): void {
      sends.clear();
    },
  };
}

/** FNV-1a, 32 bits, scaled to [0, 1): a repeatable draw from a key. */
function unitHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // A final avalanche (murmur3's fmix32) so that keys differing in one character spread over [0, 1).
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}
