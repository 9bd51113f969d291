/**
 * `npm run bench`: every benchmark, side by side in one run, as a Markdown table on stdout and
 * bench/results.json with the machine. `--smoke` runs each with a few iterations (part of npm test, so the
 * scripts cannot rot) and writes nothing.
 */
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { runBulk } from "./bulk.ts";
import { measureDailyLimit, measureFaults } from "./faults.ts";
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
const bulkRows = smoke ? 40 : 1_000;
const bulk = [
  await runBulk("rate-limited mock (200/s), --rate 200, default concurrency (10)", bulkRows, {
    rate: 200,
    serverLimit: 200,
  }),
];
for (const concurrency of [1, 4, 16]) {
  bulk.push(await runBulk(`unlimited mock, --concurrency ${concurrency}`, bulkRows, { concurrency, rate: 100_000 }));
}
const faults = await measureFaults(smoke ? 40 : 1_000);
const daily = smoke ? await measureDailyLimit(40, 10) : await measureDailyLimit(1_000, 100);
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
  `**Bulk** (${bulkRows} rows through \`zoom-im-groups create --file\` against the mock over loopback)`,
  "",
  "| run | creates/s | ÷ limit | 429s | failed | peak RSS MiB |",
  "|---|---:|---:|---:|---:|---:|",
  ...bulk.map(
    (b) =>
      `| ${b.label} | ${b.createsPerSecond} | ${b.ratioToLimit?.toFixed(3) ?? "–"} | ${b.rateLimited} | ${b.failed} | ${b.peakRssMiB} |`,
  ),
  "",
  `**Faults** (${faults.rows} rows, \`--rate 200 --concurrency 32\`, mock \`--drop-rate ${faults.faults.dropRate} --fail-rate ${faults.faults.failRate} --latency ${faults.faults.latencyMs.join("-")} --seed ${faults.faults.seed}\`)`,
  "",
  "| measure | value |",
  "|---|---:|",
  `| answers dropped after creating / 5xx without creating | ${faults.drops} / ${faults.failures} |`,
  `| rows created (of them unconfirmed: answer lost) | ${faults.created} (${faults.unconfirmed}) |`,
  `| rows failed | ${faults.failed} |`,
  `| groups on the mock (each name once) | ${faults.groupsOnServer} |`,
  `| reported outcomes that disagree with the mock | ${faults.disagreements} |`,
  `| time, exit code | ${faults.seconds} s, ${faults.exitCode} |`,
  "",
  `**Daily limit** (${daily.rows} rows, mock \`--daily-limit ${daily.dailyLimit}\`, then \`--resume\` against a fresh mock)`,
  "",
  "| measure | value |",
  "|---|---:|",
  `| created, not-sent, exit code | ${daily.created}, ${daily.notSent}, ${daily.exitCode} |`,
  `| first Daily-limit 429 → run ended | ${daily.stopSeconds} s |`,
  `| creates answered after the first Daily-limit 429 (already on the wire) | ${daily.requestsAfterLimit} |`,
  `| --resume: requests sent, created, taken from the earlier run, exit code | ${daily.resume.requestsSent}, ${daily.resume.created}, ${daily.resume.resumed}, ${daily.resume.exitCode} |`,
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

const failedRows = bulk.reduce((sum, b) => sum + b.failed, 0) + faults.failed + faults.disagreements;
if (failedRows > 0) {
  console.error(`bench: ${failedRows} bulk rows failed`);
  process.exitCode = 1;
}
if (!smoke) {
  await writeFile(
    new URL("./results.json", import.meta.url),
    `${JSON.stringify({ machine, overhead, bulk, faults, dailyLimit: daily, size }, null, 2)}\n`,
  );
  console.log("\nwrote bench/results.json");
}
