/**
 * Loading the spec for scripts and tests: one place that parses, validates and dereferences it, so every
 * consumer (codegen, drift checks, contract tests) sees the same document.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const defaultSpecPath = resolve(repoRoot, "spec/zoom-im-groups.openapi.yaml");
export const postmanItemPath = resolve(repoRoot, "spec/postman/create-im-group.postman.json");
export const generatedDir = resolve(repoRoot, "src/generated");

// Loose shapes: the validator has already proved the document is OpenAPI; these name what we read.
export type JsonSchema = Record<string, unknown> & {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  description?: string;
  items?: JsonSchema;
  maxItems?: number;
  maximum?: number;
  pattern?: string;
  "x-pattern-message"?: string;
  "x-enumDescriptions"?: Record<string, string>;
};
export interface MediaType {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
export interface ResponseObject {
  description: string;
  headers?: Record<string, { description?: string; required?: boolean; schema?: JsonSchema }>;
  content?: Record<string, MediaType>;
  /** One Zoom code, or a list when one status documents several. */
  "x-zoom-error-code"?: number | number[];
}
export interface OperationObject {
  operationId: string;
  summary?: string;
  parameters?: unknown[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
  "x-zoom-scopes"?: string[];
  "x-zoom-granular-scopes"?: string[];
  "x-zoom-rate-limit-label"?: string;
  [key: string]: unknown;
}
export interface SpecDocument {
  openapi: string;
  info?: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, { description?: string }> };
}

/**
 * The spec (a YAML file, or a document already parsed) validated, with the parser's own message when it is
 * not valid, and dereferenced.
 */
export const loadSpec = async (spec: string | object = defaultSpecPath) =>
  (await SwaggerParser.validate(spec as never)) as unknown as SpecDocument;

export const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
/** Every operation of a document's `paths`, its method upper-cased, with its path item (shared parameters). */
export const operationsOf = (paths: Record<string, Record<string, OperationObject>> = {}) =>
  Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        path,
        method: method.toUpperCase(),
        operation,
        item: item as { parameters?: unknown[] },
      })),
  );

/** The operation with this operationId (the create, by default); a spec without it is an error. */
export function operationById(spec: SpecDocument, operationId = "imGroupCreate") {
  const found = operationsOf(spec.paths).find(({ operation }) => operation.operationId === operationId);
  if (!found) throw new Error(`spec: no operation ${operationId}`);
  return found;
}
