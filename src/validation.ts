/** Checks a body against the spec's schema: the generated `FieldSchema`'s keywords, so the spec is the one source. */
import { ValidationError, type ValidationIssue } from "./errors.js";
import { type FieldSchema, createImGroupRequestSchema as schema } from "./generated/spec.js";
import { hasJsonType, isRecord } from "./response.js";
import type { CreateImGroupBody } from "./types.js";

/** Every way `body` breaks the spec's schema; empty when it is valid. */
export function validateCreateImGroupBody(body: unknown): ValidationIssue[] {
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
  const issues = validateCreateImGroupBody(body);
  if (issues.length > 0) throw new ValidationError(issues);
}

function checkField(name: string, field: FieldSchema, value: unknown, issues: ValidationIssue[]): void {
  const got = `(got ${describe(value)})`;
  const check = (rule: ValidationIssue["rule"], broken: boolean, message: string) => {
    if (broken) issues.push(issue(name, rule, `${name} ${message}`));
  };
  const typed = hasJsonType(field.type, value);
  check("type", !typed, `must be ${typeWords[field.type]} ${got}`);
  if (!typed) return;
  const { minLength, maxLength, pattern, minimum, maximum } = field;
  check("enum", field.enum?.includes(value as string) === false, `must be one of ${field.enum?.join(", ")} ${got}`);
  if (typeof value === "string") {
    // JSON Schema counts length in Unicode code points, not UTF-16 units: an emoji is one character.
    const length = [...value].length;
    check("minLength", length < (minLength ?? 0), `must be at least ${characters(minLength)} (got ${length})`);
    check("maxLength", length > (maxLength ?? Infinity), `must be at most ${characters(maxLength)} (got ${length})`);
    // `u`: a pattern reads code points, as JSON Schema does.
    const mismatch = pattern !== undefined && !new RegExp(pattern, "u").test(value);
    check("pattern", mismatch, `${field.patternMessage ?? `must match ${pattern}`} ${got}`);
  }
  if (typeof value === "number") {
    check("minimum", value < (minimum ?? -Infinity), `must be at least ${minimum} ${got}`);
    check("maximum", value > (maximum ?? Infinity), `must be at most ${maximum} ${got}`);
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

function characters(count: number | undefined): string {
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
