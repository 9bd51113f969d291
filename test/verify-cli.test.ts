/**
 * `zoom-im-groups verify`: its outputs (lines, --json, --junit), its refusals, a server that breaks the
 * contract over real HTTP, Ctrl-C, and a run killed after its create whose leftover the next run removes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createMockZoom } from "../src/testing/fetch.ts";
import { VERIFY_PREFIX, type VerifyReport } from "../src/verify/index.ts";
import { CLI_TOKEN, COMMAND, cli, useCliWorkspace } from "./support/cli.ts";

const workspace = useCliWorkspace("zoom-verify-");
const EMAIL = "member@example.com";

/** A fetch-style handler (the mock behind a rewrite) served over HTTP on loopback; resolves with its base URL. */
async function serve(handle: (request: Request) => Promise<Response>): Promise<string> {
  const origin = await workspace.listen(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = Object.entries(req.headers).flatMap(([name, value]) =>
      typeof value === "string" ? [[name, value] as [string, string]] : [],
    );
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method ?? "GET",
      headers,
      ...(body.length > 0 ? { body } : {}),
    });
    const response = await handle(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return `${origin}/v2`;
}

describe("outputs", () => {
  test("--mock --member-email --json: exit 0, one JSON document, all eight operations", async () => {
    const run = await cli(["verify", "--mock", "--member-email", EMAIL, "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as VerifyReport;
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(report).toMatchObject({ ok: true, counts: { failed: 0, skipped: 0 }, leftBehind: [] });
    expect(report.operations).toHaveLength(8);
    expect(run.stderr).toContain("embedded mock Zoom");
  });

  test("lines by default, one per check, then a summary; --junit writes a test case per check", async () => {
    const { running, env } = await workspace.mockZoom();
    const client = await cli(["create", "--name", "Design team"], env);
    expect(client.code).toBe(0);
    const before = running.mock.groups();
    const junit = join(workspace.dir, "verify.xml");
    const run = await cli(["verify", "--junit", junit], env);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    const checks = lines.slice(0, -1);
    expect(checks.every((line) => /^(ok {2}|skip) {2}im\w+ +\S/.test(line))).toBe(true);
    expect(checks.filter((line) => line.startsWith("skip"))).toHaveLength(3); // the member operations
    expect(lines.at(-1)).toMatch(/^verify: \d+ passed, 0 failed, 3 skipped against http:.*the account is as it was$/);
    const xml = await readFile(junit, "utf8");
    expect(xml.match(/<testcase /g)).toHaveLength(checks.length);
    expect(xml.match(/<skipped /g)).toHaveLength(3);
    expect(running.mock.groups()).toEqual(before);
  });

  test("--read-only sends only GETs", async () => {
    const { running, log, env } = await workspace.mockZoom();
    await cli(["create", "--name", "Design team"], env);
    log.length = 0;
    const run = await cli(["verify", "--read-only", "--json"], env);
    expect(run.code).toBe(0);
    expect(log.length).toBeGreaterThan(0);
    expect(log.filter((entry) => entry.method !== "GET")).toEqual([]);
    expect(running.mock.groups().map((group) => group.name)).toEqual(["Design team"]);
  });
});

describe("refusals: exit 2 naming what to set, nothing sent", () => {
  test("no target, or an empty one", async () => {
    const none = await cli(["verify"], { ZOOM_ACCESS_TOKEN: CLI_TOKEN });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("verify needs a target: set ZOOM_API_URL or give --base-url URL");
    const empty = await cli(["verify"], { ZOOM_ACCESS_TOKEN: CLI_TOKEN, ZOOM_API_URL: "" });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("ZOOM_API_URL is set but empty");
    const flag = await cli(["verify", "--base-url", " ", "--json"], { ZOOM_ACCESS_TOKEN: CLI_TOKEN });
    expect(flag.code).toBe(2);
    expect(JSON.parse(flag.stdout)).toEqual({ error: expect.objectContaining({ name: "UsageError" }) });
  });

  test("no credentials: the variables named, nothing reaches the target", async () => {
    const { log, running } = await workspace.mockZoom();
    const run = await cli(["verify"], { ZOOM_API_URL: running.url });
    expect(run.code).toBe(2);
    for (const name of ["ZOOM_ACCESS_TOKEN", "ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"])
      expect(run.stderr).toContain(name);
    expect(log).toEqual([]);
  });

  test("a --member-email the spec refuses, and a --junit file that cannot be opened, send nothing", async () => {
    const { log, env } = await workspace.mockZoom();
    const email = await cli(["verify", "--member-email", "nobody"], env);
    expect(email.code).toBe(2);
    expect(email.stderr).toContain("--member-email must be an email address");
    const junit = await cli(["verify", "--junit", join(workspace.dir, "missing", "verify.xml")], env);
    expect(junit.code).toBe(2);
    expect(junit.stderr).toContain("ENOENT");
    expect(log).toEqual([]);
  });
});

test("a server that breaks the contract: exit 1, the failure named (operation, status, field), nothing left", async () => {
  const mock = createMockZoom();
  const url = await serve(async (request) => {
    const response = await mock.handle(request);
    if (request.method !== "GET" || !/\/im\/groups\/[^/]+$/.test(new URL(request.url).pathname)) return response;
    if (response.status !== 200) return response;
    const body = { ...((await response.json()) as object), type: "secret" };
    return Response.json(body, { headers: { "x-zm-trackingid": response.headers.get("x-zm-trackingid") ?? "" } });
  });
  const run = await cli(["verify", "--member-email", EMAIL], { ZOOM_API_URL: url, ZOOM_ACCESS_TOKEN: CLI_TOKEN });
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(
    /^FAIL {2}imGroup +read the group: body — imGroup HTTP 200: type must be one of normal, shared, restricted \(got "secret"\) \[tracking id mock-\w+\]$/m,
  );
  expect(run.stdout.trim().split("\n").at(-1)).toMatch(/failed.*the account is as it was$/);
  expect(mock.groups()).toEqual([]);
  expect(run.stdout + run.stderr).not.toContain(CLI_TOKEN);
});

test("Ctrl-C while its create is on the wire: the group is deleted, exit 130", async () => {
  let interrupt = () => {};
  const { running, env } = await workspace.mockZoom({
    onRequest: (entry) => {
      if (entry.method === "POST") interrupt();
    },
  });
  const run = await cli(["verify", "--json"], env, { onStart: (control) => (interrupt = control.interrupt) });
  expect(run.code).toBe(130);
  expect((JSON.parse(run.stdout) as VerifyReport).interrupted).toBe(true);
  expect(running.mock.groups()).toEqual([]);
});

test("killed after creating its group, the next run deletes the leftover (and only it)", async () => {
  let child: ChildProcess | undefined;
  const { running, env } = await workspace.mockZoom({
    // Killed while it waits for the read after its create: the group exists and nothing will delete it.
    onRequest: (entry) => {
      if (entry.method === "GET" && /^\/v2\/im\/groups\/[^/]+$/.test(entry.path)) child?.kill("SIGKILL");
    },
  });
  await cli(["create", "--name", "Design team"], env);
  const [command, ...prefix] = COMMAND as [string, ...string[]];
  child = spawn(command, [...prefix, "verify"], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: "ignore" });
  const signal = await new Promise((done) => child?.on("exit", (_, killedBy) => done(killedBy)));
  expect(signal).toBe("SIGKILL");
  const left = running.mock.groups().filter((group) => group.name.startsWith(VERIFY_PREFIX));
  expect(left).toHaveLength(1);

  const next = await cli(["verify", "--json"], env);
  expect(next.code).toBe(0);
  expect((JSON.parse(next.stdout) as VerifyReport).leftoversRemoved).toEqual([left[0]?.name]);
  expect(running.mock.groups().map((group) => group.name)).toEqual(["Design team"]);
});
