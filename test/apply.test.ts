/**
 * `apply` in process against the mock Zoom on loopback: the account ends as the file says, a re-run sends no
 * write, `--plan` only reads, only the difference is sent, `--prune` touches only named groups, a 409 is looked
 * up. Requests are counted per method and the mock's state is compared; no elapsed time is asserted.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { planJson } from "../src/cli/apply/plan.ts";
import type { ApplySummary } from "../src/cli/apply/report.ts";
import { createImGroupsClient } from "../src/index.ts";
import type { MockRequestLog } from "../src/testing/index.ts";
import { csvOf, type FileGroup, groupsFile, heldBy, jsonOf, methods, wanted } from "./support/apply.ts";
import { cli, useCliWorkspace } from "./support/cli.ts";

const workspace = useCliWorkspace("zoom-apply-");
const { file, mockZoom } = workspace;
/** Fast ceilings: the mock here has no limit, and the pacing is bench/apply.ts's to measure. */
const FAST = ["--rate", "Light=1000", "--rate", "Medium=1000"];
const writes = (log: readonly MockRequestLog[]) => log.filter((entry) => entry.method !== "GET");
const actions = (lines: Record<string, unknown>[]) => lines.filter((line) => line.type === "action");
const summaryOf = (lines: Record<string, unknown>[]) => lines.at(-1) as unknown as ApplySummary;

/** Provisions part of an account by hand, as an admin would have, through the library. */
async function provision(url: string, groups: readonly FileGroup[]) {
  const client = createImGroupsClient({ accessToken: "setup", baseUrl: url });
  for (const group of groups) {
    const { type, search_by_domain } = group;
    const created = await client.createImGroup({
      name: group.name,
      ...(type ? { type } : {}),
      ...(search_by_domain === undefined ? {} : { search_by_domain }),
    });
    if (group.members.length > 0)
      await client.addImGroupMembers(
        created.id,
        group.members.map((email) => ({ email })),
      );
  }
}

describe("the account ends as the file says", () => {
  test("300 groups of 0–40 members: the mock holds exactly the file; a second apply sends no POST, PATCH or DELETE", async () => {
    const { running, log, env } = await mockZoom();
    const groups = groupsFile(28, 300, 0, 40);
    const path = await file("300.csv", csvOf(groups));
    const first = await cli(["apply", "--file", path, ...FAST], env);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(heldBy(running)).toEqual(wanted(groups));
    const members = groups.reduce((sum, group) => sum + group.members.length, 0);
    expect(summaryOf(first.lines)).toMatchObject({
      groups: 300,
      planned: { create: 300, update: 0, add: members, remove: 0 },
      done: { create: 300, exists: 0, update: 0, add: members, remove: 0 },
    });
    // One line per action: a create per group, an add per call of at most 10 members.
    const calls = groups.reduce((sum, group) => sum + Math.ceil(group.members.length / 10), 0);
    expect(actions(first.lines)).toHaveLength(300 + calls);
    expect(methods(log)).toEqual({ GET: 1, POST: 300 + calls });

    log.length = 0;
    const second = await cli(["apply", "--file", path, ...FAST], env);
    expect(second.code).toBe(0);
    expect(writes(log)).toEqual([]);
    // Read: the group list once, then each named group's members (one page each: 40 < 300).
    expect(methods(log)).toEqual({ GET: 1 + 300 });
    expect(actions(second.lines)).toEqual([]);
    expect(summaryOf(second.lines).planned).toEqual({ create: 0, update: 0, add: 0, remove: 0 });
    expect(heldBy(running)).toEqual(wanted(groups));
    // Two spawned runs of 900 requests each: slack for a busy machine, not a bound (nothing measures time).
  }, 180_000);

  test("an account provisioned halfway by hand gets only the difference", async () => {
    const { running, log, env } = await mockZoom();
    const groups = groupsFile(7, 40, 0, 25);
    // The first 20 exist: 10 with half their members, 5 with another type; the other 20 do not.
    const byHand: FileGroup[] = groups.slice(0, 20).map((group, index) => ({
      ...group,
      members: index < 10 ? group.members.slice(0, Math.floor(group.members.length / 2)) : group.members,
      ...(index % 4 === 0 ? { type: group.type === "shared" ? "normal" : "shared" } : {}),
    }));
    await provision(running.url, byHand);
    log.length = 0;
    const run = await cli(["apply", "--file", await file("half.json", jsonOf(groups)), ...FAST], env);
    expect(run.code).toBe(0);
    expect(heldBy(running)).toEqual(wanted(groups));
    const lines = actions(run.lines);
    const changedType = byHand.filter((group, index) => group.type !== groups[index]?.type);
    expect(lines.filter((line) => line.action === "create").map((line) => line.group)).toEqual(
      groups.slice(20).map((group) => group.name),
    );
    expect(lines.filter((line) => line.action === "update").map((line) => line.group)).toEqual(
      changedType.map((group) => group.name),
    );
    expect(lines.find((line) => line.action === "update")?.changes).toEqual({
      type: { from: changedType[0]?.type, to: groups.find((group) => group.name === changedType[0]?.name)?.type },
    });
    // Members: exactly those the hand-made groups lack, and all of the new groups'.
    const missing = groups.flatMap((group, index) =>
      group.members
        .filter((member) => !(byHand[index]?.members ?? []).includes(member))
        .map((m) => `${group.name} ${m}`),
    );
    const added = lines.flatMap((line) =>
      line.action === "add" ? (line.members as string[]).map((member) => `${line.group} ${member}`) : [],
    );
    expect(added.sort()).toEqual(missing.sort());
    expect(methods(writes(log))).toEqual({
      POST: 20 + lines.filter((line) => line.action === "add").length,
      PATCH: changedType.length,
    });
  });

  test("--prune removes only the members the file does not list, only from groups it names", async () => {
    const { running, log, env } = await mockZoom();
    const groups: FileGroup[] = [
      { name: "Design", members: ["ada@example.com", "bob@example.com"] },
      { name: "Sales", members: [] },
    ];
    await provision(running.url, [
      { name: "Design", members: ["ada@example.com", "eve@example.com", "mallory@example.com"] },
      { name: "Sales", members: ["trent@example.com"] },
      { name: "Not in the file", members: ["eve@example.com", "peggy@example.com"] },
    ]);
    const path = await file("prune.json", jsonOf(groups));
    // Without --prune, extras stay and the plan says so.
    const plan = await cli(["apply", "--file", path, "--plan"], { ...(await envOf(running.url)) });
    expect(plan.stdout).toContain("3 members of these groups are not in the file and stay (--prune removes them).");
    log.length = 0;
    const kept = await cli(["apply", "--file", path, ...FAST], env);
    expect(kept.code).toBe(0);
    expect(methods(writes(log))).toEqual({ POST: 1 });
    expect(heldBy(running).Design?.members).toEqual([
      "ada@example.com",
      "bob@example.com",
      "eve@example.com",
      "mallory@example.com",
    ]);

    log.length = 0;
    const pruned = await cli(["apply", "--file", path, "--prune", ...FAST], env);
    expect(pruned.code).toBe(0);
    expect(methods(writes(log))).toEqual({ DELETE: 3 });
    const removed = actions(pruned.lines).map((line) => `${line.action} ${line.group} ${line.member}`);
    expect(removed.sort()).toEqual([
      "remove Design eve@example.com",
      "remove Design mallory@example.com",
      "remove Sales trent@example.com",
    ]);
    const held = heldBy(running);
    expect(held.Design?.members).toEqual(["ada@example.com", "bob@example.com"]);
    expect(held.Sales?.members).toEqual([]);
    // A group the file does not name is never touched, and no flag deletes a group.
    expect(held["Not in the file"]?.members).toEqual(["eve@example.com", "peggy@example.com"]);
    expect(Object.keys(held).sort()).toEqual(["Design", "Not in the file", "Sales"]);
  });
});

async function envOf(url: string) {
  return { ZOOM_API_URL: url, ZOOM_ACCESS_TOKEN: "t" };
}

describe("--plan reads and sends no write", () => {
  test("it names each group and member it would change, counted per group and in total, and only GETs are sent", async () => {
    const { running, log, env } = await mockZoom();
    await provision(running.url, [
      { name: "Sales", type: "normal", members: ["carol@example.com", "trent@example.com"] },
      { name: "Same", type: "shared", members: ["ada@example.com"] },
    ]);
    const groups: FileGroup[] = [
      { name: "Design", type: "restricted", members: ["ada@example.com", "bob@example.com"] },
      { name: "Sales", type: "restricted", members: ["carol@example.com", "dave@example.com"] },
      { name: "Same", type: "shared", members: ["ada@example.com"] },
    ];
    const path = await file("plan.csv", csvOf(groups));
    const before = heldBy(running);
    log.length = 0;
    const plan = await cli(["apply", "--file", path, "--plan", "--prune"], env);
    expect(plan.code).toBe(0);
    expect(new Set(log.map((entry) => entry.method))).toEqual(new Set(["GET"]));
    expect(heldBy(running)).toEqual(before);
    expect(plan.stdout).toContain(
      '+ "Design": create (type restricted), +2 members\n    + ada@example.com\n    + bob@example.com\n',
    );
    expect(plan.stdout).toContain(
      '~ "Sales": 1 setting, +1 member, -1 member\n    type: normal → restricted\n    + dave@example.com\n    - trent@example.com (',
    );
    expect(plan.stdout).not.toContain('"Same"');
    expect(plan.stdout).toContain(
      "Plan: 1 group to create, 1 to update; 3 members to add, 1 to remove; 1 group of 3 already as the file says.",
    );
    // The time at the account's rates: each label's requests at its ceiling (pro by default).
    expect(plan.stdout).toMatch(
      /Requests: 3 Light, 2 Medium: about 1 s at Light 30\/s, Medium 20\/s \(--account-plan pro/,
    );
    expect(plan.stderr).toContain("--plan: nothing was changed.");

    log.length = 0;
    const json = await cli(["apply", "--file", path, "--plan", "--json", "--account-plan", "free"], env);
    expect(json.code).toBe(0);
    expect(new Set(log.map((entry) => entry.method))).toEqual(new Set(["GET"]));
    const parsed = JSON.parse(json.stdout) as ReturnType<typeof planJson>;
    expect(parsed.groups.map((group: { name: string; action: string }) => `${group.action} ${group.name}`)).toEqual([
      "create Design",
      "update Sales",
    ]);
    expect(parsed.groups[1]).toMatchObject({
      changes: { type: { from: "normal", to: "restricted" } },
      add: ["dave@example.com"],
      remove: [],
    });
    expect(parsed.totals).toMatchObject({
      create: 1,
      update: 1,
      add: 3,
      remove: 0,
      kept: 1,
      requests: { Light: 2, Medium: 2 },
    });
    // Free: Light 4/s, Medium 2/s: the 2 Medium calls need 1 s, the busier label.
    expect(parsed.etaSeconds).toBe(1);
  });
});

describe("what a run meets", () => {
  test("a 409 on create (someone made the group meanwhile) is looked up and treated as existing", async () => {
    let made = false;
    const { running, log, env } = await mockZoom({
      onRequest: (entry) => {
        // Once apply has read the group list, another admin creates "Design" with one member of their own.
        if (made || entry.method !== "GET" || entry.path !== "/v2/im/groups") return;
        made = true;
        void provision(running.url, [{ name: "Design", type: "shared", members: ["eve@example.com"] }]);
      },
    });
    const groups: FileGroup[] = [{ name: "Design", type: "restricted", members: ["ada@example.com"] }];
    const run = await cli(["apply", "--file", await file("race.json", jsonOf(groups)), "--prune", ...FAST], env);
    expect(run.code).toBe(0);
    const lines = actions(run.lines);
    // The create's line first; then its update and removal (Light) and its add (Medium), in either order.
    expect(lines.map((line) => `${line.action} ${line.outcome}`)[0]).toBe("create exists");
    expect(lines.map((line) => `${line.action} ${line.outcome}`).sort()).toEqual([
      "add done",
      "create exists",
      "remove done",
      "update done",
    ]);
    expect(lines[0]?.id).toBe(running.mock.groups()[0]?.id);
    expect(heldBy(running)).toEqual(wanted(groups));
    expect(log.filter((entry) => entry.method === "POST" && entry.path === "/v2/im/groups")).toHaveLength(2);
  });

  test("a create whose answer was lost is found by its retry's 409: no group twice, its members added", async () => {
    const { running, log, env } = await mockZoom({ faults: { dropRate: 0.5, seed: 5 } });
    const groups = groupsFile(3, 30, 0, 12);
    const run = await cli(["apply", "--file", await file("drops.csv", csvOf(groups)), ...FAST], env);
    expect(log.some((entry) => entry.fault === "drop")).toBe(true);
    expect(run.code).toBe(0);
    expect(heldBy(running)).toEqual(wanted(groups));
    expect(running.mock.groups()).toHaveLength(30);
  });

  test("an unknown member (code 1001) does not block the others of its call: named in the summary, exit 1", async () => {
    const { running, env } = await mockZoom();
    const groups: FileGroup[] = [
      { name: "Design", members: ["ada@example.com", "ghost@nobody.invalid", "bob@example.com"] },
    ];
    const run = await cli(["apply", "--file", await file("unknown.csv", csvOf(groups)), ...FAST], env);
    expect(run.code).toBe(1);
    expect(heldBy(running).Design?.members).toEqual(["ada@example.com", "bob@example.com"]);
    expect(summaryOf(run.lines).unknownMembers).toEqual([{ group: "Design", member: "ghost@nobody.invalid" }]);
    expect(actions(run.lines).find((line) => line.action === "add")).toMatchObject({
      outcome: "done",
      unknown: ["ghost@nobody.invalid"],
    });
    expect(run.stderr).toContain("1 member Zoom does not know (code 1001), not added");
    expect(run.stderr).toContain('ghost@nobody.invalid ("Design")');
  });

  test("Ctrl-C stops sending, every action done is on a line, and the same apply finishes the rest", async () => {
    let control: { interrupt(): void } | undefined;
    let writesAtStop = -1;
    const { running, log, env } = await mockZoom({
      faults: { latencyMs: [5, 5] },
      // Interrupted as the fifth write is answered: the mock's own count, no clock.
      onRequest: (entry) => {
        if (entry.method === "GET" || writesAtStop !== -1 || writes(log).length + 1 < 5) return;
        writesAtStop = writes(log).length + 1;
        control?.interrupt();
      },
    });
    const groups = groupsFile(11, 60, 0, 15);
    const path = await file("stop.csv", csvOf(groups));
    const output = join(workspace.dir, "stop.jsonl");
    const run = await cli(
      ["apply", "--file", path, "--output", output, "--rate", "Light=20", "--rate", "Medium=20"],
      env,
      { onStart: (given) => (control = given) },
    );
    expect(run.code).toBe(130);
    const ledger = readFileSync(output, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const summary = ledger.at(-1);
    expect(summary).toMatchObject({ stoppedBy: "interrupted" });
    // At most the calls in flight at the stop (40 slots per label at 20/s) arrived after it.
    expect(writesAtStop).toBe(5);
    expect(writes(log).length - writesAtStop).toBeLessThanOrEqual(80);
    // Every group the mock holds has its create on a line.
    const created = ledger.filter((line) => line.action === "create" && line.outcome === "done").map((line) => line.id);
    expect(created.sort()).toEqual(
      running.mock
        .groups()
        .map((group) => group.id)
        .sort(),
    );
    expect(summary.again).toMatch(
      /^zoom-im-groups apply --file \S+stop\.csv --rate Light=20 --rate Medium=20 --output \S*stop\.resumed\.jsonl$/,
    );
    expect(run.stderr).toContain("To finish, run the same apply again");

    const again = await cli(["apply", "--file", path, ...FAST], env);
    expect(again.code).toBe(0);
    expect(heldBy(running)).toEqual(wanted(groups));
  });

  test("against a 10/s account at --rate Light=30 the summary suggests the ceiling that fits", async () => {
    const { running, env } = await mockZoom({ rateLimit: 10 });
    const groups = groupsFile(2, 60, 0, 0);
    const run = await cli(
      ["apply", "--file", await file("tight.csv", csvOf(groups)), "--rate", "Light=30", "--rate", "Medium=1000"],
      env,
    );
    expect(run.code).toBe(0);
    expect(running.mock.groups()).toHaveLength(60);
    const light = summaryOf(run.lines).rates.Light as ApplySummary["rates"][string];
    expect(light.rateLimited).toBeGreaterThan(0);
    const suggested = Number(/^--rate Light=(\d+)$/.exec(light.suggested ?? "")?.[1]);
    expect(suggested).toBeGreaterThanOrEqual(1);
    expect(suggested).toBeLessThan(30);
    expect(run.stderr).toContain(`Next time: --rate Light=${suggested}.`);
    expect(run.stderr).not.toContain("shared with its other apps");
  });

  test("a daily limit stops sending at once; what was not sent is on lines and the summary says how to go on", async () => {
    const { running, log, env } = await mockZoom({ dailyLimit: 4 });
    const groups = groupsFile(4, 10, 1, 3);
    const run = await cli(["apply", "--file", await file("daily.csv", csvOf(groups)), ...FAST], env);
    expect(run.code).toBe(1);
    const summary = summaryOf(run.lines);
    expect(summary).toMatchObject({ stoppedBy: "daily-limit", resetsAt: expect.any(String) });
    expect(summary.done.create + summary.notSent.create + summary.failed.create).toBe(10);
    expect(running.mock.groups()).toHaveLength(4);
    expect(summary.done.create).toBe(4);
    expect(summary.notSent.create).toBeGreaterThan(0);
    // No member add for a group that was not created: its adds are not sent either.
    const made = new Set(running.mock.groups().map((group) => group.id));
    expect(log.filter((entry) => entry.path.endsWith("/members") && !made.has(entry.path.split("/")[4] ?? ""))).toEqual(
      [],
    );
    expect(
      actions(run.lines).filter((line) => line.outcome === "not-sent" && line.action === "add").length,
    ).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/To finish after the reset, run the same apply again .*: zoom-im-groups apply --file/);
  });
});

describe("the file and the flags are checked before anything is sent", () => {
  test("a bad member or field exits 2 naming row, line, field and rule; nothing is sent", async () => {
    const { log, env } = await mockZoom();
    const path = await file(
      "bad.csv",
      'name,type,members\nDesign,restricted,"ada@example.com;bob@@example.com"\nSales,secret,\n',
    );
    const run = await cli(["apply", "--file", path], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'row 1 (line 2): members[1].email must be an email address (got string "bob@@example.com")',
    );
    expect(run.stderr).toMatch(/row 2 \(line 3\): type must be one of/);
    expect(run.stderr).toContain("2 rows of 2 are invalid; nothing was read or sent.");
    expect(log).toEqual([]);

    const json = await file(
      "bad.json",
      JSON.stringify([
        { name: "A", members: "a@example.com" },
        { name: "B", members: 3 },
      ]),
    );
    const fromJson = await cli(["apply", "--file", json], env);
    expect(fromJson.code).toBe(2);
    expect(fromJson.stderr).toContain("row 2 (line 1): members must be a list of emails or user ids (got number)");
    const column = await cli(["apply", "--file", await file("col.csv", "name,member\nA,a@example.com\n")], env);
    expect(column.code).toBe(2);
    expect(column.stderr).toContain('unknown column "member" (did you mean members?)');
    expect(log).toEqual([]);
  });

  test("--rate takes LABEL=N per label (a bare N is Light); --account-plan names a plan of Zoom's table", async () => {
    const { log, env } = await mockZoom();
    const path = await file("flags.csv", "name\nA\n");
    const cases: [string[], string][] = [
      [["--rate", "Heavyish=3"], 'no rate-limit label "Heavyish"'],
      [["--rate", "Mediun=3"], "(did you mean Medium?)"],
      [["--rate", "Light=0"], "--rate Light= must be a whole number from 1 to 1000 (got 0)"],
      [["--rate", "30", "--rate", "Light=20"], "--rate Light is given more than once"],
      [["--account-plan", "enterprise"], "--account-plan must be one of free, pro, business"],
      [["--plan", "--output", "x.jsonl"], "--output keeps a run's ledger; --plan changes nothing"],
      [[], ""],
    ];
    for (const [flags, message] of cases.slice(0, -1)) {
      const run = await cli(["apply", "--file", path, ...flags], env);
      expect(run.code, flags.join(" ")).toBe(2);
      expect(run.stderr).toContain(message);
    }
    expect(log).toEqual([]);
    const plan = await cli(["apply", "--file", path, "--plan", "--rate", "7", "--rate", "medium=3"], env);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("at Light 7/s, Medium 3/s (--rate;");
    const business = await cli(["apply", "--file", path, "--plan", "--account-plan", "business"], env);
    expect(business.stdout).toContain("at Light 80/s, Medium 60/s (--account-plan business;");
  });
});
