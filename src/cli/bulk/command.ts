/** `create --file`: everything is checked before anything is sent; the summary names the command that sends the rest. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createImGroupsClient, createPacer, type Encoding } from "../../index.js";
import { errorJson, UsageError } from "../errors.js";
import { type Flags, integer, text } from "../flags.js";
import type { Terminal } from "../io.js";
import { groupsApiCommand, isRetired } from "../retired.js";
import { connect, describeTarget, resolveTarget } from "../target.js";
import { count, someOf } from "../text.js";
import { resumeHint } from "./hint.js";
import { readBounded, readFileBounded } from "./input.js";
import { fileLedger, stdoutLedger } from "./output.js";
import { progress } from "./progress.js";
import { EXIT_BY_STOP, type RowReport, type StopReason, type Summary, Tally } from "./report.js";
import { readResumeFile } from "./resume.js";
import {
  checkRows,
  chooseFormat,
  decodeInput,
  delimiterFlag,
  InputError,
  type InputRow,
  parseRows,
  reportRows,
  type ValidRow,
} from "./rows.js";
import { RunStop, rowOf, runBulk } from "./runner.js";

/** Retries per row (the library's default is 2; each takes a pacer slot) and the longest Retry-After the client accepts. */
const MAX_RETRIES = 5;
const MAX_RETRY_DELAY_MS = 60_000;

export async function runFileCommand(
  args: readonly string[],
  flags: Flags,
  call: { encoding: Encoding; timeoutMs: number },
  terminal: Terminal,
): Promise<number> {
  const { io } = terminal;
  // Bounds before anything is read, started or sent (also with --dry-run).
  const rate = integer("rate", flags.rate, { min: 1, max: 1000, fallback: 30 });
  const fallbackConcurrency = Math.min(500, Math.max(16, 2 * rate));
  const concurrency = integer("concurrency", flags.concurrency, { min: 1, max: 1000, fallback: fallbackConcurrency });
  const path = text(flags, "file") as string;
  const outputPath = text(flags, "output");
  const resumePath = text(flags, "resume");
  // An empty path (an unset shell variable: `--output "$OUT"`) is named as such, not as a file that exists.
  for (const [flag, value] of [
    ["file", path],
    ["output", outputPath],
    ["resume", resumePath],
  ] as const)
    if (value === "")
      throw new UsageError(`--${flag} is empty: give the path of ${flag === "output" ? "a new file" : "a file"}`);
  if (outputPath !== undefined && existsSync(resolve(io.cwd, outputPath)))
    throw new UsageError(
      `--output ${outputPath} already exists: give a new file (a run's output is what --resume reads; it is never overwritten)`,
    );

  const source = path === "-" ? "stdin" : path;
  const delimiter = delimiterFlag(text(flags, "delimiter"));
  const bytes =
    path === "-"
      ? await readBounded(io.stdin, "stdin", io.signal)
      : await readFileBounded(resolve(io.cwd, path), path, io.signal);
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
  reportRows(
    terminal,
    { invalid, nearDuplicates },
    { strict: flags.strict === true, fate: "sent", more: "; all are in the output with --skip-invalid --dry-run" },
  );
  if (invalid.length > 0 && !flags["skip-invalid"]) {
    const are = invalid.length === 1 ? "is" : "are";
    throw new UsageError(
      `${count(invalid.length, "row")} of ${rows.length.toLocaleString("en-US")} ${are} invalid; nothing was sent (--skip-invalid sends the valid rows).`,
      false,
    );
  }

  // After the input is checked (its errors are the ones worth seeing first), before anything starts.
  const target = resolveTarget(text(flags, "base-url"), call.encoding, io.env, {
    mock: flags.mock === true,
    dryRun: flags["dry-run"] === true,
  });
  const ledger =
    outputPath === undefined
      ? stdoutLedger(terminal)
      : fileLedger(resolve(io.cwd, outputPath), outputPath, terminal, io.writeBytes);
  const tally = new Tally();
  // Started once the rows decided before sending are counted, so its rate is the sending's.
  let shown: ReturnType<typeof progress> | undefined;
  const record = (line: RowReport) => {
    tally.add(line);
    shown?.update();
    // A row that was sent (not invalid, not taken from --resume) goes to stderr if the output fails.
    const sent = line.outcome !== "invalid" && line.outcome !== "not-sent" && !line.resumed;
    return ledger.line(JSON.stringify(line), sent);
  };
  const stop = new RunStop();
  // The first failed write stops the run as Ctrl-C does: nothing starts that could not be recorded.
  ledger.onEnd((end) => stop.stop(end.closed ? "stdout-closed" : "output-failed", end.error));
  let embedded: { close(): Promise<void> } | undefined;
  const started = performance.now();
  const pacer = createPacer({ rate });
  try {
    // Lines decided before sending (invalid rows; resumed rows as that run wrote them, only fields that carry
    // something) go first, in a few large writes, and the output appears only once they are all in it.
    const carried: RowReport[] = invalid.map(({ row, problems }) => ({
      ...rowOf(row),
      outcome: "invalid",
      error: { name: "ValidationError", message: problems.join("; ") },
    }));
    const pending: ValidRow[] = [];
    for (const row of valid) {
      const done = prior?.done.get(row.body.name);
      if (done) carried.push({ ...rowOf(row), ...done, resumed: true });
      else pending.push(row);
    }
    for (const line of carried) tally.add(line);
    await ledger.lines(carried.map((line) => JSON.stringify(line)));
    ledger.publish();
    shown = progress(terminal, tally, rows.length, () => (pacer.rate < rate ? pacer.rate : undefined));

    if (flags["dry-run"]) {
      terminal.err(`${count(pending.length, "row")} would be sent; --dry-run sent nothing.`);
      terminal.err(`zoom-im-groups: --dry-run: would send to ${describeTarget(target)}.`);
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
      const stopListening = stop.stopOnInterrupt(io.signal, terminal);
      const inFlight = new Set<InputRow>();
      const onQuit = () => sayInFlight(inFlight, args, outputPath, terminal);
      io.quit?.addEventListener("abort", onQuit, { once: true });
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
            return ledger.lines(lines.map((line) => JSON.stringify(line)));
          },
          inFlight,
        });
      } finally {
        stopListening();
        io.quit?.removeEventListener("abort", onQuit);
      }
    }
    shown.end();
    const resetsAt = stop.reason === "daily-limit" && (stop.error as { retryAfter?: Date } | undefined)?.retryAfter;
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
      ...(stop.reason === "output-failed" ? { outputError: ledger.failure(stop.error) } : {}),
      ...(resetsAt ? { resetsAt: resetsAt.toISOString() } : {}),
      elapsedMs: Math.round(performance.now() - started),
      ...(flags["dry-run"] ? { dryRun: true as const, wouldSend: pending.length } : {}),
    };
    // Retired IM groups: no create of this command works on the account; apply --api groups does the file.
    const retired = stop.reason === "fatal" && isRetired(stop.error);
    const hint =
      flags["dry-run"] || retired ? undefined : resumeHint(args, summary, tally.nameConflicts, outputPath, terminal);
    if (hint) summary.resume = hint.command;
    await ledger.line(JSON.stringify(summary), false);
    for (const line of humanSummary(summary, hint?.note)) terminal.err(line);
    if (retired)
      terminal.err(
        `On this account, run it on the Groups API: ${groupsApiCommand("apply", asApply(args), terminal)} (apply creates the file's groups within the Groups API's daily cap; settings it has no field for are listed, not sent)`,
      );
    if (summary.stoppedBy) return EXIT_BY_STOP[summary.stoppedBy];
    // The summary's own write failed (every row's line was written): it goes to stderr, and the exit says so.
    if (stop.reason) {
      terminal.err(JSON.stringify(summary));
      terminal.err(`Writing the summary to ${ledger.name} failed; every row's line was written; the summary is above.`);
      return EXIT_BY_STOP[stop.reason];
    }
    return summary.failed > 0 || summary.notSent > 0 ? 1 : 0;
  } finally {
    // Only here, after every create in flight has settled (runBulk waits for all of them).
    ledger.close();
    await embedded?.close();
  }
}

/** A second Ctrl-C quits at once: the rows on the wire may have been created and have no line; say how to go on. */
function sayInFlight(
  inFlight: ReadonlySet<InputRow>,
  args: readonly string[],
  outputPath: string | undefined,
  terminal: Terminal,
): void {
  const rows = [...inFlight].map((row) => JSON.stringify(row.body.name));
  terminal.err(
    rows.length > 0
      ? `zoom-im-groups: quit at once; ${count(rows.length, "row was", "rows were")} on the wire and may have been created, with no line in the output: ${someOf(rows, 10)}.`
      : "zoom-im-groups: quit at once; no row was on the wire.",
  );
  // As after a stop with rows not sent: a resumed run (or --skip-existing) counts a group that exists as existing.
  const hint = resumeHint(args, { notSent: 1, failed: 0 } as Summary, 0, outputPath, terminal);
  if (hint) terminal.err(`To go on: ${hint.command}${hint.note ? ` (${hint.note})` : ""}`);
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
  if (summary.adapted) {
    // The ceiling that fits what the account admitted (its plan's limit, or what its other apps leave): a new
    // user against a 10/s limit with --rate 30 should read "--rate 10", not a guess about other apps.
    const { ceiling, settledRate, afterMs } = summary.adapted;
    const fits = Math.max(1, Math.round(settledRate));
    lines.push(
      `rate: lowered from --rate ${ceiling}/s after ${(afterMs / 1000).toFixed(1)} s (Zoom answered 429, or mostly 5xx); ${settledRate}/s on average since.` +
        (fits < ceiling
          ? ` The account admitted about ${fits}/s (its plan's limit, or what its other apps leave): next time, --rate ${fits}.`
          : ""),
    );
  }
  const failures = Object.entries(summary.failures).sort((a, b) => b[1] - a[1]);
  if (failures.length > 0)
    lines.push(
      `${n(summary.failed)} failed: ${someOf(
        failures.map(([reason, times]) => `${reason} (${n(times)})`),
        5,
      )}`,
    );
  const { notSent, resetsAt, stopError, outputError: out } = summary;
  const stopped: Partial<Record<StopReason, string>> = {
    "daily-limit": `Zoom's daily limit is used up: sending stopped at once; ${count(notSent, "row was", "rows were")} not sent.${resetsAt ? ` It resets at ${resetsAt}.` : ""}`,
    fatal: `Sending stopped: every further row would have failed the same way: ${stopError?.name}: ${stopError?.message}`,
    "stdout-closed": "stdout was closed: sending stopped; rows sent after that are listed above on stderr.",
    interrupted: "Interrupted: sending stopped; the calls on the wire finished and are recorded above.",
    ...(out && {
      "output-failed":
        `Writing to ${out.output} failed (${out.code ?? out.message}): sending stopped at once; the calls on the wire finished. ` +
        `${out.output} is incomplete: ${count(out.onStderr, "row that was sent is", "rows that were sent are")} listed above on stderr` +
        (out.unwritten
          ? `; ${count(out.unwritten, "other line")} (rows not sent, invalid or resumed) went unwritten`
          : "") +
        ". Free space or choose another output; the groups that exist are then counted as existing (--skip-existing).",
    }),
  };
  const stop = summary.stoppedBy && stopped[summary.stoppedBy];
  if (stop) lines.push(stop);
  if (summary.resume) {
    const what = summary.resume.includes("--resume")
      ? "To send the rest"
      : "To send again, counting groups that exist as existing";
    lines.push(`${what}${summary.resetsAt ? " after the reset" : ""}: ${summary.resume}${note ? ` (${note})` : ""}`);
  }
  return lines;
}

/** `create --file`'s words that `apply` reads the same way; the rest (ledger, resume, encoding…) are its own. */
function asApply(args: readonly string[]): string[] {
  const withValue = ["--file", "--format", "--delimiter", "--base-url", "--timeout", "--rate"];
  const bare = ["--strict", "--mock"];
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const flag = arg.split("=")[0] as string;
    if (bare.includes(arg)) kept.push(arg);
    else if (withValue.includes(flag)) kept.push(...(arg.includes("=") ? [arg] : [arg, args[++i] as string]));
    else if (!arg.includes("=") && args[i + 1] !== undefined && !(args[i + 1] as string).startsWith("--")) i++;
  }
  return kept;
}
