/**
 * src/generated/mock-validator.ts: the mock Zoom's request validator, compiled by Ajv from the spec's request
 * schemas and independent of the client's validator (src/validation.ts), so that a bug in one shows against
 * the other. Ajv runs here, at generate time, in standalone mode: the module it writes needs neither Ajv nor
 * eval/new Function at run time (Cloudflare Workers allow neither). Its one runtime helper, `ucs2length`
 * (string length in code points, as JSON Schema counts it), is inlined; any other helper fails generation.
 */
import { Ajv } from "ajv";
import standalone from "ajv/dist/standalone/index.js";
import type { JsonSchema } from "./spec.ts";

/**
 * The module's source (after the banner): one validator per request media type, keyed by media type. A form
 * carries text, so its validator coerces values to the schema's types as it checks them ("true" → true).
 */
export function mockValidatorSource(content: Record<string, { schema?: JsonSchema }>): string {
  const validators = Object.entries(content).map(([mediaType, { schema }], index) => {
    if (!schema) throw new Error(`spec: requestBody content ${mediaType} has no schema`);
    const coerce = !/^application\/([\w.-]+\+)?json$/.test(mediaType);
    return { mediaType, coerce, name: `validate${index}`, code: compile(schema, coerce) };
  });
  // One schema for every media type (generate.ts insists), so the first one's messages are all there are.
  const patternMessages = Object.fromEntries(
    Object.entries(Object.values(content)[0]?.schema?.properties ?? {}).flatMap(([field, rules]) =>
      typeof rules["x-pattern-message"] === "string" ? [[field, rules["x-pattern-message"]]] : [],
    ),
  );
  return [
    "// @ts-nocheck: Ajv's standalone code is plain JavaScript; the exports at the end are typed.",
    "",
    "function codePointLength(text) {",
    "  let length = 0;",
    "  for (const _ of text) length++;",
    "  return length;",
    "}",
    ...validators.flatMap(({ mediaType, coerce, name, code }) => [
      "",
      `// ${mediaType}${coerce ? ": text coerced to the schema's types" : ""}`,
      `const ${name} = (() => {`,
      code,
      "})();",
    ]),
    "",
    "/** One of Ajv's errors: where (a JSON pointer), which rule, its parameters and Ajv's message. */",
    "export interface MockValidationError {",
    "  instancePath: string;",
    "  keyword: string;",
    "  params: Record<string, unknown>;",
    "  message?: string;",
    "}",
    "",
    "/** True when the body keeps the spec's rules; otherwise `errors` says how it does not. */",
    "export type MockValidator = ((body: unknown) => boolean) & { errors?: MockValidationError[] | null };",
    "",
    "/** The request body's validator for each media type the spec documents. */",
    "export const validators = {",
    ...validators.map(({ mediaType, name }) => `  ${JSON.stringify(mediaType)}: ${name} as MockValidator,`),
    "};",
    "",
    "/** The spec's own words (`x-pattern-message`) for a field's `pattern`, in place of Ajv's regular expression. */",
    `export const patternMessages: Record<string, string> = ${JSON.stringify(patternMessages, null, 2)};`,
    "",
  ].join("\n");
}

/** Ajv's standalone code for one schema, as the body of a function that returns the validator. */
function compile(schema: JsonSchema, coerceTypes: boolean): string {
  // Strict mode, so a keyword Ajv does not know (a typo, a format it cannot check) fails generation; the
  // OpenAPI annotations it would refuse (`example`, `x-…`) are declared as keywords without rules.
  const annotations = new Set(["example"]);
  JSON.stringify(schema, (key, value) => {
    if (key.startsWith("x-")) annotations.add(key);
    return value;
  });
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes,
    keywords: [...annotations],
    code: { source: true, esm: true, lines: true },
  });
  // A CommonJS module: under NodeNext its default import is `module.exports`, whose `default` is the function.
  const source = standalone.default(ajv, ajv.compile(schema));
  const name = /^export const validate = (\w+);$/m.exec(source)?.[1];
  if (!name) throw new Error("Ajv's standalone code has no `export const validate`: has its format changed?");
  const code = source
    .replace(/^"use strict";$|^export .*$/gm, "")
    .replaceAll('require("ajv/dist/runtime/ucs2length").default', "codePointLength")
    .trim();
  if (/\brequire\(|\bnew Function\b|\beval\(/.test(code))
    throw new Error("Ajv's code needs a run-time import or eval: inline it in scripts/lib/mock-validator.ts");
  return `${code}\nreturn ${name};`;
}
