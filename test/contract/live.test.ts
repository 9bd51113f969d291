/**
 * Provider verification: the contract checked against a running server over real HTTP, by the package's own
 * `verify` (zoom-im-groups/verify). Here it verifies the mock Zoom; `npm run test:live` (scripts/test-live.ts)
 * runs the same checks, as `zoom-im-groups verify`, against ZOOM_CONTRACT_BASE_URL. Nothing in this file reads
 * the environment: plain vitest never goes live.
 */
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { expect, test } from "vitest";
import { repoRoot } from "../../scripts/lib/spec.ts";
import { startMockZoom } from "../../src/testing/index.ts";
import { verify } from "../../src/verify/index.ts";

test("the mock Zoom passes provider verification over real HTTP, and holds afterwards what it held before", async () => {
  const mock = await startMockZoom();
  try {
    const before = mock.mock.groups();
    const report = await verify({ accessToken: "live", baseUrl: mock.url }, { memberEmail: "live@example.com" });
    expect(report.checks.filter((check) => check.outcome !== "passed")).toEqual([]);
    expect(report.operations).toHaveLength(8);
    expect(mock.mock.groups()).toEqual(before);
  } finally {
    await mock.close();
  }
});

test("provider verification fails a server that breaks the contract, naming the create and its status", async () => {
  const mock = await startMockZoom({ freeAccount: true });
  try {
    const report = await verify({ accessToken: "live", baseUrl: mock.url });
    expect(report.ok).toBe(false);
    expect(report.checks).toContainEqual(
      expect.objectContaining({
        operation: "imGroupCreate",
        check: "status",
        outcome: "failed",
        message: expect.stringMatching(/^imGroupCreate HTTP 200: Only available for paid account.*expects HTTP 201/),
      }),
    );
    expect(mock.mock.groups()).toEqual([]);
  } finally {
    await mock.close();
  }
});

const testLive = (env: Record<string, string>) =>
  spawnSync(
    process.execPath,
    ["--import", createRequire(import.meta.url).resolve("tsx"), resolve(repoRoot, "scripts/test-live.ts")],
    { cwd: repoRoot, env: { PATH: process.env.PATH ?? "", ...env }, encoding: "utf8" },
  );

test("npm run test:live refuses without ZOOM_CONTRACT_BASE_URL (exit 2), naming it and the credentials", () => {
  for (const env of [{ ZOOM_ACCESS_TOKEN: "t" }, { ZOOM_ACCESS_TOKEN: "t", ZOOM_CONTRACT_BASE_URL: " " }]) {
    const run = testLive(env);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/ZOOM_CONTRACT_BASE_URL is (not set|set but empty)/);
    expect(run.stderr).toContain("ZOOM_ACCESS_TOKEN");
  }
});

test("npm run test:live is zoom-im-groups verify against ZOOM_CONTRACT_BASE_URL", async () => {
  const mock = await startMockZoom();
  try {
    const env = { ZOOM_CONTRACT_BASE_URL: mock.url, ZOOM_ACCESS_TOKEN: "live-token" };
    // Not spawnSync: it would block the event loop the mock answers on.
    const child = spawn(
      process.execPath,
      ["--import", createRequire(import.meta.url).resolve("tsx"), resolve(repoRoot, "scripts/test-live.ts"), "--json"],
      { cwd: repoRoot, env: { PATH: process.env.PATH ?? "", ...env } },
    );
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    const code = await new Promise((done) => child.on("close", done));
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { ok: boolean; baseUrl: string };
    expect(report).toMatchObject({ ok: true, baseUrl: mock.url });
  } finally {
    await mock.close();
  }
});
