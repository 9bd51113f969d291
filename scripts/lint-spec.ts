/** `npm run lint:spec`: Redocly's recommended rules; any error or warning fails (Redocly itself passes warnings). */
import { spawnSync } from "node:child_process";
import { relative } from "node:path";
import { defaultSpecPath, repoRoot } from "./lib/spec.ts";

const result = spawnSync("npx", ["redocly", "lint", "--format=json", relative(repoRoot, defaultSpecPath)], {
  cwd: repoRoot,
  encoding: "utf8",
  env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
});
let report: {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string; severity: string }[];
};
try {
  report = JSON.parse(result.stdout);
} catch {
  console.error(`redocly did not report (exit ${result.status}):\n${result.stderr}`);
  process.exit(1);
}
for (const problem of report.problems) console.error(`${problem.severity} ${problem.ruleId}: ${problem.message}`);
const { errors, warnings } = report.totals;
if (errors + warnings > 0) {
  console.error(`Redocly: ${errors} errors, ${warnings} warnings in the spec (redocly.yaml: recommended rules)`);
  process.exit(1);
}
console.log("Redocly (recommended rules): 0 errors, 0 warnings");
