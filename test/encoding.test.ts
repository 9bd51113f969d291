/**
 * What goes on the wire: multipart is a real FormData that the runtime encodes (its boundary, its
 * Content-Type), JSON is the body as JSON text; both carry exactly the fields that are set, and both go
 * through openapi-fetch, so middleware sees the very Request that is sent.
 */
import { expect, test } from "vitest";
import { toFormData } from "../src/encoding.ts";
import { type CreateImGroupBody, createImGroupsClient, type Encoding } from "../src/index.ts";
import { NAME_MAX } from "./support/spec.ts";

const bodies: CreateImGroupBody[] = [
  { name: "Design team" },
  { name: 'Ünïcødé 👩🏽‍💻 "quoted"', type: "restricted", search_by_domain: true },
  { name: "x".repeat(NAME_MAX), type: "shared", search_by_account: false, search_by_ma_account: true },
];

const boundaryOf = (contentType: string) => /boundary=(\S+)$/.exec(contentType)?.[1] ?? "";

/** Sends `body` and returns the Request the client's fetch received and the one its middleware saw. */
async function sent(body: CreateImGroupBody, encoding: Encoding) {
  const seen: Request[] = [];
  const received: Request[] = [];
  const client = createImGroupsClient({
    accessToken: "token-1234",
    encoding,
    middleware: [{ onRequest: ({ request }) => void seen.push(request) }],
    fetch: async (request) => {
      received.push(request);
      return Response.json({ id: "g" }, { status: 201 });
    },
  });
  await client.createImGroup(body);
  expect(received).toHaveLength(1);
  expect(seen[0]).toBe(received[0]);
  return received[0] as Request;
}

test.each(bodies)("multipart is the runtime's encoding of the FormData, boundary aside (%#)", async (body) => {
  const request = await sent(body, "multipart");
  const contentType = request.headers.get("content-type") ?? "";
  expect(contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
  // What the runtime's fetch sends for this FormData, captured through a Request it builds itself.
  const reference = new Request("http://localhost/", { method: "POST", body: toFormData(body) });
  const referenceText = await reference.text();
  const referenceBoundary = boundaryOf(reference.headers.get("content-type") ?? "");
  expect(referenceBoundary).not.toBe("");
  expect((await request.clone().text()).replaceAll(boundaryOf(contentType), "BOUNDARY")).toBe(
    referenceText.replaceAll(referenceBoundary, "BOUNDARY"),
  );
  // And it parses back to the fields that were set, and only those.
  expect([...(await request.formData()).keys()]).toEqual(Object.keys(body));
});

test.each(bodies)("JSON is the body as a JSON object, declared as such (%#)", async (body) => {
  const request = await sent(body, "json");
  expect(request.headers.get("content-type")).toBe("application/json");
  expect(await request.text()).toBe(JSON.stringify(body));
});
