/**
 * The CLI's fields, flags, columns and help come from the spec's request schema; nothing is restated. How text
 * a person wrote becomes a value is decided here, once, for flags, CSV cells and JSON strings alike.
 */
import type { ValidationIssue } from "../index.js";
import { createImGroupRequestSchema, type FieldSchema } from "../spec.js";
import type { FlagDefs } from "./flags.js";

export const fields = Object.entries<FieldSchema>(createImGroupRequestSchema.properties).map(([name, schema]) => ({
  name,
  flag: name.replace(/_/g, "-"),
  schema,
}));

export const fieldNames: readonly string[] = fields.map((field) => field.name);
const requiredFields: readonly string[] = createImGroupRequestSchema.required;
const schemaOf = new Map(fields.map((field) => [field.name, field.schema]));

export function fieldOfHeader(header: string): string | undefined {
  const wanted = header.trim().toLowerCase();
  return fieldNames.find((name) => name.toLowerCase() === wanted);
}

const booleanWords: Record<string, boolean> = { true: true, yes: true, 1: true, false: false, no: false, 0: false };

/**
 * Trimmed, an enum value in any case in the spec's spelling; from JSON (`typed`) types are the writer's. What
 * does not read as its type is returned as it is, for validation to name.
 */
export function readValue(name: string, value: unknown, typed: boolean): unknown {
  const schema = schemaOf.get(name);
  if (typeof value !== "string" || !schema) return value;
  const text = value.trim();
  const lower = text.toLowerCase();
  if (schema.enum) return schema.enum.find((allowed) => String(allowed).toLowerCase() === lower) ?? text;
  if (typed) return text;
  if (schema.type === "boolean") return Object.hasOwn(booleanWords, lower) ? booleanWords[lower] : text;
  if ((schema.type === "integer" || schema.type === "number") && text !== "" && Number.isFinite(Number(text)))
    return Number(text);
  return text;
}

/** The spec's description as plain lines: Markdown dropped, `<br>` a line break, whitespace folded. */
function plain(description: string | undefined): string[] {
  return (description ?? "")
    .split(/\n\n/)[0]
    ?.split(/<br\s*\/?>/)
    .map((line) => line.replace(/`/g, "").replace(/\s+/g, " ").trim())
    .filter(Boolean) as string[];
}

function fieldHelp(name: string, schema: FieldSchema): string {
  const notes = [
    requiredFields.includes(name) ? "required" : undefined,
    schema.maxLength ? `at most ${schema.maxLength} characters` : undefined,
    schema.default !== undefined ? `default ${String(schema.default)}` : undefined,
  ].filter(Boolean);
  const values = schema.enumDescriptions;
  const [lead = name, ...rest] = plain(schema.description);
  const about = `${lead.replace(/[.:]$/, "")}${notes.length ? ` (${notes.join(", ")})` : ""}`;
  if (values) return [`${about}:`, ...Object.entries(values).map(([value, help]) => `${value}: ${help}`)].join("\n");
  return [about, ...rest].join("\n");
}

export function fieldFlags(): FlagDefs {
  const defs: FlagDefs = {};
  for (const { name, flag, schema } of fields) {
    const help = fieldHelp(name, schema);
    if (schema.type === "boolean") {
      defs[flag] = { type: "boolean", help };
      defs[`no-${flag}`] = { type: "boolean", help: `send ${name} as false` };
    } else {
      defs[flag] = { type: "string", value: schema.enum ? schema.enum.join("|") : name.toUpperCase(), help };
    }
  }
  return defs;
}

/** Fields not given are left out: Zoom applies its defaults. */
export function bodyFromFlags(values: Record<string, unknown>): { body: Record<string, unknown>; problems: string[] } {
  const body: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const { name, flag, schema } of fields) {
    if (schema.type === "boolean") {
      if (values[flag] && values[`no-${flag}`]) problems.push(`give --${flag} or --no-${flag}, not both`);
      else if (values[flag]) body[name] = true;
      else if (values[`no-${flag}`]) body[name] = false;
    } else if (typeof values[flag] === "string") {
      // The shell passed bytes that are not UTF-8: Node stands U+FFFD in for them. Never send that name.
      if (values[flag].includes("\uFFFD"))
        problems.push(`--${flag} is not UTF-8 text (a character stands where the shell passed other bytes)`);
      else body[name] = readValue(name, values[flag], false);
    }
  }
  return { body, problems };
}

/** `--name is required`, `--type must be one of …`. */
export function flagMessage(issue: ValidationIssue): string {
  const flag = `--${issue.field.replace(/_/g, "-")}`;
  return issue.message.startsWith(issue.field)
    ? `${flag}${issue.message.slice(issue.field.length)}`
    : `${flag}: ${issue.message}`;
}
