/**
 * `create --file`: check the flags, the input and the resume file; then run the rows (runner.ts) paced by
 * the client's throttle, with a progress line on a terminal, stops on Ctrl-C, a closed stdout, a daily limit
 * or a failure every row would meet, and a summary that says what happened and the command that sends the rest.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createImGroupsClient, createPacer, type Encoding } from "../../index.js";
import { errorJson } from "../errors.js";
import type { Terminal } from "../io.js";
import { connect, resolveTarget } from "../target.js";
import { count, type Flags, integer, someOf, text, UsageError } from "../usage.js";
import { resumeHint } from "./hint.js";
import { fileSink, stdoutSink } from "./output.js";
import { progress } from "./progress.js";
import { EXIT_BY_STOP, type RowReport, type Summary, Tally } from "./report.js";
import { readResumeFile } from "./resume.js";
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

/** Retries per row (the library's default is 2; each takes a pacer slot) and the longest Retry-After the client accepts. */
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
    if (error instanceof InputError) throw new UsageError(`${source}: ${error.message}`, false);
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
    const are = invalid.length === 1 ? "is" : "are";
    throw new UsageError(
      `${count(invalid.length, "row")} of ${rows.length.toLocaleString("en-US")} ${are} invalid; nothing was sent (--skip-invalid sends the valid rows).`,
      false,
    );
  }

  const sink =
    outputPath === undefined ? stdoutSink(terminal) : fileSink(resolve(io.cwd, outputPath), outputPath, terminal);
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
  const stop = new RunStop();
  const pacer = createPacer({ rate });
  shown = progress(terminal, tally, rows.length, () => (pacer.rate < rate ? pacer.rate : undefined));

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
      ...(pacer.adaptedAtMs === undefined
        ? {}
        : {
            adapted: {
              afterMs: Math.round(pacer.adaptedAtMs),
              ceiling: rate,
              settledRate: Math.round(pacer.settledRate * 10) / 10,
            },
          }),
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

/** The input file's bytes (decoded strictly by rows.ts: bytes that are not text are refused). */
async function readBytes(absolute: string, shown: string): Promise<Buffer> {
  return readFile(absolute).catch((error: Error) => {
    throw new UsageError(`cannot read ${shown}: ${error.message.replace(absolute, shown)}`);
  });
}

async function readStdin(terminal: Terminal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of terminal.io.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
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
  if (summary.adapted)
    lines.push(
      `rate: lowered from --rate ${summary.adapted.ceiling}/s after ${(summary.adapted.afterMs / 1000).toFixed(1)} s (Zoom answered 429: the account's limit is shared with its other apps and runs; or mostly 5xx); ${summary.adapted.settledRate}/s on average since.`,
    );
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
