/**
 * `create --file`: check the flags, the input and the resume file; then run the rows (runner.ts) paced by
 * the client's throttle, with a progress line on a terminal, stops on Ctrl-C, a closed stdout, a daily limit
 * or a failure every row would meet, and a summary that says what happened and the command that sends the rest.
 */
import { closeSync, existsSync, openSync, readdirSync, type Stats, statSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import { createImGroupsClient, type Encoding } from "../../index.js";
import { errorJson } from "../errors.js";
import { fileStats, type Terminal } from "../io.js";
import { commandLine } from "../shell.js";
import { connect, resolveTarget } from "../target.js";
import { count, type Flags, integer, someOf, text, UsageError } from "../usage.js";
import { Pacer } from "./pacer.js";
import { progress } from "./progress.js";
import { EXIT_BY_STOP, type RowReport, type Summary, Tally } from "./report.js";
import { type PriorRun, readPriorRun } from "./resume.js";
import {
  checkRows,
  chooseFormat,
  decodeInput,
  delimiterFlag,
  InputError,
  type InputRow,
  nearDuplicateText,
  parseRows,
  type ValidRow,
} from "./rows.js";
import { RunStop, refsOf, rowOf, runBulk } from "./runner.js";

/** Retries per row (the library's default is 2) and the longest Retry-After waited out, pacer and client alike. */
const MAX_RETRIES = 5;
const MAX_RETRY_DELAY_MS = 60_000;
/** Invalid rows shown one by one before the rest are only counted. */
const INVALID_SHOWN = 10;

export interface CallSettings {
  encoding: Encoding;
  timeoutMs: number;
}

export async function runFileCommand(
  args: readonly string[],
  flags: Flags,
  call: CallSettings,
  terminal: Terminal,
): Promise<number> {
  const { io } = terminal;
  // Bounds before anything is read, started or sent (also with --dry-run).
  const rate = integer("rate", flags.rate, { min: 1, max: 1000, fallback: 30 });
  const fallbackConcurrency = Math.min(500, Math.max(16, 2 * rate));
  const concurrency = integer("concurrency", flags.concurrency, { min: 1, max: 1000, fallback: fallbackConcurrency });
  const target = resolveTarget(text(flags, "base-url"), call.encoding, io.env);
  const path = text(flags, "file") as string;
  const outputPath = text(flags, "output");
  const resumePath = text(flags, "resume");
  if (outputPath !== undefined && existsSync(resolve(io.cwd, outputPath)))
    throw new UsageError(
      `--output ${outputPath} already exists: give a new file (a run's output is what --resume reads; it is never overwritten)`,
    );

  const source = path === "-" ? "stdin" : path;
  const delimiter = delimiterFlag(text(flags, "delimiter"));
  const bytes = path === "-" ? await readStdin(terminal) : await readBytes(resolve(io.cwd, path), path);
  let rows: InputRow[];
  try {
    const input = decodeInput(bytes);
    const parsed = parseRows(input, chooseFormat(text(flags, "format"), path, input), delimiter);
    rows = parsed.rows;
    for (const note of parsed.notes) terminal.err(`${source}: ${note}`);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`${source}: ${error.message}`);
    throw error;
  }
  const prior = resumePath === undefined ? undefined : await readResumeFile(resumePath, terminal);

  const { valid, invalid, nearDuplicates } = checkRows(rows, flags.strict === true);
  if (!flags.strict) {
    for (const near of nearDuplicates.slice(0, INVALID_SHOWN))
      terminal.err(
        `warning: row ${near.row.row} (line ${near.row.line}): ${nearDuplicateText(near)}; both are sent as written (--strict makes such rows invalid).`,
      );
    if (nearDuplicates.length > INVALID_SHOWN)
      terminal.err(`… and ${count(nearDuplicates.length - INVALID_SHOWN, "more name")} like these.`);
  }
  for (const { row, problems } of invalid.slice(0, INVALID_SHOWN))
    terminal.err(`row ${row.row} (line ${row.line}): ${problems.join("; ")}`);
  if (invalid.length > INVALID_SHOWN)
    terminal.err(
      `… and ${count(invalid.length - INVALID_SHOWN, "more invalid row")}; all are in the output with --skip-invalid --dry-run.`,
    );
  if (invalid.length > 0 && !flags["skip-invalid"]) {
    terminal.err(
      `${count(invalid.length, "row")} of ${rows.length.toLocaleString("en-US")} ${invalid.length === 1 ? "is" : "are"} invalid; nothing was sent (--skip-invalid sends the valid rows).`,
    );
    return 2;
  }

  const sink = outputPath === undefined ? stdoutSink(terminal) : fileSink(resolve(io.cwd, outputPath), terminal);
  const tally = new Tally();
  // Started once the rows decided before sending are counted, so its rate is the sending's.
  let shown: ReturnType<typeof progress> | undefined;
  const record = (line: RowReport) => {
    tally.add(line);
    sink.line(JSON.stringify(line), line.outcome === "created");
    shown?.update();
  };
  const started = performance.now();
  for (const { row, problems } of invalid)
    record({ ...rowOf(row), outcome: "invalid", error: { name: "ValidationError", message: problems.join("; ") } });
  const pending: ValidRow[] = [];
  for (const row of valid) {
    const done = prior?.done.get(row.body.name);
    if (done) record({ ...rowOf(row), outcome: done.outcome, ...refsOf(done), ...confirmedOf(done), resumed: true });
    else pending.push(row);
  }
  shown = progress(terminal, tally, rows.length);

  const stop = new RunStop();
  const pacer = new Pacer(rate, MAX_RETRY_DELAY_MS);
  let embedded: { close(): Promise<void> } | undefined;
  try {
    if (flags["dry-run"]) {
      terminal.err(`${count(pending.length, "row")} would be sent; --dry-run sent nothing.`);
    } else {
      const connected = await connect(target, call.encoding, terminal);
      embedded = connected.embedded;
      const client = createImGroupsClient({
        ...connected.options,
        timeoutMs: call.timeoutMs,
        maxRetries: MAX_RETRIES,
        maxRetryDelayMs: MAX_RETRY_DELAY_MS,
        throttle: pacer,
      });
      const onInterrupt = () => {
        terminal.err(
          "zoom-im-groups: interrupted; nothing more is sent, calls on the wire finish (Ctrl-C again to quit at once).",
        );
        stop.stop("interrupted");
      };
      if (io.signal.aborted) onInterrupt();
      else io.signal.addEventListener("abort", onInterrupt, { once: true });
      // The reader of stdout has gone (`| head`): stop sending; what is created after goes to stderr.
      if (outputPath === undefined) terminal.stdout.onClose(() => stop.stop("stdout-closed"));
      try {
        await runBulk({
          client,
          rows: pending,
          resumed: prior !== undefined,
          concurrency,
          skipExisting: flags["skip-existing"] === true,
          stop,
          report: record,
          reportUnsent: (lines) => {
            for (const line of lines) tally.add(line);
            sink.lines(lines.map((line) => JSON.stringify(line)));
          },
        });
      } finally {
        io.signal.removeEventListener("abort", onInterrupt);
      }
    }
    shown.end();
    const summary: Summary = {
      type: "summary",
      rows: rows.length,
      ...tally.counts,
      nearDuplicates: flags.strict ? 0 : nearDuplicates.length,
      rateLimited: pacer.rateLimitedAnswers,
      failures: tally.failures,
      ...(stop.reason ? { stoppedBy: stop.reason } : {}),
      ...(stop.reason === "fatal" ? { stopError: errorJson(stop.error) } : {}),
      ...(stop.reason === "daily-limit" ? resetsAt(stop.error) : {}),
      elapsedMs: Math.round(performance.now() - started),
    };
    const hint = flags["dry-run"] ? undefined : resumeHint(args, summary, outputPath, terminal);
    if (hint) summary.resume = hint.command;
    sink.line(JSON.stringify(summary), false);
    for (const line of humanSummary(summary, hint?.note)) terminal.err(line);
    if (summary.stoppedBy) return EXIT_BY_STOP[summary.stoppedBy];
    return summary.failed > 0 || summary.notSent > 0 ? 1 : 0;
  } finally {
    sink.close();
    await embedded?.close();
  }
}

const confirmedOf = (done: { confirmed?: false }) => (done.confirmed === false ? { confirmed: false as const } : {});

function resetsAt(error: unknown): { resetsAt?: string } {
  const at = (error as { retryAfter?: Date } | undefined)?.retryAfter;
  return at ? { resetsAt: at.toISOString() } : {};
}

/** The file's bytes: the input is decoded strictly (rows.ts), a resume file leniently (it may end mid-line). */
async function readBytes(absolute: string, shown: string): Promise<Buffer> {
  return readFile(absolute).catch((error: Error) => {
    throw new UsageError(`cannot read ${shown}: ${error.message.replace(absolute, shown)}`);
  });
}

const readInput = async (absolute: string, shown: string) => (await readBytes(absolute, shown)).toString("utf8");

async function readStdin(terminal: Terminal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of terminal.io.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const sameFile = (a: Stats | undefined, b: Stats | undefined) => !!a && !!b && a.dev === b.dev && a.ino === b.ino;

/** The previous run's output, refused when it cannot be one (and, above all, when the shell just emptied it). */
async function readResumeFile(path: string, terminal: Terminal): Promise<PriorRun> {
  const { io } = terminal;
  const absolute = resolve(io.cwd, path);
  let stats: Stats | undefined;
  try {
    stats = statSync(absolute);
  } catch {
    // readInput says why below
  }
  if (sameFile(stats, fileStats(io.stdout)))
    throw new UsageError(
      `--resume ${path} is also this run's stdout: the shell emptied it when it opened \`> ${path}\`, before this ` +
        "command started, so the earlier run's lines are gone (unless you kept a copy). Resume from a copy, or run " +
        "with --skip-existing to count the groups that exist as existing; send this run's output to a new file " +
        "(--output FILE).",
    );
  const prior = readPriorRun(await readInput(absolute, path));
  if (prior.recognised === 0)
    throw new UsageError(
      `--resume ${path}: no line in it was written by a run of zoom-im-groups (${count(prior.ignored, "other line")}); ` +
        "give the output (--output FILE, or stdout redirected to a file) of the run to resume",
    );
  terminal.err(
    `resuming from ${path}: ${count(prior.done.size, "group")} created or existing there` +
      (prior.ignored
        ? `; ${count(prior.ignored, "line")} of another shape ignored (a cut-off last line is expected)`
        : ""),
  );
  return prior;
}

interface Sink {
  /** One JSON line; `created` lines that cannot reach stdout go to stderr, so none is lost. */
  line(json: string, created: boolean): void;
  lines(jsons: readonly string[]): void;
  close(): void;
}

function stdoutSink(terminal: Terminal): Sink {
  return {
    line: (json, created) => terminal.out(json, created ? () => terminal.err(json) : undefined),
    lines: (jsons) => {
      for (let i = 0; i < jsons.length; i += 10_000) terminal.out(jsons.slice(i, i + 10_000).join("\n"));
    },
    close: () => undefined,
  };
}

/** `--output FILE`: a new file, each line written through to the system as soon as it is decided. */
function fileSink(path: string, terminal: Terminal): Sink {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    throw new UsageError(`cannot create --output ${basename(path)}: ${(error as Error).message}`);
  }
  const write = (text: string) => writeSync(fd, terminal.redact(text));
  return {
    line: (json) => write(`${json}\n`),
    lines: (jsons) => {
      for (let i = 0; i < jsons.length; i += 10_000) write(`${jsons.slice(i, i + 10_000).join("\n")}\n`);
    },
    close: () => closeSync(fd),
  };
}

/**
 * The command that sends what this run did not, as it runs in the shell the README sets up; and a note
 * when it needs one (stdin to pipe in again). `--resume` needs this run's lines in a file it can name:
 * `--output`, or stdout redirected to a file in the working folder. Otherwise, and when every failure
 * was a 409, `--skip-existing` re-sends and counts the groups that exist as existing.
 */
function resumeHint(
  args: readonly string[],
  summary: Summary,
  outputPath: string | undefined,
  terminal: Terminal,
): { command: string; note?: string } | undefined {
  if (summary.notSent === 0 && summary.failed === 0) return undefined;
  const { io } = terminal;
  const onlyConflicts =
    summary.notSent === 0 && Object.keys(summary.failures).every((reason) => reason.startsWith("HTTP 409"));
  const thisOutput = outputPath ?? nameInFolder(fileStats(io.stdout), io.cwd);
  const kept = withoutFlags(args, ["--resume", "--output"], ["--skip-existing", "--dry-run"]);
  const stdinFile = kept.includes("-") ? nameInFolder(fileStats(io.stdin), io.cwd) : undefined;
  const words = kept.map((word, index) =>
    word === "-" && kept[index - 1] === "--file" && stdinFile ? stdinFile : word,
  );
  const next = nextOutputName(thisOutput ?? "zoom-im-groups-run.jsonl", io.cwd);
  if (onlyConflicts || thisOutput === undefined) words.push("--skip-existing");
  else words.push("--resume", thisOutput);
  words.push("--output", next);
  const command = `${io.invokedAs} create ${commandLine(words)}`;
  const pipeAgain = words.includes("-");
  return {
    command: pipeAgain ? `… | ${command}` : command,
    ...(pipeAgain ? { note: "it reads the rows from stdin: pipe the same input in again where the … is" } : {}),
  };
}

function withoutFlags(args: readonly string[], withValue: string[], bare: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const flag = arg.split("=")[0] as string;
    if (withValue.includes(flag)) i += arg.includes("=") ? 0 : 1;
    else if (!bare.includes(arg)) kept.push(arg);
  }
  return kept;
}

/** The name, in the working folder, of the file a stream is redirected to (found by device and inode). */
function nameInFolder(stats: Stats | undefined, cwd: string): string | undefined {
  if (!stats) return undefined;
  try {
    return readdirSync(cwd)
      .slice(0, 10_000)
      .find((name) => sameFile(stats, statSync(resolve(cwd, name), { throwIfNoEntry: false })));
  } catch {
    return undefined;
  }
}

/** `run1.jsonl` → `run1.resumed.jsonl` (`run1.resumed-2.jsonl` if taken): never an existing file. */
function nextOutputName(from: string, cwd: string): string {
  const extension = extname(from) || ".jsonl";
  const stem = from.slice(0, from.length - extname(from).length).replace(/\.resumed(-\d+)?$/, "");
  for (let n = 1; ; n++) {
    const name = `${stem}.resumed${n > 1 ? `-${n}` : ""}${extension}`;
    if (!existsSync(resolve(cwd, name))) return name;
  }
}

function humanSummary(summary: Summary, note: string | undefined): string[] {
  const n = (value: number) => value.toLocaleString("en-US");
  const lines = [
    `summary: ${count(summary.rows, "row")}: ${n(summary.created)} created` +
      (summary.unconfirmed ? ` (${n(summary.unconfirmed)} unconfirmed: answer lost, the group exists)` : "") +
      `, ${n(summary.exists)} existed, ${n(summary.failed)} failed, ${n(summary.invalid)} invalid, ${n(summary.notSent)} not sent` +
      (summary.resumed ? `, ${n(summary.resumed)} from the resumed run` : "") +
      (summary.nearDuplicates ? `, ${count(summary.nearDuplicates, "near-duplicate name")}` : "") +
      `; ${count(summary.rateLimited, "rate-limited answer")}; ${(summary.elapsedMs / 1000).toFixed(1)} s`,
  ];
  const failures = Object.entries(summary.failures).sort((a, b) => b[1] - a[1]);
  if (failures.length > 0)
    lines.push(
      `${n(summary.failed)} failed: ${someOf(
        failures.map(([reason, times]) => `${reason} (${n(times)})`),
        5,
      )}`,
    );
  if (summary.stoppedBy === "daily-limit") {
    lines.push(
      `Zoom's daily limit is used up: sending stopped at once; ${count(summary.notSent, "row was", "rows were")} not sent.` +
        (summary.resetsAt ? ` It resets at ${summary.resetsAt}.` : ""),
    );
  } else if (summary.stoppedBy === "fatal") {
    lines.push(
      `Sending stopped: every further row would have failed the same way: ${summary.stopError?.name}: ${summary.stopError?.message}`,
    );
  } else if (summary.stoppedBy === "stdout-closed") {
    lines.push("stdout was closed: sending stopped; rows created after that are listed above on stderr.");
  } else if (summary.stoppedBy === "interrupted") {
    lines.push("Interrupted: sending stopped; the calls on the wire finished and are recorded above.");
  }
  if (summary.resume) {
    const what = summary.resume.includes("--resume")
      ? "To send the rest"
      : "To send again, counting groups that exist as existing";
    lines.push(`${what}${summary.resetsAt ? " after the reset" : ""}: ${summary.resume}${note ? ` (${note})` : ""}`);
  }
  return lines;
}
