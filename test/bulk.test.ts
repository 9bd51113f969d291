/**
 * Bulk runs (`create --file`), in process against the mock Zoom on loopback: input rules, what is sent,
 * what every line and the summary report, stops, resume. No elapsed time is asserted: stops are checked by
 * what was sent and written after them; the figures come from `npm run bench`.
 */

import { openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { AdaptivePacer } from "../src/pacer.ts";
import { documentedMessage } from "../src/spec.ts";
import type { MockRequestLog } from "../src/testing/index.ts";
import { cli, csv, names, rowsOf, summaryOf, useCliWorkspace } from "./support/cli.ts";

const workspace = useCliWorkspace("zoom-bulk-");
const { file, mockZoom, listen } = workspace;
const creates = (log: MockRequestLog[]) =>
  log.filter((entry) => entry.method === "POST" && entry.path === "/v2/im/groups");
afterEach(() => {
  vi.restoreAllMocks();
});
const groupNames = () => (workspace.running?.mock.groups() ?? []).map((g) => g.name).sort();

/** A loopback server answering every create with `status` and `body`; counts what it received. */
async function serverAnswering(status: number, body: object, headers: Record<string, string> = {}) {
  const received: string[] = [];
  const origin = await listen((req, res) => {
    req.resume();
    received.push(req.url ?? "");
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  });
  return { received, env: { ZOOM_API_URL: `${origin}/v2`, ZOOM_ACCESS_TOKEN: "t" } };
}

describe("what is sent and reported", () => {
  test("against a rate-limited mock every row is created and the 429s are absorbed", async () => {
    const { env } = await mockZoom({ rateLimit: 4 });
    // 12 sends take 0.24 s at 50/s: however they straddle the mock's one-second windows, one gets 6 or more.
    const run = await cli(["create", "--file", await file("many.csv", csv(names(12))), "--rate", "50"], env, {
      terminalWidth: 200,
    });
    expect(run.code).toBe(0);
    const summary = summaryOf(run) as { created: number; failed: number; rateLimited: number };
    expect(summary).toMatchObject({ created: 12, failed: 0 });
    expect(summary.rateLimited).toBeGreaterThan(0);
    expect(groupNames()).toHaveLength(12);
    // The 429s lowered the pacer below --rate: the progress line shows its rate, the summary when and to what.
    expect(run.stderr).toMatch(/ · paced \d+\.\d\/s · /);
    expect(summaryOf(run).adapted).toMatchObject({ ceiling: 50, settledRate: expect.any(Number) });
    expect(run.stderr).toMatch(/rate: lowered from --rate 50\/s after \d+\.\d s .*; [\d.]+\/s on average since\./);
    // The ceiling that fits, not a guess about other apps.
    const fits = Number(/next time, --rate (\d+)\./.exec(run.stderr)?.[1]);
    expect(fits).toBeGreaterThanOrEqual(1);
    expect(fits).toBeLessThan(50);
    expect(run.stderr).not.toContain("shared with its other apps");
  });

  test("--skip-existing makes a re-run create nothing twice; without it the summary groups the failures", async () => {
    const { env } = await mockZoom();
    const path = await file("rerun.csv", csv(names(5, "Team")));
    expect((await cli(["create", "--file", path], env)).code).toBe(0);
    const rerun = await cli(["create", "--file", path, "--skip-existing"], env);
    expect(rerun.code).toBe(0);
    expect(summaryOf(rerun)).toMatchObject({ created: 0, exists: 5, failed: 0 });
    const again = await cli(["create", "--file", path], env);
    expect(again.code).toBe(1);
    expect(summaryOf(again)).toMatchObject({ failed: 5, failures: { "HTTP 409 Group name … is already in use.": 5 } });
    expect(again.stderr).toContain("5 failed: HTTP 409 Group name … is already in use. (5)");
    // Every failure a 409: the hint re-runs with --skip-existing, not --resume.
    expect(summaryOf(again).resume).toMatch(/^zoom-im-groups create --file \S+rerun\.csv --skip-existing --output /);
    expect(groupNames()).toHaveLength(5);
  });

  test("the summary groups failures by reason with counts", async () => {
    const { env } = await serverAnswering(400, { code: 300, message: "Validation Failed." });
    const run = await cli(["create", "--file", await file("refused.csv", csv(names(3, "Refused")))], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`3 failed: HTTP 400 ${documentedMessage("400")} (3)`);
  });

  test("lost answers are never failures: a 409 after a dropped answer is created, unconfirmed", async () => {
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

  test("many calls in flight print no MaxListenersExceededWarning", async () => {
    const { env } = await mockZoom({ faults: { latencyMs: [20, 40] } });
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.name);
    process.on("warning", listen);
    const run = await cli(["create", "--file", await file("wide.csv", csv(names(96, "Wide"))), "--rate", "500"], env);
    process.off("warning", listen);
    expect(run.code).toBe(0);
    expect(groupNames()).toHaveLength(96);
    expect(warnings).toEqual([]);
  });
});

describe("stops", () => {
  test("a daily limit stops all sending at once; the summary says when it resets and how to resume", async () => {
    const { running, log, env } = await mockZoom({ dailyLimit: 5 });
    const before = Date.now();
    const run = await cli(
      [
        "create",
        "--file",
        await file("daily.csv", csv(names(20, "Daily"))),
        "--concurrency",
        "1",
        "--output",
        "d1.jsonl",
      ],
      env,
      { cwd: workspace.dir },
    );
    const after = Date.now();
    expect(run.code).toBe(1);
    expect(running.mock.groups()).toHaveLength(5);
    expect(creates(log).map((entry) => entry.status)).toEqual([201, 201, 201, 201, 201, 429]);
    const lines = readFileSync(join(workspace.dir, "d1.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const summary = lines.at(-1);
    // The next UTC midnight after the 429 (the run may straddle one).
    const midnight = (at: number) =>
      new Date(`${new Date(at).toISOString().slice(0, 10)}T00:00:00Z`).getTime() + 86_400_000;
    expect([new Date(midnight(before)).toISOString(), new Date(midnight(after)).toISOString()]).toContain(
      summary.resetsAt,
    );
    expect(summary).toMatchObject({ created: 5, notSent: 15, failed: 0, stoppedBy: "daily-limit" });
    expect(summary.resume).toMatch(
      /^zoom-im-groups create --file \S+daily\.csv --concurrency 1 --resume d1\.jsonl --output d1\.resumed\.jsonl$/,
    );
    expect(lines.filter((row) => row.outcome === "not-sent").every((row) => row.reason === "daily-limit")).toBe(true);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Zoom's daily limit is used up: sending stopped at once; 15 rows were not sent.");
    expect(run.stderr).toContain(`To send the rest after the reset: ${summary.resume}`);
  });

  test("with calls in flight, only those already sent finish; an exhausted account sends one request", async () => {
    const { log, env } = await mockZoom({ dailyLimit: 3, faults: { latencyMs: [30, 30] } });
    const path = await file("daily-wide.csv", csv(names(40, "Wide")));
    const first = await cli(["create", "--file", path, "--concurrency", "8", "--rate", "200"], env);
    expect(first.code).toBe(1);
    const firstLimited = creates(log).findIndex((entry) => entry.status === 429);
    expect(creates(log).length - firstLimited - 1).toBeLessThanOrEqual(7);
    const sent = creates(log).length;
    const second = await cli(["create", "--file", path, "--concurrency", "1"], env);
    expect(second.code).toBe(1);
    expect(creates(log).length - sent).toBe(1);
    expect(summaryOf(second)).toMatchObject({ created: 0, notSent: 40 });
  });

  test("Ctrl-C during retry waits: no request leaves after it, exit 130 at once; sent rows failed, the rest not-sent", async () => {
    const { received, env } = await serverAnswering(503, { code: 503, message: "busy" }, { "retry-after": "50" });
    // The pacer is asked how long a retry waits just before the wait starts (in the same turn): four asks are
    // the four calls in their 50 s retry waits.
    let retryWaits = 0;
    let fourWaiting: () => void = () => {};
    const fourInRetryWaits = new Promise<void>((resolve) => (fourWaiting = resolve));
    const realDelay = AdaptivePacer.prototype.retryDelayMs;
    vi.spyOn(AdaptivePacer.prototype, "retryDelayMs").mockImplementation(function (this: AdaptivePacer, ...args) {
      if (++retryWaits === 4) fourWaiting();
      return realDelay.apply(this, args);
    });
    let control: { interrupt(): void } | undefined;
    const running = cli(
      ["create", "--file", await file("busy.csv", csv(names(8, "Busy"))), "--concurrency", "4"],
      env,
      {
        onStart: (given) => {
          control = given;
        },
      },
    );
    // Once the first four calls have met their 503 and wait 50 s to retry, interrupt. A stop that did not end
    // those waits would outlast the test's timeout.
    await fourInRetryWaits;
    expect(received).toHaveLength(4);
    const arrivedBeforeStop = received.length;
    control?.interrupt();
    const run = await running;
    expect(run.code).toBe(130);
    // Nothing left after the stop, and none of the four was retried (15 s before: every 503 was retried).
    expect(received.length).toBe(arrivedBeforeStop);
    expect(received).toHaveLength(4);
    const rows = rowsOf(run);
    expect(rows).toHaveLength(8);
    expect(rows.every((row) => row.reason === "interrupted")).toBe(true);
    // The four sent got a 5xx: failed, cut short, each may have created its group; the four never sent may not.
    const sent = rows.filter((row) => row.outcome === "failed");
    expect(sent).toHaveLength(4);
    expect(sent.every((row) => row.mayHaveChanged === true)).toBe(true);
    expect(rows.filter((row) => row.outcome === "not-sent" && !("mayHaveChanged" in row))).toHaveLength(4);
    expect(summaryOf(run)).toMatchObject({ stoppedBy: "interrupted", notSent: 4, failed: 4 });
  });

  test("Ctrl-C: every created group is on stdout, the rest not-sent, and the progress line shows the real counts", async () => {
    const { env, running } = await mockZoom();
    let interrupted = false;
    const run = await cli(["create", "--file", await file("slow.csv", csv(names(200, "Slow"))), "--rate", "20"], env, {
      terminalWidth: 120,
      onLine: (line, control) => {
        if (!interrupted && line.includes('Slow 5"')) {
          interrupted = true;
          control.interrupt();
        }
      },
    });
    expect(run.code).toBe(130);
    const summary = summaryOf(run) as { created: number; notSent: number };
    const created = rowsOf(run)
      .filter((l) => l.outcome === "created")
      .map((l) => l.id)
      .sort();
    expect(created).toEqual(
      running.mock
        .groups()
        .map((g) => g.id)
        .sort(),
    );
    expect(summary.created + summary.notSent).toBe(200);
    const lastStatus = run.stderr.split("\r\u001b[K").filter(Boolean).at(-1) ?? "";
    expect(lastStatus).toContain(`${summary.created}/200 · ${summary.created} created · ${summary.notSent} not sent`);
  });

  test("a closed stdout stops sending (exit 141); every created group is on stdout or, after the close, stderr", async () => {
    const { env, running } = await mockZoom();
    let closed = false;
    const run = await cli(["create", "--file", await file("pipe.csv", csv(names(200, "Piped"))), "--rate", "20"], env, {
      onLine: (_line, control) => {
        if (closed) return;
        closed = true;
        control.closeStdout();
      },
    });
    expect(run.code).toBe(141);
    const server = running.mock
      .groups()
      .map((g) => g.id)
      .sort();
    expect(server.length).toBeLessThan(200);
    const onStderr = run.stderr
      .split("\n")
      .filter((line) => line.startsWith('{"type":"row"'))
      .map((line) => JSON.parse(line) as { id: string });
    const reported = [...rowsOf(run).filter((l) => l.outcome === "created"), ...onStderr].map((l) => l.id);
    expect(new Set(reported)).toEqual(new Set(server));
    expect(run.stderr).toContain("stdout was closed: sending stopped");
  });
});

describe("--output and --resume", () => {
  test("--output writes each line as soon as its row is decided, and stdout stays empty", async () => {
    const output = join(workspace.dir, "flushed.jsonl");
    const linesWhenAsked: number[] = [];
    const { env } = await mockZoom({
      onRequest: () => {
        linesWhenAsked.push(readFileSync(output, "utf8").split("\n").filter(Boolean).length);
      },
    });
    const run = await cli(
      ["create", "--file", await file("flush.csv", csv(names(6, "Flush"))), "--concurrency", "1", "--output", output],
      env,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    // When the mock answers request k, the k − 1 rows before it are already in the file.
    expect(linesWhenAsked).toEqual([0, 1, 2, 3, 4, 5]);
    const lines = readFileSync(output, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.outcome)).toEqual([...Array(6).fill("created"), undefined]);
    expect(lines.at(-1)).toMatchObject({ type: "summary", created: 6 });
  });

  test("--output never overwrites a file", async () => {
    const existing = await file("existing.jsonl", "keep me\n");
    const run = await cli(["create", "--file", await file("o.csv", csv(["A"])), "--output", existing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("already exists");
    expect(readFileSync(existing, "utf8")).toBe("keep me\n");
  });

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
    expect(run2.stderr).toContain("resuming from");
    expect(run2.stderr).toContain("6 groups created or existing there; 1 line of another shape ignored");
    expect(creates(fresh.log)).toHaveLength(15);
    expect(groupNames()).toEqual([...names(20, "Resume").slice(6), "Resume new"].sort());
    const rows2 = rowsOf(run2);
    expect(new Set(rows2.map((r) => r.name)).size).toBe(21);
    for (const [name, id] of ids)
      expect(rows2.find((r) => r.name === name)).toMatchObject({ outcome: "created", id, resumed: true });
    expect(summaryOf(run2)).toMatchObject({ rows: 21, created: 21, resumed: 6, notSent: 0 });

    // The resumed run's output resumes too: nothing left to send.
    const run3 = await cli(["create", "--file", edited, "--resume", await file("run2.jsonl", run2.stdout)], fresh.env);
    expect(run3.code).toBe(0);
    expect(creates(fresh.log)).toHaveLength(15);
    expect(summaryOf(run3)).toMatchObject({ created: 21, resumed: 21 });
  });

  test("in a resumed run a 409 means the group exists: never failed, never created", async () => {
    const { running, env } = await mockZoom();
    for (const name of ["R1", "R2"])
      await running.mock.handle(
        new Request(`${running.url}/im/groups`, {
          method: "POST",
          headers: { Authorization: "Bearer x", "content-type": "application/json" },
          body: JSON.stringify({ name }),
        }),
      );
    const prior = await file(
      "maybe.jsonl",
      ["R1", "R2", "R3"]
        .map((name, i) =>
          JSON.stringify({ type: "row", row: i + 1, line: i + 2, name, outcome: "not-sent", reason: "fatal" }),
        )
        .join("\n"),
    );
    const run = await cli(["create", "--file", await file("maybe.csv", "name\nR1\nR2\nR3\n"), "--resume", prior], env);
    expect(run.code).toBe(0);
    expect(rowsOf(run).map((row) => [row.name, row.outcome, row.confirmed])).toEqual([
      ["R1", "exists", undefined],
      ["R2", "exists", undefined],
      ["R3", "created", undefined],
    ]);
  });

  test.each([
    ["the input CSV", "name\nA\n"],
    ["a JSON array", '[{"type":"row","row":1,"line":2,"name":"A","outcome":"created"}]'],
    ["rows of the wrong types", '{"type":"row","row":"1","line":2,"name":"A","outcome":"created"}\n'],
  ])("--resume refuses %s (exit 2, nothing sent)", async (_label, content) => {
    const { log, env } = await mockZoom();
    const run = await cli(
      ["create", "--file", await file("r.csv", "name\nA\n"), "--resume", await file("r.jsonl", content)],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no line in it was written by a run of zoom-im-groups");
    expect(creates(log)).toEqual([]);
  });

  test("--resume refuses the file this run's stdout goes to: the shell emptied it", async () => {
    const { log, env } = await mockZoom();
    const path = await file(
      "same.jsonl",
      `${JSON.stringify({ type: "row", row: 1, line: 2, name: "A", outcome: "created" })}\n`,
    );
    const fd = openSync(path, "w"); // what `> same.jsonl` does before the command starts
    const run = await cli(["create", "--file", await file("s.csv", "name\nA\n"), "--resume", path], env, {
      stdoutFd: fd,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is also this run's stdout: the shell emptied it");
    expect(creates(log)).toEqual([]);
  });

  test("fields of the wrong type in a resume file are not copied into the new output", async () => {
    const { env } = await mockZoom();
    const prior = await file(
      "typed.jsonl",
      `${JSON.stringify({ type: "row", row: 1, line: 2, name: "T", outcome: "created", id: { evil: 1 }, trackingId: 12345, location: "/v2/im/groups/g1" })}\n`,
    );
    const run = await cli(["create", "--file", await file("t.csv", "name\nT\n"), "--resume", prior], env);
    expect(run.code).toBe(0);
    expect(rowsOf(run)).toEqual([
      { type: "row", row: 1, line: 2, name: "T", outcome: "created", location: "/v2/im/groups/g1", resumed: true },
    ]);
  });

  test("from stdin, the hint says the same input must be piped in again", async () => {
    const { env } = await mockZoom({ dailyLimit: 1 });
    const run = await cli(["create", "--file", "-", "--output", "piped.jsonl"], env, {
      input: csv(names(3, "Piped")),
      cwd: workspace.dir,
    });
    expect(run.code).toBe(1);
    expect(
      summaryOf({
        ...run,
        lines: readFileSync(join(workspace.dir, "piped.jsonl"), "utf8")
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l)),
      }).resume,
    ).toBe("… | zoom-im-groups create --file - --resume piped.jsonl --output piped.resumed.jsonl");
    expect(run.stderr).toContain("pipe the same input in again");
  });
});
