/**
 * Bulk runs as admins meet Zoom: the built CLI, spawned, against the mock Zoom on loopback with the
 * latency and faults of a real network. Figures are measured where Zoom would see them (creates as they
 * arrive at the mock) or where the admin would (the process's exit).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type MockRequestLog, type StartMockZoomOptions, startMockZoom } from "../src/testing/index.ts";

const BIN = resolve(import.meta.dirname, "../dist/cli/main.js");
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
type Line = Record<string, unknown>;

/** Runs `zoom-im-groups create …`; `onLine` sees each stdout line (to interrupt it, say). */
export function create(
  args: string[],
  env: Record<string, string>,
  onLine?: (line: string, child: ChildProcess) => void,
) {
  return new Promise<{ code: number | null; lines: Line[]; exitedAt: number }>((done) => {
    const child = spawn(process.execPath, [BIN, "create", ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "ignore"],
    });
    const chunks: Buffer[] = [];
    let partial = "";
    child.stdout.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) onLine?.(line, child);
    });
    child.on("close", (code) => {
      const exitedAt = performance.now(); // before the lines are parsed
      done({ code, lines: jsonLines(Buffer.concat(chunks).toString()), exitedAt });
    });
  });
}

const jsonLines = (text: string): Line[] =>
  text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
type Counts = "created" | "unconfirmed" | "failed" | "notSent" | "resumed" | "rateLimited";
export const summaryOf = (lines: Line[]) => (lines.at(-1) ?? {}) as Record<Counts, number>;
const rowsOf = (lines: Line[]) => lines.filter((line) => line.type === "row");

export interface Session {
  dir: string;
  file: string;
  env: Record<string, string>;
  mock: Awaited<ReturnType<typeof startMockZoom>>["mock"];
  log: MockRequestLog[];
  /** When each create arrived (its answer is logged `latencyMs` later). */
  arrivals: number[];
  /** Stops the mock: nothing listens on its port any more. */
  close(): Promise<void>;
}

/** A CSV of `rows` names and a mock Zoom with `options`, for the length of `measure`. */
export async function withRun<T>(
  rows: number,
  options: StartMockZoomOptions,
  measure: (session: Session) => Promise<T>,
) {
  const dir = await mkdtemp(join(tmpdir(), "zoom-bench-"));
  const file = join(dir, "groups.csv");
  await writeFile(file, `name\n${Array.from({ length: rows }, (_, i) => `Group ${i + 1}`).join("\n")}\n`);
  const latencyMs = options.faults?.latencyMs?.[0] ?? 0;
  const log: MockRequestLog[] = [];
  const arrivals: number[] = [];
  const running = await startMockZoom({
    ...options,
    onRequest: (entry) => {
      log.push(entry);
      arrivals.push(performance.now() - latencyMs);
    },
  });
  const env = { ZOOM_API_URL: running.url, ZOOM_ACCESS_TOKEN: "bench" };
  try {
    return await measure({ dir, file, env, mock: running.mock, log, arrivals, close: running.close });
  } finally {
    await running.close().catch(() => undefined); // closed already by `close`

    await rm(dir, { recursive: true, force: true });
  }
}

/** Default flags but --rate, against a mock as limited as the rate: requests per second at the mock ÷ rate. */
const measureRate = (rate: number, latencyMs: number, rows: number) =>
  withRun(rows, { rateLimit: rate, faults: { latencyMs: [latencyMs, latencyMs] } }, async ({ file, env, arrivals }) => {
    const run = await create(["--file", file, "--rate", String(rate)], env);
    const span = Math.max(...arrivals) - Math.min(...arrivals);
    const ratio = round(((arrivals.length - 1) * 1000) / span / rate, 3);
    return { rate, latencyMs, rows, ratio, rateLimited: summaryOf(run.lines).rateLimited };
  });

/** 30 % of attempts answered 5xx: attempts per second over the steady middle of a run, then Ctrl-C. */
const measureRetries = (rate: number, seconds: number) =>
  withRun(rate * seconds * 2, { faults: { failRate: 0.3, latencyMs: [100, 100], seed: 3 } }, async (session) => {
    const { file, env, arrivals, log } = session;
    await create(["--file", file, "--rate", String(rate)], env, (_line, child) => {
      if (child.signalCode === null && performance.now() - (arrivals[0] ?? Infinity) > seconds * 1000)
        child.kill("SIGINT");
    });
    const first = arrivals[0] as number;
    const steady = arrivals.filter((at) => at >= first + 1000 && at < first + (seconds - 0.5) * 1000).length;
    const failures = log.filter((entry) => entry.fault === "fail").length;
    return { rate, ratio: round(steady / (seconds - 1.5) / rate, 3), attempts: arrivals.length, failures };
  });

/** Ctrl-C after the 50th created row of a huge run: seconds to exit, and created groups with no line. */
export const measureStop = (rows: number) =>
  withRun(rows, {}, async ({ file, env, mock }) => {
    let interruptedAt = 0;
    let created = 0;
    const run = await create(["--file", file, "--rate", "200"], env, (line, child) => {
      if (interruptedAt === 0 && line.includes('"outcome":"created"') && ++created === 50) {
        interruptedAt = performance.now();
        child.kill("SIGINT");
      }
    });
    const reported = new Set(rowsOf(run.lines).map((row) => row.id));
    const unreported = mock.groups().filter((group) => !reported.has(group.id)).length;
    return {
      rows,
      seconds: round((run.exitedAt - interruptedAt) / 1000),
      created: summaryOf(run.lines).created,
      unreported,
    };
  });

/** A closed port: seconds to give up, and rows said to be possibly created although nothing was sent. */
const measureUnreachable = (rows: number) =>
  withRun(rows, {}, async ({ file, env, close }) => {
    await close();
    const started = performance.now();
    const run = await create(["--file", file], env);
    const { failed, notSent } = summaryOf(run.lines);
    const mayHaveCreated = rowsOf(run.lines).filter((row) => row.mayHaveCreated === true).length;
    return { rows, seconds: round((run.exitedAt - started) / 1000), failed, notSent, mayHaveCreated };
  });

/** 10 % of answers lost after creating, 10 % 5xx, 5–50 ms: does every line agree with the mock? */
const measureFaults = (rows: number) =>
  withRun(rows, { faults: { dropRate: 0.1, failRate: 0.1, latencyMs: [5, 50], seed: 20261129 } }, async (session) => {
    const started = performance.now();
    const run = await create(["--file", session.file, "--rate", "200"], session.env);
    const onServer = new Map(session.mock.groups().map((group) => [group.name, group.id]));
    const disagreements = rowsOf(run.lines).filter((row) => {
      const name = String(row.name);
      if (row.outcome !== "created") return row.outcome === "failed" && onServer.has(name);
      return row.confirmed === false ? !onServer.has(name) : onServer.get(name) !== row.id;
    }).length;
    const { created, unconfirmed, failed } = summaryOf(run.lines);
    const faults = (kind: string) => session.log.filter((entry) => entry.fault === kind).length;
    const seconds = round((run.exitedAt - started) / 1000);
    return {
      rows,
      drops: faults("drop"),
      failures: faults("fail"),
      created,
      unconfirmed,
      failed,
      groups: onServer.size,
      disagreements,
      seconds,
    };
  });

/** Zoom's daily limit after `dailyLimit` of `rows`, then `--resume` of that run against a fresh mock. */
const measureDailyLimit = (rows: number, dailyLimit: number) =>
  withRun(rows, { dailyLimit }, async ({ dir, file, env, log, arrivals }) => {
    const output = join(dir, "run1.jsonl");
    const first = await create(["--file", file, "--rate", "200", "--output", output], env);
    const limited = log.findIndex((entry) => entry.status === 429);
    const { created, notSent } = summaryOf(jsonLines(await readFile(output, "utf8")));
    const resume = await withRun(0, {}, async (fresh) => {
      const again = summaryOf((await create(["--file", file, "--rate", "200", "--resume", output], fresh.env)).lines);
      return { requestsSent: fresh.arrivals.length, created: again.created, resumed: again.resumed };
    });
    const stopSeconds = round((first.exitedAt - (arrivals[limited] ?? Number.NaN)) / 1000);
    return { rows, dailyLimit, created, notSent, stopSeconds, requestsAfterLimit: log.length - limited - 1, resume };
  });

/** Every bulk figure (`smoke`: a few rows each, so the script cannot rot). */
export async function measureBulk(smoke: boolean) {
  const rate = [];
  for (const limit of smoke ? [30] : [30, 80])
    for (const latencyMs of smoke ? [5] : [5, 100, 300, 800])
      rate.push(await measureRate(limit, latencyMs, smoke ? 10 : limit * 10));
  return {
    rate,
    retries: await measureRetries(smoke ? 30 : 80, smoke ? 2 : 8),
    stop: [await measureStop(smoke ? 1_000 : 100_000), ...(smoke ? [] : [await measureStop(300_000)])],
    unreachable: await measureUnreachable(smoke ? 5 : 20_000),
    faults: await measureFaults(smoke ? 40 : 1_000),
    dailyLimit: await measureDailyLimit(smoke ? 40 : 1_000, smoke ? 10 : 100),
  };
}
export type BulkFigures = Awaited<ReturnType<typeof measureBulk>>;

/** The README's tables of the figures. */
export function bulkTables({ rate, retries, stop, unreachable, faults, dailyLimit }: BulkFigures): string[] {
  const n = (value: number) => value.toLocaleString("en-US");
  const ratios = (limit: number) => rate.filter((figure) => figure.rate === limit);
  return [
    "**Bulk at real latency** (`create --file` with default flags but `--rate`, against `mock --rate-limit RATE --latency MS`; creates per second at the mock ÷ `--rate`)",
    "",
    "| `--rate` | 5 ms | 100 ms | 300 ms | 800 ms | 429s |",
    "|---:|---:|---:|---:|---:|---:|",
    ...[30, 80].map(
      (limit) =>
        `| ${limit} | ${ratios(limit)
          .map((figure) => figure.ratio.toFixed(3))
          .join(" | ")} | ${ratios(limit).reduce((sum, figure) => sum + figure.rateLimited, 0)} |`,
    ),
    "",
    "| measure | value |",
    "|---|---:|",
    `| attempts/s ÷ \`--rate ${retries.rate}\` while 30 % of attempts get a 5xx (100 ms answers) | ${retries.ratio.toFixed(3)} (${retries.failures} of ${retries.attempts} failed) |`,
    ...stop.map(
      (run) =>
        `| Ctrl-C → exit, ${n(run.rows)} rows (${run.created} created, each on a line: ${run.unreported} missing) | ${run.seconds} s |`,
    ),
    `| closed port, ${n(unreachable.rows)} rows: time to give up (${unreachable.failed} failed, ${n(unreachable.notSent)} not sent, ${unreachable.mayHaveCreated} "may have created") | ${unreachable.seconds} s |`,
    `| faults (${faults.rows} rows, mock \`--drop-rate 0.1 --fail-rate 0.1 --latency 5-50\`): dropped / 5xx; created (unconfirmed); failed; groups on the mock; lines that disagree with it | ${faults.drops} / ${faults.failures}; ${faults.created} (${faults.unconfirmed}); ${faults.failed}; ${faults.groups}; ${faults.disagreements} |`,
    `| daily limit after ${dailyLimit.dailyLimit} of ${n(dailyLimit.rows)}: created, not sent; first Daily-limit 429 → exit; answered after it | ${dailyLimit.created}, ${dailyLimit.notSent}; ${dailyLimit.stopSeconds} s; ${dailyLimit.requestsAfterLimit} |`,
    `| \`--resume\` of that run against a fresh mock: requests sent, created, taken from the earlier run | ${dailyLimit.resume.requestsSent}, ${dailyLimit.resume.created}, ${dailyLimit.resume.resumed} |`,
  ];
}

/** What the figures show that must never happen: lost rows, lines that disagree with the mock, false "may exist". */
export function bulkProblems(figures: BulkFigures): string[] {
  const problems: string[] = [];
  if (figures.faults.failed + figures.faults.disagreements > 0)
    problems.push("faults: rows failed or disagree with the mock");
  if (figures.stop.some((run) => run.unreported > 0)) problems.push("stop: a created group has no line");
  if (figures.unreachable.mayHaveCreated > 0)
    problems.push("unreachable: a refused connection said it may have created");
  return problems;
}
