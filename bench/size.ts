/**
 * Size and start-up: the library entry bundled and minified by esbuild (openapi-fetch included), import
 * time in fresh processes against openapi-fetch's alone (interleaved, so load hits both alike), and the
 * CLI's `--version` start-up.
 */
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { median } from "./overhead.ts";

const root = new URL("..", import.meta.url).pathname;
const round = (n: number) => Math.round(n * 100) / 100;

/** Milliseconds to import `specifier` in a fresh process, measured inside it (no process start-up). */
function importMs(specifier: string): number {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  return Number(
    spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: root, encoding: "utf8" }).stdout,
  );
}

export async function measureSize(processes: number) {
  const { outputFiles } = await build({
    entryPoints: [`${root}dist/index.js`],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "silent",
  });
  const bundle = outputFiles[0]?.contents ?? new Uint8Array();
  const ours: number[] = [];
  const theirs: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < processes; i++) {
    ours.push(importMs(`${root}dist/index.js`));
    theirs.push(importMs("openapi-fetch"));
    const started = performance.now();
    spawnSync(process.execPath, [`${root}dist/cli/main.js`, "--version"]);
    cli.push(performance.now() - started);
  }
  return {
    bundleBytes: bundle.byteLength,
    bundleGzipBytes: gzipSync(bundle).byteLength,
    importMs: round(median(ours)),
    importRatioToOpenapiFetch: round(median(ours) / median(theirs)),
    cliVersionMs: round(median(cli)),
    processes,
  };
}
