/**
 * The spec and the Postman item as tests see them, and Ajv validators compiled here, at test time, from the spec
 * itself: an independent check of what the client's generated validator (src/generated/validators.ts) and the
 * mock claim. Nothing here imports src/generated: the generator's reading of the spec is what is being proven.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import {
  type JsonSchema,
  loadSpec,
  type OperationObject,
  operationById,
  operationsOf,
  postmanItemPath,
} from "../../scripts/lib/spec.ts";
import type { PostmanItem, PostmanResponse } from "../../scripts/lib/upstream.ts";

export const spec = await loadSpec();
export const { operation: specOperation } = operationById(spec);
export const postmanItem = JSON.parse(readFileSync(postmanItemPath, "utf8")) as PostmanItem;

/** A parameter as the (dereferenced) spec states it. */
interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  deprecated?: boolean;
  schema?: JsonSchema;
}

/** One operation of the spec, read from the YAML (not from the generated table). */
export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  operation: OperationObject;
  parameters: Parameter[];
}

export const specOperations: SpecOperation[] = operationsOf(spec.paths).map(({ path, method, operation, item }) => {
  const own = (operation.parameters ?? []) as Parameter[];
  const shared = ((item.parameters ?? []) as Parameter[]).filter((p) => !own.some((o) => o.name === p.name));
  return { operationId: operation.operationId, method, path, operation, parameters: [...shared, ...own] };
});

export function specOperationById(operationId: string): SpecOperation {
  const found = specOperations.find((operation) => operation.operationId === operationId);
  if (!found) throw new Error(`spec: no operation ${operationId}`);
  return found;
}

// OpenAPI 3.0 schemas carry `example`, `description` and `x-` keys, which Ajv's strict mode would refuse. The
// formats are this test's own reading of RFC 5322 (an address with a dotted domain) and RFC 3339.
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat("email", /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u);
ajv.addFormat("date-time", {
  validate: (text: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(text) &&
    Number.isFinite(Date.parse(text)),
});
// Query parameters arrive as text: read as their schema's types, as a server would.
const coercing = new Ajv({ strict: false, allErrors: true, coerceTypes: true });

const compiled = new WeakMap<object, ValidateFunction>();
/** Ajv's validator of a schema object of the spec, compiled once. */
function compile(schema: object): ValidateFunction {
  const validate = compiled.get(schema) ?? ajv.compile(schema);
  compiled.set(schema, validate);
  return validate;
}
const paramValidators = new Map<string, ValidateFunction>();

const problems = (validate: ValidateFunction) =>
  (validate.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message}`);

/** The schema of an operation's path and query parameters, as one object (what a request must carry). */
export function paramsSchema(operationId: string): JsonSchema {
  const { parameters } = specOperationById(operationId);
  const named = parameters.filter((p) => p.in === "path" || p.in === "query");
  return {
    type: "object",
    properties: Object.fromEntries(named.map((p) => [p.name, p.schema ?? {}])),
    required: named.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}

/** The request body schema of an operation for a media type (undefined: the operation takes no body). */
export function requestSchema(operationId: string, contentType?: string): JsonSchema | undefined {
  const content = specOperationById(operationId).operation.requestBody?.content ?? {};
  const media = contentType ? content[contentType] : Object.values(content)[0];
  return media?.schema;
}

/**
 * The parameters a request to this operation carried, read off its URL against the spec's path template: each
 * `{name}` is exactly one segment (percent-decoded); undefined when the URL is not this operation's path.
 */
export function requestParams(operationId: string, url: string): Record<string, string> | undefined {
  const { path, parameters } = specOperationById(operationId);
  const { pathname, searchParams } = new URL(url);
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const template = new RegExp(`^/v2${path.replace(/\{\w+\}/g, "([^/]+)").replace(/\//g, "\\/")}$`);
  const values = template.exec(pathname)?.slice(1);
  if (!values) return undefined;
  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    params[name] = decodeURIComponent(values[index] as string);
  });
  for (const [name, value] of searchParams) {
    if (parameters.some((p) => p.in === "query" && p.name === name)) params[name] = value;
    else params[`?${name}`] = value; // undocumented: the schema's additionalProperties refuses it
  }
  return params;
}

/** Problems of a request's parameters (read off its URL) against the spec; `[]` when it conforms. */
export function validateRequestParams(operationId: string, url: string): string[] {
  const params = requestParams(operationId, url);
  if (!params) return [`${new URL(url).pathname} is not the path of ${operationId}`];
  const validate = paramValidators.get(operationId) ?? coercing.compile(paramsSchema(operationId));
  paramValidators.set(operationId, validate);
  return validate({ ...params }) ? [] : problems(validate);
}

/** Problems of parameters given as values (a caller's, before they are sent) against the spec; `[]` when they conform. */
export function validateParamValues(operationId: string, values: Record<string, unknown>): string[] {
  const validate = compile(paramsSchema(operationId));
  const defined = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  return validate(defined) ? [] : problems(validate);
}

/** Problems of a request body (parsed) against the spec's schema for its media type; `[]` when it conforms. */
export function validateRequest(operationId: string, contentType: string, body: unknown): string[] {
  const schema = requestSchema(operationId, contentType);
  if (!schema) return [`${operationId} documents no ${contentType} request body`];
  const validate = compile(schema);
  return validate(body) ? [] : problems(validate);
}

/** Problems of a response (status, media type, parsed body) against what the operation documents. */
export function validateResponse(operationId: string, status: number, contentType: string, body: unknown): string[] {
  const response = specOperationById(operationId).operation.responses[String(status)];
  if (!response) return [`status ${status} is not documented for ${operationId}`];
  if (!response.content) return body === "" ? [] : [`${operationId} ${status} documents no body`];
  const media = response.content[contentType];
  if (!media?.schema) return [`content type ${contentType} is not documented for ${operationId} ${status}`];
  const validate = compile(media.schema);
  return validate(body) ? [] : problems(validate);
}

/** Checks a Response: documented status, media type and body for the operation (the body read from a clone). */
export async function responseProblems(operationId: string, response: Response): Promise<string[]> {
  const contentType = response.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
  const text = await response.clone().text();
  if (text === "" && contentType === "") return validateResponse(operationId, response.status, "", "");
  const body = contentType === "application/json" ? JSON.parse(text) : text;
  return validateResponse(operationId, response.status, contentType, body);
}

/** The create's multipart body schema: the card's operation, as the older tests read it. */
export const validateRequestBody: ValidateFunction = compile(
  requestSchema("imGroupCreate", "multipart/form-data") ?? {},
);

/** Validates a create's response body (parsed) against the spec's schema for that status and content type. */
export function validateResponseBody(status: number, contentType: string, body: unknown): string[] {
  return validateResponse("imGroupCreate", status, contentType, body);
}

/**
 * A value of the schema built from the spec alone: its example where it states one, else the first enum value,
 * else the simplest value of its type; an object names every property, an array holds one item. What a
 * documented answer without an example carries when a test replays it.
 */
export function sampleOf(schema: JsonSchema | undefined): unknown {
  if (!schema) return {};
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, field]) => [name, sampleOf(field)]),
      );
    case "array":
      return [sampleOf(schema.items)];
    case "integer":
    case "number":
      return (schema.minimum as number | undefined) ?? 1;
    case "boolean":
      return false;
    default:
      if (schema.format === "date-time") return "2026-03-01T12:00:00Z";
      if (schema.format === "email") return "ada@example.com";
      return "x".repeat(Math.max(1, (schema.minLength as number | undefined) ?? 1));
  }
}

/** The body a Postman example request sends, typed by the spec ("false" → false). */
export function postmanRequestBody(response: PostmanResponse): Record<string, unknown> {
  const form = response.originalRequest?.body?.formdata ?? postmanItem.request.body.formdata;
  return fromFormFields(form.map((field) => [field.key, field.value ?? ""]));
}

/** Exactly what a documented Postman response serves: its status, headers and body. */
export function postmanFixture(response: PostmanResponse): Response {
  const headers = new Headers((response.header ?? []).map((h) => [h.key, h.value] as [string, string]));
  return new Response(response.body ?? "", { status: response.code, headers });
}

export function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .map((line) => line.replace(/<br>|\*\*[^*]*\*\*|`/g, "").trim())
      .filter(Boolean)
      .pop() ?? text
  );
}

const createFields = (requestSchema("imGroupCreate", "multipart/form-data")?.properties ?? {}) as Record<
  string,
  JsonSchema
>;

/** The most characters a group name may have, as the spec says: tests build their edge cases from it. */
export const NAME_MAX = createFields.name?.maxLength as number;

/**
 * Form fields read back as Zoom would, by the spec's field types ("true"/"false" become booleans); a value that
 * does not read as its type stays a string, so validation names it. `operationId` picks whose fields (the create's).
 */
export function fromFormFields(
  entries: Iterable<[string, FormDataEntryValue]>,
  operationId = "imGroupCreate",
): Record<string, unknown> {
  const fields = (requestSchema(operationId, "multipart/form-data")?.properties ?? {}) as Record<string, JsonSchema>;
  const body: Record<string, unknown> = {};
  for (const [name, entry] of entries) {
    const text = typeof entry === "string" ? entry : `[file ${entry.name}]`;
    const type = Object.hasOwn(fields, name) ? fields[name]?.type : undefined;
    if (type === "boolean") body[name] = text === "true" ? true : text === "false" ? false : text;
    else if ((type === "integer" || type === "number") && text.trim() !== "" && Number.isFinite(Number(text))) {
      body[name] = Number(text);
    } else body[name] = text;
  }
  return body;
}
