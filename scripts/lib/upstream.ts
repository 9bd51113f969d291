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
import { type JsonSchema, type OperationObject, operationsOf, type ResponseObject } from "./spec.ts";

export type UpstreamKind = "swagger2" | "openapi3" | "postman";
/** An operation where it was found: by operationId, by method and path, or by the Postman item's name or URL. */
export interface Located {
  method: string;
  path: string;
  operation: OperationObject;
  foundBy?: string;
}

type Header = { key: string; value: string };
export type PostmanField = { key: string; value?: string; description?: string; type?: string };
interface PostmanRequest {
  method: string;
  header?: Header[];
  body: { mode: string; formdata: PostmanField[]; urlencoded?: PostmanField[]; raw?: string };
  url: { raw: string; path: string[] };
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

/** `ours`: the spec's operation, to find upstream's by its id, else by its route or (Postman) summary. */
export async function loadUpstream(file: string, ours: Located) {
  const document: unknown = parseYaml(await readFile(file, "utf8")); // YAML is a superset of JSON
  if (!isJson(document)) throw new Error(`${file} holds no object`);
  const info = (isJson(document.info) ? document.info : document) as { title?: string; name?: string };
  const title = info.title ?? info.name ?? "(untitled)";
  if (document.request || Array.isArray(document.item))
    return { kind: "postman" as UpstreamKind, title, ...fromPostman(document as PostmanItem, ours) };
  const openapi = String(document.openapi).startsWith("3.");
  if (!openapi && document.swagger !== "2.0") throw new Error(`${file} is not OpenAPI 3.x, Swagger 2.0 or Postman`);
  const found = findOperation((await SwaggerParser.dereference(structuredClone(document) as never)) as never, ours);
  if (!openapi) found.operation = fromSwagger2(found.operation as never, document);
  return { kind: (openapi ? "openapi3" : "swagger2") as UpstreamKind, title, ...found };
}

function findOperation(document: { paths?: Record<string, Record<string, OperationObject>> }, ours: Located): Located {
  const operations = operationsOf(document.paths);
  const { operationId } = ours.operation;
  const byId = operations.find(({ operation }) => operation.operationId === operationId);
  if (byId) return { ...byId, foundBy: `operationId ${operationId}` };
  // Without the id: the same method on the same path, a base path (`/v2`) allowed in front of it.
  const byRoute = operations.find(({ path, method }) => method === ours.method && path.endsWith(ours.path));
  if (byRoute) return { ...byRoute, foundBy: `${ours.method} ${byRoute.path}` };
  throw new Error(`no operation ${operationId} and no ${ours.method} ${ours.path} among ${operations.length}`);
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

/** The route a Postman item calls: its URL's path, the `{{baseUrl}}` variable left out. */
function pathOf({ request: { url } }: PostmanItem): string {
  if (typeof url === "string") return new URL((url as string).replace(/\{\{[^}]+\}\}/g, ""), "http://x").pathname;
  return `/${url.path.join("/")}`;
}

/** A JSON body's fields, typed by their values. */
function bodySchema(body: string | undefined): JsonSchema | undefined {
  try {
    const parsed: unknown = JSON.parse(body ?? "");
    const typeOf = (value: unknown) => ({ type: Array.isArray(value) ? "array" : typeof value });
    if (isJson(parsed))
      return {
        type: "object",
        properties: Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, typeOf(value)])),
      };
  } catch {}
  return undefined;
}

function fieldSchema({ value, description }: PostmanField): JsonSchema {
  const number = value?.trim() && Number.isFinite(Number(value)) ? Number(value) : undefined;
  const example = value === "true" || value === "false" ? value === "true" : (number ?? value);
  const oneOf = /can only be one of ([^)]+)\)/.exec(description ?? "")?.[1]?.split(",") ?? [];
  const named = [...(description ?? "").matchAll(/`([^`\s]+)`/g)].map((match) => match[1]);
  const values = new Set([...named, ...oneOf.map((v) => v.trim())]);
  return {
    type: example === undefined ? "string" : typeof example,
    ...(description && { description }),
    ...(example !== undefined && { example }),
    ...(values.size > 1 && typeof example === "string" && { enum: [...new Set([...values, example])] }),
  };
}

function fromPostman(document: PostmanItem, ours: Located): Located {
  const items: PostmanItem[] = [];
  const walk = (node: PostmanItem) => {
    if (node.request) items.push(node);
    for (const child of node.item ?? []) walk(child);
  };
  walk(document);
  const { summary } = ours.operation;
  const byName = items.find((item) => item.name === summary);
  const item =
    byName ?? items.find((i) => i.request.method?.toUpperCase() === ours.method && pathOf(i).endsWith(ours.path));
  if (!item) throw new Error(`no item named "${summary}" and no ${ours.method} …${ours.path} among ${items.length}`);
  const { body, method, description } = item.request;
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
  return {
    method: method.toUpperCase(),
    path: pathOf(item),
    foundBy: byName ? `Postman item "${summary}"` : `Postman item ${ours.method} ${pathOf(item)}`,
    operation: {
      operationId: "",
      summary: item.name,
      description,
      requestBody: { content: mediaType ? { [mediaType]: { schema: schema ?? {} } } : {} },
      responses,
    },
  };
}
