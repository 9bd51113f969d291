/** `npm run check:provenance`: fails when a rule of the spec does not say where it comes from (scripts/lib/provenance.ts). */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { decisionSlugs, findProvenanceProblems } from "./lib/provenance.ts";
import { defaultSpecPath, repoRoot } from "./lib/spec.ts";

const document = parseYaml(await readFile(defaultSpecPath, "utf8")) as Record<string, unknown>;
const decisions = decisionSlugs(await readFile(resolve(repoRoot, "docs/decisions.md"), "utf8"));
const problems = findProvenanceProblems(document, decisions);
if (problems.length > 0) {
  console.error(
    `check:provenance: ${problems.length} rules of the spec lack a known source:\n- ${problems.join("\n- ")}`,
  );
  process.exitCode = 1;
} else {
  const text = JSON.stringify(document);
  const sources = Object.keys(document["x-sources"] as object).length;
  console.log(
    `check:provenance: every rule of the spec names its source (${text.split('"x-source"').length - 1} x-source entries, ${sources} sources, decisions by heading)`,
  );
}
