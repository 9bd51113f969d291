/**
 * The workflow the card promises, "regenerated when the spec changes", under test: a copy of the project's
 * source is regenerated from an edited copy of the spec, and its types and request validation follow.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, expect, test } from "vitest";
import { generate } from "../scripts/generate.ts";
import { defaultSpecPath, repoRoot } from "../scripts/lib/spec.ts";

let work: string;
beforeAll(async () => {
  // Inside node_modules so the copy resolves openapi-fetch like the real source does.
  work = await mkdtemp(join(repoRoot, "node_modules", ".regen-"));
  await cp(resolve(repoRoot, "src"), join(work, "src"), { recursive: true });
  const spec = (await readFile(defaultSpecPath, "utf8"))
    .replace("            - restricted\n", "            - restricted\n            - private\n")
    .replace("          maxLength: 128\n", "          maxLength: 64\n");
  expect(spec).toContain("- private");
  await writeFile(join(work, "spec.yaml"), spec);
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
