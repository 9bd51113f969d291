import { describe, expect, test } from "vitest";
import { cli, onTerminal, useCliWorkspace } from "./support/cli.ts";

const workspace = useCliWorkspace("zoom-cli-");
const { file, mockZoom } = workspace;

describe("single create", () => {
  test("with no credentials it runs against the embedded mock and says so", async () => {
    const run = await cli(["create", "--name", "Design team"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("using the embedded mock Zoom at http://127.0.0.1:");
    expect(run.stdout).toMatch(
      /^Created IM group "Design team"\n {2}id: +mockgrp\w+\n {2}location: +\/v2\/im\/groups\/mockgrp\w+\n {2}tracking id: +mock-\w+\n$/,
    );
  });

  test("--json prints one object", async () => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--name", "Ops", "--type", "shared", "--search-by-domain", "--json"], env);
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      {
        name: "Ops",
        id: expect.any(String),
        location: expect.stringMatching(/^\/v2\/im\/groups\//),
        trackingId: expect.any(String),
        status: 201,
      },
    ]);
    expect(workspace.running?.mock.groups()[0]).toMatchObject({ name: "Ops", type: "shared", search_by_domain: true });
  });

  test("--no-… flags send false, and --encoding json works", async () => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--name", "Ops", "--no-search-by-account", "--encoding", "json"], env);
    expect(run.code).toBe(0);
    expect(workspace.running?.mock.groups()[0]).toMatchObject({ search_by_account: false });
  });

  test("a second create of the same name exits 1 with one clear line", async () => {
    const { env } = await mockZoom();
    expect((await cli(["create", "--name", "Dup"], env)).code).toBe(0);
    const run = await cli(["create", "--name", "Dup"], env);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^error: GroupNameConflictError: Group name Dup is already in use\..*Zoom code 4132, tracking id mock-\w+\]/,
    );
    expect(run.stderr).not.toContain("    at ");
    expect(run.stderr).not.toContain("cli-canary-token");
  });

  test("--verbose adds the stack trace", async () => {
    const { env } = await mockZoom({ accounts: { other: "acct" } });
    const run = await cli(["create", "--name", "x", "--verbose"], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("AuthenticationError");
    expect(run.stderr).toContain("    at ");
  });

  test("a rejected token (401) exits 1 and never prints the token", async () => {
    const { env } = await mockZoom({ accounts: { other: "acct" } });
    const run = await cli(["create", "--name", "x"], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("AuthenticationError");
    expect(run.stderr).toContain("Zoom code 124");
    expect(run.stdout + run.stderr).not.toContain("cli-canary-token");
  });

  test("the seed's curl values exit 2 naming each field; nothing is sent", async () => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--name", "Excepteur proident in", "--type", "Excepteur proident innormal"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: --type must be one of normal, shared, restricted");
    expect(run.stderr).toContain("Nothing was sent.");
    expect(workspace.running?.mock.groups()).toEqual([]);
  });

  test.each([
    [["create"], "error: --name is required"],
    [["create", "--name", "x", "--bogus"], "Unknown option '--bogus'"],
    [["create", "--name", "x", "--search-by-domain", "--no-search-by-domain"], "not both"],
    [["frobnicate"], 'unknown command "frobnicate"'],
    [["create", "--name", "x", "--encoding", "xml"], "--encoding must be one of multipart, json"],
  ])("usage error %j exits 2", async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  test("a base URL without credentials is a usage error, not a silent mock", async () => {
    const run = await cli(["create", "--name", "x", "--base-url", "http://127.0.0.1:9/v2"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no credentials");
  });

  test("an unreachable API exits 1 with a connection error", async () => {
    const run = await cli(["create", "--name", "x"], { ZOOM_API_URL: "http://127.0.0.1:9/v2", ZOOM_ACCESS_TOKEN: "t" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("ZoomConnectionError");
  });

  test("--dry-run prints the curl command with $ZOOM_ACCESS_TOKEN and sends nothing", async () => {
    const { env } = await mockZoom();
    const run = await cli(
      ["create", "--name", "It's ours", "--type", "restricted", "--search-by-domain", "--dry-run"],
      env,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `curl -X POST '${workspace.running?.url}/im/groups' \\`,
        `  -H "Authorization: Bearer $ZOOM_ACCESS_TOKEN" \\`,
        `  --form-string 'name=It'\\''s ours' \\`,
        `  --form-string 'type=restricted' \\`,
        `  --form-string 'search_by_domain=true'\n`,
      ].join("\n"),
    );
    expect(run.stdout).not.toContain("cli-canary-token");
    expect(workspace.running?.mock.groups()).toEqual([]);
  });

  test("create --help lists the spec's fields; --version prints the version", async () => {
    const help = await cli(["create", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--type normal|shared|restricted");
    expect(help.stdout).toContain("--no-search-by-ma-account");
    expect((await cli(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  test("Server-to-Server OAuth credentials from the environment", async () => {
    const running = (await mockZoom()).running;
    const run = await cli(["create", "--name", "S2S", "--json"], {
      ZOOM_API_URL: running.url,
      ZOOM_OAUTH_TOKEN_URL: running.tokenUrl,
      ZOOM_ACCOUNT_ID: "acct-cli",
      ZOOM_CLIENT_ID: "id",
      ZOOM_CLIENT_SECRET: "cli-secret-canary",
    });
    expect(run.code).toBe(0);
    expect(running.mock.groups("acct-cli")).toHaveLength(1);
    expect(run.stdout + run.stderr).not.toContain("cli-secret-canary");
  });
});

describe("bulk", () => {
  const names = (n: number, prefix = "Group") => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

  test("an invalid row is reported with its line and nothing is sent", async () => {
    const { env } = await mockZoom();
    const path = await file("bad.csv", 'name,type\nGood one,shared\n"Bad, one",public\nAlso good,\n');
    const run = await cli(["create", "--file", path], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("row 2 (line 3): type must be one of normal, shared, restricted");
    expect(workspace.running?.mock.groups()).toEqual([]);
  });

  test("--skip-invalid sends the valid rows and reports the invalid one", async () => {
    const { env } = await mockZoom();
    const path = await file("mixed.jsonl", '{"name":"A"}\n{"name":""}\n{"name":"C","search_by_domain":true}\n');
    const run = await cli(["create", "--file", path, "--skip-invalid"], env);
    expect(run.code).toBe(0);
    expect(workspace.running?.mock.groups().map((g) => g.name)).toEqual(["A", "C"]);
    expect(run.lines).toContainEqual(expect.objectContaining({ row: 2, line: 2, outcome: "invalid" }));
    expect(run.lines.at(-1)).toMatchObject({ type: "summary", rows: 3, created: 2, invalid: 1, failed: 0 });
  });

  test("JSON from stdin", async () => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--file", "-"], env, {
      input: JSON.stringify([{ name: "In" }, { name: "Out", type: "shared" }]),
    });
    expect(run.code).toBe(0);
    expect(
      workspace.running?.mock
        .groups()
        .map((g) => g.name)
        .sort(),
    ).toEqual(["In", "Out"]);
  });

  test("against a rate-limited mock every row is created and the 429s are absorbed", async () => {
    const { env } = await mockZoom({ rateLimit: 4 });
    const path = await file("many.csv", `name\n${names(16).join("\n")}\n`);
    const run = await cli(["create", "--file", path, "--rate", "50", "--concurrency", "4"], env);
    expect(run.code).toBe(0);
    const summary = run.lines.at(-1) as { created: number; failed: number; rateLimited: number };
    expect(summary).toMatchObject({ created: 16, failed: 0 });
    expect(summary.rateLimited).toBeGreaterThan(0);
    expect(workspace.running?.mock.groups()).toHaveLength(16);
  });

  test("--skip-existing makes a re-run create nothing twice", async () => {
    const { env } = await mockZoom();
    const path = await file("rerun.csv", `name\n${names(5, "Team").join("\n")}\n`);
    expect((await cli(["create", "--file", path], env)).code).toBe(0);
    const rerun = await cli(["create", "--file", path, "--skip-existing"], env);
    expect(rerun.code).toBe(0);
    expect(rerun.lines.at(-1)).toMatchObject({ created: 0, exists: 5, failed: 0 });
    expect(workspace.running?.mock.groups()).toHaveLength(5);
    const withoutFlag = await cli(["create", "--file", path], env);
    expect(withoutFlag.code).toBe(1);
    expect(withoutFlag.lines.at(-1)).toMatchObject({ failed: 5 });
  });

  test("SIGINT stops sending, prints the summary, and every created group is on stdout", async () => {
    const { env } = await mockZoom();
    const path = await file("slow.csv", `name\n${names(200, "Slow").join("\n")}\n`);
    let interrupted = false;
    const run = await cli(["create", "--file", path, "--rate", "20", "--concurrency", "2"], env, {
      onLine: (line, child) => {
        if (!interrupted && line.includes('"outcome":"created"') && line.includes('Slow 5"')) {
          interrupted = true;
          child.kill("SIGINT");
        }
      },
    });
    expect(interrupted).toBe(true);
    expect(run.code).toBe(130);
    const summary = run.lines.at(-1) as { interrupted: boolean; created: number; notSent: number; rows: number };
    expect(summary).toMatchObject({ type: "summary", interrupted: true, rows: 200 });
    expect(summary.notSent).toBeGreaterThan(0);
    const createdOnStdout = run.lines
      .filter((l): l is { outcome: string; id: string } => (l as { outcome?: string }).outcome === "created")
      .map((l) => l.id)
      .sort();
    const createdOnServer = (workspace.running?.mock.groups() ?? []).map((g) => g.id).sort();
    expect(createdOnStdout).toEqual(createdOnServer);
    expect(summary.created).toBe(createdOnServer.length);
    expect(summary.created + summary.notSent).toBe(200);
  });
});

test("a progress bar goes to stderr when it is a terminal, and only then", async () => {
  const { env } = await mockZoom();
  const path = await file("tty.csv", "name\nOne\nTwo\nThree\n");
  // script(1) runs the CLI on a pseudo-terminal, as a person at a shell would.
  const tty = await onTerminal(["create", "--file", path], env);
  expect(tty).toMatch(/\[#{30}\] 3\/3/);
  const piped = await cli(["create", "--file", path, "--skip-existing"], env);
  expect(piped.stderr).not.toContain("[#");
});

describe("mock command", () => {
  test("prints its base URL first, then one line per request", async () => {
    const lines: string[] = [];
    let status: number | undefined;
    const run = await cli(
      ["mock", "--port", "0"],
      {},
      {
        onLine: (line, child) => {
          lines.push(line);
          if (lines.length !== 1) return;
          const form = new FormData();
          form.append("name", "From the mock test");
          fetch(`${line}/im/groups`, { method: "POST", headers: { Authorization: "Bearer t" }, body: form })
            .then((response) => {
              status = response.status;
            })
            .finally(() => child.kill("SIGINT"));
        },
      },
    );
    expect(run.code).toBe(0);
    expect(status).toBe(201);
    expect(lines[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    expect(lines[1]).toMatch(/^POST \/v2\/im\/groups → 201 "From the mock test" \(tracking id mock-\w+\)$/);
  });
});
