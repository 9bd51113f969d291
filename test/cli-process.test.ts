/**
 * What only a real process shows: signals, closed pipes, a terminal's width, and commands the CLI prints
 * pasted into a shell as printed. The CLI is spawned from source (or ZOOM_CLI_BIN).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { COMMAND, csv, names, onTerminal, screenLines, spawnCli, useCliWorkspace } from "./support/cli.ts";

const workspace = useCliWorkspace("zoom-cli-process-");
const { file, mockZoom } = workspace;
const self = COMMAND.map((word) => `'${word}'`).join(" ");

/** Runs a command line in bash in the workspace folder; resolves with its exit code and streams. */
function shell(
  line: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", line], {
      cwd: workspace.dir,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

test("SIGINT stops sending, prints the summary, and every created group is on stdout (exit 130)", async () => {
  const { env, running } = await mockZoom();
  let interrupted = false;
  const run = await spawnCli(
    ["create", "--file", await file("slow.csv", csv(names(200, "Slow"))), "--rate", "20"],
    env,
    {
      onLine: (line, child) => {
        if (!interrupted && line.includes('Slow 5"')) {
          interrupted = true;
          child.kill("SIGINT");
        }
      },
    },
  );
  expect(run.code).toBe(130);
  const summary = run.lines.at(-1) as { created: number; notSent: number; stoppedBy: string };
  expect(summary).toMatchObject({ stoppedBy: "interrupted" });
  const created = run.lines.filter((line) => line.outcome === "created").map((line) => line.id);
  expect(created.sort()).toEqual(
    running.mock
      .groups()
      .map((g) => g.id)
      .sort(),
  );
  expect(summary.created + summary.notSent).toBe(200);
});

describe("a closed pipe ends quietly", () => {
  test("single create | head -1: exit 0, no stack trace", async () => {
    const { env } = await mockZoom();
    const result = await shell(
      `${self} create --name Piped | head -1 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`,
      env,
    );
    expect(result.stderr).toContain("exit=0");
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(workspace.running?.mock.groups()).toHaveLength(1);
  });

  test("bulk | head -1: sending stops, exit 141, no stack trace", async () => {
    const { env } = await mockZoom();
    await file("pipe.csv", csv(names(200, "Piped")));
    const result = await shell(
      `${self} create --file pipe.csv --rate 20 | head -1 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`,
      env,
    );
    expect(result.stderr).toContain("exit=141");
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(workspace.running?.mock.groups().length).toBeLessThan(200);
  });
});

test("on a 40-column terminal the progress line never wraps and never shares a line with the JSON lines", async () => {
  const { env } = await mockZoom();
  const screen = screenLines(
    await onTerminal(["create", "--file", await file("tty.csv", csv(names(5, "Tty")))], env, 40),
  );
  const rows = screen.filter((line) => line.includes('"type":"row"'));
  expect(rows).toHaveLength(5);
  for (const line of rows) expect(() => JSON.parse(line)).not.toThrow();
  const progress = screen.filter((line) => / · \d+ created/.test(line));
  expect(progress.length).toBeGreaterThan(0);
  for (const line of progress) expect(line.length).toBeLessThan(40);
  expect(progress.at(-1)).toMatch(/^5\/5 · 5 created · [\d.]+\/s/);
});

test("a progress line on a wide terminal: counts, rate, elapsed time; none when stderr is a pipe", async () => {
  const { env } = await mockZoom();
  const path = await file("wide.csv", csv(names(3, "Wide")));
  const screen = screenLines(await onTerminal(["create", "--file", path], env, 120));
  expect(screen.some((line) => /^\[#{30}\] 3\/3 · 3 created · [\d.]+\/s · 0:0\d/.test(line))).toBe(true);
  const piped = await spawnCli(["create", "--file", path, "--skip-existing"], env);
  expect(piped.stderr).not.toContain("[#");
});

describe("printed commands run as printed", () => {
  test("after a daily limit, the resume command pasted into bash sends exactly the rest", async () => {
    const limited = await mockZoom({ dailyLimit: 4 });
    await file("groups.csv", csv(names(10, "Pasted")));
    const first = await shell(`${self} create --file groups.csv --output run1.jsonl`, limited.env);
    expect(first.code).toBe(1);
    const summary = JSON.parse(readFileSync(join(workspace.dir, "run1.jsonl"), "utf8").trim().split("\n").at(-1) ?? "");
    expect(summary.resume).toMatch(/ create --file groups\.csv --resume run1\.jsonl --output run1\.resumed\.jsonl$/);
    expect(first.stderr).toContain(summary.resume);
    // Which four got through depends on the order concurrent calls arrived: the rest is what run1 did not create.
    const created = limited.running.mock.groups().map((g) => g.name);
    expect(created).toHaveLength(4);
    const fresh = await mockZoom();
    const second = await shell(summary.resume, fresh.env);
    expect(second.code).toBe(0);
    expect(
      fresh.running.mock
        .groups()
        .map((g) => g.name)
        .sort(),
    ).toEqual(
      names(10, "Pasted")
        .filter((name) => !created.includes(name))
        .sort(),
    );
    expect(readFileSync(join(workspace.dir, "run1.resumed.jsonl"), "utf8")).toContain('"resumed":4');
  });

  test("with stdout redirected to a file, the hint resumes from that file", async () => {
    const limited = await mockZoom({ dailyLimit: 2 });
    await file("redirect.csv", csv(names(4, "Redirected")));
    const first = await shell(`${self} create --file redirect.csv > out.jsonl`, limited.env);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(
      /To send the rest after the reset: .* create --file redirect\.csv --resume out\.jsonl --output out\.resumed\.jsonl/,
    );
  });

  test("with rows piped from a file (< groups.csv), the hint reads that file", async () => {
    const limited = await mockZoom({ dailyLimit: 1 });
    await file("stdin.csv", csv(names(3, "Stdin")));
    const first = await shell(`${self} create --file - --output s1.jsonl < stdin.csv`, limited.env);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/ create --file stdin\.csv --resume s1\.jsonl --output s1\.resumed\.jsonl/);
  });

  test("--resume FILE >> FILE is refused, and not said to be emptied", async () => {
    const { env, log } = await mockZoom();
    await file("append.csv", csv(["A"]));
    const line = `${JSON.stringify({ type: "row", row: 1, line: 2, name: "A", outcome: "created" })}\n`;
    await file("append.jsonl", line);
    const run = await shell(`${self} create --file append.csv --resume append.jsonl >> append.jsonl`, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is also this run's stdout (`>> append.jsonl`)");
    expect(run.stderr).not.toContain("emptied");
    expect(log).toEqual([]);
  });

  test("--resume FILE > FILE is refused: the shell emptied it", async () => {
    const { env, log } = await mockZoom();
    await file("same.csv", csv(["A"]));
    await file("same.jsonl", `${JSON.stringify({ type: "row", row: 1, line: 2, name: "A", outcome: "created" })}\n`);
    const run = await shell(`${self} create --file same.csv --resume same.jsonl > same.jsonl`, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is also this run's stdout: the shell emptied it");
    expect(log).toEqual([]);
  });
});

test("SIGTERM while stdin stalls (its writer never closes it): the process exits 130, not when the pipe ends", async () => {
  const [command, ...prefix] = COMMAND as [string, ...string[]];
  const child = spawn(command, [...prefix, "create", "--file", "-", "--dry-run"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  // More than a pipe holds: the write completes only once the CLI is reading (its handlers are set by then).
  const rows = `name\n${Array.from({ length: 20_000 }, (_, i) => `Stalled ${i}`).join("\n")}\n`;
  await new Promise((resolve) => child.stdin.write(rows, resolve));
  child.kill("SIGTERM");
  // stdin stays open: only an exit that does not wait for the pipe to end settles this.
  expect(await exited).toBe(130);
  child.stdin.destroy();
});
