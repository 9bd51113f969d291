/** The CLI's single create, its usage errors, help and the mock command, run in process. */
import { describe, expect, test, vi } from "vitest";
import { createImGroupsClient } from "../src/index.ts";
import { CLI_TOKEN, cli, closedOrigin, useCliWorkspace } from "./support/cli.ts";

const workspace = useCliWorkspace("zoom-cli-");
const { mockZoom, listen } = workspace;

/** A one-route HTTP server answering every request with `answer`; resolves with its origin. */
function serverAnswering(
  answer: (
    body: string,
    contentType: string | undefined,
  ) => { status: number; body: string; headers?: Record<string, string> },
) {
  return listen((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const { status, body: text, headers } = answer(body, req.headers["content-type"]);
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(text);
    });
  });
}

describe("single create", () => {
  test("with no credentials it refuses (exit 2), naming the variables and --mock; nothing starts", async () => {
    const run = await cli(["create", "--name", "Design team"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    for (const name of ["ZOOM_ACCESS_TOKEN", "ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET", "--mock"])
      expect(run.stderr).toContain(name);
    expect(run.stderr).not.toContain("http://127.0.0.1");
  });

  test("a file run with no credentials refuses too, after checking the input, and sends nothing", async () => {
    const run = await cli(["create", "--file", "-"], {}, { input: "name\nA\nB\n" });
    expect(run.code).toBe(2);
    expect(run.lines).toEqual([]);
    expect(run.stderr).toContain("no Zoom credentials");
  });

  test("--dry-run names the target it would call: Zoom with the credentials set, or says none are", async () => {
    const withToken = await cli(["create", "--name", "x", "--dry-run"], { ZOOM_ACCESS_TOKEN: "t" });
    expect(withToken.code).toBe(0);
    expect(withToken.stderr).toContain("would send to https://api.zoom.us/v2/im/groups with ZOOM_ACCESS_TOKEN");
    const without = await cli(["create", "--name", "x", "--dry-run"]);
    expect(without.code).toBe(0);
    expect(without.stderr).toContain("but no credentials are set");
    const mocked = await cli(["create", "--name", "x", "--dry-run", "--mock"]);
    expect(mocked.stderr).toContain("would send to the embedded mock Zoom");
    expect(mocked.stderr).not.toContain("api.zoom.us");
  });

  test("--mock with --base-url is refused: the mock has its own URL", async () => {
    const run = await cli(["create", "--name", "x", "--mock", "--base-url", "https://api.zoom.us/v2"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("drop --base-url");
  });

  test("--mock runs against the embedded mock over real HTTP and says so", async () => {
    const run = await cli(["create", "--mock", "--name", "Design team"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("--mock: using the embedded mock Zoom at http://127.0.0.1:");
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

  test("--no-… flags send false; --encoding json sends a JSON body", async () => {
    const { env } = await mockZoom();
    const sent: { contentType: string | undefined; body: string }[] = [];
    const url = await serverAnswering((body, contentType) => {
      sent.push({ contentType, body });
      return { status: 201, body: '{"id":"g1"}' };
    });
    const json = await cli(["create", "--name", "Ops", "--no-search-by-account", "--encoding", "json"], {
      ZOOM_API_URL: `${url}/v2`,
      ZOOM_ACCESS_TOKEN: "t",
    });
    expect(json.code).toBe(0);
    expect(sent[0]?.contentType).toBe("application/json");
    expect(JSON.parse(sent[0]?.body ?? "")).toEqual({ name: "Ops", search_by_account: false });
    const multipart = await cli(["create", "--name", "Ops", "--no-search-by-account"], env);
    expect(multipart.code).toBe(0);
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
    expect(run.stderr).not.toContain(CLI_TOKEN);
  });

  test("--json prints one error object when the create fails", async () => {
    const { env } = await mockZoom();
    await cli(["create", "--name", "Taken"], env);
    const run = await cli(["create", "--name", "Taken", "--json"], env);
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      {
        error: {
          name: "GroupNameConflictError",
          message: expect.stringContaining("Group name Taken is already in use."),
          status: 409,
          code: 4132,
          trackingId: expect.stringMatching(/^mock-/),
        },
      },
    ]);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
  });

  test("a lost answer whose retry meets 409 is created, unconfirmed, exit 0 — as bulk reports it", async () => {
    const { env, running } = await mockZoom({ faults: { dropRate: 1 } });
    const human = await cli(["create", "--name", "Lost"], env);
    expect(human.code).toBe(0);
    expect(human.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^Created IM group "Lost" \(unconfirmed: Zoom's answer was lost .*the group exists/),
    ]);
    const json = await cli(["create", "--name", "Lost too", "--json"], env);
    expect(json.code).toBe(0);
    expect(json.lines).toEqual([{ name: "Lost too", trackingId: expect.any(String), confirmed: false }]);
    expect(running.mock.groups().map((group) => group.name)).toEqual(["Lost", "Lost too"]);
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
    expect(run.stdout + run.stderr).not.toContain(CLI_TOKEN);
  });

  test("a secret a server echoes in a successful answer is never printed", async () => {
    const url = await serverAnswering(() => ({
      status: 201,
      body: JSON.stringify({ id: `g-${CLI_TOKEN}`, name: `n ${CLI_TOKEN}` }),
      headers: { "content-location": `/v2/im/groups/${CLI_TOKEN}`, "x-zm-trackingid": CLI_TOKEN },
    }));
    for (const extra of [[], ["--json"]]) {
      const run = await cli(["create", "--name", "Echo", ...extra], {
        ZOOM_API_URL: `${url}/v2`,
        ZOOM_ACCESS_TOKEN: CLI_TOKEN,
      });
      expect(run.code).toBe(0);
      expect(run.stdout + run.stderr).not.toContain(CLI_TOKEN);
    }
  });

  test("the seed's curl values exit 2 naming each field; nothing is sent", async () => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--name", "Excepteur proident in", "--type", "Excepteur proident innormal"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--type must be one of normal, shared, restricted");
    expect(run.stderr).toContain("Nothing was sent.");
    expect(workspace.running?.mock.groups()).toEqual([]);
  });

  test("an unreachable API exits 1 with a connection error", async () => {
    const run = await cli(["create", "--name", "x"], {
      ZOOM_API_URL: `${await closedOrigin()}/v2`,
      ZOOM_ACCESS_TOKEN: "t",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("ZoomConnectionError");
  });

  test("a port fetch refuses (9, discard) is a configuration error at once: exit 2, not retried", async () => {
    const attempts = vi.spyOn(globalThis, "fetch");
    const run = await cli(["create", "--name", "x"], { ZOOM_API_URL: "http://127.0.0.1:9/v2", ZOOM_ACCESS_TOKEN: "t" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ConfigurationError");
    expect(run.stderr).toContain("fetch refuses this URL (fetch failed: bad port); nothing was sent");
    expect(attempts).toHaveBeenCalledTimes(1); // not retried
    attempts.mockRestore();
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
        `curl -X POST ${workspace.running?.url}/im/groups \\`,
        `  -H "Authorization: Bearer $ZOOM_ACCESS_TOKEN" \\`,
        `  --form-string 'name=It'\\''s ours' \\`,
        "  --form-string type=restricted \\",
        "  --form-string search_by_domain=true\n",
      ].join("\n"),
    );
    expect(run.stdout).not.toContain(CLI_TOKEN);
    expect(workspace.running?.mock.groups()).toEqual([]);
  });

  test("--dry-run --json prints what would be sent as one JSON object, not curl", async () => {
    const { log, env } = await mockZoom();
    const run = await cli(["create", "--name", "Design", "--type", "shared", "--dry-run", "--json"], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      dryRun: true,
      method: "POST",
      url: `${workspace.running?.url}/im/groups`,
      encoding: "multipart",
      body: { name: "Design", type: "shared" },
    });
    expect(run.stdout).not.toContain(CLI_TOKEN);
    expect(log).toEqual([]);
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

  test("an unreachable token endpoint points at the token URL, not the base URL", async () => {
    const run = await cli(["create", "--name", "x"], {
      ZOOM_ACCOUNT_ID: "a",
      ZOOM_CLIENT_ID: "b",
      ZOOM_CLIENT_SECRET: "c-secret",
      ZOOM_OAUTH_TOKEN_URL: `${await closedOrigin()}/oauth/token`,
      ZOOM_API_URL: `${await closedOrigin()}/v2`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the OAuth token URL");
    expect(run.stderr).not.toContain("the base URL");
  });

  test("a server message with line breaks stays one error line", async () => {
    const url = await serverAnswering(() => ({
      status: 400,
      body: JSON.stringify({ code: 300, message: "first line\nsecond line\r\nthird" }),
    }));
    const run = await cli(["create", "--name", "x"], { ZOOM_API_URL: `${url}/v2`, ZOOM_ACCESS_TOKEN: "t" });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("first line second line third");
  });

  test("a secret echoed back percent-encoded by a hostile token endpoint is redacted", async () => {
    const secret = "CANARY/se+cret=9";
    const url = await serverAnswering((body) => ({
      status: 401,
      body: JSON.stringify({ error: "invalid_client", reason: `bad cid%3A${encodeURIComponent(secret)} (${body})` }),
    }));
    const run = await cli(["create", "--name", "x", "--json"], {
      ZOOM_ACCOUNT_ID: "acct",
      ZOOM_CLIENT_ID: "cid",
      ZOOM_CLIENT_SECRET: secret,
      ZOOM_OAUTH_TOKEN_URL: `${url}/oauth/token`,
      ZOOM_API_URL: `${url}/v2`,
    });
    expect(run.code).toBe(1);
    const shown = run.stdout + run.stderr;
    expect(shown).toContain("AuthenticationError");
    for (const form of [secret, encodeURIComponent(secret), encodeURIComponent(secret).toLowerCase()])
      expect(shown).not.toContain(form);
  });

  test("--timeout sets the per-attempt timeout, and the message names no library option", async () => {
    const origin = await listen(() => {}); // accepts, never answers
    const run = await cli(["create", "--name", "x", "--timeout", "1"], {
      ZOOM_API_URL: `${origin}/v2`,
      ZOOM_ACCESS_TOKEN: "t",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("ZoomTimeoutError");
    expect(run.stderr).toContain("no answer from Zoom within 1 s");
    expect(run.stderr).toContain("allow more time (--timeout SECONDS).");
    expect(run.stderr).not.toContain("timeoutMs");
  }, 30_000);
});

describe("usage errors exit 2 and say what to do", () => {
  test.each([
    [["create"], "--name is required"],
    [["create", "--nme", "x"], "Unknown option '--nme' (did you mean --name?)\nRun zoom-im-groups create --help"],
    [["create", "--name", "x", "--concurency", "4"], "did you mean --concurrency?"],
    [["crate"], 'unknown command "crate" (did you mean create?)'],
    [["create", "--name", "x", "--search-by-domain", "--no-search-by-domain"], "not both"],
    [["create", "--name", "x", "--name", "y"], "--name is given more than once"],
    [
      ["create", "--file", "g.csv", "--rate", "-5"],
      "--rate needs a value (for one that starts with a dash: --rate=VALUE)",
    ],
    [["create", "--file", "g.csv", "--rate=-5"], "--rate must be a whole number from 1 to 1000"],
    [["create", "--name", "x", "--encoding", "xml"], "--encoding must be one of multipart, json"],
    [["create", "--name", "x", "--timeout", "0"], "--timeout must be a whole number from 1 to 3600"],
    [["create", "--name", "x", "--base-url", "http://127.0.0.1:9/v2"], "no Zoom credentials"],
  ])("%j → %s", async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain("using the embedded mock");
  });

  test.each([
    [["create", "--nme", "x", "--json"], "UsageError"],
    [["create", "--name", "x", "--base-url", "nope", "--json"], "UsageError"],
    [["create", "--type", "public", "--json"], "ValidationError"],
    [["create", "--name", "x", "--json=false"], "UsageError"],
  ])("--json prints the same {error} object on usage errors: %j", async (args, name) => {
    const run = await cli(args, { ZOOM_ACCESS_TOKEN: "t" });
    expect(run.code).toBe(2);
    expect(run.lines).toEqual([{ error: { name, message: expect.any(String) } }]);
  });

  test.each([
    [
      {
        ZOOM_ACCOUNT_ID: "a",
        ZOOM_CLIENT_ID: "b",
        ZOOM_CLIENT_SECRET: "c",
        ZOOM_OAUTH_TOKEN_URL: "zoom.us/oauth/token",
      },
      [],
      "ZOOM_OAUTH_TOKEN_URL must be an absolute URL such as https://zoom.us/oauth/token",
    ],
    [
      { ZOOM_ACCESS_TOKEN: "t", ZOOM_API_URL: "api.zoom.us/v2" },
      [],
      "ZOOM_API_URL must be an absolute URL such as https://api.zoom.us/v2",
    ],
    [{ ZOOM_ACCESS_TOKEN: "t" }, ["--base-url", "nope"], "--base-url must be an absolute URL"],
    [{ ZOOM_ACCESS_TOKEN: "t" }, ["--base-url", "https://api.zoom.us/v2?x=1"], "must not have a query string"],
    [
      { ZOOM_ACCESS_TOKEN: "t" },
      ["--base-url", "https://api.zoom.us/v2?", "--dry-run"],
      "must not have a query string",
    ],
  ])("messages name what the user set: %j %j", async (env, args, message) => {
    const run = await cli(["create", "--name", "x", ...args], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/serverToServer|baseUrl/);
  });

  test("a credential variable set but empty is a usage error, not a quiet run against the embedded mock", async () => {
    const run = await cli(["create", "--name", "x"], { ZOOM_ACCESS_TOKEN: "" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ZOOM_ACCESS_TOKEN is set but empty");
    expect(run.stderr).not.toContain("using the embedded mock");
  });

  test("a URL that does not parse is never echoed with what may be a secret", async () => {
    for (const value of ["//u:CANARY-pw@127.0.0.1:1/v2", "127.0.0.1:1/v2?access_token=CANARY-q"]) {
      const run = await cli(["create", "--name", "x"], { ZOOM_ACCESS_TOKEN: "t", ZOOM_API_URL: value });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("ZOOM_API_URL must be an absolute URL");
      expect(run.stderr).not.toContain("CANARY");
    }
  });

  test.each([
    ["ZOOM_OAUTH_TOKEN_URL", "https://Id:Cl!ent/Secret@zoom.us/oauth/token", "Cl!ent/Secret"],
    ["ZOOM_OAUTH_TOKEN_URL", "https://Id:Cl?ent#Secret@zoom.us/oauth/token", "Cl?ent#Secret"],
    ["ZOOM_API_URL", "https://id:12/Secret-pw@api.zoom.us/v2", "Secret-pw"],
    ["--base-url", "htps//u:tok/en-CANARY@[x/v2", "tok/en-CANARY"],
  ])("credentials in %s whose secret holds / ? # are refused and never echoed", async (from, value, secret) => {
    const base = { ZOOM_ACCOUNT_ID: "a", ZOOM_CLIENT_ID: "b", ZOOM_CLIENT_SECRET: "c" };
    const env: Record<string, string> = from === "--base-url" ? base : { ...base, [from]: value };
    const run = await cli(["create", "--name", "x", "--json", ...(from === "--base-url" ? [from, value] : [])], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(from);
    expect(run.stdout + run.stderr).not.toContain(secret);
  });

  test("the library refuses a URL with credentials in its path, not echoing them", () => {
    const error = (() => {
      try {
        createImGroupsClient({ accessToken: "t", baseUrl: "https://id:12/Secret-pw@api.zoom.us/v2" });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toContain("baseUrl must not contain a user name or password");
    expect(error?.message).not.toContain("Secret-pw");
  });

  test("a short token is not taken for a secret inside names and ids", async () => {
    const { running } = await mockZoom();
    const run = await cli(["create", "--name", "test group", "--json"], {
      ZOOM_API_URL: running.url,
      ZOOM_ACCESS_TOKEN: "test",
    });
    expect(run.code).toBe(0);
    expect(run.lines[0]).toMatchObject({ name: "test group", id: expect.stringMatching(/^mockgrp/) });
  });

  test("a --name the shell passed as bytes that are not UTF-8, or with a C1 control, is refused", async () => {
    const { running } = await mockZoom();
    const env = { ZOOM_API_URL: running.url, ZOOM_ACCESS_TOKEN: "t" };
    const bytes = await cli(["create", "--name", "bad\uFFFDutf"], env);
    expect(bytes.code).toBe(2);
    expect(bytes.stderr).toContain("--name is not UTF-8 text");
    const c1 = await cli(["create", "--name", "C1\u009b31mred"], env);
    expect(c1.code).toBe(2);
    expect(c1.stderr).toContain("--name must not contain control characters");
    expect(running.mock.groups()).toEqual([]);
  });

  test("credentials inside a URL are refused and never echoed", async () => {
    for (const [variable, value] of [
      ["ZOOM_API_URL", "http://user:CANARY-pw@127.0.0.1:9/v2"],
      ["ZOOM_OAUTH_TOKEN_URL", "http://user:CANARY-pw@127.0.0.1:9/oauth/token"],
    ] as const) {
      const env = { ZOOM_ACCOUNT_ID: "a", ZOOM_CLIENT_ID: "b", ZOOM_CLIENT_SECRET: "c", [variable]: value };
      for (const extra of [[], ["--json"], ["--dry-run"]]) {
        const run = await cli(["create", "--name", "x", ...extra], env);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`${variable} must not carry credentials`);
        expect(run.stdout + run.stderr).not.toContain("CANARY-pw");
      }
    }
  });
});

describe("help and version", () => {
  test("--version anywhere prints the version and sends or starts nothing", async () => {
    const { env } = await mockZoom();
    for (const args of [["--version"], ["create", "--name", "x", "--version"], ["mock", "--version"]]) {
      const run = await cli(args, env);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
      expect(run.stderr).not.toContain("listening");
    }
    expect(workspace.running?.mock.groups()).toEqual([]);
  });

  test("each subcommand's help lists its own flags", async () => {
    const [create, mock] = await Promise.all([cli(["create", "--help"]), cli(["mock", "--help"])]);
    expect(create.code).toBe(0);
    expect(create.stdout).toMatch(/^zoom-im-groups create/);
    for (const flag of ["--name NAME", "--file PATH|-", "--resume FILE", "--output FILE", "--skip-existing"])
      expect(create.stdout).toContain(flag);
    for (const flag of ["--encoding multipart|json", "--timeout SECONDS", "--type normal|shared|restricted"])
      expect(create.stdout).toContain(flag);
    expect(create.stdout).toContain("--no-search-by-ma-account");
    expect(create.stdout).not.toContain("--fail-rate");
    expect(mock.stdout).toMatch(/^zoom-im-groups mock/);
    for (const flag of ["--port PORT", "--rate-limit N", "--daily-limit N", "--fail-rate P", "--latency MS[-MS]"])
      expect(mock.stdout).toContain(flag);
    expect(mock.stdout).not.toContain("--skip-existing");
    const apply = await cli(["apply", "--help"]);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/^zoom-im-groups apply/);
    for (const flag of ["--file PATH|-", "--plan", "--prune", "--rate LABEL=N", "--account-plan free|pro|business"])
      expect(apply.stdout).toContain(flag);
    // Zoom's table of rates per plan, from the spec.
    expect(apply.stdout).toContain("pro        Light 30/s, Medium 20/s");
    expect(apply.stdout).toContain(
      "Medium     GET /im/groups, GET /im/groups/{groupId}/members, POST /im/groups/{groupId}/members",
    );
  });
});

describe("mock command", () => {
  test("prints its base URL first, then one line per request; Ctrl-C stops it", async () => {
    const lines: string[] = [];
    let status: number | undefined;
    const run = await cli(
      ["mock", "--port", "0"],
      {},
      {
        onLine: (line, control) => {
          lines.push(line);
          if (lines.length !== 1) return;
          const form = new FormData();
          form.append("name", "From the mock test");
          fetch(`${line}/im/groups`, { method: "POST", headers: { Authorization: "Bearer t" }, body: form })
            .then((response) => {
              status = response.status;
            })
            .finally(() => control.interrupt());
        },
      },
    );
    expect(run.code).toBe(0);
    expect(status).toBe(201);
    expect(lines[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    expect(lines[1]).toMatch(/^POST \/v2\/im\/groups → 201 "From the mock test" \(tracking id mock-\w+\)$/);
    expect(run.stderr).not.toContain("warning");
  });

  test("keeps serving with its log reader gone", async () => {
    const statuses: number[] = [];
    const run = await cli(
      ["mock"],
      {},
      {
        onLine: (line, control) => {
          if (!line.startsWith("http")) return;
          control.closeStdout();
          (async () => {
            for (const name of ["After close 1", "After close 2"]) {
              const form = new FormData();
              form.append("name", name);
              const init = { method: "POST", headers: { Authorization: "Bearer t" }, body: form };
              statuses.push((await fetch(`${line}/im/groups`, init)).status);
            }
          })().finally(() => control.interrupt());
        },
      },
    );
    expect(statuses).toEqual([201, 201]);
    expect(run.code).toBe(0);
  });

  test("--others must leave part of --rate-limit: a usage error names both, before anything listens", async () => {
    for (const args of [
      ["--others", "30", "--rate-limit", "30"],
      ["--others", "15"],
    ]) {
      const run = await cli(["mock", ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--others must be fewer than --rate-limit");
      expect(run.stdout).toBe("");
    }
  });

  test("warns when it listens beyond loopback", async () => {
    const run = await cli(["mock", "--host", "0.0.0.0"], {}, { onLine: (_line, control) => control.interrupt() });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("warning: listening on 0.0.0.0, beyond loopback");
  });

  test("refuses bad fault options", async () => {
    const bad = await Promise.all([
      cli(["mock", "--fail-rate", "1.5"]),
      cli(["mock", "--drop-rate", "x"]),
      cli(["mock", "--latency", "50-5"]),
      cli(["mock", "--seed", "-1"]),
      cli(["mock", "--port", "70000"]),
    ]);
    expect(bad.map((run) => run.code)).toEqual([2, 2, 2, 2, 2]);
  });

  test("takes the fault options", async () => {
    const lines: string[] = [];
    const run = await cli(
      ["mock", "--fail-rate", "100%", "--seed", "3"],
      {},
      {
        onLine: (line, control) => {
          lines.push(line);
          if (lines.length !== 1) return;
          fetch(`${line}/im/groups`, {
            method: "POST",
            headers: { Authorization: "Bearer t", "content-type": "application/json" },
            body: '{"name":"F"}',
          }).finally(() => control.interrupt());
        },
      },
    );
    expect(run.code).toBe(0);
    expect(lines[1]).toMatch(/^POST \/v2\/im\/groups → 50[023] .*\[fail\]/);
  });
});
