/**
 * A request's body as the mock reads it: a media type the operation documents, at most MAX_BODY_BYTES, and
 * checked by the validators generated from the spec (src/generated/validators.ts); the client checks with the
 * same code before sending, and the tests keep an independent Ajv of their own over the spec.
 */
import { type OperationId, operations, type Schema } from "../generated/operations.js";
import { type Validator, validators } from "../generated/validators.js";
import type { FieldError } from "./answers.js";

/** The largest body the mock reads, as a real API gateway would cap it. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const TOO_LARGE = `The body is larger than ${MAX_BODY_BYTES} bytes.`;

/** A body that could be read: its fields, its media type and which fields came as file parts. */
export interface ParsedBody {
  fields: Record<string, unknown>;
  mediaType: string;
  files: string[];
}

/** The body, or why it could not be read, as an HTTP status. */
export type ReadBody = ParsedBody | { status: 400 | 413 | 415; message: string };

export async function readBody(request: Request, operationId: OperationId): Promise<ReadBody> {
  const byType = validators[operationId].request as Readonly<Record<string, Validator>>;
  if (Number(request.headers.get("content-length")) > MAX_BODY_BYTES) return { status: 413, message: TOO_LARGE };
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) return { status: 413, message: TOO_LARGE };
  const contentType = request.headers.get("content-type") ?? "";
  // Media types are case-insensitive (RFC 9110): `Application/JSON` is JSON.
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!Object.hasOwn(byType, mediaType)) {
    const accepted = Object.keys(byType).join(" or ");
    return { status: 415, message: `Unsupported content type ${JSON.stringify(contentType)}: send ${accepted}.` };
  }
  const known = mediaType;
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
    // A name sent more than once is a list (one part per item); fromEntries defines own properties, so a
    // field named `__proto__` is a field like any other.
    const text = (value: FormDataEntryValue) => (typeof value === "string" ? value : `[file ${value.name}]`);
    const fields = Object.fromEntries(
      [...new Set(entries.map(([name]) => name))].map((name) => {
        const values = form.getAll(name).map(text);
        return [name, values.length === 1 ? values[0] : values];
      }),
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
export function fieldErrors({ fields, mediaType, files }: ParsedBody, operationId: OperationId): FieldError[] {
  const errors = new Map<string, string>(files.map((field) => [field, "must be text, not a file"]));
  const validate = (validators[operationId].request as Readonly<Record<string, Validator>>)[mediaType];
  const schema = (operations[operationId] as { requestSchema?: Schema }).requestSchema;
  const found = validate ? schemaErrors(validate, fields, schema).filter(({ field }) => !errors.has(field)) : [];
  return [...[...errors].map(([field, message]) => ({ field, message })), ...found];
}

/** Ajv's errors as Zoom's `{field, message}`, one per field; the spec's `x-pattern-message` for a pattern. */
export function schemaErrors(validate: Validator, value: unknown, schema: Schema | undefined): FieldError[] {
  const errors = new Map<string, string>();
  const problems = validate(value) ? [] : (validate.errors ?? []);
  for (const { params, instancePath, keyword, message } of problems) {
    const path = instancePath.slice(1).replace(/\//g, ".");
    const name = params.missingProperty ?? params.additionalProperty;
    const field = name === undefined ? path || "(body)" : path ? `${path}.${String(name)}` : String(name);
    const own = keyword === "pattern" ? schema?.properties?.[path]?.patternMessage : undefined;
    if (!errors.has(field)) errors.set(field, own || message || keyword);
  }
  return [...errors].map(([field, message]) => ({ field, message }));
}
