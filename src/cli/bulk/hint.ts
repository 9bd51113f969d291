import { existsSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { nameInFolder, type Terminal } from "../io.js";
import { commandLine } from "../shell.js";
import type { Summary } from "./report.js";

/**
 * The command that sends what this run did not. `--resume` needs this run's lines in a file it can name;
 * without one, or when every failure was a 409, `--skip-existing` counts the groups that exist as existing.
 */
export function resumeHint(
  args: readonly string[],
  summary: Summary,
  nameConflicts: number,
  outputPath: string | undefined,
  terminal: Terminal,
): { command: string; note?: string } | undefined {
  if (summary.notSent === 0 && summary.failed === 0) return undefined;
  const { io } = terminal;
  const onlyConflicts = summary.notSent === 0 && summary.failed === nameConflicts;
  const thisOutput = outputPath ?? nameInFolder(io.stdout, io.cwd);
  const kept = withoutFlags(args, ["--resume", "--output"], ["--skip-existing", "--dry-run"]);
  const stdinFile = kept.includes("-") ? nameInFolder(io.stdin, io.cwd) : undefined;
  const words = kept.map((word, index) =>
    word === "-" && kept[index - 1] === "--file" && stdinFile ? stdinFile : word,
  );
  // An output that could not be written is an incomplete ledger (only the server knows what exists), and its
  // disk may be full: the next output goes to the working folder, not beside it.
  const outputFailed = summary.stoppedBy === "output-failed";
  const next = nextOutputName(
    outputFailed ? basename(thisOutput ?? "zoom-im-groups-run.jsonl") : (thisOutput ?? "zoom-im-groups-run.jsonl"),
    io.cwd,
  );
  if (onlyConflicts || thisOutput === undefined || outputFailed) words.push("--skip-existing");
  else words.push("--resume", thisOutput);
  words.push("--output", next);
  const command = `${io.invokedAs} create ${commandLine(words)}`;
  const pipeAgain = words.includes("-");
  const notes = [
    ...(pipeAgain ? ["it reads the rows from stdin: pipe the same input in again where the … is"] : []),
    ...(outputFailed ? ["run it where the disk has room"] : []),
  ];
  return { command: pipeAgain ? `… | ${command}` : command, ...(notes.length ? { note: notes.join("; ") } : {}) };
}

export function withoutFlags(args: readonly string[], withValue: string[], bare: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const flag = arg.split("=")[0] as string;
    if (withValue.includes(flag)) i += arg.includes("=") ? 0 : 1;
    else if (!bare.includes(arg)) kept.push(arg);
  }
  return kept;
}

/** `run1.jsonl` → `run1.resumed.jsonl` (`run1.resumed-2.jsonl` if taken): never an existing file. */
export function nextOutputName(from: string, cwd: string): string {
  const extension = extname(from) || ".jsonl";
  const stem = from.slice(0, from.length - extname(from).length).replace(/\.resumed(-\d+)?$/, "");
  for (let n = 1; ; n++) {
    const name = `${stem}.resumed${n > 1 ? `-${n}` : ""}${extension}`;
    if (!existsSync(resolve(cwd, name))) return name;
  }
}
