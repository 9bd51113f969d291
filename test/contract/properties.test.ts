/**
 * Property-based contract tests (fast-check). Arbitraries are derived from the spec's request schema, so
 * a spec change reshapes the inputs. Seeds are fixed for reproducible CI; PROPERTY_SEED=random (or a
 * number) runs another seed and prints it.
 */
import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  type CreateImGroupBody,
  createImGroupsClient,
  type Encoding,
  RedirectError,
  ValidationError,
  ZoomImGroupsError,
} from "../../src/index.ts";
import { createImGroupRequestSchema, encodings, type FieldSchema } from "../../src/spec.ts";
import { fromFormFields, validateRequestBody } from "../support/spec.ts";

const RUNS = 1_000;
const seedSetting = process.env.PROPERTY_SEED;
const seed = seedSetting === "random" ? Date.now() : seedSetting ? Number(seedSetting) : 20_261_128;
if (seedSetting) console.log(`property tests: PROPERTY_SEED=${seed}`);
const params = { numRuns: RUNS, seed };

const schema = createImGroupRequestSchema;
const fieldNames = Object.keys(schema.properties);

/** Well-formed Unicode strings measured in code points, as JSON Schema measures them. */
const unicode = (minLength: number, maxLength: number) =>
  fc.string({ unit: "binary", minLength, maxLength }).filter((s) => !/\p{Surrogate}/u.test(s)); // no lone surrogates

function arbitraryOf(field: FieldSchema): fc.Arbitrary<unknown> {
  if (field.enum) return fc.constantFrom(...field.enum);
  if (field.type === "boolean") return fc.boolean();
  if (field.type !== "string") throw new Error(`no arbitrary for ${field.type}`);
  const strings = unicode(field.minLength ?? 0, field.maxLength ?? 256);
  const pattern = field.pattern === undefined ? undefined : new RegExp(field.pattern, "u");
  return pattern ? strings.filter((text) => pattern.test(text)) : strings;
}

const validBody = fc.record(
  Object.fromEntries(Object.entries(schema.properties).map(([name, field]) => [name, arbitraryOf(field)])),
  { requiredKeys: [...schema.required] },
) as fc.Arbitrary<CreateImGroupBody>;

/**
 * multipart/form-data turns every line break of a text value into CRLF (the HTML form encoding rule), so a
 * free-text field whose value has a lone `\n` or `\r` reaches Zoom changed. `name` forbids them by its
 * pattern; a new free-text field must decide too, and is told how rather than shown a diff.
 */
function lineBreakProblems(sent: Record<string, unknown>, received: Record<string, unknown>): string[] {
  return Object.entries(sent)
    .filter(([field, value]) => typeof value === "string" && /[\r\n]/.test(value) && received[field] !== value)
    .map(
      ([field]) =>
        `${field}: multipart turned its line breaks into CRLF, so Zoom would get another value than the one sent. ` +
        `In spec/zoom-im-groups.openapi.yaml, give ${field} a pattern that forbids line breaks (with ` +
        "x-pattern-message, as name has), or, if Zoom takes multi-line text, document that multipart sends line " +
        'breaks as CRLF and compare it here after normalising them (docs/maintaining.md, "A new free-text field").',
    );
}

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
        if (encoding === "multipart") for (const problem of lineBreakProblems(body, parsed)) throw new Error(problem);
        expect(parsed).toEqual(body);
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
    if (field.pattern !== undefined) {
      // ASCII, where a quarter of the characters are controls: most strings break the pattern.
      const pattern = new RegExp(field.pattern, "u");
      const ascii = fc.string({ unit: "binary-ascii", minLength: 1, maxLength: field.maxLength ?? 64 });
      breakers.push(ascii.filter((text) => !pattern.test(text) && [...text].length >= (field.minLength ?? 0)));
    }
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

/** A canary secret that hostile servers echo back; it must never reach any output. */
const SECRET = "canary-token-5f1d2e9c";

/** Everything a caller could print of an outcome. */
function shown(outcome: { group?: unknown; error?: unknown }): string {
  const parts = [JSON.stringify(outcome.group) ?? "", inspect(outcome.group, { depth: 5 })];
  let error = outcome.error;
  while (error !== undefined) {
    parts.push(String(error), inspect(error, { depth: 5 }), JSON.stringify(error) ?? "");
    error = error instanceof Error ? error.cause : undefined;
  }
  return parts.join("\n");
}

/** Calls the client once against `answer`, recording every request it sends. */
async function against(answer: (request: Request) => Response, options: { maxRetries?: number } = {}) {
  const sent: Request[] = [];
  const client = createImGroupsClient({
    accessToken: SECRET,
    maxRetries: options.maxRetries ?? 0,
    maxRetryDelayMs: 0,
    fetch: async (request) => {
      sent.push(request);
      return answer(request);
    },
  });
  const outcome = await client.createImGroup({ name: "Design" }).then(
    (group) => ({ group, error: undefined }),
    (error: unknown) => ({ group: undefined, error }),
  );
  return { outcome, sent };
}

/** Text a hostile server writes: sometimes the secret, raw, percent-encoded, or inside other text. */
const echoing = (text: fc.Arbitrary<string>) =>
  fc.oneof(
    text,
    text.map((t) => `${t}${SECRET}`),
    text.map((t) => `${encodeURIComponent(`${SECRET}/x`)}${t}`),
    fc.constant(`Bearer ${SECRET}`),
  );

const redirectStatus = fc.constantFrom(301, 302, 303, 307, 308, 300, 305);
const location = fc.oneof(
  echoing(fc.webUrl({ withQueryParameters: true, withFragments: true })),
  fc.constant(`https://user:${SECRET}@evil.example/steal?token=${SECRET}`),
  fc.constant(`/v2/im/groups?token=${SECRET}`),
  fc.constant("https://api.zoom.us/v2/im/groups"),
  fc.stringMatching(/^[\x21-\x7e]{0,40}$/),
);

test(`${RUNS} redirects, any status and Location: a RedirectError, never followed, nothing secret shown`, async () => {
  await fc.assert(
    fc.asyncProperty(redirectStatus, fc.option(location, { nil: undefined }), async (status, where) => {
      const headers = new Headers(where === undefined ? {} : { location: where });
      const { outcome, sent } = await against(() => new Response(null, { status, headers }), { maxRetries: 2 });
      expect(outcome.error).toBeInstanceOf(RedirectError);
      expect((outcome.error as RedirectError).status).toBe(status);
      expect((outcome.error as RedirectError).mayHaveChanged).toBe(false);
      expect((outcome.error as Error).message).toContain(`HTTP ${status}`);
      expect(sent.map((request) => request.url)).toEqual(["https://api.zoom.us/v2/im/groups"]);
      expect(sent[0]?.redirect).toBe("manual");
      expect(shown(outcome)).not.toContain(SECRET);
    }),
    params,
  );
});

const retryAfter = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom("0", "-5", "9000000000000", "soon", "Sun, 31 Feb 2026 00:00:00 GMT", "1e3", " 2 "),
);

test(`${RUNS} random Retry-After values on 429 and 503: a typed outcome, a valid retryAfter or none`, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(429, 503),
      retryAfter,
      fc.constantFrom("QPS", "Daily-limit", ""),
      async (status, value, type) => {
        const headers = { "retry-after": value, "x-ratelimit-type": type };
        const { outcome } = await against(() => Response.json({ code: status, message: "busy" }, { status, headers }), {
          maxRetries: 1,
        });
        expect(outcome.error).toBeInstanceOf(ZoomImGroupsError);
        const { retryAfter: at, isDailyLimit } = outcome.error as { retryAfter?: Date; isDailyLimit?: boolean };
        if (at !== undefined) expect(Number.isFinite(at.getTime())).toBe(true);
        if (status === 429) expect(isDailyLimit).toBe(type === "Daily-limit");
      },
    ),
    params,
  );
});

const nullBodyStatuses = new Set([204, 205, 304]);
const responseBody = fc.oneof(
  fc.json().map((text) => new TextEncoder().encode(text)),
  fc.string().map((text) => new TextEncoder().encode(text)),
  fc.string().map((text) => new TextEncoder().encode(`<!DOCTYPE html><html><body>${text}</body></html>`)),
  fc.constant(new Uint8Array()),
  fc.json().map((text) => new TextEncoder().encode(text.slice(0, Math.max(0, text.length - 1)))),
  fc.uint8Array({ maxLength: 256 }),
  fc
    .record({ code: fc.integer(), message: echoing(fc.string()), id: fc.option(echoing(fc.string())) })
    .map((o) => new TextEncoder().encode(JSON.stringify(o))),
  fc
    .record({ id: echoing(fc.string({ minLength: 1 })), name: echoing(fc.string()) })
    .map((o) => new TextEncoder().encode(JSON.stringify(o))),
);
const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const headerValue = echoing(fc.stringMatching(/^[\x20-\x7e]{0,40}$/)).map((v) => v.trim());
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
        "location",
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

test(`${RUNS} arbitrary responses from a server that echoes the secret: typed, exported errors, the secret never shown`, async () => {
  let runs = 0;
  const outcomes = { resolved: 0, rejected: 0 };
  await fc.assert(
    fc.asyncProperty(arbitraryResponse, async (generated) => {
      runs++;
      const { outcome } = await against(() => toResponse(generated));
      expect(shown(outcome)).not.toContain(SECRET);
      if (outcome.group) {
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
