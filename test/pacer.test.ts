/** The bulk runner's pacer, on a simulated clock: it uses the rate it is given and never exceeds it. */
import { expect, test } from "vitest";
import { Pacer } from "../src/cli/pacer.ts";

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

test("evenly spaced at 98 % of the rate when nothing is late", async () => {
  const clock = simulated();
  const pacer = new Pacer(200, clock);
  const sends: number[] = [];
  for (let i = 0; i < 1000; i++) {
    await pacer.slot();
    sends.push(clock.t);
  }
  // Slots 1000/196 ms apart: 196 per second, 197 when a span starts exactly on one.
  expect(busiestSecond(sends)).toBe(197);
  expect((sends.length - 1) / ((sends.at(-1) as number) / 1000)).toBeCloseTo(196, 6);
});

test.each([
  [98, 25],
  [150, 40],
  [196, 11],
])("stalls every %i sends of %i ms never bring a second within 2 of the rate", async (every, stallMs) => {
  const clock = simulated();
  const pacer = new Pacer(200, clock);
  const sends: number[] = [];
  for (let i = 0; i < 3000; i++) {
    if (i % every === every - 1) clock.t += stallMs;
    await pacer.slot();
    sends.push(clock.t);
  }
  // 2 below the rate: room for arrival jitter at the server's window edge. (Catching up the whole
  // headroom, as before, reached exactly 200 here; with jitter that was a 429.)
  expect(busiestSecond(sends)).toBeLessThanOrEqual(198);
  // And it does catch up: slots missed in a short stall go out at once instead of being lost.
  expect(sends.some((at, i) => i > 0 && at === sends[i - 1])).toBe(true);
});

test("after a 429 nobody sends until the hold is over", async () => {
  const clock = simulated();
  const pacer = new Pacer(200, clock);
  await pacer.slot();
  pacer.holdFor(1000);
  await pacer.slot();
  expect(clock.t).toBeGreaterThanOrEqual(1000);
});
