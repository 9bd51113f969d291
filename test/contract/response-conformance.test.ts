/**
 * What the MSW fixtures serve is itself checked against the spec's response definitions, so the replayed
 * examples cannot drift from the spec; and the spec's own examples must validate against its schemas.
 */
import { describe, expect, test } from "vitest";
import { postmanFixture, postmanItem, specOperation, validateResponseBody } from "../support/spec.ts";

function parse(contentType: string, text: string): unknown {
  return contentType === "application/json" ? JSON.parse(text) : text;
}

describe.each(postmanItem.response)("Postman fixture $code", (response) => {
  test("serves a status, content type, headers and body the spec documents", async () => {
    const served = postmanFixture(response);
    const documented = specOperation.responses[String(served.status)];
    expect(documented, `status ${served.status}`).toBeDefined();
    const contentType = served.headers.get("content-type")?.split(";")[0] ?? "";
    expect(Object.keys(documented?.content ?? {})).toContain(contentType);
    expect(validateResponseBody(served.status, contentType, parse(contentType, await served.text()))).toEqual([]);
    const documentedHeaders = Object.keys(documented?.headers ?? {}).map((h) => h.toLowerCase());
    for (const [name] of served.headers) {
      if (name !== "content-type") expect(documentedHeaders).toContain(name);
    }
  });
});

const specExamples = Object.entries(specOperation.responses).flatMap(([status, response]) =>
  Object.entries(response.content ?? {}).flatMap(([contentType, media]) => [
    ...(media.example === undefined ? [] : [{ status, contentType, name: "example", value: media.example }]),
    ...Object.entries(media.examples ?? {}).map(([name, example]) => ({
      status,
      contentType,
      name,
      value: example.value,
    })),
  ]),
);

test.each(specExamples)(
  "the spec's $status $contentType $name example matches its schema",
  ({ status, contentType, value }) => {
    expect(validateResponseBody(Number(status), contentType, value)).toEqual([]);
  },
);

test("a response that breaks the spec is caught by the conformance check", () => {
  expect(validateResponseBody(409, "application/json", { code: "4132" })).not.toEqual([]);
  expect(validateResponseBody(201, "application/json", { id: 42 })).not.toEqual([]);
  expect(validateResponseBody(418, "application/json", {})).toEqual(["status 418 is not documented"]);
});
