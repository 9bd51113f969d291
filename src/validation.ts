/** Checks a body against the spec's schema: the generated `FieldSchema`'s keywords, so the spec is the one source. */
import { ValidationError, type ValidationIssue } from "./errors.js";
import { type FieldSchema, createImGroupRequestSchema as schema } from "./generated/spec.js";
import { hasJsonType, isRecord } from "./response.js";
import type { CreateImGroupBody } from "./types.js";

/** Every way `body` breaks the spec's schema; empty when it is valid. */
export function findIssues(body: unknown): ValidationIssue[] {
  if (!isRecord(body)) return [issue("(body)", "type", `the body must be an object (got ${describe(body)})`)];
  const issues: ValidationIssue[] = [];
  for (const name of schema.required) {
    if (body[name] === undefined) issues.push(issue(name, "required", `${name} is required`));
  }
  for (const [name, field] of Object.entries(schema.properties)) {
    const value = body[name];
    if (value !== undefined) checkField(name, field, value, issues);
  }
  if (!schema.additionalProperties) {
    for (const name of Object.keys(body)) {
      if (!Object.hasOwn(schema.properties, name) && body[name] !== undefined) {
        const known = Object.keys(schema.properties).join(", ");
        const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
        issues.push(issue(name, "additionalProperties", `${shown} is not a field of this request (fields: ${known})`));
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
  const got = () => `(got ${describe(value)})`;
  if (!hasJsonType(field.type, value)) {
    issues.push(issue(name, "type", `${name} must be ${typeWords[field.type]} ${got()}`));
    return;
  }
  if (field.enum && !(typeof value === "string" && field.enum.includes(value))) {
    issues.push(issue(name, "enum", `${name} must be one of ${field.enum.join(", ")} ${got()}`));
  }
  if (typeof value === "string") {
    // JSON Schema counts length in Unicode code points, not UTF-16 units: an emoji is one character.
    const length = [...value].length;
    if (field.minLength !== undefined && length < field.minLength) {
      issues.push(issue(name, "minLength", `${name} must be at least ${characters(field.minLength)} (got ${length})`));
    }
    if (field.maxLength !== undefined && length > field.maxLength) {
      issues.push(issue(name, "maxLength", `${name} must be at most ${characters(field.maxLength)} (got ${length})`));
    }
    // `u`: a pattern reads code points, as JSON Schema does.
    if (field.pattern !== undefined && !new RegExp(field.pattern, "u").test(value)) {
      issues.push(issue(name, "pattern", `${name} ${field.patternMessage ?? `must match ${field.pattern}`} ${got()}`));
    }
  }
  if (typeof value === "number") {
    if (field.minimum !== undefined && value < field.minimum) {
      issues.push(issue(name, "minimum", `${name} must be at least ${field.minimum} ${got()}`));
    }
    if (field.maximum !== undefined && value > field.maximum) {
      issues.push(issue(name, "maximum", `${name} must be at most ${field.maximum} ${got()}`));
    }
  }
}

const typeWords: Record<FieldSchema["type"], string> = {
  string: "a string",
  boolean: "a boolean (true or false)",
  integer: "an integer",
  number: "a number",
};

function issue(field: string, rule: ValidationIssue["rule"], message: string): ValidationIssue {
  return { field, rule, message };
}

function characters(count: number): string {
  return `${count} character${count === 1 ? "" : "s"}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
