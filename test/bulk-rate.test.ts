/**
 * Bulk runs at real latency and at scale, in process: answers outstanding while Zoom is slow, retries
 * through the pacer, and a stop in a huge run. Nothing here reads a clock: the assertions count requests,
 * answers outstanding and rows, and order events. That the pacer never exceeds the rate in any second is
 * proven on a simulated clock (test/pacer.test.ts); here, that every attempt of a run goes through it.
 * Speed figures come from `npm run bench`.
 */
import type { IncomingMessage } from "node:http";
import { afterEach, describe, expect, test, vi } from "vitest";
import { AdaptivePacer as Pacer } from "../src/pacer.ts";
import { cli, csv, names, rowsOf, summaryOf, useCliWorkspace } from "./support/cli.ts";

const workspace = useCliWorkspace("zoom-bulk-rate-");
const { file, mockZoom, listen } = workspace;

/**
 * Counts the pacer's slots and the requests that leave through fetch: a request that leaves without a
 * slot of its own is `unpaced`. Every attempt, retries included, must wait for a slot.
 */
function watchSends() {
  const counts = { slots: 0, fetches: 0, unpaced: 0, afterStop: 0, stopped: false };
  const realWait = Pacer.prototype.wait;
  vi.spyOn(Pacer.prototype, "wait").mockImplementation(function (this: Pacer, signal?: AbortSignal) {
    return realWait.call(this, signal).then(() => {
      counts.slots++;
    });
  });
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    counts.fetches++;
    if (counts.stopped) counts.afterStop++;
    if (counts.fetches > counts.slots) counts.unpaced++;
    return realFetch(input, init);
  });
  return counts;
}
afterEach(() => {
  vi.restoreAllMocks();
});

/** The group name in a create request's body (multipart or JSON). */
async function nameIn(req: IncomingMessage, prefix: string): Promise<string> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body.match(new RegExp(`${prefix} \\d+`))?.[0] ?? "?";
}

describe("at real latency", () => {
  // The old default, 4 calls in flight, capped a run at 4 / 0.3 s = 13/s (0.22 of 60) whatever the machine.
  test("with default flags, a slow Zoom does not slow the run: answers outstanding reach --rate", async () => {
    const rate = 60;
    const held: (() => void)[] = [];
    const seen = { arrivals: 0, mostOutstanding: 0, released: false };
    const releaseAll = () => {
      seen.released = true;
      for (const answer of held.splice(0)) answer();
    };
    const origin = await listen((req, res) => {
      seen.arrivals++;
      const answer = () => res.writeHead(201, { "content-type": "application/json" }).end(`{"id":"g${seen.arrivals}"}`);
      req.resume();
      if (seen.released) return answer();
      held.push(answer);
      seen.mostOutstanding = Math.max(seen.mostOutstanding, held.length);
      // Zoom answers nothing until `rate` calls wait on it. A client that stops sending while answers are
      // outstanding waits for ever: the test's timeout is its failure (no timer on the real clock decides).
      if (held.length >= rate) releaseAll();
    });
    const sends = watchSends();
    const run = await cli(["create", "--file", await file("slow.csv", csv(names(90, "Slow"))), "--rate", `${rate}`], {
      ZOOM_API_URL: `${origin}/v2`,
      ZOOM_ACCESS_TOKEN: "t",
    });
    expect(run.code).toBe(0);
    expect(seen.mostOutstanding).toBe(rate);
    expect(summaryOf(run)).toMatchObject({ created: 90, failed: 0 });
    expect(sends).toMatchObject({ fetches: 90, unpaced: 0 });
  });

  test("retries count against --rate and do not idle the run: other rows are sent while one waits to retry", async () => {
    const arrivals: { name: string; status: number }[] = [];
    const failsFirst = (name: string) => Number(name.split(" ")[1]) % 10 < 3;
    const origin = await listen(async (req, res) => {
      const name = await nameIn(req, "Flaky");
      const status = failsFirst(name) && !arrivals.some((a) => a.name === name) ? 503 : 201;
      arrivals.push({ name, status });
      if (status === 503)
        res.writeHead(503, { "content-type": "application/json" }).end('{"code":503,"message":"busy"}');
      else res.writeHead(201, { "content-type": "application/json" }).end(`{"id":"g${arrivals.length}"}`);
    });
    const sends = watchSends();
    const rows = names(60, "Flaky");
    const run = await cli(["create", "--file", await file("flaky.csv", csv(rows)), "--rate", "60"], {
      ZOOM_API_URL: `${origin}/v2`,
      ZOOM_ACCESS_TOKEN: "t",
    });
    expect(run.code).toBe(0);
    const retried = rows.filter(failsFirst);
    expect(retried.length).toBeGreaterThan(10);
    expect(summaryOf(run)).toMatchObject({ created: 60, failed: 0 });
    // Every attempt, the retries too, took a slot of the pacer.
    expect(sends).toMatchObject({ fetches: 60 + retried.length, unpaced: 0 });
    expect(arrivals).toHaveLength(60 + retried.length);
    // While the first row waited out its backoff, others were sent: the run did not idle.
    const first = arrivals.findIndex((a) => a.name === retried[0]);
    const again = arrivals.findIndex((a, i) => i > first && a.name === retried[0]);
    expect(again).toBeGreaterThan(first);
    expect(arrivals.slice(first + 1, again).filter((a) => a.name !== retried[0]).length).toBeGreaterThan(0);
  });
});

test("a 200,000-row run stops at Ctrl-C: no request leaves after it, and every answer is recorded with its id", async () => {
  const { env, running, log } = await mockZoom();
  const path = await file("huge.csv", csv(names(200_000, "Huge")));
  const sends = watchSends();
  let answersAtStop = -1;
  const run = await cli(["create", "--file", path, "--rate", "200"], env, {
    onLine: (line, control) => {
      if (!sends.stopped && line.includes('"Huge 50"')) {
        sends.stopped = true;
        answersAtStop = log.length;
        control.interrupt();
      }
    },
  });
  expect(run.code).toBe(130);
  expect(sends.afterStop).toBe(0);
  expect(sends.unpaced).toBe(0);
  // What was answered after the stop was already on the wire: every request the mock saw left before it.
  expect(log.length).toBe(sends.fetches);
  expect(answersAtStop).toBeGreaterThanOrEqual(50);
  const created = rowsOf(run).filter((row) => row.outcome === "created");
  expect(created.map((row) => row.id).sort()).toEqual(
    running.mock
      .groups()
      .map((g) => g.id)
      .sort(),
  );
  expect(created).toHaveLength(log.length);
  expect(summaryOf(run)).toMatchObject({ rows: 200_000, stoppedBy: "interrupted", failed: 0 });
  expect((summaryOf(run).created as number) + (summaryOf(run).notSent as number)).toBe(200_000);
}, 120_000);
