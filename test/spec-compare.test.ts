/**
 * `npm run spec:compare`: each classification proven by a fixture pair (a project-written upstream file
 * and a mutated copy of it), every operation compared under its own fact ids, the families (tags) a file
 * describes, the allowlist, the exit codes, --operation and --json.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { defaultSpecPath, operationsOf, repoRoot } from "../scripts/lib/spec.ts";
import { type Comparison, compareWithSpec, formatComparison } from "../scripts/spec-compare.ts";
import { operations } from "../src/generated/operations.ts";

const fixtures = resolve(repoRoot, "test/fixtures/upstream");
const SPEC_FILE = "spec/zoom-im-groups.openapi.yaml";
const SWAGGER = join(fixtures, "zoom-marketplace.swagger.json");
const OPENAPI = join(fixtures, "zoom-reference.openapi.yaml");
const POSTMAN = join(fixtures, "zoom-collection.postman.json");
/** The spec's operations and their tags (the families), in the spec's order. */
const TAGS = new Map(
  operationsOf(parseYaml(await readFile(defaultSpecPath, "utf8")).paths).map(({ operation }) => [
    operation.operationId,
    operation.tags as string[],
  ]),
);
const IM_GROUPS = "IM Groups";
const GROUPS = "Groups";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spec-compare-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

// biome-ignore lint/suspicious/noExplicitAny: mutations reach into parsed upstream files by path
type Doc = any;
let copies = 0;
async function mutated(file: string, change: (doc: Doc) => void): Promise<string> {
  const doc = parseYaml(await readFile(file, "utf8"));
  change(doc);
  const out = join(dir, `${copies++}-${file.split("/").pop()}`);
  await writeFile(out, file.endsWith(".yaml") ? toYaml(doc) : JSON.stringify(doc));
  return out;
}
/** Breaking differences not on the allowlist, as `id: message` lines. */
const unexcused = (comparison: Comparison) =>
  comparison.differences
    .filter((d) => d.classification === "breaking" && !d.allowlisted)
    .map((d) => `${d.id}: ${d.message}`);
const ids = (comparison: Comparison) => new Map(comparison.differences.map((d) => [d.id, d]));

const baselines = new Map<string, Comparison>();
async function baseline(file: string): Promise<Comparison> {
  if (!baselines.has(file)) baselines.set(file, await compareWithSpec(file));
  return baselines.get(file) as Comparison;
}

describe("the fixtures as they are", () => {
  test("the spec has both families, so each fixture's coverage below is a choice", () => {
    expect([...TAGS.keys()]).toEqual(Object.keys(operations));
    expect(new Set([...TAGS.values()].flat())).toEqual(new Set([IM_GROUPS, GROUPS]));
  });

  // The 2021 Marketplace export describes both families; the IM-group reference and the Postman collection
  // describe IM groups only (docs/decisions.md, "spec:compare compares the families a file describes").
  test.each([
    [SWAGGER, "swagger2", "operationId imGroupCreate", [IM_GROUPS, GROUPS]],
    [OPENAPI, "openapi3", "operationId imGroupCreate", [IM_GROUPS]],
    [POSTMAN, "postman", 'Postman item "Create an IM directory group"', [IM_GROUPS]],
  ])(
    "%s: every operation of the families it covers found, every breaking difference on the allowlist",
    async (file, kind, foundBy, covers) => {
      const comparison = await baseline(file);
      expect(comparison.upstream.kind).toBe(kind);
      expect(comparison.upstream.covers).toEqual(covers);
      expect(comparison.upstream.operations.map((o) => o.operationId)).toEqual(Object.keys(operations));
      const covered = (id: string) => TAGS.get(id)?.some((tag) => covers.includes(tag));
      expect(comparison.upstream.operations.filter((o) => covered(o.operationId) && !o.foundBy)).toEqual([]);
      // The others are named as not compared, and nothing is said about them.
      for (const skipped of comparison.upstream.operations.filter((o) => !covered(o.operationId))) {
        expect(skipped.foundBy).toBeUndefined();
        expect(skipped.notCompared).toMatch(/^the file describes no operation tagged Groups \(it covers IM Groups\)$/);
        expect(comparison.differences.filter((d) => d.id.startsWith(`${skipped.operationId}.`))).toEqual([]);
      }
      expect(comparison.upstream.operations.find((o) => o.operationId === "imGroupCreate")).toEqual({
        operationId: "imGroupCreate",
        route: "POST /im/groups",
        foundBy,
      });
      // The differences themselves, so a failure shows what spec:compare would print, not `false`.
      expect(
        unexcused(comparison),
        `${formatComparison(comparison)}\nFor each: adopt it in ${SPEC_FILE}, or accept it in spec/compare-allowlist.yaml ` +
          `with the reason; if Zoom's own file changed, update ${file} (docs/maintaining.md).`,
      ).toEqual([]);
      expect(comparison.ok).toBe(true);
      expect(comparison.summary.allowlisted).toBeGreaterThan(0);
      for (const difference of comparison.differences.filter((d) => d.allowlisted))
        expect(difference.reason?.length).toBeGreaterThan(10);
    },
  );

  test("Swagger 2.0: a JSON body parameter is JSON; the file-wide consumes does not make it multipart", async () => {
    const found = ids(await baseline(SWAGGER));
    expect(found.get("imGroupCreate.request.media-type.multipart/form-data.removed")).toMatchObject({
      allowlisted: true,
    });
    expect(found.has("imGroupCreate.request.media-type.application/json.removed")).toBe(false);
    expect(found.get("imGroupCreate.response.201.content-type.application/xml.added")?.classification).toBe("docs");
  });

  test("an operation of another family in the file (GET /users/{userId}) is not compared", async () => {
    const comparison = await baseline(SWAGGER);
    expect(await readFile(SWAGGER, "utf8")).toContain('"/users/{userId}"');
    expect(comparison.differences.filter((d) => /user\b|users/.test(d.id))).toEqual([]);
  });

  test("the spec's own additions show as additive (upstream is looser)", async () => {
    const found = ids(await baseline(OPENAPI));
    expect(found.get("imGroupCreate.request.field.name.required.removed")?.classification).toBe("additive");
    expect(found.get("imGroupCreate.request.field.name.minLength.loosened")?.classification).toBe("additive");
    expect(found.get("imGroupCreate.request.additional-properties.loosened")?.classification).toBe("additive");
    // The same rule of another operation is its own fact.
    expect(found.get("imGroupUpdate.request.field.name.minLength.loosened")?.classification).toBe("additive");
    expect(found.get("imGroupMembersCreate.request.field.members.maxItems.loosened")?.classification).toBe("additive");
  });

  test("Groups: the member add's 30 a call and the create's rules, which the 2021 export does not state, are additive", async () => {
    const found = ids(await baseline(SWAGGER));
    expect(found.get("groupMembersCreate.request.field.members.maxItems.loosened")).toMatchObject({
      classification: "additive",
      message: "30 here, nothing upstream",
    });
    expect(found.get("groupCreate.request.field.name.maxLength.loosened")?.classification).toBe("additive");
    // What the export does say is compared: the created group's fields, as the spec has them.
    expect([...found.keys()].filter((id) => id.startsWith("groupCreate.response.201.body"))).toEqual([]);
  });
});

describe("the families a file describes (its tags; a Postman request's folders)", () => {
  const groupsAdmins = {
    operationId: "groupAdmins",
    summary: "List group admins",
    tags: [GROUPS],
    responses: { "200": { description: "The admins." } },
  };

  test("a file that uses none of the spec's tags is expected to describe every operation", async () => {
    const file = await mutated(OPENAPI, (d) => {
      for (const item of Object.values(d.paths) as Doc[])
        for (const operation of Object.values(item) as Doc[]) delete operation.tags;
    });
    const comparison = await compareWithSpec(file);
    expect(comparison.upstream.covers).toEqual([IM_GROUPS, GROUPS]);
    expect(comparison.upstream.operations.filter((o) => o.notCompared)).toEqual([]);
    expect(unexcused(comparison)).toEqual(
      [...TAGS].filter(([, tags]) => tags.includes(GROUPS)).map(([id]) => `${id}.removed: true here, nothing upstream`),
    );
  });

  test("one Groups operation in the IM-group reference makes it describe Groups: the other five are missing", async () => {
    const file = await mutated(OPENAPI, (d) => (d.paths["/groups/{groupId}/admins"] = { get: groupsAdmins }));
    const comparison = await compareWithSpec(file);
    expect(comparison.upstream.covers).toEqual([IM_GROUPS, GROUPS]);
    expect(unexcused(comparison).filter((d) => /^group[A-Z]*\w*\.removed/.test(d))).toEqual([
      "groups.removed: true here, nothing upstream",
      "groupCreate.removed: true here, nothing upstream",
      "groupDelete.removed: true here, nothing upstream",
      "groupMembers.removed: true here, nothing upstream",
      "groupMembersCreate.removed: true here, nothing upstream",
      "groupMembersDelete.removed: true here, nothing upstream",
    ]);
    // Under the Groups path, and the spec lacks it: an addition of that family.
    expect(ids(comparison).get("groupAdmins.added")?.classification).toBe("additive");
  });

  test("Postman: a folder named after a tag describes that family", async () => {
    const file = await mutated(POSTMAN, (d) => {
      const [item] = structuredClone(d.item[1].item[0].item.slice(1, 2));
      item.name = "Create a group";
      item.request.url.path = ["groups"];
      d.item.push({ name: GROUPS, item: [item] });
    });
    const comparison = await compareWithSpec(file);
    expect(comparison.upstream.covers).toEqual([IM_GROUPS, GROUPS]);
    expect(comparison.upstream.operations.find((o) => o.operationId === "groupCreate")?.foundBy).toBe(
      'Postman item "Create a group"',
    );
    expect(ids(comparison).get("groupMembers.removed")).toMatchObject({ classification: "breaking" });
  });

  test("a new operation under the Groups path is an addition; Zoom's Contact Groups (/contacts/groups) is another family", async () => {
    const file = await mutated(SWAGGER, (d) => {
      d.paths["/groups/{groupId}/admins"] = { get: groupsAdmins };
      d.paths["/contacts/groups"] = {
        post: { ...groupsAdmins, operationId: "contactGroupCreate", tags: ["Contacts"] },
      };
    });
    const comparison = await compareWithSpec(file);
    expect(ids(comparison).get("groupAdmins.added")?.classification).toBe("additive");
    expect(comparison.differences.filter((d) => d.id.startsWith("contactGroupCreate"))).toEqual([]);
  });

  test("a path is the spec's longest it ends with: GET /im/groups is never the Groups list", async () => {
    // Asked for the Groups list alone, the IM-group reference has no such operation.
    const comparison = await compareWithSpec(OPENAPI, undefined, undefined, { only: ["groups"] });
    expect(comparison.upstream.operations).toEqual([{ operationId: "groups", route: "GET /groups" }]);
    expect(unexcused(comparison)).toEqual(["groups.removed: true here, nothing upstream"]);
  });
});

/** A field name no spec or fixture uses (checked below), for "a new optional field". */
const SYNTHETIC_FIELD = "zz_synthetic_field";
const nameMaxLength = operations.imGroupCreate.requestSchema.properties.name.maxLength;

test(`${SYNTHETIC_FIELD} collides with no field of the spec or the fixtures`, async () => {
  expect(JSON.stringify(operations)).not.toContain(SYNTHETIC_FIELD);
  for (const file of [SWAGGER, OPENAPI, POSTMAN]) expect(await readFile(file, "utf8")).not.toContain(SYNTHETIC_FIELD);
});

const operation = (doc: Doc) => doc.paths["/im/groups"].post;
const requestSchema = (doc: Doc) => operation(doc).requestBody.content["application/json"].schema;
const update = (doc: Doc) => doc.paths["/im/groups/{groupId}"].patch;
const membersList = (doc: Doc) => doc.paths["/im/groups/{groupId}/members"].get;
const memberAdd = (doc: Doc) => doc.paths["/im/groups/{groupId}/members"].post;

describe.each([
  // [label, upstream file, mutation, the difference it must add, its class]
  [
    "an enum value removed",
    OPENAPI,
    (d: Doc) => (requestSchema(d).properties.type.enum = ["normal", "shared"]),
    "imGroupCreate.request.field.type.enum.restricted.removed",
    "breaking",
  ],
  [
    "a limit tightened",
    OPENAPI,
    (d: Doc) => (requestSchema(d).properties.name.maxLength = nameMaxLength - 1),
    "imGroupCreate.request.field.name.maxLength.tightened",
    "breaking",
  ],
  [
    "a field made required",
    OPENAPI,
    (d: Doc) => (requestSchema(d).required = ["type"]),
    "imGroupCreate.request.field.type.required.added",
    "breaking",
  ],
  [
    "a field removed",
    OPENAPI,
    (d: Doc) => delete requestSchema(d).properties.search_by_ma_account,
    "imGroupCreate.request.field.search_by_ma_account.removed",
    "breaking",
  ],
  [
    "a type changed",
    OPENAPI,
    (d: Doc) => (requestSchema(d).properties.search_by_domain.type = "string"),
    "imGroupCreate.request.field.search_by_domain.type.changed",
    "breaking",
  ],
  [
    "a default changed",
    OPENAPI,
    (d: Doc) => (requestSchema(d).properties.type.default = "shared"),
    "imGroupCreate.request.field.type.default.changed",
    "breaking",
  ],
  [
    "a new rule (format)",
    OPENAPI,
    (d: Doc) => (requestSchema(d).properties.name.format = "email"),
    "imGroupCreate.request.field.name.format.added",
    "breaking",
  ],
  [
    "a new required field",
    OPENAPI,
    (d: Doc) => {
      requestSchema(d).properties.owner = { type: "string" };
      requestSchema(d).required = ["owner"];
    },
    "imGroupCreate.request.field.owner.added",
    "breaking",
  ],
  [
    "a documented response removed",
    OPENAPI,
    (d: Doc) => delete operation(d).responses["409"],
    "imGroupCreate.response.409.removed",
    "breaking",
  ],
  [
    "a Zoom code changed",
    OPENAPI,
    (d: Doc) => (operation(d).responses["404"].description = "**Error Code:** `4131` gone"),
    "imGroupCreate.response.404.zoom-code.changed",
    "breaking",
  ],
  [
    "a created-group field removed",
    OPENAPI,
    (d: Doc) => delete operation(d).responses["201"].content["application/json"].schema.properties.total_members,
    "imGroupCreate.response.201.body.total_members.removed",
    "breaking",
  ],
  [
    "the JSON body dropped",
    OPENAPI,
    (d: Doc) => {
      const body = operation(d).requestBody.content;
      body["application/x-www-form-urlencoded"] = body["application/json"];
      delete body["application/json"];
    },
    "imGroupCreate.request.media-type.application/json.removed",
    "breaking",
  ],
  [
    "Swagger 2.0: the body parameter replaced by form parameters",
    SWAGGER,
    (d: Doc) => {
      d.paths["/im/groups"].post.parameters = [{ in: "formData", name: "name", type: "string" }];
    },
    "imGroupCreate.request.media-type.application/json.removed",
    "breaking",
  ],
  [
    "Postman: the body sent url-encoded",
    POSTMAN,
    (d: Doc) => {
      const item = d.item[1].item[0].item[1];
      item.request.body = { mode: "urlencoded", urlencoded: item.request.body.formdata };
    },
    "imGroupCreate.request.media-type.multipart/form-data.removed",
    "breaking",
  ],
  [
    "Postman: an enum value gone from the description",
    POSTMAN,
    (d: Doc) => {
      d.item[1].item[0].item[1].request.body.formdata[1].description = "Who sees the group: `normal` or `shared`.";
    },
    "imGroupCreate.request.field.type.enum.restricted.removed",
    "breaking",
  ],
  [
    "a new optional field",
    OPENAPI,
    (d: Doc) => (requestSchema(d).properties[SYNTHETIC_FIELD] = { type: "string" }),
    `imGroupCreate.request.field.${SYNTHETIC_FIELD}.added`,
    "additive",
  ],
  [
    "a second Zoom code for a status (in its description)",
    OPENAPI,
    (d: Doc) => (operation(d).responses["409"].description += "\n**Error Code:** `4134` <br> The name is reserved."),
    "imGroupCreate.response.409.zoom-code.more-codes",
    "additive",
  ],
  [
    "a new enum value",
    OPENAPI,
    (d: Doc) => requestSchema(d).properties.type.enum.push("public"),
    "imGroupCreate.request.field.type.enum.public.added",
    "additive",
  ],
  [
    "a limit loosened",
    OPENAPI,
    (d: Doc) => (requestSchema(d).properties.name.maxLength = nameMaxLength + 1),
    "imGroupCreate.request.field.name.maxLength.loosened",
    "additive",
  ],
  [
    "a new response",
    OPENAPI,
    (d: Doc) => (operation(d).responses["403"] = { description: "**Error Code:** `104` scope" }),
    "imGroupCreate.response.403.added",
    "additive",
  ],
  [
    "a new header",
    OPENAPI,
    (d: Doc) => (operation(d).responses["201"].headers["X-Request-Id"] = { schema: { type: "string" } }),
    "imGroupCreate.response.201.header.x-request-id.added",
    "additive",
  ],
  [
    "Postman: a new optional form key",
    POSTMAN,
    (d: Doc) => {
      d.item[1].item[0].item[1].request.body.formdata.push({ key: "owner_email", value: "a@b.c", type: "text" });
    },
    "imGroupCreate.request.field.owner_email.added",
    "additive",
  ],
  [
    "an operation gone from the file",
    OPENAPI,
    (d: Doc) => delete d.paths["/im/groups/{groupId}/members/{memberId}"],
    "imGroupMembersDelete.removed",
    "breaking",
  ],
  [
    "a parameter's maximum tightened",
    OPENAPI,
    (d: Doc) => (membersList(d).parameters[0].schema.maximum = 100),
    "imGroupMembers.param.page_size.maximum.tightened",
    "breaking",
  ],
  [
    "a query parameter made required",
    SWAGGER,
    (d: Doc) => (d.paths["/im/groups/{groupId}/members"].get.parameters[1].required = true),
    "imGroupMembers.param.next_page_token.required.added",
    "breaking",
  ],
  [
    "a rule of a list's items tightened (members[]/email)",
    OPENAPI,
    (d: Doc) =>
      (memberAdd(d).requestBody.content["application/json"].schema.properties.members.items.properties.email.maxLength =
        64),
    "imGroupMembersCreate.request.field.members[]/email.maxLength.tightened",
    "breaking",
  ],
  [
    "the same rule tightened on the update only",
    OPENAPI,
    (d: Doc) =>
      (update(d).requestBody.content["application/json"].schema.properties.name.maxLength = nameMaxLength - 1),
    "imGroupUpdate.request.field.name.maxLength.tightened",
    "breaking",
  ],
  [
    "Postman: a path variable renamed",
    POSTMAN,
    (d: Doc) => {
      const item = d.item[1].item[0].item[2];
      item.request.url.path[2] = ":id";
    },
    "imGroup.operation.route.changed",
    "breaking",
  ],
  [
    "a new operation of the family",
    OPENAPI,
    (d: Doc) => {
      d.paths["/im/groups/{groupId}/members/{memberId}"].get = {
        operationId: "imGroupMember",
        summary: "Retrieve an IM directory group member",
        responses: { "200": { description: "The member." } },
      };
    },
    "imGroupMember.added",
    "additive",
  ],
  [
    "a new optional query parameter",
    OPENAPI,
    (d: Doc) => membersList(d).parameters.push({ name: "role", in: "query", schema: { type: "string" } }),
    "imGroupMembers.param.role.added",
    "additive",
  ],
  [
    "a summary reworded",
    OPENAPI,
    (d: Doc) => (operation(d).summary = "Make a directory group"),
    "imGroupCreate.operation.summary.changed",
    "docs",
  ],
  [
    "an example changed",
    OPENAPI,
    (d: Doc) => (requestSchema(d).properties.type.example = "shared"),
    "imGroupCreate.request.field.type.example.changed",
    "docs",
  ],
])("%s", (_label, file, change, expectedId, classification) => {
  test(`adds ${expectedId} (${classification}); the verdict follows`, async () => {
    const before = ids(await baseline(file));
    const after = await compareWithSpec(await mutated(file, change));
    const added = after.differences.filter((d) => !before.has(d.id));
    const line = expect.stringMatching(`^${expectedId.replace(/[.[\]]/g, "\\$&")}: `);
    expect(added.map((d) => `${d.id}: ${d.message}`)).toContainEqual(line);
    expect(added.find((d) => d.id === expectedId)).toMatchObject({ classification, allowlisted: false });
    // Judged against the fixture as it is: a difference the spec already has there is another test's failure.
    const already = new Set(unexcused(await baseline(file)));
    const fresh = unexcused(after).filter((difference) => !already.has(difference));
    if (classification === "breaking") expect(fresh, formatComparison(after)).toContainEqual(line);
    else expect(fresh, formatComparison(after)).toEqual([]);
  });
});

describe("the operation is found without its id", () => {
  test("by method and path when the operationId changed", async () => {
    const file = await mutated(OPENAPI, (d) => (operation(d).operationId = "createImGroup"));
    const found = (await compareWithSpec(file)).upstream.operations.find((o) => o.operationId === "imGroupCreate");
    expect(found?.foundBy).toBe("POST /im/groups");
  });

  test("Postman: by URL when the item was renamed and moved to another folder", async () => {
    const file = await mutated(POSTMAN, (d) => {
      const [item] = d.item[1].item[0].item.splice(1, 1);
      item.name = "New IM group";
      d.item[0].item.push(item);
    });
    const comparison = await compareWithSpec(file);
    const found = comparison.upstream.operations.find((o) => o.operationId === "imGroupCreate");
    expect(found?.foundBy).toBe("Postman item POST /im/groups");
    expect(comparison.ok).toBe(true);
  });
});

describe("the allowlist", () => {
  test("an entry for one kind of upstream does not excuse another", async () => {
    // multipart removed is allowed for Swagger and OpenAPI files, not for a Postman collection.
    const file = await mutated(POSTMAN, (d) => {
      const item = d.item[1].item[0].item[1];
      item.request.body = { mode: "raw", raw: "{}", options: { raw: { language: "json" } } };
    });
    const found = ids(await compareWithSpec(file));
    expect(found.get("imGroupCreate.request.media-type.multipart/form-data.removed")).toMatchObject({
      allowlisted: false,
    });
  });

  test("an entry names one operation's fact: it does not excuse the same fact of another operation", async () => {
    const list = join(dir, "create-only-allowlist.yaml");
    await writeFile(
      list,
      "- id: imGroupCreate.request.field.name.maxLength.tightened\n  reason: A test's own entry.\n",
    );
    const file = await mutated(OPENAPI, (d) => {
      requestSchema(d).properties.name.maxLength = nameMaxLength - 1;
      update(d).requestBody.content["application/json"].schema.properties.name.maxLength = nameMaxLength - 1;
    });
    const found = ids(await compareWithSpec(file, list));
    expect(found.get("imGroupCreate.request.field.name.maxLength.tightened")).toMatchObject({ allowlisted: true });
    expect(found.get("imGroupUpdate.request.field.name.maxLength.tightened")).toMatchObject({
      classification: "breaking",
      allowlisted: false,
    });
  });

  test("one entry may list several ids under one reason", async () => {
    const list = join(dir, "listed-allowlist.yaml");
    await writeFile(
      list,
      "- id: [imGroupCreate.response.429.removed, imGroup.response.429.removed]\n  reason: A test's own entry.\n",
    );
    const found = ids(await compareWithSpec(OPENAPI, list));
    expect(found.get("imGroupCreate.response.429.removed")).toMatchObject({ allowlisted: true });
    expect(found.get("imGroup.response.429.removed")).toMatchObject({ allowlisted: true });
    expect(found.get("imGroups.response.429.removed")).toMatchObject({ allowlisted: false });
  });

  test("without it the deliberate differences are breaking", async () => {
    const empty = join(dir, "empty-allowlist.yaml");
    await writeFile(empty, "[]\n");
    const comparison = await compareWithSpec(OPENAPI, empty);
    expect(comparison.ok).toBe(false);
    expect(comparison.summary.breaking).toBe((await baseline(OPENAPI)).summary.allowlisted);
  });

  test("an entry without a reason is refused", async () => {
    const bad = join(dir, "bad-allowlist.yaml");
    await writeFile(bad, "- id: imGroupCreate.response.400.removed\n");
    await expect(compareWithSpec(OPENAPI, bad)).rejects.toThrow(/needs an id and a reason/);
  });
});

describe("the command", () => {
  const run = async (...args: string[]) => {
    try {
      const { stdout } = await promisify(execFile)(
        resolve(repoRoot, "node_modules/.bin/tsx"),
        ["scripts/spec-compare.ts", ...args],
        { cwd: repoRoot },
      );
      return { code: 0, stdout, stderr: "" };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  test("exit 0 and a summary for a fixture; exit 1 with --json for a breaking change; exit 2 for no file", async () => {
    const breaking = await mutated(OPENAPI, (d) => (requestSchema(d).properties.type.enum = ["normal"]));
    const [ok, broken, missing] = await Promise.all([
      run(SWAGGER),
      run(breaking, "--json"),
      run(join(dir, "nothing.json")),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/spec:compare: 0 breaking, \d+ allowlisted, \d+ additive, \d+ docs/);
    expect(broken.code).toBe(1);
    const json = JSON.parse(broken.stdout) as Comparison;
    expect(json.ok).toBe(false);
    expect(json.differences.filter((d) => d.classification === "breaking" && !d.allowlisted).map((d) => d.id)).toEqual([
      "imGroupCreate.request.field.type.enum.shared.removed",
      "imGroupCreate.request.field.type.enum.restricted.removed",
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/spec:compare: .*ENOENT/);
  });

  test("--operation compares the named operations only: the vendored Postman item (the create alone) passes", async () => {
    const item = resolve(repoRoot, "spec/postman/create-im-group.postman.json");
    const [whole, create] = await Promise.all([run(item), run(item, "--operation", "imGroupCreate", "--json")]);
    expect(whole.code).toBe(1);
    expect(whole.stdout).toContain(
      "imGroupMembersDelete DELETE /im/groups/{groupId}/members/{memberId}: not in the file",
    );
    expect(create.code).toBe(0);
    const json = JSON.parse(create.stdout) as Comparison;
    expect(json.upstream.operations).toEqual([
      {
        operationId: "imGroupCreate",
        route: "POST /im/groups",
        foundBy: 'Postman item "Create an IM directory group"',
      },
    ]);
    expect(json.differences.every((d) => d.id.startsWith("imGroupCreate."))).toBe(true);
  });
});
