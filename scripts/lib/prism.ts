/**
 * Stoplight Prism as a child process on a free loopback port, for the contract checks that use it
 * (test:prism: validation proxy in front of the mock; check:package: mock server of an upstream file).
 * The whole process group is stopped on `stop()` and when this process exits.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { repoRoot } from "./spec.ts";

export async function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on("error", reject);
  });
}

export interface RunningPrism {
  url: string;
  log: () => string;
  stop: () => void;
}

/** `args`: Prism's subcommand and its arguments, e.g. `["mock", "file.json"]` or `["proxy", spec, upstream, "--errors"]`. */
export async function startPrism(args: string[]): Promise<RunningPrism> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    resolve(repoRoot, "node_modules/.bin/prism"),
    [...args, "--host", "127.0.0.1", "--port", String(port)],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let log = "";
  child.stdout?.on("data", (chunk) => {
    log += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  const stop = () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
  process.on("exit", stop);
  const deadline = Date.now() + 60_000;
  while (!log.includes("Prism is listening")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`Prism did not start:\n${log}`);
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return { url: `http://127.0.0.1:${port}`, log: () => log, stop };
}
