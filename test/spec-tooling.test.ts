/**
 * The drift check and the generator are tools CI trusts; these tests show they fail when they should.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { postmanDrift } from "../scripts/check-postman.ts";
import { generate } from "../scripts/generate.ts";
import { decisionSlugs, findProvenanceProblems } from "../scripts/lib/provenance.ts";
import { defaultSpecPath, repoRoot } from "../scripts/lib/spec.ts";
import type { PostmanField, PostmanItem, PostmanResponse } from "../scripts/lib/upstream.ts";
import { postmanItem } from "./support/spec.ts";

describe("check:postman", () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "postman-drift-"));
  });
  afterAll(async () => rm(scratch, { recursive: true, force: true }));
  const form = (i: PostmanItem) => i.request.body.formdata;

  test("the vendored item and the spec agree", async () => {
    expect(await postmanDrift()).toEqual([]);
  });

  test.each([
    ["a new form key", (i: PostmanItem) => form(i).push({ key: "owner", value: "a@b.c" }), "request.field.owner.added"],
    [
      "a new enum value",
      (i: PostmanItem) => {
        (form(i)[1] as PostmanField).description = "(This can only be one of normal,shared,restricted,public)";
      },
      "request.field.type.enum.public.added",
    ],
    [
      "an example of another type",
      (i: PostmanItem) => {
        (form(i)[2] as PostmanField).value = "sometimes";
      },
      'request.field.search_by_domain.type.changed: "boolean" here, "string" upstream',
    ],
    [
      "a Zoom code the spec does not name",
      (i: PostmanItem) => {
        (i.response[1] as PostmanResponse).name = "**Error Code:** `201` <br>\nCreated";
      },
      "response.201.zoom-code.added",
    ],
    [
      "a new documented response",
      (i: PostmanItem) => i.response.push({ code: 418, name: "**Error Code:** `4180`" }),
      "response.418.added",
    ],
    [
      "a different Zoom code",
      (i: PostmanItem) => {
        (i.response[2] as PostmanResponse).name = "**Error Code:** `4131` <br>\nGone";
      },
      "response.404.zoom-code.changed: 4130 here, 4131 upstream",
    ],
    [
      "another method",
      (i: PostmanItem) => {
        i.request.method = "PUT";
      },
      'operation.route.changed: "POST /im/groups" here, "PUT /im/groups" upstream',
    ],
  ])("reports %s", async (_label, change, expected) => {
    const item = structuredClone(postmanItem);
    change(item);
    const file = join(scratch, `${expected.split(":")[0]}.json`);
    await writeFile(file, JSON.stringify(item));
    expect((await postmanDrift(file)).join("\n")).toContain(expected);
  });

  test("what the spec says beyond the item (a reworded description, more responses) is not drift", async () => {
    const item = structuredClone(postmanItem);
    (form(item)[2] as PostmanField).description = "Searchable by domain.";
    item.response.pop();
    const file = join(scratch, "looser.json");
    await writeFile(file, JSON.stringify(item));
    expect(await postmanDrift(file)).toEqual([]);
  });
});

describe("npm run generate", () => {
  let scratch: string | undefined;
  afterEach(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  async function specVariant(edit: (yaml: string) => string): Promise<string> {
    scratch = await mkdtemp(join(tmpdir(), "zoom-spec-"));
    const path = join(scratch, "spec.yaml");
    await writeFile(path, edit(await readFile(defaultSpecPath, "utf8")));
    return path;
  }

  test("fails with the parser's message on an invalid spec", async () => {
    const path = await specVariant((yaml) =>
      yaml.replace("operationId: imGroupCreate", "operationId: [not, a, string]"),
    );
    await expect(generate({ specPath: path, outDir: join(scratch as string, "out") })).rejects.toThrow(
      /operationId|Expected type string/i,
    );
  });

  test("refuses a request keyword the client's validator does not implement", async () => {
    const path = await specVariant((yaml) =>
      yaml.replace("          maxLength: 128\n", "          maxLength: 128\n          pattern: '^\\S'\n"),
    );
    await expect(generate({ specPath: path, outDir: join(scratch as string, "out") })).rejects.toThrow(
      "pattern on name is not supported by src/validation.ts",
    );
  });

  test("writes banner-marked files", async () => {
    const path = await specVariant((yaml) => yaml);
    const files = await generate({ specPath: path, outDir: join(scratch as string, "out") });
    for (const file of files) expect(await readFile(file, "utf8")).toMatch(/^\/\/ Generated from .* — do not edit\./);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: provenance mutations reach into the parsed YAML by path
type Yaml = any;

describe("check:provenance", () => {
  const raw = parseYaml(readFileSync(defaultSpecPath, "utf8")) as Record<string, unknown>;
  const decisions = decisionSlugs(readFileSync(resolve(repoRoot, "docs/decisions.md"), "utf8"));
  const mutated = (change: (spec: Yaml) => void) => {
    const copy = structuredClone(raw);
    change(copy);
    return findProvenanceProblems(copy, decisions);
  };
  const name = (spec: Yaml) => spec.components.schemas.CreateImGroupRequest.properties.name;

  test("every rule of the spec names a known source", () => {
    expect(findProvenanceProblems(raw, decisions)).toEqual([]);
  });

  test.each([
    [
      "a field without x-source",
      (s: Yaml) => delete name(s)["x-source"],
      "CreateImGroupRequest.name: no x-source for type, minLength, maxLength",
    ],
    [
      "a constraint its map does not cover",
      (s: Yaml) => (name(s).pattern = "^\\S"),
      "CreateImGroupRequest.name: x-source names no source for pattern",
    ],
    [
      "a stale keyword in the map",
      (s: Yaml) => delete name(s).minLength,
      "x-source names minLength, which it does not state",
    ],
    [
      "an unknown source id",
      (s: Yaml) => (name(s)["x-source"].maxLength = ["zoom-swagger-2019"]),
      'unknown source "zoom-swagger-2019"',
    ],
    [
      "a decision with no heading",
      (s: Yaml) => (name(s)["x-source"].minLength = ["decision:names-are-short"]),
      "decision:names-are-short names no heading",
    ],
    [
      "a response without x-source",
      (s: Yaml) => delete s.paths["/im/groups"].post.responses["409"]["x-source"],
      "response 409: no x-source",
    ],
    [
      "a header without x-source",
      (s: Yaml) => delete s.paths["/im/groups"].post.responses["429"].headers["Retry-After"]["x-source"],
      "header Retry-After: no x-source",
    ],
    [
      "a media type without x-source",
      (s: Yaml) => delete s.paths["/im/groups"].post.requestBody.content["multipart/form-data"]["x-source"],
      "requestBody multipart/form-data: no x-source",
    ],
    [
      "an empty source list",
      (s: Yaml) => (s.paths["/im/groups"].post.responses["201"]["x-source"] = []),
      "must name at least one source",
    ],
  ])("%s fails the check", (_label, change, expected) => {
    expect(mutated(change).join("\n")).toContain(expected);
  });
});
