/**
 * check:provenance (a test in test/spec-tooling.test.ts): every constraint, default, enum, response, header,
 * media type, server, security scheme, Zoom error code and Zoom cap on an operation (`x-zoom-daily-cap`,
 * `x-zoom-account-max`) of the spec says where it comes from (`x-source`): ids the spec lists in its root
 * `x-sources`, or `decision:<slug>`, the slug of a `##` heading of docs/decisions.md.
 *
 * `x-source` is a list of sources (covering everything the object states), or a map from keyword to a list
 * (covering each constraint keyword the object has, and no keyword it lacks). A schema directly under a
 * header or media type that has its own `x-source` takes that object's.
 */
import { METHODS } from "./spec.ts";

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => !!value && typeof value === "object" && !Array.isArray(value);

const CONSTRAINTS = [
  ...["type", "enum", "default", "required", "additionalProperties", "pattern", "format", "nullable", "uniqueItems"],
  ...[
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
  ],
];
/** An operation's own statements: its id, Zoom's scopes and label, and Zoom's caps on it (the Groups create's). */
const OPERATION = [
  ...["operationId", "x-zoom-scopes", "x-zoom-granular-scopes", "x-zoom-rate-limit-label"],
  ...["x-zoom-daily-cap", "x-zoom-account-max"],
];
const HELD_BY = {
  responses: "response",
  headers: "header",
  content: "media type",
  servers: "url",
  securitySchemes: "security scheme",
};

/** What a node states (what its x-source must cover), known from the keys leading to it; undefined: not a rule. */
function statesOf(keys: string[], node: Node): string[] | undefined {
  const [container = "", key = ""] = keys.slice(-2);
  if (
    ["schema", "items", "additionalProperties"].includes(key) ||
    /^(properties|schemas|allOf|anyOf|oneOf)$/.test(container)
  )
    return CONSTRAINTS.filter((keyword) => keyword in node);
  if (keys.at(-3) === "paths" && METHODS.includes(key)) return OPERATION.filter((keyword) => keyword in node);
  if (key === "requestBody") return "required" in node ? ["required"] : [];
  const held = HELD_BY[container as keyof typeof HELD_BY];
  return held ? [held] : undefined;
}

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

  // A schema directly under a header or media type with its own x-source takes that object's.
  const walk = (keys: string[], node: unknown, inherited: boolean) => {
    if (!node || typeof node !== "object" || "$ref" in node) return;
    const states = isNode(node) && !Array.isArray(node) ? statesOf(keys, node) : undefined;
    const where = keys.join(".");
    const source = (node as Node)["x-source"];
    if (states && source === undefined && states.length > 0 && !inherited)
      problems.push(`${where}: no x-source for ${states.join(", ")}`);
    if (states && isNode(source)) {
      for (const keyword of states)
        if (!(keyword in source)) problems.push(`${where}: x-source names no source for ${keyword}`);
      for (const [keyword, ids] of Object.entries(source)) {
        if (!states.includes(keyword)) problems.push(`${where}: x-source names ${keyword}, which it does not state`);
        checkIds(`${where} ${keyword}`, ids);
      }
    } else if (states && source !== undefined) checkIds(where, source);
    const passOn = source !== undefined && (states?.[0] === "header" || states?.[0] === "media type");
    for (const [key, child] of Object.entries(node))
      if (!/^(x-|examples?$)/.test(key)) walk([...keys, key], child, passOn && key === "schema");
  };
  walk([], document, false);
  return problems;
}
