/**
 * Reading an upstream description of this operation — OpenAPI 3.x, Swagger 2.0 (JSON or YAML) or a Postman
 * collection or single item — into one OpenAPI 3 operation, read the way Zoom's tools would read it:
 * - Swagger 2.0: an `in: body` parameter is a JSON body, whatever the file-wide `consumes` lists (Prism
 *   built from such a file answers 415 to multipart); `formData` parameters are a form body.
 * - Postman: a form key's type is its example's ("false" is a boolean), its enum the values its description
 *   names (`normal`, "can only be one of a,b,c"); a response's Zoom code is in its name.
 */
import { readFile } from "node:fs/promises";
import SwaggerParser from "@apidevtools/swagger-parser";
import { parse as parseYaml } from "yaml";
import type { JsonSchema, OperationObject, ResponseObject } from "./spec.ts";

export type UpstreamKind = "swagger2" | "openapi3" | "postman";
export interface Upstream {
  kind: UpstreamKind;
  title: string;
  /** How the operation was found: by operationId, by method and path, or by the Postman item's name or URL. */
  foundBy: string;
  method: string;
  path: string;
  operation: OperationObject;
}
export interface Target {
  operationId: string;
  method: string;
  path: string;
  summary: string;
}

export interface PostmanField {
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
    body?: { formdata?: PostmanField[] };
    url: { raw: string; path: string[] };
  };
}
export interface PostmanItem {
  name: string;
  request: {
    method: string;
    header?: { key: string; value: string }[];
    body: { mode: string; formdata: PostmanField[]; urlencoded?: PostmanField[]; raw?: string };
    url: { raw: string; path: string[] } | string;
    description?: string;
  };
  response: PostmanResponse[];
}

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json => !!value && typeof value === "object" && !Array.isArray(value);
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export async function loadUpstream(file: string, target: Target): Promise<Upstream> {
  let document: unknown;
  try {
    document = parseYaml(await readFile(file, "utf8")); // YAML is a superset of JSON
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  if (!isJson(document)) throw new Error(`${file} holds no object`);
  const info = (isJson(document.info) ? document.info : {}) as { title?: string; name?: string };
  const title = info.title ?? info.name ?? (document.name as string | undefined) ?? "(untitled)";
  if (document.request || Array.isArray(document.item))
    return { kind: "postman", title, ...fromPostman(document as unknown as PostmanFolder, target) };
  const openapi = typeof document.openapi === "string" && document.openapi.startsWith("3.");
  if (!openapi && document.swagger !== "2.0")
    throw new Error(`${file} is not OpenAPI 3.x, Swagger 2.0 or a Postman collection or item`);
  const dereferenced = (await SwaggerParser.dereference(structuredClone(document) as never)) as unknown as Json;
  const found = findOperation(dereferenced, target);
  return {
    kind: openapi ? "openapi3" : "swagger2",
    title,
    ...found,
    operation: openapi ? found.operation : fromSwagger2(found.operation as unknown as Swagger2Operation, document),
  };
}

function findOperation(document: Json, target: Target): Omit<Upstream, "kind" | "title"> {
  const operations: Omit<Upstream, "kind" | "title" | "foundBy">[] = [];
  for (const [path, item] of Object.entries(isJson(document.paths) ? document.paths : {}))
    for (const method of METHODS)
      if (isJson(item) && isJson(item[method]))
        operations.push({ path, method: method.toUpperCase(), operation: item[method] as OperationObject });
  const byId = operations.find(({ operation }) => operation.operationId === target.operationId);
  if (byId) return { ...byId, foundBy: `operationId ${target.operationId}` };
  // Without the id: the same method on the same path, a base path (`/v2`) allowed in front of it.
  const byRoute = operations.find(({ path, method }) => method === target.method && path.endsWith(target.path));
  if (byRoute) return { ...byRoute, foundBy: `${target.method} ${byRoute.path}` };
  throw new Error(
    `no operation ${target.operationId} and no ${target.method} ${target.path} among ${operations.length}`,
  );
}

interface Swagger2Operation {
  consumes?: string[];
  produces?: string[];
  parameters?: (JsonSchema & { in: string; name: string; schema?: JsonSchema; required?: boolean })[];
  responses: Record<string, { description: string; schema?: JsonSchema; headers?: Record<string, unknown> }>;
}

function fromSwagger2(operation: Swagger2Operation, document: Json): OperationObject {
  const consumes = operation.consumes ?? (document.consumes as string[] | undefined) ?? ["application/json"];
  const produces = operation.produces ?? (document.produces as string[] | undefined) ?? ["application/json"];
  const parameters = operation.parameters ?? [];
  const content: Record<string, { schema: JsonSchema }> = {};
  const body = parameters.find((parameter) => parameter.in === "body");
  const json = consumes.filter((type) => /[/+]json\b/.test(type));
  if (body?.schema)
    for (const type of json.length ? json : ["application/json"]) content[type] = { schema: body.schema };
  const form = parameters.filter((parameter) => parameter.in === "formData");
  const formSchema: JsonSchema = {
    type: "object",
    required: form.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    properties: Object.fromEntries(form.map(({ in: _, name, required: __, ...schema }) => [name, schema])),
  };
  if (form.length)
    for (const type of consumes.filter((t) => /form-data|urlencoded/.test(t))) content[type] = { schema: formSchema };
  const responses: Record<string, ResponseObject> = {};
  for (const [status, { schema, ...response }] of Object.entries(operation.responses))
    responses[status] = {
      ...response,
      ...(schema && { content: Object.fromEntries(produces.map((type) => [type, { schema }])) }),
    } as ResponseObject;
  return { ...(operation as unknown as OperationObject), requestBody: { content }, responses };
}

interface PostmanFolder {
  name?: string;
  item?: PostmanFolder[];
  request?: PostmanItem["request"];
}

/** The route a Postman item calls: its URL's path with the `{{baseUrl}}` variable left out. */
const pathOf = (item: PostmanItem) =>
  typeof item.request.url === "string"
    ? new URL(item.request.url.replace(/\{\{[^}]+\}\}/g, ""), "http://x").pathname
    : `/${item.request.url.path.join("/")}`;

/** The JSON type of a Postman example value: "true"/"false" are booleans, numerals numbers. */
function typed(value: string | undefined): unknown {
  if (value === "true" || value === "false") return value === "true";
  return value !== undefined && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
}

/** Enum values a Postman description names: backticked words and "one of a,b,c". */
function enumValuesIn(description = ""): string[] {
  const oneOf = /can only be one of ([^)]+)\)/.exec(description)?.[1]?.split(",") ?? [];
  return [
    ...new Set([...[...description.matchAll(/`([^`\s]+)`/g)].map((m) => m[1] ?? ""), ...oneOf.map((v) => v.trim())]),
  ];
}

function fieldSchema(field: PostmanField): JsonSchema {
  const example = typed(field.value);
  const values = enumValuesIn(field.description);
  return {
    type: typeof example === "undefined" ? "string" : typeof example,
    ...(field.description && { description: field.description }),
    ...(example !== undefined && { example }),
    ...(values.length > 1 && typeof example === "string" && { enum: [...new Set([...values, example])] }),
  };
}

function bodySchema(body: string | undefined): JsonSchema | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? "");
  } catch {
    return undefined;
  }
  if (!isJson(parsed)) return undefined;
  const properties = Object.fromEntries(
    Object.entries(parsed).map(([k, v]) => [k, { type: Array.isArray(v) ? "array" : typeof v }]),
  );
  return { type: "object", properties };
}

/** A Postman item as an OpenAPI 3 operation. */
export function postmanOperation(item: PostmanItem): OperationObject {
  const { body } = item.request;
  const content: Record<string, { schema: JsonSchema }> = {};
  const fields = body?.mode === "formdata" ? body.formdata : body?.mode === "urlencoded" ? body.urlencoded : undefined;
  const mediaType = {
    formdata: "multipart/form-data",
    urlencoded: "application/x-www-form-urlencoded",
    raw: "application/json",
  }[body?.mode ?? ""];
  const schema = fields
    ? { type: "object", properties: Object.fromEntries(fields.map((field) => [field.key, fieldSchema(field)])) }
    : bodySchema(body?.raw);
  if (mediaType) content[mediaType] = { schema: schema ?? {} };
  const responses: Record<string, ResponseObject> = {};
  for (const response of item.response ?? []) {
    const headers = response.header ?? [];
    const type = headers
      .find((h) => h.key.toLowerCase() === "content-type")
      ?.value.split(";")[0]
      ?.trim();
    const responseSchema = bodySchema(response.body);
    responses[String(response.code)] = {
      description: response.name,
      headers: Object.fromEntries(headers.map((header) => [header.key, {}])),
      ...(type && { content: { [type]: responseSchema ? { schema: responseSchema } : {} } }),
    };
  }
  return {
    operationId: "",
    summary: item.name,
    description: item.request.description,
    requestBody: { content },
    responses,
  };
}

function fromPostman(document: PostmanFolder, target: Target): Omit<Upstream, "kind" | "title"> {
  const items: PostmanItem[] = [];
  const walk = (node: PostmanFolder) => {
    if (node.request) items.push(node as PostmanItem);
    for (const child of node.item ?? []) walk(child);
  };
  walk(document);
  const byName = items.find((item) => item.name === target.summary);
  const item =
    byName ?? items.find((i) => i.request.method?.toUpperCase() === target.method && pathOf(i).endsWith(target.path));
  if (!item)
    throw new Error(`no item named "${target.summary}" and no ${target.method} …${target.path} among ${items.length}`);
  const foundBy = byName ? `Postman item "${target.summary}"` : `Postman item ${target.method} ${pathOf(item)}`;
  return { foundBy, method: item.request.method.toUpperCase(), path: pathOf(item), operation: postmanOperation(item) };
}
