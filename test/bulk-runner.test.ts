/**
 * The bulk runner's decisions, with a client that answers as told: what each failure makes of a row,
 * and which failures stop the run after the first (so an unreachable Zoom is not retried row by row).
 */
import { describe, expect, test } from "vitest";
import { failureReason, type RowReport } from "../src/cli/bulk/report.ts";
import { RunStop, runBulk } from "../src/cli/bulk/runner.ts";
import {
  AuthenticationError,
  type CreatedImGroup,
  GroupNameConflictError,
  type ImGroupsClient,
  RateLimitError,
  ServerError,
  ZoomConnectionError,
  ZoomTimeoutError,
} from "../src/index.ts";
import { documentedMessage } from "../src/spec.ts";

const answer = (status: number, headers: Record<string, string> = {}) => ({
  status,
  body: "",
  headers: new Headers(headers),
  method: "POST",
  url: "https://api.zoom.us/v2/im/groups",
});
/** What the library throws when nothing left the machine: the connection was refused. */
const refused = () =>
  new ZoomConnectionError(
    "POST",
    "https://api.zoom.us/v2/im/groups",
    new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    }),
    "api",
    false, // the transport's verdict for a refused connection
  );

async function run(
  outcome: (name: string, call: number) => CreatedImGroup | Error,
  options: { rows?: number; concurrency?: number; resumed?: boolean; skipExisting?: boolean } = {},
) {
  const calls: string[] = [];
  const client: ImGroupsClient = {
    async createImGroup(body, callOptions) {
      callOptions?.stopRetrying?.throwIfAborted(); // a stopped run starts no call
      calls.push(body.name);
      await new Promise((resolve) => setImmediate(resolve)); // answered in a later turn: calls overlap
      const result = outcome(body.name, calls.length);
      if (result instanceof Error) throw result;
      return result;
    },
  } as ImGroupsClient;
  const stop = new RunStop();
  const lines: RowReport[] = [];
  const rows = Array.from({ length: options.rows ?? 20 }, (_, i) => ({
    row: i + 1,
    line: i + 2,
    body: { name: `G${i + 1}` },
  }));
  await runBulk({
    client,
    rows,
    resumed: options.resumed ?? false,
    skipExisting: options.skipExisting ?? false,
    concurrency: options.concurrency ?? 1,
    stop,
    report: (line) => lines.push(line),
    reportUnsent: (unsent) => lines.push(...unsent),
  });
  const outcomes = (outcome: string) => lines.filter((line) => line.outcome === outcome);
  return { calls, lines, stop, outcomes };
}

describe("failures every further row would meet stop the run after the first", () => {
  test.each([
    ["a refused connection (nothing was sent)", refused],
    ["a timeout", () => new ZoomTimeoutError("POST", "https://api.zoom.us/v2/im/groups", 30_000, "api")],
    ["a rejected token", () => new AuthenticationError(answer(401))],
  ])("%s: one row failed, the rest not-sent, the stop says why", async (_label, error) => {
    const { calls, stop, outcomes } = await run(() => error());
    expect(calls).toEqual(["G1"]);
    expect(stop.reason).toBe("fatal");
    expect(outcomes("failed")).toHaveLength(1);
    expect(outcomes("not-sent")).toHaveLength(19);
    expect(outcomes("not-sent").every((line) => line.reason === "fatal")).toBe(true);
  });

  test("a refused connection never says the group may exist", async () => {
    const { lines } = await run(() => refused(), { concurrency: 4 });
    expect(lines.some((line) => line.mayHaveChanged)).toBe(false);
    expect(JSON.stringify(lines)).not.toContain("mayHaveChanged");
  });

  test("a 5xx fails only its row, which may exist", async () => {
    const { calls, stop, outcomes } = await run((name) =>
      name === "G3" ? new ServerError(answer(503)) : { status: 201, id: name },
    );
    expect(calls).toHaveLength(20);
    expect(stop.reason).toBeUndefined();
    expect(outcomes("failed")).toEqual([expect.objectContaining({ name: "G3", mayHaveChanged: true })]);
  });
});

describe("what a 409 means", () => {
  const conflict = (mayHaveChanged: boolean) => {
    const error = new GroupNameConflictError(answer(409));
    Object.defineProperty(error, "mayHaveChanged", { value: mayHaveChanged });
    return error;
  };

  test("after an attempt of the same call that may have created the group: created, unconfirmed", async () => {
    const { outcomes } = await run(() => conflict(true), { rows: 3 });
    expect(outcomes("created")).toEqual([
      expect.objectContaining({ confirmed: false }),
      expect.objectContaining({ confirmed: false }),
      expect.objectContaining({ confirmed: false }),
    ]);
  });

  test("in a resumed run, or with --skip-existing: exists; otherwise a failure", async () => {
    expect((await run(() => conflict(false), { rows: 2, resumed: true })).outcomes("exists")).toHaveLength(2);
    expect((await run(() => conflict(false), { rows: 2, skipExisting: true })).outcomes("exists")).toHaveLength(2);
    expect((await run(() => conflict(false), { rows: 2 })).outcomes("failed")).toHaveLength(2);
  });
});

test("a daily limit stops the run; the row that met it is not-sent, and the stop knows when it resets", async () => {
  const daily = new RateLimitError(
    answer(429, { "x-ratelimit-type": "Daily-limit", "retry-after": "2030-01-02T00:00:00Z" }),
  );
  const { calls, stop, outcomes } = await run((_name, call) => (call > 5 ? daily : { status: 201, id: `g${call}` }));
  expect(calls).toHaveLength(6);
  expect(stop.reason).toBe("daily-limit");
  expect((stop.error as RateLimitError).retryAfter?.toISOString()).toBe("2030-01-02T00:00:00.000Z");
  expect(outcomes("created")).toHaveLength(5);
  expect(outcomes("not-sent")).toHaveLength(15);
});

test("rows never started are reported not-sent in one pass, in input order", async () => {
  const stop = new RunStop();
  stop.stop("interrupted");
  const unsent: RowReport[][] = [];
  await runBulk({
    client: { createImGroup: () => Promise.reject(new Error("not called")) } as unknown as ImGroupsClient,
    rows: Array.from({ length: 50_000 }, (_, i) => ({ row: i + 1, line: i + 2, body: { name: `G${i}` } })),
    resumed: false,
    skipExisting: false,
    concurrency: 8,
    stop,
    report: () => {
      throw new Error("no row was started");
    },
    reportUnsent: (lines) => unsent.push(lines),
  });
  expect(unsent).toHaveLength(1);
  expect(unsent[0]?.map((line) => line.row)).toEqual(Array.from({ length: 50_000 }, (_, i) => i + 1));
});

describe("failures are grouped by a reason read from the error's facts, the same for every row", () => {
  const failed = (name: string, status: number | undefined, code: number | undefined, message: string) => ({
    name,
    message: `${message} Advice. [POST u → HTTP ${status}]`,
    ...(status ? { status } : {}),
    ...(code ? { code } : {}),
  });

  test.each([
    [failed("AuthenticationError", 401, 124, "Invalid access token for a."), `HTTP 401 ${documentedMessage("401")}`],
    [
      failed("GroupNameConflictError", 409, 4132, "Group name Sales is already in use."),
      "HTTP 409 Group name … is already in use.",
    ],
    [
      failed("BadRequestError", 400, 300, "Validation Failed. Field errors: name: too long."),
      `HTTP 400 ${documentedMessage("400")}`,
    ],
    [failed("ServerError", 502, undefined, "Bad gateway for Team A."), "HTTP 502 ServerError"],
    [failed("ZoomApiError", 418, 7, "I am a teapot, Team A."), "HTTP 418 ZoomApiError (Zoom code 7)"],
    [failed("ZoomTimeoutError", undefined, undefined, "POST u: no answer for Team A within 30 s."), "ZoomTimeoutError"],
  ])("%j: %s", (error, reason) => {
    expect(failureReason(error)).toBe(reason);
  });

  test("a message that differs row by row (it names the row) never splits a group", () => {
    const a = failed("ServerError", 503, undefined, "Busy while creating Alpha.");
    const b = failed("ServerError", 503, undefined, "Busy while creating Beta: try later.");
    expect(failureReason(a)).toBe(failureReason(b));
  });
});
