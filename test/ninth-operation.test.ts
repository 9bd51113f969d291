/**
 * Issue 27's promise, under test: adding an operation is a spec edit and `npm run generate`. A copy of the
 * project's source is regenerated from a copy of the spec that gains a ninth operation (a documented
 * `GET /im/groups/{groupId}/members/{memberId}`), and with no other edit its types, its entry in the operations
 * table, its validators, its mock route, its error meanings and a contract test (each documented answer
 * replayed through the one request path) are there; a public method is then one line. The same for a
 * maintainer's list field on the create (`member_emails`, at most 10 email addresses): generated, checked
 * before sending, sent as one form part per item, accepted by the mock.
 * What the tests measure is the list of files a maintainer edits (docs/maintaining.md, "Adding an operation").
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import { generate } from "../scripts/generate.ts";
import { decisionSlugs, findProvenanceProblems } from "../scripts/lib/provenance.ts";
import { repoRoot } from "../scripts/lib/spec.ts";
import { compareWithSpec } from "../scripts/spec-compare.ts";
import { NINTH_EXAMPLE, NINTH_ID, NINTH_PATH, withNinthOperation } from "./support/ninth-operation.ts";
import { FIELDS, SpecEdit } from "./support/spec-edit.ts";

// Whole TypeScript programs (and generate) are CPU work: on a saturated 2-core machine they take tens of
// seconds. The slack is for that; nothing here is about time.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const FIXTURES = ["zoom-marketplace.swagger.json", "zoom-reference.openapi.yaml", "zoom-collection.postman.json"].map(
  (file) => resolve(repoRoot, "test/fixtures/upstream", file),
);
const decisions = decisionSlugs(await readFile(resolve(repoRoot, "docs/decisions.md"), "utf8"));
const scratch: string[] = [];
afterAll(async () => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of src/ regenerated from `yaml`, inside node_modules so it resolves openapi-fetch as src/ does. */
async function regenerated(yaml: string): Promise<string> {
  const work = await mkdtemp(join(repoRoot, "node_modules", ".ninth-"));
  scratch.push(work);
  await cp(resolve(repoRoot, "src"), join(work, "src"), { recursive: true });
  await writeFile(join(work, "spec.yaml"), yaml);
  await generate({ specPath: join(work, "spec.yaml"), outDir: join(work, "src/generated") });
  return work;
}

/** The files of the copy's src/ whose text differs from the repository's. */
async function changedFiles(work: string): Promise<string[]> {
  const files = (await readdir(join(work, "src"), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(join(work, "src"), join(entry.parentPath, entry.name)));
  const changed = await Promise.all(
    files.map(async (file) => {
      const mine = await readFile(resolve(repoRoot, "src", file), "utf8").catch(() => undefined);
      return mine === (await readFile(join(work, "src", file), "utf8")) ? [] : [`src/${file}`];
    }),
  );
  return changed.flat().sort();
}

/** The compile errors of `files` (in the copy) under the project's strict settings. */
function typeErrors(work: string, files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: ["node"],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.startsWith(work))
    .map((d) => `${relative(work, d.file?.fileName ?? "")}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

const GENERATED = ["src/generated/openapi.ts", "src/generated/operations.ts", "src/generated/validators.ts"];
const memberUrl = "https://api.zoom.us/v2/im/groups/g1/members/m1";
const get = (url: string, headers: Record<string, string> = {}) =>
  new Request(url, { headers: { Authorization: "Bearer t", ...headers } });

type Library = typeof import("../src/index.ts");
type Testing = typeof import("../src/testing/index.ts");

describe(`a ninth operation (${NINTH_ID}: GET ${NINTH_PATH}), added to the spec alone`, () => {
  let work: string;
  let yaml: string;
  let table: typeof import("../src/generated/operations.ts");
  let library: Library;
  let testing: Testing;
  beforeAll(async () => {
    yaml = withNinthOperation();
    work = await regenerated(yaml);
    table = await import(join(work, "src/generated/operations.ts"));
    library = await import(join(work, "src/index.ts"));
    testing = await import(join(work, "src/testing/index.ts"));
  });

  test("npm run generate passes and changes only src/generated: the spec is the one file edited", async () => {
    expect(await changedFiles(work)).toEqual(GENERATED);
    // The spec edit carries its sources: check:provenance has nothing to say.
    expect(findProvenanceProblems(parseYaml(yaml), decisions)).toEqual([]);
  });

  test("its entry in operations.ts: method, path, label, retry safety, parameters, success, documented answers", async () => {
    const current = (await import("../src/generated/operations.ts")).operations;
    expect(Object.keys(current)).not.toContain(NINTH_ID);
    const operation = (table.operations as Record<string, unknown>)[NINTH_ID];
    expect(operation).toMatchObject({
      operationId: NINTH_ID,
      method: "GET",
      path: NINTH_PATH,
      rateLimitLabel: "Light",
      idempotent: true,
      pathParams: ["groupId", "memberId"],
      queryParams: [],
      requestContentTypes: [],
      successStatus: 200,
      scopes: ["imgroup:read:admin"],
      responses: {
        "200": { example: NINTH_EXAMPLE },
        "404": { zoomCode: 4130, zoomCodes: [4130, 1001] },
        "410": { zoomCode: 4137 },
        "429": { zoomCode: 429 },
      },
    });
  });

  test("its validators: the path ids are checked before sending; its documented answer validates", async () => {
    const { validateRequest } = (await import(
      join(work, "src/validation.ts")
    )) as typeof import("../src/validation.ts");
    const { validators } = (await import(
      join(work, "src/generated/validators.ts")
    )) as typeof import("../src/generated/validators.ts");
    const id = NINTH_ID as "imGroup";
    expect(validateRequest(id, { params: { groupId: "g1", memberId: "m1" } })).toEqual([]);
    expect(validateRequest(id, { params: { groupId: "g1", memberId: ".." } })).toMatchObject([
      { field: "memberId", rule: "pattern" },
    ]);
    expect(validateRequest(id, { params: { groupId: "g1" } })).toMatchObject([{ field: "memberId", rule: "required" }]);
    const answer = (validators as Record<string, { responses: Record<string, (value: unknown) => boolean> }>)[NINTH_ID]
      ?.responses["200"];
    expect(answer?.(NINTH_EXAMPLE)).toBe(true);
    expect(answer?.({ ...NINTH_EXAMPLE, type: "licensed" })).toBe(false);
  });

  test("its mock route: the mock answers the new path with the documented 200 (today: 405)", async () => {
    const mock = testing.createMockZoom();
    const response = await mock.handle(get(memberUrl));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(NINTH_EXAMPLE);
    const notFound = await mock.handle(get(memberUrl, { "X-Mock-Status": "404" }));
    expect(notFound.status).toBe(404);
    // The documented example of the 404 (GroupOrUserNotFound): one of its two codes.
    expect([4130, 1001]).toContain(((await notFound.json()) as { code: number }).code);
    const today = await (await import("../src/testing/index.ts")).createMockZoom().handle(get(memberUrl));
    expect(today.status).toBe(405);
  });

  test("its error meanings: 404 with 1001 is UserNotFoundError, with 4130 GroupNotFoundError, each naming the operation", () => {
    const answer = (status: number, code: number) =>
      library.ZoomApiError.generate({
        operationId: NINTH_ID as "imGroup",
        status,
        body: { code, message: "From Zoom." },
        headers: new Headers(),
        method: "GET",
        url: memberUrl,
      });
    expect(answer(404, 1001)).toBeInstanceOf(library.UserNotFoundError);
    expect(answer(404, 4130)).toBeInstanceOf(library.GroupNotFoundError);
    expect(answer(410, 4137)).toBeInstanceOf(library.ImGroupsApiRetiredError);
    expect(answer(404, 1001).operationId).toBe(NINTH_ID);
    expect(answer(404, 1001).message).toContain(`${NINTH_ID}: GET ${memberUrl}`);
  });

  test("a contract test: every documented answer, replayed through the one request path, gives its outcome", async () => {
    const { createRequester } = (await import(join(work, "src/request.ts"))) as typeof import("../src/request.ts");
    const { normalizeOptions } = (await import(join(work, "src/options.ts"))) as typeof import("../src/options.ts");
    const responses = (table.operations as Record<string, { responses: Record<string, { example?: unknown }> }>)[
      NINTH_ID
    ]?.responses as Record<string, { example?: unknown }>;
    const codes = table.zoomErrorCodes as Record<string, string>;
    const classes = library as unknown as Record<string, new (...args: never[]) => Error>;
    const outcomes: Record<string, string> = {};
    for (const [status, documented] of Object.entries(responses)) {
      const mock = testing.createMockZoom();
      const request = createRequester(
        normalizeOptions({
          accessToken: "t",
          maxRetries: 0,
          // The mock's documented answer for the status, as a contract test asks for it.
          fetch: (sent) => mock.handle(new Request(sent, { headers: { ...headersOf(sent), "X-Mock-Status": status } })),
        }),
      );
      const outcome = await request(NINTH_ID as "imGroup", { params: { groupId: "g1", memberId: "m1" } }).then(
        (answer) => answer,
        (error: unknown) => error,
      );
      if (status === "200") {
        expect(outcome).toMatchObject({ status: 200, body: documented.example });
        outcomes[status] = "answer";
        continue;
      }
      const code = (documented.example as { code: number }).code;
      const expected = classes[codes[code] as string];
      expect(expected, `Zoom code ${code} has an error class`).toBeDefined();
      expect(outcome).toBeInstanceOf(expected as new (...args: never[]) => Error);
      expect(outcome).toMatchObject({ status: Number(status), code, operationId: NINTH_ID });
      outcomes[status] = (outcome as Error).name;
    }
    expect(outcomes).toEqual({
      "200": "answer",
      "400": "BadRequestError",
      "401": "AuthenticationError",
      "404": "UserNotFoundError",
      "410": "ImGroupsApiRetiredError",
      "429": "RateLimitError",
    });
  });

  test("spec:compare names the one decision left: Zoom's files do not describe it yet", async () => {
    for (const file of FIXTURES) {
      const comparison = await compareWithSpec(file, undefined, parseYaml(yaml));
      const unexcused = comparison.differences.filter((d) => d.classification === "breaking" && !d.allowlisted);
      expect(unexcused.map((d) => `${d.id}: ${d.message}`)).toEqual([
        `${NINTH_ID}.removed: true here, nothing upstream`,
      ]);
    }
  });

  test("a public method is then one line in src/client.ts (and its declaration); the source typechecks", async () => {
    const client = join(work, "src/client.ts");
    const source = await readFile(client, "utf8");
    const declaration =
      "  removeImGroupMember(groupId: string, memberId: string, options?: CallOptions): Promise<void>;";
    const method = "    removeImGroupMember: (groupId, memberId, callOptions) =>";
    expect(source).toContain(declaration);
    expect(source).toContain(method);
    await writeFile(
      client,
      source
        .replace(
          declaration,
          `${declaration}\n  /** One member of a group. */\n  getImGroupMember(groupId: string, memberId: string, options?: CallOptions): Promise<ImGroupMember>;`,
        )
        .replace(
          method,
          `    getImGroupMember: (groupId, memberId, callOptions) => request("${NINTH_ID}", { params: { groupId, memberId } }, callOptions).then((answer) => answer.body as ImGroupMember),\n${method}`,
        ),
    );
    const consumer = join(work, "consumer.ts");
    await writeFile(
      consumer,
      [
        `import type { paths } from "./src/generated/openapi.ts";`,
        `import { createImGroupsClient } from "./src/index.ts";`,
        `type Get = paths["${NINTH_PATH}"]["get"];`,
        `export const member: Get["responses"][200]["content"]["application/json"] = { id: "u1", email: "a@b.co" };`,
        `export const ids: Get["parameters"]["path"] = { groupId: "g1", memberId: "u1" };`,
        `export const read = (zoom: ReturnType<typeof createImGroupsClient>) => zoom.getImGroupMember("g1", "u1");`,
        "",
      ].join("\n"),
    );
    expect(typeErrors(work, [consumer, join(work, "src/index.ts")])).toEqual([]);
    const regenerated = (await import(`${client}?with-method`)) as {
      createImGroupsClient: (options: object) => { getImGroupMember(g: string, m: string): Promise<unknown> };
    };
    const mock = testing.createMockZoom();
    const zoom = regenerated.createImGroupsClient({ accessToken: "t", fetch: (r: Request) => mock.handle(r) });
    expect(await zoom.getImGroupMember("g1", "m1")).toEqual(NINTH_EXAMPLE);
  });
});

/** A request's headers as a plain object (to send it again with one more). */
const headersOf = (request: Request) => Object.fromEntries(request.headers);

describe("a list field on the create (member_emails: at most 10 email addresses), added to the spec alone", () => {
  const FIELD = "member_emails";
  let work: string;
  let yaml: string;
  let library: Library;
  let testing: Testing;
  beforeAll(async () => {
    yaml = new SpecEdit()
      .add([...FIELDS, FIELD], {
        type: "array",
        maxItems: 10,
        description: "People to add as members when the group is created.",
        "x-source": { type: ["zoom-reference"], maxItems: ["zoom-api-pages"] },
        items: {
          type: "string",
          format: "email",
          "x-source": { type: ["zoom-reference"], format: ["zoom-reference"] },
        },
      })
      .toString();
    work = await regenerated(yaml);
    library = await import(join(work, "src/index.ts"));
    testing = await import(join(work, "src/testing/index.ts"));
  });

  /** A client over the copy's mock that records what it sends. */
  function client(encoding: "multipart" | "json") {
    const mock = testing.createMockZoom();
    const sent: Request[] = [];
    const zoom = library.createImGroupsClient({
      accessToken: "t",
      encoding,
      maxRetries: 0,
      fetch: async (request) => {
        sent.push(request.clone());
        return mock.handle(request);
      },
    });
    return { zoom, sent, mock };
  }
  const emails = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`);
  // The current source's body type has no such field: the copy's does.
  const body = (list: string[]) =>
    ({ name: "Design team", [FIELD]: list }) as Parameters<Library["createImGroupsClient"]>[0] & never;

  test("generate passes, only src/generated changes, every rule has its source", async () => {
    expect(await changedFiles(work)).toEqual(GENERATED);
    expect(findProvenanceProblems(parseYaml(yaml), decisions)).toEqual([]);
    expect(await readFile(join(work, "src/generated/openapi.ts"), "utf8")).toMatch(/member_emails\?: string\[\];/);
  });

  test("the client refuses 11 items and a non-email before sending, naming the field and the rule", async () => {
    const { zoom, sent } = client("multipart");
    const tooMany = await zoom.createImGroup(body(emails(11))).catch((error: unknown) => error);
    expect(tooMany).toBeInstanceOf(library.ValidationError);
    expect((tooMany as InstanceType<Library["ValidationError"]>).issues).toEqual([
      { field: FIELD, rule: "maxItems", message: `${FIELD} must have at most 10 items (got 11)` },
    ]);
    const notAnEmail = await zoom.createImGroup(body(["ada@example.com", "ada"])).catch((error: unknown) => error);
    expect(notAnEmail).toBeInstanceOf(library.ValidationError);
    expect((notAnEmail as InstanceType<Library["ValidationError"]>).issues).toEqual([
      { field: `${FIELD}[1]`, rule: "format", message: `${FIELD}[1] must be an email address (got string "ada")` },
    ]);
    expect(sent).toEqual([]);
  });

  test.each([1, 10])("multipart sends one part per item (%i), and the mock accepts it", async (count) => {
    const { zoom, sent, mock } = client("multipart");
    const group = await zoom.createImGroup(body(emails(count)));
    expect(group.status).toBe(201);
    const form = await (sent[0] as Request).formData();
    expect(form.getAll(FIELD)).toEqual(emails(count));
    expect(mock.groups().map((g) => g.name)).toEqual(["Design team"]);
  });

  test("JSON sends the list as a list, and the mock accepts it", async () => {
    const { zoom, sent } = client("json");
    expect((await zoom.createImGroup(body(emails(2)))).status).toBe(201);
    expect(await (sent[0] as Request).json()).toMatchObject({ [FIELD]: emails(2) });
  });

  test("the mock refuses what the client would (a request sent around it), naming the item", async () => {
    const mock = testing.createMockZoom();
    const response = await mock.handle(
      new Request("https://api.zoom.us/v2/im/groups", {
        method: "POST",
        headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
        body: JSON.stringify({ name: "x", [FIELD]: ["not an email"] }),
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 300, errors: [{ field: `${FIELD}.0` }] });
  });

  test("spec:compare asks for the one decision left: the older files do not have the field", async () => {
    const comparison = await compareWithSpec(FIXTURES[1] as string, undefined, parseYaml(yaml));
    const unexcused = comparison.differences.filter((d) => d.classification === "breaking" && !d.allowlisted);
    expect(unexcused.map((d) => d.id)).toEqual([`imGroupCreate.request.field.${FIELD}.removed`]);
  });
});
