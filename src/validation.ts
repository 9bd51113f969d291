/**
 * Checks a request with the generated validators and words each problem, naming the field and the rule. The
 * rules live only in the spec: this reads the broken keyword, its limit, and the field's schema for help.
 */
import type { ValidationIssue } from "./errors.js";
import { type OperationId, operations, type Schema } from "./generated/operations.js";
import { type SchemaError, type Validator, validators } from "./generated/validators.js";

/** Every way a request's parameters and body break the spec; empty when they keep it. */
export function validateRequest(
  operationId: OperationId,
  request: { params?: object; body?: unknown },
): ValidationIssue[] {
  const operation: { params: Schema; requestSchema?: Schema } = operations[operationId];
  const { params, request: byType } = validators[operationId];
  const issues = check(params, operation.params, withoutUndefined(request.params ?? {}));
  const body = (byType as Record<string, Validator | undefined>)["application/json"];
  if (body && operation.requestSchema)
    issues.push(...check(body, operation.requestSchema, withoutUndefined(request.body)));
  return issues;
}

/** The create's body alone, as the CLI checks a bulk file's rows. */
export const validateCreateImGroupBody = (body: unknown): ValidationIssue[] =>
  validateRequest("imGroupCreate", { body });

function check(validate: Validator, schema: Schema, value: unknown): ValidationIssue[] {
  if (validate(value)) return [];
  const issues = new Map<string, ValidationIssue>();
  for (const error of validate.errors ?? []) {
    const issue = word(error, schema, value);
    // One issue per field and rule: Ajv may report a rule once per failing branch.
    issues.set(`${issue.field}\u0000${issue.rule}`, issue);
  }
  return [...issues.values()];
}

/** One of Ajv's errors in the project's words: `members[3].email must be an email address (got "x")`. */
function word(error: SchemaError, root: Schema, value: unknown): ValidationIssue {
  const steps = error.instancePath
    .split("/")
    .slice(1)
    .map((step) => step.replace(/~1/g, "/").replace(/~0/g, "~"));
  let schema: Schema | undefined = root;
  let at: unknown = value;
  let path = "";
  for (const step of steps) {
    const index = /^\d+$/.test(step);
    schema = index && schema?.type === "array" ? schema.items : schema?.properties?.[step];
    at = (at as Record<string, unknown> | undefined)?.[step];
    path = index ? `${path}[${step}]` : path ? `${path}.${step}` : step;
  }
  const params = error.params;
  const rule = error.keyword as ValidationIssue["rule"];
  const field = (name: unknown) => (path ? `${path}.${String(name)}` : String(name));
  const got = `(got ${describe(at)})`;
  // The body itself (an empty update, say) is `(body)`, and its message says "the body".
  const issue = (name: string, message: string): ValidationIssue =>
    name
      ? { field: name, rule, message: `${name} ${message}` }
      : { field: "(body)", rule, message: `the body ${message}` };
  switch (error.keyword) {
    case "required":
      return issue(field(params.missingProperty), "is required");
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const known = Object.keys(schema?.properties ?? {}).join(", ");
      return {
        field: field(name),
        rule,
        message: `${path ? `${path}.` : ""}${clip(name)} is not a field of this request (fields: ${known})`,
      };
    }
    case "type":
      if (!path) return { field: "(body)", rule, message: `the body must be an object (got ${describe(at)})` };
      return issue(path, `must be ${typeWords[String(params.type)] ?? String(params.type)} ${got}`);
    case "enum":
      return issue(path, `must be one of ${schema?.enum?.join(", ")} ${got}`);
    case "minLength":
    case "maxLength":
      return issue(path, `must be ${bound(rule)} ${count(params.limit, "character")} (got ${[...String(at)].length})`);
    case "minItems":
    case "maxItems":
      return issue(path, `must have ${bound(rule)} ${count(params.limit, "item")} (got ${(at as unknown[]).length})`);
    case "minimum":
    case "maximum":
      return issue(path, `must be ${bound(rule)} ${String(params.limit)} ${got}`);
    case "minProperties":
      return issue(
        path,
        `must name at least ${count(params.limit, "field")} of ${Object.keys(schema?.properties ?? {}).join(", ")}`,
      );
    case "pattern":
      return issue(path, `${schema?.patternMessage ?? `must match ${String(params.pattern)}`} ${got}`);
    case "format":
      return issue(
        path,
        `must be ${formatWords[String(params.format)] ?? `in the format ${String(params.format)}`} ${got}`,
      );
    default:
      return issue(path, `${error.message ?? "breaks the spec"} ${got}`);
  }
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
const bound = (rule: string) => (rule.startsWith("min") ? "at least" : "at most");
const count = (limit: unknown, unit: string) => `${String(limit)} ${unit}${limit === 1 ? "" : "s"}`;
const typeWords: Record<string, string> = {
  string: "a string",
  boolean: "a boolean (true or false)",
  integer: "an integer",
  number: "a number",
  array: "a list",
  object: "an object",
};
const formatWords: Record<string, string> = { email: "an email address", "date-time": "an ISO 8601 date and time" };

/** Fields set to `undefined` are left out, as JSON and FormData leave them out. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (!value || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, item]) => (item === undefined ? [] : [[key, withoutUndefined(item)]])),
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `string ${JSON.stringify(clip(value))}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
