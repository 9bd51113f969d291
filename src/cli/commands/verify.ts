/**
 * `zoom-im-groups verify`: the contract suite against the target the CLI resolves (`ZOOM_API_URL` or
 * `--base-url`, the credentials `create` takes; `--mock` for the embedded mock). Unlike `create`, it has no
 * default target: it writes to the account, so the account is named. One line per check on stdout, or one JSON
 * document (`--json`); `--junit FILE` also writes the checks as JUnit XML.
 */
import { type FileHandle, open } from "node:fs/promises";
import { validateRequest } from "../../spec.js";
import { junitXml, VERIFY_PREFIX, type VerifyCheck, type VerifyReport, verify } from "../../verify/index.js";
import { UsageError } from "../errors.js";
import { type FlagDefs, integer, parseFlags, text } from "../flags.js";
import { CREDENTIALS, commonSection, flagLines, section } from "../help.js";
import type { Terminal } from "../io.js";
import { connect, describeTarget, resolveTarget } from "../target.js";

const verifyFlags: FlagDefs = {
  "member-email": {
    type: "string",
    value: "EMAIL",
    help: "a user of the account to add to the run's group, list and remove (without it the member checks are skipped)",
  },
  "read-only": { type: "boolean", help: "send reads only: list the groups, read one, list its members" },
  api: {
    type: "string",
    value: "im|groups",
    help: "im (default): the IM-group operations; groups: Zoom's Groups API, where Zoom retired IM groups",
  },
  json: { type: "boolean", help: "print the report as one JSON document" },
  junit: {
    type: "string",
    value: "FILE",
    help: "also write the checks as JUnit XML to FILE (one test case per check)",
  },
  "base-url": {
    type: "string",
    value: "URL",
    help: "the API base URL to verify (default $ZOOM_API_URL; one is required)",
  },
  mock: { type: "boolean", help: "verify the embedded mock Zoom on loopback: no account needed" },
  timeout: { type: "string", value: "SECONDS", help: "how long one attempt may wait for an answer (default 30)" },
};

const VERIFY_EXIT_CODES = section("Exit codes", [
  "  0    every check passed (skipped ones aside); the account is as it was",
  "  1    a check failed: a contract violation or an API failure (each named)",
  "  2    usage error, no target or no credentials (nothing sent)",
  "  74   the JUnit file or stdout could not be written",
  "  130  interrupted (Ctrl-C): the run cleaned up first",
]);

export function verifyHelp(): string {
  return [
    "zoom-im-groups verify — check a Zoom account or a server standing in for Zoom against the spec",
    "",
    "Usage:",
    "  zoom-im-groups verify [--api im|groups] [--member-email EMAIL] [--read-only] [--json] [--junit FILE]",
    "                        [--base-url URL | --mock]",
    "",
    "Creates a group named with the prefix",
    `"${VERIFY_PREFIX.trim()}", reads it, finds it in the list, updates it, adds,`,
    "lists and removes --member-email, and deletes it; every answer's status, body and",
    "headers are checked against the spec. It deletes first what an earlier killed run",
    "left (groups with the prefix, and no other), and cleans up after a failure or Ctrl-C.",
    "",
    section("Options", flagLines(verifyFlags)),
    "",
    commonSection(),
    "",
    CREDENTIALS,
    "",
    VERIFY_EXIT_CODES,
  ].join("\n");
}

export async function verifyCommand(args: string[], terminal: Terminal): Promise<number> {
  const flags = parseFlags(args, verifyFlags, "verify");
  if (flags.help) {
    terminal.out(verifyHelp());
    return 0;
  }
  const timeoutMs = integer("timeout", flags.timeout, { min: 1, max: 3600, fallback: 30 }) * 1000;
  const memberEmail = text(flags, "member-email");
  const api = text(flags, "api") ?? "im";
  if (api !== "im" && api !== "groups") throw new UsageError(`--api must be im or groups (got ${JSON.stringify(api)})`);
  const { env } = terminal.io;
  const mock = flags.mock === true;
  const baseUrl = text(flags, "base-url");
  // verify writes to the account it checks: the account is named, never Zoom's by default.
  if (!mock) {
    const [value, from] = baseUrl !== undefined ? [baseUrl, "--base-url"] : [env.ZOOM_API_URL, "ZOOM_API_URL"];
    const what = "the server to verify: https://api.zoom.us/v2 for Zoom itself, or your staging URL";
    if (value === undefined)
      throw new UsageError(`verify needs a target: set ZOOM_API_URL or give --base-url URL (${what}); or --mock`);
    if (value.trim() === "") throw new UsageError(`${from} is set but empty: set it to ${what}`);
  }
  const target = resolveTarget(baseUrl, "multipart", env, { mock });
  const junitPath = text(flags, "junit");
  if (junitPath === "") throw new UsageError("--junit needs a file name");
  if (memberEmail !== undefined) checkEmail(memberEmail);
  // Opened before anything is sent: a run whose record cannot be written is not started.
  let junit: FileHandle | undefined;
  try {
    junit = junitPath === undefined ? undefined : await open(junitPath, "w");
  } catch (error) {
    throw new UsageError(`--junit ${junitPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    if (target !== "embedded") terminal.err(`zoom-im-groups verify: checking ${describeTarget(target)}`);
    const { options, embedded } = await connect(target, "multipart", terminal);
    const json = flags.json === true;
    let report: VerifyReport;
    try {
      report = await verify(
        { ...options, timeoutMs },
        {
          ...(memberEmail === undefined ? {} : { memberEmail }),
          readOnly: flags["read-only"] === true,
          api,
          signal: terminal.io.signal,
          ...(json ? {} : { onCheck: (check) => void terminal.out(line(check)) }),
        },
      );
    } finally {
      await embedded?.close();
    }
    if (json) terminal.out(JSON.stringify(report));
    else terminal.out(summary(report));
    if (junit) {
      try {
        await junit.writeFile(junitXml(report));
      } catch (error) {
        terminal.err(`error: writing --junit ${junitPath} failed (${(error as NodeJS.ErrnoException).code})`);
        return 74;
      }
    }
    if (report.interrupted) return 130;
    return report.ok ? 0 : 1;
  } finally {
    await junit?.close();
  }
}

/** The spec's rule for a member's email (the member add's), named by the flag; before anything is sent. */
function checkEmail(email: string): void {
  const body = { members: [{ email }] };
  const issues = validateRequest("imGroupMembersCreate", { params: { groupId: "verify" }, body });
  if (issues.length > 0)
    throw new UsageError(
      issues.map((issue) => issue.message.replace(/^members\[0\]\.email/, "--member-email")).join("; "),
    );
}

const MARK: Record<VerifyCheck["outcome"], string> = { passed: "ok  ", failed: "FAIL", skipped: "skip" };

/** One check as a line: outcome, operation, step and check, then what was seen and the tracking id. */
function line(check: VerifyCheck): string {
  const tracking = check.trackingId ? ` [tracking id ${check.trackingId}]` : "";
  const message = check.message ? ` — ${check.message}` : "";
  return `${MARK[check.outcome]}  ${check.operation.padEnd(21)} ${check.step}: ${check.check}${message}${tracking}`;
}

function summary(report: VerifyReport): string {
  const { passed, failed, skipped } = report.counts;
  const parts = [`verify: ${passed} passed, ${failed} failed, ${skipped} skipped against ${report.baseUrl}`];
  parts.push(`${report.operations.length} operation${report.operations.length === 1 ? "" : "s"} answered`);
  if (report.leftoversRemoved.length > 0)
    parts.push(`removed ${report.leftoversRemoved.length} leftover group(s) of earlier runs`);
  if (report.interrupted) parts.push("interrupted");
  parts.push(
    report.leftBehind.length > 0
      ? `left behind: ${report.leftBehind.map((name) => JSON.stringify(name)).join(", ")} (the next run deletes them)`
      : report.readOnly
        ? "nothing written"
        : "the account is as it was",
  );
  return parts.join("; ");
}
