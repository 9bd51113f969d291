/** A bulk run's JSON lines: one per row, then a summary. `--resume` reads them back, field by field. */
import { documentedMessage, operation } from "../../spec.js";
import type { ErrorJson } from "../errors.js";
import type { OutputError } from "./output.js";

export type RowOutcome = "created" | "exists" | "failed" | "invalid" | "not-sent";
export type StopReason = "interrupted" | "daily-limit" | "stdout-closed" | "output-failed" | "fatal";

export interface RowReport {
  type: "row";
  row: number;
  line: number;
  name: string | undefined;
  outcome: RowOutcome;
  id?: string;
  location?: string;
  trackingId?: string;
  /** `created`, but Zoom's answer was lost (a 409 after an attempt that may have created it): no id known. */
  confirmed?: false;
  resumed?: true;
  /** Why a `not-sent` row was not sent, or a `failed` row's retries were cut short. */
  reason?: StopReason;
  /** A `failed` row whose attempt may have reached Zoom: the group may exist (a `not-sent` row never). */
  mayHaveChanged?: true;
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
  resumed: number;
  unconfirmed: number;
  nearDuplicates: number;
  rateLimited: number;
  /** 429s lowered the pacer below `--rate` (ceiling): when first, and the average rate since. */
  adapted?: { afterMs: number; ceiling: number; settledRate: number };
  /** `HTTP 401 Invalid access token.` → 3. */
  failures: Record<string, number>;
  stoppedBy?: StopReason;
  stopError?: ErrorJson;
  outputError?: OutputError;
  resetsAt?: string;
  resume?: string;
  elapsedMs: number;
  /** `--dry-run`: nothing was sent; the valid rows that would have been are counted in `wouldSend`. */
  dryRun?: true;
  wouldSend?: number;
}

/** Otherwise 1 when a row failed or was not sent, else 0. */
export const EXIT_BY_STOP: Record<StopReason, number> = {
  interrupted: 130,
  "stdout-closed": 141,
  /** EX_IOERR (sysexits.h): the output could not be written (ENOSPC, EIO…); the ledger is incomplete. */
  "output-failed": 74,
  "daily-limit": 1,
  fatal: 1,
};

/** The summary's numbers and the progress line's. */
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

  get decided(): number {
    const { created, exists, failed, invalid } = this.counts;
    return created + exists + failed + invalid;
  }
}

/** Worded the same for every row it failed, from the error's facts, never its message. */
export function failureReason(error: ErrorJson): string {
  if (error.status === undefined) return error.name;
  const responses = operation.responses as Readonly<Record<string, { zoomCodes?: readonly number[] } | undefined>>;
  if (error.code !== undefined && responses[String(error.status)]?.zoomCodes?.includes(error.code))
    return `HTTP ${error.status} ${documentedMessage(error.status, {}, "…")}`;
  return `HTTP ${error.status} ${error.name}${error.code === undefined ? "" : ` (Zoom code ${error.code})`}`;
}
