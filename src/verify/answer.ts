/**
 * One answer against the spec: its status is documented for the operation (and is the one the step expects),
 * its body has a documented content type and keeps the schema of that status, its documented headers keep
 * theirs. The rules are the generated validators' (src/generated/validators.ts); this module only words them.
 */
import { type OperationId, operations } from "../generated/operations.js";
import { type SchemaError, type Validator, validators } from "../generated/validators.js";
import type { VerifyCheck } from "./report.js";

/** An answer as the recorder kept it: which operation, what came back. */
export interface RecordedAnswer {
  operationId: OperationId;
  method: string;
  url: string;
  status: number;
  headers: Headers;
  text: string;
  /** The statuses of earlier attempts of the same request that the client retried. */
  retried: number[];
}

type Documented = { message: string; contentTypes: readonly string[]; headers?: Readonly<Record<string, unknown>> };

/** The three spec checks of one answer (status, body, headers), each passed or failed; `step` names the call. */
export function checkAnswer(
  step: string,
  answer: RecordedAnswer,
  expectedStatus: number,
  redact: (text: string) => string,
): VerifyCheck[] {
  const { operationId, status } = answer;
  const documented = (operations[operationId].responses as Readonly<Record<string, Documented>>)[String(status)];
  const trackingId = answer.headers.get("x-zm-trackingid");
  const base = {
    step,
    operation: operationId,
    status,
    ...(trackingId ? { trackingId: redact(trackingId) } : {}),
  };
  const at = `${operationId} HTTP ${status}`;
  const statuses = Object.keys(operations[operationId].responses).join(", ");
  const retries = answer.retried.length > 0 ? ` after retrying HTTP ${answer.retried.join(", ")}` : "";
  const checks: VerifyCheck[] = [];
  const check = (check: string, problems: string[], passed: string, fields: string[] = []) =>
    checks.push(
      problems.length === 0
        ? { ...base, check, outcome: "passed", message: passed }
        : {
            ...base,
            check,
            outcome: "failed",
            message: redact(`${at}: ${problems.join("; ")}`),
            ...(fields.length > 0 ? { fields } : {}),
          },
    );

  if (!documented) {
    check("status", [`not documented for ${operationId} (documented: ${statuses})${retries}`], "");
    const type = mediaType(answer.headers);
    const body =
      answer.text.trim() === "" ? "no body" : `a body (${type || "no content type"}): ${excerpt(answer.text)}`;
    checks.push({
      ...base,
      check: "body",
      outcome: "skipped",
      message: redact(`no documented answer; it had ${body}`),
    });
    checks.push({ ...base, check: "headers", outcome: "skipped", message: "no documented answer to check them by" });
    return checks;
  }
  const expected = status === expectedStatus;
  check(
    "status",
    expected ? [] : [`${documented.message} (documented, but the step expects HTTP ${expectedStatus})${retries}`],
    `HTTP ${status}, documented${retries}`,
  );
  const body = checkBody(answer, documented);
  check("body", body.problems, body.passed, body.fields);
  const headers = checkHeaders(answer);
  check("headers", headers.problems, headers.passed, headers.fields);
  return checks;
}

function checkBody(answer: RecordedAnswer, documented: Documented) {
  const { operationId, status, text } = answer;
  const type = mediaType(answer.headers);
  const types = documented.contentTypes;
  const result = (problems: string[], passed = "", fields: string[] = []) => ({ problems, passed, fields });
  if (text.trim() === "") {
    // A text/plain answer may be empty (Zoom's paid-only 200 in the Postman item is); a JSON one may not.
    if (types.length === 0 || types.includes("text/plain")) return result([], "no body, as documented");
    return result([`no body; the spec documents ${types.join(" or ")}`]);
  }
  if (types.length === 0)
    return result([`a body (${type || "no content type"}) where the spec documents none: ${excerpt(text)}`]);
  if (!types.includes(type))
    return result([`content type ${type || "(none)"} is not documented (documented: ${types.join(", ")})`]);
  if (type !== "application/json") return result([], `${type}, documented`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return result([`the body is not JSON: ${excerpt(text)}`]);
  }
  const validate = (validators[operationId].responses as Readonly<Record<string, Validator>>)[String(status)];
  if (!validate || validate(value)) return result([], "keeps the schema");
  const issues = (validate.errors ?? []).map((error) => word(error, value));
  return result(
    issues.map((issue) => issue.message),
    "",
    issues.map((issue) => issue.field),
  );
}

function checkHeaders(answer: RecordedAnswer) {
  const { operationId, status, headers } = answer;
  const validate = (validators[operationId].headers as Readonly<Record<string, Validator>>)[String(status)];
  const names = Object.keys(
    (operations[operationId].responses as Readonly<Record<string, Documented>>)[String(status)]?.headers ?? {},
  );
  const present = Object.fromEntries(
    names.flatMap((name) => {
      const value = headers.get(name);
      return value === null ? [] : [[name.toLowerCase(), value]];
    }),
  );
  const shown = Object.keys(present).join(", ") || "none of them sent";
  if (!validate || validate({ ...present })) return { problems: [], passed: `documented: ${shown}`, fields: [] };
  const issues = (validate.errors ?? []).map((error) => word(error, present, "header "));
  return { problems: issues.map((issue) => issue.message), passed: "", fields: issues.map((issue) => issue.field) };
}

/** One of Ajv's errors about an answer, naming the field: `groups must be a list (got an object)`. */
function word(error: SchemaError, root: unknown, prefix = ""): { field: string; message: string } {
  const steps = error.instancePath
    .split("/")
    .slice(1)
    .map((step) => step.replace(/~1/g, "/").replace(/~0/g, "~"));
  let at: unknown = root;
  for (const step of steps) at = (at as Record<string, unknown> | undefined)?.[step];
  const path = steps.reduce(
    (text, step) => (/^\d+$/.test(step) ? `${text}[${step}]` : text ? `${text}.${step}` : step),
    "",
  );
  const params = error.params;
  if (error.keyword === "required") {
    const field = path ? `${path}.${String(params.missingProperty)}` : String(params.missingProperty);
    return { field, message: `${prefix}${field} is missing` };
  }
  const field = path || "(body)";
  const got = `(got ${describe(at)})`;
  const said =
    error.keyword === "type"
      ? `must be ${typeWords[String(params.type)] ?? String(params.type)}`
      : error.keyword === "enum"
        ? `must be one of ${(params.allowedValues as unknown[]).join(", ")}`
        : error.keyword === "format"
          ? `must be ${formatWords[String(params.format)] ?? `in the format ${String(params.format)}`}`
          : (error.message ?? "breaks the spec");
  return { field, message: `${prefix}${field} ${said} ${got}` };
}

const typeWords: Record<string, string> = {
  string: "a string",
  boolean: "a boolean",
  integer: "an integer",
  number: "a number",
  array: "a list",
  object: "an object",
};
const formatWords: Record<string, string> = { email: "an email address", "date-time": "an ISO 8601 date and time" };

/** The media type of an answer, without parameters, lower-cased; "" when it has none. */
export function mediaType(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

const excerpt = (text: string) => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
};
