/** check:changeset (run by the GitHub workflow on pull requests) in a scratch git repository. */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { checkChangeset } from "../scripts/check-changeset.ts";
import { defaultSpecPath } from "../scripts/lib/spec.ts";

let repo: string;
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd: repo,
    encoding: "utf8",
  });
const SPEC = "spec/zoom-im-groups.openapi.yaml";

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), "check-changeset-"));
  await mkdir(join(repo, "spec"));
  await mkdir(join(repo, "src"));
  await mkdir(join(repo, ".changeset"));
  await copyFile(defaultSpecPath, join(repo, SPEC));
  await writeFile(join(repo, "src/client.ts"), "export const x = 1;\n");
  await writeFile(join(repo, "README.md"), "readme\n");
  await writeFile(join(repo, "package.json"), '{"version": "1.2.0"}\n');
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-qm", "base");
});
afterAll(async () => rm(repo, { recursive: true, force: true }));

async function branch(name: string, changes: Record<string, string | ((text: string) => string)>) {
  git("checkout", "-q", "-B", name, "main");
  for (const [file, change] of Object.entries(changes)) {
    const path = join(repo, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, typeof change === "string" ? change : change(await readFile(path, "utf8")));
  }
  git("add", "-A");
  git("commit", "-qm", name);
  return checkChangeset("main", repo);
}
const changeset = (bump: string) => `---\n"zoom-im-groups": ${bump}\n---\n\nA change.\n`;
const dropRestricted = (spec: string) => spec.replace("            - restricted\n", "");
const longerNames = (spec: string) => spec.replace("maxLength: 128", "maxLength: 256");

test("a change outside spec/ and src/ needs no changeset", async () => {
  expect(await branch("docs-only", { "README.md": "better readme\n" })).toEqual({
    ok: true,
    message: "no change to spec/ or src/: no changeset needed",
  });
});

test("a change to src/ without a changeset fails", async () => {
  const verdict = await branch("src-only", { "src/client.ts": "export const x = 2;\n" });
  expect(verdict).toMatchObject({ ok: false, message: expect.stringContaining("no changeset was added") });
});

test("a change to src/ with a changeset passes, naming the changeset", async () => {
  const verdict = await branch("src-patch", {
    "src/client.ts": "export const x = 3;\n",
    ".changeset/a.md": changeset("patch"),
  });
  expect(verdict).toEqual({ ok: true, message: "changesets: .changeset/a.md" });
});

test("a breaking spec change (an enum value removed) needs a major changeset", async () => {
  const minor = await branch("spec-breaking-minor", { [SPEC]: dropRestricted, ".changeset/b.md": changeset("minor") });
  expect(minor).toMatchObject({
    ok: false,
    message: expect.stringContaining("request.field.type.enum.restricted.removed"),
  });
  const major = await branch("spec-breaking-major", { [SPEC]: dropRestricted, ".changeset/b.md": changeset("major") });
  expect(major).toEqual({ ok: true, message: "changesets: .changeset/b.md" });
});

test("below 1.0.0 a breaking spec change takes a minor changeset, not a patch", async () => {
  const zero = (bump: string) => ({
    [SPEC]: dropRestricted,
    "package.json": '{"version": "0.3.0"}\n',
    ".changeset/z.md": changeset(bump),
  });
  expect(await branch("zero-minor", zero("minor"))).toEqual({ ok: true, message: "changesets: .changeset/z.md" });
  expect(await branch("zero-patch", zero("patch"))).toMatchObject({
    ok: false,
    message: expect.stringMatching(/no changeset is minor or major \(version 0\.3\.0\)$/),
  });
});

test("an additive spec change (a longer name allowed) is not breaking: any changeset will do, here a minor one", async () => {
  const verdict = await branch("spec-additive", { [SPEC]: longerNames, ".changeset/c.md": changeset("minor") });
  expect(verdict).toMatchObject({ ok: true, message: expect.stringContaining("not breaking") });
});
