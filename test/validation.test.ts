/**
 * Bad bodies are rejected before anything is sent, with every bad field and rule named; good bodies with
 * awkward names reach the wire intact in both encodings.
 */

import { describe, expect, test } from "vitest";
import { type CreateImGroupBody, createImGroupsClient, ValidationError, type ValidationIssue } from "../src/index.ts";
import { encodings, validateCreateImGroupBody } from "../src/spec.ts";
import { parsedRequestBody, TOKEN, useMswServer } from "./support/msw.ts";
import { fromFormFields, NAME_MAX } from "./support/spec.ts";

const { requests, respondWith } = useMswServer();

function client(encoding: "multipart" | "json" = "multipart") {
  return createImGroupsClient({ accessToken: TOKEN, encoding, maxRetries: 0 });
}

async function rejection(body: unknown): Promise<ValidationError> {
  respondWith(Response.json({ id: "never" }, { status: 201 }));
  const error = await client()
    .createImGroup(body as CreateImGroupBody)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(ValidationError);
  expect(requests, "a rejected body must not reach the network").toHaveLength(0);
  return error as ValidationError;
}

function rules(error: ValidationError): Pick<ValidationIssue, "field" | "rule">[] {
  return error.issues.map(({ field, rule }) => ({ field, rule }));
}

describe("rejected before sending", () => {
  test(`a name of ${NAME_MAX + 1} characters breaks maxLength`, async () => {
    const error = await rejection({ name: "x".repeat(NAME_MAX + 1) });
    expect(rules(error)).toEqual([{ field: "name", rule: "maxLength" }]);
    expect(error.message).toContain(`name must be at most ${NAME_MAX} characters (got ${NAME_MAX + 1})`);
  });

  test(`${NAME_MAX + 1} emoji are ${NAME_MAX + 1} characters (code points, not UTF-16 units)`, async () => {
    const error = await rejection({ name: "🎉".repeat(NAME_MAX + 1) });
    expect(rules(error)).toEqual([{ field: "name", rule: "maxLength" }]);
  });

  test("an empty name breaks minLength", async () => {
    expect(rules(await rejection({ name: "" }))).toEqual([{ field: "name", rule: "minLength" }]);
  });

  test("a missing name is required", async () => {
    const error = await rejection({ type: "shared" });
    expect(rules(error)).toEqual([{ field: "name", rule: "required" }]);
    expect(error.message).toContain("name is required");
  });

  test.each(["Normal", "public", "", "normal ", "Excepteur proident innormal"])(
    "type %j is not in the enum",
    async (type) => {
      const error = await rejection({ name: "Design", type });
      expect(rules(error)).toEqual([{ field: "type", rule: "enum" }]);
      expect(error.message).toContain("type must be one of normal, shared, restricted");
    },
  );

  test.each([
    ["search_by_domain", "true"],
    ["search_by_account", 1],
    ["search_by_ma_account", null],
    ["search_by_domain", "Excepteur proident innormalfalse"],
  ])("%s = %j is not a boolean", async (field, value) => {
    const error = await rejection({ name: "Design", [field]: value });
    expect(rules(error)).toEqual([{ field, rule: "type" }]);
    expect(error.message).toContain(`${field} must be a boolean`);
  });

  test.each([
    ["a NUL", "a\u0000b"],
    ["a line feed", "first line\nsecond line"],
    ["a CRLF", "first\r\nsecond"],
    ["a tab", "a\tb"],
    ["an escape", "\u001b[31mred"],
    ["a DEL", "a\u007fb"],
    ["multipart-looking text", '--boundary\r\nContent-Disposition: form-data; name="type"\r\n\r\nrestricted'],
  ])("a name with %s breaks the spec's pattern, with the spec's message", async (_label, name) => {
    const error = await rejection({ name });
    expect(rules(error)).toEqual([{ field: "name", rule: "pattern" }]);
    expect(error.issues[0]?.message).toMatch(
      /^name must not contain control characters such as line breaks or tabs, or lone surrogates \(got string /,
    );
  });

  test("a name that is not a string breaks type", async () => {
    expect(rules(await rejection({ name: 42 }))).toEqual([{ field: "name", rule: "type" }]);
  });

  test("an unknown field is refused, so a typo is not silently dropped", async () => {
    const error = await rejection({ name: "Design", search_by_domian: true });
    expect(rules(error)).toEqual([{ field: "search_by_domian", rule: "additionalProperties" }]);
  });

  test.each([null, "Design", ["Design"], 7])("a body that is not an object (%j) is refused", async (body) => {
    expect(rules(await rejection(body))).toEqual([{ field: "(body)", rule: "type" }]);
  });

  test("the seed's curl values are rejected, every bad field named", async () => {
    // curl --form 'type=Excepteur proident innormal' --form 'search_by_domain=Excepteur proident innormalfalse' …
    const seed = fromFormFields([
      ["name", "Excepteur proident in"],
      ["type", "Excepteur proident innormal"],
      ["search_by_domain", "Excepteur proident innormalfalse"],
      ["search_by_account", "Excepteur proident innormalfalsetrue"],
      ["search_by_ma_account", "Excepteur proident innormalfalsetruefalse"],
    ]);
    const error = await rejection(seed);
    expect(rules(error)).toEqual([
      { field: "type", rule: "enum" },
      { field: "search_by_domain", rule: "type" },
      { field: "search_by_account", rule: "type" },
      { field: "search_by_ma_account", rule: "type" },
    ]);
  });
});

const awkwardNames = {
  [`${NAME_MAX} characters`]: "x".repeat(NAME_MAX),
  [`${NAME_MAX} emoji`]: "🎉".repeat(NAME_MAX),
  "one character": "x",
  CJK: "设计团队・デザインチーム",
  "emoji and ZWJ sequences": "Team 👩‍💻👨‍👩‍👧",
  quotes: `He said "hi" and 'bye' \\ done`,
  "multipart-looking text": '--boundary Content-Disposition: form-data; name="type" restricted',
  "invisible characters the pattern allows (zero-width and no-break spaces)": "a\u200bc\u00a0d",
};

describe.each(encodings)("accepted and sent intact (%s)", (encoding) => {
  test.each(Object.entries(awkwardNames))("a name with %s", async (_label, name) => {
    respondWith(Response.json({ id: "g1", name }, { status: 201 }));
    const body: CreateImGroupBody = { name, type: "restricted", search_by_domain: true };
    const group = await client(encoding).createImGroup(body);
    expect(group.id).toBe("g1");
    expect(requests).toHaveLength(1);
    const sent = await parsedRequestBody(requests[0] as Request);
    const fields = Array.isArray(sent.fields) ? fromFormFields(sent.fields) : sent.fields;
    expect(fields).toEqual(body);
  });
});

test("a body with thousands of unknown keys makes a short message; issues lists them all", async () => {
  const body: Record<string, unknown> = { name: "Design team" };
  for (let i = 0; i < 10_000; i++) body[`extra_${i}_${"x".repeat(100)}`] = i;
  const issues = validateCreateImGroupBody(body);
  expect(issues).toHaveLength(10_000);
  const error = new ValidationError(issues);
  expect(error.message.length).toBeLessThan(2_000);
  expect(error.message).toContain("and 9995 more (in issues)");
});
