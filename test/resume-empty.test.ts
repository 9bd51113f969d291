/**
 * A run that crashed before its first complete line left an empty output or one torn line: `--resume` of it
 * proceeds (every row is sent, a 409 means the group exists) and says so.
 */
import { describe, expect, test } from "vitest";
import { createImGroupsClient } from "../src/index.ts";
import { cli, csv, names, useCliWorkspace } from "./support/cli.ts";

const workspace = useCliWorkspace("zoom-resume-empty-");

describe("--resume of an output the crash left without a complete line", () => {
  test.each([
    ["an empty file", ""],
    ["one torn line", '{"type":"row","row":1,"line":2,"name":"Crash 1","outc'],
  ])("%s: proceeds, says so; groups the crashed run made count as existing", async (_label, content) => {
    const { env, running } = await workspace.mockZoom();
    const rows = names(5, "Crash");
    // The crashed run made the first two groups before any line reached its output.
    const client = createImGroupsClient({ accessToken: env.ZOOM_ACCESS_TOKEN, baseUrl: env.ZOOM_API_URL });
    for (const name of rows.slice(0, 2)) await client.createImGroup({ name });
    const input = await workspace.file("crash.csv", csv(rows));
    const prior = await workspace.file("crash.jsonl", content);
    const run = await cli(["create", "--file", input, "--resume", prior], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/resuming from .*crash\.jsonl: it (is empty|holds only a cut-off line)/);
    expect(run.lines.filter((line) => line.type === "row").map((line) => [line.name, line.outcome])).toEqual([
      ["Crash 1", "exists"],
      ["Crash 2", "exists"],
      ["Crash 3", "created"],
      ["Crash 4", "created"],
      ["Crash 5", "created"],
    ]);
    expect(running.mock.groups()).toHaveLength(5);
  });

  test("a file of other lines is still refused (exit 2)", async () => {
    const { env } = await workspace.mockZoom();
    const input = await workspace.file("other.csv", csv(["A"]));
    const prior = await workspace.file("other.jsonl", "name\nA\n");
    const run = await cli(["create", "--file", input, "--resume", prior], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no line in it was written by a run of zoom-im-groups");
  });
});
