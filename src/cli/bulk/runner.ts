/**
 * Bulk provisioning: every row validated first, then created with bounded concurrency under a client-side
 * rate limit. Each row's outcome is one JSON line as it finishes, so a run stopped for any reason still
 * says exactly what was created, and its output can be resumed (`--resume`).
 *
 * Truth under faults:
 * - A lost answer is not a failure: a 409 after an attempt that may have reached Zoom (5xx, reset,
 *   timeout) means this run created the group: `created` with `confirmed: false`.
 * - A stop (Ctrl-C, a daily limit, stdout closed, a failure that every row would meet) aborts one signal:
 *   no slot is handed out, every retry wait ends, no further attempt starts; calls on the wire finish.
 *   Rows not finished are `not-sent` with the reason (and `mayExist` when an attempt may have reached Zoom).
 */
import type { Middleware } from "openapi-fetch";
import {
  AuthenticationError,
  type CreatedImGroup,
  GroupNameConflictError,
  ImGroupsApiRetiredError,
  type ImGroupsClient,
  PaidAccountRequiredError,
  PermissionDeniedError,
  RateLimitError,
  RouteNotFoundError,
  validateCreateImGroupBody,
  ZoomImGroupsError,
} from "../../index.js";
import { type ErrorJson, errorJson } from "../errors.js";
import type { Pacer } from "./pacer.js";
import { isDone, type PriorOutcome } from "./resume.js";
import type { InputRow } from "./rows.js";

export type RowOutcome = "created" | "exists" | "failed" | "invalid" | "not-sent";
export type StopReason = "interrupted" | "daily-limit" | "stdout-closed" | "fatal";

export interface RowReport {
  type: "row";
  row: number;
  line: number;
  name: string | undefined;
  outcome: RowOutcome;
  id?: string;
  location?: string;
  trackingId?: string;
  /** `created` but the answer was lost (a 409 after an attempt that may have created it): no id known. */
  confirmed?: false;
  /** The outcome comes from the `--resume` file; the row was not sent again. */
  resumed?: true;
  /** Why a `not-sent` row was not sent (to the end). */
  reason?: StopReason;
  /** A `not-sent` or `failed` row whose last attempt may have reached Zoom: the group may exist. */
  mayExist?: true;
  error?: ErrorJson;
}

export interface BulkSummary {
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
  rateLimited: number;
  /** What stopped the run before every row was tried, if anything. */
  stoppedBy?: StopReason;
  interrupted: boolean;
  /** Daily limit: when Zoom says it resets. */
  resetsAt?: string;
  elapsedMs: number;
}

export interface InvalidRow {
  row: InputRow;
  problems: string[];
}

/** Rows that break the spec's schema, carry a structural problem, or repeat an earlier row's name. */
export function findInvalidRows(rows: readonly InputRow[]): InvalidRow[] {
  const firstByName = new Map<string, InputRow>();
  const invalid: InvalidRow[] = [];
  for (const row of rows) {
    const problems = [...(row.problems ?? []), ...validateCreateImGroupBody(row.body).map((issue) => issue.message)];
    const name = row.body.name;
    if (typeof name === "string") {
      const first = firstByName.get(name);
      if (first)
        problems.push(
          `the name ${JSON.stringify(name)} is also on row ${first.row} (line ${first.line}); names are unique per account`,
        );
      else firstByName.set(name, row);
    }
    if (problems.length > 0) invalid.push({ row, problems });
  }
  return invalid;
}

/** One stop for the whole run; the first reason wins. */
export class Stop {
  readonly #controller = new AbortController();
  reason: StopReason | undefined;
  detail: { resetsAt?: Date } = {};
  get signal(): AbortSignal {
    return this.#controller.signal;
  }
  stop(reason: StopReason, detail: Stop["detail"] = {}): void {
    if (this.reason) return;
    this.reason = reason;
    this.detail = detail;
    this.#controller.abort(new Error(`bulk run stopped: ${reason}`));
  }
}

/** A QPS 429 holds every slot back for its Retry-After; the rate-limited answers are counted. */
export function rateLimitFeedback(pacer: Pacer, onRateLimited: () => void): Middleware {
  return {
    onResponse({ response }) {
      if (response.status !== 429) return undefined;
      onRateLimited();
      const limit = new RateLimitError({ status: 429, body: "", headers: response.headers, method: "POST", url: "" });
      const retryAfterMs = limit.retryAfter ? Math.max(0, limit.retryAfter.getTime() - Date.now()) : 1000;
      if (!limit.isDailyLimit) pacer.holdFor(Math.min(retryAfterMs, 60_000));
      return undefined;
    },
  };
}

export interface BulkOptions {
  client: ImGroupsClient;
  rows: readonly InputRow[];
  invalid: readonly InvalidRow[];
  /** From `--resume`: earlier outcomes by name. */
  prior?: ReadonlyMap<string, PriorOutcome>;
  concurrency: number;
  pacer: Pacer;
  skipExisting: boolean;
  stop: Stop;
  report: (line: RowReport) => void;
  rateLimited: () => number;
}

const mayHaveReachedServer = (error: unknown) => error instanceof ZoomImGroupsError && error.mayHaveCreated;
const isDailyLimit = (error: unknown) => error instanceof RateLimitError && error.isDailyLimit;
/** Failures every further row would meet too: sending on only repeats them. */
const isFatal = (error: unknown) =>
  error instanceof AuthenticationError ||
  error instanceof PermissionDeniedError ||
  error instanceof PaidAccountRequiredError ||
  error instanceof ImGroupsApiRetiredError ||
  error instanceof RouteNotFoundError;
/** Failures that a further attempt might have cured (so a stopped run did not really try the row). */
const transient = (error: unknown) =>
  mayHaveReachedServer(error) || (error instanceof RateLimitError && !isDailyLimit(error));

export async function runBulk(options: BulkOptions): Promise<BulkSummary> {
  const started = performance.now();
  const { stop } = options;
  const invalidRows = new Set(options.invalid.map((entry) => entry.row));
  const counts = { created: 0, exists: 0, failed: 0, invalid: 0, notSent: 0, resumed: 0, unconfirmed: 0 };
  const tally = (report: RowReport) => {
    if (report.outcome === "not-sent") counts.notSent++;
    else counts[report.outcome]++;
    if (report.resumed) counts.resumed++;
    if (report.confirmed === false) counts.unconfirmed++;
    options.report(report);
  };

  for (const entry of options.invalid) {
    tally({
      ...base(entry.row),
      outcome: "invalid",
      error: { name: "ValidationError", message: entry.problems.join("; ") },
    });
  }
  const pending: InputRow[] = [];
  for (const row of options.rows) {
    if (invalidRows.has(row)) continue;
    const prior = typeof row.body.name === "string" ? options.prior?.get(row.body.name) : undefined;
    if (isDone(prior)) tally({ ...base(row), ...fromPrior(prior), resumed: true });
    else pending.push(row);
  }
  const unsent: InputRow[] = [];

  async function worker(): Promise<void> {
    for (let row = pending.shift(); row; row = pending.shift()) {
      if (stop.signal.aborted) {
        unsent.push(row);
        continue;
      }
      try {
        await options.pacer.slot(stop.signal);
      } catch {
        unsent.push(row); // stopped while waiting for a slot: never sent
        continue;
      }
      tally(await createOne(row));
    }
  }

  async function createOne(row: InputRow): Promise<RowReport> {
    const prior = typeof row.body.name === "string" ? options.prior?.get(row.body.name) : undefined;
    try {
      const group: CreatedImGroup = await options.client.createImGroup(row.body as never, {
        stopRetrying: stop.signal,
      });
      return { ...base(row), outcome: "created", ...created(group) };
    } catch (error) {
      const trackingId = (error as { trackingId?: string }).trackingId;
      const tracking = trackingId ? { trackingId } : {};
      if (error instanceof GroupNameConflictError) {
        // The group exists. Ours, if an earlier attempt (of this run or the resumed one) may have made it.
        if (error.mayHaveCreated || prior?.mayExist)
          return { ...base(row), outcome: "created", confirmed: false, ...tracking };
        if (options.skipExisting) return { ...base(row), outcome: "exists", ...tracking };
      }
      if (isDailyLimit(error)) {
        const resetsAt = (error as RateLimitError).retryAfter;
        stop.stop("daily-limit", resetsAt ? { resetsAt } : {});
        return { ...base(row), outcome: "not-sent", reason: "daily-limit", error: errorJson(error) };
      }
      if (stop.signal.aborted && transient(error)) {
        return {
          ...base(row),
          outcome: "not-sent",
          reason: stop.reason as StopReason,
          ...(mayHaveReachedServer(error) ? { mayExist: true as const } : {}),
          error: errorJson(error),
        };
      }
      if (error === stop.signal.reason) return { ...base(row), outcome: "not-sent", reason: stop.reason as StopReason };
      if (isFatal(error)) stop.stop("fatal");
      return {
        ...base(row),
        outcome: "failed",
        ...(mayHaveReachedServer(error) ? { mayExist: true as const } : {}),
        error: errorJson(error),
      };
    }
  }

  await Promise.all(Array.from({ length: Math.min(options.concurrency, Math.max(pending.length, 1)) }, worker));
  for (const row of [...unsent, ...pending].sort((a, b) => a.row - b.row))
    tally({ ...base(row), outcome: "not-sent", reason: stop.reason ?? "interrupted" });
  const { resetsAt } = stop.detail;
  return {
    type: "summary",
    rows: options.rows.length,
    ...counts,
    rateLimited: options.rateLimited(),
    ...(stop.reason ? { stoppedBy: stop.reason } : {}),
    interrupted: stop.reason === "interrupted",
    ...(resetsAt ? { resetsAt: resetsAt.toISOString() } : {}),
    elapsedMs: Math.round(performance.now() - started),
  };
}

function base(row: InputRow) {
  return {
    type: "row" as const,
    row: row.row,
    line: row.line,
    name: typeof row.body.name === "string" ? row.body.name : undefined,
  };
}

function created(group: CreatedImGroup) {
  return {
    ...(group.id ? { id: group.id } : {}),
    ...(group.location ? { location: group.location } : {}),
    ...(group.trackingId ? { trackingId: group.trackingId } : {}),
  };
}

function fromPrior(prior: PriorOutcome) {
  return {
    outcome: prior.outcome,
    ...(prior.id ? { id: prior.id } : {}),
    ...(prior.location ? { location: prior.location } : {}),
    ...(prior.trackingId ? { trackingId: prior.trackingId } : {}),
    ...(prior.confirmed === false ? { confirmed: false as const } : {}),
  };
}
