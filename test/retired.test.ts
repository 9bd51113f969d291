/**
 * Where Zoom retired the IM-group APIs (every IM-group operation answers 410, code 4137): `apply` and `create` stop
 * at once, name the retirement, and print the same command with `--api groups`, which runs as printed. Also the
 * mock command's flags for it (`--retired`, the Groups API's caps, a Medium rate limit) and `--mock` with
 * ZOOM_MOCK_RETIRED. Requests are counted; no elapsed time is asserted.
 */
import { spawn } from "node:child_process";
import { describe, expect, test } from "vitest";
import { createImGroupsClient, ImGroupsApiRetiredError, RateLimitError } from "../src/index.ts";
import { csvOf, type FileGroup } from "./support/apply.ts";
import { COMMAND, cli, useCliWorkspace } from "./support/cli.ts";

const { file, mockZoom } = useCliWorkspace("zoom-retired-");
const groups: FileGroup[] = [
  { name: "Design", type: "restricted", members: ["ada@example.com", "bob@example.com"] },
  { name: "Sales", members: ["carol@example.com"] },
];
/** The command the CLI printed after "run it on the Groups API: ", as words (it quotes only what needs it). */
function printed(stderr: string): string[] {
  const line = /On this account, run it on the Groups API: zoom-im-groups (.*)$/m.exec(stderr)?.[1];
  expect(line).toBeDefined();
  return (line?.match(/'[^']*'|\S+/g) ?? []).map((word) => word.replace(/^'(.*)'$/, "$1"));
}

describe("a retired account points the way to --api groups", () => {
  test("apply --file stops after at most three requests, names the retirement, and the printed apply --api groups works", async () => {
    const { running, log, env } = await mockZoom({ retired: true });
    const path = await file("groups.csv", csvOf(groups));
    const run = await cli(["apply", "--file", path, "--rate", "Light=50"], env);
    expect(run.code).toBe(1);
    expect(log.length).toBeGreaterThanOrEqual(1);
    expect(log.length).toBeLessThanOrEqual(3);
    expect(log.every((entry) => entry.status === 410 && entry.zoomCode === 4137)).toBe(true);
    expect(run.stderr).toContain("ImGroupsApiRetiredError");
    expect(run.stderr).toContain("The IM Group APIs are no longer available.");
    const again = printed(run.stderr);
    expect(again).toEqual(["apply", "--file", path, "--rate", "Light=50", "--api", "groups"]);

    log.length = 0;
    const groupsRun = await cli(again, env);
    expect(groupsRun.code).toBe(0);
    expect(log.every((entry) => !entry.path.startsWith("/v2/im/"))).toBe(true);
    expect(running.mock.groups(undefined, "groups").map((group) => group.name)).toEqual(["Design", "Sales"]);
  });

  test("apply --plan says the same, and the ledger's --output is left out of the printed command", async () => {
    const { log, env } = await mockZoom({ retired: true });
    const path = await file("plan.csv", csvOf(groups));
    const plan = await cli(["apply", "--plan", "--file", path], env);
    expect(plan.code).toBe(1);
    expect(log).toHaveLength(1);
    expect(printed(plan.stderr)).toEqual(["apply", "--plan", "--file", path, "--api", "groups"]);
    const run = await cli(["apply", "--file", path, "--output", "x.jsonl"], env);
    expect(printed(run.stderr)).toEqual(["apply", "--file", path, "--api", "groups"]);
  });

  test("create --name says the same; the printed create --api groups drops the settings Groups lack and works", async () => {
    const { running, log, env } = await mockZoom({ retired: true });
    const run = await cli(["create", "--name", "Design team", "--type", "restricted", "--search-by-domain"], env);
    expect(run.code).toBe(1);
    expect(log).toHaveLength(1);
    expect(run.stderr).toContain("ImGroupsApiRetiredError");
    expect(run.stderr).toContain("The Groups API has no type, search_by_domain: set them in Zoom's web portal.");
    const again = printed(run.stderr);
    expect(again).toEqual(["create", "--name", "Design team", "--api", "groups"]);
    const created = await cli(again, env);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created group "Design team"');
    expect(running.mock.groups(undefined, "groups").map((group) => group.name)).toEqual(["Design team"]);
    expect(running.mock.groups()).toEqual([]);
  });

  test("create --file stops after its first row and prints the apply --api groups that does the file", async () => {
    const { running, log, env } = await mockZoom({ retired: true });
    const path = await file("bulk.csv", "name,type\nA,shared\nB,\nC,\n");
    const run = await cli(["create", "--file", path, "--output", "run.jsonl", "--skip-existing", "--rate", "20"], env, {
      cwd: (await file("cwd-marker", "")).replace(/\/cwd-marker$/, ""),
    });
    expect(run.code).toBe(1);
    expect(log).toHaveLength(1);
    expect(run.stderr).toContain("ImGroupsApiRetiredError");
    expect(run.stderr).not.toContain("--skip-existing --output");
    const again = printed(run.stderr.replace(/ \(apply creates .*$/m, ""));
    expect(again).toEqual(["apply", "--file", path, "--rate", "20", "--api", "groups"]);
    const applied = await cli(again, env);
    expect(applied.code).toBe(0);
    expect(running.mock.groups(undefined, "groups").map((group) => group.name)).toEqual(["A", "B", "C"]);
  });

  test("create --api groups refuses what the Groups API cannot take (exit 2, nothing sent)", async () => {
    const { log, env } = await mockZoom();
    const typed = await cli(["create", "--name", "X", "--type", "shared", "--api", "groups"], env);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain("the Groups API has no type");
    const bulk = await cli(["create", "--file", await file("n.csv", "name\nA\n"), "--api", "groups"], env);
    expect(bulk.code).toBe(2);
    expect(bulk.stderr).toContain("apply --api groups --file FILE");
    expect(log).toEqual([]);
  });

  test("--mock with ZOOM_MOCK_RETIRED plays a retired account; the printed command runs against --mock", async () => {
    const path = await file("mock.csv", csvOf(groups));
    const run = await cli(["apply", "--file", path, "--mock"], { ZOOM_MOCK_RETIRED: "1" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("IM groups retired (ZOOM_MOCK_RETIRED)");
    const again = printed(run.stderr);
    expect(again).toEqual(["apply", "--file", path, "--mock", "--api", "groups"]);
    const groupsRun = await cli(again, { ZOOM_MOCK_RETIRED: "1" });
    expect(groupsRun.code).toBe(0);
  });
});

/** `zoom-im-groups mock` as a process: its URL from the first line, stderr as it comes, stdin to write to. */
function startMock(args: string[]) {
  const [command, ...prefix] = COMMAND as [string, ...string[]];
  const child = spawn(command, [...prefix, "mock", ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk;
    for (const waiter of waiters.splice(0))
      if (stderr.includes(waiter.text)) waiter.resolve();
      else waiters.push(waiter);
  });
  const url = new Promise<string>((resolve) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.split("\n")[0] as string);
    });
  });
  const said = (text: string) =>
    new Promise<void>((resolve) => (stderr.includes(text) ? resolve() : waiters.push({ text, resolve })));
  const ended = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, url, said, ended };
}

test("mock --retired --creates-per-day 2 --rate-limit Medium=1: IM groups answer 410, the third create a daily-limit 429, new-day on stdin resets it", async () => {
  const mock = startMock(["--retired", "--creates-per-day", "2", "--rate-limit", "Medium=1", "--rate-limit", "1000"]);
  const url = await mock.url;
  const zoom = createImGroupsClient({ accessToken: "any", baseUrl: url, maxRetries: 0 });
  await expect(zoom.createImGroup({ name: "Old" })).rejects.toBeInstanceOf(ImGroupsApiRetiredError);
  await zoom.createGroup({ name: "One" });
  await zoom.createGroup({ name: "Two" });
  const third = await zoom.createGroup({ name: "Three" }).catch((error: unknown) => error);
  expect(third).toBeInstanceOf(RateLimitError);
  expect((third as RateLimitError).isDailyLimit).toBe(true);
  // Medium at 1/s: of five lists sent back to back, at least one shares a UTC second with another.
  const answers = await Promise.all(
    Array.from({ length: 5 }, () =>
      fetch(`${url}/groups`, { headers: { authorization: "Bearer any" } }).then((response) => ({
        status: response.status,
        category: response.headers.get("x-ratelimit-category"),
      })),
    ),
  );
  expect(answers).toContainEqual({ status: 429, category: "Medium" });
  mock.child.stdin.write("new-day\n");
  await mock.said("a new UTC day");
  await zoom.createGroup({ name: "Three" });
  mock.child.kill("SIGINT");
  expect(await mock.ended).toBe(0); // Ctrl-C is how the mock is meant to stop
}, 30_000);
