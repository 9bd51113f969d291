/**
 * `npm run spec:compare -- FILE [--json]`: compares an upstream description of the spec's operations (IM
 * groups and Groups; Swagger 2.0, OpenAPI 3.x or a Postman collection v2.x) with spec/, operation by
 * operation, and classifies every difference as breaking, additive or docs. A file is compared for the
 * families it describes: the spec's tags it uses (an operation's `tags`, a Postman folder's name), or all of
 * them when it uses none. Each of the spec's operations is found in the file by its operationId, else
 * (Postman) by its summary as the item's name, else by method and path; one the file lacks is
 * `<operationId>.removed` when the file describes its family (else it is listed as not compared), and an
 * operation of the file under a described family's path that the spec lacks is `<its id>.added`.
 * `--operation ID` (repeatable) compares those of the spec's operations only, for a file that describes some
 * (the vendored Postman item has the create alone). Exit 0: no breaking difference outside the allowlist; 1:
 * at least one; 2: the file or the arguments could not be used.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { type Difference, diffFacts, type Facts, factsOf, operationFacts } from "./lib/compare.ts";
import { loadSpec, operationsOf, postmanItemPath, repoRoot } from "./lib/spec.ts";
import { type Located, loadUpstream, mergeParameters, type UpstreamKind } from "./lib/upstream.ts";

export interface ComparedDifference extends Difference {
  allowlisted: boolean;
  reason?: string;
}
/** One of the spec's operations and where the upstream file has it (no `foundBy`: the file lacks it). */
export interface MatchedOperation {
  operationId: string;
  /** The spec's route, `POST /im/groups`. */
  route: string;
  /** How it was found: `operationId imGroupCreate`, `Postman item "…"`, `GET /v2/im/groups`. */
  foundBy?: string;
  /**
   * Why it was not compared: not found, and the file describes none of its tags (the IM-group reference does
   * not describe the Groups API), so no `.removed` either.
   */
  notCompared?: string;
}
export interface Comparison {
  upstream: {
    file: string;
    kind: UpstreamKind;
    title: string;
    operations: MatchedOperation[];
    /**
     * The spec's tags this file describes, the families compared: those it declares or gives an operation (a
     * Postman folder's name). Every tag of the spec when the file uses none of them, or `--operation` names
     * what to compare.
     */
    covers: string[];
  };
  differences: ComparedDifference[];
  summary: { breaking: number; allowlisted: number; additive: number; docs: number };
  /** No breaking difference outside the allowlist. */
  ok: boolean;
}

/**
 * The reviewed allowlist: differences the spec keeps on purpose, each with its reason. An id names its operation
 * (`imGroupCreate.response.410.removed`); it may use `*` for any run of characters, and `id` may be a list when
 * one reason covers the same fact of several operations. `upstreams` limits an entry to some kinds of file.
 */
async function loadAllowlist(file: string): Promise<{ ids: RegExp[]; reason: string; upstreams?: UpstreamKind[] }[]> {
  const entries = parseYaml(await readFile(file, "utf8")) as unknown;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected a list of {id, reason}`);
  return entries.map((entry, index) => {
    const ids: unknown[] = Array.isArray(entry?.id) ? entry.id : [entry?.id];
    if (
      ids.length === 0 ||
      !ids.every((id) => typeof id === "string") ||
      typeof entry?.reason !== "string" ||
      entry.reason.trim().length < 10
    )
      throw new Error(`${file}: entry ${index + 1} needs an id and a reason (a sentence, not a word)`);
    return {
      ...entry,
      ids: (ids as string[]).map((id) => new RegExp(`^${id.split("*").map(escapeRegExp).join(".*")}$`)),
      reason: entry.reason.trim().replace(/\s+/g, " "),
    };
  });
}

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\/]/g, "\\$&");

export interface CompareOptions {
  /** Compare these of the spec's operations only (and report no operation the spec lacks). */
  only?: readonly string[];
  /**
   * Expect every operation of the spec whatever the file's tags, and report every operation of the file the
   * spec lacks, not only those under a family's path (check:changeset: the file is the next spec).
   */
  everyOperation?: boolean;
}

/**
 * `spec`: what to compare with (default spec/; check:changeset passes the base branch's, parsed). Fact ids
 * name their operation: `imGroupCreate.request.field.name.maxLength.tightened`.
 */
export async function compareWithSpec(
  file: string,
  allowlistPath = resolve(repoRoot, "spec/compare-allowlist.yaml"),
  spec?: object,
  { only, everyOperation = false }: CompareOptions = {},
): Promise<Comparison> {
  const document = await loadSpec(spec);
  const all: Located[] = operationsOf(document.paths).map(({ method, path, operation, item }) => ({
    method,
    path,
    operation,
    parameters: mergeParameters(item.parameters, operation.parameters),
    tags: (operation.tags as string[] | undefined) ?? [],
  }));
  const ours = all.filter(({ operation }) => !only || only.includes(operation.operationId));
  if (only && ours.length !== only.length) throw new Error(`the spec has no operation ${only.join(" or ")}`);
  const upstream = await loadUpstream(file);
  const allowlist = await loadAllowlist(allowlistPath);
  // The families the file describes: the spec's tags it uses; all of them when it uses none (or when told).
  const specTags = [...new Set(ours.flatMap(({ tags }) => tags))];
  const declared = specTags.filter((tag) => upstream.tags.includes(tag));
  const covers = only || everyOperation || declared.length === 0 ? specTags : declared;
  const expected = ({ tags }: Located) => tags.length === 0 || tags.some((tag) => covers.includes(tag));
  const unmatched = new Set(upstream.operations);
  const paths = all.map(({ path }) => path);
  const operations: MatchedOperation[] = [];
  const mine: [string, Facts][] = [];
  const theirs: [string, Facts][] = [];
  // Where the file puts the spec's paths (`/v2` in front in a Postman URL), learnt from what it matched.
  const bases = new Set([""]);
  for (const operation of ours) {
    const id = operation.operation.operationId;
    const route = `${operation.method} ${operation.path}`;
    const found = find(operation, [...unmatched], upstream.kind, paths);
    if (!found && !expected(operation)) {
      const notCompared = `the file describes no operation tagged ${operation.tags.join(" or ")} (it covers ${covers.join(", ")})`;
      operations.push({ operationId: id, route, notCompared });
      continue;
    }
    mine.push([id, factsOf(operation.operation, route, operation.parameters)]);
    operations.push({ operationId: id, route, ...(found && { foundBy: found.foundBy }) });
    if (!found) continue;
    unmatched.delete(found.located);
    const { method, path, operation: theirOperation, parameters } = found.located;
    if (path.endsWith(operation.path)) bases.add(path.slice(0, path.length - operation.path.length));
    const theirRoute = `${method} ${path.endsWith(operation.path) ? operation.path : path}`;
    theirs.push([id, factsOf(theirOperation, theirRoute, parameters)]);
  }
  // An operation of a family the file describes that the spec lacks: Zoom documents more than the package
  // offers. A family's path is the one its operations share (`/im/groups`, `/groups`), after the file's base.
  const families = covers
    .map((tag) => commonPath(ours.filter(({ tags }) => tags.includes(tag)).map(({ path }) => path)))
    .filter(Boolean);
  const inFamily = (path: string) =>
    families.some((family) =>
      [...bases].some((base) => path === base + family || path.startsWith(`${base + family}/`)),
    );
  if (!only)
    for (const { method, path, operation } of unmatched)
      if (everyOperation || inFamily(path)) theirs.push([operation.operationId || `${method} ${path}`, new Map()]);
  const differences = diffFacts(operationFacts(mine), operationFacts(theirs)).map((difference): ComparedDifference => {
    const entry =
      difference.classification === "breaking"
        ? allowlist.find(
            (e) => (!e.upstreams || e.upstreams.includes(upstream.kind)) && e.ids.some((id) => id.test(difference.id)),
          )
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
  const { kind, title } = upstream;
  return {
    upstream: { file, kind, title, operations, covers },
    differences,
    summary,
    ok: summary.breaking === 0,
  };
}

/**
 * Upstream's operation for one of ours: by operationId, else (Postman) by name, else by method and path. A
 * path is the spec's path that it ends with, the longest of them: `/v2/im/groups` is `/im/groups`, never
 * `/groups` (the Groups API's).
 */
function find(ours: Located, candidates: Located[], kind: UpstreamKind, paths: string[]) {
  const { operationId, summary } = ours.operation;
  const byId = candidates.find(({ operation }) => operationId && operation.operationId === operationId);
  if (byId) return { located: byId, foundBy: `operationId ${operationId}` };
  const byName = kind === "postman" && candidates.find(({ operation }) => operation.summary === summary);
  if (byName) return { located: byName, foundBy: `Postman item "${summary}"` };
  // The same method on the same path, a base path (`/v2`) allowed in front of it.
  const specPathOf = (path: string) =>
    paths.filter((mine) => path.endsWith(mine)).reduce((a, b) => (b.length > a.length ? b : a), "");
  const byRoute = candidates.find(({ path, method }) => method === ours.method && specPathOf(path) === ours.path);
  if (byRoute)
    return {
      located: byRoute,
      foundBy: `${kind === "postman" ? "Postman item " : ""}${ours.method} ${byRoute.path}`,
    };
  return undefined;
}

/** The path segments every one of a family's paths starts with: `/im/groups` for the IM groups. */
function commonPath(paths: string[]): string {
  const split = paths.map((path) => path.split("/"));
  const first = split[0] ?? [];
  let length = 0;
  while (length < first.length && split.every((parts) => parts[length] === first[length])) length++;
  return first.slice(0, length).join("/");
}

/** The one operation the vendored Postman item describes: check:postman compares that one only. */
export const POSTMAN_ITEM_OPERATION = "imGroupCreate";

/**
 * check:postman (a test in test/spec-tooling.test.ts): what the vendored Postman item, the contract the spec
 * is derived from, says and the spec does not: a form key, an enum value, an example of another type, a
 * documented response, its Zoom code, header or content type, another route. What the spec says beyond the
 * item (limits, more responses, descriptions) is not drift. The item is the create's alone
 * (`POSTMAN_ITEM_OPERATION`): the other operations are compared with Zoom's files by spec:compare, not here.
 */
export async function postmanDrift(itemPath = postmanItemPath): Promise<string[]> {
  const { differences } = await compareWithSpec(itemPath, undefined, undefined, { only: [POSTMAN_ITEM_OPERATION] });
  return differences
    .filter(({ id, classification }) => id.endsWith(".added") || (id.endsWith(".changed") && classification !== "docs"))
    .map(({ id, message }) => `${id}: ${message}`);
}

export function formatComparison(comparison: Comparison): string {
  const { upstream, summary } = comparison;
  const lines = [`${upstream.file}: ${upstream.kind} "${upstream.title}"`];
  for (const { operationId, route, foundBy, notCompared } of upstream.operations)
    lines.push(
      `  ${operationId} ${route}: ${foundBy ? `found by ${foundBy}` : notCompared ? `not compared: ${notCompared}` : "not in the file"}`,
    );
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
    const { values, positionals } = parseArgs({
      options: { json: { type: "boolean" }, operation: { type: "string", multiple: true } },
      allowPositionals: true,
    });
    if (positionals.length !== 1)
      throw new Error("usage: npm run spec:compare -- FILE [--operation OPERATION_ID]… [--json]");
    const only = values.operation;
    const comparison = await compareWithSpec(positionals[0] as string, undefined, undefined, only ? { only } : {});
    console.log(values.json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison));
    process.exitCode = comparison.ok ? 0 : 1;
  } catch (error) {
    console.error(`spec:compare: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
