/**
 * spec → src/generated (`npm run generate`): three files, each under a banner that tooling can find.
 * - openapi.ts: openapi-typescript's `paths`/`components`/`operations` types;
 * - operations.ts: every operation as data, keyed by operationId: method, path, parameters, request schema,
 *   success status, rate-limit label, retry safety, list and batch shapes, documented answers with their Zoom
 *   codes; and what each Zoom code means (the spec's `x-zoom-error-codes`);
 * - validators.ts: standalone validation code for request bodies, parameters and documented JSON answers
 *   (scripts/lib/validators.ts), which the client, the mock and `verify` all use.
 * What differs between operations is read from the spec here, once; nothing downstream names an operation
 * to learn how it behaves.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import {
  defaultSpecPath,
  generatedDir,
  type JsonSchema,
  loadSpec,
  operationsOf,
  type ResponseObject,
  repoRoot,
} from "./lib/spec.ts";
import { FORMATS, type SchemaUse, validatorsSource } from "./lib/validators.ts";

/** The spec's own annotations that the client reads, renamed; every other `x-` key is dropped. */
const RENAMED: Record<string, string> = {
  "x-enumDescriptions": "enumDescriptions",
  "x-pattern-message": "patternMessage",
};
/** Methods that change nothing when repeated (RFC 9110); POST is idempotent only where the spec says so. */
const IDEMPOTENT_METHODS = ["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"];
/** The keywords a value can break that the client words itself (src/validation.ts); any other fails generation. */
const RULES = [
  "required",
  "type",
  "additionalProperties",
  "enum",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "minItems",
  "maxItems",
  "minProperties",
] as const;
const STRUCTURE = ["properties", "items", "default", "nullable"];

const SCHEMA_TYPE = `/** A JSON Schema as the spec states it (dereferenced, \`x-\` annotations dropped but the two the client shows). */
export interface Schema {
  /** The JSON type. */
  type?: "string" | "boolean" | "integer" | "number" | "array" | "object";
  /** The spec's description. */
  description?: string;
  /** The values allowed. */
  enum?: readonly (string | number | boolean)[];
  /** Short help for each enum value, in this project's words (\`x-enumDescriptions\`). */
  enumDescriptions?: Readonly<Record<string, string>>;
  /** What Zoom uses when the field is left out. */
  default?: string | boolean | number;
  /** The fewest characters (Unicode code points). */
  minLength?: number;
  /** The most characters (Unicode code points). */
  maxLength?: number;
  /** A regular expression (ECMAScript, \`u\` flag) that the value must match. */
  pattern?: string;
  /** What a value breaking \`pattern\` is told, after the field's name (\`x-pattern-message\`). */
  patternMessage?: string;
  /** A named format (\`email\`, \`date-time\`). */
  format?: string;
  /** The smallest value. */
  minimum?: number;
  /** The largest value. */
  maximum?: number;
  /** The fewest items of a list. */
  minItems?: number;
  /** The most items of a list. */
  maxItems?: number;
  /** The fewest fields an object names. */
  minProperties?: number;
  /** An object's fields. */
  properties?: Readonly<Record<string, Schema>>;
  /** The fields an object must name. */
  required?: readonly string[];
  /** \`false\`: a field the schema does not name is refused. */
  additionalProperties?: boolean;
  /** The schema of a list's items. */
  items?: Schema;
  /** Deprecated by Zoom: documented, never sent. */
  deprecated?: boolean;
}

/** An object schema with its fields: a request body. */
export interface ObjectSchema extends Schema {
  /** Its fields. */
  properties: Readonly<Record<string, Schema>>;
  /** The fields it requires. */
  required: readonly string[];
}

/** How a list operation's answer carries its items and pages. */
export interface ListShape {
  /** The answer's field that holds the items. */
  items: string;
  /** Whether \`next_page_token\` pages it. */
  paged: boolean;
  /** The query parameter that sizes a page, and its maximum. */
  pageSize?: PageSize;
}

/** The query parameter that sizes a page of a list. */
export interface PageSize {
  /** The parameter's name. */
  param: string;
  /** Its maximum. */
  max: number;
}

/** A request body whose one required list has a per-call maximum. */
export interface BatchShape {
  /** The list's field. */
  field: string;
  /** The most items one call takes (\`maxItems\`). */
  max: number;
}

/** One documented answer of an operation. */
export interface DocumentedResponse {
  /** Zoom's error code (\`x-zoom-error-code\`; the first, where the status documents several). */
  zoomCode?: number;
  /** Every Zoom error code documented for the status. */
  zoomCodes?: readonly number[];
  /** The spec's description as one plain sentence: a template where Zoom's is (\`{groupName}\`). */
  message: string;
  /** The documented content types. */
  contentTypes: readonly string[];
  /** The documented JSON example, if any (the mock answers with it on demand). */
  example?: unknown;
  /** The documented headers by name as the spec spells it (HTTP matches them in any case), with their schemas. */
  headers?: Readonly<Record<string, Schema>>;
}

/** An operation, as the spec describes it. */
export interface Operation {
  /** The spec's operationId. */
  operationId: string;
  /** The HTTP method. */
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path under the server URL, with \`{parameters}\`. */
  path: string;
  /** The operation's summary. */
  summary: string;
  /** The OAuth scopes the call needs. */
  scopes: readonly string[];
  /** Zoom's granular scopes for the call. */
  granularScopes: readonly string[];
  /** Zoom's rate-limit label: which per-second budget of the account the call draws from. */
  rateLimitLabel: string;
  /** Repeating the call changes nothing more (by method, or \`x-zoom-idempotent\`). */
  idempotent: boolean;
  /** Path parameters, in path order. */
  pathParams: readonly string[];
  /** Query parameters. */
  queryParams: readonly string[];
  /** The parameters' schemas, as one object: what the client validates them with. */
  params: Schema;
  /** The request body's media types, in the spec's order (none without a body). */
  requestContentTypes: readonly string[];
  /** The request body's schema (one for every media type). */
  requestSchema?: Schema;
  /** The documented success status. */
  successStatus: number;
  /** The success body's schema, where it has one. */
  successSchema?: Schema;
  /** Successful calls Zoom allows per account per UTC day (\`x-zoom-daily-cap\`), beyond the label's rate. */
  dailyCap?: number;
  /** The most of what the operation creates that an account may hold (\`x-zoom-account-max\`). */
  accountMax?: number;
  /** A list answer: the array it carries, and whether \`next_page_token\` pages it. */
  list?: ListShape;
  /** A request body whose required list has a per-call maximum: sent in calls of \`max\`. */
  batch?: BatchShape;
  /** Every documented answer by HTTP status. */
  responses: Readonly<Record<string, DocumentedResponse>>;
}
`;

export async function generate({ specPath = defaultSpecPath, outDir = generatedDir } = {}): Promise<string[]> {
  const spec = await loadSpec(specPath);
  const specFile = relative(repoRoot, specPath);
  const fail = (message: string): never => {
    throw new Error(`spec: ${message} (${specFile})`);
  };
  const banner = `// Generated from ${specFile} by scripts/generate.ts — do not edit. Run \`npm run generate\`.\n`;
  const serverUrl = spec.servers?.[0]?.url ?? fail("servers[0].url is missing; the client's default base URL");
  const root = spec as unknown as Record<string, unknown>;
  const meanings = (root["x-zoom-error-codes"] ?? {}) as Record<string, string>;
  const plans = Object.fromEntries(
    Object.entries((root["x-zoom-rate-limits"] ?? {}) as Record<string, unknown>).filter(
      ([key, value]) => !key.startsWith("x-") && typeof value === "object",
    ),
  ) as Record<string, Record<string, number>>;
  const found = operationsOf(spec.paths);
  if (found.length === 0) fail("no operations");
  const uses: SchemaUse[] = [];
  const validatorOf: Record<
    string,
    {
      request: Record<string, SchemaUse>;
      params: SchemaUse;
      paramsText: SchemaUse;
      responses: Record<string, SchemaUse>;
      headers: Record<string, SchemaUse>;
    }
  > = {};
  const operations: Record<string, unknown> = {};
  const allRules = new Set<string>();

  for (const { path, method, operation, item } of found) {
    const id = operation.operationId ?? fail(`${method} ${path} has no operationId`);
    if (operations[id]) fail(`operationId ${id} is used twice`);
    const where = `${id} (${method} ${path})`;
    const label = operation["x-zoom-rate-limit-label"] ?? fail(`${where} has no x-zoom-rate-limit-label`);

    const parameters = mergeParameters(item.parameters, operation.parameters);
    const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    for (const name of pathParams)
      if (!parameters.some((p) => p.in === "path" && p.name === name)) fail(`${where}: {${name}} is not a parameter`);
    const queryParams = parameters.filter((p) => p.in === "query").map((p) => p.name);
    const params = {
      type: "object",
      properties: Object.fromEntries(
        parameters.map((p) => [p.name, { ...p.schema, ...(p.deprecated ? { deprecated: true } : {}) }]),
      ),
      required: parameters.filter((p) => p.required).map((p) => p.name),
      additionalProperties: false,
    } as JsonSchema;

    const content = operation.requestBody?.content ?? {};
    const [requestSchema, ...others] = Object.values(content).map((media) => media.schema);
    if (
      Object.keys(content).length > 0 &&
      (!requestSchema || !others.every((other) => isDeepStrictEqual(other, requestSchema)))
    )
      fail(`${where}: every request content type needs a schema, the same for each`);
    if (requestSchema) checkRules(requestSchema, `${where} request body`, allRules, fail);
    checkRules(params, `${where} parameters`, allRules, fail);

    const responses: Record<string, unknown> = {};
    const responseUses: Record<string, SchemaUse> = {};
    const headerUses: Record<string, SchemaUse> = {};
    for (const [status, response] of Object.entries(operation.responses)) {
      const codes = zoomCodesOf(`${where} responses.${status}`, response, fail);
      for (const code of codes.zoomCodes ?? [])
        if (!meanings[code]) fail(`Zoom code ${code} (${where} ${status}) has no meaning in x-zoom-error-codes`);
      const json = response.content?.["application/json"];
      const example = json?.example ?? Object.values(json?.examples ?? {}).at(-1)?.value;
      responses[status] = {
        ...codes,
        message: plainMessage(response.description),
        contentTypes: Object.keys(response.content ?? {}),
        ...(example === undefined ? {} : { example }),
        ...headersOf(response),
      };
      const schema = json?.schema;
      if (schema) responseUses[status] = { schema, coerce: false, where: `${where} responses.${status}` };
      const headers = Object.entries(response.headers ?? {});
      // One object of the answer's headers, names lower-cased (HTTP's are case-insensitive), values as text.
      if (headers.length > 0)
        headerUses[status] = {
          schema: {
            type: "object",
            properties: Object.fromEntries(headers.map(([name, header]) => [name.toLowerCase(), header.schema ?? {}])),
            required: headers.filter(([, header]) => header.required === true).map(([name]) => name.toLowerCase()),
          },
          coerce: true,
          where: `${where} responses.${status} headers`,
        };
    }
    const success =
      Object.entries(operation.responses).find(
        ([status, response]) => /^2\d\d$/.test(status) && response["x-zoom-error-code"] === undefined,
      ) ?? fail(`${where} documents no success answer (a 2xx without x-zoom-error-code)`);
    const successSchema = success[1].content?.["application/json"]?.schema;

    const request: Record<string, SchemaUse> = {};
    for (const mediaType of Object.keys(content)) {
      const coerce = !/^application\/([\w.-]+\+)?json$/.test(mediaType);
      // A form carries text parts: a field may be a value or a list of values, never an object.
      for (const [field, schema] of Object.entries(requestSchema?.properties ?? {}))
        if (coerce && (schema.type === "object" || schema.items?.type === "object" || schema.items?.type === "array"))
          fail(`${where}: ${mediaType} cannot carry ${field} (objects have no form encoding); make the body JSON only`);
      request[mediaType] = { schema: requestSchema as JsonSchema, coerce, where: `${where} ${mediaType} body` };
    }
    const paramsUse = { schema: params, coerce: false, where: `${where} parameters` };
    const paramsText = { schema: params, coerce: true, where: `${where} parameters as text` };
    uses.push(
      ...Object.values(request),
      paramsUse,
      paramsText,
      ...Object.values(responseUses),
      ...Object.values(headerUses),
    );
    validatorOf[id] = { request, params: paramsUse, paramsText, responses: responseUses, headers: headerUses };

    operations[id] = {
      operationId: id,
      method,
      path,
      summary: operation.summary ?? "",
      scopes: operation["x-zoom-scopes"] ?? [],
      granularScopes: operation["x-zoom-granular-scopes"] ?? [],
      rateLimitLabel: label,
      idempotent: IDEMPOTENT_METHODS.includes(method) || operation["x-zoom-idempotent"] === true,
      pathParams,
      queryParams,
      params: forClient(params),
      requestContentTypes: Object.keys(content),
      ...(requestSchema ? { requestSchema: forClient(requestSchema) } : {}),
      successStatus: Number(success[0]),
      ...(successSchema ? { successSchema: forClient(successSchema) } : {}),
      ...caps(operation),
      ...listShape(method, successSchema, parameters),
      ...batchShape(requestSchema),
      responses,
    };
  }

  const rateLimitTypes = [
    ...new Set(
      found.flatMap(({ operation }) => operation.responses["429"]?.headers?.["X-RateLimit-Type"]?.schema?.enum ?? []),
    ),
  ];
  const labels = [...new Set(Object.values(operations).map((op) => (op as { rateLimitLabel: string }).rateLimitLabel))];
  for (const [plan, rates] of Object.entries(plans))
    for (const label of labels)
      if (typeof rates[label] !== "number") fail(`x-zoom-rate-limits.${plan} has no ${label} rate`);
  if (Object.keys(plans).length === 0) fail("x-zoom-rate-limits lists no plan");
  const ids = Object.keys(operations);
  const operationsFile = [
    "",
    SCHEMA_TYPE,
    "/** The spec's server: the client's default base URL. */",
    `export const serverUrl = ${JSON.stringify(serverUrl)};`,
    "",
    "/** Every operation of the spec, keyed by operationId. */",
    `export const operations = ${JSON.stringify(operations, null, 2)} as const satisfies Record<string, Operation>;`,
    "",
    "/** An operation's id: the spec's operationId. */",
    `export type OperationId = ${ids.map((id) => JSON.stringify(id)).join(" | ")};`,
    "",
    "/** The fields of each operation's request body, by operationId. */",
    "export interface RequestFields {",
    ...ids.flatMap((id) => {
      const schema = (operations[id] as { requestSchema?: JsonSchema }).requestSchema;
      const names = Object.keys(schema?.properties ?? {});
      return names.length
        ? [
            `  /** The fields of \`${id}\`'s body. */`,
            `  ${id}: ${names.map((name) => JSON.stringify(name)).join(" | ")};`,
          ]
        : [];
    }),
    "}",
    "",
    "/** A Zoom plan, as Zoom's rate-limit table names them: it sets each label's per-second ceiling. */",
    `export type AccountPlan = ${Object.keys(plans)
      .map((plan) => JSON.stringify(plan))
      .join(" | ")};`,
    "",
    "/** Which limit a 429 says was hit (`X-RateLimit-Type`). */",
    `export type RateLimitType = ${rateLimitTypes.map((type) => JSON.stringify(type)).join(" | ")};`,
    "",
    "/** The rate-limit labels the operations carry: one per-second budget of the account each. */",
    `export const rateLimitLabels = ${JSON.stringify(labels)} as const;`,
    "",
    "/** Zoom's per-second limits per label for each plan (`x-zoom-rate-limits`): an account's ceilings. */",
    `export const rateLimitsByPlan = ${JSON.stringify(plans, null, 2)} as const;`,
    "",
    "/** The values of a 429's `X-RateLimit-Type`: which limit was hit. */",
    `export const rateLimitTypes = ${JSON.stringify(rateLimitTypes)} as const;`,
    "",
    "/** What each Zoom error code means, the same on every operation: the error class for it (`x-zoom-error-codes`). */",
    `export const zoomErrorCodes = ${JSON.stringify(meanings, null, 2)} as const;`,
    "",
    "/** The keywords of the spec's request and parameter schemas that a value can break. */",
    `export type Rule = ${[...allRules]
      .sort()
      .map((rule) => JSON.stringify(rule))
      .join(" | ")};`,
    "",
  ].join("\n");

  const { code, name } = validatorsSource(uses, specFile);
  const table = (entries: [string, string][]) =>
    `{ ${entries.map(([key, value]) => `${JSON.stringify(key)}: ${value}`).join(", ")} }`;
  const validatorsFile = [
    "",
    code,
    "",
    "/**\n * Each operation's validators: its body per media type, its parameters (one object; `paramsText` coerces a\n * query string's text), its JSON answers by status, and each answer's documented headers by status (one\n * object, names lower-cased, values as text: coerced to the schema's types).\n */",
    "export const validators = {",
    ...ids.map((id) => {
      const v = validatorOf[id] as (typeof validatorOf)[string];
      const request = table(Object.entries(v.request).map(([type, use]) => [type, name(use)]));
      const responses = table(Object.entries(v.responses).map(([status, use]) => [status, name(use)]));
      const headers = table(Object.entries(v.headers).map(([status, use]) => [status, name(use)]));
      return `  ${id}: { request: ${request}, params: ${name(v.params)}, paramsText: ${name(v.paramsText)}, responses: ${responses}, headers: ${headers} },`;
    }),
    "} as const;",
    "",
    "/** The formats the validators know. */",
    `export const formats = ${JSON.stringify(Object.keys(FORMATS))} as const;`,
    "",
  ].join("\n");

  await mkdir(outDir, { recursive: true });
  // defaultNonNullable: false keeps fields with a default optional for callers (the server applies the default).
  const types = astToString(await openapiTS(pathToFileURL(specPath), { defaultNonNullable: false }));
  const files: [string, string][] = [
    // `@description` is openapi-typescript's tag; as the comment's summary, editors and TypeDoc show it as is.
    ["openapi.ts", types.replace(/\* @description /g, "* ")],
    ["operations.ts", operationsFile],
    ["validators.ts", validatorsFile],
  ];
  // Files of an older generator go, so nothing imports a stale table.
  for (const stale of ["spec.ts", "mock-validator.ts"]) await rm(resolve(outDir, stale), { force: true });
  return Promise.all(
    files.map(async ([file, text]) => {
      const path = resolve(outDir, file);
      await writeFile(path, banner + text);
      return path;
    }),
  );
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  deprecated?: boolean;
  schema?: JsonSchema;
}

/** Path-level parameters, then the operation's (which win by name and place). */
function mergeParameters(...lists: unknown[]): Parameter[] {
  const merged = new Map<string, Parameter>();
  for (const list of lists) for (const p of (list as Parameter[] | undefined) ?? []) merged.set(`${p.in}:${p.name}`, p);
  return [...merged.values()].filter((p) => p.in === "path" || p.in === "query");
}

/** Zoom's caps on an operation beyond its rate: creates a day (`x-zoom-daily-cap`), things an account holds (`x-zoom-account-max`). */
function caps(operation: Record<string, unknown>) {
  const dailyCap = operation["x-zoom-daily-cap"];
  const accountMax = operation["x-zoom-account-max"];
  return {
    ...(typeof dailyCap === "number" ? { dailyCap } : {}),
    ...(typeof accountMax === "number" ? { accountMax } : {}),
  };
}

/** A GET whose answer carries a required list is a list; `next_page_token` in and out pages it. */
function listShape(method: string, schema: JsonSchema | undefined, parameters: Parameter[]) {
  if (method !== "GET" || schema?.type !== "object") return {};
  const items = (schema.required ?? []).find((name) => schema.properties?.[name]?.type === "array");
  if (!items) return {};
  const paged = parameters.some((p) => p.name === "next_page_token") && !!schema.properties?.next_page_token;
  const size = parameters.find((p) => p.name === "page_size" && typeof p.schema?.maximum === "number");
  const pageSize = size ? { param: size.name, max: size.schema?.maximum as number } : undefined;
  return { list: { items, paged, ...(pageSize ? { pageSize } : {}) } };
}

/** An answer's documented headers, each with its schema as the client reads schemas. */
function headersOf(response: ResponseObject) {
  const headers = Object.entries(response.headers ?? {});
  return headers.length === 0
    ? {}
    : { headers: Object.fromEntries(headers.map(([name, header]) => [name, forClient(header.schema ?? {})])) };
}

/** A body whose one required list has `maxItems` is sent in calls of that many. */
function batchShape(schema: JsonSchema | undefined) {
  const lists = (schema?.required ?? []).filter(
    (name) => schema?.properties?.[name]?.type === "array" && typeof schema.properties[name]?.maxItems === "number",
  );
  const field = lists.length === 1 ? (lists[0] as string) : undefined;
  return field ? { batch: { field, max: schema?.properties?.[field]?.maxItems as number } } : {};
}

/** Every keyword of a request or parameter schema is one the client can word (src/validation.ts). */
function checkRules(schema: unknown, where: string, seen: Set<string>, fail: (message: string) => never): void {
  if (!schema || typeof schema !== "object") return;
  const node = schema as JsonSchema;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-") || ["description", "example", "examples", "title", "deprecated"].includes(key)) continue;
    if ((RULES as readonly string[]).includes(key)) seen.add(key);
    else if (!STRUCTURE.includes(key))
      fail(
        `${where}: ${key} is not a keyword the client words; teach src/validation.ts (and scripts/generate.ts) first`,
      );
    if (key === "format" && !(String(value) in FORMATS))
      fail(
        `${where}: format ${String(value)} is not one the validators know (${Object.keys(FORMATS).join(", ")}); add it to scripts/lib/validators.ts`,
      );
    if (key === "additionalProperties" && typeof value !== "boolean")
      fail(`${where}: additionalProperties must be true or false`);
  }
  if ((node.pattern === undefined) !== (node["x-pattern-message"] === undefined))
    fail(`${where}: needs both pattern and x-pattern-message (what a person is told), or neither`);
  const stale = Object.keys(withoutAnnotations(node["x-enumDescriptions"] ?? {})).filter(
    (value) => !node.enum?.includes(value),
  );
  if (stale.length > 0) fail(`${where}: x-enumDescriptions describes ${stale.join(", ")}, not in its enum`);
  for (const child of Object.values(node.properties ?? {})) checkRules(child, where, seen, fail);
  if (node.items) checkRules(node.items, where, seen, fail);
}

/** A schema for the client: `x-` annotations dropped but the renamed ones, examples dropped. */
function forClient(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forClient);
  if (!schema || typeof schema !== "object") return schema;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties") kept[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forClient(v)]));
    else if (key === "enum" || key === "required" || key === "default") kept[key] = value;
    else if (RENAMED[key]) kept[RENAMED[key]] = key === "x-enumDescriptions" ? withoutAnnotations(value) : value;
    else if (!key.startsWith("x-") && key !== "example" && key !== "examples") kept[key] = forClient(value);
  }
  return kept;
}

const withoutAnnotations = (value: object) =>
  Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith("x-")));

/**
 * `x-zoom-error-code` as `{zoomCode, zoomCodes}`: an integer, or a list when one status documents several
 * codes. A code the description names (Zoom's "**Error Code:** `4134`") must be in it, so a code written
 * only in prose cannot slip past the types, the mock and the error table.
 */
function zoomCodesOf(
  where: string,
  response: ResponseObject,
  fail: (message: string) => never,
): { zoomCode?: number; zoomCodes?: number[] } {
  const given = response["x-zoom-error-code"];
  const codes = given === undefined ? [] : Array.isArray(given) ? given : [given];
  if ((Array.isArray(given) && codes.length === 0) || !codes.every((code) => Number.isInteger(code)))
    fail(`${where}.x-zoom-error-code must be an integer or a non-empty list of integers, not ${JSON.stringify(given)}`);
  const described = [...(response.description ?? "").matchAll(/Error Code:\**\s*`?(\d+)`?/gi)].map((m) => Number(m[1]));
  const missing = described.filter((code) => !codes.includes(code));
  if (missing.length > 0)
    fail(
      `${where}'s description documents Zoom code ${missing.join(", ")}, which its x-zoom-error-code ` +
        `(${JSON.stringify(given ?? null)}) lacks: list every code there, e.g. x-zoom-error-code: [${[...codes, ...missing].join(", ")}]`,
    );
  return codes.length === 0 ? {} : { zoomCode: codes[0] as number, zoomCodes: codes };
}

/**
 * A response's description as Zoom states it, for messages: the first sentence of its first paragraph,
 * without the Postman item's markup (`**Error Code:** \`409\` <br>`).
 */
function plainMessage(description: string): string {
  const paragraph = description
    .replace(/\*\*[^*]*\*\*\s*`[^`]*`\s*(<br>)?/g, "")
    .trim()
    .split(/\n\s*\n/)[0];
  const text = (paragraph ?? "").replace(/<br>/g, " ").replace(/\s+/g, " ").trim();
  return /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const file of await generate()) console.log(`wrote ${relative(process.cwd(), file)}`);
}
