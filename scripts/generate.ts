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
import { defaultSpecPath, generatedDir, type JsonSchema, loadSpec, repoRoot, theOperation } from "./lib/spec.ts";

/** The JSON Schema keywords src/validation.ts implements. A spec that uses another one must not generate. */
const SUPPORTED_OBJECT_KEYWORDS = new Set([
  "type",
  "description",
  "required",
  "additionalProperties",
  "properties",
  "title",
]);
const SUPPORTED_FIELD_KEYWORDS = new Set([
  "type",
  "description",
  "title",
  "default",
  "example",
  "enum",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
]);
const SUPPORTED_FIELD_TYPES = new Set(["string", "boolean", "integer", "number"]);

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
  requestSchemaForDocs = requestSchema;
  const written: string[] = [];
  await mkdir(outDir, { recursive: true });

  // defaultNonNullable: false keeps fields with a default optional for callers (the server applies the default).
  const typesAst = await openapiTS(pathToFileURL(specPath), { defaultNonNullable: false });
  const typesFile = resolve(outDir, "openapi.ts");
  // `@description` is openapi-typescript's tag; as the comment's summary, editors and TypeDoc show it as is.
  await writeFile(typesFile, banner + astToString(typesAst).replace(/\* @description /g, "* "));
  written.push(typesFile);

  const responses: Record<string, { zoomCode?: number; description: string; contentTypes: string[] }> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status] = {
      ...(response["x-zoom-error-code"] === undefined ? {} : { zoomCode: response["x-zoom-error-code"] }),
      description: response.description.trim(),
      contentTypes: Object.keys(response.content ?? {}),
    };
  }
  const created = operation.responses["201"]?.content?.["application/json"]?.schema;
  if (!created?.properties) throw new Error("spec: the 201 response needs an application/json schema with properties");
  const groupFields = Object.fromEntries(Object.entries(created.properties).map(([name, field]) => [name, field.type]));
  const serverUrl = spec.servers?.[0]?.url;
  if (!serverUrl) throw new Error("spec: servers[0].url is missing; the client takes its default base URL from it");

  const data = [
    banner,
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
    "/** The request body's JSON Schema (dereferenced, examples and x- annotations dropped): what the client validates with. */",
    `export const createImGroupRequestSchema = ${documentedLiteral(requestSchema, schemaDoc)} as const;`,
    "",
    "/** The fields of the created group (the 201 body) and their JSON types: the client keeps exactly these. */",
    `export const createdGroupFields = ${documentedLiteral(groupFields, ([name]) => `The JSON type of \`${name}\` in the 201 body.`)} as const;`,
    "",
    "/** Every documented response: HTTP status → Zoom error code, description and content types. */",
    `export const documentedResponses = ${documentedLiteral(responses, responseDoc)} as const;`,
    "",
  ].join("\n");
  const dataFile = resolve(outDir, "spec.ts");
  await writeFile(dataFile, data);
  written.push(dataFile);

  // The mock Zoom's own validator, independent of the client's (scripts/lib/mock-validator.ts).
  const mockValidatorFile = resolve(outDir, "mock-validator.ts");
  await writeFile(mockValidatorFile, banner + mockValidatorSource(operation.requestBody.content));
  written.push(mockValidatorFile);
  return written;
}

function requestBodySchema(content: Record<string, { schema?: JsonSchema }>): JsonSchema {
  const schemas = Object.entries(content).map(([type, media]) => {
    if (!media.schema) throw new Error(`spec: requestBody content ${type} has no schema`);
    return media.schema;
  });
  const [first, ...rest] = schemas;
  if (!first) throw new Error("spec: the operation has no request body");
  if (!rest.every((schema) => isDeepStrictEqual(schema, first))) {
    throw new Error("spec: every request content type must share one schema (one component for both encodings)");
  }
  checkSupported(first);
  return withoutAnnotations(first) as JsonSchema;
}

function checkSupported(schema: JsonSchema): void {
  // `x-` keys (x-source) are annotations, not rules: no validator reads them.
  for (const key of Object.keys(schema)) {
    if (!SUPPORTED_OBJECT_KEYWORDS.has(key) && !key.startsWith("x-")) unsupported(key, "the request body");
  }
  if (schema.type !== "object") unsupported(`type: ${schema.type}`, "the request body");
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
    unsupported("additionalProperties other than false", "the request body");
  }
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    for (const key of Object.keys(field)) {
      if (!SUPPORTED_FIELD_KEYWORDS.has(key) && !key.startsWith("x-")) unsupported(key, name);
    }
    if (!SUPPORTED_FIELD_TYPES.has(String(field.type))) unsupported(`type: ${field.type}`, name);
  }
}

function unsupported(what: string, where: string): never {
  throw new Error(
    `spec: ${what} on ${where} is not supported by src/validation.ts; teach the validator (and scripts/generate.ts) first`,
  );
}

/** Examples and `x-` annotations (x-source) say nothing the runtime validator needs. */
function withoutAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAnnotations);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "example" && key !== "examples" && !key.startsWith("x-"))
        .map(([key, inner]) => [key, withoutAnnotations(inner)]),
    );
  }
  return value;
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

const KEYWORD_DOCS: Record<string, string> = {
  type: "The JSON type.",
  description: "The spec's description.",
  required: "The fields that must be present.",
  additionalProperties: "`false`: a field the schema does not name is refused.",
  properties: "Each field's schema.",
  minLength: "The fewest characters (Unicode code points).",
  maxLength: "The most characters (Unicode code points).",
  minimum: "The smallest value.",
  maximum: "The largest value.",
  enum: "The values allowed.",
  default: "What Zoom uses when the field is left out.",
  title: "The schema's title.",
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

function schemaDoc(at: string[]): string | undefined {
  if (at.length === 2 && at[0] === "properties") {
    const field = (at[1] ?? "") as string;
    return `\`${field}\`: ${docLine(String((requestSchemaForDocs?.properties?.[field] as JsonSchema | undefined)?.description ?? "a field of the request body"))}`;
  }
  return KEYWORD_DOCS[at.at(-1) ?? ""];
}
let requestSchemaForDocs: JsonSchema | undefined;

function responseDoc(at: string[]): string | undefined {
  if (at.length === 1) return `HTTP ${at[0]}.`;
  return {
    zoomCode: "Zoom's error code (`x-zoom-error-code`).",
    description: "The spec's description of the response.",
    contentTypes: "The documented content types.",
  }[at[1] ?? ""];
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
