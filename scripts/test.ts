/**
 * `npm test`: every check, the independent stages of a phase side by side, each stage's wall time and last
 * line printed (as .ci/run prints its own). Phase 1 needs only the sources; phases 2 and 3 need the build. A
 * failing stage's whole output is shown and fails the run. Each stage is a package.json script, named once,
 * there. vitest has phase 2 to itself: beside check:package (npm install, tsc, two Prisms) and bench:smoke
 * it loaded a 2-core machine enough to turn timing-sensitive tests red; nothing else runs while it does.
 */
import { spawn } from "node:child_process";
import { repoRoot } from "./lib/spec.ts";

const phases = [["lint", "typecheck", "lint:spec", "build"], ["vitest"], ["check:package", "bench:smoke"]];

function run(stage: string): Promise<{ stage: string; ok: boolean; seconds: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", stage], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) =>
      resolve({ stage, ok: code === 0, seconds: (performance.now() - started) / 1000, output }),
    );
  });
}

const lastLine = (output: string) => output.trim().split("\n").at(-1)?.trim() ?? "";
const started = performance.now();
const results = [];
for (const [index, phase] of phases.entries()) {
  console.log(`==> phase ${index + 1}: ${phase.join(", ")}`);
  const finished = await Promise.all(phase.map(run));
  for (const { stage, ok, seconds, output } of finished) {
    console.log(`${ok ? "ok  " : "FAIL"} ${stage.padEnd(17)} ${seconds.toFixed(1).padStart(5)} s  ${lastLine(output)}`);
    if (!ok) console.log(output.replace(/^/gm, `  ${stage} | `));
  }
  results.push(...finished);
  if (finished.some((result) => !result.ok)) break;
}
const failed = results.filter((result) => !result.ok).length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`npm test: ${results.length - failed} stages passed, ${failed} failed, ${seconds} s`);
// vitest's own closing line (vitest.config.ts), last, for log readers that count tests.
const vitest = results.find((result) => result.stage === "vitest");
if (vitest) console.log(lastLine(vitest.output));
process.exitCode = failed > 0 ? 1 : 0;
