/**
 * src/generated/validators.ts: standalone validation code for every schema of the spec that a request or an
 * answer is checked against (request bodies per media type, each operation's parameters, every documented
 * JSON answer), compiled by Ajv here, at generate time. The module needs neither Ajv nor eval/new Function at
 * run time (Cloudflare Workers allow neither); its one helper, `codePointLength` (string length in code points,
 * as JSON Schema counts it), is inlined, and any other helper fails generation. Identical schemas share one
 * function. A form carries text, so a form's validator coerces values to the schema's types as it checks them
 * ("true" → true, one value → a list of one).
 */
import { Ajv } from "ajv";
import standalone from "ajv/dist/standalone/index.js";
import type { JsonSchema } from "./spec.ts";

/** The formats the spec may use, as patterns Ajv inlines; another format fails generation, naming it. */
export const FORMATS: Record<string, RegExp> = {
  // One @, no spaces, a dot in the domain: what a directory accepts, not RFC 5322's every corner.
  email: /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u,
  "date-time": /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/u,
};

/** Keys that say nothing a value can break: dropped before compiling (Ajv's strict mode would refuse some). */
const ANNOTATIONS = /^(x-.*|description|example|examples|title|deprecated|readOnly|writeOnly)$/;

/** A schema without annotations, for Ajv. */
export function rulesOnly(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rulesOnly);
  if (!schema || typeof schema !== "object") return schema;
  return Object.fromEntries(
    Object.entries(schema).flatMap(([key, value]) =>
      ANNOTATIONS.test(key)
        ? []
        : // `properties` and `enum` hold names and values, not keywords: keep every key under them.
          [[key, key === "properties" ? mapValues(value, rulesOnly) : key === "enum" ? value : rulesOnly(value)]],
    ),
  );
}
const mapValues = (record: object, map: (value: unknown) => unknown) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));

/** One schema to compile, where it comes from (for errors), and whether a form's text is coerced. */
export interface SchemaUse {
  schema: JsonSchema;
  coerce: boolean;
  where: string;
}

/**
 * The module's source: one function per distinct (schema, coercion), and `name(use)` for the expression that
 * names the validator of a use. `specFile` is named in a compile error (the spec being generated, which may be
 * a copy).
 */
export function validatorsSource(
  uses: SchemaUse[],
  specFile = "spec/zoom-im-groups.openapi.yaml",
): { code: string; name: (use: SchemaUse) => string } {
  const names = new Map<string, string>();
  const byMode = { plain: new Map<string, unknown>(), coerced: new Map<string, unknown>() };
  const keyOf = (use: SchemaUse) => `${use.coerce}:${JSON.stringify(rulesOnly(use.schema))}`;
  for (const use of uses) {
    const key = keyOf(use);
    if (names.has(key)) continue;
    const name = `v${names.size}`;
    names.set(key, name);
    (use.coerce ? byMode.coerced : byMode.plain).set(name, { rules: rulesOnly(use.schema), where: use.where });
  }
  const blocks = Object.entries(byMode).flatMap(([mode, schemas]) =>
    schemas.size === 0
      ? []
      : [compile(schemas as Map<string, { rules: object; where: string }>, mode === "coerced", specFile)],
  );
  const exported = [...names.values()];
  const code = [
    "// @ts-nocheck: Ajv's standalone code is plain JavaScript; the exports at the end are typed.",
    "",
    "function codePointLength(text) {",
    "  let length = 0;",
    "  for (const _ of text) length++;",
    "  return length;",
    "}",
    ...blocks,
    "",
    "/** One of Ajv's errors: where (a JSON pointer), which rule, its parameters and Ajv's message. */",
    "export interface SchemaError {",
    "  instancePath: string;",
    "  keyword: string;",
    "  params: Record<string, unknown>;",
    "  message?: string;",
    "}",
    "",
    "/** True when the value keeps the schema's rules; otherwise `errors` says how it does not. */",
    "export type Validator = ((value: unknown) => boolean) & { errors?: SchemaError[] | null };",
    "",
    `const all = { ${exported.join(", ")} } as { ${exported.map((name) => `${name}: Validator`).join("; ")} };`,
  ].join("\n");
  return { code, name: (use) => `all.${names.get(keyOf(use))}` };
}

/** Ajv's standalone code for some schemas (one mode), as a block that defines a const per name. */
function compile(
  schemas: Map<string, { rules: object; where: string }>,
  coerceTypes: boolean,
  specFile: string,
): string {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes: coerceTypes ? "array" : false,
    formats: FORMATS,
    code: { source: true, esm: true, lines: true },
  });
  for (const [name, { rules, where }] of schemas) {
    try {
      ajv.addSchema(rules, name);
      ajv.getSchema(name);
    } catch (error) {
      throw new Error(`spec: ${where} cannot be compiled: ${(error as Error).message} (${specFile})`);
    }
  }
  const source = standalone.default(ajv, Object.fromEntries([...schemas.keys()].map((name) => [name, name])));
  const code = source
    .replace(/^"use strict";$/gm, "")
    .replace(/^export const (\w+) = (\w+);$/gm, "const $1 = $2;")
    .replaceAll('require("ajv/dist/runtime/ucs2length").default', "codePointLength")
    .trim();
  if (/\brequire\(|\bnew Function\b|\beval\(|^export /m.test(code))
    throw new Error("Ajv's code needs a run-time import or eval: inline it in scripts/lib/validators.ts");
  const names = [...schemas.keys()].join(", ");
  const what = coerceTypes ? "Forms: text coerced to the schema's types" : "JSON values, as they are";
  return `\n// ${what}\nconst { ${names} } = (() => {\n${code}\nreturn { ${names} };\n})();`;
}
