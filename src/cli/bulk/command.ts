/**
 * `create --file`: read and check every row, then run them (runner.ts) with a pacer, a progress bar on a
 * terminal, Ctrl-C / closed-stdout / daily-limit stops, and a summary that says how to resume.
 */

import { setMaxListeners } from "node:events";
import { fstatSync, readlinkSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createImGroupsClient, type Encoding } from "../../index.js";
import type { Terminal } from "../io.js";
import { resolveTarget } from "../target.js";
import { type Flags, positiveInteger, text, UsageError } from "../usage.js";
import { Pacer } from "./pacer.js";
import { type PriorRun, readPriorRun } from "./resume.js";
import { chooseFormat, InputError, parseRows } from "./rows.js";
import { type BulkSummary, findInvalidRows, type RowReport, rateLimitFeedback, runBulk, Stop } from "./runner.js";

/** Exit codes by what stopped the run; otherwise 1 when a row failed, else 0. */
const EXIT: Record<string, number> = { interrupted: 130, "stdout-closed": 141, "daily-limit": 1, fatal: 1 };

export async function runFileCommand(flags: Flags, encoding: Encoding, terminal: Terminal): Promise<number> {
  const path = text(flags, "file") as string;
  const input = path === "-" ? await readStdin() : await readInput(path);
  let rows: ReturnType<typeof parseRows>;
  try {
    rows = parseRows(input, chooseFormat(text(flags, "format"), path, input));
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`${path === "-" ? "stdin" : path}: ${error.message}`);
    throw error;
  }
  const resumePath = text(flags, "resume");
  const prior: PriorRun | undefined = resumePath ? readPriorRun(await readInput(resumePath)) : undefined;
  if (prior) {
    terminal.err(
      `resuming from ${resumePath}: ${prior.byName.size} names recorded` +
        (prior.unreadable ? `, ${prior.unreadable} unreadable line(s) ignored (a cut-off line is expected)` : ""),
    );
  }
  const invalid = findInvalidRows(rows);
  for (const { row, problems } of invalid) terminal.err(`row ${row.row} (line ${row.line}): ${problems.join("; ")}`);
  if (invalid.length > 0 && !flags["skip-invalid"]) {
    terminal.err(
      `${invalid.length} of ${rows.length} rows are invalid; nothing was sent (--skip-invalid sends the valid rows).`,
    );
    return 2;
  }
  if (flags["dry-run"]) {
    terminal.err(`${rows.length - invalid.length} rows are valid; --dry-run sent nothing.`);
    return 0;
  }
  const rate = positiveInteger("rate", flags.rate, 30);
  // The pacer can only hand a slot to a free worker: at 200/s, 4 in flight starve it whenever an answer
  // takes over 20 ms. The default keeps up with answers of up to 50 ms.
  const concurrency = positiveInteger("concurrency", flags.concurrency, Math.max(4, Math.ceil(rate / 20)));
  const target = await resolveTarget(text(flags, "base-url"), encoding, terminal);
  const pacer = new Pacer(rate);
  let rateLimited = 0;
  const client = createImGroupsClient({
    ...target.options,
    maxRetries: 5,
    middleware: [rateLimitFeedback(pacer, () => rateLimited++)],
  });
  const stop = new Stop();
  // One listener per worker and per call in flight on the one stop signal is expected, not a leak.
  setMaxListeners(0, stop.signal);
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    terminal.err(
      "\nzoom-im-groups: interrupted; nothing more is sent, calls on the wire finish (Ctrl-C again to quit at once).",
    );
    stop.stop("interrupted");
  };
  process.on("SIGINT", onSigint);
  // The reader of stdout has gone (`| head`): stop sending as on Ctrl-C; what was created goes to stderr.
  terminal.stdout.onClose(() => stop.stop("stdout-closed"));
  const progress = progressBar(terminal, rows.length);
  try {
    const summary = await runBulk({
      client,
      rows,
      invalid,
      ...(prior ? { prior: prior.byName } : {}),
      concurrency,
      pacer,
      skipExisting: flags["skip-existing"] === true,
      stop,
      rateLimited: () => rateLimited,
      report: (line) => {
        const json = JSON.stringify(line);
        // A created group must be on record somewhere: if stdout has gone, on stderr.
        terminal.out(json, line.outcome === "created" ? () => terminal.err(json) : undefined);
        progress(line);
      },
    });
    terminal.endStatus();
    const resume = resumeHint(summary);
    terminal.out(JSON.stringify({ ...summary, ...(resume ? { resume } : {}) }));
    for (const line of humanSummary(summary, resume)) terminal.err(line);
    if (summary.stoppedBy) return EXIT[summary.stoppedBy] ?? 1;
    return summary.failed > 0 || summary.notSent > 0 ? 1 : 0;
  } finally {
    process.off("SIGINT", onSigint);
    await target.embedded?.close();
  }
}

async function readInput(path: string): Promise<string> {
  return readFile(path, "utf8").catch((error: Error) => {
    throw new UsageError(`cannot read ${path}: ${error.message}`);
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function progressBar(terminal: Terminal, total: number): (line: RowReport) => void {
  let done = 0;
  let failed = 0;
  return (line) => {
    done++;
    if (line.outcome === "failed") failed++;
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    terminal.status(
      `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${failed ? ` (${failed} failed)` : ""}`,
    );
  };
}

/** Where this run's stdout goes, when it is a file (`> run.jsonl`): the file to resume from. */
function stdoutFile(): string | undefined {
  try {
    return fstatSync(1).isFile() ? readlinkSync("/proc/self/fd/1") : undefined;
  } catch {
    return undefined;
  }
}

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** The exact command that resumes this run: the same arguments, `--resume` this run's output. */
export function resumeCommand(argv: readonly string[], output: string | undefined): string {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--resume") i++;
    else if (!arg.startsWith("--resume=")) args.push(arg);
  }
  const from = output ?? "RUN-OUTPUT.jsonl";
  const next = output ? ` > ${quote(output.replace(/(\.[^./]+)?$/, (ext) => `.resumed${ext}`))}` : "";
  return ["zoom-im-groups", ...args, "--resume", from].map(quote).join(" ") + next;
}

/** The command that sends what this run did not, when there is anything left. */
function resumeHint(summary: BulkSummary): string | undefined {
  if (summary.notSent === 0 && summary.failed === 0) return undefined;
  return resumeCommand(process.argv.slice(2), stdoutFile());
}

function humanSummary(summary: BulkSummary, hint: string | undefined): string[] {
  const lines = [
    `summary: ${summary.rows} rows: ${summary.created} created${summary.unconfirmed ? ` (${summary.unconfirmed} unconfirmed: answer lost, the group exists)` : ""}, ` +
      `${summary.exists} existed, ${summary.failed} failed, ${summary.invalid} invalid, ${summary.notSent} not sent` +
      `${summary.resumed ? `, ${summary.resumed} from the resumed run` : ""}; ${summary.rateLimited} rate-limited answers; ${summary.elapsedMs} ms`,
  ];
  if (summary.stoppedBy === "daily-limit") {
    lines.push(
      `Zoom's daily limit is used up: sending stopped at once; ${summary.notSent} rows were not sent.` +
        (summary.resetsAt ? ` It resets at ${summary.resetsAt}.` : ""),
    );
  } else if (summary.stoppedBy === "fatal") {
    lines.push(`Sending stopped: every further row would have failed the same way (see the failed row).`);
  } else if (summary.stoppedBy === "stdout-closed") {
    lines.push("stdout was closed: sending stopped; rows created after that are listed above on stderr.");
  }
  if (hint) lines.push(`To send the rest${summary.resetsAt ? " after the reset" : ""}: ${hint}`);
  return lines;
}
