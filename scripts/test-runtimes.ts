/**
 * `npm run test:runtimes`: the built library (both encodings, error mapping, Server-to-Server OAuth,
 * timeouts, abort) and the fetch-style mock on Node, Bun, Deno and Cloudflare Workers (workerd through
 * miniflare). The runtimes install from the npm registry into the git-ignored .runtimes/ (their binaries
 * ship inside the packages), pinned below. The Worker is bundled with esbuild, `node:*` left external and
 * no Node compatibility flag set, so a Node-only import in the library fails this stage.
 * Needs `npm run build` first. Prints one line per runtime and check; exits 1 on any failure.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { repoRoot } from "./lib/spec.ts";

const PINS = ["@oven/bun-linux-x64@1.4.5", "@deno/linux-x64-glibc@2.9.6", "miniflare@4.20260426.0"];
const prefix = resolve(repoRoot, ".runtimes");
const installed = (path: string) => resolve(prefix, "node_modules", path);
const BUN = installed("@oven/bun-linux-x64/bin/bun");
const DENO = installed("@deno/linux-x64-glibc/deno");
type Check = { name: string; ok: boolean; problem?: string };
/** What a runtime printed (its checks as JSON), or one failed check saying what went wrong. */
const checksIn = (text: string, failure: string): Check[] => {
  try {
    return JSON.parse(text);
  } catch {
    return [{ name: "runs", ok: false, problem: `${failure}: ${text.trim().slice(0, 2000)}` }];
  }
};

function runEntry(command: string, args: string[]): Check[] {
  const result = spawnSync(command, [...args, "test/runtimes/entry.mjs"], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    timeout: 120_000,
  });
  return checksIn(result.stdout.trim().split("\n").at(-1) || result.stderr, `exit ${result.status}`);
}

async function runWorker(): Promise<Check[]> {
  const script = resolve(prefix, "worker.mjs");
  await build({
    entryPoints: [resolve(repoRoot, "test/runtimes/worker.mjs")],
    outfile: script,
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    external: ["node:*"],
    logLevel: "silent",
  });
  const { Miniflare } = await import(pathToFileURL(installed("miniflare/dist/src/index.js")).href);
  // No compatibility flags: a `node:` import fails here, as it would on a Worker without nodejs_compat.
  const worker = new Miniflare({ modules: true, scriptPath: script, compatibilityDate: "2025-09-01" });
  try {
    const response: Response = await worker.dispatchFetch("http://worker.local/");
    return checksIn(await response.text(), `HTTP ${response.status}`);
  } catch (error) {
    return [{ name: "runs", ok: false, problem: (error as Error).message.slice(0, 2000) }];
  } finally {
    await worker.dispose().catch(() => undefined);
  }
}

if (![BUN, DENO, installed("miniflare/package.json")].every(existsSync)) {
  const flags = ["--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund"];
  execFileSync("npm", ["install", ...flags, ...PINS], { stdio: ["ignore", "ignore", "inherit"] });
}
const version = (command: string) => execFileSync(command, ["--version"], { encoding: "utf8" }).split("\n")[0] ?? "";
const runtimes: [string, () => Promise<Check[]> | Check[]][] = [
  [`Node ${process.version}`, () => runEntry(process.execPath, [])],
  [`Bun ${version(BUN)}`, () => runEntry(BUN, [])],
  [
    version(DENO).replace(/^deno/, "Deno").replace(/ \(.*/, ""),
    () => runEntry(DENO, ["run", "--allow-read", "--allow-env"]),
  ],
  ["Cloudflare Workers (workerd via miniflare)", runWorker],
];
let failed = 0;
let passed = 0;
for (const [runtime, run] of runtimes) {
  for (const { ok, name, problem } of await run()) {
    if (ok) passed++;
    else failed++;
    console.log(`${ok ? "ok  " : "FAIL"} ${runtime}: ${name}${problem ? ` — ${problem}` : ""}`);
  }
}
console.log(`test:runtimes: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
