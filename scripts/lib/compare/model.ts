/**
 * One operation, reduced to what its users depend on: the request's media types and fields with their
 * rules, and each documented response with its Zoom code, headers, content types and (2xx) body fields.
 * Our spec and every upstream description are compared in this one shape.
 */
import type { JsonSchema, OperationObject } from "../spec.ts";

export interface FieldModel {
  type: string | undefined;
  enum: string[] | undefined;
  default: unknown;
  required: boolean;
  description: string | undefined;
  example: unknown;
  /** Every other keyword of the field (maxLength, pattern, format…), by name. */
  rules: Record<string, unknown>;
}

export interface ResponseModel {
  zoomCode: number | undefined;
  description: string;
  contentTypes: string[];
  /** Header names, lower case (Content-Type, which converters add, left out). */
  headers: string[];
  /** The body's fields and their types (from the first JSON content type with properties). */
  bodyFields: Record<string, string | undefined>;
}

export interface OperationModel {
  summary: string | undefined;
  description: string | undefined;
  mediaTypes: string[];
  fields: Record<string, FieldModel>;
  /** false when the request schema says `additionalProperties: false`. */
  additionalProperties: boolean;
  responses: Record<string, ResponseModel>;
}

const DESCRIPTIVE = new Set(["type", "enum", "default", "description", "example", "examples", "title"]);

/** Zoom writes its error code in the response description ("**Error Code:** `4130`") or `x-zoom-error-code`. */
export function zoomCodeOf(response: { description?: string; "x-zoom-error-code"?: number }): number | undefined {
  if (typeof response["x-zoom-error-code"] === "number") return response["x-zoom-error-code"];
  const match = /Error Code:\**\s*`?(\d+)`?/i.exec(response.description ?? "");
  return match?.[1] ? Number(match[1]) : undefined;
}

export function modelOf(operation: OperationObject): OperationModel {
  const content = operation.requestBody?.content ?? {};
  const schema = (content["application/json"]?.schema ?? Object.values(content)[0]?.schema ?? {}) as JsonSchema;
  const required = new Set(schema.required ?? []);
  const fields: Record<string, FieldModel> = {};
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const rules: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(field)) {
      if (!DESCRIPTIVE.has(key) && !key.startsWith("x-")) rules[key] = value;
    }
    fields[name] = {
      type: field.type,
      enum: field.enum?.map(String),
      default: field.default,
      required: required.has(name),
      description: field.description?.trim(),
      example: field.example,
      rules,
    };
  }
  const responses: Record<string, ResponseModel> = {};
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const bodyFields: Record<string, string | undefined> = {};
    const json = Object.entries(response.content ?? {}).find(
      ([type, media]) => /json/.test(type) && media.schema?.properties,
    );
    for (const [name, field] of Object.entries(json?.[1].schema?.properties ?? {})) bodyFields[name] = field.type;
    responses[status] = {
      zoomCode: zoomCodeOf(response),
      description: (response.description ?? "").trim(),
      contentTypes: Object.keys(response.content ?? {}).sort(),
      headers: Object.keys(response.headers ?? {})
        .map((name) => name.toLowerCase())
        .filter((name) => name !== "content-type")
        .sort(),
      bodyFields,
    };
  }
  return {
    summary: operation.summary?.trim(),
    description: typeof operation.description === "string" ? operation.description.trim() : undefined,
    mediaTypes: Object.keys(content).sort(),
    fields,
    additionalProperties: schema.additionalProperties !== false,
    responses,
  };
}
