/**
 * `apply --api groups` in process against the mock Zoom: the same file through Zoom's Groups API. The account ends
 * as the file says (names and members, in the mock's Groups store), member adds in calls of the spec's 30, a re-run
 * sends no write, settings the API cannot set are listed and never sent; the caps are planned from the spec (days
 * of 100 creates, the 5,000-group maximum), a run stops at the daily cap and the same apply finishes on a new day.
 * Requests are counted and the mock's state compared; no elapsed time is asserted.
 */
import { describe, expect, test } from "vitest";
import type { ApplySummary } from "../src/cli/apply/report.ts";
import { createImGroupsClient } from "../src/index.ts";
import { operations } from "../src/spec.ts";
import type { MockRequestLog, RunningMockZoom } from "../src/testing/index.ts";
import { csvOf, type FileGroup, groupsFile, methods } from "./support/apply.ts";
import { cli, useCliWorkspace } from "./support/cli.ts";

const { file, mockZoom } = useCliWorkspace("zoom-apply-groups-");
const FAST = ["--rate", "Light=1000", "--rate", "Medium=1000"];
const GROUPS = ["--api", "groups"];
const writes = (log: readonly MockRequestLog[]) => log.filter((entry) => entry.method !== "GET");
const actions = (lines: Record<string, unknown>[]) => lines.filter((line) => line.type === "action");
const summaryOf = (lines: Record<string, unknown>[]) => lines.at(-1) as unknown as ApplySummary;
const CAP = operations.groupCreate.dailyCap as number;
const ADD_MAX = operations.groupMembersCreate.batch?.max as number;

/** What the mock's Groups store holds, by name: members as lower-cased emails, sorted. */
function groupsHeld(running: RunningMockZoom): Record<string, string[]> {
  return Object.fromEntries(
    running.mock.groups(undefined, "groups").map((group) => [
      group.name,
      running.mock
        .members(group.id)
        .map((member) => member.email)
        .sort(),
    ]),
  );
}
const groupsWanted = (groups: readonly FileGroup[]) =>
  Object.fromEntries(groups.map((group) => [group.name, group.members.map((m) => m.toLowerCase()).sort()]));
const memberAdds = (log: readonly MockRequestLog[]) =>
  log.filter((entry) => entry.method === "POST" && /^\/v2\/groups\/[^/]+\/members$/.test(entry.path));
const creates = (log: readonly MockRequestLog[]) =>
  log.filter((entry) => entry.method === "POST" && entry.path === "/v2/groups");

describe("apply --api groups: the file through Zoom's Groups API", () => {
  test("12 groups of 0–66 members: the Groups store holds exactly the file, adds of at most 30, a re-run sends no write", async () => {
    const { running, log, env } = await mockZoom();
    const groups = groupsFile(30, 12, 0, 66);
    // The draw covers both ends: an empty group and one past two calls of 30.
    groups[0] = { ...(groups[0] as FileGroup), members: [] };
    groups[1] = {
      ...(groups[1] as FileGroup),
      members: Array.from({ length: 66 }, (_, i) => `member${i}@example.com`),
    };
    const path = await file("twelve.csv", csvOf(groups));

    const first = await cli(["apply", "--file", path, ...GROUPS, ...FAST], env);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(groupsHeld(running)).toEqual(groupsWanted(groups));
    // IM groups untouched: the Groups API is its own store.
    expect(running.mock.groups()).toEqual([]);
    const calls = groups.reduce((sum, group) => sum + Math.ceil(group.members.length / ADD_MAX), 0);
    expect(memberAdds(log)).toHaveLength(calls);
    expect(creates(log)).toHaveLength(12);
    const adds = actions(first.lines).filter((line) => line.action === "add");
    expect(adds).toHaveLength(calls);
    for (const add of adds) expect((add.members as string[]).length).toBeLessThanOrEqual(ADD_MAX);
    // Settings the Groups API has no field for: listed for the portal, never in a request.
    expect(first.stderr).toMatch(/Set in Zoom's web portal: Zoom's Groups API has no (type|search_by_domain)/);
    expect(log.every((entry) => !entry.path.startsWith("/v2/im/"))).toBe(true);

    log.length = 0;
    const second = await cli(["apply", "--file", path, ...GROUPS, ...FAST], env);
    expect(second.code).toBe(0);
    expect(writes(log)).toEqual([]);
    expect(methods(log)).toEqual({ GET: 1 + 12 });
    expect(actions(second.lines)).toEqual([]);
    expect(groupsHeld(running)).toEqual(groupsWanted(groups));
  });

  test("--prune removes, through the Groups API, the members the file does not list", async () => {
    const { running, log, env } = await mockZoom();
    const client = createImGroupsClient({ accessToken: "setup", baseUrl: running.url });
    const design = await client.createGroup({ name: "Design" });
    await client.addGroupMembers(design.id, [{ email: "ada@example.com" }, { email: "old@example.com" }]);
    log.length = 0;
    const groups: FileGroup[] = [{ name: "Design", members: ["ada@example.com", "bob@example.com"] }];
    const run = await cli(["apply", "--file", await file("prune.csv", csvOf(groups)), ...GROUPS, "--prune"], env);
    expect(run.code).toBe(0);
    expect(groupsHeld(running)).toEqual(groupsWanted(groups));
    expect(
      writes(log)
        .map((entry) => `${entry.method} ${entry.path.replace(design.id, "ID")}`)
        .sort(),
    ).toEqual(["DELETE /v2/groups/ID/members/mockusr000002", "POST /v2/groups/ID/members"]);
  });

  test("--plan lists the settings as set in Zoom's web portal, and --plan --json carries them", async () => {
    const { log, env } = await mockZoom();
    const groups: FileGroup[] = [
      { name: "Design", type: "restricted", search_by_domain: true, members: ["ada@example.com"] },
      { name: "Sales", members: [] },
    ];
    const path = await file("portal.csv", csvOf(groups));
    const plan = await cli(["apply", "--file", path, ...GROUPS, "--plan"], env);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("    type: restricted (set in Zoom's web portal: not sent)");
    expect(plan.stdout).toContain("    search_by_domain: true (set in Zoom's web portal: not sent)");
    expect(plan.stdout).toMatch(/1 group of the file gives them: "Design" \(type restricted, search_by_domain true\)/);
    const json = await cli(["apply", "--file", path, ...GROUPS, "--plan", "--json"], env);
    expect(JSON.parse(json.stdout)).toMatchObject({
      api: "groups",
      portal: [{ name: "Design", settings: { type: "restricted", search_by_domain: true } }],
      groups: [{ name: "Design", action: "create", settings: {} }, { name: "Sales" }],
    });
    expect(writes(log)).toEqual([]);
  });
});

describe("the Groups API's caps are planned", () => {
  test(`${CAP + 30} groups at ${CAP} a day: --plan counts two days; the first run creates ${CAP} with their members and exits 1 saying 30 are left; after a new day the same apply finishes`, async () => {
    const { running, log, env } = await mockZoom();
    const groups = groupsFile(31, CAP + 30, 0, 5);
    const path = await file("many.csv", csvOf(groups));
    const args = ["apply", "--file", path, ...GROUPS, ...FAST];

    const plan = await cli([...args, "--plan"], env);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(`${CAP + 30} to create over 2 UTC days: ${CAP} today, 30 the next day`);
    expect(plan.stdout).toContain("assumes none was created on this account yet today");
    const json = await cli([...args, "--plan", "--json"], env);
    expect(JSON.parse(json.stdout).days).toEqual([
      { day: 0, creates: CAP },
      { day: 1, creates: 30 },
    ]);
    expect(writes(log)).toEqual([]);

    const first = await cli(args, env);
    expect(first.code).toBe(1);
    // Planned: no create past the cap is sent, so Zoom never has to refuse one.
    expect(creates(log)).toHaveLength(CAP);
    const held = groupsHeld(running);
    expect(Object.keys(held)).toHaveLength(CAP);
    // Every group it created has all its members.
    for (const [name, members] of Object.entries(held)) expect(members).toEqual(groupsWanted(groups)[name]);
    const summary = summaryOf(first.lines);
    expect(summary.dailyCap).toEqual({ cap: CAP, created: CAP, left: 30 });
    expect(summary.notSent.create).toBe(30);
    expect(summary.resetsAt).toMatch(/T00:00:00\.000Z$/);
    expect(first.stderr).toContain(
      `${CAP} created this run, 30 left to create (with their members); the cap resets at`,
    );
    expect(first.stderr).toMatch(/To finish after the reset, run the same apply again .*: zoom-im-groups apply --file/);
    const unsent = actions(first.lines).filter((line) => line.outcome === "not-sent");
    expect(unsent.every((line) => line.reason === "daily-limit")).toBe(true);

    running.mock.newDay();
    log.length = 0;
    const next = await cli(args, env);
    expect(next.code).toBe(0);
    expect(creates(log)).toHaveLength(30);
    expect(groupsHeld(running)).toEqual(groupsWanted(groups));
  });

  test("a daily-limit 429 before the planned cap (creates made earlier today) stops only the creates; their members wait with them", async () => {
    // The mock's cap is 40: as if 60 of Zoom's 100 were used by another run earlier today.
    const { running, log, env } = await mockZoom({ createsPerDay: 40 });
    const groups = groupsFile(32, 60, 1, 4);
    const args = ["apply", "--file", await file("early.csv", csvOf(groups)), ...GROUPS, ...FAST];
    const first = await cli(args, env);
    expect(first.code).toBe(1);
    const held = groupsHeld(running);
    expect(Object.keys(held)).toHaveLength(40);
    for (const [name, members] of Object.entries(held)) expect(members).toEqual(groupsWanted(groups)[name]);
    const summary = summaryOf(first.lines);
    expect(summary.dailyCap).toMatchObject({ created: 40, left: 20 });
    expect(summary.stoppedBy).toBeUndefined();
    expect(summary.failed.create).toBe(0);
    // Zoom refused the 41st (and any already in flight); they are left for the next day, not failed.
    expect(creates(log).filter((entry) => entry.status === 429).length).toBeGreaterThanOrEqual(1);
    const unsentCreates = actions(first.lines).filter((line) => line.action === "create" && line.outcome !== "done");
    expect(unsentCreates).toHaveLength(20);
    expect(unsentCreates.every((line) => line.outcome === "not-sent" && line.reason === "daily-limit")).toBe(true);

    running.mock.newDay();
    const next = await cli(args, env);
    expect(next.code).toBe(0);
    expect(groupsHeld(running)).toEqual(groupsWanted(groups));
  });

  test(`a file that would pass the account maximum is refused up front (exit 2), nothing written`, async () => {
    const max = operations.groupCreate.accountMax as number;
    const { running, log, env } = await mockZoom();
    const client = createImGroupsClient({ accessToken: "setup", baseUrl: running.url });
    for (const name of ["Old 1", "Old 2", "Old 3"]) await client.createGroup({ name });
    log.length = 0;
    const names = Array.from({ length: max - 2 }, (_, i) => `New ${i + 1}`);
    const path = await file("too-many.csv", `name\n${names.join("\n")}\n`);
    const run = await cli(["apply", "--file", path, ...GROUPS], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `the account holds 3 groups (Zoom's Groups API) and the file adds ${(max - 2).toLocaleString("en-US")}: ${(max + 1).toLocaleString("en-US")}, past Zoom's maximum of ${max.toLocaleString("en-US")}`,
    );
    expect(run.stderr).toContain("Take 1 group out of the file");
    expect(writes(log)).toEqual([]);
    expect(methods(log)).toEqual({ GET: 1 });
    const plan = await cli(["apply", "--file", path, ...GROUPS, "--plan"], env);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(
      `Account maximum: 3 groups in the account + ${(max - 2).toLocaleString("en-US")} to create`,
    );
    expect(running.mock.groups(undefined, "groups")).toHaveLength(3);
  });
});
