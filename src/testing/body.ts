/**
 * A create's body as the mock reads it: either media type the spec documents, at most MAX_BODY_BYTES, and
 * checked by the validator generated from the spec (src/generated/mock-validator.ts, Ajv), not by the
 * client's own: a bug in one shows against the other.
 */
import { patternMessages, validators } from "../generated/mock-validator.js";
import type { FieldError } from "./answers.js";

/** The largest body the mock reads, as a real API gateway would cap it. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const TOO_LARGE = `The body is larger than ${MAX_BODY_BYTES} bytes.`;

type MediaType = keyof typeof validators;

/** A body that could be read: its fields, its media type and which fields came as file parts. */
export interface ParsedBody {
  fields: Record<string, unknown>;
  mediaType: MediaType;
  files: string[];
}

/** The body, or why it could not be read, as an HTTP status. */
export type ReadBody = ParsedBody | { status: 400 | 413 | 415; message: string };

export async function readBody(request: Request): Promise<ReadBody> {
  if (Number(request.headers.get("content-length")) > MAX_BODY_BYTES) return { status: 413, message: TOO_LARGE };
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) return { status: 413, message: TOO_LARGE };
  const contentType = request.headers.get("content-type") ?? "";
  // Media types are case-insensitive (RFC 9110): `Application/JSON` is JSON.
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!Object.hasOwn(validators, mediaType)) {
    const accepted = Object.keys(validators).join(" or ");
    return { status: 415, message: `Unsupported content type ${JSON.stringify(contentType)}: send ${accepted}.` };
  }
  const known = mediaType as MediaType;
  // Zoom's gateway refuses bytes that are not UTF-8; decoding them to U+FFFD would create a name nobody sent.
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { status: 400, message: "The body is not UTF-8 text." };
  }
  if (known.endsWith("json")) {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === "object" && !Array.isArray(value)) {
        return { fields: value as Record<string, unknown>, mediaType: known, files: [] };
      }
      return { status: 400, message: "The JSON body must be an object." };
    } catch {
      return { status: 400, message: "Malformed JSON body." };
    }
  }
  try {
    const parameters = contentType.slice(contentType.indexOf(";") >>> 0);
    const form = await new Response(bytes, { headers: { "content-type": `${known}${parameters}` } }).formData();
    const entries = [...form];
    // fromEntries defines own properties: a field named `__proto__` is a field like any other.
    const fields = Object.fromEntries(
      entries.map(([name, value]) => [name, typeof value === "string" ? value : `[file ${value.name}]`]),
    );
    const files = entries.filter(([, value]) => typeof value !== "string").map(([name]) => name);
    return { fields, mediaType: known, files };
  } catch {
    return { status: 400, message: `Malformed ${known} body.` };
  }
}

/**
 * How the fields break the spec, one error per field (Ajv's message; the spec's `x-pattern-message` for a
 * pattern). A form's text is coerced to the schema's types in place ("true" → true). A file part is not
 * text: Zoom would refuse `-F name=@groups.csv`.
 */
export function fieldErrors({ fields, mediaType, files }: ParsedBody): FieldError[] {
  const errors = new Map<string, string>(files.map((field) => [field, "must be text, not a file"]));
  const validate = validators[mediaType];
  const problems = validate(fields) ? [] : (validate.errors ?? []);
  for (const { params, instancePath, keyword, message } of problems) {
    const field = String(params.missingProperty ?? params.additionalProperty ?? (instancePath.slice(1) || "(body)"));
    if (!errors.has(field)) errors.set(field, (keyword === "pattern" && patternMessages[field]) || message || keyword);
  }
  return [...errors].map(([field, message]) => ({ field, message }));
}
