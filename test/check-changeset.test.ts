/** check:changeset (run by the GitHub workflow on pull requests) in a scratch git repository. */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { checkChangeset } from "../scripts/check-changeset.ts";
import { defaultSpecPath } from "../scripts/lib/spec.ts";
import { NINTH_ID, withNinthOperation } from "./support/ninth-operation.ts";
import { FIELDS, SpecEdit } from "./support/spec-edit.ts";

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
  await edit(name, changes);
  git("add", "-A");
  git("commit", "-qm", name);
  return checkChangeset("main", repo);
}
const changeset = (bump: string) => `---\n"zoom-im-groups": ${bump}\n---\n\nA change.\n`;
const enumPath = [...FIELDS, "type", "enum"];
const dropped = new SpecEdit().get<string[]>(enumPath).at(-1) as string;
const dropLastType = (yaml: string) => {
  const spec = new SpecEdit(yaml);
  return spec.set(enumPath, spec.get<string[]>(enumPath).slice(0, -1)).toString();
};
const longerNames = (yaml: string) => {
  const spec = new SpecEdit(yaml);
  return spec.set([...FIELDS, "name", "maxLength"], spec.get<number>([...FIELDS, "name", "maxLength"]) + 1).toString();
};
const removedId = `imGroupCreate.request.field.type.enum.${dropped}.removed`;

/** Writes `changes` into the scratch repository's working tree on a fresh branch; commits nothing. */
async function edit(name: string, changes: Record<string, string | ((text: string) => string)>) {
  git("checkout", "-q", "-B", name, "main");
  for (const [file, change] of Object.entries(changes)) {
    const path = join(repo, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, typeof change === "string" ? change : change(await readFile(path, "utf8")));
  }
}
afterEach(() => {
  git("reset", "-q", "--hard");
  git("clean", "-qfd");
});

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
  const minor = await branch("spec-breaking-minor", { [SPEC]: dropLastType, ".changeset/b.md": changeset("minor") });
  expect(minor).toMatchObject({
    ok: false,
    message: expect.stringContaining(removedId),
  });
  expect(minor.message).toContain("set the bump in .changeset/b.md to major");
  const major = await branch("spec-breaking-major", { [SPEC]: dropLastType, ".changeset/b.md": changeset("major") });
  expect(major).toEqual({ ok: true, message: "changesets: .changeset/b.md; the spec change is breaking" });
});

test("below 1.0.0 a breaking spec change takes a minor changeset, not a patch", async () => {
  const zero = (bump: string) => ({
    [SPEC]: dropLastType,
    "package.json": '{"version": "0.3.0"}\n',
    ".changeset/z.md": changeset(bump),
  });
  expect(await branch("zero-minor", zero("minor"))).toMatchObject({ ok: true });
  expect(await branch("zero-patch", zero("patch"))).toMatchObject({
    ok: false,
    message: expect.stringContaining("no changeset is minor or major (version 0.3.0, below 1.0.0)"),
  });
});

test("an additive spec change (a longer name allowed) needs at least a minor changeset, also below 1.0.0", async () => {
  expect(await branch("spec-additive", { [SPEC]: longerNames, ".changeset/c.md": changeset("minor") })).toEqual({
    ok: true,
    message: "changesets: .changeset/c.md; the spec change is additive",
  });
  for (const version of ["1.2.0", "0.3.0"]) {
    const patch = await branch(`spec-additive-patch-${version}`, {
      [SPEC]: longerNames,
      "package.json": `{"version": "${version}"}\n`,
      ".changeset/c.md": changeset("patch"),
    });
    expect(patch).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        "the spec change is additive (imGroupCreate.request.field.name.maxLength.loosened",
      ),
    });
    expect(patch.message).toContain("set the bump in .changeset/c.md to minor");
  }
});

describe("what the release adds is at least a minor, also below 1.0.0", () => {
  const newField = (yaml: string) =>
    new SpecEdit(yaml).add([...FIELDS, "zz_note"], { type: "string", maxLength: 200 }).toString();
  /**
   * The ninth operation's path moved outside both families' (/im/groups, /groups) to a path the spec does not
   * have (checked): a new operation anywhere counts.
   */
  const OUTSIDE = "/chat/groups/{groupId}/members/{memberId}";
  const elsewhere = (yaml: string) => {
    const spec = new SpecEdit(withNinthOperation(yaml));
    const operation = spec.get<Record<string, unknown>>(["paths", "/im/groups/{groupId}/members/{memberId}", "get"]);
    const item = spec.get<Record<string, unknown>>(["paths", "/im/groups/{groupId}/members/{memberId}"]);
    expect(
      Object.keys(spec.get<Record<string, unknown>>(["paths"])).filter((path) => path.startsWith("/chat")),
    ).toEqual([]);
    spec.add(["paths", OUTSIDE], { parameters: item.parameters, get: operation });
    spec.doc.deleteIn(["paths", "/im/groups/{groupId}/members/{memberId}", "get"]);
    return spec.toString();
  };

  test.each([
    ["a new operation", withNinthOperation, `${NINTH_ID}.added`],
    ["a new operation outside the families' paths", elsewhere, `${NINTH_ID}.added`],
    ["a new optional field", newField, "imGroupCreate.request.field.zz_note.added"],
  ])("%s: a patch changeset is refused, naming it; a minor passes", async (label, change, id) => {
    for (const version of ["1.2.0", "0.3.0"]) {
      const patch = await branch(`${label}-patch-${version}`.replace(/\W+/g, "-"), {
        [SPEC]: change,
        "package.json": `{"version": "${version}"}\n`,
        ".changeset/n.md": changeset("patch"),
      });
      expect(patch).toMatchObject({
        ok: false,
        message: expect.stringContaining(`the spec change is additive (${id}`),
      });
      expect(patch.message).toContain("set the bump in .changeset/n.md to minor");
    }
    expect(
      await branch(`${label}-minor`.replace(/\W+/g, "-"), { [SPEC]: change, ".changeset/n.md": changeset("minor") }),
    ).toEqual({ ok: true, message: "changesets: .changeset/n.md; the spec change is additive" });
  });

  test("a removed operation is breaking: a major from 1.0.0", async () => {
    const dropDelete = (yaml: string) => {
      const spec = new SpecEdit(yaml);
      spec.doc.deleteIn(["paths", "/im/groups/{groupId}/members/{memberId}", "delete"]);
      return spec.toString();
    };
    const minor = await branch("drop-operation", { [SPEC]: dropDelete, ".changeset/r.md": changeset("minor") });
    expect(minor).toMatchObject({ ok: false, message: expect.stringContaining("imGroupMembersDelete.removed") });
    expect(minor.message).toContain("set the bump in .changeset/r.md to major");
  });
});

describe("before committing: the working tree counts", () => {
  test("an unstaged breaking edit of the spec, no changeset: refused, naming the files, the difference and the level", async () => {
    await edit("uncommitted", { [SPEC]: dropLastType });
    const verdict = await checkChangeset("main", repo);
    expect(verdict).toMatchObject({
      ok: false,
      message: expect.stringContaining(`(${SPEC}…) and no changeset was added`),
    });
    expect(verdict.message).toContain(removedId);
    expect(verdict.message).toContain("it needs a major changeset");
  });

  test("an unstaged breaking edit with a new, untracked patch changeset: refused, naming the difference", async () => {
    await edit("uncommitted-patch", { [SPEC]: dropLastType, ".changeset/d.md": changeset("patch") });
    const verdict = await checkChangeset("main", repo);
    expect(verdict).toMatchObject({ ok: false, message: expect.stringContaining(removedId) });
    expect(verdict.message).toContain("set the bump in .changeset/d.md to major");
  });

  test("a staged breaking edit with a staged major changeset passes", async () => {
    await edit("staged-major", { [SPEC]: dropLastType, ".changeset/e.md": changeset("major") });
    git("add", "-A");
    expect(await checkChangeset("main", repo)).toEqual({
      ok: true,
      message: "changesets: .changeset/e.md; the spec change is breaking",
    });
  });

  test("a base that does not exist is named, not a git stack trace", async () => {
    expect(await checkChangeset("origin/nope", repo)).toMatchObject({
      ok: false,
      message: expect.stringContaining("no commit origin/nope to compare with"),
    });
  });
});
