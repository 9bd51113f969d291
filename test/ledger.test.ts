/**
 * The output is the run's ledger: a create starts only while its outcome can be recorded. A failed write
 * (a full disk, a full or closed stdout) stops the run as Ctrl-C does; every group created is named in the
 * output or on stderr; the output file stays open until the calls in flight have settled; a stdout that
 * does not drain pauses sending.
 */
import { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run as runCli } from "../src/cli/run.ts";
import { AdaptivePacer } from "../src/pacer.ts";
import { CLI_TOKEN, COMMAND, csv, names, recorder, useCliWorkspace } from "./support/cli.ts";

const workspace = useCliWorkspace("zoom-ledger-");

const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

/** A stdout the test controls: it can hold every write (a reader that does not read) or fail after N lines. */
class ControlledStdout extends EventEmitter {
  text = "";
  lines = 0;
  held: (() => void)[] = [];
  stalled = false;
  failAfter = Number.POSITIVE_INFINITY;
  readonly #whenHeld: { count: number; resolve: () => void }[] = [];
  write(chunk: string, callback?: (error?: Error | null) => void): boolean {
    if (this.lines >= this.failAfter) {
      queueMicrotask(() => {
        callback?.(enospc());
        this.emit("error", enospc());
      });
      return false;
    }
    this.text += chunk;
    this.lines += chunk.split("\n").length - 1;
    if (this.stalled) {
      this.held.push(() => callback?.());
      for (const waiter of this.#whenHeld.filter((w) => this.held.length >= w.count)) {
        this.#whenHeld.splice(this.#whenHeld.indexOf(waiter), 1);
        waiter.resolve();
      }
    } else queueMicrotask(() => callback?.());
    return !this.stalled;
  }
  /** Resolves once `count` writes are held (an event, not a wait on the clock). */
  heldReaches(count: number): Promise<void> {
    if (this.held.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#whenHeld.push({ count, resolve }));
  }
  /** Completes the oldest held write only: the reader takes one line. */
  releaseOne(): void {
    this.held.shift()?.();
  }
  drain(): void {
    this.stalled = false;
    for (const release of this.held.splice(0)) release();
  }
}

function runInProcess(
  args: string[],
  env: Record<string, string>,
  stdout: { write: ControlledStdout["write"]; on: EventEmitter["on"] },
  extra: { writeBytes?: (fd: number, bytes: Uint8Array) => number } = {},
) {
  const stderr = recorder();
  const done = runCli(args, {
    stdin: (async function* () {})(),
    stdout,
    stderr,
    env: { PATH: process.env.PATH ?? "", ...env },
    cwd: workspace.dir,
    invokedAs: "zoom-im-groups",
    signal: new AbortController().signal,
    ...extra,
  });
  return { done, stderr };
}

const jsonLines = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** The names a text's JSON row lines record as created. */
const createdIn = (text: string) =>
  jsonLines(text)
    .filter((line) => line.type === "row" && line.outcome === "created")
    .map((line) => line.name as string);

describe("a failed write stops the run and loses no created group", () => {
  it("--output on a disk that fills after 10 lines: exit 74, no create starts after, every group on record", async () => {
    const concurrency = 4;
    let failed = false;
    let outputFd: number | undefined;
    let writesAfterFailure = 0;
    let answeredAfterFailure = 0;
    const fdSeenByRequests: boolean[] = [];
    const { env, running } = await workspace.mockZoom({
      onRequest: () => {
        if (failed) answeredAfterFailure++;
        // The output's descriptor is still the output file while creates are on the wire (never a socket).
        if (outputFd !== undefined) fdSeenByRequests.push(sameAsOutput(outputFd));
      },
    });
    const output = join(workspace.dir, "full.jsonl");
    const sameAsOutput = (fd: number) => {
      try {
        return fstatSync(fd).ino === statSync(output).ino;
      } catch {
        return false;
      }
    };
    const input = await workspace.file("full.csv", csv(names(200, "Full")));
    let lines = 0;
    const writeBytes = (fd: number, bytes: Uint8Array) => {
      outputFd = fd;
      if (failed) writesAfterFailure++;
      if (lines >= 10) {
        failed = true;
        throw enospc();
      }
      lines += Buffer.from(bytes).toString().split("\n").length - 1;
      return writeSync(fd, bytes);
    };
    const stdout = new ControlledStdout();
    const { done, stderr } = runInProcess(
      ["create", "--file", input, "--output", "full.jsonl", "--concurrency", String(concurrency)],
      env,
      stdout,
      { writeBytes },
    );
    const code = await done;

    expect(code).toBe(74);
    expect(failed).toBe(true);
    expect(writesAfterFailure).toBe(0);
    // At most the creates already in flight are answered after the failure: none starts after it.
    expect(answeredAfterFailure).toBeLessThanOrEqual(concurrency);
    expect(fdSeenByRequests.length).toBeGreaterThan(0);
    expect(fdSeenByRequests.every(Boolean)).toBe(true);
    // Every group the mock holds is named in the output file or on stderr.
    const recorded = new Set([...createdIn(readFileSync(output, "utf8")), ...createdIn(stderr.text)]);
    const made = running.mock.groups().map((group) => group.name);
    expect(made.length).toBeGreaterThan(0);
    expect(made.filter((name) => !recorded.has(name))).toEqual([]);
    expect(made.length).toBeLessThanOrEqual(10 + concurrency);
    expect(stderr.text).toMatch(/Writing to --output full\.jsonl failed \(ENOSPC\)/);
    // The command to continue re-sends with --skip-existing (the ledger is incomplete) into the working folder.
    expect(stderr.text).toMatch(
      /create --file \S+full\.csv --concurrency 4 --skip-existing --output full\.resumed\.jsonl/,
    );
    expect(stderr.text).toContain("run it where the disk has room");
    expect(stderr.text).not.toMatch(/\n\s+at /);
  });

  it("a stdout that fails on the summary line only: exit 74, the summary on stderr", async () => {
    const { env } = await workspace.mockZoom();
    const input = await workspace.file("summary-full.csv", csv(names(3, "SummaryFull")));
    const stdout = new ControlledStdout();
    stdout.failAfter = 3; // the three row lines are written; the summary is the fourth
    const { done, stderr } = runInProcess(["create", "--file", input], env, stdout);
    expect(await done).toBe(74);
    expect(jsonLines(stdout.text).filter((line) => line.type === "row")).toHaveLength(3);
    expect(jsonLines(stderr.text).find((line) => line.type === "summary")).toMatchObject({ created: 3 });
    expect(stderr.text).toContain("Writing the summary to stdout failed");
  });

  it("a stdout that fails (ENOSPC) after 5 lines: exit 74, the rest of the sent rows on stderr", async () => {
    const { env, running } = await workspace.mockZoom();
    const input = await workspace.file("stdout-full.csv", csv(names(50, "StdoutFull")));
    const stdout = new ControlledStdout();
    stdout.failAfter = 5;
    const { done, stderr } = runInProcess(["create", "--file", input, "--concurrency", "3"], env, stdout);
    expect(await done).toBe(74);
    const recorded = new Set([...createdIn(stdout.text), ...createdIn(stderr.text)]);
    const made = running.mock.groups().map((group) => group.name);
    expect(made.filter((name) => !recorded.has(name))).toEqual([]);
    expect(made.length).toBeLessThanOrEqual(5 + 3);
    expect(stderr.text).toMatch(/Writing to stdout failed \(ENOSPC\)/);
  });

  it("spawned with stdout on /dev/full: no stack trace, exit 74, every created group on stderr", async () => {
    const { env, running } = await workspace.mockZoom();
    const input = await workspace.file("devfull.csv", csv(names(30, "DevFull")));
    const full = openSync("/dev/full", "w");
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const [command, ...prefix] = COMMAND as [string, ...string[]];
      const child = spawn(command, [...prefix, "create", "--file", input, "--concurrency", "2"], {
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
        stdio: ["ignore", full, "pipe"],
      });
      let text = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        text += chunk;
      });
      child.on("error", reject);
      child.on("close", (exit) => resolve({ code: exit, stderr: text }));
    });
    closeSync(full);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(74);
    const onStderr = new Set(createdIn(stderr));
    const made = running.mock.groups().map((group) => group.name);
    expect(made.filter((name) => !onStderr.has(name))).toEqual([]);
    expect(made.length).toBeLessThanOrEqual(2);
    expect(stderr).not.toContain(CLI_TOKEN);
  });
});

it("a single create whose stdout fails (ENOSPC) says so and exits 74, not 0 in silence", async () => {
  const { env, running } = await workspace.mockZoom();
  const stdout = new ControlledStdout();
  stdout.failAfter = 0;
  const { done, stderr } = runInProcess(["create", "--name", "Lone", "--json"], env, stdout);
  expect(await done).toBe(74);
  expect(running.mock.groups()).toHaveLength(1);
  expect(stderr.text).toContain("error: writing to stdout failed (ENOSPC)");
});

describe("short writes are completed", () => {
  it("a file that takes 7 bytes per write still gets every line whole", async () => {
    const { env } = await workspace.mockZoom();
    const input = await workspace.file("short.csv", csv(names(12, "Short")));
    let calls = 0;
    const writeBytes = (fd: number, bytes: Uint8Array) => {
      calls++;
      return writeSync(fd, bytes.subarray(0, 7));
    };
    const { done } = runInProcess(["create", "--file", input, "--output", "short.jsonl"], env, new ControlledStdout(), {
      writeBytes,
    });
    expect(await done).toBe(0);
    const written = readFileSync(join(workspace.dir, "short.jsonl"), "utf8");
    expect(createdIn(written)).toHaveLength(12);
    expect(jsonLines(written).at(-1)?.type).toBe("summary");
    expect(calls).toBeGreaterThan(12);
  });
});

describe("a stdout that does not drain pauses sending", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("while the reader does not read, each worker sends one create and waits on its line; one line read lets one more go", async () => {
    const concurrency = 5;
    let requests = 0;
    const { env, running } = await workspace.mockZoom({ onRequest: () => requests++ });
    // Slots asked of the run's pacer: a worker asks for one the moment it takes a row, in the same turn as it
    // is freed, so a worker that did not wait on its line would be counted here before the test looks.
    let slotsAsked = 0;
    const realWait = AdaptivePacer.prototype.wait;
    vi.spyOn(AdaptivePacer.prototype, "wait").mockImplementation(function (this: AdaptivePacer, signal) {
      slotsAsked++;
      return realWait.call(this, signal);
    });
    const input = await workspace.file("stall.csv", csv(names(60, "Stall")));
    const stdout = new ControlledStdout();
    stdout.stalled = true;
    const { done } = runInProcess(["create", "--file", input, "--concurrency", String(concurrency)], env, stdout);
    // Every worker has written its line and waits on it: from here no create can start until a line is read.
    await stdout.heldReaches(concurrency);
    expect(slotsAsked).toBe(concurrency);
    expect(requests).toBe(concurrency);
    expect(running.mock.groups()).toHaveLength(concurrency);
    // Each line the reader takes frees its worker for exactly one more create, whose line is held in turn.
    for (let read = 1; read <= 3; read++) {
      stdout.releaseOne();
      await stdout.heldReaches(concurrency);
      expect(slotsAsked).toBe(concurrency + read);
      expect(requests).toBe(concurrency + read);
      expect(running.mock.groups()).toHaveLength(concurrency + read);
    }
    stdout.drain(); // from here every write completes at once
    const code = await done;
    expect(code).toBe(0);
    expect(running.mock.groups()).toHaveLength(60);
    expect(createdIn(stdout.text)).toHaveLength(60);
  });
});

describe("a resumed run's output holds every line carried over from the moment it appears", () => {
  it("at every write (where a SIGKILL may land), the --output file, once it exists, holds every resumed line", async () => {
    const { env, log } = await workspace.mockZoom();
    const input = join(workspace.dir, "carry.csv");
    writeFileSync(input, csv(names(300, "Carry")));
    const first = runInProcess(
      ["create", "--file", input, "--rate", "1000", "--output", "carry0.jsonl"],
      env,
      recorder(),
    );
    expect(await first.done).toBe(0);
    const sent = log.length;
    // A kill can land between any two system calls: what the output holds at each write is what a kill leaves.
    const output = join(workspace.dir, "carry1.jsonl");
    const seen: number[] = [];
    const writeBytes = (fd: number, bytes: Uint8Array) => {
      if (existsSync(output)) seen.push(readFileSync(output, "utf8").split("\n").filter(Boolean).length);
      return writeSync(fd, bytes);
    };
    const second = runInProcess(
      ["create", "--file", input, "--resume", "carry0.jsonl", "--output", "carry1.jsonl"],
      env,
      recorder(),
      { writeBytes },
    );
    expect(await second.done).toBe(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((lines) => lines >= 300)).toBe(true);
    expect(log.length).toBe(sent);
    const rows = jsonLines(readFileSync(output, "utf8")).filter((line) => line.type === "row");
    expect(rows.filter((row) => typeof row.id === "string")).toHaveLength(300);
    expect(readdirSync(workspace.dir).filter((file) => file.includes(".partial-"))).toEqual([]);
  });
});
