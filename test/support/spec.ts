/**
 * The spec and the Postman item as tests see them, and Ajv validators compiled from the spec: an
 * independent check of what the client's own validator and the mock claim.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { loadSpec, operationById, postmanItemPath } from "../../scripts/lib/spec.ts";
import type { PostmanItem, PostmanResponse } from "../../scripts/lib/upstream.ts";
import { createImGroupRequestSchema, type FieldSchema } from "../../src/spec.ts";

export const spec = await loadSpec();
export const { operation: specOperation } = operationById(spec);
export const postmanItem = JSON.parse(readFileSync(postmanItemPath, "utf8")) as PostmanItem;

// OpenAPI 3.0 schemas carry `example` and `description`, which Ajv's strict mode would refuse.
const ajv = new Ajv({ strict: false, allErrors: true });
const requestSchema = specOperation.requestBody?.content["multipart/form-data"]?.schema;
export const validateRequestBody: ValidateFunction = ajv.compile(requestSchema ?? {});

/** Validates a response body (parsed) against the spec's schema for that status and content type. */
export function validateResponseBody(status: number, contentType: string, body: unknown): string[] {
  const response = specOperation.responses[String(status)];
  if (!response) return [`status ${status} is not documented`];
  const media = response.content?.[contentType];
  if (!media?.schema) return [`content type ${contentType} is not documented for ${status}`];
  const validate = ajv.compile(media.schema);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message}`);
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

const fields: Readonly<Partial<Record<string, FieldSchema>>> = createImGroupRequestSchema.properties;

/** The most characters a group name may have, as the spec says: tests build their edge cases from it. */
export const NAME_MAX = createImGroupRequestSchema.properties.name.maxLength as number;

/**
 * Form fields read back as Zoom would, by the spec's field types ("true"/"false" become booleans); a value that
 * does not read as its type stays a string, so validation names it.
 */
export function fromFormFields(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, entry] of entries) {
    const text = typeof entry === "string" ? entry : `[file ${entry.name}]`;
    const type = fields[name]?.type;
    if (type === "boolean") body[name] = text === "true" ? true : text === "false" ? false : text;
    else if ((type === "integer" || type === "number") && text.trim() !== "" && Number.isFinite(Number(text))) {
      body[name] = Number(text);
    } else body[name] = text;
  }
  return body;
}
