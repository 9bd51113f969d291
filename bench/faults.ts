/**
 * Bulk truth under faults (figures for the README and bench/results.json):
 * - 1,000 rows against a mock that drops 10 % of answers after creating, fails 10 % with 5xx and answers
 *   in 5–50 ms: does every group exist once, is no row reported failed, does every reported outcome agree
 *   with the mock's state, and how long does it take?
 * - A daily limit reached after 100 of 1,000 rows: how long from the first Daily-limit 429 to the end of
 *   the run, how many rows are not-sent, and does `--resume` against a fresh mock send exactly those?
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type MockRequestLog, startMockZoom } from "../src/testing/index.ts";

const BIN = resolve(import.meta.dirname, "../dist/cli/main.js");

interface Row {
  type: string;
  name?: string;
  outcome?: string;
  id?: string;
  confirmed?: boolean;
}

async function bulk(args: string[], env: Record<string, string>) {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "create", ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.resume();
  const code = await new Promise<number | null>((done) => child.on("close", done));
  const ended = performance.now();
  const lines = stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Row & Record<string, unknown>);
  const summary: Record<string, unknown> = lines.at(-1) ?? {};
  return { code, stdout, rows: lines.filter((l) => l.type === "row"), summary, started, ended };
}

export interface FaultsRun {
  rows: number;
  faults: { dropRate: number; failRate: number; latencyMs: [number, number]; seed: number };
  seconds: number;
  exitCode: number | null;
  created: number;
  unconfirmed: number;
  failed: number;
  groupsOnServer: number;
  drops: number;
  failures: number;
  /** Reported outcomes that disagree with the mock's state (a wrong id, a group that is not there). */
  disagreements: number;
}

export async function measureFaults(rows: number): Promise<FaultsRun> {
  const faults = { dropRate: 0.1, failRate: 0.1, latencyMs: [5, 50] as [number, number], seed: 20261129 };
  const log: MockRequestLog[] = [];
  const mock = await startMockZoom({ faults, onRequest: (entry) => log.push(entry) });
  const dir = await mkdtemp(join(tmpdir(), "zoom-bench-faults-"));
  try {
    const file = join(dir, "groups.csv");
    await writeFile(file, `name\n${Array.from({ length: rows }, (_, i) => `Fault group ${i + 1}`).join("\n")}\n`);
    const run = await bulk(["--file", file, "--rate", "200", "--concurrency", "32"], {
      ZOOM_API_URL: mock.url,
      ZOOM_ACCESS_TOKEN: "bench",
    });
    const onServer = new Map(mock.mock.groups().map((group) => [group.name, group.id]));
    const disagreements = run.rows.filter((row) => {
      if (row.outcome !== "created") return row.outcome === "failed" && onServer.has(row.name ?? "");
      return row.confirmed === false ? !onServer.has(row.name ?? "") : onServer.get(row.name ?? "") !== row.id;
    }).length;
    return {
      rows,
      faults,
      seconds: Math.round((run.ended - run.started) / 10) / 100,
      exitCode: run.code,
      created: Number(run.summary.created),
      unconfirmed: Number(run.summary.unconfirmed),
      failed: Number(run.summary.failed),
      groupsOnServer: onServer.size,
      drops: log.filter((entry) => entry.fault === "drop").length,
      failures: log.filter((entry) => entry.fault === "fail").length,
      disagreements,
    };
  } finally {
    await mock.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export interface DailyLimitRun {
  rows: number;
  dailyLimit: number;
  exitCode: number | null;
  created: number;
  notSent: number;
  /** From the mock's first Daily-limit 429 to the CLI's exit. */
  stopSeconds: number;
  /** Creates the mock answered after its first Daily-limit 429 (calls already on the wire when it left). */
  requestsAfterLimit: number;
  resume: { exitCode: number | null; requestsSent: number; created: number; resumed: number };
}

export async function measureDailyLimit(rows: number, dailyLimit: number): Promise<DailyLimitRun> {
  const log: { at: number; entry: MockRequestLog }[] = [];
  const limited = await startMockZoom({ dailyLimit, onRequest: (entry) => log.push({ at: performance.now(), entry }) });
  const freshLog: MockRequestLog[] = [];
  const fresh = await startMockZoom({ onRequest: (entry) => freshLog.push(entry) });
  const dir = await mkdtemp(join(tmpdir(), "zoom-bench-daily-"));
  try {
    const file = join(dir, "groups.csv");
    await writeFile(file, `name\n${Array.from({ length: rows }, (_, i) => `Daily group ${i + 1}`).join("\n")}\n`);
    const run = await bulk(["--file", file, "--rate", "200"], {
      ZOOM_API_URL: limited.url,
      ZOOM_ACCESS_TOKEN: "bench",
    });
    const first429 = log.findIndex(({ entry }) => entry.status === 429);
    const output = join(dir, "run1.jsonl");
    await writeFile(output, run.stdout);
    const resumed = await bulk(["--file", file, "--rate", "200", "--resume", output], {
      ZOOM_API_URL: fresh.url,
      ZOOM_ACCESS_TOKEN: "bench",
    });
    const sent = freshLog.filter((entry) => entry.method === "POST" && entry.path === "/v2/im/groups").length;
    return {
      rows,
      dailyLimit,
      exitCode: run.code,
      created: Number(run.summary.created),
      notSent: Number(run.summary.notSent),
      stopSeconds: first429 < 0 ? Number.NaN : Math.round((run.ended - (log[first429]?.at ?? 0)) / 10) / 100,
      requestsAfterLimit: first429 < 0 ? 0 : log.length - first429 - 1,
      resume: {
        exitCode: resumed.code,
        requestsSent: sent,
        created: Number(resumed.summary.created),
        resumed: Number(resumed.summary.resumed),
      },
    };
  } finally {
    await limited.close();
    await fresh.close();
    await rm(dir, { recursive: true, force: true });
  }
}
