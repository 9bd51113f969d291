/**
 * What verify checks answers with, proven: the generated response and header validators
 * (src/generated/validators.ts) agree with an Ajv compiled here, at test time, from the spec itself, for every
 * operation and documented status, on the spec's examples and on values that break them one field at a time.
 */
import { Ajv, type ValidateFunction } from "ajv";
import { describe, expect, test } from "vitest";
import { loadSpec, operationsOf } from "../scripts/lib/spec.ts";
import { type Validator, validators } from "../src/generated/validators.ts";

const spec = await loadSpec();
// Formats are left to the generated code's own tests: here every string passes a format, there and here alike.
const formats = { email: true, "date-time": true } as const;
const plain = new Ajv({ strict: false, allErrors: true, formats });
const coerced = new Ajv({ strict: false, allErrors: true, formats, coerceTypes: "array" });

/** Each of an example's fields replaced by a value of another JSON type, one at a time. */
function broken(example: unknown): unknown[] {
  if (!example || typeof example !== "object" || Array.isArray(example)) return [];
  return Object.keys(example).flatMap((key) =>
    [1.5, "text", true, null, [], {}].map((wrong) => ({ ...(example as object), [key]: wrong })),
  );
}

const cases = operationsOf(spec.paths).flatMap(({ operation }) =>
  Object.entries(operation.responses).map(([status, response]) => ({
    id: operation.operationId as keyof typeof validators,
    status,
    response,
  })),
);

describe.each(cases)("$id HTTP $status", ({ id, status, response }) => {
  const json = response.content?.["application/json"];
  test("its JSON body is judged as the spec's schema judges it", () => {
    const generated = (validators[id].responses as Record<string, Validator | undefined>)[status];
    expect(generated === undefined).toBe(json?.schema === undefined);
    if (!json?.schema || !generated) return;
    const independent: ValidateFunction = plain.compile(json.schema);
    const examples = [json.example, ...Object.values(json.examples ?? {}).map((example) => example.value)];
    const values = [...examples, ...examples.flatMap(broken), {}, [], "text", 1, null];
    for (const value of values) expect([value, generated(value)]).toEqual([value, independent(value)]);
  });

  test("its headers are judged as the spec's header schemas judge them (as text, coerced)", () => {
    const headers = Object.entries(response.headers ?? {});
    const generated = (validators[id].headers as Record<string, Validator | undefined>)[status];
    expect(generated === undefined).toBe(headers.length === 0);
    if (!generated) return;
    const independent = coerced.compile({
      type: "object",
      properties: Object.fromEntries(headers.map(([name, header]) => [name.toLowerCase(), header.schema ?? {}])),
    });
    for (const [name] of headers)
      for (const text of ["abc", "12", "-3", "QPS", "Daily-limit", ""]) {
        const value = { [name.toLowerCase()]: text };
        expect([value, generated({ ...value })]).toEqual([value, independent({ ...value })]);
      }
  });
});
