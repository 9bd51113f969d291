/**
 * Bulk throughput: rows through the CLI's bulk mode (the built binary, spawned) against the mock Zoom
 * over loopback. Reports creates per second against the limit, 429s, failures and the CLI's peak RSS.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startMockZoom } from "../src/testing/index.ts";

const BIN = resolve(import.meta.dirname, "../dist/cli/main.js");

export interface BulkRun {
  label: string;
  rows: number;
  /** null: the CLI's default for the rate. */
  concurrency: number | null;
  clientRate: number;
  serverLimit: number | null;
  created: number;
  failed: number;
  rateLimited: number;
  seconds: number;
  createsPerSecond: number;
  ratioToLimit: number | null;
  peakRssMiB: number;
}

export async function runBulk(
  label: string,
  rows: number,
  opts: { concurrency?: number; rate: number; serverLimit?: number },
): Promise<BulkRun> {
  const mock = await startMockZoom(opts.serverLimit ? { rateLimit: opts.serverLimit } : {});
  const dir = await mkdtemp(join(tmpdir(), "zoom-bench-"));
  try {
    const file = join(dir, "groups.csv");
    await writeFile(
      file,
      `name,type\n${Array.from({ length: rows }, (_, i) => `Bench group ${i + 1},normal`).join("\n")}\n`,
    );
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        BIN,
        "create",
        "--file",
        file,
        ...(opts.concurrency === undefined ? [] : ["--concurrency", String(opts.concurrency)]),
        "--rate",
        String(opts.rate),
      ],
      {
        env: { PATH: process.env.PATH ?? "", ZOOM_API_URL: mock.url, ZOOM_ACCESS_TOKEN: "bench" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.resume();
    let peakKiB = 0;
    const sampler = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (hwm?.[1]) peakKiB = Math.max(peakKiB, Number(hwm[1]));
      } catch {
        // the process has exited
      }
    }, 20);
    const code = await new Promise<number | null>((done) => child.on("close", done));
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const summary = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
      created: number;
      failed: number;
      rateLimited: number;
      elapsedMs: number;
    };
    if (code !== 0 && summary.failed === undefined) throw new Error(`bulk run ${label} exited ${code}`);
    // The CLI's own clock for the sending phase; process start-up is the size benchmark's subject.
    const sendingSeconds = summary.elapsedMs / 1000;
    const createsPerSecond = summary.created / sendingSeconds;
    return {
      label,
      rows,
      concurrency: opts.concurrency ?? null,
      clientRate: opts.rate,
      serverLimit: opts.serverLimit ?? null,
      created: summary.created,
      failed: summary.failed,
      rateLimited: summary.rateLimited,
      seconds: Math.round(seconds * 100) / 100,
      createsPerSecond: Math.round(createsPerSecond),
      ratioToLimit: opts.serverLimit ? Math.round((createsPerSecond / opts.serverLimit) * 1000) / 1000 : null,
      peakRssMiB: Math.round((peakKiB / 1024) * 10) / 10,
    };
  } finally {
    await mock.close();
    await rm(dir, { recursive: true, force: true });
  }
}
