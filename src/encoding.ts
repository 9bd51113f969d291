/**
 * Request body serializers. Multipart is what the Postman item documents and the default; JSON is what
 * Zoom's current reference declares. Both carry exactly the fields that are set.
 */
import type { operation } from "./generated/spec.js";
import type { CreateImGroupBody } from "./types.js";
import { requestFields } from "./validation.js";

type SpecMediaType = (typeof operation.requestContentTypes)[number];

/** Each encoding's media type, one per request content type the spec declares (checked when compiling). */
export const mediaTypes = {
  /** What the Postman item sends; the default. */
  multipart: "multipart/form-data",
  /** What Zoom's Swagger files and current reference define. */
  json: "application/json",
} as const satisfies Record<string, SpecMediaType>;
// A content type the spec adds without an encoding here fails the build.
const everySpecMediaType: Exclude<SpecMediaType, (typeof mediaTypes)[keyof typeof mediaTypes]> extends never
  ? true
  : never = true;
void everySpecMediaType;

/** How the request body goes on the wire. */
export type Encoding = keyof typeof mediaTypes;
/** Every encoding the client can send: `multipart` and `json`. */
export const encodings = Object.keys(mediaTypes) as readonly Encoding[];

/**
 * A real FormData. Booleans travel as `true`/`false`; unset fields are left out.
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

/** A request body as it goes on the wire, with the Content-Type that describes it. */
export interface EncodedBody {
  body: ArrayBuffer | string;
  contentType: string;
}

/**
 * The body encoded once per call and sent as-is by every attempt. Multipart is a real FormData encoded by
 * the runtime (`new Response(form)`): the bytes and the `multipart/form-data; boundary=…` Content-Type are
 * the runtime's own, exactly what `fetch(url, { body: form })` would send. Encoding it up front costs less
 * than letting fetch stream the FormData on every attempt (bench/overhead.ts), and a retry resends the
 * very same bytes.
 */
export async function encodeBody(body: CreateImGroupBody, encoding: Encoding): Promise<EncodedBody> {
  if (encoding === "json") return { body: toJson(body), contentType: mediaTypes.json };
  const encoded = new Response(toFormData(body));
  const contentType = encoded.headers.get("content-type");
  if (!contentType?.startsWith(mediaTypes.multipart)) {
    throw new TypeError(`this runtime encodes FormData as ${String(contentType)}, not multipart/form-data`);
  }
  return { body: await encoded.arrayBuffer(), contentType };
}

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
