#!/usr/bin/env node
/**
 * The `zoom-im-groups` command: create one group or many, or run the mock Zoom. A user of the library:
 * it imports only the package's public entry points. Each subcommand is its own module (commands/).
 * Exit codes: 0 done; 1 the API or network failed; 2 usage or validation error (nothing sent);
 * 130 interrupted (Ctrl-C); 141 stdout closed during a bulk run.
 */
import { readFile } from "node:fs/promises";
import { operation, ZoomImGroupsError } from "../index.js";
import { create, createHelp } from "./commands/create.js";
import { mock, mockHelp } from "./commands/mock.js";
import { oneLine, redactEnvironment } from "./errors.js";
import { commonSection, EXIT_CODES } from "./help.js";
import { Terminal } from "./io.js";
import { UsageError } from "./usage.js";

const terminal = new Terminal();

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

const commands: Record<string, { run: (args: string[], terminal: Terminal) => Promise<number>; help: () => string }> = {
  create: { run: create, help: createHelp },
  mock: { run: mock, help: mockHelp },
};

function globalHelp(): string {
  return [
    `zoom-im-groups — create Zoom IM directory groups (${operation.method} /v2${operation.path})`,
    "",
    "Usage:",
    "  zoom-im-groups create --name NAME [field flags] [options]   create one group",
    "  zoom-im-groups create --file groups.csv [options]           create many",
    "  zoom-im-groups mock [options]                               run a mock Zoom",
    "",
    "Run `zoom-im-groups COMMAND --help` for a command's flags.",
    "",
    commonSection(),
    "",
    EXIT_CODES,
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  // Flags before `--` only: `--version` anywhere prints the version and nothing is sent or started.
  const flags = argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv;
  if (flags.includes("--version")) {
    terminal.out(await version());
    return 0;
  }
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    const topic = command === "help" ? rest[0] : undefined;
    terminal.out(topic && commands[topic] ? commands[topic].help() : globalHelp());
    return command === undefined ? 2 : 0;
  }
  const chosen = commands[command];
  if (!chosen)
    throw new UsageError(`unknown command "${command}" (commands: ${Object.keys(commands).join(", ")}; see --help)`);
  return chosen.run(rest, terminal);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const verbose = process.argv.includes("--verbose");
    if (error instanceof UsageError) {
      terminal.err(`error: ${oneLine(redactEnvironment(error.message))}`);
      terminal.err("Run zoom-im-groups --help for usage.");
      process.exitCode = 2;
    } else if (error instanceof ZoomImGroupsError) {
      terminal.err(`error: ${error.name}: ${oneLine(redactEnvironment(error.message))}`);
      if (verbose && error.stack) terminal.err(redactEnvironment(error.stack));
      process.exitCode = error.name === "ValidationError" || error.name === "ConfigurationError" ? 2 : 1;
    } else {
      terminal.err(`error: ${oneLine(redactEnvironment(error instanceof Error ? error.message : String(error)))}`);
      if (verbose && error instanceof Error && error.stack) terminal.err(redactEnvironment(error.stack));
      process.exitCode = 1;
    }
  },
);
