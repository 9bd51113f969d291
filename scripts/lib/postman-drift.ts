/**
 * Does the spec still say everything the Postman item says? Every form key, its description, every enum
 * value the descriptions name, every example value's type, and every documented response (with its Zoom
 * error code) must be in the spec. Returns the problems; empty means no drift.
 */
import type { JsonSchema, SpecDocument } from "./spec.ts";
import { theOperation } from "./spec.ts";

export interface PostmanFormField {
  key: string;
  value?: string;
  description?: string;
  type?: string;
}
export interface PostmanResponse {
  name: string;
  code: number;
  header?: { key: string; value: string }[];
  body?: string;
  originalRequest?: {
    method: string;
    header?: { key: string; value: string }[];
    body?: { mode: string; formdata?: PostmanFormField[] };
    url: { raw: string; path: string[] };
  };
}
export interface PostmanItem {
  name: string;
  request: {
    method: string;
    header?: { key: string; value: string }[];
    body: { mode: string; formdata: PostmanFormField[] };
    url: { raw: string; path: string[] };
    description?: string;
  };
  response: PostmanResponse[];
}

const normalize = (text: string) => text.replace(/\s+/g, " ").trim();

/** The Zoom error code a Postman response names ("**Error Code:** `4130`"), if any. */
export function postmanZoomCode(response: PostmanResponse): number | undefined {
  const match = /\*\*Error Code:\*\*\s*`(\d+)`/.exec(response.name);
  return match?.[1] ? Number(match[1]) : undefined;
}

/** The JSON type a Postman form value reads as: "true"/"false" are booleans, numerals numbers. */
export function postmanValueType(value: string): "boolean" | "number" | "string" {
  if (value === "true" || value === "false") return "boolean";
  if (value.trim() !== "" && Number.isFinite(Number(value))) return "number";
  return "string";
}

/** Enum values a Postman description names: backticked words and "one of a,b,c". */
export function enumValuesIn(description: string): string[] {
  const values = new Set<string>();
  for (const match of description.matchAll(/`([^`\s]+)`/g)) if (match[1]) values.add(match[1]);
  for (const oneOf of description.matchAll(/can only be one of ([^)]+)\)/g)) {
    for (const value of oneOf[1]?.split(",") ?? []) if (value.trim()) values.add(value.trim());
  }
  return [...values];
}

export function findPostmanDrift(item: PostmanItem, spec: SpecDocument): string[] {
  const problems: string[] = [];
  const { path, method, operation } = theOperation(spec);
  if (item.request.method.toUpperCase() !== method) {
    problems.push(`method: the item uses ${item.request.method}, the spec ${method}`);
  }
  const itemPath = `/${item.request.url.path.join("/")}`;
  if (itemPath !== path) problems.push(`path: the item uses ${itemPath}, the spec ${path}`);

  const multipart = operation.requestBody.content["multipart/form-data"]?.schema;
  if (item.request.body.mode === "formdata" && !multipart) {
    problems.push("request body: the item sends multipart/form-data, the spec does not declare it");
  }
  const properties: Record<string, JsonSchema> = multipart?.properties ?? {};
  for (const field of item.request.body.formdata) {
    const schema = properties[field.key];
    if (!schema) {
      problems.push(`form key ${field.key}: in the item, not in the spec's request schema`);
      continue;
    }
    if (field.description && !normalize(schema.description ?? "").includes(normalize(field.description))) {
      problems.push(
        `form key ${field.key}: the spec's description does not contain the item's ("${field.description}")`,
      );
    }
    for (const value of enumValuesIn(field.description ?? "")) {
      if (!schema.enum?.includes(value))
        problems.push(`form key ${field.key}: enum value ${value} is missing from the spec`);
    }
    if (field.value !== undefined) {
      const itemType = postmanValueType(field.value);
      const specType = schema.type === "integer" ? "number" : schema.type;
      if (itemType !== specType) {
        problems.push(
          `form key ${field.key}: the item's example "${field.value}" is a ${itemType}, the spec says ${schema.type}`,
        );
      }
      if (schema.enum && !schema.enum.includes(field.value)) {
        problems.push(`form key ${field.key}: the item's example "${field.value}" is not in the spec's enum`);
      }
    }
  }

  for (const response of item.response) {
    const documented = operation.responses[String(response.code)];
    if (!documented) {
      problems.push(`response ${response.code}: documented by the item, missing from the spec`);
      continue;
    }
    const code = postmanZoomCode(response);
    if (code !== undefined && documented["x-zoom-error-code"] !== code) {
      problems.push(
        `response ${response.code}: the item names Zoom code ${code}, the spec x-zoom-error-code ${documented["x-zoom-error-code"]}`,
      );
    }
    for (const header of response.header ?? []) {
      if (header.key.toLowerCase() === "content-type") {
        const type = header.value.split(";")[0]?.trim() ?? "";
        if (!documented.content?.[type])
          problems.push(`response ${response.code}: content type ${type} is not in the spec`);
      } else if (
        !Object.keys(documented.headers ?? {}).some((name) => name.toLowerCase() === header.key.toLowerCase())
      ) {
        problems.push(`response ${response.code}: header ${header.key} is not in the spec`);
      }
    }
  }
  return problems;
}
