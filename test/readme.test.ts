/**
 * Every ```ts block of the README compiles against the public API, so the examples cannot rot.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import ts from "typescript";
import { expect, test, vi } from "vitest";
import { repoRoot } from "../scripts/lib/spec.ts";

// Whole TypeScript programs (and generate) are CPU work: on a saturated 2-core machine they take tens of
// seconds. The slack is for that; nothing here is about time.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

test("the README's TypeScript examples typecheck", async () => {
  const readme = await readFile(resolve(repoRoot, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
  expect(blocks.length).toBeGreaterThanOrEqual(3);
  const dir = await mkdtemp(join(repoRoot, "node_modules", ".readme-"));
  try {
    const files = await Promise.all(
      blocks.map(async (code, index) => {
        const file = join(dir, `example-${index}.ts`);
        await writeFile(file, `${code}\nexport {};\n`);
        return file;
      }),
    );
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: ["node"],
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      paths: {
        "zoom-im-groups": [resolve(repoRoot, "src/index.ts")],
        "zoom-im-groups/spec": [resolve(repoRoot, "src/spec.ts")],
        "zoom-im-groups/testing": [resolve(repoRoot, "src/testing/index.ts")],
        "zoom-im-groups/testing/fetch": [resolve(repoRoot, "src/testing/fetch.ts")],
      },
      allowImportingTsExtensions: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.split("/").pop()}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(diagnostics).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the README's links work where it is read once installed (npm, node_modules): anchors or the repository's URLs", async () => {
  // The tarball has no docs/: a relative link to one of its files is dead on npm and in node_modules.
  const readme = await readFile(resolve(repoRoot, "README.md"), "utf8");
  const manifest = JSON.parse(await readFile(resolve(repoRoot, "package.json"), "utf8")) as {
    repository: { url: string };
  };
  const repository = manifest.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
  const targets = [
    ...[...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? ""),
    ...[...readme.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm)].map((match) => match[1] ?? ""),
  ];
  expect(targets.length).toBeGreaterThan(5);
  const elsewhere = targets.filter((target) => !target.startsWith("#") && !target.startsWith(`${repository}/`));
  expect(elsewhere).toEqual([]);
});
