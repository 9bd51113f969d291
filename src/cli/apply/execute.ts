/**
 * An apply's actions, drawn concurrently through their label's budget: one lane per rate-limit label, each
 * with its own slots, so member adds (Medium) run beside creates (Light) and a run takes about the time its
 * busiest label needs. A group's adds start once its create is recorded; a 409 on a create is looked up and the
 * group planned again as it exists. Every outcome is one ledger line, written before its slot takes another
 * action: nothing is done that cannot be recorded. A stop ends the lanes; actions never started are `not-sent`.
 */
import {
  GroupNameConflictError,
  type ImGroup,
  type ImGroupMember,
  RateLimitError,
  UserNotFoundError,
  ZoomImGroupsError,
} from "../../index.js";
import type { StopReason } from "../bulk/report.js";
import type { RunStop } from "../bulk/runner.js";
import { type ErrorJson, errorJson } from "../errors.js";
import { type ApiCalls, capsOf } from "./api.js";
import { memberName } from "./desired.js";
import { type Action, type ActionKind, actionsOf, type Change, type GroupPlan, labelOf, planGroup } from "./plan.js";

export type Outcome = "done" | "exists" | "failed" | "not-sent";

/** One line of the ledger: an action and how it ended (`read`: a group's member list could not be read). */
export interface ActionLine {
  type: "action";
  action: ActionKind | "read";
  label?: string;
  group: string;
  row: number;
  line: number;
  /** The group's id. */
  id?: string;
  outcome: Outcome;
  changes?: Record<string, Change>;
  members?: string[];
  /** Members Zoom does not know (code 1001): not added; the others of their call were. */
  unknown?: string[];
  member?: string;
  memberId?: string;
  trackingId?: string;
  /** Why an action was not sent, or why a sent one's retries were cut short. */
  reason?: StopReason | "group-not-created" | "group-not-read";
  /** A failed action that may have reached Zoom: it may have been done. */
  mayHaveChanged?: true;
  error?: ErrorJson;
}

/** The group of a name as the account holds it now, with its members; undefined when the list lacks it. */
export type LookUp = (name: string) => Promise<{ group: ImGroup; members: ImGroupMember[] } | undefined>;

export interface ExecuteOptions {
  /** The client's methods for the plans' API. */
  calls: ApiCalls;
  /**
   * Creates this run may start (the API's daily cap, planned): the creates past it are `not-sent`
   * (`daily-limit`), the rest of the plan goes on. Undefined: no cap.
   */
  createsAllowed?: number | undefined;
  stop: RunStop;
  plans: readonly GroupPlan[];
  prune: boolean;
  /** Actions of a label in flight at most. */
  concurrency: (label: string) => number;
  /** Records one line; the slot is free again only once it resolves (the ledger's backpressure). */
  record: (line: ActionLine) => Promise<unknown>;
  /** Lines of actions never started, in one pass. */
  recordUnsent: (lines: ActionLine[]) => Promise<unknown>;
  lookUp: LookUp;
  /** Actions started whose line is not written yet: what a second Ctrl-C says may have been done. */
  inFlight: Set<Action>;
  /** Told of actions planned during the run (a group found by its 409), for the progress line. */
  planned?: (actions: readonly Action[]) => void;
}

export function lineOf(action: Action, fields: Partial<ActionLine> & { outcome: Outcome }): ActionLine {
  const { plan } = action;
  const what: Partial<ActionLine> =
    action.kind === "update"
      ? { changes: action.changes }
      : action.kind === "add"
        ? { members: action.members.map(memberName) }
        : action.kind === "remove"
          ? { member: memberName(action.member), ...(action.member.id ? { memberId: action.member.id } : {}) }
          : {};
  return {
    type: "action",
    action: action.kind,
    label: labelOf(action.kind, plan.api),
    group: plan.group.name,
    row: plan.group.row,
    line: plan.group.line,
    ...(plan.id ? { id: plan.id } : {}),
    ...what,
    ...fields,
  };
}

const notSent = (action: Action, reason: NonNullable<ActionLine["reason"]>) =>
  lineOf(action, { outcome: "not-sent", reason });

/** What a run left to a later day: creates past the daily cap (planned, or met as a daily-limit 429). */
export interface Executed {
  capped: number;
  capError?: RateLimitError;
}

export async function execute(options: ExecuteOptions): Promise<Executed> {
  const { calls, stop, inFlight } = options;
  const queues = new Map<string, Action[]>();
  const running = new Map<string, number>();
  /** A create's adds, started once it is recorded. */
  const dependents = new Map<Action, Action[]>();
  let active = 0;
  const crashes: unknown[] = [];
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const call = { stopRetrying: stop.signal };
  /** Creates started, against the daily cap; those past it, with their adds, wait for another day. */
  let creates = 0;
  const capped: Action[] = [];
  let capError: RateLimitError | undefined;
  const pastCap = () =>
    capError !== undefined || (options.createsAllowed !== undefined && creates >= options.createsAllowed);

  const queueOf = (label: string) => {
    const queue = queues.get(label) ?? [];
    queues.set(label, queue);
    return queue;
  };
  const idle = () => active === 0 && (stop.signal.aborted || [...queues.values()].every((queue) => queue.length === 0));

  function push(actions: readonly Action[]): void {
    const labels = new Set<string>();
    for (const action of actions) {
      const label = labelOf(action.kind, action.plan.api);
      queueOf(label).push(action);
      labels.add(label);
    }
    for (const label of labels) pump(label);
  }

  function pump(label: string): void {
    const queue = queueOf(label);
    while (!stop.signal.aborted && queue.length > 0 && (running.get(label) ?? 0) < options.concurrency(label)) {
      const action = queue.shift() as Action;
      if (action.kind === "create" && pastCap()) capped.push(action);
      else start(label, action);
    }
  }

  function start(label: string, action: Action): void {
    if (action.kind === "create") creates++;
    running.set(label, (running.get(label) ?? 0) + 1);
    active++;
    inFlight.add(action);
    void perform(action)
      .then(async ({ lines, next }) => {
        for (const line of lines) await options.record(line);
        if (next.length > 0) push(next);
      })
      .catch((error: unknown) => {
        crashes.push(error);
        stop.stop("fatal", error);
      })
      .finally(() => {
        inFlight.delete(action);
        running.set(label, (running.get(label) ?? 1) - 1);
        active--;
        pump(label);
        if (idle()) finish();
      });
  }

  async function perform(action: Action): Promise<{ lines: ActionLine[]; next: Action[] }> {
    const { plan } = action;
    try {
      switch (action.kind) {
        case "create": {
          const group = await calls.create(plan.body, call);
          plan.id = group.id;
          const next = dependents.get(action) ?? [];
          dependents.delete(action);
          const tracking = group.trackingId ? { trackingId: group.trackingId } : {};
          return { lines: [lineOf(action, { outcome: "done", id: group.id, ...tracking })], next };
        }
        case "update":
          if (!calls.update)
            throw new ZoomImGroupsError("this API has no update: set these settings in Zoom's web portal");
          await calls.update(plan.id as string, changedValues(action.changes), call);
          return { lines: [lineOf(action, { outcome: "done" })], next: [] };
        case "add": {
          const { unknown } = await calls.add(plan.id as string, action.members, call);
          const named = unknown.length > 0 ? { unknown: unknown.map(memberName) } : {};
          return { lines: [lineOf(action, { outcome: "done", ...named })], next: [] };
        }
        case "remove":
          if (!action.member.id) throw new ZoomImGroupsError("the member list gave this member no id to remove it by");
          await calls.remove(plan.id as string, action.member.id, call);
          return { lines: [lineOf(action, { outcome: "done" })], next: [] };
      }
    } catch (error) {
      if (action.kind === "create" && error instanceof GroupNameConflictError) return existing(action, error);
      // Not a member (any more): what the file asks for holds.
      if (action.kind === "remove" && error instanceof UserNotFoundError)
        return { lines: [lineOf(action, { outcome: "done" })], next: [] };
      const line = failed(action, error);
      return { lines: [line, ...blocked(action, line)], next: [] };
    }
  }

  /** Someone made the group meanwhile (or this run did, and the answer was lost): plan it as it exists. */
  async function existing(action: Action, conflict: GroupNameConflictError) {
    const { plan } = action;
    let found: Awaited<ReturnType<LookUp>>;
    try {
      found = await options.lookUp(plan.group.name);
    } catch (error) {
      // The 409 says the group exists; what it holds could not be read: the next apply reads it again.
      const exists = lineOf(action, { outcome: "exists" });
      const read: ActionLine = { ...exists, action: "read", outcome: "failed", error: errorJson(error) };
      delete read.label;
      const waiting = (dependents.get(action) ?? []).map((dependent) => notSent(dependent, "group-not-read"));
      dependents.delete(action);
      return { lines: [exists, read, ...waiting], next: [] };
    }
    dependents.delete(action);
    if (!found) {
      const line = lineOf(action, { outcome: "failed", error: errorJson(conflict) });
      return { lines: [line, ...blocked(action, line)], next: [] };
    }
    const fresh = planGroup(plan.group, found.group, found.members, options.prune, plan.api);
    Object.assign(plan, fresh);
    const next = actionsOf(plan).first;
    options.planned?.(next);
    const tracking = conflict.trackingId ? { trackingId: conflict.trackingId } : {};
    return { lines: [lineOf(action, { outcome: "exists", ...tracking })], next };
  }

  /** A create that did not make its group: its adds are not sent. */
  function blocked(action: Action, line: ActionLine): ActionLine[] {
    const waiting = dependents.get(action) ?? [];
    dependents.delete(action);
    const reason = line.outcome === "not-sent" && line.reason ? line.reason : "group-not-created";
    return waiting.map((dependent) => notSent(dependent, reason));
  }

  function failed(action: Action, error: unknown): ActionLine {
    if (error === stop.signal.reason) return notSent(action, stop.reason as StopReason);
    const json = errorJson(error);
    // Stopped before a further attempt might have cured it: `not-sent` when nothing of it can have reached Zoom.
    const cutShort = (reason: StopReason): ActionLine =>
      json.mayHaveChanged
        ? lineOf(action, { outcome: "failed", reason, mayHaveChanged: true, error: json })
        : { ...notSent(action, reason), error: json };
    // The create's own daily cap (the Groups API's 100 a day): no further create today; the rest goes on.
    if (error instanceof RateLimitError && error.isDailyLimit && action.kind === "create" && isCapped(action)) {
      capError ??= error;
      return cutShort("daily-limit");
    }
    if (error instanceof RateLimitError && error.isDailyLimit) {
      stop.stop("daily-limit", error);
      return cutShort("daily-limit");
    }
    if (stop.signal.aborted && error instanceof ZoomImGroupsError && error.retryable)
      return cutShort(stop.reason as StopReason);
    // Every further call would meet it too: sending on only repeats it.
    if (error instanceof ZoomImGroupsError && error.failsEveryCall) stop.stop("fatal", error);
    return lineOf(action, { outcome: "failed", ...(json.mayHaveChanged ? { mayHaveChanged: true } : {}), error: json });
  }

  const first: Action[] = [];
  for (const plan of options.plans) {
    const actions = actionsOf(plan);
    first.push(...actions.first);
    const create = actions.first[0];
    if (create?.kind === "create" && actions.afterCreate.length > 0) dependents.set(create, actions.afterCreate);
  }
  push(first);
  if (idle()) finish();
  await finished;
  if (crashes.length > 0) throw crashes[0];
  // Stopped: what never started, in one pass (a create's adds after it).
  const unsent: ActionLine[] = [];
  const reason = stop.reason ?? "interrupted";
  for (const queue of queues.values())
    for (const action of queue.splice(0)) {
      unsent.push(notSent(action, reason));
      for (const dependent of dependents.get(action) ?? []) unsent.push(notSent(dependent, reason));
      dependents.delete(action);
    }
  // Past the daily cap: each create and its adds, for another day.
  for (const action of capped) {
    unsent.push(notSent(action, "daily-limit"));
    for (const dependent of dependents.get(action) ?? []) unsent.push(notSent(dependent, "daily-limit"));
    dependents.delete(action);
  }
  if (unsent.length > 0) await options.recordUnsent(unsent);
  return { capped: capped.length, ...(capError ? { capError } : {}) };
}

const isCapped = (action: Action) => capsOf(action.plan.api).dailyCap !== undefined;

const changedValues = (changes: Record<string, Change>) =>
  Object.fromEntries(Object.entries(changes).map(([field, { to }]) => [field, to]));
