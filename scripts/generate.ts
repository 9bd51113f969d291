/**
 * spec → src/generated. `npm run generate` [--spec PATH] [--out DIR]
 *
 * Writes two files, both banner-marked:
 * - openapi.ts: openapi-typescript's `paths`/`components`/`operations` types;
 * - spec.ts: what the client derives from the spec at run time: the request-body schema it validates with,
 *   the operation's metadata and the documented responses with their Zoom error codes.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import { mockValidatorSource } from "./lib/mock-validator.ts";
import {
  defaultSpecPath,
  generatedDir,
  type JsonSchema,
  loadSpec,
  repoRoot,
  theOperation,
  withoutAnnotations,
} from "./lib/spec.ts";

/**
 * What src/validation.ts implements, as the generated `FieldSchema` declares it: each keyword's TypeScript
 * type, its doc comment and, for the spec's own `x-` annotations, the spec key it comes from. A spec that
 * uses another keyword must not generate.
 */
const FIELD_KEYWORDS: Record<string, { ts: string; doc: string; from?: string }> = {
  type: { ts: '"string" | "boolean" | "integer" | "number"', doc: "The JSON type." },
  description: { ts: "string", doc: "The spec's description." },
  enum: { ts: "readonly string[]", doc: "The values allowed." },
  enumDescriptions: {
    ts: "Readonly<Record<string, string>>",
    doc: "Short help for each enum value, in this project's words (`x-enumDescriptions`).",
    from: "x-enumDescriptions",
  },
  default: { ts: "string | boolean | number", doc: "What Zoom uses when the field is left out." },
  minLength: { ts: "number", doc: "The fewest characters (Unicode code points)." },
  maxLength: { ts: "number", doc: "The most characters (Unicode code points)." },
  minimum: { ts: "number", doc: "The smallest value." },
  maximum: { ts: "number", doc: "The largest value." },
  pattern: { ts: "string", doc: "A regular expression (ECMAScript, `u` flag) that the whole value must match." },
  patternMessage: {
    ts: "string",
    doc: "What a value breaking `pattern` is told, after the field's name (`x-pattern-message`).",
    from: "x-pattern-message",
  },
};
/** The keywords a value can break (the others are its type, or help texts). */
const FIELD_RULES = new Set(["enum", "minLength", "maxLength", "minimum", "maximum", "pattern"]);
/** Keywords allowed in the spec that the validator has no use for. */
const IGNORED_FIELD_KEYWORDS = new Set(["title", "example"]);
const OBJECT_KEYWORDS = new Set(["type", "description", "required", "additionalProperties", "properties", "title"]);
const FIELD_TYPES = new Set(["string", "boolean", "integer", "number"]);

export interface GenerateOptions {
  specPath?: string;
  outDir?: string;
}

export async function generate({
  specPath = defaultSpecPath,
  outDir = generatedDir,
}: GenerateOptions = {}): Promise<string[]> {
  const spec = await loadSpec(specPath);
  const { path, method, operation } = theOperation(spec);
  const shownSpecPath =
    isAbsolute(relative(repoRoot, specPath)) || relative(repoRoot, specPath).startsWith("..")
      ? specPath
      : relative(repoRoot, specPath);
  const banner = `// Generated from ${shownSpecPath} by scripts/generate.ts — do not edit. Run \`npm run generate\`.\n`;
  const requestSchema = requestBodySchema(operation.requestBody.content);
  await mkdir(outDir, { recursive: true });

  // defaultNonNullable: false keeps fields with a default optional for callers (the server applies the default).
  const typesAst = await openapiTS(pathToFileURL(specPath), { defaultNonNullable: false });
  const typesFile = resolve(outDir, "openapi.ts");
  // `@description` is openapi-typescript's tag; as the comment's summary, editors and TypeDoc show it as is.
  await writeFile(typesFile, banner + astToString(typesAst).replace(/\* @description /g, "* "));

  const responses: Record<string, { zoomCode?: number; message: string; contentTypes: string[] }> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status] = {
      ...(response["x-zoom-error-code"] === undefined ? {} : { zoomCode: response["x-zoom-error-code"] }),
      message: plainMessage(response.description),
      contentTypes: Object.keys(response.content ?? {}),
    };
  }
  const created = operation.responses["201"]?.content?.["application/json"]?.schema;
  if (!created?.properties) throw new Error("spec: the 201 response needs an application/json schema with properties");
  const groupFields = Object.fromEntries(Object.entries(created.properties).map(([name, field]) => [name, field.type]));
  const serverUrl = spec.servers?.[0]?.url;
  if (!serverUrl) throw new Error("spec: servers[0].url is missing; the client takes its default base URL from it");
  const quoted = (names: string[]) => names.map((name) => JSON.stringify(name)).join(" | ");
  const fieldDoc = (at: string[]) =>
    at.length === 2 && at[0] === "properties"
      ? `\`${at[1]}\`: ${docLine(requestSchema.properties[at[1] ?? ""]?.description ?? "a field of the request body")}`
      : undefined;

  const data = [
    banner,
    "/** One field of the request body: the JSON Schema keywords the client's validator implements, and help texts. */",
    "export interface FieldSchema {",
    ...Object.entries(FIELD_KEYWORDS).flatMap(([key, { ts, doc }]) => [
      `  /** ${doc} */`,
      `  ${key}${key === "type" ? "" : "?"}: ${ts};`,
    ]),
    "}",
    "",
    "/** The keywords of a field that a value can break (what `ValidationIssue.rule` names besides required, type and additionalProperties). */",
    `export type FieldRule = ${quoted(Object.keys(FIELD_KEYWORDS).filter((key) => FIELD_RULES.has(key)))};`,
    "",
    "/** A field of the request body. */",
    `export type RequestField = ${quoted(Object.keys(requestSchema.properties))};`,
    "",
    "/** The request body's schema: what the client validates with. */",
    "export interface RequestSchema {",
    '  /** Always `"object"`. */',
    '  type: "object";',
    "  /** The spec's description. */",
    "  description?: string;",
    "  /** The fields that must be present. */",
    "  required: readonly RequestField[];",
    "  /** `false`: a field the schema does not name is refused. */",
    "  additionalProperties: boolean;",
    "  /** Each field's schema, in the spec's order. */",
    "  properties: Readonly<Record<RequestField, FieldSchema>>;",
    "}",
    "",
    "/** One documented response of the operation. */",
    "export interface DocumentedResponse {",
    "  /** Zoom's error code (`x-zoom-error-code`). */",
    "  zoomCode?: number;",
    "  /** The spec's description as one plain sentence: a template where Zoom's is (`{groupName}`). */",
    "  message: string;",
    "  /** The documented content types. */",
    "  contentTypes: readonly string[];",
    "}",
    "",
    "/** The operation this package calls, as the spec describes it. */",
    `export const operation = ${documentedLiteral(
      {
        operationId: operation.operationId,
        method,
        path,
        serverUrl,
        summary: operation.summary ?? "",
        scopes: operation["x-zoom-scopes"] ?? [],
        granularScopes: operation["x-zoom-granular-scopes"] ?? [],
        rateLimitLabel: operation["x-zoom-rate-limit-label"] ?? "",
        requestContentTypes: Object.keys(operation.requestBody.content),
      },
      (at) => OPERATION_DOCS[at.join(".")],
    )} as const;`,
    "",
    "/** The request body's schema (dereferenced, examples dropped, `x-` help renamed): what the client validates with. */",
    `export const createImGroupRequestSchema: RequestSchema = ${documentedLiteral(requestSchema, fieldDoc)};`,
    "",
    "/** The fields of the created group (the 201 body) and their JSON types: the client keeps exactly these. */",
    `export const createdGroupFields: { readonly [name: string]: FieldSchema["type"] } = ${documentedLiteral(groupFields, ([name]) => `The JSON type of \`${name}\` in the 201 body.`)};`,
    "",
    "/** Every documented response: HTTP status → Zoom error code, plain message and content types. */",
    `export const documentedResponses: { readonly [status in ${quoted(Object.keys(responses))}]: DocumentedResponse } = ${documentedLiteral(responses, ([status, key]) => (key ? undefined : `HTTP ${status}.`))};`,
    "",
  ].join("\n");
  const dataFile = resolve(outDir, "spec.ts");
  await writeFile(dataFile, data);
  // The mock Zoom's own validator, independent of the client's (scripts/lib/mock-validator.ts).
  const mockValidatorFile = resolve(outDir, "mock-validator.ts");
  await writeFile(mockValidatorFile, banner + mockValidatorSource(operation.requestBody.content));
  return [typesFile, dataFile, mockValidatorFile];
}

interface GeneratedSchema {
  type: "object";
  description?: string;
  required: string[];
  additionalProperties: boolean;
  properties: Record<string, Record<string, unknown> & { description?: string }>;
}

/** The one schema both encodings share, reduced to the keywords FieldSchema declares. */
function requestBodySchema(content: Record<string, { schema?: JsonSchema }>): GeneratedSchema {
  const schemas = Object.entries(content).map(([type, media]) => {
    if (!media.schema) throw new Error(`spec: requestBody content ${type} has no schema`);
    return media.schema;
  });
  const [schema, ...rest] = schemas;
  if (!schema) throw new Error("spec: the operation has no request body");
  if (!rest.every((other) => isDeepStrictEqual(other, schema))) {
    throw new Error("spec: every request content type must share one schema (one component for both encodings)");
  }
  // `x-` keys (x-source) are annotations, not rules: no validator reads them.
  for (const key of Object.keys(schema)) {
    if (!OBJECT_KEYWORDS.has(key) && !key.startsWith("x-")) unsupported(key, "the request body");
  }
  if (schema.type !== "object") unsupported(`type: ${schema.type}`, "the request body");
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
    unsupported("additionalProperties other than false", "the request body");
  }
  const fromSpecKey = new Map(Object.entries(FIELD_KEYWORDS).map(([key, { from }]) => [from ?? key, key]));
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, field]) => {
      const kept: Record<string, unknown> = {};
      for (const [specKey, value] of Object.entries(field)) {
        const key = fromSpecKey.get(specKey);
        if (key) kept[key] = key === "enumDescriptions" ? withoutAnnotations(value) : value;
        else if (!IGNORED_FIELD_KEYWORDS.has(specKey) && !specKey.startsWith("x-")) unsupported(specKey, name);
      }
      checkField(name, kept);
      return [name, kept];
    }),
  );
  return {
    type: "object",
    ...(schema.description === undefined ? {} : { description: schema.description }),
    required: schema.required ?? [],
    additionalProperties: schema.additionalProperties !== false,
    properties,
  };
}

/** What FieldSchema's types cannot say: values the validator could not use. */
function checkField(name: string, field: Record<string, unknown>): void {
  if (!FIELD_TYPES.has(String(field.type))) unsupported(`type: ${String(field.type)}`, name);
  const { enum: values, enumDescriptions, pattern, patternMessage } = field;
  if (values !== undefined && !(Array.isArray(values) && values.every((value) => typeof value === "string"))) {
    unsupported("an enum of other than strings", name);
  }
  if (enumDescriptions !== undefined) {
    const stale = Object.keys(enumDescriptions as object).filter(
      (value) => !(values as string[] | undefined)?.includes(value),
    );
    if (stale.length > 0)
      throw new Error(`spec: x-enumDescriptions of ${name} describes ${stale.join(", ")}, not in its enum`);
  }
  if (pattern !== undefined) {
    try {
      new RegExp(String(pattern), "u");
    } catch (error) {
      throw new Error(`spec: the pattern of ${name} is not an ECMAScript regular expression with the u flag: ${error}`);
    }
  }
  if ((pattern === undefined) !== (patternMessage === undefined)) {
    throw new Error(`spec: ${name} needs both pattern and x-pattern-message (what a person is told), or neither`);
  }
}

function unsupported(what: string, where: string): never {
  throw new Error(
    `spec: ${what} on ${where} is not supported by src/validation.ts; teach the validator (and scripts/generate.ts) first`,
  );
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

const OPERATION_DOCS: Record<string, string> = {
  operationId: "The spec's operationId.",
  method: "The HTTP method.",
  path: "The path, under the server URL.",
  serverUrl: "The spec's server: the client's default base URL.",
  summary: "The operation's summary.",
  scopes: "The OAuth scopes the call needs.",
  granularScopes: "Zoom's granular scopes for the call.",
  rateLimitLabel: "Zoom's rate-limit label: which per-second and daily limits apply.",
  requestContentTypes: "The request body's media types, in the spec's order.",
};

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

/** A literal like JSON.stringify(value, null, 2), with a doc comment on each object property that has one. */
function documentedLiteral(
  value: unknown,
  docAt: (at: string[]) => string | undefined,
  at: string[] = [],
  indent = "",
): string {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const inner = `${indent}  `;
    const lines = entries.map(([key, item]) => {
      const doc = docAt([...at, key]);
      const comment = doc ? `${inner}/** ${doc} */\n` : "";
      return `${comment}${inner}${JSON.stringify(key)}: ${documentedLiteral(item, docAt, [...at, key], inner)}`;
    });
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { spec: { type: "string" }, out: { type: "string" } } });
  try {
    const files = await generate({
      specPath: values.spec ? resolve(values.spec) : defaultSpecPath,
      outDir: values.out ? resolve(values.out) : generatedDir,
    });
    for (const file of files) console.log(`wrote ${relative(process.cwd(), file)}`);
  } catch (error) {
    console.error(`generate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
