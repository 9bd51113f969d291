/** Spawning the built CLI as a user runs it (npm test builds dist/ first), with a clean environment. */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { repoRoot } from "../../scripts/lib/spec.ts";
import { type MockRequestLog, type RunningMockZoom, startMockZoom } from "../../src/testing/index.ts";

/** ZOOM_CLI_BIN runs the tests against another build (say, an older commit's, to see them fail there). */
export const BIN = process.env.ZOOM_CLI_BIN ?? resolve(repoRoot, "dist/cli/main.js");

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The JSON lines of stdout. */
  lines: Record<string, unknown>[];
  /** Milliseconds from spawn to exit. */
  ms: number;
}

export interface CliOptions {
  input?: string;
  /** Sees each stdout line as it arrives (to interrupt mid-run, say). */
  onLine?: (line: string, child: ChildProcessWithoutNullStreams) => void;
  /** Gets the child as soon as it is spawned (to signal it at a chosen moment). */
  onStart?: (child: ChildProcessWithoutNullStreams) => void;
}

/** Spawns the CLI; no ZOOM_* variable leaks in from the machine. */
export function cli(args: string[], env: Record<string, string> = {}, options: CliOptions = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    options.onStart?.(child);
    let stdout = "";
    let stderr = "";
    let partial = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      partial += chunk;
      const lines = partial.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) options.onLine?.(line, child);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const lines = stdout
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      resolvePromise({ code, signal, stdout, stderr, lines, ms: performance.now() - started });
    });
    child.stdin.on("error", () => {}); // a CLI that exits before reading stdin
    child.stdin.end(options.input ?? "");
  });
}

/** Runs the CLI on a pseudo-terminal (script(1)), as a person at a shell would; resolves with the screen bytes. */
export function onTerminal(args: string[], env: Record<string, string>): Promise<string> {
  const command = [process.execPath, BIN, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(" ");
  return new Promise((resolvePromise, reject) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], { env: { PATH: process.env.PATH ?? "", ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", () => resolvePromise(output));
  });
}

/** What a terminal shows of raw output: each line as left after carriage returns and erase-line codes. */
export function screenLines(raw: string): string[] {
  return raw
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => {
      const shown = line.split("\r").at(-1) ?? "";
      return shown.split("\u001b[K").join("");
    });
}

/** A canary: it must never appear in anything the CLI prints. */
export const CLI_TOKEN = "cli-canary-token";

/**
 * A scratch folder for input files and mock Zooms for the CLI to talk to, cleaned up by the test hooks
 * it registers: every mock started in a test is closed after it. `running` is the mock started last.
 */
export function useCliWorkspace(prefix: string) {
  let dir = "";
  const started: RunningMockZoom[] = [];
  const workspace = {
    running: undefined as RunningMockZoom | undefined,
    async file(name: string, content: string): Promise<string> {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    /** A mock Zoom on loopback, every request it answers in `log`, and the environment that points the CLI at it. */
    async mockZoom(options: Parameters<typeof startMockZoom>[0] = {}) {
      const log: MockRequestLog[] = [];
      const running = await startMockZoom({
        ...options,
        onRequest: (entry) => {
          log.push(entry);
          options.onRequest?.(entry);
        },
      });
      started.push(running);
      workspace.running = running;
      return { running, log, env: { ZOOM_API_URL: running.url, ZOOM_ACCESS_TOKEN: CLI_TOKEN } };
    },
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));
  afterEach(async () => {
    for (const running of started.splice(0)) await running.close();
    workspace.running = undefined;
  });
  return workspace;
}
