/**
 * The workflow the card promises, "regenerated when the spec changes", under test: a copy of the project's
 * source is regenerated from an edited copy of the spec, and its types and request validation follow.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { generate } from "../scripts/generate.ts";
import { repoRoot } from "../scripts/lib/spec.ts";
import { FIELDS, RESPONSES, SpecEdit } from "./support/spec-edit.ts";

// Whole TypeScript programs (and generate) are CPU work: on a saturated 2-core machine they take tens of
// seconds. The slack is for that; nothing here is about time.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let work: string;
beforeAll(async () => {
  // Inside node_modules so the copy resolves openapi-fetch like the real source does.
  work = await mkdtemp(join(repoRoot, "node_modules", ".regen-"));
  await cp(resolve(repoRoot, "src"), join(work, "src"), { recursive: true });
  const spec = new SpecEdit();
  spec.set([...FIELDS, "type", "enum"], [...spec.get<string[]>([...FIELDS, "type", "enum"]), "private"]);
  spec.set([...FIELDS, "name", "maxLength"], 64);
  // One status, two Zoom codes: the list, and the description naming both.
  const conflict = [...RESPONSES, "409"];
  spec.set([...conflict, "x-zoom-error-code"], [spec.get<number>([...conflict, "x-zoom-error-code"]), 4134]);
  spec.set(
    [...conflict, "description"],
    `${spec.get<string>([...conflict, "description"])}\n**Error Code:** \`4134\` <br>\nThe name is reserved.`,
  );
  // What the new code means, on every operation: the error class it becomes.
  spec.add(["x-zoom-error-codes", 4134], "GroupNameConflictError");
  await writeFile(join(work, "spec.yaml"), spec.toString());
  await generate({ specPath: join(work, "spec.yaml"), outDir: join(work, "src/generated") });
});
afterAll(async () => rm(work, { recursive: true, force: true }));

function typeErrors(sourceDir: string): string[] {
  const consumer = join(work, `consumer-${sourceDir.length}.ts`);
  ts.sys.writeFile(
    consumer,
    `import type { CreateImGroupBody } from "${join(sourceDir, "index.ts")}";\nexport const body: CreateImGroupBody = { name: "x", type: "private" };\n`,
  );
  const program = ts.createProgram([consumer], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: ["node"],
  });
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(consumer))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
}

test("types follow: type 'private' compiles against the regenerated source only", () => {
  expect(typeErrors(join(work, "src"))).toEqual([]);
  expect(typeErrors(resolve(repoRoot, "src")).join("\n")).toContain('"private"');
});

test("validation follows: the new enum value is accepted and the tightened maxLength enforced", async () => {
  const regenerated = (await import(join(work, "src/spec.ts"))) as typeof import("../src/spec.ts");
  const current = await import("../src/spec.ts");
  const name65 = "x".repeat(65);
  expect(regenerated.validateCreateImGroupBody({ name: "x", type: "private" })).toEqual([]);
  expect(current.validateCreateImGroupBody({ name: "x", type: "private" }).map((i) => i.rule)).toEqual(["enum"]);
  expect(regenerated.validateCreateImGroupBody({ name: name65 }).map((i) => i.message)).toEqual([
    "name must be at most 64 characters (got 65)",
  ]);
  expect(current.validateCreateImGroupBody({ name: name65 })).toEqual([]);
});

test("one status, several Zoom codes: the regenerated source typechecks and each code maps to the status's error", async () => {
  const program = ts.createProgram([join(work, "src/index.ts")], {
    strict: true,
    noEmit: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    skipLibCheck: true,
    types: ["node"],
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.startsWith(work))
    .map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
  expect(errors).toEqual([]);
  const regenerated = (await import(join(work, "src/index.ts"))) as typeof import("../src/index.ts");
  const { operations } = (await import(
    join(work, "src/generated/operations.ts")
  )) as typeof import("../src/generated/operations.ts");
  const current = await import("../src/index.ts");
  const first = (await import("../src/generated/operations.ts")).operations.imGroupCreate.responses["409"].zoomCode;
  expect(operations.imGroupCreate.responses["409"]).toMatchObject({ zoomCode: first, zoomCodes: [first, 4134] });
  // A 400 carrying the new code means what x-zoom-error-codes says (a name conflict); before, a plain bad request.
  const answer = (ns: typeof current) =>
    ns.ZoomApiError.generate({
      status: 400,
      body: { code: 4134, message: "The name is reserved." },
      headers: new Headers(),
      method: "POST",
      url: "https://api.zoom.us/v2/im/groups",
    });
  expect(answer(regenerated)).toBeInstanceOf(regenerated.GroupNameConflictError);
  expect(answer(current)).toBeInstanceOf(current.BadRequestError);
});
