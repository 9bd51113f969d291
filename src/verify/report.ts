/** What a verify run reports: one entry per check, and the report as JUnit XML for CI dashboards. */

/** How a check ended. */
export type CheckOutcome = "passed" | "failed" | "skipped";

/** One check of a verify run. */
export interface VerifyCheck {
  /** The step of the run that made the call, in words: `create the group`, `read the deleted group`. */
  step: string;
  /** The operation whose answer was checked (the spec's operationId: `imGroupCreate`). */
  operation: string;
  /**
   * What was checked: `status` (documented, and the one the step expects), `body` (a documented content type
   * keeping the status's schema), `headers` (the documented ones keep their schemas), or a behaviour the step
   * relies on (`names the new group`, `shows the group`…).
   */
  check: string;
  /** `passed`, `failed`, or `skipped` (with the reason in `message`). */
  outcome: CheckOutcome;
  /** The answer's HTTP status, when there was an answer. */
  status?: number;
  /** The answer's `x-zm-trackingid`: quote it to Zoom support. */
  trackingId?: string;
  /** What was seen; for a failure, what broke, naming the operation, the status and the field. */
  message?: string;
  /** The fields at fault, for a failed body or header check (`groups`, `type`, `header x-ratelimit-type`). */
  fields?: string[];
}

/** A verify run's report: `ok` unless a check failed. */
export interface VerifyReport {
  /** No check failed (skipped checks do not count against it). */
  ok: boolean;
  /** The API base URL the run checked. */
  baseUrl: string;
  /** Only reads were sent (`readOnly`). */
  readOnly: boolean;
  /** The name of the group the run created (its name before the update renamed it), if it got that far. */
  group?: string;
  /** The operations whose answers were checked, in the order first called. */
  operations: string[];
  /** How many checks passed, failed and were skipped. */
  counts: Record<CheckOutcome, number>;
  /** Every check, in order. */
  checks: VerifyCheck[];
  /** Groups of earlier runs (named with the prefix) that this run deleted before it started. */
  leftoversRemoved: string[];
  /** Groups this run created and could not delete: the next run deletes them (empty when the account is as it was). */
  leftBehind: string[];
  /** The run was stopped by its signal (Ctrl-C) before it finished; it cleaned up all the same. */
  interrupted: boolean;
}

/** Counts of a list of checks by outcome. */
export function countChecks(checks: readonly VerifyCheck[]): Record<CheckOutcome, number> {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const check of checks) counts[check.outcome]++;
  return counts;
}

/**
 * The report as a JUnit XML document: one `<testcase>` per check (classname the operation, name the step and
 * what was checked), `<failure>` or `<skipped>` with the message. GitHub Actions reporters, GitLab and Jenkins
 * read it.
 * @example
 * await writeFile("verify.xml", junitXml(await verify(options)));
 */
export function junitXml(report: VerifyReport): string {
  const { counts } = report;
  const cases = report.checks.map((check) => {
    const name = `${check.step}: ${check.check}`;
    const tracking = check.trackingId ? ` (tracking id ${check.trackingId})` : "";
    const open = `    <testcase classname="${xml(`verify.${check.operation}`)}" name="${xml(name)}" time="0"`;
    if (check.outcome === "passed") return `${open}/>`;
    const inner =
      check.outcome === "failed"
        ? `<failure message="${xml(check.message ?? "failed")}" type="${xml(check.check)}">${xml(`${check.message ?? ""}${tracking}`)}</failure>`
        : `<skipped message="${xml(check.message ?? "skipped")}"/>`;
    return `${open}>\n      ${inner}\n    </testcase>`;
  });
  const suite = `zoom-im-groups verify ${report.baseUrl}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="zoom-im-groups verify" tests="${report.checks.length}" failures="${counts.failed}" skipped="${counts.skipped}">`,
    `  <testsuite name="${xml(suite)}" tests="${report.checks.length}" failures="${counts.failed}" errors="0" skipped="${counts.skipped}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

/** Text for an XML attribute or element; characters XML 1.0 cannot carry at all are dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;");
}
