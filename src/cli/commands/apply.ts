/**
 * `zoom-im-groups apply --file FILE`: make the account hold what the file says. An apply is data: the file's rows
 * and what the account holds (the group list once, the members of the groups the file names) → a plan →
 * actions drawn through their label's budget concurrently → one ledger line per action → a summary. A re-run
 * computes a smaller plan: that is the resume; no local state is trusted over what the account says.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type AccountPlan, createImGroupsClient, createPacer } from "../../index.js";
import { operations, rateLimitLabels, rateLimitsByPlan } from "../../spec.js";
import { lookUpByName, type Reader, readAccount } from "../apply/account.js";
import { type ApplyApi, apiOf, apis, callsOf, capsOf, memberPageSizeOf } from "../apply/api.js";
import { capText, daysOf, nextUtcMidnight, portalLines } from "../apply/caps.js";
import type { DesiredFile } from "../apply/desired.js";
import { readDesired } from "../apply/desired.js";
import { type ActionLine, type Executed, execute, lineOf } from "../apply/execute.js";
import {
  type Action,
  changesSomething,
  etaSeconds,
  labelOf,
  planGroup,
  planJson,
  planText,
  totalsOf,
} from "../apply/plan.js";
import { applyProgress } from "../apply/progress.js";
import { type ApplySummary, ApplyTally, humanSummary, plannedOf, rateFigures } from "../apply/report.js";
import { nextOutputName, withoutFlags } from "../bulk/hint.js";
import { fileLedger, type Ledger, stdoutLedger } from "../bulk/output.js";
import { EXIT_BY_STOP } from "../bulk/report.js";
import { delimiterFlag, reportRows } from "../bulk/rows.js";
import { RunStop } from "../bulk/runner.js";
import { errorJson, UsageError } from "../errors.js";
import { type FlagDefs, integer, parseFlags, text, texts } from "../flags.js";
import { CREDENTIALS, commonSection, EXIT_CODES, flagLines, section } from "../help.js";
import type { Terminal } from "../io.js";
import { groupsApiCommand, isRetired, sayRetired } from "../retired.js";
import { commandLine } from "../shell.js";
import { connect, resolveTarget } from "../target.js";
import { count, nearest, someOf } from "../text.js";

const MAX_RETRIES = 5;
const MAX_RETRY_DELAY_MS = 60_000;
const plans = Object.keys(rateLimitsByPlan) as AccountPlan[];
const DEFAULT_PLAN: AccountPlan = "pro";

const applyFlags: FlagDefs = {
  api: {
    type: "string",
    value: "im|groups",
    help: `im: IM groups (default); groups: Zoom's Groups API, where Zoom retired IM groups (names and members; its caps of ${capsOf(apis.groups).dailyCap} creates a day and ${capsOf(apis.groups).accountMax?.toLocaleString("en-US")} groups are planned)`,
  },
  file: {
    type: "string",
    value: "PATH|-",
    help: "the groups: CSV with a header of field names and a members column (emails or user ids separated by ;), a JSON array, or JSON Lines",
  },
  plan: {
    type: "boolean",
    help: "read the account and print what apply would do, and how long it takes; change nothing",
  },
  prune: {
    type: "boolean",
    help: "also remove members the file does not list, from the groups the file names (no flag deletes a group)",
  },
  rate: {
    type: "string",
    multiple: true,
    value: "LABEL=N",
    help: `requests per second at most of a rate-limit label (${rateLimitLabels.join(", ")}), 1–1000; repeat it per label; a bare N is Light (default: --account-plan's)`,
  },
  "account-plan": {
    type: "string",
    value: plans.join("|"),
    help: `the Zoom plan of the account, whose rate limits are the default --rate (default ${DEFAULT_PLAN})`,
  },
  output: {
    type: "string",
    value: "FILE",
    help: "write the ledger (one JSON line per action, then a summary) to FILE, a new file; stdout stays empty",
  },
  json: { type: "boolean", help: "with --plan: the plan as one JSON object (the ledger is always JSON lines)" },
  format: {
    type: "string",
    value: "csv|json|jsonl",
    help: "the file's format (default: its extension, else its first character)",
  },
  delimiter: {
    type: "string",
    value: "CHAR",
    help: "the CSV delimiter: , ; or tab (default: guessed from the header line)",
  },
  strict: { type: "boolean", help: "names that differ only in case or Unicode form are invalid rows, not a warning" },
  mock: {
    type: "boolean",
    help: "run against an embedded mock Zoom on loopback: no account needed, nothing reaches Zoom",
  },
  "base-url": { type: "string", value: "URL", help: "API base URL (default $ZOOM_API_URL, else Zoom's)" },
  timeout: { type: "string", value: "SECONDS", help: "how long one attempt may wait for Zoom's answer (default 30)" },
};

export function applyHelp(): string {
  const table = Object.entries(rateLimitsByPlan).map(
    ([plan, rates]) =>
      `  ${plan.padEnd(10)} ${rateLimitLabels.map((label) => `${label} ${(rates as Record<string, number>)[label]}/s`).join(", ")}`,
  );
  const labels = rateLimitLabels.map(
    (label) =>
      `  ${label.padEnd(10)} ${Object.values(operations)
        .filter((operation) => operation.rateLimitLabel === label)
        .map((operation) => `${operation.method} ${operation.path}`)
        .join(", ")}`,
  );
  return [
    "zoom-im-groups apply — make the account's groups and their members match a file",
    "",
    "Usage:",
    "  zoom-im-groups apply --file groups.csv [--plan] [--prune] [options]",
    "  zoom-im-groups apply --api groups --file groups.csv [--plan] [--prune] [options]",
    "",
    "Reads what the account holds, plans the difference (groups to create, settings",
    "to change, members to add; with --prune, members to remove) and does it. Run",
    "it again at any time: it finds what is left. It never deletes a group.",
    "With --api groups, through Zoom's Groups API: settings the file gives are listed",
    "as set in Zoom's web portal, and creates past Zoom's daily cap wait for the next",
    "UTC day (run the same apply again then).",
    "",
    section("Options", flagLines(applyFlags)),
    "",
    section("Zoom's rate limits per plan (requests per second, per account)", table),
    section("Labels", labels),
    "",
    commonSection(),
    "",
    CREDENTIALS,
    "",
    EXIT_CODES,
  ].join("\n");
}

/**
 * `--rate 30` (Light), `--rate Light=30`, `--rate medium=20`: a value per label, each 1–`max` (also the mock's
 * `--rate-limit`).
 */
export function rateFlags(values: readonly string[], flag = "rate", max = 1000): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const value of values) {
    const match = /^\s*(?:([A-Za-z]+)\s*=)?\s*(.*)$/.exec(value);
    const given = match?.[1];
    const label = given === undefined ? "Light" : rateLimitLabels.find((l) => l.toLowerCase() === given.toLowerCase());
    if (label === undefined) {
      const near = nearest(given ?? "", rateLimitLabels);
      throw new UsageError(
        `--${flag} ${value}: no rate-limit label "${given}"${near ? ` (did you mean ${near}?)` : ""}; the labels are ${rateLimitLabels.join(", ")}`,
      );
    }
    if (rates[label] !== undefined) throw new UsageError(`--${flag} ${label} is given more than once`);
    rates[label] = integer(`${flag} ${label}=`, match?.[2], { min: 1, max, fallback: 0 });
  }
  return rates;
}

function accountPlanFlag(value: string | undefined): AccountPlan {
  if (value === undefined) return DEFAULT_PLAN;
  const plan = plans.find((known) => known === value.trim().toLowerCase());
  if (!plan) throw new UsageError(`--account-plan must be one of ${plans.join(", ")} (got ${JSON.stringify(value)})`);
  return plan;
}

export async function apply(args: string[], terminal: Terminal): Promise<number> {
  const flags = parseFlags(args, applyFlags, "apply");
  if (flags.help) {
    terminal.out(applyHelp());
    return 0;
  }
  const { io } = terminal;
  // Every flag is checked before anything is read, started or sent.
  const path = text(flags, "file");
  if (path === undefined)
    throw new UsageError("apply needs --file FILE: the groups, their settings and members the account should hold");
  const outputPath = text(flags, "output");
  for (const [flag, value] of [
    ["file", path],
    ["output", outputPath],
  ] as const)
    if (value === "")
      throw new UsageError(`--${flag} is empty: give the path of ${flag === "output" ? "a new file" : "a file"}`);
  const planOnly = flags.plan === true;
  const prune = flags.prune === true;
  if (planOnly && outputPath !== undefined)
    throw new UsageError("--output keeps a run's ledger; --plan changes nothing (its plan goes to stdout)");
  if (flags.json && !planOnly)
    throw new UsageError("--json goes with --plan (an apply's ledger is JSON lines already)");
  const api = apiOf(text(flags, "api"));
  if (!api) throw new UsageError(`--api must be im or groups (got ${JSON.stringify(text(flags, "api"))})`);
  const accountPlan = accountPlanFlag(text(flags, "account-plan"));
  const rates = rateFlags(texts(flags, "rate"));
  const timeoutMs = integer("timeout", flags.timeout, { min: 1, max: 3600, fallback: 30 }) * 1000;
  const delimiter = delimiterFlag(text(flags, "delimiter"));
  if (outputPath !== undefined && existsSync(resolve(io.cwd, outputPath)))
    throw new UsageError(`--output ${outputPath} already exists: give a new file (a ledger is never overwritten)`);

  const desired = await readDesired(
    path,
    { format: text(flags, "format"), delimiter, strict: flags.strict === true },
    terminal,
  );
  refuseInvalid(desired, flags.strict === true, terminal);
  const target = resolveTarget(text(flags, "base-url"), "multipart", io.env, { mock: flags.mock === true });
  const pacer = createPacer({ accountPlan, rates });
  const ceilingOf = (label: string) => pacer.budget(label).ceiling;
  // As a bulk create: enough calls in flight that Zoom's latency leaves no rate unused.
  const concurrency = (label: string) => Math.min(500, Math.max(16, Math.ceil(2 * ceilingOf(label))));
  const connected = await connect(target, "multipart", terminal);
  const stop = new RunStop();
  const stopListening = stop.stopOnInterrupt(io.signal, terminal);
  let ledger: Ledger | undefined;
  const started = performance.now();
  try {
    const client = createImGroupsClient({
      ...connected.options,
      timeoutMs,
      maxRetries: MAX_RETRIES,
      maxRetryDelayMs: MAX_RETRY_DELAY_MS,
      throttle: pacer,
    });
    const shown = applyProgress(terminal, pacer);
    const calls = callsOf(api, client);
    const reader: Reader = { calls, pageSize: memberPageSizeOf(api) };
    let account: Awaited<ReturnType<typeof readAccount>>;
    try {
      account = await readAccount(reader, desired.groups, {
        signal: stop.signal,
        concurrency: concurrency(labelOf("add", api)),
        progress: (read, of) => shown.reading(read, of),
      });
    } catch (error) {
      shown.endReading();
      if (isRetired(error) && api.name === "im") return sayRetired(error, onGroupsApi(args, terminal), [], terminal);
      if (stop.reason !== "interrupted") throw error;
      terminal.err("Interrupted while reading what the account holds: nothing was changed.");
      return EXIT_BY_STOP.interrupted;
    }
    shown.endReading();
    const groupPlans = desired.groups
      .filter((group) => !account.unread.has(group.name))
      .map((group) => {
        const current = account.groups.get(group.name);
        return planGroup(group, current, (current?.id && account.members.get(current.id)) || [], prune, api);
      });
    const totals = totalsOf(groupPlans);
    const eta = etaSeconds(totals.requests, ceilingOf);
    const labels = [...new Set([...rateLimitLabels, ...Object.keys(totals.requests)])];
    const etaText =
      `Requests: ${labels.map((label) => `${(totals.requests[label] ?? 0).toLocaleString("en-US")} ${label}`).join(", ")}: ` +
      `about ${Math.ceil(eta)} s at ${labels.map((label) => `${label} ${ceilingOf(label)}/s`).join(", ")}` +
      ` (${Object.keys(rates).length ? "--rate" : `--account-plan ${accountPlan}`}; labels are paced apart, so the busiest sets the time).`;
    for (const [name, error] of account.unread)
      terminal.err(
        `error: the members of ${JSON.stringify(name)} could not be read (${errorJson(error).message}): it is left out of the plan.`,
      );
    const caps = capsOf(api);
    const days = daysOf(totals.create, caps.dailyCap);
    const capLines = capText(api, totals.create, account.groups.size, caps, days);
    const portal = portalLines(groupPlans);
    const overMax = caps.accountMax !== undefined && account.groups.size + totals.create > caps.accountMax;

    if (planOnly) {
      if (flags.json)
        terminal.out(
          JSON.stringify({
            ...planJson(groupPlans, totals, eta),
            api: api.name,
            ...(caps.dailyCap === undefined ? {} : { days: days.map((creates, day) => ({ day, creates })) }),
            ...(caps.accountMax === undefined
              ? {}
              : { accountMax: caps.accountMax, existing: account.groups.size, overAccountMax: overMax }),
            portal: groupPlans
              .filter((plan) => Object.keys(plan.portal).length > 0)
              .map((plan) => ({ name: plan.group.name, settings: plan.portal })),
          }),
        );
      else
        for (const line of [...planText(groupPlans, totals, etaText, prune), ...capLines, ...portal])
          terminal.out(line);
      if (overMax) return refuseOverMax(api, caps.accountMax as number, account.groups.size, totals.create, terminal);
      terminal.err("--plan: nothing was changed.");
      return account.unread.size > 0 ? 1 : 0;
    }
    if (overMax) return refuseOverMax(api, caps.accountMax as number, account.groups.size, totals.create, terminal);
    for (const line of [...capLines, ...portal]) terminal.err(line);

    terminal.err(
      `apply: ${count(totals.create, "group")} to create, ${totals.update} to update; ${count(totals.add, "member")} to add, ${totals.remove} to remove; ${count(totals.unchanged, "group")} already as the file says. ${etaText}`,
    );
    ledger =
      outputPath === undefined
        ? stdoutLedger(terminal)
        : fileLedger(resolve(io.cwd, outputPath), outputPath, terminal, io.writeBytes);
    const output = ledger;
    // Apply carries no earlier lines (a re-run reads the account): the file appears at once.
    output.publish();
    output.onEnd((end) => stop.stop(end.closed ? "stdout-closed" : "output-failed", end.error));
    const tally = new ApplyTally();
    const left = { ...totals.requests };
    const running = shown.running(
      tally,
      { create: totals.create, update: totals.update, add: totals.add, remove: totals.remove },
      left,
    );
    const record = (line: ActionLine) => {
      tally.add(line);
      if (line.label && line.outcome !== "not-sent") left[line.label] = Math.max(0, (left[line.label] ?? 0) - 1);
      running.update(line);
      return output.line(JSON.stringify(line), line.outcome !== "not-sent");
    };
    const inFlight = new Set<Action>();
    let executed: Executed = { capped: 0 };
    const onQuit = () => sayInFlight(inFlight, againCommand(args, outputPath, terminal), terminal);
    io.quit?.addEventListener("abort", onQuit, { once: true });
    try {
      for (const [name, error] of account.unread) {
        const group = desired.groups.find((candidate) => candidate.name === name);
        if (group)
          await record({
            type: "action",
            action: "read",
            group: name,
            row: group.row,
            line: group.line,
            ...idOf(account, name),
            outcome: "failed",
            error: errorJson(error),
          });
      }
      executed = await execute({
        calls,
        createsAllowed: caps.dailyCap,
        stop,
        plans: groupPlans.filter(changesSomething),
        prune,
        concurrency,
        record,
        recordUnsent: (lines) => {
          for (const line of lines) tally.add(line);
          return output.lines(lines.map((line) => JSON.stringify(line)));
        },
        lookUp: lookUpByName(reader, stop.signal),
        inFlight,
        planned: (actions) => {
          for (const action of actions) left[labelOf(action.kind, api)] = (left[labelOf(action.kind, api)] ?? 0) + 1;
        },
      });
    } finally {
      io.quit?.removeEventListener("abort", onQuit);
    }
    running.end();
    // Creates past the API's daily cap wait for the next UTC day (the rest of the plan was done).
    const leftForLater = tally.notSent.create > 0 && caps.dailyCap !== undefined && stop.reason === undefined;
    const capResets = executed.capError?.retryAfter ?? (leftForLater ? nextUtcMidnight(new Date()) : undefined);
    const resetsAt =
      (stop.reason === "daily-limit" && (stop.error as { retryAfter?: Date } | undefined)?.retryAfter) || capResets;
    const unfinished = Object.values(tally.failed).some(Boolean) || Object.values(tally.notSent).some(Boolean);
    const summary: ApplySummary = {
      type: "summary",
      groups: desired.groups.length,
      planned: plannedOf(totals),
      done: tally.done,
      failed: tally.failed,
      notSent: tally.notSent,
      unknownMembers: tally.unknown,
      failures: tally.failures,
      incomplete: [...tally.incomplete],
      rates: rateFigures(pacer, labels),
      ...(stop.reason ? { stoppedBy: stop.reason } : {}),
      ...(stop.reason === "fatal" ? { stopError: errorJson(stop.error) } : {}),
      ...(stop.reason === "output-failed" ? { outputError: output.failure(stop.error) } : {}),
      ...(resetsAt ? { resetsAt: resetsAt.toISOString() } : {}),
      ...(leftForLater && caps.dailyCap !== undefined
        ? { dailyCap: { cap: caps.dailyCap, created: tally.done.create, left: tally.notSent.create } }
        : {}),
      ...(unfinished && stop.reason !== "fatal" ? { again: againCommand(args, outputPath, terminal) } : {}),
      elapsedMs: Math.round(performance.now() - started),
    };
    await output.line(JSON.stringify(summary), false);
    for (const line of humanSummary(summary, tally.failedLines)) terminal.err(line);
    if (summary.stoppedBy === "fatal" && isRetired(stop.error) && api.name === "im")
      terminal.err(`On this account, run it on the Groups API: ${onGroupsApi(args, terminal)}`);
    if (summary.stoppedBy) return EXIT_BY_STOP[summary.stoppedBy];
    // The summary's own write failed (every action's line was written): it goes to stderr, and the exit says so.
    if (stop.reason) {
      terminal.err(JSON.stringify(summary));
      terminal.err(
        `Writing the summary to ${output.name} failed; every action's line was written; the summary is above.`,
      );
      return EXIT_BY_STOP[stop.reason];
    }
    return tally.complete ? 0 : 1;
  } finally {
    stopListening();
    // Only here, after every action in flight has settled (execute waits for all of them).
    ledger?.close();
    await connected.embedded?.close();
  }
}

/** The same apply on the Groups API (its ledger to a new file, as any re-run's). */
function onGroupsApi(args: readonly string[], terminal: Terminal): string {
  return groupsApiCommand("apply", withoutFlags(args, ["--output"], []), terminal);
}

/** Existing groups and the file's new ones would pass the API's account maximum: nothing is created. Exit 2. */
function refuseOverMax(api: ApplyApi, max: number, existing: number, create: number, terminal: Terminal): number {
  const over = existing + create - max;
  terminal.err(
    `error: the account holds ${count(existing, "group")} (${api.title}) and the file adds ${create.toLocaleString("en-US")}: ` +
      `${(existing + create).toLocaleString("en-US")}, past Zoom's maximum of ${max.toLocaleString("en-US")} groups in one account. ` +
      `Nothing was changed. Take ${count(over, "group")} out of the file, or delete groups the account no longer needs, then apply again.`,
  );
  return 2;
}

function refuseInvalid(desired: DesiredFile, strict: boolean, terminal: Terminal): void {
  const { invalid } = desired;
  reportRows(terminal, desired, { strict, fate: "applied" });
  if (invalid.length > 0) {
    const are = invalid.length === 1 ? "is" : "are";
    throw new UsageError(
      `${count(invalid.length, "row")} of ${desired.rows.toLocaleString("en-US")} ${are} invalid; nothing was read or sent.`,
      false,
    );
  }
}

const idOf = (account: { groups: Map<string, { id?: string }> }, name: string) => {
  const id = account.groups.get(name)?.id;
  return id ? { id } : {};
};

/** The same apply, its ledger to a new file: a re-run is the resume. */
function againCommand(args: readonly string[], outputPath: string | undefined, terminal: Terminal): string {
  const { io } = terminal;
  const words = withoutFlags(args, ["--output"], []);
  if (outputPath !== undefined) words.push("--output", nextOutputName(outputPath, io.cwd));
  const command = `${io.invokedAs} apply ${commandLine(words)}`;
  return words.includes("-") ? `… | ${command}` : command;
}

/** A second Ctrl-C quits at once: say which actions were on the wire, and how to go on. */
function sayInFlight(inFlight: ReadonlySet<Action>, again: string, terminal: Terminal): void {
  const described = [...inFlight].map((action) => {
    const line = lineOf(action, { outcome: "failed" });
    if (action.kind === "add") return `add ${count(action.members.length, "member")} to ${JSON.stringify(line.group)}`;
    if (action.kind === "remove") return `remove ${line.member} from ${JSON.stringify(line.group)}`;
    return `${action.kind} ${JSON.stringify(line.group)}`;
  });
  terminal.err(
    described.length > 0
      ? `zoom-im-groups: quit at once; ${count(described.length, "action was", "actions were")} on the wire and may have been done, with no line in the ledger: ${someOf(described, 10)}.`
      : "zoom-im-groups: quit at once; no action was on the wire.",
  );
  terminal.err(`Run the same apply again; it reads what the account holds and does only what is left: ${again}`);
}
