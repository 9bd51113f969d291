/**
 * Reading an upstream description — OpenAPI 3.x, Swagger 2.0 (JSON or YAML) or a Postman collection or single
 * item — into OpenAPI 3 operations, every one the file holds, each read the way Zoom's tools would read it:
 * - Swagger 2.0: an `in: body` parameter is a JSON body, whatever the file-wide `consumes` lists (Prism
 *   built from such a file answers 415 to multipart); `formData` parameters are a form body.
 * - Postman: a form key's type is its example's ("false" is a boolean), its enum the values its description
 *   names (`normal`, "can only be one of a,b,c"); a response's Zoom code is in its name.
 * Each operation carries its tags (a Postman request: the names of the folders it is in); the tags a file uses
 * are the families it describes (spec:compare expects those of the spec's operations only).
 */
import { readFile } from "node:fs/promises";
import SwaggerParser from "@apidevtools/swagger-parser";
import { parse as parseYaml } from "yaml";
import type { ParameterObject } from "./compare.ts";
import { type JsonSchema, type OperationObject, operationsOf, type ResponseObject } from "./spec.ts";

export type UpstreamKind = "swagger2" | "openapi3" | "postman";
/** An operation of a file: its method and path (`{name}` for a path parameter), with its path and query parameters. */
export interface Located {
  method: string;
  path: string;
  operation: OperationObject;
  /** The path item's parameters, then the operation's (which win by name and place). */
  parameters: ParameterObject[];
  /** Its tags; a Postman request's are the names of the folders it is in, outermost first. */
  tags: string[];
}

type Header = { key: string; value: string };
export type PostmanField = { key: string; value?: string; description?: string; type?: string };
interface PostmanRequest {
  method: string;
  header?: Header[];
  body: { mode: string; formdata: PostmanField[]; urlencoded?: PostmanField[]; raw?: string };
  url: { raw: string; path: string[]; query?: PostmanField[] };
  description?: string;
}
export type PostmanResponse = {
  name: string;
  code: number;
  header?: Header[];
  body?: string;
  originalRequest?: PostmanRequest;
};
export type PostmanItem = { name: string; request: PostmanRequest; response: PostmanResponse[]; item?: PostmanItem[] };

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json => !!value && typeof value === "object" && !Array.isArray(value);
const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : undefined);
const isString = (value: unknown): value is string => typeof value === "string";

export interface Upstream {
  kind: UpstreamKind;
  title: string;
  operations: Located[];
  /** Every tag the file declares (an OpenAPI or Swagger file's root `tags`) or gives an operation. */
  tags: string[];
}

/** Every operation of an upstream file, with the file's kind, title and tags. */
export async function loadUpstream(file: string): Promise<Upstream> {
  const document: unknown = parseYaml(await readFile(file, "utf8")); // YAML is a superset of JSON
  if (!isJson(document)) throw new Error(`${file} holds no object`);
  const info = (isJson(document.info) ? document.info : document) as { title?: string; name?: string };
  const title = info.title ?? info.name ?? "(untitled)";
  const tagsOf = (operations: Located[], declared: unknown = []) => [
    ...new Set([
      ...(Array.isArray(declared) ? declared : []).map((tag: { name?: unknown }) => tag?.name).filter(isString),
      ...operations.flatMap((operation) => operation.tags),
    ]),
  ];
  if (document.request || Array.isArray(document.item)) {
    const operations = fromPostman(document as PostmanItem);
    return { kind: "postman", title, operations, tags: tagsOf(operations) };
  }
  const openapi = String(document.openapi).startsWith("3.");
  if (!openapi && document.swagger !== "2.0") throw new Error(`${file} is not OpenAPI 3.x, Swagger 2.0 or Postman`);
  const dereferenced = (await SwaggerParser.dereference(structuredClone(document) as never)) as unknown as {
    paths?: Record<string, Record<string, OperationObject>>;
  };
  const operations = operationsOf(dereferenced.paths).map(({ method, path, operation, item }) => ({
    method,
    path,
    operation: openapi ? operation : fromSwagger2(operation as never, document),
    parameters: mergeParameters(item.parameters, operation.parameters),
    tags: (list(operation.tags) ?? []).filter(isString),
  }));
  return { kind: openapi ? "openapi3" : "swagger2", title, operations, tags: tagsOf(operations, document.tags) };
}

/** Path-level parameters, then the operation's (which win by name and place); only path and query ones. */
export function mergeParameters(...lists: unknown[]): ParameterObject[] {
  const merged = new Map<string, ParameterObject>();
  for (const list of lists)
    for (const p of (list as ParameterObject[] | undefined) ?? []) merged.set(`${p.in}:${p.name}`, p);
  return [...merged.values()].filter((p) => p.in === "path" || p.in === "query");
}

type Parameter = JsonSchema & { in: string; name: string; schema?: JsonSchema; required?: boolean };
type Swagger2Response = ResponseObject & { schema?: JsonSchema };

function fromSwagger2(operation: Json & { parameters?: Parameter[] }, document: Json): OperationObject {
  const consumes = list(operation.consumes) ?? list(document.consumes) ?? ["application/json"];
  const produces = list(operation.produces) ?? list(document.produces) ?? ["application/json"];
  const parameters = operation.parameters ?? [];
  const content: Record<string, { schema: JsonSchema }> = {};
  const body = parameters.find((parameter) => parameter.in === "body")?.schema;
  const json = consumes.filter((type) => /[/+]json\b/.test(type));
  if (body) for (const type of json.length ? json : ["application/json"]) content[type] = { schema: body };
  const form = parameters.filter((parameter) => parameter.in === "formData");
  const properties = Object.fromEntries(form.map(({ in: _, name, required: __, ...schema }) => [name, schema]));
  const required = form.filter((parameter) => parameter.required).map((parameter) => parameter.name);
  if (form.length)
    for (const type of consumes.filter((t) => /form-data|urlencoded/.test(t)))
      content[type] = { schema: { type: "object", properties, required } };
  const responses: Record<string, ResponseObject> = {};
  for (const [status, { schema, ...response }] of Object.entries(
    operation.responses as Record<string, Swagger2Response>,
  ))
    responses[status] = schema
      ? { ...response, content: Object.fromEntries(produces.map((t) => [t, { schema }])) }
      : response;
  return { ...(operation as OperationObject), requestBody: { content }, responses };
}

/** The route a Postman item calls: its URL's path, the `{{baseUrl}}` variable left out, `:name` as `{name}`. */
function pathOf({ request: { url } }: PostmanItem): string {
  const path =
    typeof url === "string"
      ? new URL((url as string).replace(/\{\{[^}]+\}\}/g, ""), "http://x").pathname
      : `/${url.path.join("/")}`;
  return path.replace(/\/:(\w+)/g, "/{$1}");
}

/** A JSON body's fields, typed by their values (a list by its first item, an object by its fields). */
function bodySchema(body: string | undefined): JsonSchema | undefined {
  try {
    const parsed: unknown = JSON.parse(body ?? "");
    if (isJson(parsed)) return schemaOf(parsed);
  } catch {}
  return undefined;
}

function schemaOf(value: unknown): JsonSchema {
  if (Array.isArray(value)) return { type: "array", ...(value.length > 0 && { items: schemaOf(value[0]) }) };
  if (isJson(value))
    return {
      type: "object",
      properties: Object.fromEntries(Object.entries(value).map(([key, item]) => [key, schemaOf(item)])),
    };
  return { type: Number.isInteger(value) ? "integer" : typeof value };
}

function fieldSchema({ value, description }: PostmanField): JsonSchema {
  const number = value?.trim() && Number.isFinite(Number(value)) ? Number(value) : undefined;
  const example = value === "true" || value === "false" ? value === "true" : (number ?? value);
  const oneOf = /can only be one of ([^)]+)\)/.exec(description ?? "")?.[1]?.split(",") ?? [];
  const named = [...(description ?? "").matchAll(/`([^`\s]+)`/g)].map((match) => match[1]);
  const values = new Set([...named, ...oneOf.map((v) => v.trim())]);
  return {
    type: example === undefined ? "string" : Number.isInteger(example) ? "integer" : typeof example,
    ...(description && { description }),
    ...(example !== undefined && { example }),
    ...(values.size > 1 && typeof example === "string" && { enum: [...new Set([...values, example])] }),
  };
}

/** Every request of a collection (or the one item), folders walked in order, each tagged with its folders. */
function fromPostman(document: PostmanItem): Located[] {
  const items: Located[] = [];
  const walk = (node: PostmanItem, folders: string[]) => {
    if (node.request) items.push(fromPostmanItem(node, folders));
    // The collection itself has no name (its title is in `info`): only folders tag what they hold.
    const inside = node.item && node !== document ? [...folders, node.name] : folders;
    for (const child of node.item ?? []) walk(child, inside);
  };
  walk(document, []);
  return items;
}

function fromPostmanItem(item: PostmanItem, tags: string[]): Located {
  const { body, method, description, url } = item.request;
  const fields = body?.mode === "formdata" ? body.formdata : body?.mode === "urlencoded" ? body.urlencoded : undefined;
  const schema = fields
    ? { type: "object", properties: Object.fromEntries(fields.map((field) => [field.key, fieldSchema(field)])) }
    : bodySchema(body?.raw);
  const mediaType = {
    formdata: "multipart/form-data",
    urlencoded: "application/x-www-form-urlencoded",
    raw: "application/json",
  }[body?.mode ?? ""];
  const responses: Record<string, ResponseObject> = {};
  for (const { code, name, header = [], body: text } of item.response ?? []) {
    const contentType = header.find((h) => h.key.toLowerCase() === "content-type")?.value;
    const type = contentType?.split(";")[0]?.trim();
    const responseSchema = bodySchema(text);
    const content = type ? { [type]: responseSchema ? { schema: responseSchema } : {} } : undefined;
    responses[String(code)] = {
      description: name,
      headers: Object.fromEntries(header.map((h) => [h.key, {}])),
      ...(content && { content }),
    };
  }
  const path = pathOf(item);
  // A path variable is a required string; a query key is typed by its example, as a form key is.
  const parameters: ParameterObject[] = [
    ...[...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1] as string,
      in: "path",
      required: true,
      schema: { type: "string" },
    })),
    ...(typeof url === "string" ? [] : (url.query ?? [])).map((field) => {
      const { description: _, example: __, ...schema } = fieldSchema(field);
      return { name: field.key, in: "query", schema };
    }),
  ];
  return {
    method: method.toUpperCase(),
    path,
    parameters,
    tags,
    operation: {
      operationId: "",
      summary: item.name,
      description,
      requestBody: { content: mediaType ? { [mediaType]: { schema: schema ?? {} } } : {} },
      responses,
    },
  };
}
