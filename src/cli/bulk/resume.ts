/**
 * `--resume FILE`: a previous run's output, possibly cut off mid-line. Rows are matched by name (unique per
 * account), so an input edited between runs still resumes right. Only lines of this tool's shape count.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import { fileStats, sameFile, type Terminal } from "../io.js";
import { count } from "../text.js";
import { MAX_INPUT_BYTES, readFileBounded } from "./input.js";
import type { RowReport } from "./report.js";

export type PriorOutcome = Pick<RowReport, "id" | "location" | "trackingId" | "confirmed"> & {
  outcome: "created" | "exists";
};

interface PriorRun {
  done: Map<string, PriorOutcome>;
  recognised: number;
  ignored: number;
}

const OUTCOMES = new Set(["created", "exists", "failed", "invalid", "not-sent"]);
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;

function readPriorRun(text: string): PriorRun {
  const done = new Map<string, PriorOutcome>();
  let recognised = 0;
  let ignored = 0;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    let record: Record<string, unknown> | undefined;
    try {
      record = JSON.parse(line);
    } catch {
      // A cut-off line: ignored below.
    }
    const { name, outcome } = record ?? {};
    const isSummary = record?.type === "summary" && typeof record.rows === "number";
    const isRow =
      record?.type === "row" &&
      isCount(record.row) &&
      isCount(record.line) &&
      typeof name === "string" &&
      typeof outcome === "string" &&
      OUTCOMES.has(outcome);
    if (isSummary || isRow) recognised++;
    else ignored++;
    if (!isRow || (outcome !== "created" && outcome !== "exists") || done.has(name)) continue;
    const prior: PriorOutcome = { outcome };
    for (const key of ["id", "location", "trackingId"] as const)
      if (typeof record?.[key] === "string" && record?.[key]) prior[key] = record?.[key] as string;
    if (record?.confirmed === false) prior.confirmed = false;
    done.set(name, prior);
  }
  return { done, recognised, ignored };
}

export async function readResumeFile(path: string, terminal: Terminal): Promise<PriorRun> {
  const { io } = terminal;
  const absolute = resolve(io.cwd, path);
  const stats = statSync(absolute, { throwIfNoEntry: false });
  if (sameFile(stats, fileStats(io.stdout)))
    throw new UsageError(
      stats?.size === 0
        ? `--resume ${path} is also this run's stdout: the shell emptied it when it opened \`> ${path}\`, before ` +
            "this command started, so the earlier run's lines are gone (unless you kept a copy). Resume from a " +
            "copy, or run with --skip-existing to count the groups that exist as existing; send this run's output " +
            "to a new file (--output FILE)."
        : `--resume ${path} is also this run's stdout (\`>> ${path}\`): this run's lines would be written into ` +
            "the file it reads. Send them to a new file (--output FILE).",
    );
  // A run's output is longer than its input (ids, tracking ids, errors): four times the input's bound.
  const text = (await readFileBounded(absolute, path, io.signal, 4 * MAX_INPUT_BYTES)).toString("utf8");
  const prior = readPriorRun(text);
  // A run that crashed before its first complete line left an empty file, or one torn line: nothing in it
  // is done, so every row is sent, and (as in any resumed run) a 409 means the group exists.
  const lines = text.split(/\r?\n/).filter((line) => line.trim());
  const tornOnly = lines.length === 1 && !/\n\s*$/.test(text) && lines[0]?.trimStart().startsWith("{") === true;
  if (prior.recognised === 0 && (lines.length === 0 || tornOnly)) {
    terminal.err(
      `resuming from ${path}: it ${lines.length === 0 ? "is empty" : "holds only a cut-off line"} (the run stopped before ` +
        "its first complete line): every row is sent; a group that already exists counts as existing.",
    );
    return { ...prior, ignored: lines.length };
  }
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
