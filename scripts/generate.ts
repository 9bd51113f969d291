/**
 * spec → src/generated (`npm run generate`): three files, each under a banner that tooling can find.
 * - openapi.ts: openapi-typescript's `paths`/`components`/`operations` types;
 * - spec.ts: what the client reads from the spec at run time, typed: the request schema it validates with,
 *   the operation, the created group's fields and the documented responses with their Zoom codes;
 * - mock-validator.ts: the mock Zoom's own validator (scripts/lib/mock-validator.ts).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import { mockValidatorSource } from "./lib/mock-validator.ts";
import {
  defaultSpecPath,
  generatedDir,
  type JsonSchema,
  loadSpec,
  type ResponseObject,
  repoRoot,
  theOperation,
} from "./lib/spec.ts";

/** The members of a generated interface: TypeScript type and doc comment; a name ending in `?` is optional. */
type Members = Record<string, [ts: string, doc: string]>;

const FIELD_TYPES = ["string", "boolean", "integer", "number"];
const quoted = (names: string[]) => names.map((name) => JSON.stringify(name)).join(" | ");
/** The keywords src/validation.ts implements, and help texts: a spec that uses another does not generate. */
const FIELD_SCHEMA: Members = {
  type: [quoted(FIELD_TYPES), "The JSON type."],
  "description?": ["string", "The spec's description."],
  "enum?": ["readonly string[]", "The values allowed."],
  "enumDescriptions?": [
    "Readonly<Record<string, string>>",
    "Short help for each enum value, in this project's words (`x-enumDescriptions`).",
  ],
  "default?": ["string | boolean | number", "What Zoom uses when the field is left out."],
  "minLength?": ["number", "The fewest characters (Unicode code points)."],
  "maxLength?": ["number", "The most characters (Unicode code points)."],
  "minimum?": ["number", "The smallest value."],
  "maximum?": ["number", "The largest value."],
  "pattern?": ["string", "A regular expression (ECMAScript, `u` flag) that the whole value must match."],
  "patternMessage?": [
    "string",
    "What a value breaking `pattern` is told, after the field's name (`x-pattern-message`).",
  ],
};
const FIELD_KEYWORDS = Object.keys(FIELD_SCHEMA).map((member) => member.replace("?", ""));
/** The spec's own annotations among them, by their names in the spec. */
const RENAMED: Record<string, string> = {
  "x-enumDescriptions": "enumDescriptions",
  "x-pattern-message": "patternMessage",
};
/** The keywords a value can break (the others are its type, or help texts). */
const FIELD_RULES = ["enum", "minLength", "maxLength", "minimum", "maximum", "pattern"];
/** Keywords allowed in the spec that the validator has no use for. */
const IGNORED_FIELD_KEYWORDS = ["title", "example"];
const OBJECT_KEYWORDS = ["type", "description", "required", "additionalProperties", "properties", "title"];

const REQUEST_SCHEMA: Members = {
  type: ['"object"', 'Always `"object"`.'],
  "description?": ["string", "The spec's description."],
  required: ["readonly RequestField[]", "The fields that must be present."],
  additionalProperties: ["boolean", "`false`: a field the schema does not name is refused."],
  properties: ["Readonly<Record<RequestField, FieldSchema>>", "Each field's schema, in the spec's order."],
};
const DOCUMENTED_RESPONSE: Members = {
  "zoomCode?": ["number", "Zoom's error code (`x-zoom-error-code`; the first, where the status documents several)."],
  "zoomCodes?": [
    "readonly number[]",
    "Every Zoom error code documented for the status (`x-zoom-error-code`: an integer or a list of integers).",
  ],
  message: ["string", "The spec's description as one plain sentence: a template where Zoom's is (`{groupName}`)."],
  contentTypes: ["readonly string[]", "The documented content types."],
};
const OPERATION_DOCS: Record<string, string> = {
  operationId: "The spec's operationId.",
  method: "The HTTP method.",
  path: "The path, under the server URL.",
  serverUrl: "The spec's server: the client's default base URL.",
  summary: "The operation's summary.",
  scopes: "The OAuth scopes the call needs.",
  granularScopes: "Zoom's granular scopes for the call.",
  rateLimitLabel: "Zoom's rate-limit label: which per-second and daily limits apply.",
  rateLimitTypes: "The values of a 429's `X-RateLimit-Type`: which limit was hit.",
  requestContentTypes: "The request body's media types, in the spec's order.",
};

export async function generate({ specPath = defaultSpecPath, outDir = generatedDir } = {}): Promise<string[]> {
  const spec = await loadSpec(specPath);
  const { path, method, operation } = theOperation(spec);
  const banner = `// Generated from ${relative(repoRoot, specPath)} by scripts/generate.ts — do not edit. Run \`npm run generate\`.\n`;
  const requestSchema = requestBodySchema(operation.requestBody.content);
  const created = operation.responses["201"]?.content?.["application/json"]?.schema?.properties;
  if (!created) throw new Error("spec: the 201 response needs an application/json schema with properties");
  const serverUrl = spec.servers?.[0]?.url;
  if (!serverUrl) throw new Error("spec: servers[0].url is missing; the client takes its default base URL from it");
  const responses = Object.fromEntries(
    Object.entries(operation.responses).map(([status, response]) => [
      status,
      {
        ...zoomCodesOf(status, response),
        message: plainMessage(response.description),
        contentTypes: Object.keys(response.content ?? {}),
      },
    ]),
  );
  const operationData = {
    operationId: operation.operationId,
    method,
    path,
    serverUrl,
    summary: operation.summary ?? "",
    scopes: operation["x-zoom-scopes"] ?? [],
    granularScopes: operation["x-zoom-granular-scopes"] ?? [],
    rateLimitLabel: operation["x-zoom-rate-limit-label"] ?? "",
    rateLimitTypes: operation.responses["429"]?.headers?.["X-RateLimit-Type"]?.schema?.enum ?? [],
    requestContentTypes: Object.keys(operation.requestBody.content),
  };
  const fieldDoc = (name: string) => {
    const description = requestSchema.properties[name]?.description;
    return description && `\`${name}\`: ${docLine(description)}`;
  };
  const groupFields = Object.fromEntries(Object.entries(created).map(([name, field]) => [name, field.type]));

  const data = [
    "",
    ...declare(
      "FieldSchema",
      "One field of the request body: the JSON Schema keywords the client's validator implements, and help texts.",
      FIELD_SCHEMA,
    ),
    "/** The keywords of a field that a value can break (what `ValidationIssue.rule` names besides required, type and additionalProperties). */",
    `export type FieldRule = ${quoted(FIELD_RULES)};`,
    "",
    "/** A field of the request body. */",
    `export type RequestField = ${quoted(Object.keys(requestSchema.properties))};`,
    "",
    ...declare("RequestSchema", "The request body's schema: what the client validates with.", REQUEST_SCHEMA),
    ...declare("DocumentedResponse", "One documented response of the operation.", DOCUMENTED_RESPONSE),
    "/** The operation this package calls, as the spec describes it. */",
    `export const operation = ${documented(operationData, (key) => OPERATION_DOCS[key])} as const;`,
    "",
    "/** The request body's schema (dereferenced, examples dropped, `x-` help renamed): what the client validates with. */",
    `export const createImGroupRequestSchema: RequestSchema = ${documented(requestSchema, fieldDoc, 2)};`,
    "",
    "/** The fields of the created group (the 201 body) and their JSON types: the client keeps exactly these. */",
    `export const createdGroupFields: { readonly [name: string]: FieldSchema["type"] } = ${documented(groupFields, (name) => `The JSON type of \`${name}\` in the 201 body.`)};`,
    "",
    "/** Every documented response: HTTP status → Zoom error code, plain message and content types. */",
    `export const documentedResponses: { readonly [status in ${quoted(Object.keys(responses))}]: DocumentedResponse } = ${documented(responses, (status) => `HTTP ${status}.`)};`,
    "",
  ].join("\n");

  await mkdir(outDir, { recursive: true });
  // defaultNonNullable: false keeps fields with a default optional for callers (the server applies the default).
  const types = astToString(await openapiTS(pathToFileURL(specPath), { defaultNonNullable: false }));
  const files: [string, string][] = [
    // `@description` is openapi-typescript's tag; as the comment's summary, editors and TypeDoc show it as is.
    ["openapi.ts", types.replace(/\* @description /g, "* ")],
    ["spec.ts", data],
    ["mock-validator.ts", mockValidatorSource(operation.requestBody.content)],
  ];
  return Promise.all(
    files.map(async ([name, text]) => {
      const file = resolve(outDir, name);
      await writeFile(file, banner + text);
      return file;
    }),
  );
}

/**
 * `x-zoom-error-code` as `{zoomCode, zoomCodes}`: an integer, or a list when one status documents several
 * codes. A code the description names (Zoom's "**Error Code:** `4134`") must be in it, so a code written
 * only in prose cannot slip past the types, the mock and the error table.
 */
function zoomCodesOf(status: string, response: ResponseObject): { zoomCode?: number; zoomCodes?: number[] } {
  const given = response["x-zoom-error-code"];
  const codes = given === undefined ? [] : Array.isArray(given) ? given : [given];
  if ((Array.isArray(given) && codes.length === 0) || !codes.every((code) => Number.isInteger(code)))
    throw new Error(
      `spec: responses.${status}.x-zoom-error-code must be an integer or a non-empty list of integers, ` +
        `not ${JSON.stringify(given)} (spec/zoom-im-groups.openapi.yaml)`,
    );
  const described = [...(response.description ?? "").matchAll(/Error Code:\**\s*`?(\d+)`?/gi)].map((m) => Number(m[1]));
  const missing = described.filter((code) => !codes.includes(code));
  if (missing.length > 0)
    throw new Error(
      `spec: responses.${status}'s description documents Zoom code ${missing.join(", ")}, which its ` +
        `x-zoom-error-code (${JSON.stringify(given ?? null)}) lacks: list every code there, e.g. ` +
        `x-zoom-error-code: [${[...codes, ...missing].join(", ")}] (spec/zoom-im-groups.openapi.yaml)`,
    );
  return codes.length === 0 ? {} : { zoomCode: codes[0] as number, zoomCodes: codes };
}

/**
 * The one schema both encodings share, reduced to the keywords FieldSchema declares; any other keyword
 * (other than `x-` annotations, `title` and `example`) is refused, so no rule of the spec is silently dropped.
 */
function requestBodySchema(content: Record<string, { schema?: JsonSchema }>) {
  const [schema, ...rest] = Object.values(content).map((media) => media.schema);
  if (!schema || !rest.every((other) => isDeepStrictEqual(other, schema)))
    throw new Error("spec: every request content type needs a schema, one for both encodings");
  // `x-` keys (x-source) are annotations, not rules: no validator reads them.
  for (const key of Object.keys(schema))
    if (!OBJECT_KEYWORDS.includes(key) && !key.startsWith("x-")) unsupported(key, "the request body");
  if (schema.type !== "object") unsupported(`type: ${schema.type}`, "the request body");
  if (![undefined, false].includes(schema.additionalProperties as undefined))
    unsupported("additionalProperties other than false", "the request body");
  const properties: Record<string, Record<string, unknown> & { description?: string }> = {};
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const kept: Record<string, unknown> = {};
    for (const [specKey, value] of Object.entries(field)) {
      const key = RENAMED[specKey] ?? specKey;
      if (FIELD_KEYWORDS.includes(key))
        kept[key] = key === "enumDescriptions" ? withoutAnnotations(value as object) : value;
      else if (!IGNORED_FIELD_KEYWORDS.includes(key) && !key.startsWith("x-")) unsupported(key, name);
    }
    checkField(name, kept);
    properties[name] = kept;
  }
  return {
    type: "object",
    ...(schema.description === undefined ? {} : { description: schema.description }),
    required: schema.required ?? [],
    additionalProperties: schema.additionalProperties !== false,
    properties,
  };
}

/**
 * What FieldSchema's types cannot say: values the validator could not use. (Ajv compiles each `pattern` with
 * the `u` flag for the mock's validator, so an invalid one fails generation there.)
 */
function checkField(name: string, { type, enum: values, enumDescriptions, pattern, patternMessage }: JsonSchema) {
  if (!FIELD_TYPES.includes(String(type))) unsupported(`type: ${type}`, name);
  if (values !== undefined && !values.every((value) => typeof value === "string"))
    unsupported("an enum of other than strings", name);
  const stale = Object.keys(enumDescriptions ?? {}).filter((value) => !values?.includes(value));
  if (stale.length > 0)
    throw new Error(`spec: x-enumDescriptions of ${name} describes ${stale.join(", ")}, not in its enum`);
  if ((pattern === undefined) !== (patternMessage === undefined))
    throw new Error(`spec: ${name} needs both pattern and x-pattern-message (what a person is told), or neither`);
}

function unsupported(what: string, where: string): never {
  throw new Error(
    `spec: ${what} on ${where} is not supported by src/validation.ts; teach the validator (and scripts/generate.ts) first`,
  );
}

const withoutAnnotations = (value: object) =>
  Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith("x-")));

/** An interface with a doc comment on it and on each member. */
const declare = (name: string, doc: string, members: Members) => [
  `/** ${doc} */`,
  `export interface ${name} {`,
  ...Object.entries(members).flatMap(([member, [ts, memberDoc]]) => [`  /** ${memberDoc} */`, `  ${member}: ${ts};`]),
  "}",
  "",
];

/** JSON.stringify(value, null, 2), each key `depth` levels down under the doc comment `docOf` gives it. */
function documented(value: unknown, docOf: (key: string) => string | undefined, depth = 1): string {
  const indent = "  ".repeat(depth);
  return JSON.stringify(value, null, 2).replace(new RegExp(`^${indent}"([^"]+)": `, "gm"), (line, key: string) => {
    const doc = docOf(key);
    return doc ? `${indent}/** ${doc} */\n${line}` : line;
  });
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

/** One plain line for a doc comment: Markdown markup and `<br>` dropped, braces escaped for TSDoc. */
function docLine(text: string): string {
  return text
    .replace(/<br>/g, " ")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ")
    .replace(/\*\//g, "*\\/")
    .replace(/[{}@]/g, (char) => `\\${char}`)
    .trim();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const file of await generate()) console.log(`wrote ${relative(process.cwd(), file)}`);
}
