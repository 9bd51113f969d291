/** An empty path (an unset shell variable) is named as empty, not as a file that exists or cannot be read. */
import { expect, test } from "vitest";
import { cli } from "./support/cli.ts";

test.each([
  ["--output", ["create", "--file", "rows.csv", "--output", ""], "--output is empty: give the path of a new file"],
  ["--file", ["create", "--file", "", "--dry-run"], "--file is empty: give the path of a file"],
  ["--resume", ["create", "--file", "rows.csv", "--resume", "", "--dry-run"], "--resume is empty"],
])("%s '' says the path is empty (exit 2)", async (_flag, args, message) => {
  const run = await cli(args);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(message);
  expect(run.stderr).not.toContain("already exists");
});
