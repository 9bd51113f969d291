/** Request body encodings: multipart (the default) and JSON, each carrying exactly the fields that are set. */
import type { operation } from "./generated/spec.js";
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
export const encodings = Object.keys(mediaTypes) as readonly Encoding[];

/** A real FormData (the runtime encodes it, boundary and all): booleans as `true`/`false`, unset fields left out. */
export function toFormData(body: CreateImGroupBody): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value !== undefined) form.append(name, String(value));
  }
  return form;
}
