/**
 * `apply --api groups` killed with SIGKILL at random moments (counted in writes), then the same apply: no local
 * state survives, so the account alone says what is left, and the Groups store ends exactly as the file says.
 */
import type { ChildProcess } from "node:child_process";
import { expect, test } from "vitest";
import { csvOf, groupsFile, random, start } from "./support/apply.ts";
import { useCliWorkspace } from "./support/cli.ts";

const { file, mockZoom } = useCliWorkspace("zoom-apply-groups-process-");

test("three SIGKILLs of apply --api groups, each followed by the same apply: the Groups store ends as the file says", async () => {
  const seed = Number(process.env.APPLY_KILL_SEED ?? 3030);
  const next = random(seed);
  let child: ChildProcess | undefined;
  let killAt = Number.POSITIVE_INFINITY;
  let writes = 0;
  const { running, env } = await mockZoom({
    faults: { latencyMs: [1, 15], seed },
    onRequest: (entry) => {
      if (entry.method === "GET" || ++writes < killAt || !child || child.exitCode !== null) return;
      child.kill("SIGKILL");
      killAt = Number.POSITIVE_INFINITY;
    },
  });
  const groups = groupsFile(seed, 30, 0, 70);
  const args = [
    "apply",
    "--api",
    "groups",
    "--file",
    await file("kill.csv", csvOf(groups)),
    "--rate",
    "Light=300",
    "--rate",
    "Medium=300",
  ];
  let kills = 0;
  let runs = 0;
  for (; kills < 3 && runs < 15; runs++) {
    writes = 0;
    killAt = 1 + Math.floor(next() * 8);
    const run = start(args, env);
    child = run.child;
    const { signal, code, stderr } = await run.ended;
    if (signal === "SIGKILL") kills++;
    else {
      expect(stderr).not.toMatch(/Unhandled|\n\s+at /);
      if (code === 0) break;
    }
  }
  const end = await start(args, env).ended;
  expect(kills).toBe(3);
  expect(end.code).toBe(0);
  const held = Object.fromEntries(
    running.mock.groups(undefined, "groups").map((group) => [
      group.name,
      running.mock
        .members(group.id)
        .map((member) => member.email)
        .sort(),
    ]),
  );
  expect(held).toEqual(Object.fromEntries(groups.map((group) => [group.name, [...group.members].sort()])));
  // Five processes from source at most: slack for a busy 2-core machine (no time is asserted).
}, 120_000);
