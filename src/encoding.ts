/** Request body encodings: multipart (the default) and JSON, each carrying exactly the fields that are set. */
import { createImGroupRequestSchema, type FieldSchema, type operation } from "./generated/spec.js";
import type { CreateImGroupBody } from "./types.js";

type SpecMediaType = (typeof operation.requestContentTypes)[number];

/** Each encoding's media type, one per request content type the spec declares (checked when compiling). */
export const mediaTypes = {
  /** What the Postman item sends; the default. */
  multipart: "multipart/form-data",
  /** What Zoom's Swagger files and current reference define. */
  json: "application/json",
} as const satisfies Record<string, SpecMediaType>;
// A content type the spec adds without an encoding here fails the build.
void (true satisfies Exclude<SpecMediaType, (typeof mediaTypes)[Encoding]> extends never ? true : never);

/** How the request body goes on the wire. */
export type Encoding = keyof typeof mediaTypes;
/** Every encoding the client can send: `multipart` and `json`. */
export const encodings: readonly Encoding[] = ["multipart", "json"];

/** A real FormData (the runtime encodes it, boundary and all): booleans as `true`/`false`, unset fields left out. */
export function toFormData(body: CreateImGroupBody): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value !== undefined) form.append(name, String(value));
  }
  return form;
}

const fields: Readonly<Partial<Record<string, FieldSchema>>> = createImGroupRequestSchema.properties;

/**
 * The inverse of `toFormData`, by the spec's field types ("true"/"false" become booleans); a value that does not
 * read as its type stays a string, so validation names it. Used by the mock server and the contract tests.
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
