/**
 * Operations as flat facts, each keyed by its operation (`imGroupCreate.request.field.name.maxLength` → 128), and
 * every difference between two sets of them classified by RULES as breaking, additive or docs for this package's
 * users (docs/maintaining.md says what each means), upstream read as "what Zoom now says". The spec and every
 * upstream file are read into this shape. A fact id names its operation, so the same rule of two operations
 * (the create's `name` and the update's) are two facts, and an allowlist entry names the one it excuses.
 */
import { isDeepStrictEqual } from "node:util";
import type { JsonSchema, OperationObject } from "./spec.ts";

export type Classification = "breaking" | "additive" | "docs";
export interface Difference {
  /**
   * A fact's key and what happened to it, stable for the allowlist:
   * `imGroupCreate.request.field.type.enum.restricted.removed`; `imGroupMember.removed` for a whole operation.
   */
  id: string;
  classification: Classification;
  message: string;
}
export type Facts = Map<string, unknown>;

/** A parameter as OpenAPI 3 states it (a Swagger 2.0 one has its schema's keywords beside `in` and `name`). */
export interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  deprecated?: boolean;
  description?: string;
  schema?: JsonSchema;
  [keyword: string]: unknown;
}

const text = (value: unknown) =>
  typeof value === "string" ? value.replace(/\s+/g, " ").trim() || undefined : undefined;

/**
 * Zoom writes its error codes in the response description ("**Error Code:** `4130`", once per code) or in
 * `x-zoom-error-code` (an integer or a list): every one, sorted; one code stays a number, several a list.
 */
function zoomCodeOf(response: { description?: string; "x-zoom-error-code"?: number | number[] }) {
  const given = response["x-zoom-error-code"];
  const codes =
    given !== undefined
      ? [given].flat()
      : [...(response.description ?? "").matchAll(/Error Code:\**\s*`?(\d+)`?/gi)].map((match) => Number(match[1]));
  const unique = [...new Set(codes)].sort((a, b) => a - b);
  return unique.length > 1 ? unique : unique[0];
}

const IGNORED = new Set(["examples", "title", "properties", "items", "required"]);

/**
 * A field's facts, and its sub-fields': a list's items are the field `name[]`, an object's fields `name/field`
 * (no dots, so a fact id's keyword is always what follows the field).
 */
function fieldFacts(put: (key: string, value: unknown) => void, at: string, field: JsonSchema, required: boolean) {
  put(at, true);
  if (required) put(`${at}.required`, true);
  for (const [keyword, value] of Object.entries(field)) {
    if (IGNORED.has(keyword) || keyword.startsWith("x-")) continue;
    if (keyword === "enum") {
      put(`${at}.enum`, true);
      for (const option of value as unknown[]) put(`${at}.enum.${option}`, true);
    } else put(`${at}.${keyword}`, keyword === "description" ? text(value) : value);
  }
  if (field.items) fieldFacts(put, `${at}[]`, field.items, false);
  for (const [name, child] of Object.entries(field.properties ?? {}))
    fieldFacts(put, `${at}/${name}`, child, field.required?.includes(name) ?? false);
}

/** One operation's facts, keys not yet named by the operation (`request.field.name.maxLength`). */
export function factsOf(operation: OperationObject, route: string, parameters: ParameterObject[] = []): Facts {
  const facts: Facts = new Map();
  const put = (key: string, value: unknown) => value !== undefined && facts.set(key, value);
  put("operation.route", route);
  put("operation.summary", text(operation.summary));
  put("operation.description", text(operation.description));
  for (const { name, in: where, required, deprecated, schema, description: _, ...inline } of parameters) {
    if (where !== "path" && where !== "query") continue;
    const rules = { in: where, ...(schema ?? inline), ...(deprecated ? { deprecated } : {}) } as JsonSchema;
    fieldFacts(put, `param.${name}`, rules, required === true);
  }
  const content = operation.requestBody?.content ?? {};
  for (const type of Object.keys(content)) put(`request.media-type.${type}`, true);
  const schema: JsonSchema = content["application/json"]?.schema ?? Object.values(content)[0]?.schema ?? {};
  if (schema.additionalProperties === false) put("request.additional-properties", false);
  if (typeof schema.minProperties === "number") put("request.minProperties", schema.minProperties);
  for (const [name, field] of Object.entries(schema.properties ?? {}))
    fieldFacts(put, `request.field.${name}`, field, schema.required?.includes(name) ?? false);
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const at = `response.${status}`;
    put(at, true);
    put(`${at}.description`, text(response.description));
    put(`${at}.zoom-code`, zoomCodeOf(response));
    for (const name of Object.keys(response.headers ?? {}))
      if (name.toLowerCase() !== "content-type") put(`${at}.header.${name.toLowerCase()}`, true);
    for (const type of Object.keys(response.content ?? {})) put(`${at}.content-type.${type}`, true);
    // The body's fields, from the first JSON content type that lists any.
    const json = Object.entries(response.content ?? {}).find(
      ([type, media]) => /json/.test(type) && Object.keys(media.schema?.properties ?? {}).length,
    );
    if (json) put(`${at}.body`, true);
    for (const [name, field] of Object.entries(json?.[1].schema?.properties ?? {}))
      put(`${at}.body.${name}`, field.type ?? "any");
  }
  return facts;
}

/** Facts of several operations in one map, each key under its operation's id, and the id itself (it exists). */
export function operationFacts(operations: Iterable<[string, Facts]>): Facts {
  const all: Facts = new Map();
  for (const [id, facts] of operations) {
    if (id.includes(".")) throw new Error(`an operation id with a dot cannot name facts: ${id}`);
    all.set(id, true);
    for (const [key, value] of facts) all.set(`${id}.${key}`, value);
  }
  return all;
}

type Change = "removed" | "added" | "changed";
/** A class, or a class under a word other than the change's ("loosened"); null: not worth a line. */
type Verdict = Classification | [string, Classification] | null;
/** `upstream.has(fact)`: whether upstream states a fact of the same operation. */
type Rule = (
  change: Change,
  ours: unknown,
  theirs: unknown,
  fact: string,
  upstream: { has(fact: string): boolean },
) => Verdict | undefined;

/** A request field (`name`, a list's items `members[]`, an item's field `members[]/email`) or a parameter. */
const FIELD = "(?:request\\.field|param)\\.[^.]+";
/**
 * By key without its operation, first match wins; unmatched or undefined: removed → breaking, added →
 * additive, changed → breaking.
 */
const RULES: [RegExp, Rule][] = (
  [
    [`${FIELD}\\.example`, (change) => (change === "removed" ? null : "docs")],
    [`operation\\.(summary|description)|response\\.\\d+\\.description|${FIELD}\\.description`, () => "docs"],
    [`response\\.\\d+\\.content-type\\..+`, () => "docs"],
    [`${FIELD}\\.default`, (change) => (change === "changed" ? "breaking" : "docs")],
    // Deprecated upstream: still accepted, to be dropped; the client's types say so when the spec adopts it.
    [`${FIELD}\\.deprecated`, () => "docs"],
    [`${FIELD}\\.type`, () => "breaking"],
    [`${FIELD}\\.required`, (change) => (change === "removed" ? "additive" : "breaking")],
    [
      "request\\.additional-properties",
      (change) => (change === "removed" ? ["loosened", "additive"] : ["tightened", "breaking"]),
    ],
    [
      `${FIELD}\\.(max|min)(Length|imum|Items|Properties)|request\\.minProperties`,
      (_change, ours, theirs, key) => {
        const upper = key.includes(".max");
        const tighter =
          theirs !== undefined &&
          (ours === undefined || (upper ? Number(theirs) < Number(ours) : Number(theirs) > Number(ours)));
        return tighter ? ["tightened", "breaking"] : ["loosened", "additive"];
      },
    ],
    // Any other rule of a field (pattern, format, enum as a whole): upstream dropping it is looser.
    [`${FIELD}\\.[^.]+`, (change) => (change === "removed" ? "additive" : "breaking")],
    [
      FIELD,
      (change, _ours, _theirs, key, upstream) =>
        change === "added" && upstream.has(`${key}.required`) ? "breaking" : undefined,
    ],
    // A status that documents a further code upstream (4132 → [4132, 4134]): more to map, nothing taken away.
    [
      "response\\.\\d+\\.zoom-code",
      (change, ours, theirs) =>
        change === "changed" && [ours].flat().every((code) => [theirs].flat().includes(code))
          ? ["more-codes", "additive"]
          : undefined,
    ],
    ["response\\.\\d+\\.body", (change) => (change === "removed" ? ["undocumented", "docs"] : undefined)],
  ] as [string, Rule][]
).map(([pattern, rule]) => [new RegExp(`^(${pattern})$`), rule]);
const DEFAULTS: Record<Change, Classification> = { removed: "breaking", added: "additive", changed: "breaking" };

const show = (value: unknown) => {
  const shown = value === undefined ? "nothing" : JSON.stringify(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
};

/** Every key a fact sits under: `a.b.c` → `a`, `a.b`; a sub-field `f[]/x` → `f`, `f[]`. */
function parentsOf(key: string): string[] {
  const parents: string[] = [];
  const parts = key.split(".");
  for (let i = 1; i <= parts.length; i++) {
    const head = parts.slice(0, i - 1).join(".");
    const segment = parts[i - 1] as string;
    for (const match of segment.matchAll(/\[\]|\//g))
      parents.push(`${head ? `${head}.` : ""}${segment.slice(0, match.index)}`);
    if (i < parts.length) parents.push(parts.slice(0, i).join("."));
  }
  return parents.filter((parent) => parent !== key);
}

/** Keys are `operationId.fact`; the rules read the fact. */
export function diffFacts(ours: Facts, upstream: Facts): Difference[] {
  const keys = [...new Set([...ours.keys(), ...upstream.keys()])];
  const oneSided = new Set(keys.filter((key) => ours.has(key) !== upstream.has(key)));
  const found: Difference[] = [];
  for (const key of keys) {
    const [mine, theirs] = [ours.get(key), upstream.get(key)];
    if (isDeepStrictEqual(mine, theirs)) continue;
    // An operation, field or response that only one side has is one difference, not one per fact under it.
    if (parentsOf(key).some((parent) => oneSided.has(parent))) continue;
    const change: Change = !upstream.has(key) ? "removed" : !ours.has(key) ? "added" : "changed";
    const fact = key.slice(key.indexOf(".") + 1);
    const operation = { has: (other: string) => upstream.has(`${key.slice(0, key.length - fact.length)}${other}`) };
    const ruled = key.includes(".")
      ? RULES.find(([pattern]) => pattern.test(fact))?.[1](change, mine, theirs, fact, operation)
      : undefined;
    const verdict = ruled === undefined ? DEFAULTS[change] : ruled;
    if (verdict === null) continue;
    const [word, classification] = Array.isArray(verdict) ? verdict : [change, verdict];
    found.push({ id: `${key}.${word}`, classification, message: `${show(mine)} here, ${show(theirs)} upstream` });
  }
  return found;
}
