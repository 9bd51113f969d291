/**
 * One operation as flat facts (`request.field.name.maxLength` → 128), and every difference between two of them
 * classified by RULES as breaking, additive or docs for this package's users (docs/maintaining.md says what
 * each means), upstream read as "what Zoom now says". The spec and every upstream file are read into this shape.
 */
import { isDeepStrictEqual } from "node:util";
import type { JsonSchema, OperationObject } from "./spec.ts";

export type Classification = "breaking" | "additive" | "docs";
export interface Difference {
  /** A fact's key and what happened to it, stable for the allowlist: `request.field.type.enum.restricted.removed`. */
  id: string;
  classification: Classification;
  message: string;
}
export type Facts = Map<string, unknown>;

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

export function factsOf(operation: OperationObject, route: string): Facts {
  const facts: Facts = new Map();
  const put = (key: string, value: unknown) => value !== undefined && facts.set(key, value);
  put("operation.route", route);
  put("operation.summary", text(operation.summary));
  put("operation.description", text(operation.description));
  const content = operation.requestBody?.content ?? {};
  for (const type of Object.keys(content)) put(`request.media-type.${type}`, true);
  const schema: JsonSchema = content["application/json"]?.schema ?? Object.values(content)[0]?.schema ?? {};
  if (schema.additionalProperties === false) put("request.additional-properties", false);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const at = `request.field.${name}`;
    put(at, true);
    if (schema.required?.includes(name)) put(`${at}.required`, true);
    for (const [keyword, value] of Object.entries(field)) {
      if (keyword === "enum") {
        put(`${at}.enum`, true);
        for (const option of value as unknown[]) put(`${at}.enum.${option}`, true);
      } else if (keyword !== "examples" && keyword !== "title" && !keyword.startsWith("x-"))
        put(`${at}.${keyword}`, keyword === "description" ? text(value) : value);
    }
  }
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

type Change = "removed" | "added" | "changed";
/** A class, or a class under a word other than the change's ("loosened"); null: not worth a line. */
type Verdict = Classification | [string, Classification] | null;
type Rule = (change: Change, ours: unknown, theirs: unknown, key: string, upstream: Facts) => Verdict | undefined;

const FIELD = "request\\.field\\.[^.]+";
/** By key, first match wins; unmatched or undefined: removed → breaking, added → additive, changed → breaking. */
const RULES: [RegExp, Rule][] = (
  [
    [`${FIELD}\\.example`, (change) => (change === "removed" ? null : "docs")],
    [`operation\\.(summary|description)|response\\.\\d+\\.description|${FIELD}\\.description`, () => "docs"],
    [`response\\.\\d+\\.content-type\\..+`, () => "docs"],
    [`${FIELD}\\.default`, (change) => (change === "changed" ? "breaking" : "docs")],
    [`${FIELD}\\.type`, () => "breaking"],
    [`${FIELD}\\.required`, (change) => (change === "removed" ? "additive" : "breaking")],
    [
      "request\\.additional-properties",
      (change) => (change === "removed" ? ["loosened", "additive"] : ["tightened", "breaking"]),
    ],
    [
      `${FIELD}\\.(max|min)(Length|imum|Items)`,
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

export function diffFacts(ours: Facts, upstream: Facts): Difference[] {
  const keys = [...new Set([...ours.keys(), ...upstream.keys()])];
  const oneSided = new Set(keys.filter((key) => ours.has(key) !== upstream.has(key)));
  const found: Difference[] = [];
  for (const key of keys) {
    const [mine, theirs] = [ours.get(key), upstream.get(key)];
    if (isDeepStrictEqual(mine, theirs)) continue;
    // A field or response that only one side has is one difference, not one per fact under it.
    if (key.split(".").some((_, i, parts) => i > 0 && oneSided.has(parts.slice(0, i).join(".")))) continue;
    const change: Change = !upstream.has(key) ? "removed" : !ours.has(key) ? "added" : "changed";
    const ruled = RULES.find(([pattern]) => pattern.test(key))?.[1](change, mine, theirs, key, upstream);
    const verdict = ruled === undefined ? DEFAULTS[change] : ruled;
    if (verdict === null) continue;
    const [word, classification] = Array.isArray(verdict) ? verdict : [change, verdict];
    found.push({ id: `${key}.${word}`, classification, message: `${show(mine)} here, ${show(theirs)} upstream` });
  }
  return found;
}
