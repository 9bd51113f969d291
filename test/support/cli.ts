/**
 * The CLI as tests run it: in process through `run(argv, io)` (fast, no build), with a clean environment
 * and streams that record what was written; or spawned from source for what only a process shows
 * (signals, closed pipes, a pseudo-terminal).
 */
import { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type RequestListener, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { repoRoot } from "../../scripts/lib/spec.ts";
import { run as runCli } from "../../src/cli/run.ts";
import { type MockRequestLog, type RunningMockZoom, startMockZoom } from "../../src/testing/index.ts";

/** The command that starts the CLI from source; ZOOM_CLI_BIN runs another build (an older commit's, say). */
export const COMMAND = process.env.ZOOM_CLI_BIN
  ? [process.execPath, process.env.ZOOM_CLI_BIN]
  : [process.execPath, "--import", createRequire(import.meta.url).resolve("tsx"), resolve(repoRoot, "src/cli/main.ts")];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The JSON lines of stdout. */
  lines: Record<string, unknown>[];
}

/** What a test can do to a run in progress. */
export interface Control {
  /** Ctrl-C. */
  interrupt(): void;
  /** The reader of stdout goes away (`| head -1`). */
  closeStdout(): void;
}

export interface CliOptions {
  input?: string | Uint8Array;
  /** Sees each stdout line as it arrives (to interrupt mid-run, say). */
  onLine?: (line: string, control: Control) => void;
  /** Gets the run's controls as it starts (to interrupt at a chosen moment). */
  onStart?: (control: Control) => void;
  /** stderr as a terminal of this width (a progress line is drawn). */
  terminalWidth?: number;
  cwd?: string;
  /** stdout is this file descriptor (a file the shell opened for `>`), not a pipe. */
  stdoutFd?: number;
}

/** A writable that records what is written and can be closed as a pipe whose reader left. */
class Recorder extends EventEmitter {
  text = "";
  destroyed = false;
  constructor(
    readonly isTTY: boolean,
    readonly columns: number | undefined,
    private readonly onText: (text: string) => void = () => {},
    readonly fd?: number,
  ) {
    super();
  }
  write(chunk: string, callback?: (error?: Error | null) => void): boolean {
    if (this.destroyed) {
      queueMicrotask(() => callback?.(Object.assign(new Error("write EPIPE"), { code: "EPIPE" })));
      return false;
    }
    this.text += chunk;
    this.onText(chunk);
    queueMicrotask(() => callback?.());
    return true;
  }
  close(): void {
    this.destroyed = true;
    this.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
  }
}

const jsonLines = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Runs the CLI in process; no ZOOM_* variable leaks in from the machine. */
export async function cli(args: string[], env: Record<string, string> = {}, options: CliOptions = {}): Promise<Run> {
  const interrupt = new AbortController();
  let partial = "";
  const control: Control = {
    interrupt: () => interrupt.abort(new DOMException("interrupted", "AbortError")),
    closeStdout: () => stdout.close(),
  };
  const stdout: Recorder = new Recorder(
    false,
    undefined,
    (chunk) => {
      partial += chunk;
      const lines = partial.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) options.onLine?.(line, control);
    },
    options.stdoutFd,
  );
  const stderr = new Recorder(options.terminalWidth !== undefined, options.terminalWidth);
  const input = options.input ?? "";
  options.onStart?.(control);
  const code = await runCli(args, {
    stdin: (async function* () {
      if (input.length > 0) yield typeof input === "string" ? Buffer.from(input) : input;
    })(),
    stdout,
    stderr,
    env: { PATH: process.env.PATH ?? "", ...env },
    cwd: options.cwd ?? process.cwd(),
    invokedAs: "zoom-im-groups",
    signal: interrupt.signal,
  });
  return {
    code,
    stdout: stdout.text,
    stderr: stderr.text,
    lines: jsonLines(stdout.text),
  };
}

export interface SpawnedRun extends Run {
  signal: NodeJS.Signals | null;
}

/** Spawns the CLI from source, as a user runs it, for what only a process shows. */
export function spawnCli(
  args: string[],
  env: Record<string, string> = {},
  options: { input?: string; onLine?: (line: string, child: ReturnType<typeof spawn>) => void } = {},
): Promise<SpawnedRun> {
  return new Promise((resolvePromise, reject) => {
    const [command, ...prefix] = COMMAND as [string, ...string[]];
    const child = spawn(command, [...prefix, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
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
    child.on("close", (code, signal) => resolvePromise({ code, signal, stdout, stderr, lines: jsonLines(stdout) }));
    child.stdin.on("error", () => {}); // a CLI that exits before reading stdin
    child.stdin.end(options.input ?? "");
  });
}

/** The CLI on a pseudo-terminal (script(1)), as a person at a shell runs it; resolves with the screen bytes. */
export function onTerminal(args: string[], env: Record<string, string>, columns = 100): Promise<string> {
  const command = [...COMMAND, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(" ");
  return new Promise((resolvePromise, reject) => {
    const child = spawn("script", ["-qec", `stty cols ${columns}; ${command}`, "/dev/null"], {
      env: { PATH: process.env.PATH ?? "", ...env },
    });
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

/** `Group 1`, `Group 2`, …: `n` distinct names. */
export const names = (n: number, prefix = "Group") => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
/** A one-column CSV of names. */
export const csv = (rows: readonly string[]) => `name\n${rows.join("\n")}\n`;
/** A run's row lines, and its summary line. */
export const rowsOf = (run: Pick<Run, "lines">) => run.lines.filter((line) => line.type === "row");
export const summaryOf = (run: Pick<Run, "lines">) => run.lines.at(-1) as Record<string, unknown>;

/** The origin of a loopback port nothing listens on any more: connections to it are refused. */
export async function closedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${port}`;
}

/** A canary: it must never appear in anything the CLI prints. */
export const CLI_TOKEN = "cli-canary-token";

/**
 * A scratch folder for input files and mock Zooms for the CLI to talk to, cleaned up by the test hooks
 * it registers: every mock started in a test is closed after it. `running` is the mock started last.
 */
export function useCliWorkspace(prefix: string) {
  const started: RunningMockZoom[] = [];
  const servers: Server[] = [];
  const workspace = {
    dir: "",
    running: undefined as RunningMockZoom | undefined,
    async file(name: string, content: string | Uint8Array): Promise<string> {
      const path = join(workspace.dir, name);
      await writeFile(path, content);
      return path;
    },
    /** An HTTP server on loopback answering with `handler` (closed after the test); resolves with its origin. */
    async listen(handler: RequestListener): Promise<string> {
      const server = createServer(handler);
      servers.push(server);
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
    workspace.dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => rm(workspace.dir, { recursive: true, force: true }));
  afterEach(async () => {
    for (const server of servers.splice(0)) server.close().closeAllConnections();
    for (const running of started.splice(0)) await running.close();
    workspace.running = undefined;
  });
  return workspace;
}

/** An output stream in process that keeps what is written and acknowledges each write on the next tick. */
export function recorder() {
  return Object.assign(new EventEmitter(), {
    text: "",
    write(chunk: string, callback?: (error?: Error | null) => void) {
      this.text += chunk;
      queueMicrotask(() => callback?.());
      return true;
    },
  });
}
