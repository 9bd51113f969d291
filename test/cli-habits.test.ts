/**
 * What a new user's trial of the CLI broke (one describe per defect of the issue "CLI and mock: what a
 * new user's trial broke"). Each spawns the built binary; terminals are pseudo-terminals.
 */
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { BIN, cli, onTerminal, screenLines, useCliWorkspace } from "./support/cli.ts";

const workspace = useCliWorkspace("zoom-cli-habits-");
const { file, mockZoom } = workspace;
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});
const names = (n: number, prefix = "Group") => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
const csv = (rows: string[]) => `name\n${rows.join("\n")}\n`;
/** A one-route HTTP server answering every request with `answer`. */
async function serverAnswering(answer: (body: string) => { status: number; body: string; type?: string }) {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const { status, body: text, type } = answer(body);
      res.writeHead(status, { "content-type": type ?? "application/json" }).end(text);
    });
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("1. a closed pipe", () => {
  test("bulk: stops sending quietly (exit 141), and every created group is on stdout or, after the close, stderr", async () => {
    const { env } = await mockZoom();
    const path = await file("pipe.csv", csv(names(200, "Piped")));
    let closed = false;
    const run = await cli(["create", "--file", path, "--rate", "20", "--concurrency", "2"], env, {
      onLine: (_line, child) => {
        if (closed) return;
        closed = true;
        child.stdout.destroy(); // `| head -1`
      },
    });
    expect(run.code).toBe(141);
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    const server = (workspace.running?.mock.groups() ?? []).map((g) => g.id).sort();
    expect(server.length).toBeLessThan(200);
    const onStderr = run.stderr
      .split("\n")
      .filter((line) => line.startsWith('{"type":"row"'))
      .map((line) => JSON.parse(line) as { id: string });
    const reported = [...run.lines.filter((l) => l.outcome === "created"), ...onStderr].map((l) => l.id);
    expect(new Set(reported)).toEqual(new Set(server));
    expect(run.stderr).toContain("stdout was closed: sending stopped");
  });

  test("single create: `| head -1` ends quietly, exit 0", async () => {
    const { env } = await mockZoom();
    const result = await new Promise<{ stderr: string }>((done) => {
      const child = spawn(
        "bash",
        [
          "-c",
          `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} create --name Piped | head -1 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`,
        ],
        {
          env: { PATH: process.env.PATH ?? "", ...env },
        },
      );
      let stderr = "";
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      child.on("close", () => done({ stderr }));
    });
    expect(result.stderr).toContain("exit=0");
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(workspace.running?.mock.groups()).toHaveLength(1);
  });

  test("mock: keeps serving with its log reader gone", async () => {
    const statuses: number[] = [];
    const run = await cli(
      ["mock"],
      {},
      {
        onLine: (line, child) => {
          if (!line.startsWith("http")) return;
          child.stdout.destroy();
          (async () => {
            for (const name of ["After close 1", "After close 2"]) {
              const form = new FormData();
              form.append("name", name);
              statuses.push(
                (
                  await fetch(`${line}/im/groups`, {
                    method: "POST",
                    headers: { Authorization: "Bearer t" },
                    body: form,
                  })
                ).status,
              );
            }
          })().finally(() => child.kill("SIGINT"));
        },
      },
    );
    expect(statuses).toEqual([201, 201]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
  });
});

describe("2. --version and --help belong to every subcommand", () => {
  test("create … --version prints the version and sends nothing", async () => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--name", "x", "--version"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(workspace.running?.mock.groups()).toEqual([]);
  });

  test("mock --version prints the version and starts no server", async () => {
    const run = await cli(["mock", "--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(run.stderr).not.toContain("listening");
  });

  test("each subcommand's help lists its own flags; the --type help is whole", async () => {
    const [create, mock] = await Promise.all([cli(["create", "--help"]), cli(["mock", "--help"])]);
    expect(create.code).toBe(0);
    expect(create.stdout).toMatch(/^zoom-im-groups create/);
    for (const flag of [
      "--name NAME",
      "--file PATH|-",
      "--resume FILE",
      "--skip-existing",
      "--encoding multipart|json",
    ])
      expect(create.stdout).toContain(flag);
    expect(create.stdout).not.toContain("--fail-rate");
    expect(create.stdout.replace(/\s+/g, " ")).toContain(
      "restricted - Nobody can see the group or search for members except the members in the group",
    );
    expect(mock.stdout).toMatch(/^zoom-im-groups mock/);
    for (const flag of [
      "--port PORT",
      "--rate-limit N",
      "--daily-limit N",
      "--fail-rate P",
      "--drop-rate P",
      "--latency MS[-MS]",
      "--seed N",
      "--free-account",
    ])
      expect(mock.stdout).toContain(flag);
    expect(mock.stdout).not.toContain("--skip-existing");
  });
});

describe("3. a UTF-8 byte-order mark", () => {
  test.each([
    ["bom.json", `\uFEFF${JSON.stringify([{ name: "Bom JSON" }])}`],
    ["bom.jsonl", `\uFEFF${JSON.stringify({ name: "Bom JSONL" })}\n`],
    ["bom.csv", "\uFEFFname\nBom CSV\n"],
  ])("is dropped in %s", async (name, content) => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--file", await file(name, content)], env);
    expect(run.code).toBe(0);
    expect(workspace.running?.mock.groups()).toHaveLength(1);
  });

  test("is dropped on stdin", async () => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--file", "-"], env, {
      input: `\uFEFF${JSON.stringify([{ name: "Bom stdin" }])}`,
    });
    expect(run.code).toBe(0);
    expect(workspace.running?.mock.groups()[0]?.name).toBe("Bom stdin");
  });
});

test("4. on a terminal the progress bar never shares a line with the JSON lines", async () => {
  const { env } = await mockZoom();
  const path = await file("tty4.csv", csv(names(5, "Tty")));
  const screen = screenLines(await onTerminal(["create", "--file", path], env));
  const rows = screen.filter((line) => line.includes('"type":"row"'));
  expect(rows).toHaveLength(5);
  for (const line of rows) {
    expect(line).not.toContain("[#");
    expect(() => JSON.parse(line)).not.toThrow();
  }
  expect(screen.some((line) => /\[#{30}\] 5\/5/.test(line))).toBe(true);
});

describe("5. --format wins over the extension, and a file read as the wrong format never succeeds", () => {
  test("--file ok.json --format csv is refused (exit 2), nothing is sent", async () => {
    const { env } = await mockZoom();
    const run = await cli(
      ["create", "--file", await file("ok.json", JSON.stringify([{ name: "A" }])), "--format", "csv"],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("looks like JSON, not CSV");
    expect(workspace.running?.mock.groups()).toEqual([]);
  });

  test("--format jsonl reads a .csv-named file as JSON Lines", async () => {
    const { env } = await mockZoom();
    const run = await cli(
      ["create", "--file", await file("actually.csv", '{"name":"Lines"}\n'), "--format", "jsonl"],
      env,
    );
    expect(run.code).toBe(0);
    expect(workspace.running?.mock.groups()[0]?.name).toBe("Lines");
  });

  test("a CSV header that is not the spec's fields is refused", async () => {
    const run = await cli(["create", "--file", await file("wrong.csv", "title,kind\nA,b\n")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown columns "title", "kind"');
  });
});

describe("6. empty input is a usage error", () => {
  test.each([
    ["an empty file", "empty.csv", ""],
    ["a header-only CSV", "header.csv", "name,type\n"],
    ["a blank JSON Lines file", "blank.jsonl", "\n\n  \n"],
    ["an empty JSON array", "empty.json", "[]"],
  ])("%s exits 2 saying the input has no rows, and starts nothing", async (_label, name, content) => {
    const run = await cli(["create", "--file", await file(name, content)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the input has no rows");
    expect(run.stderr).not.toContain("embedded mock");
  });

  test("empty stdin too", async () => {
    const run = await cli(["create", "--file", "-"], {}, { input: "" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("stdin: the input has no rows");
  });
});

describe("7. repeated columns and repeated names", () => {
  test("a column named twice exits 2 naming it", async () => {
    const run = await cli(["create", "--file", await file("twice.csv", "name,name\nA,B\n")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the column "name" is named twice');
  });

  test("a name repeated in the file is an invalid row naming both rows; --skip-invalid sends the first", async () => {
    const { env } = await mockZoom();
    const path = await file("dups.csv", "name\nOps\nSales\nOps\n");
    const refused = await cli(["create", "--file", path], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('row 3 (line 4): the name "Ops" is also on row 1 (line 2)');
    expect(workspace.running?.mock.groups()).toEqual([]);
    const skipped = await cli(["create", "--file", path, "--skip-invalid"], env);
    expect(skipped.code).toBe(0);
    expect(workspace.running?.mock.groups().map((g) => g.name)).toEqual(["Ops", "Sales"]);
    expect(skipped.lines.at(-1)).toMatchObject({ created: 2, invalid: 1, failed: 0 });
  });
});

test("8. --json prints one object when a single create fails", async () => {
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

test("9. rows of a pretty-printed JSON array are reported at their real line", async () => {
  const content = '[\n  { "name": "A" },\n  {\n    "name": ""\n  },\n  {"name": "C", "type": "x"}\n]\n';
  const run = await cli(["create", "--file", await file("pretty.json", content)]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("row 2 (line 3): name must be at least 1 character");
  expect(run.stderr).toContain("row 3 (line 6): type must be one of");
});

test("10. 32 calls in flight print no MaxListenersExceededWarning", async () => {
  const { env } = await mockZoom({ faults: { latencyMs: [20, 40] } });
  const run = await cli(
    ["create", "--file", await file("wide.csv", csv(names(96, "Wide"))), "--concurrency", "32", "--rate", "500"],
    env,
  );
  expect(run.code).toBe(0);
  expect(workspace.running?.mock.groups()).toHaveLength(96);
  expect(run.stderr).not.toMatch(/Warning/);
});

describe("11. bulk input rules", () => {
  test("a row with an extra cell is an invalid row, not a broken file", async () => {
    const { env } = await mockZoom();
    const path = await file("extra.csv", "name,type\nA,shared\nB,shared,surplus\nC,normal\n");
    const run = await cli(["create", "--file", path, "--skip-invalid"], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("row 2 (line 3): 3 cells but the header names 2 columns");
    expect(workspace.running?.mock.groups().map((g) => g.name)).toEqual(["A", "C"]);
  });

  test("CSV booleans in any case", async () => {
    const { env } = await mockZoom();
    const path = await file(
      "bools.csv",
      "name,search_by_domain,search_by_account\nUpper,TRUE,False\nMixed,True,fALSE\n",
    );
    const run = await cli(["create", "--file", path], env);
    expect(run.code).toBe(0);
    expect(workspace.running?.mock.groups().map((g) => [g.search_by_domain, g.search_by_account])).toEqual([
      [true, false],
      [true, false],
    ]);
  });
});

describe("13. messages name what the user set", () => {
  test.each([
    [
      {
        ZOOM_ACCOUNT_ID: "a",
        ZOOM_CLIENT_ID: "b",
        ZOOM_CLIENT_SECRET: "c",
        ZOOM_OAUTH_TOKEN_URL: "zoom.us/oauth/token",
      },
      [],
      "ZOOM_OAUTH_TOKEN_URL must be an absolute URL",
    ],
    [{ ZOOM_ACCESS_TOKEN: "t", ZOOM_API_URL: "api.zoom.us/v2" }, [], "ZOOM_API_URL must be an absolute URL"],
    [{ ZOOM_ACCESS_TOKEN: "t" }, ["--base-url", "nope"], "--base-url must be an absolute URL"],
  ])("%j %j → %s", async (env, args, message) => {
    const run = await cli(["create", "--name", "x", ...args], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/serverToServer|baseUrl/);
  });

  test("an unreachable token endpoint points at the token URL, not the base URL", async () => {
    const run = await cli(["create", "--name", "x"], {
      ZOOM_ACCOUNT_ID: "a",
      ZOOM_CLIENT_ID: "b",
      ZOOM_CLIENT_SECRET: "c-secret",
      ZOOM_OAUTH_TOKEN_URL: "http://127.0.0.1:9/oauth/token",
      ZOOM_API_URL: "http://127.0.0.1:9/v2",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Check the network and the OAuth token URL");
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

  test("a missing name says --name is required", async () => {
    const run = await cli(["create", "--type", "shared"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: --name is required");
  });
});
