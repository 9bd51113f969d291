/**
 * The CLI's field flags come from the spec's request schema: `search_by_domain` becomes
 * `--search-by-domain` / `--no-search-by-domain`, `type` takes the spec's enum, help is the spec's
 * description. Nothing is restated here.
 */
import { createImGroupRequestSchema, type ValidationIssue } from "../index.js";
import type { FlagDefs } from "./usage.js";

interface FieldSchema {
  type: string;
  enum?: readonly string[];
  description?: string;
  default?: unknown;
  maxLength?: number;
}

export const fields = Object.entries(createImGroupRequestSchema.properties as Record<string, FieldSchema>).map(
  ([name, schema]) => ({ name, flag: name.replace(/_/g, "-"), schema }),
);

export const requiredFields: readonly string[] = createImGroupRequestSchema.required;

/** The fields whose values are booleans (CSV cells `true`/`false` in any case). */
export const booleanFields = new Set(fields.filter((field) => field.schema.type === "boolean").map((f) => f.name));

/** The spec's description as one plain sentence run: Markdown and `<br>` dropped, whitespace folded. */
function plain(description: string | undefined): string {
  return (description ?? "")
    .split(/\n\n/)[0]
    ?.replace(/\s*<br>\s*/g, "; ")
    .replace(/`/g, "")
    .replace(/:\s*;/g, ":")
    .replace(/\s+/g, " ")
    .trim() as string;
}

/** Flag definitions (with help) for every field; booleans also as `--no-…`. */
export function fieldFlags(): FlagDefs {
  const defs: FlagDefs = {};
  for (const { name, flag, schema } of fields) {
    const notes = [
      requiredFields.includes(name) ? "required" : undefined,
      schema.maxLength ? `at most ${schema.maxLength} characters` : undefined,
      schema.default !== undefined ? `default ${String(schema.default)}` : undefined,
    ].filter(Boolean);
    const help = `${plain(schema.description)}${notes.length ? ` (${notes.join(", ")})` : ""}`;
    if (schema.type === "boolean") {
      defs[flag] = { type: "boolean", help };
      defs[`no-${flag}`] = { type: "boolean", help: `send ${name} as false` };
    } else {
      defs[flag] = { type: "string", value: schema.enum ? schema.enum.join("|") : name.toUpperCase(), help };
    }
  }
  return defs;
}

/** The body the flags describe; fields not given are left out (Zoom applies its defaults). */
export function bodyFromFlags(values: Record<string, unknown>): { body: Record<string, unknown>; problems: string[] } {
  const body: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const { name, flag, schema } of fields) {
    if (schema.type === "boolean") {
      if (values[flag] && values[`no-${flag}`]) problems.push(`give --${flag} or --no-${flag}, not both`);
      else if (values[flag]) body[name] = true;
      else if (values[`no-${flag}`]) body[name] = false;
    } else if (typeof values[flag] === "string") {
      const text = values[flag] as string;
      body[name] = schema.type === "integer" || schema.type === "number" ? Number(text) : text;
    }
  }
  return { body, problems };
}

/** A validation issue as the flag user sees it: `--name is required`, `--type must be one of …`. */
export function flagMessage(issue: ValidationIssue): string {
  const flag = `--${issue.field.replace(/_/g, "-")}`;
  return issue.message.startsWith(issue.field)
    ? `${flag}${issue.message.slice(issue.field.length)}`
    : `${flag}: ${issue.message}`;
}
