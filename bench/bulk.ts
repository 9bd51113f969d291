/**
 * Bulk runs as admins meet Zoom: the built CLI, spawned, against the mock Zoom on loopback with the
 * latency and faults of a real network. Every figure is measured where Zoom would see it (requests as
 * they arrive at the mock) or where the admin would (the process's exit).
 *
 * - rate: the share of `--rate` used with default flags when answers take 5 ms to 800 ms;
 * - retries: attempts per second while 30 % of attempts get a 5xx (retries count against the rate);
 * - stop: seconds from Ctrl-C to exit in runs of 100,000 and 300,000 rows;
 * - unreachable: seconds to give up on a closed port (every row would meet it);
 * - faults: 1,000 rows against 10 % lost answers and 10 % 5xx — does every report agree with the mock?
 * - daily limit: the stop at Zoom's daily limit, and `--resume` of it against a fresh mock.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type MockRequestLog, type StartMockZoomOptions, startMockZoom } from "../src/testing/index.ts";

const BIN = resolve(import.meta.dirname, "../dist/cli/main.js");
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

interface Spawned {
  code: number | null;
  stdout: string;
  exitedAt: number;
}

/** Runs `zoom-im-groups create …`; `onLine` sees each stdout line (to interrupt it, say). */
function create(args: string[], env: Record<string, string>, onLine?: (line: string, child: ChildProcess) => void) {
  return new Promise<Spawned>((done) => {
    const child = spawn(process.execPath, [BIN, "create", ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "ignore"],
    });
    let stdout = "";
    let partial = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (!onLine) return;
      partial += chunk;
      const lines = partial.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) onLine(line, child);
    });
    child.on("close", (code) => done({ code, stdout, exitedAt: performance.now() }));
  });
}

const summaryOf = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
const rowsOf = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.type === "row");

/** A scratch folder with a CSV of `rows` names; removed by the returned cleanup. */
async function groupsFile(rows: number, prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), "zoom-bench-"));
  const file = join(dir, "groups.csv");
  await writeFile(file, `name\n${Array.from({ length: rows }, (_, i) => `${prefix} ${i + 1}`).join("\n")}\n`);
  return { dir, file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A mock Zoom that records when each create arrived (its answer is logged after `latencyMs`). */
async function mockZoom(options: StartMockZoomOptions, latencyMs = 0) {
  const arrivals: number[] = [];
  const log: MockRequestLog[] = [];
  const running = await startMockZoom({
    ...options,
    onRequest: (entry) => {
      log.push(entry);
      if (entry.path === "/v2/im/groups") arrivals.push(performance.now() - latencyMs);
    },
  });
  return { running, arrivals, log, env: { ZOOM_API_URL: running.url, ZOOM_ACCESS_TOKEN: "bench" } };
}

/** Requests per second between the first and the last arrival. */
function perSecond(arrivals: number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  return ((sorted.length - 1) * 1000) / ((sorted.at(-1) as number) - (sorted[0] as number));
}

export interface RateFigure {
  rate: number;
  latencyMs: number;
  rows: number;
  /** Requests per second at the mock ÷ --rate. */
  ratio: number;
  rateLimited: number;
  exitCode: number | null;
}

/** Default flags but --rate, against a mock as limited as the rate and answering after `latencyMs`. */
export async function measureRate(rate: number, latencyMs: number, rows: number): Promise<RateFigure> {
  const input = await groupsFile(rows, `Rate ${rate} ${latencyMs}`);
  const zoom = await mockZoom({ rateLimit: rate, faults: { latencyMs: [latencyMs, latencyMs] } }, latencyMs);
  try {
    const run = await create(["--file", input.file, "--rate", String(rate)], zoom.env);
    const summary = summaryOf(run.stdout);
    const ratio = round(perSecond(zoom.arrivals) / rate, 3);
    return { rate, latencyMs, rows, ratio, rateLimited: summary.rateLimited ?? 0, exitCode: run.code };
  } finally {
    await zoom.running.close();
    await input.cleanup();
  }
}

export interface RetryFigure {
  rate: number;
  failRate: number;
  /** Attempts per second at the mock over the steady middle of the run, ÷ --rate. */
  ratio: number;
  attempts: number;
  failures: number;
}

/** 30 % of attempts answered 5xx: attempts per second while rows are left to start, then Ctrl-C. */
export async function measureRetries(rate: number, seconds: number): Promise<RetryFigure> {
  const input = await groupsFile(rate * seconds * 2, "Retry");
  const zoom = await mockZoom({ faults: { failRate: 0.3, latencyMs: [100, 100], seed: 3 } }, 100);
  try {
    const child = create(["--file", input.file, "--rate", String(rate)], zoom.env, (_line, process) => {
      if (
        process.signalCode === null &&
        zoom.arrivals.length > 0 &&
        performance.now() - (zoom.arrivals[0] as number) > seconds * 1000
      )
        process.kill("SIGINT");
    });
    await child;
    const first = zoom.arrivals[0] as number;
    // The middle of the run: after its first second, before the interrupt.
    const steady = zoom.arrivals.filter((at) => at >= first + 1000 && at < first + (seconds - 0.5) * 1000);
    return {
      rate,
      failRate: 0.3,
      ratio: round(steady.length / (seconds - 1.5) / rate, 3),
      attempts: zoom.arrivals.length,
      failures: zoom.log.filter((entry) => entry.fault === "fail").length,
    };
  } finally {
    await zoom.running.close();
    await input.cleanup();
  }
}

export interface StopFigure {
  rows: number;
  /** Seconds from SIGINT to exit. */
  seconds: number;
  created: number;
  /** Groups the mock created that no line reports: must be 0. */
  unreported: number;
  exitCode: number | null;
}

/** Ctrl-C after the 50th created row of a huge run. */
export async function measureStop(rows: number): Promise<StopFigure> {
  const input = await groupsFile(rows, "Huge");
  const zoom = await mockZoom({});
  try {
    let interruptedAt = 0;
    let created = 0;
    const run = await create(["--file", input.file, "--rate", "200"], zoom.env, (line, child) => {
      if (interruptedAt === 0 && line.includes('"outcome":"created"') && ++created === 50) {
        interruptedAt = performance.now();
        child.kill("SIGINT");
      }
    });
    const reported = new Set(rowsOf(run.stdout).map((row) => row.id));
    return {
      rows,
      seconds: round((run.exitedAt - interruptedAt) / 1000),
      created: summaryOf(run.stdout).created ?? 0,
      unreported: zoom.running.mock.groups().filter((group) => !reported.has(group.id)).length,
      exitCode: run.code,
    };
  } finally {
    await zoom.running.close();
    await input.cleanup();
  }
}

export interface UnreachableFigure {
  rows: number;
  seconds: number;
  failed: number;
  notSent: number;
  /** Rows reported as possibly created although nothing reached a server: must be 0. */
  mayHaveCreated: number;
  exitCode: number | null;
}

/** A closed port: every row would meet the refused connection. */
export async function measureUnreachable(rows: number): Promise<UnreachableFigure> {
  const input = await groupsFile(rows, "Closed");
  const port = await new Promise<number>((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
  try {
    const started = performance.now();
    const run = await create(["--file", input.file], {
      ZOOM_API_URL: `http://127.0.0.1:${port}/v2`,
      ZOOM_ACCESS_TOKEN: "bench",
    });
    const summary = summaryOf(run.stdout);
    return {
      rows,
      seconds: round((run.exitedAt - started) / 1000),
      failed: summary.failed ?? 0,
      notSent: summary.notSent ?? 0,
      mayHaveCreated: rowsOf(run.stdout).filter((row) => row.mayHaveCreated === true).length,
      exitCode: run.code,
    };
  } finally {
    await input.cleanup();
  }
}

export interface FaultsFigure {
  rows: number;
  drops: number;
  failures: number;
  created: number;
  unconfirmed: number;
  failed: number;
  groupsOnServer: number;
  disagreements: number;
  seconds: number;
  exitCode: number | null;
}

/** 1,000 rows, 10 % of answers lost after creating, 10 % 5xx, 5–50 ms: does every line agree with the mock? */
export async function measureFaults(rows: number): Promise<FaultsFigure> {
  const input = await groupsFile(rows, "Fault");
  const zoom = await mockZoom({ faults: { dropRate: 0.1, failRate: 0.1, latencyMs: [5, 50], seed: 20261129 } });
  try {
    const started = performance.now();
    const run = await create(["--file", input.file, "--rate", "200"], zoom.env);
    const onServer = new Map(zoom.running.mock.groups().map((group) => [group.name, group.id]));
    const disagreements = rowsOf(run.stdout).filter((row) => {
      const name = String(row.name);
      if (row.outcome !== "created") return row.outcome === "failed" && onServer.has(name);
      return row.confirmed === false ? !onServer.has(name) : onServer.get(name) !== row.id;
    }).length;
    const summary = summaryOf(run.stdout);
    return {
      rows,
      drops: zoom.log.filter((entry) => entry.fault === "drop").length,
      failures: zoom.log.filter((entry) => entry.fault === "fail").length,
      created: summary.created ?? 0,
      unconfirmed: summary.unconfirmed ?? 0,
      failed: summary.failed ?? 0,
      groupsOnServer: onServer.size,
      disagreements,
      seconds: round((run.exitedAt - started) / 1000),
      exitCode: run.code,
    };
  } finally {
    await zoom.running.close();
    await input.cleanup();
  }
}

export interface DailyLimitFigure {
  rows: number;
  dailyLimit: number;
  created: number;
  notSent: number;
  /** From the mock's first Daily-limit 429 to the CLI's exit. */
  stopSeconds: number;
  /** Creates answered after the first Daily-limit 429 (already on the wire when it came). */
  requestsAfterLimit: number;
  resume: { requestsSent: number; created: number; resumed: number; exitCode: number | null };
}

/** A daily limit after `dailyLimit` of `rows`, then the printed resume command against a fresh mock. */
export async function measureDailyLimit(rows: number, dailyLimit: number): Promise<DailyLimitFigure> {
  const input = await groupsFile(rows, "Daily");
  const limited = await mockZoom({ dailyLimit });
  const fresh = await mockZoom({});
  const output = join(input.dir, "run1.jsonl");
  try {
    const first = await create(["--file", input.file, "--rate", "200", "--output", output], limited.env);
    const firstLimited = limited.log.findIndex((entry) => entry.status === 429);
    const limitedAt = limited.arrivals[firstLimited] ?? Number.NaN;
    const summary = summaryOf(await readFile(output, "utf8"));
    const resumed = await create(["--file", input.file, "--rate", "200", "--resume", output], fresh.env);
    const again = summaryOf(resumed.stdout);
    return {
      rows,
      dailyLimit,
      created: summary.created ?? 0,
      notSent: summary.notSent ?? 0,
      stopSeconds: round((first.exitedAt - limitedAt) / 1000),
      requestsAfterLimit: firstLimited < 0 ? 0 : limited.log.length - firstLimited - 1,
      resume: {
        requestsSent: fresh.arrivals.length,
        created: again.created ?? 0,
        resumed: again.resumed ?? 0,
        exitCode: resumed.code,
      },
    };
  } finally {
    await limited.running.close();
    await fresh.running.close();
    await input.cleanup();
  }
}

export interface BulkFigures {
  rate: RateFigure[];
  retries: RetryFigure;
  stop: StopFigure[];
  unreachable: UnreachableFigure;
  faults: FaultsFigure;
  dailyLimit: DailyLimitFigure;
}

/** Every bulk figure (`smoke`: a few rows each, to keep the script from rotting). */
export async function measureBulk(smoke: boolean): Promise<BulkFigures> {
  const rate: RateFigure[] = [];
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

/** The README's tables of the figures. */
export function bulkTables(figures: BulkFigures): string[] {
  const { retries, unreachable, faults, dailyLimit } = figures;
  return [
    "**Bulk at real latency** (`zoom-im-groups create --file` with default flags but `--rate`, against `mock --rate-limit RATE --latency MS`; requests per second at the mock ÷ `--rate`)",
    "",
    "| `--rate` | 5 ms | 100 ms | 300 ms | 800 ms | 429s |",
    "|---:|---:|---:|---:|---:|---:|",
    ...[30, 80].map((limit) => {
      const row = figures.rate.filter((figure) => figure.rate === limit);
      if (row.length === 0) return `| ${limit} | (not measured) |`;
      return `| ${limit} | ${row.map((figure) => figure.ratio.toFixed(3)).join(" | ")} | ${row.reduce((sum, figure) => sum + figure.rateLimited, 0)} |`;
    }),
    "",
    "| measure | value |",
    "|---|---:|",
    `| attempts/s ÷ \`--rate ${retries.rate}\` while ${retries.failRate * 100} % of attempts get a 5xx (100 ms answers) | ${retries.ratio.toFixed(3)} (${retries.failures} of ${retries.attempts} attempts failed) |`,
    ...figures.stop.map(
      (stop) =>
        `| Ctrl-C → exit, ${stop.rows.toLocaleString("en-US")} rows (${stop.created} created, each on a line) | ${stop.seconds} s |`,
    ),
    `| closed port, ${unreachable.rows.toLocaleString("en-US")} rows: time to give up (${unreachable.failed} failed, ${unreachable.notSent.toLocaleString("en-US")} not sent, ${unreachable.mayHaveCreated} "may have created") | ${unreachable.seconds} s |`,
    "",
    `**Faults** (${faults.rows} rows, \`--rate 200\`, mock \`--drop-rate 0.1 --fail-rate 0.1 --latency 5-50 --seed 20261129\`)`,
    "",
    "| measure | value |",
    "|---|---:|",
    `| answers dropped after creating / 5xx without creating | ${faults.drops} / ${faults.failures} |`,
    `| rows created (of them unconfirmed: answer lost) | ${faults.created} (${faults.unconfirmed}) |`,
    `| rows failed | ${faults.failed} |`,
    `| groups on the mock (each name once) | ${faults.groupsOnServer} |`,
    `| reported outcomes that disagree with the mock | ${faults.disagreements} |`,
    `| time, exit code | ${faults.seconds} s, ${faults.exitCode} |`,
    "",
    `**Daily limit** (${dailyLimit.rows} rows, mock \`--daily-limit ${dailyLimit.dailyLimit}\`, then \`--resume\` against a fresh mock)`,
    "",
    "| measure | value |",
    "|---|---:|",
    `| created, not sent | ${dailyLimit.created}, ${dailyLimit.notSent} |`,
    `| first Daily-limit 429 → run ended | ${dailyLimit.stopSeconds} s |`,
    `| creates answered after the first Daily-limit 429 (already on the wire) | ${dailyLimit.requestsAfterLimit} |`,
    `| --resume: requests sent, created, taken from the earlier run, exit code | ${dailyLimit.resume.requestsSent}, ${dailyLimit.resume.created}, ${dailyLimit.resume.resumed}, ${dailyLimit.resume.exitCode} |`,
  ];
}

/** Every failure the figures show: rows lost, reports that disagree with the mock, a stop that reported too little. */
export function bulkProblems(figures: BulkFigures): string[] {
  const problems: string[] = [];
  if (figures.faults.failed + figures.faults.disagreements > 0)
    problems.push("faults: rows failed or disagree with the mock");
  if (figures.stop.some((stop) => stop.unreported > 0)) problems.push("stop: a created group has no line");
  if (figures.unreachable.mayHaveCreated > 0)
    problems.push("unreachable: a refused connection reported as may have created");
  return problems;
}
