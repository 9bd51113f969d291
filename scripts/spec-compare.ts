/**
 * `npm run spec:compare -- FILE [--json]`: compares an upstream description of this
 * operation (Swagger 2.0, OpenAPI 3.x or a Postman collection v2.x) with spec/ and classifies every
 * difference as breaking, additive or docs. Exit 0: no breaking difference outside the allowlist;
 * 1: at least one; 2: the file or the arguments could not be used.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { type Difference, diffFacts, factsOf } from "./lib/compare.ts";
import { loadSpec, operationById, postmanItemPath, repoRoot } from "./lib/spec.ts";
import { loadUpstream, type UpstreamKind } from "./lib/upstream.ts";

export interface ComparedDifference extends Difference {
  allowlisted: boolean;
  reason?: string;
}
export interface Comparison {
  upstream: { file: string; kind: UpstreamKind; title: string; foundBy: string; operation: string };
  differences: ComparedDifference[];
  summary: { breaking: number; allowlisted: number; additive: number; docs: number };
  /** No breaking difference outside the allowlist. */
  ok: boolean;
}

/**
 * The reviewed allowlist: differences the spec keeps on purpose, each with its reason. An id may use `*`
 * for any run of characters; `upstreams` limits an entry to some kinds of upstream file.
 */
async function loadAllowlist(file: string): Promise<{ id: RegExp; reason: string; upstreams?: UpstreamKind[] }[]> {
  const entries = parseYaml(await readFile(file, "utf8")) as unknown;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected a list of {id, reason}`);
  return entries.map((entry, index) => {
    if (typeof entry?.id !== "string" || typeof entry?.reason !== "string" || entry.reason.trim().length < 10)
      throw new Error(`${file}: entry ${index + 1} needs an id and a reason (a sentence, not a word)`);
    const id = new RegExp(`^${entry.id.split("*").map(escapeRegExp).join(".*")}$`);
    return { ...entry, id, reason: entry.reason.trim().replace(/\s+/g, " ") };
  });
}

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\/]/g, "\\$&");

/** `spec`: what to compare with (default spec/; check:changeset passes the base branch's, parsed). */
export async function compareWithSpec(
  file: string,
  allowlistPath = resolve(repoRoot, "spec/compare-allowlist.yaml"),
  spec?: object,
): Promise<Comparison> {
  const ours = operationById(await loadSpec(spec));
  const upstream = await loadUpstream(file, ours);
  const allowlist = await loadAllowlist(allowlistPath);
  const theirRoute = `${upstream.method} ${upstream.path.endsWith(ours.path) ? ours.path : upstream.path}`;
  const differences = diffFacts(
    factsOf(ours.operation, `${ours.method} ${ours.path}`),
    factsOf(upstream.operation, theirRoute),
  ).map((difference): ComparedDifference => {
    const entry =
      difference.classification === "breaking"
        ? allowlist.find((e) => (!e.upstreams || e.upstreams.includes(upstream.kind)) && e.id.test(difference.id))
        : undefined;
    return { ...difference, allowlisted: entry !== undefined, ...(entry && { reason: entry.reason }) };
  });
  const count = (predicate: (difference: ComparedDifference) => boolean) => differences.filter(predicate).length;
  const summary = {
    breaking: count((d) => d.classification === "breaking" && !d.allowlisted),
    allowlisted: count((d) => d.allowlisted),
    additive: count((d) => d.classification === "additive"),
    docs: count((d) => d.classification === "docs"),
  };
  const { kind, title, foundBy = "" } = upstream;
  return {
    upstream: { file, kind, title, foundBy, operation: theirRoute },
    differences,
    summary,
    ok: summary.breaking === 0,
  };
}

/**
 * check:postman (a test in test/spec-tooling.test.ts): what the vendored Postman item, the contract the spec
 * is derived from, says and the spec does not: a form key, an enum value, an example of another type, a
 * documented response, its Zoom code, header or content type, another route. What the spec says beyond the
 * item (limits, more responses, descriptions) is not drift.
 */
export async function postmanDrift(itemPath = postmanItemPath): Promise<string[]> {
  const { differences } = await compareWithSpec(itemPath);
  return differences
    .filter(({ id, classification }) => id.endsWith(".added") || (id.endsWith(".changed") && classification !== "docs"))
    .map(({ id, message }) => `${id}: ${message}`);
}

export function formatComparison(comparison: Comparison): string {
  const { upstream, summary } = comparison;
  const lines = [
    `${upstream.file}: ${upstream.kind} "${upstream.title}", ${upstream.operation} (found by ${upstream.foundBy})`,
  ];
  for (const classification of ["breaking", "additive", "docs"]) {
    for (const difference of comparison.differences.filter((d) => d.classification === classification)) {
      const label = difference.allowlisted ? "allowed" : classification;
      lines.push(`  ${label.padEnd(9)} ${difference.id}: ${difference.message}`);
      if (difference.reason) lines.push(`            reason: ${difference.reason}`);
    }
  }
  lines.push(
    `spec:compare: ${summary.breaking} breaking, ${summary.allowlisted} allowlisted, ${summary.additive} additive, ${summary.docs} docs` +
      (comparison.ok ? "" : " — a breaking difference is not on spec/compare-allowlist.yaml"),
  );
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    const { values, positionals } = parseArgs({ options: { json: { type: "boolean" } }, allowPositionals: true });
    if (positionals.length !== 1) throw new Error("usage: npm run spec:compare -- FILE [--json]");
    const comparison = await compareWithSpec(positionals[0] as string);
    console.log(values.json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison));
    process.exitCode = comparison.ok ? 0 : 1;
  } catch (error) {
    console.error(`spec:compare: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
