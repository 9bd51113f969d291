/**
 * `npm run check:changeset -- [BASE]` (CI on pull requests, and before committing): a change to spec/ or src/
 * needs a changeset (.changeset/*.md added since BASE, default origin/main), and the spec change decides its
 * least bump, as spec:compare classifies the base branch's spec against the working tree's:
 *
 * A new operation (`imGroupMember.added`) or a new optional field (`imGroupCreate.request.field.note.added`) is
 * additive; a removed one, a tightened rule or a newly required field is breaking.
 *
 * | the spec change | from 1.0.0      | below 1.0.0 (0.x)  |
 * |-----------------|-----------------|--------------------|
 * | breaking        | major           | minor or major     |
 * | additive        | minor or major  | minor or major     |
 * | docs only, none | any             | any                |
 *
 * Below 1.0.0 npm's caret range treats the minor as the breaking digit (`^0.1.0` never installs 0.2.0), so a
 * minor is what a breaking change takes there, and an additive one takes it too: a patch promises neither.
 * What it reads is what will be committed: commits since BASE, staged and unstaged edits, and files not yet
 * added under spec/, src/ and .changeset/.
 */
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";
import { repoRoot } from "./lib/spec.ts";
import { compareWithSpec } from "./spec-compare.ts";

const SPEC = "spec/zoom-im-groups.openapi.yaml";
const WATCHED = ["spec/", "src/", ".changeset/"];
const BUMPS = ["patch", "minor", "major"] as const;

export interface ChangesetVerdict {
  ok: boolean;
  message: string;
}

export async function checkChangeset(base: string, cwd = repoRoot): Promise<ChangesetVerdict> {
  const git = (...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });
  const lines = (text: string) => text.split("\n").filter(Boolean);
  try {
    git("rev-parse", "--verify", "--quiet", `${base}^{commit}`);
  } catch {
    return {
      ok: false,
      message: `no commit ${base} to compare with: name the base branch (npm run check:changeset -- main)`,
    };
  }
  // Committed since the base, then staged or unstaged against HEAD, then not yet added.
  const untracked = lines(git("ls-files", "--others", "--exclude-standard", "--", ...WATCHED));
  const changedWith = (filter: string, ...paths: string[]) => [
    ...new Set([
      ...lines(git("diff", "--name-only", `--diff-filter=${filter}`, `${base}...HEAD`, "--", ...paths)),
      ...lines(git("diff", "--name-only", `--diff-filter=${filter}`, "HEAD", "--", ...paths)),
      ...untracked.filter((file) => paths.length === 0 || paths.some((path) => file.startsWith(path))),
    ]),
  ];
  const changed = changedWith("ACMRD");
  const code = changed.filter((file) => file.startsWith("spec/") || file.startsWith("src/"));
  if (code.length === 0) return { ok: true, message: "no change to spec/ or src/: no changeset needed" };
  const added = changedWith("A", ".changeset/").filter(
    (file) => file.startsWith(".changeset/") && file.endsWith(".md") && !file.endsWith("README.md"),
  );
  const { version = "1.0.0" } = JSON.parse(await readFile(resolve(cwd, "package.json"), "utf8").catch(() => "{}"));
  const zero = version.startsWith("0.");
  const change = changed.includes(SPEC) ? await specChange(git, base, cwd, zero) : undefined;
  const what = change ? `the spec change is ${change.classification} (${change.differences})` : undefined;
  if (added.length === 0) {
    const files = `${code.length} files under spec/ or src/ changed (${code.slice(0, 3).join(", ")}…)`;
    const needs = change ? `; ${what}: it needs a ${change.least} changeset` : "";
    return { ok: false, message: `${files} and no changeset was added${needs}: run \`npx changeset\`` };
  }
  const bumps = await Promise.all(
    added.map(async (file) => {
      const front = /^---\n([\s\S]*?)\n---/.exec(await readFile(resolve(cwd, file), "utf8"))?.[1] ?? "";
      return Object.values((parseYaml(front) ?? {}) as Record<string, string>);
    }),
  );
  const highest = Math.max(-1, ...bumps.flat().map((bump) => BUMPS.indexOf(bump as (typeof BUMPS)[number])));
  const passed = { ok: true, message: `changesets: ${added.join(", ")}` };
  if (!change) return passed;
  if (highest >= BUMPS.indexOf(change.least))
    return { ...passed, message: `${passed.message}; the spec change is ${change.classification}` };
  const allowed = BUMPS.slice(BUMPS.indexOf(change.least)).join(" or ");
  return {
    ok: false,
    message:
      `${what} but no changeset is ${allowed} (version ${version}${zero ? ", below 1.0.0" : ""}): set the bump in ` +
      `${added.join(" or ")} to ${change.least} (docs/maintaining.md, "Which changeset")`,
  };
}

/**
 * The spec's change since the base, as a user of the base release would meet it: the base branch's spec read as
 * "ours" and this one as upstream. The most serious kind that needs a changeset level, or undefined.
 */
async function specChange(git: (...args: string[]) => string, base: string, cwd: string, zero: boolean) {
  let before: unknown;
  try {
    before = parseYaml(git("show", `${base}:${SPEC}`));
  } catch {
    return undefined; // the spec is new since the base: nothing to break
  }
  // Every operation counts: a new one, wherever its path, is something the release adds.
  const { differences } = await compareWithSpec(resolve(cwd, SPEC), undefined, before as object, {
    everyOperation: true,
  });
  for (const [classification, least] of [
    ["breaking", zero ? "minor" : "major"],
    ["additive", "minor"],
  ] as const) {
    const found = differences.filter((difference) => difference.classification === classification);
    const text = found.map(
      (d) => `${d.id}: ${d.message.replace(" here, ", ` in ${base}, `).replace(/ upstream$/, " now")}`,
    );
    if (found.length > 0) return { classification, least, differences: text.join("; ") };
  }
  return undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const verdict = await checkChangeset(process.argv[2] ?? "origin/main");
  console[verdict.ok ? "log" : "error"](`check:changeset: ${verdict.message}`);
  process.exitCode = verdict.ok ? 0 : 1;
}
