#!/usr/bin/env node
/**
 * The first Ctrl-C (or SIGTERM) aborts the run's signal: a bulk run stops sending and reports. A second quits at
 * once, after the command has said (on `quit`) what was on the wire and how to go on.
 */
import { realpathSync } from "node:fs";
import { delimiter, join, relative } from "node:path";
import { run } from "./run.js";
import { commandLine } from "./shell.js";

const interrupt = new AbortController();
const quit = new AbortController();
let interrupts = 0;
const onSignal = () => {
  if (++interrupts > 1) {
    // Its listeners write to stderr synchronously (a terminal, a pipe or a file on Linux and macOS).
    quit.abort(new DOMException("quit", "AbortError"));
    process.exit(130);
  }
  interrupt.abort(new DOMException("interrupted", "AbortError"));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

const code = await run(process.argv.slice(2), {
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  invokedAs: invokedAs(),
  signal: interrupt.signal,
  quit: quit.signal,
});
process.exitCode = code;
// Interrupted, the run has said all it will; a read it abandoned (a stalled pipe, a FIFO whose writer never
// closes) must not keep the process alive. Exit once what was written has reached stdout and stderr.
if (interrupt.signal.aborted) {
  const flushed = (stream: NodeJS.WriteStream) => new Promise((resolve) => stream.write("", resolve));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** How a shell reaches this binary again: through npx, by name on PATH, or by its path. */
function invokedAs(): string {
  if (process.env.npm_command === "exec") return "npx zoom-im-groups";
  const self = realpath(process.argv[1] ?? "");
  const onPath = (process.env.PATH ?? "")
    .split(delimiter)
    .some((dir) => realpath(join(dir, "zoom-im-groups")) === self);
  if (self && onPath) return "zoom-im-groups";
  const script = self ?? process.argv[1] ?? "zoom-im-groups";
  return commandLine(["node", ...process.execArgv, relative(process.cwd(), script) || script]);
}

function realpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
