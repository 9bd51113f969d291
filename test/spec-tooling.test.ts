/**
 * The spec's own checks: check:generated, check:postman and check:provenance are the tests named so here (each
 * runs alone as `npm run check:…`): the committed spec, src/generated and the Postman item pass them, and
 * each fails when it should. Also the generator's refusals and the spec page with its offline check.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { pageProblems, specPage } from "../scripts/docs.ts";
import { generate } from "../scripts/generate.ts";
import { decisionSlugs, findProvenanceProblems } from "../scripts/lib/provenance.ts";
import { defaultSpecPath, generatedDir, repoRoot } from "../scripts/lib/spec.ts";
import type { PostmanField, PostmanItem, PostmanResponse } from "../scripts/lib/upstream.ts";
import { POSTMAN_ITEM_OPERATION, postmanDrift } from "../scripts/spec-compare.ts";
import { operations } from "../src/generated/operations.ts";
import { NAME_MAX, postmanItem, spec, specOperation } from "./support/spec.ts";
import { FIELDS, RESPONSES, replaceOnce, SpecEdit } from "./support/spec-edit.ts";

describe(`check:postman (the item describes ${POSTMAN_ITEM_OPERATION} only; the other operations are spec:compare's)`, () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "postman-drift-"));
  });
  afterAll(async () => rm(scratch, { recursive: true, force: true }));
  const form = (i: PostmanItem) => i.request.body.formdata;

  test("the spec says everything the vendored Postman item says", async () => {
    expect(await postmanDrift()).toEqual([]);
  });

  test("it compares the create alone: the operations the item does not describe are not drift", async () => {
    expect(POSTMAN_ITEM_OPERATION).toBe("imGroupCreate");
    expect(postmanItem.request.method).toBe(operations.imGroupCreate.method);
    // The same item under another operation's name: the create's facts are still the only ones read.
    const item = structuredClone(postmanItem);
    item.name = "List IM directory groups";
    const file = join(scratch, "renamed.json");
    await writeFile(file, JSON.stringify(item));
    const drift = await postmanDrift(file);
    expect(drift.every((line) => line.startsWith("imGroupCreate."))).toBe(true);
  });

  test.each([
    [
      "a new form key",
      (i: PostmanItem) => form(i).push({ key: "owner", value: "a@b.c" }),
      "imGroupCreate.request.field.owner.added",
    ],
    [
      "a new enum value",
      (i: PostmanItem) => {
        (form(i)[1] as PostmanField).description = "(This can only be one of normal,shared,restricted,public)";
      },
      "imGroupCreate.request.field.type.enum.public.added",
    ],
    [
      "an example of another type",
      (i: PostmanItem) => {
        (form(i)[2] as PostmanField).value = "sometimes";
      },
      'imGroupCreate.request.field.search_by_domain.type.changed: "boolean" here, "string" upstream',
    ],
    [
      "a Zoom code the spec does not name",
      (i: PostmanItem) => {
        (i.response[1] as PostmanResponse).name = "**Error Code:** `201` <br>\nCreated";
      },
      "imGroupCreate.response.201.zoom-code.added",
    ],
    [
      "a new documented response",
      (i: PostmanItem) => i.response.push({ code: 418, name: "**Error Code:** `4180`" }),
      "imGroupCreate.response.418.added",
    ],
    [
      "a different Zoom code",
      (i: PostmanItem) => {
        (i.response[2] as PostmanResponse).name = "**Error Code:** `4131` <br>\nGone";
      },
      "imGroupCreate.response.404.zoom-code.changed: 4130 here, 4131 upstream",
    ],
    [
      "another method",
      (i: PostmanItem) => {
        i.request.method = "PUT";
      },
      'imGroupCreate.operation.route.changed: "POST /im/groups" here, "PUT /im/groups" upstream',
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
      replaceOnce(yaml, "operationId: imGroupCreate", "operationId: [not, a, string]"),
    );
    await expect(generate({ specPath: path, outDir: join(scratch as string, "out") })).rejects.toThrow(
      /operationId|Expected type string/i,
    );
  });

  test("refuses a request keyword the client's validator does not word, naming the operation and the file", async () => {
    const path = await specVariant((yaml) =>
      new SpecEdit(yaml).add([...FIELDS, "name", "uniqueItems"], true).toString(),
    );
    await expect(generate({ specPath: path, outDir: join(scratch as string, "out") })).rejects.toThrow(
      "spec: imGroupCreate (POST /im/groups) request body: uniqueItems is not a keyword the client words; teach " +
        `src/validation.ts (and scripts/generate.ts) first (${relative(repoRoot, path)})`,
    );
  });

  test("refuses a format the generated validators do not know, naming the ones they do", async () => {
    const path = await specVariant((yaml) => new SpecEdit(yaml).add([...FIELDS, "name", "format"], "uri").toString());
    await expect(generate({ specPath: path, outDir: join(scratch as string, "out") })).rejects.toThrow(
      "imGroupCreate (POST /im/groups) request body: format uri is not one the validators know (email, date-time)",
    );
  });

  test("one status may document several Zoom codes; a code written only in its description is refused", async () => {
    const conflict = [...RESPONSES, "409"];
    const withCodes = (codes: (spec: SpecEdit) => unknown) =>
      specVariant((yaml) => {
        const spec = new SpecEdit(yaml);
        const described = `${spec.get<string>([...conflict, "description"])}**Error Code:** \`4134\` <br>\n`;
        return spec
          .set([...conflict, "description"], described)
          .set([...conflict, "x-zoom-error-code"], codes(spec))
          .add(["x-zoom-error-codes", 4134], "GroupNameConflictError")
          .toString();
      });
    const first = operations.imGroupCreate.responses["409"].zoomCode;
    const listed = await withCodes(() => [first, 4134]);
    await generate({ specPath: listed, outDir: join(scratch as string, "out") });
    expect(await readFile(join(scratch as string, "out/operations.ts"), "utf8")).toMatch(
      new RegExp(`"zoomCodes": \\[\\s*${first},\\s*4134\\s*\\]`),
    );
    const onlyInProse = await withCodes(() => first);
    await expect(generate({ specPath: onlyInProse, outDir: join(scratch as string, "out2") })).rejects.toThrow(
      `spec: imGroupCreate (POST /im/groups) responses.409's description documents Zoom code 4134, which its x-zoom-error-code (${first}) lacks: ` +
        `list every code there, e.g. x-zoom-error-code: [${first}, 4134] (${relative(repoRoot, onlyInProse)})`,
    );
    const notCodes = await withCodes(() => ["4134"]);
    await expect(generate({ specPath: notCodes, outDir: join(scratch as string, "out3") })).rejects.toThrow(
      'spec: imGroupCreate (POST /im/groups) responses.409.x-zoom-error-code must be an integer or a non-empty list of integers, not ["4134"]',
    );
  });

  test("a Zoom code without a meaning in x-zoom-error-codes is refused: the error class for it is the spec's", async () => {
    const conflict = [...RESPONSES, "409"];
    const path = await specVariant((yaml) => {
      const spec = new SpecEdit(yaml);
      const described = `${spec.get<string>([...conflict, "description"])}**Error Code:** \`4134\` <br>\n`;
      const first = spec.get<number>([...conflict, "x-zoom-error-code"]);
      return spec
        .set([...conflict, "description"], described)
        .set([...conflict, "x-zoom-error-code"], [first, 4134])
        .toString();
    });
    await expect(generate({ specPath: path, outDir: join(scratch as string, "out") })).rejects.toThrow(
      "spec: Zoom code 4134 (imGroupCreate (POST /im/groups) 409) has no meaning in x-zoom-error-codes",
    );
  });

  test("check:generated: the committed spec generates src/generated byte for byte, every file marked", async () => {
    scratch = await mkdtemp(join(tmpdir(), "zoom-spec-"));
    const files = await generate({ outDir: scratch });
    const stale = (what: string) => `${what} does not match the spec: run \`npm run generate\` and commit it`;
    const names = files.map((file) => basename(file)).sort();
    expect(names, stale("the list of src/generated/")).toEqual((await readdir(generatedDir)).sort());
    for (const file of files) {
      const text = await readFile(file, "utf8");
      expect(text, stale(`src/generated/${basename(file)}`)).toBe(
        await readFile(join(generatedDir, basename(file)), "utf8"),
      );
      expect(text).toMatch(
        /^\/\/ Generated from spec\/zoom-im-groups\.openapi\.yaml by scripts\/generate\.ts — do not edit\./,
      );
    }
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

  test("every rule of the committed spec names a known source", () => {
    expect(findProvenanceProblems(raw, decisions)).toEqual([]);
  });

  test.each([
    [
      "a field without x-source",
      (s: Yaml) => delete name(s)["x-source"],
      "CreateImGroupRequest.properties.name: no x-source for type, pattern, minLength, maxLength",
    ],
    [
      "a constraint its map does not cover",
      (s: Yaml) => (name(s).format = "email"),
      "CreateImGroupRequest.properties.name: x-source names no source for format",
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
      "paths./im/groups.post.responses.409: no x-source for response",
    ],
    [
      "a header without x-source",
      (s: Yaml) => delete s.paths["/im/groups"].post.responses["429"].headers["Retry-After"]["x-source"],
      "responses.429.headers.Retry-After: no x-source for header",
    ],
    [
      "a media type without x-source",
      (s: Yaml) => delete s.paths["/im/groups"].post.requestBody.content["multipart/form-data"]["x-source"],
      "requestBody.content.multipart/form-data: no x-source for media type",
    ],
    [
      "an operation without x-source",
      (s: Yaml) => delete s.paths["/im/groups"].post["x-source"],
      "paths./im/groups.post: no x-source for operationId, x-zoom-scopes",
    ],
    [
      "a Zoom cap without its source (the Groups create's creates a day)",
      (s: Yaml) => delete s.paths["/groups"].post["x-source"]["x-zoom-daily-cap"],
      "paths./groups.post: x-source names no source for x-zoom-daily-cap",
    ],
    ["a server without x-source", (s: Yaml) => delete s.servers[0]["x-source"], "servers.0: no x-source for url"],
    [
      "a security scheme without x-source",
      (s: Yaml) => delete s.components.securitySchemes.bearerAuth["x-source"],
      "securitySchemes.bearerAuth: no x-source for security scheme",
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

describe("docs-site/spec.html", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "spec-page-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  test("renders with no network: no script at all, nothing remote, every anchor on the page", async () => {
    const page = specPage(spec);
    const file = join(dir, "spec.html");
    await writeFile(file, page);
    expect(page).not.toMatch(/<script|<link /);
    expect(pageProblems(page, file)).toEqual([]);
    for (const id of Object.keys(operations)) expect(page).toContain(`<a href="#${id}">`);
  });

  test("shows every operation's call, every field of the create with its rules and every documented answer", () => {
    const page = specPage(spec);
    for (const [id, operation] of Object.entries(operations)) {
      expect(page).toContain(`${operation.method} https://api.zoom.us/v2${operation.path}`);
      for (const [status, response] of Object.entries(operation.responses)) {
        const codes = (response as { zoomCodes?: readonly number[] }).zoomCodes;
        expect(page).toContain(`<section id="${id}-response-${status}">`);
        if (codes) expect(page).toContain(`HTTP ${status} · Zoom code ${codes.join(" or ")}`);
      }
    }
    expect(page).toContain(`at most ${NAME_MAX} characters`);
    for (const field of ["name", "type", "search_by_domain", "search_by_account", "search_by_ma_account"])
      expect(page).toContain(`<td><code>${field}</code></td>`);
    expect(Object.keys(specOperation.responses).length).toBeGreaterThan(0);
  });

  test("a name pattern shows its message, and each enum value its help", () => {
    const variant = structuredClone(spec);
    const { properties = {} } = variant.components?.schemas?.CreateImGroupRequest ?? {};
    Object.assign(properties.name ?? {}, {
      pattern: "^[^\\u0000-\\u001F]*$",
      "x-pattern-message": "no control <characters>",
    });
    Object.assign(properties.type ?? {}, { "x-enumDescriptions": { shared: "everyone in the account sees it" } });
    const page = specPage(variant);
    expect(page).toContain("no control &lt;characters&gt;");
    expect(page).toContain("<li><code>shared</code>: everyone in the account sees it</li>");
  });

  test("the check finds a remote script, a remote stylesheet, a missing page and a missing anchor", async () => {
    const file = join(dir, "broken.html");
    const page = `<script src="https://cdn.example/redoc.js"></script><link rel="stylesheet" href="//fonts.example/a.css">
      <a href="other.html">x</a><a href="#nowhere">y</a><a id="here" href="#here">z</a><a href="https://zoom.us">out</a>`;
    const problems = pageProblems(page, file);
    expect(problems).toHaveLength(4);
    expect(problems.join("\n")).toMatch(
      /loads from the network: <script[\s\S]*loads from the network: <link[\s\S]*other\.html, which does not exist[\s\S]*#nowhere, an anchor/,
    );
  });
});
