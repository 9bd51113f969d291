/**
 * The CLI's field flags come from the spec's request schema: `search_by_domain` becomes
 * `--search-by-domain` / `--no-search-by-domain`, `type` takes the spec's enum. Nothing is restated here.
 */
import { createImGroupRequestSchema } from "../index.js";

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

/** parseArgs option definitions for every field (booleans also as `--no-…`). */
export function fieldOptions(): Record<string, { type: "string" | "boolean" }> {
  const options: Record<string, { type: "string" | "boolean" }> = {};
  for (const { flag, schema } of fields) {
    if (schema.type === "boolean") {
      options[flag] = { type: "boolean" };
      options[`no-${flag}`] = { type: "boolean" };
    } else {
      options[flag] = { type: "string" };
    }
  }
  return options;
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

/** Help lines for the field flags, from the spec's descriptions. */
export function fieldHelp(): string[] {
  return fields.map(({ name, flag, schema }) => {
    const plain = (schema.description ?? "")
      .split(/\n\n|<br>/)[0]
      ?.replace(/`/g, "")
      .replace(/\s+/g, " ")
      .trim();
    const usage =
      schema.type === "boolean"
        ? `--[no-]${flag}`
        : `--${flag} ${schema.enum ? schema.enum.join("|") : name.toUpperCase()}`;
    const notes = [
      requiredFields.includes(name) ? "required" : undefined,
      schema.maxLength ? `at most ${schema.maxLength} characters` : undefined,
      schema.default !== undefined ? `default ${String(schema.default)}` : undefined,
    ].filter(Boolean);
    return `  ${usage.padEnd(36)} ${plain}${notes.length ? ` (${notes.join(", ")})` : ""}`;
  });
}
