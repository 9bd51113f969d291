/**
 * A bulk run's memory when its stdout does not drain (issue 23): 300 rows against `mock --latency 300`,
 * once into a file and once into a pipe whose reader stops reading for 10 s. Prints the peak RSS of each
 * (from /proc, sampled every 50 ms) and when the stalled run finished relative to the pipe draining.
 * Run after `npm run build`: `npx tsx bench/stalled-pipe.ts [ROWS]` (default 300). A figure, not a test: it needs a quiet machine.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const bin = resolve("dist/cli/main.js");
const dir = mkdtempSync(join(tmpdir(), "stall-"));
const input = join(dir, "rows.csv");
const rows = Number(process.argv[2] ?? 300);
writeFileSync(input, `name\n${Array.from({ length: rows }, (_, i) => `Stall ${i + 1}`).join("\n")}\n`);

function rssKb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
    return Number(line?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The mock, and how many creates it has answered (it prints one line per request). */
async function startMock(): Promise<{ url: string; answered: () => number; stop: () => void }> {
  const child = spawn(process.execPath, [bin, "mock", "--latency", "300"], { stdio: ["ignore", "pipe", "pipe"] });
  const url = await new Promise<string>((done) =>
    child.stdout.once("data", (chunk: Buffer) => done(String(chunk).trim().split("\n")[0] ?? "")),
  );
  let answered = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    answered += String(chunk).split("POST").length - 1;
  });
  child.stderr.on("data", (chunk: Buffer) => {
    answered += String(chunk).split("POST").length - 1;
  });
  return { url, answered: () => answered, stop: () => child.kill() };
}

async function run(
  url: string,
  stall: boolean,
): Promise<{ peakKb: number; ms: number; drainedAt?: number; createsBeforeDrain?: number | undefined }> {
  const before = mock.answered();
  let createsBeforeDrain: number | undefined;
  const env = { ...process.env, ZOOM_API_URL: url, ZOOM_ACCESS_TOKEN: "bench-token-0123" };
  const out = stall ? "pipe" : openSync(join(dir, `out-${Date.now()}.jsonl`), "w");
  const started = performance.now();
  const child = spawn(process.execPath, [bin, "create", "--file", input, "--rate", "1000", "--concurrency", "50"], {
    env,
    stdio: ["ignore", out, "ignore"],
  });
  let drainedAt: number | undefined;
  if (stall && child.stdout) {
    // Read a little, then not at all for 10 s (the pipe fills), then everything.
    child.stdout.once("data", () => {
      child.stdout?.pause();
      setTimeout(() => {
        drainedAt = performance.now() - started;
        createsBeforeDrain = mock.answered() - before;
        child.stdout?.resume();
      }, 10_000);
    });
    child.stdout.on("data", () => undefined);
  }
  let peakKb = 0;
  const timer = setInterval(() => {
    peakKb = Math.max(peakKb, rssKb(child.pid ?? 0));
  }, 50);
  await new Promise((done) => child.on("close", done));
  clearInterval(timer);
  return { peakKb, ms: performance.now() - started, ...(drainedAt ? { drainedAt, createsBeforeDrain } : {}) };
}

const mock = await startMock();
try {
  const file = await run(mock.url, false);
  const stalled = await run(mock.url, true);
  console.log(
    JSON.stringify({
      file: { peakRssMb: +(file.peakKb / 1024).toFixed(1), ms: Math.round(file.ms) },
      stalledPipe: {
        peakRssMb: +(stalled.peakKb / 1024).toFixed(1),
        ms: Math.round(stalled.ms),
        drainedAtMs: Math.round(stalled.drainedAt ?? 0),
        createsBeforeDrain: stalled.createsBeforeDrain,
      },
      differenceMb: +((stalled.peakKb - file.peakKb) / 1024).toFixed(1),
    }),
  );
} finally {
  mock.stop();
}
