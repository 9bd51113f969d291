/**
 * Property-based contract tests (fast-check). Arbitraries are derived from the spec's request schema, so
 * a spec change reshapes the inputs. Seeds are fixed for reproducible CI; PROPERTY_SEED=random (or a
 * number) runs another seed and prints it.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  type CreateImGroupBody,
  createImGroupRequestSchema,
  createImGroupsClient,
  type Encoding,
  encodings,
  fromFormFields,
  ValidationError,
  ZoomImGroupsError,
} from "../../src/index.ts";
import { validateRequestBody } from "../support/spec.ts";

const RUNS = 1_000;
const seedSetting = process.env.PROPERTY_SEED;
const seed = seedSetting === "random" ? Date.now() : seedSetting ? Number(seedSetting) : 20_261_128;
if (seedSetting) console.log(`property tests: PROPERTY_SEED=${seed}`);
const params = { numRuns: RUNS, seed };

interface Field {
  type: string;
  enum?: readonly string[];
  minLength?: number;
  maxLength?: number;
}
const schema = createImGroupRequestSchema as unknown as {
  properties: Record<string, Field>;
  required: readonly string[];
};
const fieldNames = Object.keys(schema.properties);

/** Well-formed Unicode strings measured in code points, as JSON Schema measures them. */
const unicode = (minLength: number, maxLength: number) =>
  fc.string({ unit: "binary", minLength, maxLength }).filter((s) => !/\p{Surrogate}/u.test(s)); // no lone surrogates

function arbitraryOf(field: Field): fc.Arbitrary<unknown> {
  if (field.enum) return fc.constantFrom(...field.enum);
  if (field.type === "boolean") return fc.boolean();
  if (field.type === "string") return unicode(field.minLength ?? 0, field.maxLength ?? 256);
  throw new Error(`no arbitrary for ${field.type}`);
}

const validBody = fc.record(
  Object.fromEntries(Object.entries(schema.properties).map(([name, field]) => [name, arbitraryOf(field)])),
  { requiredKeys: [...schema.required] },
) as fc.Arbitrary<CreateImGroupBody>;

/** Captures what leaves the client and answers 201. */
function capturing(encoding: Encoding) {
  const sent: Request[] = [];
  const client = createImGroupsClient({
    accessToken: "t",
    encoding,
    maxRetries: 0,
    fetch: async (request) => {
      sent.push(request);
      return Response.json({ id: "g" }, { status: 201 });
    },
  });
  return { client, sent };
}

// HTML's form encoding turns bare CR and LF in a value into CRLF; JSON keeps every character.
const multipartLineBreaks = (text: string) => text.replace(/\r\n|\r|\n/g, "\r\n");

describe.each(encodings)("valid bodies (%s)", (encoding) => {
  test(`${RUNS} generated bodies leave the client, parse back to the input and validate against the spec`, async () => {
    const { client, sent } = capturing(encoding);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(validBody, async (body) => {
        runs++;
        sent.length = 0;
        await client.createImGroup(body);
        expect(sent).toHaveLength(1);
        const request = sent[0] as Request;
        const parsed =
          encoding === "multipart"
            ? fromFormFields((await request.formData()).entries())
            : ((await request.json()) as Record<string, unknown>);
        expect(validateRequestBody(parsed)).toBe(true);
        const expected = encoding === "multipart" ? { ...body, name: multipartLineBreaks(body.name) } : body;
        expect(parsed).toEqual(expected);
      }),
      params,
    );
    expect(runs).toBeGreaterThanOrEqual(RUNS);
  });
});

/** Each generator breaks exactly one constraint and says which field it broke. */
const brokenBody: fc.Arbitrary<{ body: Record<string, unknown>; field: string }> = fc.oneof(
  ...Object.entries(schema.properties).flatMap(([name, field]) => {
    const breakers: fc.Arbitrary<unknown>[] = [
      fc
        .oneof(
          fc.integer(),
          fc.double(),
          fc.constant(null),
          fc.array(fc.string(), { maxLength: 2 }),
          fc.object({ maxDepth: 1 }),
        )
        .filter((v) => typeof v !== field.type),
    ];
    if (field.type === "boolean")
      breakers.push(fc.constantFrom("true", "false", "1", "yes", "Excepteur proident innormalfalse"));
    if (field.enum) breakers.push(fc.string().filter((s) => !field.enum?.includes(s)));
    if (field.maxLength !== undefined) breakers.push(unicode(field.maxLength + 1, field.maxLength + 64));
    if (field.minLength) breakers.push(fc.constant(""));
    return breakers.map((bad) =>
      fc.tuple(validBody, bad).map(([body, value]) => ({ body: { ...body, [name]: value }, field: name })),
    );
  }),
  ...schema.required.map((name) =>
    validBody.map((body) => {
      const { [name]: _dropped, ...rest } = body as Record<string, unknown>;
      return { body: rest, field: name };
    }),
  ),
  fc
    .tuple(
      validBody,
      fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !fieldNames.includes(key) && key !== "__proto__"),
      fc.jsonValue(),
    )
    .filter(([, , value]) => value !== undefined)
    .map(([body, key, value]) => ({ body: { ...body, [key]: value }, field: key })),
);

test(`${RUNS} invalid bodies are refused naming the broken field, and nothing reaches the network`, async () => {
  const { client, sent } = capturing("multipart");
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(brokenBody, async ({ body, field }) => {
      runs++;
      const error = await client.createImGroup(body as CreateImGroupBody).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.field)).toContain(field);
      expect(validateRequestBody(body)).toBe(false); // Ajv, reading the spec, agrees
    }),
    params,
  );
  expect(sent).toHaveLength(0);
  expect(runs).toBeGreaterThanOrEqual(RUNS);
});

const nullBodyStatuses = new Set([204, 205, 304]);
const responseBody = fc.oneof(
  fc.json().map((text) => new TextEncoder().encode(text)),
  fc.string().map((text) => new TextEncoder().encode(text)),
  fc.string().map((text) => new TextEncoder().encode(`<!DOCTYPE html><html><body>${text}</body></html>`)),
  fc.constant(new Uint8Array()),
  fc.json().map((text) => new TextEncoder().encode(text.slice(0, Math.max(0, text.length - 1)))),
  fc.uint8Array({ maxLength: 256 }),
  fc.record({ code: fc.integer(), message: fc.string() }).map((o) => new TextEncoder().encode(JSON.stringify(o))),
);
const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/).map((v) => v.trim());
const arbitraryResponse: fc.Arbitrary<GeneratedResponse> = fc.record({
  status: fc.integer({ min: 100, max: 599 }),
  headers: fc.dictionary(
    fc.oneof(
      headerName,
      fc.constantFrom(
        "content-type",
        "content-location",
        "retry-after",
        "x-ratelimit-type",
        "content-length",
        "x-zm-trackingid",
      ),
    ),
    headerValue,
    { maxKeys: 6 },
  ),
  body: responseBody,
});

/** A Response as a fetch implementation might hand it over, 1xx included (the constructor refuses those). */
interface GeneratedResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

function toResponse({ status, headers, body }: GeneratedResponse): Response {
  const safeHeaders = new Headers();
  for (const [name, value] of Object.entries(headers)) if (name !== "content-length") safeHeaders.set(name, value);
  const payload = nullBodyStatuses.has(status) ? null : new Uint8Array(body);
  if (status >= 200) return new Response(payload, { status, headers: safeHeaders });
  const response = new Response(payload, { status: 500, headers: safeHeaders });
  Object.defineProperty(response, "status", { value: status });
  Object.defineProperty(response, "ok", { value: false });
  return response;
}

test(`${RUNS} arbitrary responses resolve typed or reject with an exported error, never a TypeError or SyntaxError`, async () => {
  let runs = 0;
  const outcomes = { resolved: 0, rejected: 0 };
  await fc.assert(
    fc.asyncProperty(arbitraryResponse, async (generated) => {
      runs++;
      const client = createImGroupsClient({
        accessToken: "t",
        maxRetries: 0,
        fetch: async () => toResponse(generated),
      });
      const outcome = await client.createImGroup({ name: "Design" }).then(
        (group) => ({ group }),
        (error: unknown) => ({ error }),
      );
      if ("group" in outcome) {
        outcomes.resolved++;
        expect(typeof outcome.group.status).toBe("number");
        expect(outcome.group.status).toBeGreaterThanOrEqual(200);
        expect(outcome.group.status).toBeLessThan(300);
        if (outcome.group.id !== undefined) expect(typeof outcome.group.id).toBe("string");
      } else {
        outcomes.rejected++;
        expect(outcome.error).toBeInstanceOf(ZoomImGroupsError);
        expect(outcome.error).not.toBeInstanceOf(TypeError);
        expect(outcome.error).not.toBeInstanceOf(SyntaxError);
        expect((outcome.error as Error).message.length).toBeGreaterThan(0);
      }
    }),
    params,
  );
  expect(runs).toBeGreaterThanOrEqual(RUNS);
  expect(outcomes.resolved).toBeGreaterThan(0);
  expect(outcomes.rejected).toBeGreaterThan(0);
});
