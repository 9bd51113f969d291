/**
 * Property tests (fast-check) for every operation with parameters or a body, beside properties.test.ts (the
 * create's encodings, redirects, Retry-After and hostile answers; split so that each file stays fast). Inputs are
 * generated from the spec as the test reads it (test/support/spec.ts), not from the generated table:
 * - valid parameters and bodies leave the client through its public method, and the request conforms to the
 *   spec by the test's own Ajv: one path segment per id, the query, the body in the media type it was sent as;
 * - inputs that break one rule are refused with a ValidationError naming the field and the rule, and nothing is
 *   sent; the test's Ajv agrees that the input breaks the spec.
 * Seeds are fixed; PROPERTY_SEED=random (or a number) runs another and prints it.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { JsonSchema } from "../../scripts/lib/spec.ts";
import { createImGroupsClient, type ImGroupsClient, ValidationError } from "../../src/index.ts";
import { operations as generated, type Operation, type OperationId } from "../../src/spec.ts";
import { parsedRequestBody } from "../support/msw.ts";
import {
  fromFormFields,
  paramsSchema,
  requestParams,
  requestSchema,
  sampleOf,
  specOperationById,
  validateParamValues,
  validateRequest,
  validateRequestParams,
} from "../support/spec.ts";

const RUNS = 100;
const seedSetting = process.env.PROPERTY_SEED;
const seed = seedSetting === "random" ? Date.now() : seedSetting ? Number(seedSetting) : 20_270_301;
if (seedSetting) console.log(`operation property tests: PROPERTY_SEED=${seed}`);
const settings = { numRuns: RUNS, seed };

const operations: Readonly<Record<OperationId, Operation>> = generated;

/** Well-formed Unicode strings measured in code points, as JSON Schema measures them. */
const unicode = (minLength: number, maxLength: number) =>
  fc.string({ unit: "binary", minLength, maxLength }).filter((s) => !/\p{Surrogate}/u.test(s));

/** Values the schema accepts, built from its keywords alone. */
function valid(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: (schema.minimum as number) ?? -1e6, max: (schema.maximum as number) ?? 1e6 });
    case "array":
      return fc.array(valid(schema.items ?? {}), {
        minLength: (schema.minItems as number) ?? 0,
        maxLength: (schema.maxItems as number) ?? 12,
      });
    case "object": {
      const properties = schema.properties ?? {};
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([name, field]) => [name, valid(field)])),
        { requiredKeys: schema.required ?? [] },
      );
      const fewest = (schema.minProperties as number) ?? 0;
      return record.filter((value) => Object.keys(value).length >= fewest);
    }
    default: {
      if (schema.format === "email")
        return fc.emailAddress().filter((email) => email.length <= ((schema.maxLength as number) ?? 254));
      const text = unicode((schema.minLength as number) ?? 0, (schema.maxLength as number) ?? 40);
      const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern, "u");
      return pattern ? text.filter((value) => pattern.test(value)) : text;
    }
  }
}

/** One broken rule of a value: what to put in its place, and the rule (a JSON Schema keyword) it breaks. */
type Break = { value: unknown; rule: string };

/** Ways to break a value of this schema at this place, each breaking one rule. */
function breakers(schema: JsonSchema): fc.Arbitrary<Break>[] {
  const found: fc.Arbitrary<Break>[] = [];
  const wrongType = fc
    .oneof(fc.integer(), fc.constant(null), fc.string({ maxLength: 4 }), fc.boolean(), fc.constant([]))
    .filter((v) => {
      if (schema.type === "integer") return !Number.isInteger(v);
      if (schema.type === "array") return !Array.isArray(v);
      if (schema.type === "object") return v === null || typeof v !== "object" || Array.isArray(v);
      return typeof v !== schema.type;
    });
  found.push(wrongType.map((value) => ({ value, rule: "type" })));
  if (schema.enum) {
    const allowed = schema.enum;
    found.push(
      fc
        .string({ maxLength: 12 })
        .filter((v) => !allowed.includes(v))
        .map((value) => ({ value, rule: "enum" })),
    );
  }
  if (typeof schema.minLength === "number" && schema.minLength > 0)
    found.push(fc.constant({ value: "", rule: "minLength" }));
  if (typeof schema.maxLength === "number") {
    const over = schema.maxLength + 1;
    const text = schema.format === "email" ? fc.constant(`${"a".repeat(over)}@example.com`) : unicode(over, over + 20);
    found.push(text.map((value) => ({ value, rule: "maxLength" })));
  }
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern, "u");
    const probes = fc.constantFrom("..", ".", "a\u0000b", "line\nbreak", "tab\t", "\u007f");
    found.push(
      probes
        .filter((value) => !pattern.test(value) && [...value].length >= ((schema.minLength as number) ?? 0))
        .map((value) => ({ value, rule: "pattern" })),
    );
  }
  if (schema.format === "email")
    found.push(fc.stringMatching(/^[a-z]{1,8}$/).map((local) => ({ value: `${local}.example.com`, rule: "format" })));
  if (typeof schema.minimum === "number") found.push(fc.constant({ value: schema.minimum - 1, rule: "minimum" }));
  if (typeof schema.maximum === "number") found.push(fc.constant({ value: schema.maximum + 1, rule: "maximum" }));
  if (schema.type === "integer") found.push(fc.constant({ value: 1.5, rule: "type" }));
  if (schema.type === "object" && typeof schema.minProperties === "number" && schema.minProperties > 0)
    found.push(fc.constant({ value: {}, rule: "minProperties" }));
  return found;
}

/** A valid input with one rule broken somewhere in it: the value, the field as the client names it, the rule. */
function broken(
  schema: JsonSchema,
  { whole = true }: { whole?: boolean } = {},
): fc.Arbitrary<{ value: Record<string, unknown>; field: string; rule: string }> {
  const properties = schema.properties ?? {};
  const base = valid(schema) as fc.Arbitrary<Record<string, unknown>>;
  const options: fc.Arbitrary<{ value: Record<string, unknown>; field: string; rule: string }>[] = [];
  for (const [name, field] of Object.entries(properties)) {
    for (const bad of breakers(field))
      options.push(
        fc.tuple(base, bad).map(([value, b]) => ({ value: { ...value, [name]: b.value }, field: name, rule: b.rule })),
      );
    // A list's items: break one field of one item (`members[2].email`), or give an item no field at all.
    if (field.type === "array" && field.items?.type === "object") {
      const item = field.items;
      for (const [inner, innerSchema] of Object.entries(item.properties ?? {}))
        for (const bad of breakers(innerSchema))
          options.push(
            fc.tuple(base, bad, fc.nat()).map(([value, b, at]) => {
              const list = [...((value[name] as Record<string, unknown>[]) ?? [])];
              const index = at % list.length;
              list[index] = { ...list[index], [inner]: b.value };
              return { value: { ...value, [name]: list }, field: `${name}[${index}].${inner}`, rule: b.rule };
            }),
          );
      options.push(
        fc.tuple(base, fc.nat()).map(([value, at]) => {
          const list = [...((value[name] as unknown[]) ?? [])];
          const index = at % list.length;
          list[index] = {};
          return { value: { ...value, [name]: list }, field: `${name}[${index}]`, rule: "minProperties" };
        }),
      );
    }
  }
  // Rules of the whole object: a method's own parameters cannot be left out or added to, only its bodies' fields.
  if (!whole) return fc.oneof(...options);
  for (const name of schema.required ?? [])
    options.push(
      base.map((value) => {
        const { [name]: _dropped, ...rest } = value;
        return { value: rest, field: name, rule: "required" };
      }),
    );
  if (schema.additionalProperties === false) {
    const known = Object.keys(properties);
    options.push(
      fc
        .tuple(
          base,
          fc.stringMatching(/^[a-z_]{1,12}$/).filter((key) => !known.includes(key)),
          fc.jsonValue({ maxDepth: 1 }),
        )
        .map(([value, key, extra]) => ({
          value: { ...value, [key]: extra },
          field: key,
          rule: "additionalProperties",
        })),
    );
  }
  if (typeof schema.minProperties === "number" && schema.minProperties > 0)
    options.push(fc.constant({ value: {}, field: "(body)", rule: "minProperties" }));
  return fc.oneof(...options);
}

/** The client method of each operation with parameters or a body, called with generated ones. */
const byOperation: Partial<
  Record<OperationId, (client: ImGroupsClient, params: Record<string, unknown>, body: unknown) => Promise<unknown>>
> = {
  imGroupCreate: (client, _params, body) => client.createImGroup(body as never),
  imGroup: (client, params) => client.getImGroup(params.groupId as string),
  imGroupUpdate: (client, params, body) => client.updateImGroup(params.groupId as string, body as never),
  imGroupDelete: (client, params) => client.deleteImGroup(params.groupId as string),
  imGroupMembers: (client, params) =>
    client
      .listImGroupMembers(
        params.groupId as string,
        params.page_size === undefined ? {} : { pageSize: params.page_size as number },
      )
      .page(),
  imGroupMembersCreate: (client, params, body) =>
    client.addImGroupMembers(params.groupId as string, (body as { members: never[] }).members),
  imGroupMembersDelete: (client, params) =>
    client.removeImGroupMember(params.groupId as string, params.memberId as string),
  groupCreate: (client, _params, body) => client.createGroup(body as never),
  groupDelete: (client, params) => client.deleteGroup(params.groupId as string),
  groupMembers: (client, params) =>
    client
      .listGroupMembers(
        params.groupId as string,
        params.page_size === undefined ? {} : { pageSize: params.page_size as number },
      )
      .page(),
  groupMembersCreate: (client, params, body) =>
    client.addGroupMembers(params.groupId as string, (body as { members: never[] }).members),
  groupMembersDelete: (client, params) => client.removeGroupMember(params.groupId as string, params.memberId as string),
};

/** What the client may be given of the parameters: the ones the spec says it sends (not the deprecated ones). */
function sentParams(operationId: OperationId): JsonSchema {
  const schema = paramsSchema(operationId);
  const deprecated = specOperationById(operationId)
    .parameters.filter((parameter) => parameter.deprecated)
    .map((parameter) => parameter.name);
  // The pager sends next_page_token from Zoom's own answers: a caller gives only the page size.
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).filter(
      ([name]) => !deprecated.includes(name) && name !== "next_page_token",
    ),
  );
  return { ...schema, properties };
}

const withInput = (Object.keys(operations) as OperationId[]).filter(
  (id) => Object.keys(paramsSchema(id).properties ?? {}).length > 0 || requestSchema(id) !== undefined,
);

test("every operation with parameters or a body has its call here", () => {
  expect(Object.keys(byOperation).sort()).toEqual([...withInput].sort());
  // The lists of groups take neither: nothing of them to generate.
  expect(withInput).not.toContain("imGroups");
  expect(withInput).not.toContain("groups");
});

/** A client whose requests are kept and answered with the operation's success, a body of its schema. */
function capturing(operationId: OperationId, encoding: "multipart" | "json" = "multipart") {
  const sent: Request[] = [];
  const operation = operations[operationId];
  const schema =
    specOperationById(operationId).operation.responses[String(operation.successStatus)]?.content?.["application/json"]
      ?.schema;
  const client = createImGroupsClient({
    accessToken: "t",
    encoding,
    maxRetries: 0,
    fetch: async (request) => {
      sent.push(request);
      if (!schema) return new Response(null, { status: operation.successStatus });
      const body = { ...(sampleOf(schema) as object), ...(operation.list?.paged ? { next_page_token: "" } : {}) };
      return Response.json(body, { status: operation.successStatus });
    },
  });
  return { client, sent };
}

describe.each(withInput)("%s", (operationId) => {
  const operation = operations[operationId];
  const call = byOperation[operationId] as NonNullable<(typeof byOperation)[OperationId]>;
  const body = requestSchema(operationId);
  const params = sentParams(operationId);
  const encodings = operation.requestContentTypes.includes("multipart/form-data")
    ? (["multipart", "json"] as const)
    : (["json"] as const);

  test.each(encodings)(
    `${RUNS} valid inputs are sent, and each request conforms to the spec (%s)`,
    async (encoding) => {
      const { client, sent } = capturing(operationId, encoding);
      await fc.assert(
        fc.asyncProperty(valid(params), body ? valid(body) : fc.constant(undefined), async (given, payload) => {
          sent.length = 0;
          const input = given as Record<string, unknown>;
          await call(client, input, payload);
          const batch = operation.batch;
          const items = batch ? ((payload as Record<string, unknown[]>)[batch.field]?.length ?? 0) : 0;
          expect(sent).toHaveLength(batch ? Math.ceil(items / batch.max) : 1);
          for (const request of sent) {
            expect(request.method).toBe(operation.method);
            expect(validateRequestParams(operationId, request.url)).toEqual([]);
            const read = requestParams(operationId, request.url) ?? {};
            for (const name of operation.pathParams) expect(read[name]).toBe(input[name]);
            if (input.page_size !== undefined) expect(read.page_size).toBe(String(input.page_size));
            if (!body) continue;
            const parsed = await parsedRequestBody(request);
            const type = parsed.contentType.split(";")[0] as string;
            const fields = Array.isArray(parsed.fields) ? fromFormFields(parsed.fields, operationId) : parsed.fields;
            expect(validateRequest(operationId, type, fields)).toEqual([]);
            if (!batch) expect(fields).toEqual(payload);
          }
          if (batch) {
            const all = await Promise.all(
              sent.map(async (request) => ((await request.json()) as Record<string, unknown[]>)[batch.field] ?? []),
            );
            expect(all.flat()).toEqual((payload as Record<string, unknown[]>)[batch.field]);
          }
        }),
        settings,
      );
    },
  );

  const refusals = [
    ...(Object.keys(params.properties ?? {}).length > 0
      ? [
          {
            what: "parameters",
            input: fc
              .tuple(broken(params, { whole: false }), body ? valid(body) : fc.constant(undefined))
              .map(([bad, payload]) => ({
                params: bad.value,
                payload,
                field: bad.field,
                rule: bad.rule,
                schema: params,
              })),
          },
        ]
      : []),
    ...(body
      ? [
          {
            what: "bodies",
            // The member add's method takes the list and builds the body: what a caller can break is the list.
            input: fc
              .tuple(
                valid(params),
                broken(body).filter(
                  ({ field, rule }) =>
                    !operation.batch ||
                    field.startsWith(`${operation.batch.field}[`) ||
                    (field === operation.batch.field && rule === "type"),
                ),
              )
              .map(([given, bad]) => ({
                params: given as Record<string, unknown>,
                payload: bad.value as unknown,
                field: bad.field,
                rule: bad.rule,
                schema: body,
              })),
          },
        ]
      : []),
  ];

  test.each(refusals)(
    `${RUNS} invalid $what are refused naming the field and the rule; nothing is sent`,
    async ({ input }) => {
      const { client, sent } = capturing(operationId);
      await fc.assert(
        fc.asyncProperty(input, async ({ params: given, payload, field, rule, schema }) => {
          const error = await call(client, given, payload).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(ValidationError);
          const issues = (error as ValidationError).issues;
          expect(issues).toContainEqual(expect.objectContaining({ field, rule }));
          expect(issues.find((issue) => issue.field === field)?.message).toContain(field === "(body)" ? "" : field);
          // The test's own Ajv, reading the spec, agrees that the input breaks it.
          const value = schema === params ? given : payload;
          const problems =
            schema === params
              ? validateParamValues(operationId, value as Record<string, unknown>)
              : validateRequest(operationId, "application/json", value);
          expect(problems).not.toEqual([]);
        }),
        settings,
      );
      expect(sent).toHaveLength(0);
    },
  );
});
