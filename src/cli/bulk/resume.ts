/**
 * `--resume FILE`: FILE is a previous run's stdout, its JSON lines possibly cut off mid-line (a crash, a
 * full disk). Rows are matched by name (names are unique per account), so an input edited between runs
 * still resumes right. A group counts as done once any line says it was created or existed.
 */
import type { RowReport } from "./runner.js";

export interface PriorOutcome {
  outcome: RowReport["outcome"];
  id?: string;
  location?: string;
  trackingId?: string;
  /** Created, but the answer was lost: no id known. */
  confirmed?: false;
  /** Not sent to the end, after an attempt that may have reached Zoom: the group may exist. */
  mayExist?: true;
}

export interface PriorRun {
  byName: Map<string, PriorOutcome>;
  /** Lines that were rows; lines that could not be read (a cut-off last line, say). */
  rows: number;
  unreadable: number;
}

const done = (outcome: string | undefined) => outcome === "created" || outcome === "exists";

export function readPriorRun(text: string): PriorRun {
  const byName = new Map<string, PriorOutcome>();
  let rows = 0;
  let unreadable = 0;
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    if (!line.trim()) continue;
    let record: Partial<RowReport>;
    try {
      record = JSON.parse(line) as Partial<RowReport>;
    } catch {
      unreadable++;
      continue;
    }
    if (record?.type !== "row" || typeof record.name !== "string" || typeof record.outcome !== "string") continue;
    rows++;
    if (done(byName.get(record.name)?.outcome) && !done(record.outcome)) continue;
    byName.set(record.name, {
      outcome: record.outcome,
      ...(record.id ? { id: record.id } : {}),
      ...(record.location ? { location: record.location } : {}),
      ...(record.trackingId ? { trackingId: record.trackingId } : {}),
      ...(record.confirmed === false ? { confirmed: false as const } : {}),
      ...(record.mayExist ? { mayExist: true as const } : {}),
    });
  }
  return { byName, rows, unreadable };
}

export function isDone(prior: PriorOutcome | undefined): prior is PriorOutcome {
  return done(prior?.outcome);
}
