/**
 * `npm run check:changeset -- [BASE]` (CI on pull requests): a change to spec/ or src/ needs a changeset
 * (.changeset/*.md, added since BASE, default origin/main), and a breaking change of the spec — as
 * spec:compare classifies the base branch's spec against this one, allowlisted or not — needs a major one
 * (a minor one below 1.0.0, as semantic versioning has it for 0.x).
 */
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";
import { repoRoot } from "./lib/spec.ts";
import { compareWithSpec } from "./spec-compare.ts";

const SPEC = "spec/zoom-im-groups.openapi.yaml";

export interface ChangesetVerdict {
  ok: boolean;
  message: string;
}

export async function checkChangeset(base: string, cwd = repoRoot): Promise<ChangesetVerdict> {
  const git = (...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });
  const changed = git("diff", "--name-only", "--diff-filter=ACMRD", `${base}...HEAD`).split("\n").filter(Boolean);
  const code = changed.filter((file) => file.startsWith("spec/") || file.startsWith("src/"));
  if (code.length === 0) return { ok: true, message: "no change to spec/ or src/: no changeset needed" };
  const added = git("diff", "--name-only", "--diff-filter=A", `${base}...HEAD`, "--", ".changeset")
    .split("\n")
    .filter((file) => file.endsWith(".md") && !file.endsWith("README.md"));
  if (added.length === 0) {
    return {
      ok: false,
      message: `${code.length} files under spec/ or src/ changed (${code.slice(0, 3).join(", ")}…) and no changeset was added: run \`npx changeset\``,
    };
  }
  const bumps = await Promise.all(
    added.map(async (file) => {
      const front = /^---\n([\s\S]*?)\n---/.exec(await readFile(resolve(cwd, file), "utf8"))?.[1] ?? "";
      return Object.values((parseYaml(front) ?? {}) as Record<string, string>);
    }),
  );
  const { version = "1.0.0" } = JSON.parse(await readFile(resolve(cwd, "package.json"), "utf8").catch(() => "{}"));
  const needed = version.startsWith("0.") ? ["minor", "major"] : ["major"];
  if (!changed.includes(SPEC) || bumps.flat().some((bump) => needed.includes(bump)))
    return { ok: true, message: `changesets: ${added.join(", ")}` };

  // The base branch's spec read as "ours" and this one as upstream: what a user of the base release would meet.
  const before = parseYaml(git("show", `${base}:${SPEC}`));
  const { differences } = await compareWithSpec(resolve(cwd, SPEC), undefined, before);
  const breaking = differences.filter((difference) => difference.classification === "breaking");
  if (breaking.length === 0)
    return { ok: true, message: `changesets: ${added.join(", ")}; the spec change is not breaking` };
  return {
    ok: false,
    message: `the spec change is breaking (${breaking.map((d) => d.id).join(", ")}) but no changeset is ${needed.join(" or ")} (version ${version})`,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const verdict = await checkChangeset(process.argv[2] ?? "origin/main");
  console[verdict.ok ? "log" : "error"](`check:changeset: ${verdict.message}`);
  process.exitCode = verdict.ok ? 0 : 1;
}
