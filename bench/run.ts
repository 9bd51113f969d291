/**
 * `npm run bench`: every benchmark, side by side in one run, as a Markdown table on stdout and
 * bench/results.json with the machine. `--smoke` runs each with a few iterations (part of npm test, so the
 * scripts cannot rot) and writes nothing.
 */
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { bulkProblems, bulkTables, measureBulk } from "./bulk.ts";
import { measureOverhead } from "./overhead.ts";
import { measureSize } from "./size.ts";

const smoke = process.argv.includes("--smoke");
const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  node: process.version,
  date: new Date().toISOString(),
};

const overhead = smoke ? await measureOverhead(20, 2) : await measureOverhead(2_000, 15);
const OVERHEAD_TARGET = 1.05;
const multipartRatio = overhead.variants.find((v) => v.name === "createImGroup (multipart)")?.ratio ?? Number.NaN;
const bulk = await measureBulk(smoke);
const size = await measureSize(smoke ? 2 : 20);

const lines = [
  `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}${smoke ? " (smoke run: figures are not meaningful)" : ""}`,
  "",
  `**Overhead** (${overhead.callsPerRound} sequential calls per variant per round, interleaved in blocks, ${overhead.rounds} rounds; ratio = median over rounds of the same round's ratio)`,
  "",
  "| variant | µs per call | × hand-written fetch | range over rounds |",
  "|---|---:|---:|---:|",
  ...overhead.variants.map(
    (v) =>
      `| ${v.name} | ${v.medianMicros} | ${v.ratio.toFixed(3)} | ${v.ratioRange.map((r) => r.toFixed(3)).join("–")} |`,
  ),
  "",
  `Target: createImGroup (multipart) ≤ ${OVERHEAD_TARGET.toFixed(2)} × hand-written fetch: ${multipartRatio <= OVERHEAD_TARGET ? "met" : "missed"} (${multipartRatio.toFixed(3)}).`,
  "",
  ...bulkTables(bulk),
  "",
  "**Size and start-up**",
  "",
  "| measure | value |",
  "|---|---:|",
  `| library entry, bundled + minified, with openapi-fetch | ${size.bundleBytes.withOpenapiFetch} B (${size.bundleBytes.withOpenapiFetchGzip} B gzip) |`,
  `| library entry, bundled + minified, without openapi-fetch | ${size.bundleBytes.withoutOpenapiFetch} B (${size.bundleBytes.withoutOpenapiFetchGzip} B gzip) |`,
  `| import zoom-im-groups ÷ import openapi-fetch (median of ${size.importMs.processes} fresh processes) | ${size.importMs.ratio} (${size.importMs.zoomImGroups} ms vs ${size.importMs.openapiFetch} ms) |`,
  `| CLI \`--version\` start-up (median) | ${size.cliVersionMs} ms |`,
];
console.log(lines.join("\n"));

const problems = bulkProblems(bulk);
if (problems.length > 0) {
  console.error(`bench: ${problems.join("; ")}`);
  process.exitCode = 1;
}
if (!smoke) {
  await writeFile(
    new URL("./results.json", import.meta.url),
    `${JSON.stringify({ machine, overhead, bulk, size }, null, 2)}\n`,
  );
  console.log("\nwrote bench/results.json");
}
