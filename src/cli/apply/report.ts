/** An apply's summary: every kind of action counted done, failed and not sent; failures and unknown members named. */
import type { Pacer } from "../../index.js";
import type { OutputError } from "../bulk/output.js";
import { failureReason, type StopReason } from "../bulk/report.js";
import type { ErrorJson } from "../errors.js";
import { count, someOf } from "../text.js";
import type { ActionLine } from "./execute.js";
import type { ActionKind, PlanTotals } from "./plan.js";

type Kinds = Record<ActionKind | "read", number>;
const zero = (): Kinds => ({ create: 0, update: 0, add: 0, remove: 0, read: 0 });

export interface LabelFigures {
  ceiling: number;
  rateLimited: number;
  /** Its mean rate since 429s first lowered it. */
  settledRate?: number;
  /** The ceiling that fits what the account admitted: `--rate Light=10`. */
  suggested?: string;
}

export interface ApplySummary {
  type: "summary";
  /** Groups the file names. */
  groups: number;
  /** As planned before the first write: groups to create and update, members to add and remove. */
  planned: { create: number; update: number; add: number; remove: number };
  /** Groups created, found existing by a create's 409, updated; members added and removed. */
  done: { create: number; exists: number; update: number; add: number; remove: number };
  /** Actions failed (`add`, `remove`: members), and member lists not read (`read`). */
  failed: Kinds;
  notSent: Kinds;
  /** Members Zoom does not know: not added. */
  unknownMembers: { group: string; member: string }[];
  /** `HTTP 404 GroupNotFoundError (Zoom code 4130)` → 2. */
  failures: Record<string, number>;
  /** The groups with a failed or unsent action. */
  incomplete: string[];
  rates: Record<string, LabelFigures>;
  stoppedBy?: StopReason;
  stopError?: ErrorJson;
  outputError?: OutputError;
  resetsAt?: string;
  /** Creates past the API's daily cap (the Groups API's 100 a day), left with their members for the next UTC day. */
  dailyCap?: { cap: number; created: number; left: number };
  /** The command that does the rest: the same apply (a re-run is the resume). */
  again?: string;
  elapsedMs: number;
}

/** The counts of the summary and the progress line. */
export class ApplyTally {
  readonly done = { create: 0, exists: 0, update: 0, add: 0, remove: 0 };
  readonly failed = zero();
  readonly notSent = zero();
  readonly unknown: { group: string; member: string }[] = [];
  readonly failures: Record<string, number> = {};
  readonly incomplete = new Set<string>();
  /** Lines recorded per kind: the progress line's "done" for its phase. */
  readonly recorded = zero();
  /** The failed actions, to name them. */
  readonly failedLines: ActionLine[] = [];

  add(line: ActionLine): void {
    const members = line.action === "add" ? (line.members?.length ?? 0) : 1;
    this.recorded[line.action]++;
    if (line.outcome === "done" || line.outcome === "exists") {
      if (line.outcome === "exists") this.done.exists++;
      else if (line.action !== "read") this.done[line.action] += members - (line.unknown?.length ?? 0);
      for (const member of line.unknown ?? []) this.unknown.push({ group: line.group, member });
      return;
    }
    this.incomplete.add(line.group);
    (line.outcome === "failed" ? this.failed : this.notSent)[line.action] += members;
    if (line.outcome === "failed") this.failedLines.push(line);
    if (line.outcome === "failed" && line.error) {
      const reason = failureReason(line.error);
      this.failures[reason] = (this.failures[reason] ?? 0) + 1;
    }
  }

  get complete(): boolean {
    const sum = (kinds: Kinds) => Object.values(kinds).reduce((a, b) => a + b, 0);
    return sum(this.failed) + sum(this.notSent) + this.unknown.length === 0;
  }
}

/** Each label's budget; where 429s brought it below its ceiling, the ceiling that fits. */
export function rateFigures(pacer: Pacer, labels: readonly string[]): Record<string, LabelFigures> {
  const figures: Record<string, LabelFigures> = {};
  for (const label of labels) {
    const budget = pacer.budget(label);
    const settled = Math.round(budget.settledRate * 10) / 10;
    const fits = Math.max(1, Math.round(budget.settledRate));
    figures[label] = {
      ceiling: budget.ceiling,
      rateLimited: budget.rateLimitedAnswers,
      ...(budget.adaptedAtMs === undefined ? {} : { settledRate: settled }),
      ...(budget.adaptedAtMs !== undefined && fits < budget.ceiling ? { suggested: `--rate ${label}=${fits}` } : {}),
    };
  }
  return figures;
}

export function plannedOf(totals: PlanTotals): ApplySummary["planned"] {
  return { create: totals.create, update: totals.update, add: totals.add, remove: totals.remove };
}

/** The summary for people, on stderr. */
export function humanSummary(summary: ApplySummary, lines: readonly ActionLine[]): string[] {
  const n = (value: number) => value.toLocaleString("en-US");
  const { done, failed, notSent } = summary;
  const out = [
    `summary: ${count(summary.groups, "group")} in the file: ${n(done.create)} created` +
      (done.exists ? `, ${n(done.exists)} found existing (409)` : "") +
      `, ${n(done.update)} updated; ${count(done.add, "member")} added, ${n(done.remove)} removed` +
      `; ${(summary.elapsedMs / 1000).toFixed(1)} s`,
  ];
  const kinds = (counts: Kinds) =>
    (["create", "update", "add", "remove", "read"] as const)
      .filter((kind) => counts[kind] > 0)
      .map((kind) =>
        kind === "add" || kind === "remove"
          ? `${count(counts[kind], "member")} to ${kind}`
          : kind === "read"
            ? `${count(counts[kind], "member list")} to read`
            : `${count(counts[kind], "group")} to ${kind}`,
      )
      .join(", ");
  if (kinds(failed)) out.push(`failed: ${kinds(failed)}: ${someOf(failedActions(lines), 5)}`);
  if (kinds(notSent)) out.push(`not sent: ${kinds(notSent)}`);
  if (summary.unknownMembers.length > 0)
    out.push(
      `${count(summary.unknownMembers.length, "member")} Zoom does not know (code 1001), not added (the others of their calls were; check these addresses or ids in the file): ${someOf(
        summary.unknownMembers.map(({ group, member }) => `${member} (${JSON.stringify(group)})`),
        5,
      )}`,
    );
  const reasons = Object.entries(summary.failures).sort((a, b) => b[1] - a[1]);
  if (reasons.length > 0)
    out.push(
      `why: ${someOf(
        reasons.map(([reason, times]) => `${reason} (${n(times)})`),
        5,
      )}`,
    );
  for (const [label, figures] of Object.entries(summary.rates))
    if (figures.suggested)
      out.push(
        `rate: Zoom answered ${count(figures.rateLimited, "429")} to ${label} calls at ${figures.ceiling}/s; the account admitted about ${figures.settledRate}/s of them (its plan's limit, or what its other apps leave). Next time: ${figures.suggested}.`,
      );
  const { resetsAt, stopError, outputError: output } = summary;
  const stopped: Partial<Record<StopReason, string>> = {
    "daily-limit": `Zoom's daily limit is used up: sending stopped at once.${resetsAt ? ` It resets at ${resetsAt}.` : ""}`,
    fatal: `Sending stopped: every further call would have failed the same way: ${stopError?.name}: ${stopError?.message}`,
    "stdout-closed": "stdout was closed: sending stopped; actions done after that are listed above on stderr.",
    interrupted: "Interrupted: sending stopped; the calls on the wire finished and are recorded.",
    ...(output && {
      "output-failed": `Writing to ${output.output} failed (${output.code ?? output.message}): sending stopped; ${count(output.onStderr, "action")} done after that ${output.onStderr === 1 ? "is" : "are"} listed above on stderr.`,
    }),
  };
  const stop = summary.stoppedBy && stopped[summary.stoppedBy];
  if (stop) out.push(stop);
  const { dailyCap } = summary;
  if (dailyCap)
    out.push(
      `Daily cap: Zoom allows ${n(dailyCap.cap)} group creates per account per UTC day; ${n(dailyCap.created)} created this run, ` +
        `${n(dailyCap.left)} left to create (with their members)${resetsAt ? `; the cap resets at ${resetsAt}` : ""}.`,
    );
  if (summary.again)
    out.push(
      `To finish${resetsAt ? " after the reset" : ""}, run the same apply again (it reads what the account holds and does only what is left): ${summary.again}`,
    );
  return out;
}

function failedActions(lines: readonly ActionLine[]): string[] {
  return lines
    .filter((line) => line.outcome === "failed")
    .map((line) => {
      const what =
        line.action === "add"
          ? `add ${count(line.members?.length ?? 0, "member")} to`
          : line.action === "remove"
            ? `remove ${line.member} from`
            : line.action === "read"
              ? "read the members of"
              : line.action;
      return `${what} ${JSON.stringify(line.group)} (${line.error ? failureReason(line.error) : "failed"})`;
    });
}
