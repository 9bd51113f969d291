/**
 * `--resume FILE`: FILE is a previous run's output, possibly cut off mid-line (a crash, a full disk). Rows
 * are matched by name (names are unique per account), so an input edited between runs still resumes right.
 * A group counts as done once any line says it was created or existed. Only lines of the shape this tool
 * writes count, and only their well-typed fields are taken; everything else is ignored and counted.
 */
import type { RowReport } from "./report.js";

export type PriorOutcome = Pick<RowReport, "id" | "location" | "trackingId" | "confirmed"> & {
  outcome: "created" | "exists";
};

export interface PriorRun {
  /** Names whose group was created or existed, with what that run knew of it. */
  done: Map<string, PriorOutcome>;
  /** Lines a run of this tool wrote (rows and summaries). */
  recognised: number;
  /** Lines that were not: cut off, or of another shape. */
  ignored: number;
}

const OUTCOMES = new Set(["created", "exists", "failed", "invalid", "not-sent"]);
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;

export function readPriorRun(text: string): PriorRun {
  const done = new Map<string, PriorOutcome>();
  let recognised = 0;
  let ignored = 0;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line);
    } catch {
      ignored++;
      continue;
    }
    if (record?.type === "summary" && typeof record.rows === "number") {
      recognised++;
      continue;
    }
    const { name, outcome } = record ?? {};
    const isRow =
      record?.type === "row" &&
      isCount(record.row) &&
      isCount(record.line) &&
      typeof name === "string" &&
      typeof outcome === "string" &&
      OUTCOMES.has(outcome);
    if (!isRow) {
      ignored++;
      continue;
    }
    recognised++;
    if ((outcome !== "created" && outcome !== "exists") || done.has(name)) continue;
    const prior: PriorOutcome = { outcome };
    for (const key of ["id", "location", "trackingId"] as const)
      if (typeof record[key] === "string" && record[key]) prior[key] = record[key] as string;
    if (record.confirmed === false) prior.confirmed = false;
    done.set(name, prior);
  }
  return { done, recognised, ignored };
}
