/**
 * Reading an upstream description of this operation — Swagger 2.0, OpenAPI 3.x (JSON or YAML) or a Postman
 * collection v2.x — into an OpenAPI 3 operation. Conversion is left to maintained libraries
 * (swagger2openapi, @readme/postman-to-openapi); what they cannot know is added here, each in one place:
 * - Swagger 2.0: an `in: body` parameter defines a JSON body; the file-wide `consumes` list does not make
 *   it multipart (Prism answers 415). The converter copies every `consumes` type, so the request's media
 *   types are taken from the parameters instead.
 * - Postman: the converter drops Zoom's codes (in the response names) and the enum values (in the field
 *   descriptions); they are read from the item as check:postman reads the vendored one.
 */
import { readFile } from "node:fs/promises";
import SwaggerParser from "@apidevtools/swagger-parser";
import postmanToOpenApi from "@readme/postman-to-openapi";
import swagger2openapi from "swagger2openapi";
import { parse as parseYaml } from "yaml";
import { enumValuesIn, type PostmanItem, postmanZoomCode } from "../postman-drift.ts";
import type { OperationObject } from "../spec.ts";

export type UpstreamKind = "swagger2" | "openapi3" | "postman";
type Json = Record<string, unknown>;

export interface Upstream {
  kind: UpstreamKind;
  title: string;
  /** How the operation was found: by operationId, by method and path, or by the Postman item's name/URL. */
  foundBy: string;
  path: string;
  method: string;
  operation: OperationObject;
}

export interface Target {
  operationId: string;
  method: string;
  path: string;
  summary: string;
}

// A CommonJS module whose declarations say `export default`: under NodeNext the default import is the function.
const convertPostman = postmanToOpenApi as unknown as (
  input: string,
  output: undefined,
  options: { outputFormat: "json" },
) => Promise<string>;

const isJson = (value: unknown): value is Json => !!value && typeof value === "object" && !Array.isArray(value);
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export async function loadUpstream(file: string, target: Target): Promise<Upstream> {
  const text = await readFile(file, "utf8");
  let document: unknown;
  try {
    document = parseYaml(text); // YAML is a superset of JSON
  } catch (error) {
    throw new Error(`${file} is neither JSON nor YAML (${(error as Error).message})`);
  }
  if (!isJson(document)) throw new Error(`${file} holds no object`);
  if (document.swagger === "2.0") return fromSwagger2(document, target);
  if (typeof document.openapi === "string" && document.openapi.startsWith("3.")) {
    const dereferenced = (await SwaggerParser.dereference(structuredClone(document) as never)) as unknown as Json;
    return { kind: "openapi3", title: titleOf(dereferenced), ...findOperation(dereferenced, target) };
  }
  if (Array.isArray(document.item) || isJson(document.collection)) return fromPostman(document, target);
  throw new Error(`${file} is not Swagger 2.0, OpenAPI 3.x or a Postman collection v2.x`);
}

function titleOf(document: Json): string {
  const info = isJson(document.info) ? document.info : {};
  return typeof info.title === "string" ? info.title : typeof info.name === "string" ? info.name : "(untitled)";
}

function findOperation(document: Json, target: Target): Omit<Upstream, "kind" | "title"> {
  const operations: { path: string; method: string; operation: OperationObject }[] = [];
  for (const [path, item] of Object.entries(isJson(document.paths) ? document.paths : {})) {
    if (!isJson(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (isJson(operation)) operations.push({ path, method: method.toUpperCase(), operation: operation as never });
    }
  }
  const byId = operations.find(({ operation }) => operation.operationId === target.operationId);
  if (byId) return { ...byId, foundBy: `operationId ${target.operationId}` };
  // Without the id: the same method on the same path, the base path (`/v2`) allowed in front of it.
  const byRoute = operations.find(
    ({ path, method }) => method === target.method && (path === target.path || path.endsWith(target.path)),
  );
  if (byRoute) return { ...byRoute, foundBy: `${target.method} ${byRoute.path}` };
  throw new Error(
    `no operation ${target.operationId} and no ${target.method} ${target.path} among ${operations.length} operations`,
  );
}

async function fromSwagger2(document: Json, target: Target): Promise<Upstream> {
  const { openapi } = (await swagger2openapi.convertObj(structuredClone(document), {
    patch: true,
    warnOnly: true,
  })) as {
    openapi: Json;
  };
  const dereferenced = (await SwaggerParser.dereference(openapi as never)) as unknown as Json;
  const found = findOperation(dereferenced, target);
  // The request's media types, from what the operation itself declares (see the file comment).
  const original = (document.paths as Json)[found.path] as Json;
  const operation = original[found.method.toLowerCase()] as Json;
  const parameters = Array.isArray(operation.parameters) ? (operation.parameters as Json[]) : [];
  const consumes = (operation.consumes ?? document.consumes ?? ["application/json"]) as string[];
  const declared = new Set<string>();
  if (parameters.some((parameter) => parameter.in === "body")) {
    const json = consumes.filter((type) => /[/+]json\b/.test(type));
    for (const type of json.length ? json : ["application/json"]) declared.add(type);
  }
  if (parameters.some((parameter) => parameter.in === "formData")) {
    for (const type of consumes.filter((type) => /multipart\/form-data|x-www-form-urlencoded/.test(type)))
      declared.add(type);
  }
  const content = found.operation.requestBody?.content;
  if (content) {
    for (const type of Object.keys(content)) if (!declared.has(type)) delete content[type];
  }
  return { kind: "swagger2", title: titleOf(document), ...found };
}

interface PostmanFolder {
  name?: string;
  item?: (PostmanFolder | PostmanItem)[];
  request?: PostmanItem["request"];
}

async function fromPostman(document: Json, target: Target): Promise<Upstream> {
  const collection = (isJson(document.collection) ? document.collection : document) as Json & PostmanFolder;
  const items: PostmanItem[] = [];
  const walk = (node: PostmanFolder) => {
    for (const child of node.item ?? []) {
      if ("request" in child && child.request) items.push(child as PostmanItem);
      else walk(child as PostmanFolder);
    }
  };
  walk(collection);
  const pathOf = (item: PostmanItem) => {
    const url = item.request.url as unknown;
    if (typeof url === "string") return new URL(url.replace(/\{\{[^}]+\}\}/g, "x"), "http://x").pathname;
    return `/${(item.request.url.path ?? []).join("/")}`;
  };
  const byName = items.find((item) => item.name === target.summary);
  const byRoute = items.find(
    (item) => item.request.method?.toUpperCase() === target.method && pathOf(item).endsWith(target.path),
  );
  const item = byName ?? byRoute;
  if (!item) {
    throw new Error(
      `no item named "${target.summary}" and no ${target.method} …${target.path} among ${items.length} items`,
    );
  }
  const foundBy = byName ? `Postman item "${target.summary}"` : `Postman item ${target.method} ${pathOf(item)}`;
  const single = { info: collection.info, item: [item], variable: collection.variable ?? [] };
  const converted = JSON.parse(
    await convertPostman(JSON.stringify(single), undefined, { outputFormat: "json" }),
  ) as Json;
  const dereferenced = (await SwaggerParser.dereference(converted as never)) as unknown as Json;
  const found = findOperation(dereferenced, { ...target, operationId: "\0" });
  // What the converter drops: Zoom codes and response texts from the response names, enum values from descriptions.
  for (const response of item.response ?? []) {
    const documented = found.operation.responses[String(response.code)];
    if (!documented) continue;
    documented.description = response.name;
    const code = postmanZoomCode(response);
    if (code !== undefined) documented["x-zoom-error-code"] = code;
  }
  for (const media of Object.values(found.operation.requestBody?.content ?? {})) {
    for (const field of item.request.body?.formdata ?? []) {
      const schema = media.schema?.properties?.[field.key];
      const values = enumValuesIn(field.description ?? "");
      if (schema && schema.type === "string" && values.length > 1) schema.enum = values;
    }
  }
  return { kind: "postman", title: titleOf(collection), ...found, foundBy };
}
