/**
 * The other direction of the derivation check: openapi-to-postmanv2 turns the spec back into a Postman
 * collection, which must describe the vendored item's endpoint: same method, path, form keys,
 * descriptions and documented responses.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { expect, test } from "vitest";
import { defaultSpecPath } from "../../scripts/lib/spec.ts";
import { postmanItem } from "../support/spec.ts";

interface ConvertedItem {
  name: string;
  item?: ConvertedItem[];
  request: {
    method: string;
    url: { path: string[] };
    body?: { mode: string; formdata?: { key: string; description?: string | { content: string } }[] };
  };
  response: { code: number }[];
}
type Converter = {
  convert(
    input: { type: "string"; data: string },
    options: Record<string, unknown>,
    done: (
      error: Error | null,
      result: { result: boolean; reason?: string; output: { data: ConvertedItem }[] },
    ) => void,
  ): void;
};
const converter = createRequire(import.meta.url)("openapi-to-postmanv2") as Converter;

async function convertedItems(): Promise<ConvertedItem[]> {
  const data = await readFile(defaultSpecPath, "utf8");
  const collection = await new Promise<ConvertedItem>((resolve, reject) =>
    converter.convert({ type: "string", data }, { folderStrategy: "Paths" }, (error, result) => {
      if (error) reject(error);
      else if (!result.result) reject(new Error(result.reason));
      else resolve(result.output[0]?.data as ConvertedItem);
    }),
  );
  const flatten = (item: ConvertedItem): ConvertedItem[] => (item.item ? item.item.flatMap(flatten) : [item]);
  return (collection.item ?? []).flatMap(flatten);
}

const normalize = (text: string) => text.replace(/\s+/g, " ").trim();

test("the spec converted back to Postman describes the vendored item", async () => {
  const items = await convertedItems();
  expect(items).toHaveLength(1);
  const [converted] = items as [ConvertedItem];
  expect(converted.name).toBe(postmanItem.name);
  expect(converted.request.method).toBe(postmanItem.request.method);
  expect(converted.request.url.path).toEqual(postmanItem.request.url.path);
  expect(converted.request.body?.mode).toBe(postmanItem.request.body.mode);

  const convertedForm = new Map(
    (converted.request.body?.formdata ?? []).map((field) => [
      field.key,
      normalize(typeof field.description === "string" ? field.description : (field.description?.content ?? "")),
    ]),
  );
  expect([...convertedForm.keys()]).toEqual(postmanItem.request.body.formdata.map((field) => field.key));
  for (const field of postmanItem.request.body.formdata) {
    expect(convertedForm.get(field.key)).toContain(normalize(field.description ?? ""));
  }

  const convertedCodes = converted.response.map((response) => response.code);
  for (const response of postmanItem.response) expect(convertedCodes).toContain(response.code);
});
