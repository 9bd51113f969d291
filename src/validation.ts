/**
 * Checks a request body against the spec's schema (src/generated/spec.ts) before anything is sent.
 * Implements exactly the JSON Schema keywords scripts/generate.ts lets through; the generator refuses a
 * spec that needs more, so the spec stays the only place a constraint is written.
 */

import { ValidationError, type ValidationIssue } from "./errors.js";
import { createImGroupRequestSchema } from "./generated/spec.js";
import type { CreateImGroupBody } from "./types.js";

interface FieldSchema {
  type: "string" | "boolean" | "integer" | "number";
  enum?: readonly unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}
interface ObjectSchema {
  required?: readonly string[];
  additionalProperties?: boolean;
  properties: Record<string, FieldSchema>;
}

const schema = createImGroupRequestSchema as unknown as ObjectSchema;
const fields = Object.entries(schema.properties);
const fieldNames = new Set(Object.keys(schema.properties));
const required = schema.required ?? [];

/** The fields the spec defines, in spec order, with their schemas (for encoders, the mock and the CLI). */
export const requestFields: readonly (readonly [string, FieldSchema])[] = fields;

/** Every way `body` breaks the spec's schema; empty when it is valid. */
export function findIssues(body: unknown): ValidationIssue[] {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return [issue("(body)", "type", `the body must be an object (got ${describe(body)})`)];
  }
  const record = body as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  for (const name of required) {
    if (record[name] === undefined) issues.push(issue(name, "required", `${name} is required`));
  }
  for (const [name, field] of fields) {
    const value = record[name];
    if (value !== undefined) checkField(name, field, value, issues);
  }
  if (schema.additionalProperties === false) {
    for (const name of Object.keys(record)) {
      if (!fieldNames.has(name) && record[name] !== undefined) {
        issues.push(
          issue(
            name,
            "additionalProperties",
            `${name} is not a field of this request (fields: ${[...fieldNames].join(", ")})`,
          ),
        );
      }
    }
  }
  return issues;
}

/** Throws `ValidationError` naming every bad field and the rule it broke. */
export function assertValidBody(body: unknown): asserts body is CreateImGroupBody {
  const issues = findIssues(body);
  if (issues.length > 0) throw new ValidationError(issues);
}

function checkField(name: string, field: FieldSchema, value: unknown, issues: ValidationIssue[]): void {
  if (!hasType(field.type, value)) {
    issues.push(issue(name, "type", `${name} must be ${typeWords[field.type]} (got ${describe(value)})`));
    return;
  }
  if (field.enum && !field.enum.includes(value)) {
    issues.push(issue(name, "enum", `${name} must be one of ${field.enum.join(", ")} (got ${describe(value)})`));
  }
  if (typeof value === "string") {
    // JSON Schema counts length in Unicode code points, not UTF-16 units: an emoji is one character.
    const length = codePointLength(value);
    if (field.minLength !== undefined && length < field.minLength) {
      issues.push(
        issue(name, "minLength", `${name} must be at least ${plural(field.minLength, "character")} (got ${length})`),
      );
    }
    if (field.maxLength !== undefined && length > field.maxLength) {
      issues.push(
        issue(name, "maxLength", `${name} must be at most ${plural(field.maxLength, "character")} (got ${length})`),
      );
    }
  }
  if (typeof value === "number") {
    if (field.minimum !== undefined && value < field.minimum) {
      issues.push(issue(name, "minimum", `${name} must be at least ${field.minimum} (got ${value})`));
    }
    if (field.maximum !== undefined && value > field.maximum) {
      issues.push(issue(name, "maximum", `${name} must be at most ${field.maximum} (got ${value})`));
    }
  }
}

const typeWords: Record<FieldSchema["type"], string> = {
  string: "a string",
  boolean: "a boolean (true or false)",
  integer: "an integer",
  number: "a number",
};

function hasType(type: FieldSchema["type"], value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
  }
}

function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

function issue(field: string, rule: ValidationIssue["rule"], message: string): ValidationIssue {
  return { field, rule, message };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `string ${JSON.stringify(shown)}`;
  }
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
