/** Request body encodings: multipart (the default) and JSON, each carrying exactly the fields that are set. */
import type { operations } from "./generated/operations.js";

type SpecMediaType = (typeof operations)[keyof typeof operations]["requestContentTypes"][number];

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

/**
 * A real FormData (the runtime encodes it, boundary and all): booleans as `true`/`false`, a list as one part per
 * item under its name, unset fields left out. (The generator refuses a form whose fields hold objects.)
 */
export function toFormData(body: unknown): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body as Record<string, unknown>))
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) form.append(name, String(item));
  return form;
}
