/**
 * Size and start-up: the library entry bundled and minified by esbuild, with and without openapi-fetch;
 * import time against openapi-fetch alone over fresh processes; the CLI's `--version` start-up.
 */
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { median } from "./overhead.ts";

const root = new URL("..", import.meta.url).pathname;

export interface SizeResult {
  bundleBytes: {
    withOpenapiFetch: number;
    withOpenapiFetchGzip: number;
    withoutOpenapiFetch: number;
    withoutOpenapiFetchGzip: number;
  };
  importMs: { zoomImGroups: number; openapiFetch: number; ratio: number; processes: number };
  cliVersionMs: number;
}

async function bundle(external: string[]): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [`${root}dist/index.js`],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    write: false,
    external,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.contents ?? new Uint8Array();
}

/** Milliseconds to import `specifier` in a fresh process, measured inside it (no process start-up). */
function importTime(specifier: string): number {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: root, encoding: "utf8" });
  return Number(run.stdout.trim());
}

export async function measureSize(processes: number): Promise<SizeResult> {
  const full = await bundle([]);
  const lean = await bundle(["openapi-fetch"]);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < processes; i++) {
    // Interleaved, so load on the machine affects both alike.
    ours.push(importTime(`${root}dist/index.js`));
    theirs.push(importTime("openapi-fetch"));
  }
  const cli: number[] = [];
  for (let i = 0; i < Math.max(3, Math.round(processes / 2)); i++) {
    const started = performance.now();
    spawnSync(process.execPath, [`${root}dist/cli/main.js`, "--version"]);
    cli.push(performance.now() - started);
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    bundleBytes: {
      withOpenapiFetch: full.byteLength,
      withOpenapiFetchGzip: gzipSync(full).byteLength,
      withoutOpenapiFetch: lean.byteLength,
      withoutOpenapiFetchGzip: gzipSync(lean).byteLength,
    },
    importMs: {
      zoomImGroups: round(median(ours)),
      openapiFetch: round(median(theirs)),
      ratio: round(median(ours) / median(theirs)),
      processes,
    },
    cliVersionMs: round(median(cli)),
  };
}
