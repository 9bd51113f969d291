/**
 * The directions of dependence: the CLI and the mock use the package as its users do (its entry points
 * only), the library never imports them, and no module imports itself back through another.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect, test } from "vitest";
import { repoRoot } from "../scripts/lib/spec.ts";

const src = resolve(repoRoot, "src");
const files = readdirSync(src, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".ts"))
  .map((file) => join(src, file));

/** The modules of ours a file imports (relative specifiers), as paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)[^;]*?from\s+"(\.[^"]+)"/g)].map((match) =>
    relative(src, resolve(dirname(file), (match[1] as string).replace(/\.js$/, ".ts"))),
  );
}
const graph = new Map(files.map((file) => [relative(src, file), importsOf(file)]));
const entryPoints = ["index.ts", "spec.ts", "testing/index.ts", "testing/fetch.ts", "verify/index.ts"];

test("the CLI imports only the package's entry points (and its own modules)", () => {
  const stray = [...graph]
    .filter(([file]) => file.startsWith("cli/"))
    .flatMap(([file, imports]) =>
      imports
        .filter((target) => !target.startsWith("cli/") && !entryPoints.includes(target))
        .map((t) => `${file} → ${t}`),
    );
  expect(stray).toEqual([]);
});

test("the library never imports the CLI or the mock", () => {
  const stray = [...graph]
    .filter(([file]) => !file.startsWith("cli/") && !file.startsWith("testing/"))
    .flatMap(([file, imports]) =>
      imports
        .filter((target) => target.startsWith("cli/") || target.startsWith("testing/"))
        .map((t) => `${file} → ${t}`),
    );
  expect(stray).toEqual([]);
});

test("no import cycles", () => {
  const cycles: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "visiting") {
      cycles.push([...path.slice(path.indexOf(file)), file].join(" → "));
      return;
    }
    state.set(file, "visiting");
    for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
    state.set(file, "done");
  };
  for (const file of graph.keys()) visit(file, []);
  expect(cycles).toEqual([]);
});
