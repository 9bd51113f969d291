/**
 * Rows created with bounded concurrency, each outcome reported as soon as it is decided, so a run stopped for
 * any reason still says exactly what was created. A 409 after an attempt that may have created the group is
 * that group (`created`, `confirmed: false`); in a resumed run any other 409 means the group exists.
 */
import { setMaxListeners } from "node:events";
import {
  type CreatedImGroup,
  GroupNameConflictError,
  type ImGroupsClient,
  RateLimitError,
  ZoomImGroupsError,
} from "../../index.js";
import { errorJson } from "../errors.js";
import type { RowReport, StopReason } from "./report.js";
import type { InputRow, ValidRow } from "./rows.js";

/** One signal ends every pacer wait and retry wait; the first reason wins. */
export class RunStop {
  readonly #controller = new AbortController();
  constructor() {
    // Every call in flight and every pacer wait listens to this one signal: many listeners is the design.
    setMaxListeners(0, this.#controller.signal);
  }
  reason: StopReason | undefined;
  error: unknown;

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Ctrl-C (`signal`) stops the run as interrupted, after saying so on stderr; returns what stops listening. */
  stopOnInterrupt(signal: AbortSignal, terminal: { err(text: string): unknown }): () => void {
    const onInterrupt = () => {
      terminal.err(
        "zoom-im-groups: interrupted; nothing more is sent, calls on the wire finish (Ctrl-C again to quit at once).",
      );
      this.stop("interrupted");
    };
    if (signal.aborted) onInterrupt();
    else signal.addEventListener("abort", onInterrupt, { once: true });
    return () => signal.removeEventListener("abort", onInterrupt);
  }

  stop(reason: StopReason, error?: unknown): void {
    if (this.reason) return;
    this.reason = reason;
    this.error = error;
    this.#controller.abort(new Error(`bulk run stopped: ${reason}`));
  }
}

export interface RunOptions {
  client: ImGroupsClient;
  rows: readonly ValidRow[];
  resumed: boolean;
  concurrency: number;
  skipExisting: boolean;
  stop: RunStop;
  /** Records a row's outcome; the worker takes no further row until it resolves (the output's backpressure). */
  report: (line: RowReport) => unknown;
  reportUnsent: (lines: RowReport[]) => unknown;
  /** Rows started whose line is not written yet: what a second Ctrl-C says may have been created. */
  inFlight?: Set<InputRow>;
}

export async function runBulk(options: RunOptions): Promise<void> {
  const { rows, stop } = options;
  let next = 0;
  // A row is started only once the previous outcome of its worker is recorded, and only while the run goes on:
  // so a stalled or failed output stops sending, and at most `concurrency` outcomes wait to be written.
  async function worker(): Promise<void> {
    while (next < rows.length && !stop.signal.aborted) {
      const row = rows[next++] as ValidRow;
      options.inFlight?.add(row);
      await options.report(await createOne(row));
      options.inFlight?.delete(row);
    }
  }
  // Every worker settles before this returns, even when one fails: the output must outlive every call in flight.
  const workers = await Promise.allSettled(Array.from({ length: Math.min(options.concurrency, rows.length) }, worker));
  const crashed = workers.find((worker) => worker.status === "rejected");
  if (crashed) throw crashed.reason;
  const unsent: RowReport[] = [];
  for (; next < rows.length; next++) unsent.push(notSent(rows[next] as ValidRow, stop.reason ?? "interrupted"));
  if (unsent.length > 0) await options.reportUnsent(unsent);

  async function createOne(row: ValidRow): Promise<RowReport> {
    try {
      const group = await options.client.createImGroup(row.body, { stopRetrying: stop.signal });
      return { ...rowOf(row), outcome: "created", ...refsOf(group) };
    } catch (error) {
      return outcomeOf(row, error);
    }
  }

  function outcomeOf(row: InputRow, error: unknown): RowReport {
    if (error === stop.signal.reason) return notSent(row, stop.reason as StopReason);
    const json = errorJson(error);
    const mayHaveChanged = json.mayHaveChanged ? { mayHaveChanged: true as const } : {};
    const tracking = json.trackingId ? { trackingId: json.trackingId } : {};
    if (error instanceof GroupNameConflictError) {
      if (error.mayHaveChanged) return { ...rowOf(row), outcome: "created", confirmed: false, ...tracking };
      if (options.resumed || options.skipExisting) return { ...rowOf(row), outcome: "exists", ...tracking };
    }
    // Stopped before a further attempt might have cured it: `not-sent` when nothing of it can have reached
    // Zoom, else `failed` (it was sent; the group may exist) with the reason its retries were cut short.
    const cutShort = (reason: StopReason): RowReport =>
      json.mayHaveChanged
        ? { ...rowOf(row), outcome: "failed", reason, mayHaveChanged: true, error: json }
        : { ...notSent(row, reason), error: json };
    if (error instanceof RateLimitError && error.isDailyLimit) {
      stop.stop("daily-limit", error);
      return cutShort("daily-limit");
    }
    if (stop.signal.aborted && error instanceof ZoomImGroupsError && error.retryable)
      return cutShort(stop.reason as StopReason);
    // Every further row would meet it too: sending on only repeats it.
    if (error instanceof ZoomImGroupsError && error.failsEveryCall) stop.stop("fatal", error);
    return { ...rowOf(row), outcome: "failed", ...mayHaveChanged, error: json };
  }
}

export function rowOf(row: InputRow): Pick<RowReport, "type" | "row" | "line" | "name"> {
  return {
    type: "row",
    row: row.row,
    line: row.line,
    name: typeof row.body.name === "string" ? row.body.name : undefined,
  };
}

const notSent = (row: InputRow, reason: StopReason): RowReport => ({ ...rowOf(row), outcome: "not-sent", reason });

function refsOf(group: CreatedImGroup) {
  return {
    ...(group.id ? { id: group.id } : {}),
    ...(group.location ? { location: group.location } : {}),
    ...(group.trackingId ? { trackingId: group.trackingId } : {}),
  };
}
