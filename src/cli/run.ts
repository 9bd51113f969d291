/**
 * The `zoom-im-groups` command as a function, `run(argv, io)` → exit code; main.ts only binds it to the
 * process. A user of the library: it imports only the package's public entry points.
 */
import { readFile } from "node:fs/promises";
import { ZoomImGroupsError } from "../index.js";
import { operation } from "../spec.js";
import { apply, applyHelp } from "./commands/apply.js";
import { create, createHelp } from "./commands/create.js";
import { mock, mockHelp } from "./commands/mock.js";
import { verifyCommand, verifyHelp } from "./commands/verify.js";
import { errorJson, UsageError } from "./errors.js";
import { commonSection, EXIT_CODES } from "./help.js";
import { type Io, Terminal } from "./io.js";
import { nearest } from "./text.js";

export type { Io } from "./io.js";

interface Command {
  run: (args: string[], terminal: Terminal) => Promise<number>;
  help: () => string;
}

const commands: Record<string, Command> = {
  apply: { run: apply, help: applyHelp },
  create: { run: create, help: createHelp },
  mock: { run: mock, help: mockHelp },
  verify: { run: verifyCommand, help: verifyHelp },
};

function globalHelp(): string {
  return [
    `zoom-im-groups — Zoom IM directory groups and their members (/v2${operation.path})`,
    "",
    "Usage:",
    "  zoom-im-groups create --name NAME [field flags] [options]   create one group",
    "  zoom-im-groups create --file groups.csv [options]           create many",
    "  zoom-im-groups apply --file groups.csv [--plan] [--prune]   make groups and members match a file",
    "  zoom-im-groups mock [options]                               run a mock Zoom",
    "  zoom-im-groups verify [--member-email EMAIL] [options]      check an account against the spec",
    "",
    "Run `zoom-im-groups COMMAND --help` for a command's flags.",
    "",
    commonSection(),
    "",
    EXIT_CODES,
  ].join("\n");
}

export async function run(argv: string[], io: Io): Promise<number> {
  const terminal = new Terminal(io);
  // Flags before `--` only: `--version` anywhere prints the version and nothing is sent or started.
  const flags = argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv;
  try {
    if (flags.includes("--version")) {
      const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
      terminal.out((pkg as { version: string }).version);
      return 0;
    }
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      const topic = name === "help" ? rest[0] : undefined;
      terminal.out(topic && commands[topic] ? commands[topic].help() : globalHelp());
      return name === undefined ? 2 : 0;
    }
    const command = commands[name];
    if (!command) {
      const hint = nearest(name, Object.keys(commands));
      throw new UsageError(
        `unknown command "${name}"${hint ? ` (did you mean ${hint}?)` : ""}; commands: ${Object.keys(commands).join(", ")}`,
      );
    }
    const code = await command.run(rest, terminal);
    // A write to stdout that failed (ENOSPC on `> /dev/full`) is said, not lost in silence; a bulk run has
    // said it already (its ledger), with its own exit code.
    await terminal.stdout.settled();
    const lost = terminal.stdout.error;
    if (lost && code !== 74) {
      terminal.err(
        `error: writing to stdout failed (${lost.code ?? lost.message}): what this command printed there is lost`,
      );
      return 74;
    }
    return code;
  } catch (error) {
    return failed(error, terminal, flags);
  }
}

/** With --json, also the same `{"error": …}` object as any other failure. */
function failed(error: unknown, terminal: Terminal, flags: string[]): number {
  const { signal } = terminal.io;
  if (signal.aborted && error === signal.reason) return 130;
  const json = errorJson(error);
  if (flags.some((flag) => flag === "--json" || flag.startsWith("--json=")))
    terminal.out(JSON.stringify({ error: json }));
  if (error instanceof UsageError) {
    terminal.err(`error: ${json.message}`);
    const command = flags[0] && commands[flags[0]] ? ` ${flags[0]}` : "";
    if (error.helps) terminal.err(`Run ${terminal.io.invokedAs}${command} --help for usage.`);
    return 2;
  }
  terminal.err(`error: ${error instanceof ZoomImGroupsError ? `${json.name}: ` : ""}${json.message}`);
  if (flags.includes("--verbose") && error instanceof Error && error.stack) terminal.err(error.stack);
  return error instanceof ZoomImGroupsError && (json.name === "ValidationError" || json.name === "ConfigurationError")
    ? 2
    : 1;
}
