/** The bulk runner's pacer, on a simulated clock: it uses the rate it is given and never exceeds it. */
import { expect, test } from "vitest";
import { Pacer } from "../src/cli/bulk/pacer.ts";

function simulated() {
  const clock = {
    t: 0,
    now: () => clock.t,
    wait: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

/** The most sends that fall in any one-second span [t, t + 1000). */
function busiestSecond(sends: number[]): number {
  let most = 0;
  for (let first = 0, last = 0; first < sends.length; first++) {
    while (last < sends.length && (sends[last] as number) < (sends[first] as number) + 1000) last++;
    most = Math.max(most, last - first);
  }
  return most;
}

/** One sender taking `count` slots in turn; `stallBefore(i)` ms pass before it asks for slot i. */
async function run(rate: number, count: number, stallBefore: (i: number) => number = () => 0) {
  const clock = simulated();
  const pacer = new Pacer(rate, clock);
  const sends: number[] = [];
  for (let i = 0; i < count; i++) {
    clock.t += stallBefore(i);
    await pacer.slot();
    sends.push(clock.t);
  }
  const perSecond = (sends.length - 1) / (((sends.at(-1) as number) - (sends[0] as number)) / 1000);
  return { pacer, sends, perSecond, busiest: busiestSecond(sends) };
}

test("evenly spaced at 98 % of the rate when nothing is late; the bound is 99 %", async () => {
  const { pacer, sends, perSecond, busiest } = await run(200, 1000);
  expect(pacer.cap).toBe(198);
  expect(perSecond).toBeCloseTo(196, 6);
  // Slots 1000/196 ms apart: 196 per second, 197 when a span starts exactly on one.
  expect(busiest).toBe(197);
  expect(new Set(sends.slice(1).map((t, i) => (t - (sends[i] as number)).toFixed(6))).size).toBe(1);
});

/** The rate a pacer that never made up a missed slot would reach: the pace plus every stall. */
function withoutCatchUp(count: number, stallsMs: number): number {
  return (count - 1) / (((count - 1) * 1000) / 196 / 1000 + stallsMs / 1000);
}

test.each([
  [98, 25],
  [150, 40],
  [196, 11],
  [37, 60],
  [500, 300],
  [20, 4],
])(
  "stalls every %i slots of %i ms: never more than 198 in a second, and missed slots are made up",
  async (every, stallMs) => {
    const stallBefore = (i: number) => (i % every === every - 1 ? stallMs : 0);
    const { perSecond, busiest } = await run(200, 3000, stallBefore);
    expect(busiest).toBeLessThanOrEqual(198);
    const stalls = Array.from({ length: 3000 }, (_, i) => stallBefore(i)).reduce((a, b) => a + b, 0);
    expect(perSecond).toBeGreaterThan(withoutCatchUp(3000, stalls));
  },
);

test("catching up never sends closer than half a slot, nor runs ahead of the pace", async () => {
  const { sends } = await run(200, 400, (i) => (i === 1 ? 80 : 0));
  const gaps = sends.slice(2).map((t, i) => t - (sends[i + 1] as number));
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / 196 / 2 - 1e-9);
  // At most cap − pace = 2 slots owed: an 80 ms stall before slot 1 (due at one slot) costs 80 ms less
  // that slot and the 2 made up, and no more is made up.
  const steady = await run(200, 400);
  const lag = (sends.at(-1) as number) - (steady.sends.at(-1) as number);
  expect(lag).toBeCloseTo(80 - (3 * 1000) / 196, 6);
});

test("a long stall leaves no burst behind: afterwards the pace is even again", async () => {
  const { sends, busiest } = await run(200, 1200, (i) => (i === 100 ? 5000 : 0));
  expect(busiest).toBeLessThanOrEqual(198);
  const after = sends.slice(100);
  const fast = after.slice(1).filter((t, i) => t - (after[i] as number) < 1000 / 196 - 1e-9).length;
  // Only the 2 owed slots go out early, at half-slot gaps.
  expect(fast).toBeLessThanOrEqual(4);
});

test("at 4/s the cap is the rate the pace already allows, not below it", async () => {
  const { pacer, perSecond, busiest } = await run(4, 40, (i) => (i % 7 === 6 ? 400 : 0));
  expect(pacer.cap).toBe(4);
  expect(busiest).toBeLessThanOrEqual(4);
  expect(perSecond).toBeGreaterThan(3.5);
});

test("after a 429 nobody sends until the hold is over, and nothing owed is rushed out", async () => {
  const clock = simulated();
  const pacer = new Pacer(200, clock);
  await pacer.slot();
  clock.t += 300; // slots owed...
  pacer.holdFor(1000); // ...then Zoom says wait a second
  await pacer.slot();
  expect(clock.t).toBe(1300);
  const before = clock.t;
  await pacer.slot();
  expect(clock.t - before).toBeCloseTo(1000 / 196, 6);
});
