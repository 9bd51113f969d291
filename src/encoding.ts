/**
 * Request body serializers. Multipart is what the Postman item documents and the default; JSON is what
 * Zoom's current reference declares. Both carry exactly the fields that are set.
 */
import type { CreateImGroupBody } from "./types.js";
import { requestFields } from "./validation.js";

/** How the request body goes on the wire. */
export type Encoding = "multipart" | "json";
export const encodings: readonly Encoding[] = ["multipart", "json"];

/**
 * A real FormData: the runtime writes the Content-Type with its boundary (openapi-fetch drops its own
 * header for FormData bodies). Booleans travel as `true`/`false`; unset fields are left out.
 */
export function toFormData(body: CreateImGroupBody): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value !== undefined) form.append(name, String(value));
  }
  return form;
}

export function toJson(body: CreateImGroupBody): string {
  return JSON.stringify(body);
}

export const bodySerializers: Record<Encoding, (body: CreateImGroupBody) => FormData | string> = {
  multipart: toFormData,
  json: toJson,
};

/**
 * The inverse of `toFormData`: form fields back into typed values, driven by the spec's field types
 * ("true"/"false" become booleans). A value that does not read as its type stays a string, so validation
 * names it. Used by the mock server and the contract tests.
 */
export function fromFormFields(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const types = new Map(requestFields.map(([name, field]) => [name, field.type]));
  const body: Record<string, unknown> = {};
  for (const [name, entry] of entries) {
    const text = typeof entry === "string" ? entry : `[file ${entry.name}]`;
    body[name] = coerce(types.get(name), text);
  }
  return body;
}

function coerce(type: string | undefined, text: string): unknown {
  if (type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  if ((type === "integer" || type === "number") && text.trim() !== "" && Number.isFinite(Number(text))) {
    return Number(text);
  }
  return text;
}
