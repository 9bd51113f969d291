/**
 * The multipart body is the runtime's own encoding of a real FormData, made once per call: the same
 * bytes `fetch(url, { body: form })` would send, with the runtime's boundary in the Content-Type.
 */
import { expect, test } from "vitest";
import { encodeBody, toFormData } from "../src/encoding.ts";
import type { CreateImGroupBody } from "../src/index.ts";

const bodies: CreateImGroupBody[] = [
  { name: "Design team" },
  { name: 'Ünïcødé 👩🏽‍💻 "quoted" line\nbreak', type: "restricted", search_by_domain: true },
  { name: "x".repeat(128), type: "shared", search_by_account: false, search_by_ma_account: true },
];

const boundaryOf = (contentType: string) => /boundary=(\S+)$/.exec(contentType)?.[1] ?? "";

test.each(bodies)("multipart bytes are what fetch would send for the FormData (%#)", async (body) => {
  const encoded = await encodeBody(body, "multipart");
  expect(encoded.contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
  expect(encoded.body).toBeInstanceOf(ArrayBuffer);
  // What the runtime's fetch sends for this FormData, captured through a Request it builds itself.
  const reference = new Request("http://localhost/", { method: "POST", body: toFormData(body) });
  const referenceText = await reference.text();
  const referenceBoundary = boundaryOf(reference.headers.get("content-type") ?? "");
  const ours = new TextDecoder().decode(encoded.body as ArrayBuffer);
  expect(referenceBoundary).not.toBe("");
  expect(ours.replaceAll(boundaryOf(encoded.contentType), "BOUNDARY")).toBe(
    referenceText.replaceAll(referenceBoundary, "BOUNDARY"),
  );
  // And it parses back to the fields that were set, and only those.
  const parsed = await new Response(encoded.body, { headers: { "content-type": encoded.contentType } }).formData();
  expect([...parsed.keys()]).toEqual(Object.keys(body));
});

test("JSON is the body as a JSON object, declared as such", async () => {
  const body: CreateImGroupBody = { name: "Design team", type: "normal", search_by_domain: false };
  expect(await encodeBody(body, "json")).toEqual({ body: JSON.stringify(body), contentType: "application/json" });
});
