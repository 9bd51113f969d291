/**
 * apply against an account with two labels (issue 28): Light 5/s and Medium 5/s, 80 groups of 4 members, every
 * answer 150 ms, on the mock. The busiest label bounds the run (80 creates, or 80 member adds, at 5/s: 16 s).
 * Beside it, what users write instead on the same account: one call after another; p-limit(10) around fetch,
 * retrying a 429 after its Retry-After; and one limiter at the Light rate for every call. Figures are
 * printed, not asserted (but apply's account must end as the file says).
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pLimit from "p-limit";
import { type MockRequestLog, type RunningMockZoom, startMockZoom } from "../src/testing/index.ts";

const BIN = resolve(import.meta.dirname, "../dist/cli/main.js");
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

interface Scenario {
  groups: number;
  members: number;
  rate: number;
  latencyMs: number;
}

const full: Scenario = { groups: 80, members: 4, rate: 5, latencyMs: 150 };
const smokeScenario: Scenario = { groups: 6, members: 4, rate: 50, latencyMs: 5 };

const groupsOf = ({ groups, members }: Scenario) =>
  Array.from({ length: groups }, (_, g) => ({
    name: `Team ${g + 1}`,
    members: Array.from({ length: members }, (_, m) => `user${g * members + m}@example.com`),
  }));

type Approach = (session: { url: string; scenario: Scenario; dir: string }) => Promise<unknown>;

/** A fresh account with the scenario's limits for each approach; seconds to done, requests and 429s as the mock saw them. */
async function measure(name: string, scenario: Scenario, approach: Approach) {
  const log: MockRequestLog[] = [];
  const running: RunningMockZoom = await startMockZoom({
    rateLimit: scenario.rate,
    rateLimits: { Medium: scenario.rate },
    faults: { latencyMs: [scenario.latencyMs, scenario.latencyMs] },
    onRequest: (entry) => log.push(entry),
  });
  const dir = await mkdtemp(join(tmpdir(), "zoom-bench-apply-"));
  try {
    const started = performance.now();
    await approach({ url: running.url, scenario, dir });
    const seconds = (performance.now() - started) / 1000;
    const wanted = groupsOf(scenario);
    const complete =
      running.mock.groups().length === wanted.length &&
      wanted.every((group) => {
        const held = running.mock.groups().find((candidate) => candidate.name === group.name);
        return held !== undefined && running.mock.members(held.id).length === group.members.length;
      });
    const rateLimited = log.filter((entry) => entry.status === 429).length;
    return {
      name,
      seconds: round(seconds),
      requests: log.length,
      rateLimited,
      shareOf429: round((rateLimited / Math.max(1, log.length)) * 100),
      complete,
    };
  } finally {
    await running.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The built CLI, as an admin runs it: `apply --file groups.json --rate Light=5 --rate Medium=5`. */
const viaApply: Approach = async ({ url, scenario, dir }) => {
  const file = join(dir, "groups.json");
  await writeFile(file, JSON.stringify(groupsOf(scenario)));
  const rates = ["--rate", `Light=${scenario.rate}`, "--rate", `Medium=${scenario.rate}`];
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [BIN, "apply", "--file", file, ...rates], {
      env: { PATH: process.env.PATH ?? "", ZOOM_API_URL: url, ZOOM_ACCESS_TOKEN: "bench" },
      stdio: ["ignore", "ignore", "ignore"],
    });
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`apply exited ${code}`))));
  });
};

/** fetch as a script would: JSON, a 429 retried after its Retry-After (1 s). */
async function send(url: string, path: string, body: unknown, retry429: boolean): Promise<Record<string, unknown>> {
  for (;;) {
    const response = await fetch(`${url}${path}`, {
      method: "POST",
      headers: { authorization: "Bearer bench", "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (response.status !== 429 || !retry429) return answer;
    await new Promise((wait) => setTimeout(wait, Number(response.headers.get("retry-after") ?? 1) * 1000));
  }
}

async function provisionOne(url: string, group: { name: string; members: string[] }, retry429 = true) {
  const created = await send(url, "/im/groups", { name: group.name }, retry429);
  await send(url, `/im/groups/${created.id}/members`, { members: group.members.map((email) => ({ email })) }, retry429);
}

/** One call after another: never limited, never fast. */
const sequential: Approach = async ({ url, scenario }) => {
  for (const group of groupsOf(scenario)) await provisionOne(url, group);
};

/** p-limit(10) around fetch: ten at a time, a 429 retried after Retry-After. */
const pLimited: Approach = async ({ url, scenario }) => {
  const limit = pLimit(10);
  await Promise.all(groupsOf(scenario).map((group) => limit(() => provisionOne(url, group))));
};

/** One limiter at the Light rate for every call, creates and adds alike: no 429, half the speed it could have. */
const oneLimiter: Approach = async ({ url, scenario }) => {
  let next = performance.now();
  const slot = () => {
    const at = Math.max(performance.now(), next);
    next = at + 1000 / scenario.rate;
    return new Promise((wait) => setTimeout(wait, at - performance.now()));
  };
  await Promise.all(
    groupsOf(scenario).map(async (group) => {
      await slot();
      const created = await send(url, "/im/groups", { name: group.name }, true);
      await slot();
      await send(url, `/im/groups/${created.id}/members`, { members: group.members.map((email) => ({ email })) }, true);
    }),
  );
};

export async function measureApply(smoke: boolean) {
  const scenario = smoke ? smokeScenario : full;
  // The busiest label: creates (Light) or member adds (Medium), at its rate.
  const boundSeconds = Math.max(scenario.groups, scenario.groups * Math.ceil(scenario.members / 10)) / scenario.rate;
  const runs = [];
  for (const [name, approach] of [
    ["apply", viaApply],
    ["sequential script", sequential],
    ["p-limit(10) around fetch", pLimited],
    ["one limiter at the Light rate", oneLimiter],
  ] as const)
    runs.push(await measure(name, scenario, approach));
  return {
    scenario,
    boundSeconds,
    targetSeconds: round(1.1 * boundSeconds + 1),
    runs: runs.map((run) => ({ ...run, ofBound: round(run.seconds / boundSeconds, 2) })),
  };
}
export type ApplyFigures = Awaited<ReturnType<typeof measureApply>>;

export function applyTables({ scenario, boundSeconds, targetSeconds, runs }: ApplyFigures): string[] {
  return [
    `**apply on two labels** (Light ${scenario.rate}/s and Medium ${scenario.rate}/s, ${scenario.groups} groups of ${scenario.members} members, ${scenario.latencyMs} ms answers; the busiest label needs ${boundSeconds} s; target for apply ≤ ${targetSeconds} s with ≤ 5 % 429s)`,
    "",
    "| approach | seconds | × bound | requests | 429s | all done |",
    "|---|---:|---:|---:|---:|---|",
    ...runs.map(
      (run) =>
        `| ${run.name} | ${run.seconds} | ${run.ofBound} | ${run.requests} | ${run.rateLimited} (${run.shareOf429} %) | ${run.complete ? "yes" : "no"} |`,
    ),
  ];
}

/** What must never happen: apply leaving the account other than the file says. Its time is a figure. */
export function applyProblems(figures: ApplyFigures): string[] {
  const apply = figures.runs.find((run) => run.name === "apply");
  return apply?.complete ? [] : ["apply: the account does not hold what the file says"];
}
