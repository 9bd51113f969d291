/**
 * `npm run check:provenance`: every constraint, default, enum, response, header, media type, server,
 * security scheme and Zoom error code of the spec says where it comes from (`x-source`): ids the spec lists
 * in its root `x-sources`, or `decision:<slug>`, the slug of a `##` heading of docs/decisions.md.
 *
 * `x-source` is a list of sources (covering everything the object states), or a map from keyword to a list
 * (covering each constraint keyword the object has, and no keyword it lacks). A schema directly under a
 * header or media type that has its own `x-source` takes that object's.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";
import { defaultSpecPath, repoRoot } from "./lib/spec.ts";

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => !!value && typeof value === "object" && !Array.isArray(value);

const CONSTRAINTS =
  "type enum default required additionalProperties minLength maxLength minimum maximum exclusiveMinimum exclusiveMaximum pattern format minItems maxItems uniqueItems nullable";
type Kind =
  | "document"
  | "components"
  | "path"
  | "operation"
  | "body"
  | "response"
  | "media"
  | "header"
  | "schema"
  | "server"
  | "scheme";
/** What a node of each kind states (the keywords its x-source must cover). */
const STATES: Partial<Record<Kind, (node: Node) => string[]>> = {
  schema: (node) => CONSTRAINTS.split(" ").filter((keyword) => keyword in node),
  operation: (node) =>
    ["operationId", "x-zoom-scopes", "x-zoom-granular-scopes", "x-zoom-rate-limit-label"].filter((k) => k in node),
  body: (node) => ("required" in node ? ["required"] : []),
  response: () => ["response"],
  media: () => ["media type"],
  header: () => ["header"],
  server: () => ["url"],
  scheme: () => ["security scheme"],
};
/** Where each kind of node holds others: key → their kind, and whether the key holds one, a map or a list. */
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
const INSIDE: Record<Kind, Record<string, [Kind, "one" | "map" | "list"]>> = {
  document: { servers: ["server", "list"], paths: ["path", "map"], components: ["components", "one"] },
  components: {
    schemas: ["schema", "map"],
    headers: ["header", "map"],
    responses: ["response", "map"],
    securitySchemes: ["scheme", "map"],
  },
  path: Object.fromEntries(METHODS.map((method) => [method, ["operation", "one"]])),
  operation: { requestBody: ["body", "one"], responses: ["response", "map"] },
  body: { content: ["media", "map"] },
  response: { headers: ["header", "map"], content: ["media", "map"] },
  media: { schema: ["schema", "one"] },
  header: { schema: ["schema", "one"] },
  schema: {
    properties: ["schema", "map"],
    items: ["schema", "one"],
    additionalProperties: ["schema", "one"],
    allOf: ["schema", "list"],
    anyOf: ["schema", "list"],
    oneOf: ["schema", "list"],
  },
  server: {},
  scheme: {},
};

/** GitHub-style heading slug: lower case, runs of anything but letters and digits become one hyphen. */
export const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
export const decisionSlugs = (markdown: string) =>
  new Set([...markdown.matchAll(/^## (.+)$/gm)].map((m) => slug(m[1] ?? "")));

/** The problems found; empty means every rule of the spec says where it comes from. */
export function findProvenanceProblems(document: Node, decisions: Set<string>): string[] {
  const problems: string[] = [];
  const known = isNode(document["x-sources"]) ? document["x-sources"] : {};
  if (Object.keys(known).length === 0) problems.push("x-sources: the spec lists no sources");
  const checkIds = (where: string, value: unknown) => {
    const ids = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
    if (ids.length === 0) problems.push(`${where}: x-source must name at least one source`);
    for (const id of ids) {
      if (typeof id === "string" && id.startsWith("decision:")) {
        if (!decisions.has(id.slice("decision:".length)))
          problems.push(`${where}: ${id} names no heading of docs/decisions.md`);
      } else if (typeof id !== "string" || !(id in known))
        problems.push(
          `${where}: unknown source ${JSON.stringify(id)} (x-sources lists ${Object.keys(known).join(", ")})`,
        );
    }
  };

  const walk = (where: string, node: unknown, kind: Kind, inherited: boolean) => {
    if (!isNode(node) || "$ref" in node) return;
    const states = STATES[kind]?.(node) ?? [];
    const source = node["x-source"];
    if (source === undefined && states.length > 0 && !inherited)
      problems.push(`${where}: no x-source for ${states.join(", ")}`);
    if (isNode(source)) {
      for (const keyword of states)
        if (!(keyword in source)) problems.push(`${where}: x-source names no source for ${keyword}`);
      for (const [keyword, ids] of Object.entries(source)) {
        if (!states.includes(keyword)) problems.push(`${where}: x-source names ${keyword}, which it does not state`);
        checkIds(`${where} ${keyword}`, ids);
      }
    } else if (source !== undefined) checkIds(where, source);
    for (const [key, [inner, shape]] of Object.entries(INSIDE[kind])) {
      const value = node[key];
      const entries =
        shape === "one"
          ? [[key, value]]
          : Array.isArray(value)
            ? value.map((v, i) => [`${key}[${i}]`, v])
            : Object.entries(isNode(value) ? value : {}).map(([name, v]) => [`${key}.${name}`, v]);
      const passOn = inner === "schema" && (kind === "media" || kind === "header") && source !== undefined;
      for (const [name, child] of entries) walk(`${where}${where ? "." : ""}${name}`, child, inner, passOn);
    }
  };
  walk("", document, "document", false);
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const document = parseYaml(await readFile(defaultSpecPath, "utf8")) as Node;
  const problems = findProvenanceProblems(
    document,
    decisionSlugs(await readFile(resolve(repoRoot, "docs/decisions.md"), "utf8")),
  );
  if (problems.length > 0) {
    console.error(
      `check:provenance: ${problems.length} rules of the spec lack a known source:\n- ${problems.join("\n- ")}`,
    );
    process.exitCode = 1;
  } else
    console.log(
      `check:provenance: every rule of the spec names one of its ${Object.keys(document["x-sources"] as Node).length} sources or a decision`,
    );
}
