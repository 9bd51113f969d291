/**
 * The maintainer's loop of docs/maintaining.md ("Four changes, step by step"), applied to a copy of the spec
 * in a scratch git repository: (a) Zoom tightens a limit, (b) adds an optional field, (c) documents a second
 * error code for a status, (d) renames a field. For each: the spec (and the fixture standing for Zoom's
 * current reference) edited, `generate` run, and what then fails is only what a person must decide — the
 * changeset's level, a provenance source, an older upstream file's difference to accept — with a message
 * naming the difference and the file to edit.
 */
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import { checkChangeset } from "../scripts/check-changeset.ts";
import { generate } from "../scripts/generate.ts";
import { decisionSlugs, findProvenanceProblems } from "../scripts/lib/provenance.ts";
import { repoRoot } from "../scripts/lib/spec.ts";
import { compareWithSpec } from "../scripts/spec-compare.ts";
import { operations } from "../src/generated/operations.ts";
import { FIELDS, RESPONSES, SpecEdit } from "./support/spec-edit.ts";

// Whole TypeScript programs (and generate) are CPU work: on a saturated 2-core machine they take tens of
// seconds. The slack is for that; nothing here is about time.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const SPEC = "spec/zoom-im-groups.openapi.yaml";
const REFERENCE = "test/fixtures/upstream/zoom-reference.openapi.yaml";
const OLDER = [
  "test/fixtures/upstream/zoom-marketplace.swagger.json",
  "test/fixtures/upstream/zoom-collection.postman.json",
];
/** A field name that collides with nothing in the spec or the fixtures (checked in spec-compare.test.ts too). */
const NEW_FIELD = "zz_synthetic_note";
const decisions = decisionSlugs(await readFile(resolve(repoRoot, "docs/decisions.md"), "utf8"));

// biome-ignore lint/suspicious/noExplicitAny: edits reach into a parsed upstream file by path
type Operation = any;
let repo: string;
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd: repo,
    encoding: "utf8",
  });

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), "maintainers-loop-"));
  await cp(resolve(repoRoot, "spec"), join(repo, "spec"), { recursive: true });
  await mkdir(join(repo, "test/fixtures"), { recursive: true });
  await cp(resolve(repoRoot, "test/fixtures/upstream"), join(repo, "test/fixtures/upstream"), { recursive: true });
  await mkdir(join(repo, ".changeset"));
  await writeFile(join(repo, "package.json"), await readFile(resolve(repoRoot, "package.json"), "utf8"));
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-qm", "base");
});
afterAll(async () => rm(repo, { recursive: true, force: true }));

/** The reference fixture as a parsed document, edited by `change` (its create, and its update), written back. */
async function editReference(change: (operation: Operation, update: Operation) => void): Promise<void> {
  const path = join(repo, REFERENCE);
  const document = parseYaml(await readFile(path, "utf8"));
  change(document.paths["/im/groups"].post, document.paths["/im/groups/{groupId}"].patch);
  const { stringify } = await import("yaml");
  await writeFile(path, stringify(document));
}

interface Outcome {
  generated: string;
  /** The regenerated operations table. */
  operations: typeof operations;
  /** Unexcused breaking differences from each upstream file, as spec:compare prints them. */
  compare: Record<string, string[]>;
  provenance: string[];
  changeset: (bump: string) => Promise<{ ok: boolean; message: string }>;
}

/** Applies `edit` to the spec on a fresh branch, regenerates, and runs the checks a maintainer meets. */
async function apply(
  name: string,
  edit: (spec: SpecEdit) => void,
  reference: (operation: Operation, update: Operation) => void,
): Promise<Outcome> {
  git("reset", "-q", "--hard");
  git("clean", "-qfd");
  git("checkout", "-q", "-B", name, "main");
  await editReference(reference);
  const spec = new SpecEdit(await readFile(join(repo, SPEC), "utf8"));
  edit(spec);
  await writeFile(join(repo, SPEC), spec.toString());
  // One directory per change: an import of the same path would be the first change's module, cached.
  const outDir = join(repo, "generated", name);
  await generate({ specPath: join(repo, SPEC), outDir });
  const document = parseYaml(spec.toString());
  const compare: Record<string, string[]> = {};
  for (const file of [REFERENCE, ...OLDER]) {
    const comparison = await compareWithSpec(join(repo, file), join(repo, "spec/compare-allowlist.yaml"), document);
    compare[file] = comparison.differences
      .filter((d) => d.classification === "breaking" && !d.allowlisted)
      .map((d) => `${d.id}: ${d.message}`);
  }
  return {
    generated: await readFile(join(outDir, "operations.ts"), "utf8"),
    // The generated table imports nothing: it loads from the scratch repository as it is.
    operations: ((await import(join(outDir, "operations.ts"))) as { operations: typeof operations }).operations,
    compare,
    provenance: findProvenanceProblems(document, decisions),
    changeset: async (bump) => {
      await mkdir(join(repo, ".changeset"), { recursive: true });
      await writeFile(join(repo, ".changeset/change.md"), `---\n"zoom-im-groups": ${bump}\n---\n\nA change.\n`);
      return checkChangeset("main", repo);
    },
  };
}

const version = JSON.parse(await readFile(resolve(repoRoot, "package.json"), "utf8")).version as string;
/** The least bump check:changeset asks for (docs/maintaining.md, "Which changeset"). */
const least = (classification: "breaking" | "additive") =>
  classification === "breaking" && !version.startsWith("0.") ? "major" : "minor";

describe("four changes, each through the loop", () => {
  test("(a) Zoom tightens a limit: only the changeset gate asks for a decision", async () => {
    const path = [...FIELDS, "name", "maxLength"];
    const before = new SpecEdit().get<number>(path);
    const tighter = before - 28;
    const outcome = await apply(
      "tighten",
      (spec) => spec.set(path, tighter),
      (operation, update) => {
        for (const changed of [operation, update])
          changed.requestBody.content["application/json"].schema.properties.name.maxLength = tighter;
      },
    );
    // The update's name is the create's ($ref), and so is the Groups create's: all three follow.
    expect(outcome.operations.imGroupCreate.requestSchema.properties.name.maxLength).toBe(tighter);
    expect(outcome.operations.imGroupUpdate.requestSchema.properties.name.maxLength).toBe(tighter);
    expect(outcome.operations.groupCreate.requestSchema.properties.name.maxLength).toBe(tighter);
    expect(outcome.compare).toEqual({ [REFERENCE]: [], [OLDER[0] as string]: [], [OLDER[1] as string]: [] });
    expect(outcome.provenance).toEqual([]);
    const patch = await outcome.changeset("patch");
    expect(patch.ok).toBe(false);
    expect(patch.message).toContain(
      `imGroupCreate.request.field.name.maxLength.tightened: ${before} in main, ${tighter} now`,
    );
    expect(patch.message).toContain(`imGroupUpdate.request.field.name.maxLength.tightened`);
    expect(patch.message).toContain(
      `groupCreate.request.field.name.maxLength.tightened: ${before} in main, ${tighter} now`,
    );
    expect(patch.message).toContain(`set the bump in .changeset/change.md to ${least("breaking")}`);
    expect(await outcome.changeset(least("breaking"))).toMatchObject({ ok: true });
  });

  test("(b) Zoom adds an optional field: the source, the older files' difference and the changeset ask", async () => {
    const field = { type: "string", description: "A note.", maxLength: 200 };
    const outcome = await apply(
      "new-field",
      (spec) => spec.add([...FIELDS, NEW_FIELD], field),
      (operation) => {
        operation.requestBody.content["application/json"].schema.properties[NEW_FIELD] = { type: "string" };
      },
    );
    expect(Object.keys(outcome.operations.imGroupCreate.requestSchema.properties)).toContain(NEW_FIELD);
    // No x-source yet: check:provenance names the field.
    expect(outcome.provenance.join("\n")).toContain(NEW_FIELD);
    expect(outcome.compare[REFERENCE]).toEqual([]);
    // The older files do not have it: a difference the allowlist must accept, by name.
    for (const file of OLDER)
      expect(outcome.compare[file]).toEqual([
        `imGroupCreate.request.field.${NEW_FIELD}.removed: true here, nothing upstream`,
      ]);
    const patch = await outcome.changeset("patch");
    expect(patch.message).toContain(`the spec change is additive (imGroupCreate.request.field.${NEW_FIELD}.added`);
    expect(patch.message).toContain("set the bump in .changeset/change.md to minor");
    expect(await outcome.changeset("minor")).toMatchObject({ ok: true });
  });

  test("(c) Zoom documents a second error code for a status: generated, mapped, compared", async () => {
    const conflict = [...RESPONSES, "409"];
    const first = operations.imGroupCreate.responses["409"].zoomCode;
    const added = "\n**Error Code:** `4134` <br>\nThe name is reserved.\n";
    const outcome = await apply(
      "second-code",
      (spec) =>
        spec
          .set([...conflict, "x-zoom-error-code"], [first, 4134])
          .set([...conflict, "description"], `${spec.get<string>([...conflict, "description"])}${added}`)
          // What the new code means: the error class it becomes, on every operation.
          .add(["x-zoom-error-codes", 4134], "GroupNameConflictError"),
      (operation) => {
        operation.responses["409"].description += added;
      },
    );
    expect(outcome.operations.imGroupCreate.responses["409"]).toMatchObject({
      zoomCode: first,
      zoomCodes: [first, 4134],
    });
    expect(outcome.generated).toMatch(/"4134": "GroupNameConflictError"/);
    expect(outcome.compare[REFERENCE]).toEqual([]);
    for (const file of OLDER)
      expect(outcome.compare[file]).toEqual([
        `imGroupCreate.response.409.zoom-code.changed: [${first},4134] here, ${first} upstream`,
      ]);
    const patch = await outcome.changeset("patch");
    expect(patch.message).toContain(
      `imGroupCreate.response.409.zoom-code.more-codes: ${first} in main, [${first},4134] now`,
    );
    expect(await outcome.changeset("minor")).toMatchObject({ ok: true });
  });

  test("(d) Zoom renames a field: breaking, the changeset says so", async () => {
    const from = "search_by_domain";
    const to = "searchable_by_domain";
    const updateField = ["components", "schemas", "UpdateImGroupRequest", "properties", from];
    const outcome = await apply(
      "rename",
      (spec) => {
        spec.rename([...FIELDS, from], to);
        // The update names the create's field by $ref: renamed with it, or the spec does not load.
        spec.set([...updateField, "$ref"], `#/components/schemas/CreateImGroupRequest/properties/${to}`);
        spec.rename(updateField, to);
      },
      (operation, update) => {
        for (const changed of [operation, update]) {
          const properties = changed.requestBody.content["application/json"].schema.properties;
          properties[to] = properties[from];
          delete properties[from];
        }
      },
    );
    for (const id of ["imGroupCreate", "imGroupUpdate"] as const) {
      const fields = Object.keys(outcome.operations[id].requestSchema.properties);
      expect(fields).toContain(to);
      expect(fields).not.toContain(from);
    }
    expect(outcome.compare[REFERENCE]).toEqual([]);
    for (const file of OLDER)
      expect(outcome.compare[file]).toContainEqual(
        expect.stringMatching(`^imGroupCreate.request.field.${to}.removed: `),
      );
    const patch = await outcome.changeset("patch");
    expect(patch.message).toContain(`imGroupCreate.request.field.${from}.removed`);
    expect(patch.message).toContain(`imGroupUpdate.request.field.${from}.removed`);
    expect(patch.message).toContain(`set the bump in .changeset/change.md to ${least("breaking")}`);
  });
});
