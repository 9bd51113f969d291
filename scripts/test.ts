/**
 * `npm test`: every check, independent stages side by side, each stage's wall time printed (as .ci/run
 * prints its own). Phase 1 needs only the sources; phase 2 needs the build. A stage's output is shown
 * whole when it fails and summed up in its last line when it passes; the run fails if any stage does.
 *
 *   phase 1: lint · typecheck · check:generated · check:postman · check:provenance · lint:spec · build
 *   phase 2: vitest · check:package (packed tarball, upstream contract on Prism) · test:prism · bench:smoke
 */
import { spawn } from "node:child_process";
import { repoRoot } from "./lib/spec.ts";

/** A stage is a package.json script: its command is written once, there. */
type Stage = string;
interface Result {
  name: Stage;
  code: number | null;
  seconds: number;
  output: string;
}

const phases: Stage[][] = [
  ["lint", "typecheck", "check:generated", "check:postman", "check:provenance", "lint:spec", "build"],
  ["vitest", "check:package", "test:prism", "bench:smoke"],
];

function run(stage: Stage): Promise<Result> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", stage], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NO_COLOR: "1",
        FORCE_COLOR: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("close", (code) => resolve({ name: stage, code, seconds: (performance.now() - started) / 1000, output }));
  });
}

/** The line that says what a passing stage proved (a runner's closing line, else its last line). */
function closing(output: string): string {
  const lines = output
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    lines.findLast((line) =>
      /\b\d+ passed\b|Tests\s+\d+|passed|0 errors|matches|names its source|No fixes/.test(line),
    ) ??
    lines.at(-1) ??
    ""
  );
}

const started = performance.now();
const results: Result[] = [];
for (const [index, phase] of phases.entries()) {
  console.log(`==> phase ${index + 1}: ${phase.join(", ")}`);
  const finished = await Promise.all(phase.map(run));
  for (const result of finished) {
    results.push(result);
    const status = result.code === 0 ? "ok  " : "FAIL";
    console.log(
      `${status} ${result.name.padEnd(18)} ${result.seconds.toFixed(1).padStart(5)} s  ${closing(result.output)}`,
    );
    if (result.code !== 0) console.log(result.output.replace(/^/gm, `  ${result.name} | `));
  }
  if (finished.some((result) => result.code !== 0)) break;
}
const failed = results.filter((result) => result.code !== 0);
// vitest's count as the plain closing line any log reader understands: `vitest: N passed, N failed`.
const vitest = results.find((result) => result.name === "vitest");
const counts = /Tests\s+(?:(\d+) failed \| )?(\d+) passed/.exec(vitest?.output ?? "");
if (counts) console.log(`vitest: ${counts[2]} passed, ${counts[1] ?? 0} failed`);
console.log(
  `npm test: ${results.length - failed.length} stages passed, ${failed.length} failed, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exitCode = failed.length > 0 ? 1 : 0;
