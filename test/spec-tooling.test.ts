/**
 * The drift check and the generator are tools CI trusts; these tests show they fail when they should.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { generate } from "../scripts/generate.ts";
import { findPostmanDrift, type PostmanItem } from "../scripts/lib/postman-drift.ts";
import { decisionSlugs, findProvenanceProblems } from "../scripts/lib/provenance.ts";
import { defaultSpecPath, repoRoot } from "../scripts/lib/spec.ts";
import { postmanItem, spec } from "./support/spec.ts";

function mutatedItem(change: (item: PostmanItem) => void): PostmanItem {
  const item = structuredClone(postmanItem);
  change(item);
  return item;
}

describe("check:postman", () => {
  test("the vendored item and the spec agree", () => {
    expect(findPostmanDrift(postmanItem, spec)).toEqual([]);
  });

  test.each([
    [
      "a new form key",
      (i: PostmanItem) => i.request.body.formdata.push({ key: "owner", value: "a@b.c", description: "x" }),
      "form key owner",
    ],
    [
      "a changed description",
      (i: PostmanItem) => {
        (i.request.body.formdata[2] as { description: string }).description = "Searchable by domain.";
      },
      "description",
    ],
    [
      "a new enum value",
      (i: PostmanItem) => {
        (i.request.body.formdata[1] as { description: string }).description +=
          " (This can only be one of normal,shared,restricted,public)";
      },
      "enum value public",
    ],
    [
      "an example of another type",
      (i: PostmanItem) => {
        (i.request.body.formdata[2] as { value: string }).value = "sometimes";
      },
      "is a string, the spec says boolean",
    ],
    [
      "a new documented response",
      (i: PostmanItem) =>
        i.response.push({
          ...(i.response[3] as PostmanItem["response"][number]),
          code: 429,
          name: "**Error Code:** `429`",
        }),
      "response 429",
    ],
    [
      "a different Zoom code",
      (i: PostmanItem) => {
        (i.response[2] as { name: string }).name = "**Error Code:** `4131` <br>\nGone";
      },
      "Zoom code 4131",
    ],
    [
      "another method",
      (i: PostmanItem) => {
        i.request.method = "PUT";
      },
      "method",
    ],
  ])("reports %s", (_label, change, expected) => {
    const problems = findPostmanDrift(mutatedItem(change), spec);
    expect(problems.join("\n")).toContain(expected);
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
      yaml.replace("          maxLength: 128\n", "          maxLength: 128\n          format: email\n"),
    );
    await expect(generate({ specPath: path, outDir: join(scratch as string, "out") })).rejects.toThrow(
      "format on name is not supported by src/validation.ts",
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
      (s: Yaml) => (name(s).format = "email"),
      "CreateImGroupRequest.name: x-source names no source for format",
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
