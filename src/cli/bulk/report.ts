/**
 * What a bulk run writes: one JSON line per row as soon as its outcome is decided, then one summary line.
 * These shapes are read back by `--resume`, so they are checked field by field there (`priorRowOf`).
 */
import { documentedMessage, documentedResponses } from "../../spec.js";
import type { ErrorJson } from "../errors.js";

export type RowOutcome = "created" | "exists" | "failed" | "invalid" | "not-sent";
export type StopReason = "interrupted" | "daily-limit" | "stdout-closed" | "output-failed" | "fatal";

export interface RowReport {
  type: "row";
  /** 1-based position among the input's data rows. */
  row: number;
  /** The input line the row starts on. */
  line: number;
  name: string | undefined;
  outcome: RowOutcome;
  id?: string;
  location?: string;
  trackingId?: string;
  /** `created`, but Zoom's answer was lost (a 409 after an attempt that may have created it): no id known. */
  confirmed?: false;
  /** The outcome comes from the `--resume` file; the row was not sent again. */
  resumed?: true;
  /** Why a `not-sent` row was not sent, or a `failed` row's retries were cut short. */
  reason?: StopReason;
  /** A `failed` row whose attempt may have reached Zoom: the group may exist (a `not-sent` row never). */
  mayHaveCreated?: true;
  error?: ErrorJson;
}

export interface Summary {
  type: "summary";
  rows: number;
  created: number;
  exists: number;
  failed: number;
  invalid: number;
  notSent: number;
  /** Of created/exists: taken from the --resume file. */
  resumed: number;
  /** Of created: answers lost, no id known. */
  unconfirmed: number;
  /** Rows whose name differs from an earlier row's only in case or Unicode form (sent as written). */
  nearDuplicates: number;
  /** 429 answers met (each was waited out and retried, or stopped the run). */
  rateLimited: number;
  /** 429s lowered the pacer below `--rate`: when first (ms after the start), from what and to what on average since. */
  adapted?: { afterMs: number; ceiling: number; settledRate: number };
  /** Failed rows by what failed them: `HTTP 401 Invalid access token.` → 3. */
  failures: Record<string, number>;
  /** What stopped the run before every row was tried, and the failure that did, if any. */
  stoppedBy?: StopReason;
  stopError?: ErrorJson;
  /** `output-failed`: the output, the write error, and how many lines went to stderr or nowhere instead. */
  outputError?: { output: string; code?: string; message: string; onStderr: number; unwritten: number };
  /** Daily limit: when Zoom says it resets. */
  resetsAt?: string;
  /** The command that sends what this run did not, as it runs in a shell. */
  resume?: string;
  elapsedMs: number;
}

/** Exit codes by what stopped the run; otherwise 1 when a row failed or was not sent, else 0. */
export const EXIT_BY_STOP: Record<StopReason, number> = {
  interrupted: 130,
  "stdout-closed": 141,
  /** EX_IOERR (sysexits.h): the output could not be written (ENOSPC, EIO…); the ledger is incomplete. */
  "output-failed": 74,
  "daily-limit": 1,
  fatal: 1,
};

/** Counts of a run as its lines are decided: the summary's numbers and the progress line's. */
export class Tally {
  readonly counts = { created: 0, exists: 0, failed: 0, invalid: 0, notSent: 0, resumed: 0, unconfirmed: 0 };
  readonly failures: Record<string, number> = {};
  /** Failed rows whose name was taken (a 409): a re-run with --skip-existing counts them as existing. */
  nameConflicts = 0;

  add(line: RowReport): void {
    if (line.outcome === "not-sent") this.counts.notSent++;
    else this.counts[line.outcome]++;
    if (line.resumed) this.counts.resumed++;
    if (line.confirmed === false) this.counts.unconfirmed++;
    if (line.outcome === "failed" && line.error) {
      if (line.error.name === "GroupNameConflictError") this.nameConflicts++;
      const reason = failureReason(line.error);
      this.failures[reason] = (this.failures[reason] ?? 0) + 1;
    }
  }

  /** Rows with an outcome of their own (not `not-sent`). */
  get decided(): number {
    const { created, exists, failed, invalid } = this.counts;
    return created + exists + failed + invalid;
  }
}

/**
 * What failed a row, worded the same for every row it failed, from the error's facts (never its message):
 * a Zoom code the spec documents for the status gives the spec's message, its placeholders as `…`
 * (`HTTP 409 Group name … is already in use.`); any other answer its status, class and code; a failure
 * without an answer its class (`ZoomTimeoutError`).
 */
export function failureReason(error: ErrorJson): string {
  if (error.status === undefined) return error.name;
  const documented = documentedResponses[String(error.status) as keyof typeof documentedResponses];
  if (error.code !== undefined && documented?.zoomCodes?.includes(error.code))
    return `HTTP ${error.status} ${documentedMessage(error.status, {}, "…")}`;
  return `HTTP ${error.status} ${error.name}${error.code === undefined ? "" : ` (Zoom code ${error.code})`}`;
}
