/**
 * What a bulk run writes: one JSON line per row as soon as its outcome is decided, then one summary line.
 * These shapes are read back by `--resume`, so they are checked field by field there (`priorRowOf`).
 */
import { type DocumentedResponse, documentedResponses } from "../../index.js";
import type { ErrorJson } from "../errors.js";

export type RowOutcome = "created" | "exists" | "failed" | "invalid" | "not-sent";
export type StopReason = "interrupted" | "daily-limit" | "stdout-closed" | "fatal";

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
  /** Failed rows by what failed them: `HTTP 401 Invalid access token.` → 3. */
  failures: Record<string, number>;
  /** What stopped the run before every row was tried, and the failure that did, if any. */
  stoppedBy?: StopReason;
  stopError?: ErrorJson;
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
  "daily-limit": 1,
  fatal: 1,
};

/** Counts of a run as its lines are decided: the summary's numbers and the progress line's. */
export class Tally {
  readonly counts = { created: 0, exists: 0, failed: 0, invalid: 0, notSent: 0, resumed: 0, unconfirmed: 0 };
  readonly failures: Record<string, number> = {};

  add(line: RowReport): void {
    if (line.outcome === "not-sent") this.counts.notSent++;
    else this.counts[line.outcome]++;
    if (line.resumed) this.counts.resumed++;
    if (line.confirmed === false) this.counts.unconfirmed++;
    if (line.outcome === "failed" && line.error) {
      const reason = failureReason(line.error, line.name);
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
 * What failed a row, worded the same for every row it failed: `HTTP 401 Invalid access token.` A Zoom code
 * the spec documents gives the spec's message, its placeholders as `…` (`Group name … is already in use.`);
 * otherwise the message's first sentence, without the request details in brackets or the row's own name.
 */
export function failureReason(error: ErrorJson, name: string | undefined): string {
  if (error.status === undefined) return `${error.name}: ${error.message.split(" [")[0]}`;
  const documented = Object.entries<DocumentedResponse>(documentedResponses).find(
    ([status]) => status === String(error.status),
  )?.[1];
  if (error.code !== undefined && documented?.zoomCodes?.includes(error.code))
    return `HTTP ${error.status} ${documented.message.replace(/\{\w+\}/g, "…")}`;
  const said = error.message.split(" [")[0]?.split(/(?<=\.) /)[0] ?? "";
  if (!name) return `HTTP ${error.status} ${said}`;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return `HTTP ${error.status} ${said.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"), "…")}`;
}
