/**
 * Bulk provisioning: validate every row first, then create with bounded concurrency under a client-side
 * rate limit. Each row's outcome is one JSON line as it finishes, so an interrupted run still says exactly
 * what was created.
 */
import type { Middleware } from "openapi-fetch";
import {
  type CreatedImGroup,
  GroupNameConflictError,
  type ImGroupsClient,
  retryAfterMs,
  validateCreateImGroupBody,
  ZoomApiError,
} from "../index.js";
import type { Pacer } from "./pacer.js";
import type { InputRow } from "./rows.js";

export type RowOutcome = "created" | "exists" | "failed" | "invalid" | "not-sent";

export interface RowReport {
  type: "row";
  row: number;
  line: number;
  name: string | undefined;
  outcome: RowOutcome;
  id?: string;
  location?: string;
  trackingId?: string;
  error?: { name: string; message: string; status?: number; code?: number; trackingId?: string };
}

export interface BulkSummary {
  type: "summary";
  rows: number;
  created: number;
  exists: number;
  failed: number;
  invalid: number;
  notSent: number;
  rateLimited: number;
  interrupted: boolean;
  elapsedMs: number;
}

export interface InvalidRow {
  row: InputRow;
  problems: string[];
}

export function findInvalidRows(rows: readonly InputRow[]): InvalidRow[] {
  return rows.flatMap((row) => {
    const issues = validateCreateImGroupBody(row.body);
    return issues.length ? [{ row, problems: issues.map((issue) => issue.message) }] : [];
  });
}

/** Counts 429s and holds the pacer back by what Zoom asked; runs on every attempt of every call. */
export function rateLimitFeedback(pacer: Pacer, onRateLimited: () => void): Middleware {
  return {
    onResponse({ response }) {
      if (response.status === 429) {
        onRateLimited();
        pacer.holdFor(Math.min(retryAfterMs(response.headers.get("retry-after")) ?? 1000, 60_000));
      }
      return undefined;
    },
  };
}

export interface BulkOptions {
  client: ImGroupsClient;
  rows: readonly InputRow[];
  invalid: readonly InvalidRow[];
  concurrency: number;
  pacer: Pacer;
  skipExisting: boolean;
  /** Aborts when the run must stop sending (SIGINT); calls already sent finish. */
  stop: AbortSignal;
  report: (line: RowReport) => void;
  rateLimited: () => number;
}

export async function runBulk(options: BulkOptions): Promise<BulkSummary> {
  const started = performance.now();
  const invalidRows = new Set(options.invalid.map((entry) => entry.row));
  const counts = { created: 0, exists: 0, failed: 0, invalid: 0, notSent: 0 };
  const tally = (report: RowReport) => {
    if (report.outcome === "not-sent") counts.notSent++;
    else counts[report.outcome]++;
    options.report(report);
  };

  for (const entry of options.invalid) {
    tally({
      ...base(entry.row),
      outcome: "invalid",
      error: { name: "ValidationError", message: entry.problems.join("; ") },
    });
  }
  const queue = options.rows.filter((row) => !invalidRows.has(row));
  let next = 0;

  async function worker(): Promise<void> {
    while (next < queue.length && !options.stop.aborted) {
      const row = queue[next++] as InputRow;
      try {
        await options.pacer.slot(options.stop);
      } catch {
        next--; // stopped while waiting for a slot: this row was never sent
        return;
      }
      tally(await createOne(row));
    }
  }

  async function createOne(row: InputRow): Promise<RowReport> {
    try {
      const group: CreatedImGroup = await options.client.createImGroup(row.body as never);
      return { ...base(row), outcome: "created", ...created(group) };
    } catch (error) {
      if (options.skipExisting && error instanceof GroupNameConflictError) {
        return { ...base(row), outcome: "exists", ...(error.trackingId ? { trackingId: error.trackingId } : {}) };
      }
      return { ...base(row), outcome: "failed", error: describe(error) };
    }
  }

  await Promise.all(Array.from({ length: Math.min(options.concurrency, Math.max(queue.length, 1)) }, worker));
  for (const row of queue.slice(next)) tally({ ...base(row), outcome: "not-sent" });
  return {
    type: "summary",
    rows: options.rows.length,
    ...counts,
    rateLimited: options.rateLimited(),
    interrupted: options.stop.aborted,
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

export function describe(error: unknown): NonNullable<RowReport["error"]> {
  if (error instanceof ZoomApiError) {
    return {
      name: error.name,
      message: error.message,
      status: error.status,
      ...(error.code === undefined ? {} : { code: error.code }),
      ...(error.trackingId ? { trackingId: error.trackingId } : {}),
    };
  }
  return {
    name: error instanceof Error ? error.name : "Error",
    message: error instanceof Error ? error.message : String(error),
  };
}
