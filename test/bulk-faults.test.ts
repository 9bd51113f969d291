/**
 * Bulk runs that lose nothing (issue "Bulk runs that lose nothing"): the spawned CLI against the mock
 * with injected faults, a daily limit, a server that keeps failing, and Ctrl-C. Times are asserted only
 * as generous upper bounds (the figures come from `npm run bench`).
 */

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { createMockZoom, type MockRequestLog } from "../src/testing/index.ts";
import { cli, type Run, useCliWorkspace } from "./support/cli.ts";

const { file, mockZoom } = useCliWorkspace("zoom-bulk-faults-");
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});
const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
const csv = (rows: string[]) => `name\n${rows.join("\n")}\n`;
const rowsOf = (run: Run) => run.lines.filter((line) => line.type === "row");
const summaryOf = (run: Run) => run.lines.at(-1) as Record<string, unknown>;
const creates = (log: MockRequestLog[]) =>
  log.filter((entry) => entry.method === "POST" && entry.path === "/v2/im/groups");

describe("1. a daily limit stops the run at once", () => {
  test("the first Daily-limit 429 stops all sending; the rest are not-sent; the summary says when and how to resume", async () => {
    const { running, log, env } = await mockZoom({ dailyLimit: 5 });
    const run = await cli(
      ["create", "--file", await file("daily.csv", csv(names(20, "Daily"))), "--concurrency", "1"],
      env,
    );
    expect(run.code).toBe(1);
    expect(running.mock.groups()).toHaveLength(5);
    // Five creates, one 429, and nothing after it.
    expect(creates(log).map((entry) => entry.status)).toEqual([201, 201, 201, 201, 201, 429]);
    const summary = summaryOf(run);
    const midnight = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`).getTime() + 86_400_000;
    expect(summary).toMatchObject({
      created: 5,
      notSent: 15,
      failed: 0,
      stoppedBy: "daily-limit",
      resetsAt: new Date(midnight).toISOString(),
    });
    expect(summary.resume).toMatch(/^zoom-im-groups create --file \S+daily\.csv --concurrency 1 --resume /);
    expect(
      rowsOf(run)
        .filter((row) => row.outcome === "not-sent")
        .every((row) => row.reason === "daily-limit"),
    ).toBe(true);
    expect(run.stderr).toContain("Zoom's daily limit is used up: sending stopped at once; 15 rows were not sent.");
    expect(run.stderr).toContain(`It resets at ${new Date(midnight).toISOString()}`);
    expect(summary.elapsedMs as number).toBeLessThan(10_000); // it was 180 s: the pacer held every 429 for 60 s
  });

  test("with calls in flight, only those already sent finish; an exhausted account sends one request", async () => {
    const { log, env } = await mockZoom({ dailyLimit: 3, faults: { latencyMs: [30, 30] } });
    const path = await file("daily-wide.csv", csv(names(40, "Wide")));
    const first = await cli(["create", "--file", path, "--concurrency", "8", "--rate", "200"], env);
    expect(first.code).toBe(1);
    const firstLimited = creates(log).findIndex((entry) => entry.status === 429);
    // After the first 429 reaches the client, at most the 7 other calls already on the wire are answered.
    expect(creates(log).length - firstLimited - 1).toBeLessThanOrEqual(7);
    const before = creates(log).length;
    const second = await cli(["create", "--file", path, "--concurrency", "1"], env);
    expect(second.code).toBe(1);
    expect(creates(log).length - before).toBe(1);
    expect(summaryOf(second)).toMatchObject({ created: 0, notSent: 40 });
  });
});

describe("2. --resume", () => {
  test("a cut-off output resumes: done rows keep their ids and are not sent; the rest are, exactly once", async () => {
    const first = await mockZoom({ dailyLimit: 6 });
    const input = await file("resume.csv", csv(names(20, "Resume")));
    const run1 = await cli(["create", "--file", input, "--concurrency", "1"], first.env);
    expect(summaryOf(run1)).toMatchObject({ created: 6, notSent: 14 });
    // A crash mid-line: the output ends in the middle of the summary.
    const output = await file(
      "run1.jsonl",
      run1.stdout.slice(0, run1.stdout.lastIndexOf("\n", run1.stdout.length - 2) + 30),
    );
    const ids = new Map(
      rowsOf(run1)
        .filter((r) => r.outcome === "created")
        .map((r) => [r.name, r.id]),
    );

    // Edited between the runs: reordered, and one new row.
    const edited = await file("resume-edited.csv", csv([...names(20, "Resume").reverse(), "Resume new"]));
    const fresh = await mockZoom();
    const run2 = await cli(["create", "--file", edited, "--resume", output], fresh.env);
    expect(run2.code).toBe(0);
    expect(creates(fresh.log)).toHaveLength(15);
    expect(
      fresh.running.mock
        .groups()
        .map((g) => g.name)
        .sort(),
    ).toEqual([...names(20, "Resume").slice(6), "Resume new"].sort());
    const rows2 = rowsOf(run2);
    expect(rows2).toHaveLength(21);
    expect(new Set(rows2.map((r) => r.name)).size).toBe(21);
    for (const [name, id] of ids)
      expect(rows2.find((r) => r.name === name)).toMatchObject({ outcome: "created", id, resumed: true });
    expect(summaryOf(run2)).toMatchObject({ rows: 21, created: 21, resumed: 6, notSent: 0 });

    // The resumed run's output resumes too: nothing left to send.
    const output2 = await file("run2.jsonl", run2.stdout);
    const run3 = await cli(["create", "--file", edited, "--resume", output2], fresh.env);
    expect(run3.code).toBe(0);
    expect(creates(fresh.log)).toHaveLength(15);
    expect(summaryOf(run3)).toMatchObject({ created: 21, resumed: 21 });
  });

  test("a row left not-sent after an attempt that may have reached Zoom: its 409 on resume is `created`, unconfirmed", async () => {
    const { running, env } = await mockZoom();
    await running.mock.handle(
      new Request(`${running.url}/im/groups`, {
        method: "POST",
        headers: { Authorization: "Bearer x", "content-type": "application/json" },
        body: JSON.stringify({ name: "Maybe" }),
      }),
    );
    const prior = await file(
      "maybe.jsonl",
      `${JSON.stringify({ type: "row", row: 1, line: 2, name: "Maybe", outcome: "not-sent", reason: "interrupted", mayExist: true })}\n`,
    );
    const run = await cli(["create", "--file", await file("maybe.csv", "name\nMaybe\n"), "--resume", prior], env);
    expect(run.code).toBe(0);
    expect(rowsOf(run)).toEqual([expect.objectContaining({ name: "Maybe", outcome: "created", confirmed: false })]);
  });
});

test("3. Ctrl-C stops sending: retry waits end, no request leaves after the signal, exit 130 at once", async () => {
  const received: number[] = [];
  const server = createServer((req, res) => {
    req.resume();
    received.push(performance.now());
    res.writeHead(503, { "retry-after": "3", "content-type": "application/json" }).end('{"code":503,"message":"busy"}');
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  let interruptedAt = 0;
  let spawned: { kill(signal: NodeJS.Signals): boolean } | undefined;
  const child = cli(
    ["create", "--file", await file("busy.csv", csv(names(8, "Busy"))), "--concurrency", "4"],
    {
      ZOOM_API_URL: url,
      ZOOM_ACCESS_TOKEN: "t",
    },
    {
      onStart: (process) => {
        spawned = process;
      },
    },
  );
  // Once the first four calls have met their 503 and wait 3 s to retry, interrupt.
  const deadline = Date.now() + 20_000;
  while (received.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 300));
  interruptedAt = performance.now();
  spawned?.kill("SIGINT");
  const run = await child;
  expect(run.code).toBe(130);
  expect(received.filter((at) => at > interruptedAt)).toEqual([]);
  // "At once": it took 15 s before (every call retried its 503 five times); a generous bound for a busy host.
  expect(performance.now() - interruptedAt).toBeLessThan(5_000);
  const rows = rowsOf(run);
  expect(rows).toHaveLength(8);
  expect(rows.every((row) => row.outcome === "not-sent" && row.reason === "interrupted")).toBe(true);
  expect(rows.filter((row) => row.mayExist === true)).toHaveLength(4);
  expect(summaryOf(run)).toMatchObject({ interrupted: true, notSent: 8, failed: 0 });
});

test("4. lost answers are never failures: a 409 after a dropped answer is created, unconfirmed", async () => {
  const { running, log, env } = await mockZoom({ faults: { dropRate: 0.3, seed: 11 } });
  const run = await cli(["create", "--file", await file("drops.csv", csv(names(30, "Drop"))), "--rate", "100"], env);
  expect(run.code).toBe(0);
  expect(log.some((entry) => entry.fault === "drop")).toBe(true);
  const summary = summaryOf(run);
  expect(summary).toMatchObject({ created: 30, failed: 0 });
  expect(summary.unconfirmed as number).toBeGreaterThan(0);
  const onServer = new Map(running.mock.groups().map((g) => [g.name, g.id]));
  expect(onServer.size).toBe(30);
  for (const row of rowsOf(run)) {
    if (row.confirmed === false) expect(onServer.has(row.name as string)).toBe(true);
    else expect(row.id).toBe(onServer.get(row.name as string));
  }
});

describe("5. fault injection in the mock", () => {
  const post = (name: string) =>
    new Request("http://mock/v2/im/groups", {
      method: "POST",
      headers: { Authorization: "Bearer t", "content-type": "application/json" },
      body: JSON.stringify({ name }),
    });

  test("--fail-rate answers 500/502/503 (some HTML) without creating; the mock's state stays the truth", async () => {
    const mock = createMockZoom({ faults: { failRate: 1, seed: 2 } });
    const statuses = new Set<number>();
    const types = new Set<string>();
    for (const name of names(30, "Fail")) {
      const response = await mock.handle(post(name));
      statuses.add(response.status);
      types.add(response.headers.get("content-type") ?? "");
    }
    expect([...statuses].sort()).toEqual([500, 502, 503]);
    expect(types).toContain("text/html");
    expect(mock.groups()).toEqual([]);
  });

  test("--drop-rate creates, then answers nothing (a network error)", async () => {
    const mock = createMockZoom({ faults: { dropRate: 1 } });
    const response = await mock.handle(post("Dropped"));
    expect(response.type).toBe("error");
    expect(mock.groups().map((g) => g.name)).toEqual(["Dropped"]);
    const { running } = await mockZoom({ faults: { dropRate: 1 } });
    await expect(
      fetch(`${running.url}/im/groups`, {
        method: "POST",
        headers: { Authorization: "Bearer t", "content-type": "application/json" },
        body: '{"name":"Over HTTP"}',
      }),
    ).rejects.toThrow();
    expect(running.mock.groups().map((g) => g.name)).toEqual(["Over HTTP"]);
  });

  test("--seed makes the faults repeatable whatever order the names arrive in", async () => {
    const outcome = async (seed: number, order: string[]) => {
      const mock = createMockZoom({ faults: { failRate: 0.3, dropRate: 0.3, seed } });
      const result = new Map<string, string>();
      for (const name of order) {
        const response = await mock.handle(post(name));
        result.set(name, response.type === "error" ? "drop" : String(response.status));
      }
      return [...result.entries()].sort();
    };
    const order = names(40, "Seeded");
    expect(await outcome(5, order)).toEqual(await outcome(5, [...order].reverse()));
    expect(await outcome(5, order)).not.toEqual(await outcome(6, order));
  });

  test("--latency delays answers", async () => {
    const mock = createMockZoom({ faults: { latencyMs: [60, 80] } });
    const started = performance.now();
    await mock.handle(post("Slow"));
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  test("the mock command takes the fault options, and refuses bad ones", async () => {
    const bad = await Promise.all([
      cli(["mock", "--fail-rate", "1.5"]),
      cli(["mock", "--drop-rate", "x"]),
      cli(["mock", "--latency", "50-5"]),
      cli(["mock", "--seed", "-1"]),
    ]);
    expect(bad.map((run) => run.code)).toEqual([2, 2, 2, 2]);
    const lines: string[] = [];
    const run = await cli(
      ["mock", "--fail-rate", "100%", "--seed", "3"],
      {},
      {
        onLine: (line, child) => {
          lines.push(line);
          if (lines.length !== 1) return;
          fetch(`${line}/im/groups`, {
            method: "POST",
            headers: { Authorization: "Bearer t", "content-type": "application/json" },
            body: '{"name":"F"}',
          }).finally(() => child.kill("SIGINT"));
        },
      },
    );
    expect(run.code).toBe(0);
    expect(lines[1]).toMatch(/^POST \/v2\/im\/groups → 50[023] .*\[fail\]/);
  });
});
