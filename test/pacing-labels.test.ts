/**
 * One shared pacer keeps one budget per rate-limit label, as Zoom counts them: member listings (Medium) answered
 * 429 lower the Medium budget only, and creates (Light) get the very same slots as with no Medium traffic at all.
 * Slots are counted on an injected, simulated clock: nothing here reads or waits on real time.
 */
import { expect, test } from "vitest";
import { createImGroupsClient, createPacer, RateLimitError } from "../src/index.ts";
import { operations } from "../src/spec.ts";

/** A discrete-event clock: time moves to the next timer only when every promise chain has run. */
function simulatedClock() {
  const timers: { at: number; resolve: () => void }[] = [];
  const clock = {
    t: 0,
    now: () => clock.t,
    wait: (ms: number) => new Promise<void>((resolve) => timers.push({ at: clock.t + ms, resolve })),
    async drive<T>(simulation: Promise<T>): Promise<T> {
      let finished = false;
      void simulation.finally(() => {
        finished = true;
      });
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (finished || timers.length === 0) return simulation;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift() as (typeof timers)[number];
        clock.t = Math.max(clock.t, next.at);
        next.resolve();
      }
    },
  };
  return clock;
}

/**
 * Two clients sharing one pacer (Pro: Light 30/s, Medium 20/s): `creates` creates, and `listings` first pages
 * of a member list, every one answered 429 (Medium, QPS). Returns the simulated time of each request per label.
 */
async function run({ creates, listings }: { creates: number; listings: number }) {
  const clock = simulatedClock();
  const pacer = createPacer({ accountPlan: "pro", clock });
  const sent: Record<string, number[]> = { Light: [], Medium: [] };
  const fetch = async (request: Request) => {
    const listing = request.method === "GET";
    sent[listing ? "Medium" : "Light"]?.push(clock.t);
    if (!listing) return Response.json({ id: `g${sent.Light?.length}` }, { status: 201 });
    const headers = { "X-RateLimit-Category": "Medium", "X-RateLimit-Type": "QPS", "Retry-After": "1" };
    return Response.json(
      { code: 429, message: "You have reached the maximum per-second rate limit." },
      { status: 429, headers },
    );
  };
  const creator = createImGroupsClient({ accessToken: "t", throttle: pacer, maxRetries: 0, fetch });
  const lister = createImGroupsClient({ accessToken: "t", throttle: pacer, maxRetries: 0, fetch });
  const outcomes = await clock.drive(
    Promise.all([
      ...Array.from({ length: creates }, (_, i) => creator.createImGroup({ name: `g${i}` }).then(() => "created")),
      ...Array.from({ length: listings }, () =>
        lister
          .listImGroupMembers("g1")
          .page()
          .catch((error: unknown) => (error instanceof RateLimitError ? "limited" : error)),
      ),
    ]),
  );
  return { pacer, sent, outcomes };
}

test("the spec files the member list under Medium and the create under Light", () => {
  expect(operations.imGroupMembers.rateLimitLabel).toBe("Medium");
  expect(operations.imGroupCreate.rateLimitLabel).toBe("Light");
});

test("Medium 429s lower the Medium budget only: Light calls get the same slots as without them", async () => {
  const alone = await run({ creates: 90, listings: 0 });
  const shared = await run({ creates: 90, listings: 60 });

  expect(shared.outcomes.filter((o) => o === "created")).toHaveLength(90);
  expect(shared.outcomes.filter((o) => o === "limited")).toHaveLength(60);
  expect(shared.sent.Medium).toHaveLength(60);
  // The 429s reached the pacer, under their label: the Medium budget learnt of them and cut its rate.
  const medium = shared.pacer.budget("Medium");
  expect(medium.rateLimitedAnswers).toBeGreaterThan(0);
  expect(medium.rate).toBeLessThan(medium.ceiling);
  // The Light budget heard none, kept its ceiling, and gave every create the slot it gives with no listing at all.
  const light = shared.pacer.budget("Light");
  expect(light.rateLimitedAnswers).toBe(0);
  expect(light.rate).toBe(light.ceiling);
  expect(shared.sent.Light).toEqual(alone.sent.Light);
  // 90 creates at 97 % of 30/s span about three simulated seconds: the Medium cut fell inside them.
  expect((shared.sent.Light?.at(-1) ?? 0) - (shared.sent.Light?.[0] ?? 0)).toBeGreaterThan(2_000);
  expect(medium.adaptedAtMs).toBeLessThan(1_500);
});

test("a pacer with one budget for every label would have slowed them: the Light 429 case cuts Light", async () => {
  // The control: the same 429s filed under Light do cut the Light rate, so the test above can fail.
  const clock = simulatedClock();
  const pacer = createPacer({ accountPlan: "pro", clock });
  const limited = new RateLimitError({
    status: 429,
    body: { code: 429, message: "busy" },
    headers: new Headers({ "X-RateLimit-Type": "QPS", "X-RateLimit-Category": "Light" }),
    method: "POST",
    url: "https://api.zoom.us/v2/im/groups",
  });
  await clock.drive(
    (async () => {
      for (let i = 0; i < 30; i++) {
        await pacer.wait(undefined, "Light");
        pacer.settled(limited, "Light");
      }
    })(),
  );
  expect(pacer.budget("Light").rate).toBeLessThan(pacer.budget("Light").ceiling);
  expect(pacer.budget("Medium").rate).toBe(pacer.budget("Medium").ceiling);
});
